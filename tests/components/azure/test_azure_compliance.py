"""Stack-wide properties: residency, tags, providers, RBAC scopes, network, audit, identity."""

from __future__ import annotations

import importlib
import inspect
import re

import pytest

from components.azure.network import GLOBAL_LOCATION
from components.azure.workload_identity import (
    CONTAINER_ACCESS,
    TOKEN_AUDIENCE,
    service_account_subject,
)
from components.interface import WORKLOADS
from policies.jurisdictions import get_jurisdiction
from smp.offline.mocks import AZURE_SUBSCRIPTION_ID
from stacks.stack_files import load_stack_file
from tests.components.azure.plan_queries import (
    AZURE_STACKS,
    ancestors,
    azure_layer_counts,
    azure_resources,
    one,
)

# Types whose only valid location is "global": DNS records of in-region endpoints.
GLOBAL_ONLY_TYPES = {
    "azure-native:privatedns:PrivateZone",
    "azure-native:privatedns:VirtualNetworkLink",
}
MANDATORY_TAGS = ("owner", "data-classification", "data-residency", "stack")
# Broad built-in roles that must never be assigned (Owner, Contributor, UAA).
BROAD_ROLES = {
    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
    "b24988ac-6180-42a0-ab88-20f7382dd24c",
    "18d7d88d-d351-4525-a2c6-b8f1e4a3ecbe",
}
RESOURCE_SCOPE = re.compile(
    rf"^/subscriptions/{AZURE_SUBSCRIPTION_ID}/resourceGroups/[^/]+/providers/\S+/\S+$"
)


def _sdk_class(type_token: str) -> type:
    _, module, name = type_token.split(":")
    return getattr(importlib.import_module(f"pulumi_azure_native.{module}"), name)


def _is_taggable(type_token: str) -> bool:
    return "tags" in inspect.signature(_sdk_class(type_token)._internal_init).parameters


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_every_location_is_in_the_jurisdiction(plan_of, stack):
    plan = plan_of(stack)
    p = load_stack_file(stack).platform
    allowed = get_jurisdiction(p.jurisdiction).allowed_regions("azure")
    located = [r for r in azure_resources(plan) if "location" in r.inputs]
    assert len(located) > 40
    for resource in located:
        if resource.type in GLOBAL_ONLY_TYPES:
            assert resource.inputs["location"] == GLOBAL_LOCATION
        else:
            assert resource.inputs["location"] in allowed, resource.name
    # Only the database's geo-backup key lives outside the stack's own region.
    elsewhere = {
        r.type
        for r in located
        if r.type not in GLOBAL_ONLY_TYPES and r.inputs["location"] != p.region
    }
    assert elsewhere <= {
        "azure-native:keyvault:Vault",
        "azure-native:managedidentity:UserAssignedIdentity",
    }
    for provider in plan.of_type("pulumi:providers:azure-native"):
        assert provider.inputs["location"] in allowed


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_every_resource_uses_an_explicit_provider_under_the_platform(plan_of, stack):
    plan = plan_of(stack)
    providers = {p.urn for p in plan.of_type("pulumi:providers:azure-native")}
    for resource in azure_resources(plan):
        assert resource.provider in providers, resource.name
        chain = [a.type for a in ancestors(plan, resource)]
        assert "smp:azure:Platform" in chain, resource.name


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_every_taggable_resource_carries_the_mandatory_tags(plan_of, stack):
    plan = plan_of(stack)
    expected = load_stack_file(stack).mandatory_tags
    taggable = [r for r in azure_resources(plan) if _is_taggable(r.type)]
    assert len(taggable) > 40
    for resource in taggable:
        tags = resource.inputs.get("tags")
        assert isinstance(tags, dict), resource.name
        for key in MANDATORY_TAGS:
            assert tags.get(key) == expected[key], (resource.name, key)


def test_tag_check_knows_untaggable_types():
    assert not _is_taggable("azure-native:authorization:RoleAssignment")
    assert _is_taggable("azure-native:storage:StorageAccount")


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_role_assignments_are_scoped_to_single_resources_with_narrow_roles(plan_of, stack):
    grants = plan_of(stack).of_type("azure-native:authorization:RoleAssignment")
    assert len(grants) > 10
    names = [g.inputs["roleAssignmentName"] for g in grants]
    assert len(set(names)) == len(names)
    for grant in grants:
        scope = grant.inputs["scope"]
        assert RESOURCE_SCOPE.match(scope), (grant.name, scope)
        role = grant.inputs["roleDefinitionId"].rsplit("/", 1)[-1]
        assert role not in BROAD_ROLES, grant.name


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_key_grants_are_on_single_keys(plan_of, stack):
    grants = [
        g
        for g in plan_of(stack).of_type("azure-native:authorization:RoleAssignment")
        if g.inputs["roleDefinitionId"].endswith("e147488a-f6f5-4113-8e2d-b22465e65bf6")
    ]
    assert len(grants) >= 4
    for grant in grants:
        assert re.search(r"/vaults/[^/]+/keys/[^/]+$", grant.inputs["scope"]), grant.name


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_subnets_have_nsgs_that_deny_internet_inbound(plan_of, stack):
    plan = plan_of(stack)
    nsgs = {
        n.inputs["networkSecurityGroupName"]: n.inputs
        for n in plan.of_type("azure-native:network:NetworkSecurityGroup")
    }
    subnets = plan.of_type("azure-native:network:Subnet")
    assert {s.inputs["subnetName"] for s in subnets} == {
        "snet-nodes",
        "snet-apiserver",
        "snet-private-endpoints",
        "snet-data",
    }
    for subnet in subnets:
        nsg_name = subnet.inputs["networkSecurityGroup"]["id"].rsplit("/", 1)[-1]
        rules = nsgs[nsg_name]["securityRules"]
        assert any(
            r["access"] == "Deny"
            and r["direction"] == "Inbound"
            and r["sourceAddressPrefix"] == "Internet"
            for r in rules
        )
        for rule in rules:
            if rule["access"] == "Allow" and rule["direction"] == "Inbound":
                assert rule["sourceAddressPrefix"] not in ("*", "Internet", "0.0.0.0/0")
        assert subnet.inputs["defaultOutboundAccess"] is False
    assert one(plan, "azure-native:network:VirtualNetwork").inputs["addressSpace"] == {
        "addressPrefixes": [load_stack_file(stack).platform.network.cidr]
    }


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_every_private_endpoint_is_registered_in_a_linked_private_zone(plan_of, stack):
    plan = plan_of(stack)
    zones = {
        z.inputs["privateZoneName"] for z in plan.of_type("azure-native:privatedns:PrivateZone")
    }
    linked = {
        link.inputs["privateZoneName"]
        for link in plan.of_type("azure-native:privatedns:VirtualNetworkLink")
    }
    assert zones == linked
    endpoints = {
        e.inputs["privateEndpointName"]
        for e in plan.of_type("azure-native:network:PrivateEndpoint")
    }
    groups = plan.of_type("azure-native:network:PrivateDnsZoneGroup")
    assert {g.inputs["privateEndpointName"] for g in groups} == endpoints
    for group in groups:
        for config in group.inputs["privateDnsZoneConfigs"]:
            assert config["privateDnsZoneId"].rsplit("/", 1)[-1] in zones
    for endpoint in plan.of_type("azure-native:network:PrivateEndpoint"):
        assert endpoint.inputs["subnet"]["id"].endswith("/subnets/snet-private-endpoints")


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_audit_logs_go_to_the_in_region_workspace(plan_of, stack):
    plan = plan_of(stack)
    p = load_stack_file(stack).platform
    workspace = one(plan, "azure-native:operationalinsights:Workspace").inputs
    assert workspace["location"] == p.region
    assert workspace["retentionInDays"] == p.monitoring.log_retention_days
    assert workspace["features"]["disableLocalAuth"] is True
    settings = plan.of_type("azure-native:monitor:DiagnosticSetting")
    by_target: dict[str, dict] = {}
    for setting in settings:
        s = setting.inputs
        assert s["workspaceId"].endswith(f"/workspaces/{workspace['workspaceName']}")
        for sink in ("storageAccountId", "eventHubAuthorizationRuleId", "marketplacePartnerId"):
            assert sink not in s
        assert all(log["enabled"] for log in s["logs"])
        by_target[s["resourceUri"]] = s
    cluster = one(plan, "azure-native:containerservice:ManagedCluster").inputs
    aks = next(
        s
        for uri, s in by_target.items()
        if uri.endswith(f"/managedClusters/{cluster['resourceName']}")
    )
    assert {log["category"] for log in aks["logs"]} >= {"kube-audit", "kube-audit-admin", "guard"}
    kinds = {
        "/vaults/",
        "/blobServices/default",
        "/registries/",
        "/flexibleServers/",
        "/redis/",
        "/managedClusters/",
    }
    for kind in kinds:
        assert any(kind in uri for uri in by_target), kind
    vaults = plan.of_type("azure-native:keyvault:Vault")
    assert sum("/vaults/" in uri for uri in by_target) == len(vaults)
    nsgs = plan.of_type("azure-native:network:NetworkSecurityGroup")
    assert sum("/networkSecurityGroups/" in uri for uri in by_target) == len(nsgs)
    accounts = plan.of_type("azure-native:storage:StorageAccount")
    assert sum("/blobServices/default" in uri for uri in by_target) == len(accounts)


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_workload_identities_are_federated_and_scoped_to_containers(plan_of, stack):
    plan = plan_of(stack)
    issuer = plan.outputs["oidcIssuer"]
    credentials = plan.of_type("azure-native:managedidentity:FederatedIdentityCredential")
    assert {c.inputs["subject"] for c in credentials} == {
        service_account_subject(w) for w in WORKLOADS
    }
    for credential in credentials:
        assert credential.inputs["issuer"] == issuer
        assert credential.inputs["audiences"] == [TOKEN_AUDIENCE]
    assert set(plan.outputs["workloadIdentities"]) == set(WORKLOADS)
    data_grants = [
        g
        for g in plan.of_type("azure-native:authorization:RoleAssignment")
        if "-ra-workload-" in g.name
    ]
    assert len(data_grants) == sum(len(v) for v in CONTAINER_ACCESS.values())
    for grant in data_grants:
        assert re.search(r"/blobServices/default/containers/[a-z-]+$", grant.inputs["scope"])
    drift = [g for g in data_grants if "drift-monitor" in g.name]
    readers = {g.inputs["roleDefinitionId"].rsplit("/", 1)[-1] for g in drift}
    assert readers == {"2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"}  # read-only
    # Batch scoring: reads the offline store, writes the predictions zone, nothing else.
    batch = {
        g.inputs["scope"].rsplit("/", 1)[-1]: g.inputs["roleDefinitionId"].rsplit("/", 1)[-1]
        for g in data_grants
        if "batch-scoring" in g.name
    }
    assert batch == {
        "offline-store": "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",  # Storage Blob Data Reader
        "predictions": "ba92f5b4-2d11-453d-a403-e96b0029c9fe",  # ... Data Contributor
    }


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_resource_counts_snapshot(plan_of, snapshot, stack):
    snapshot(f"{stack}-resource-counts", azure_layer_counts(plan_of(stack)))


def test_two_runs_give_identical_plans(plan_of):
    from smp.offline import plan_stack_offline

    fresh = plan_stack_offline("azure-uaecentral-dr").to_json()
    assert fresh == plan_of("azure-uaecentral-dr").to_json()


def test_the_interface_names_the_service_accounts_the_identities_trust():
    from components.azure.workload_identity import WORKLOAD_SERVICE_ACCOUNTS

    assert set(WORKLOAD_SERVICE_ACCOUNTS) == set(WORKLOADS)
    for workload, (namespace, account) in WORKLOAD_SERVICE_ACCOUNTS.items():
        assert service_account_subject(workload) == (f"system:serviceaccount:{namespace}:{account}")


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_trusted_service_accounts_live_in_namespaces_the_stack_creates(plan_of, stack):
    from components.azure.workload_identity import WORKLOAD_SERVICE_ACCOUNTS

    namespaces = {
        r.inputs["metadata"]["name"] for r in plan_of(stack).of_type("kubernetes:core/v1:Namespace")
    }
    for workload, (namespace, _) in WORKLOAD_SERVICE_ACCOUNTS.items():
        assert namespace in namespaces, (workload, namespace)
