"""The first `pulumi preview` of an Azure stack: nothing exists, every `id` output is unknown.

Role-assignment scopes are built from the subscription (an invoke, answered during
preview) and names the layer derives, so IAM-006 can judge them at that preview. These
tests hold the scopes to three promises: known, below subscription level, and naming
exactly the resource the assignment is for (the same id the resource gets once it exists).
"""

from __future__ import annotations

import re

import pytest

from components.azure.aks import PERSONA_CLUSTER_ROLES
from components.azure.key_vault import ENCRYPTION_IDENTITIES, key_name
from components.azure.workload_identity import CONTAINER_ACCESS
from smp.gate import evaluate_plan
from smp.offline import PlannedResource
from smp.offline.engine import UNKNOWN
from smp.offline.mocks import AZURE_SUBSCRIPTION_ID
from tests.components.azure.plan_queries import AZURE_STACKS
from tests.conftest import cached_first_preview

RA = "azure-native:authorization:RoleAssignment"
# /subscriptions/<sub>/resourceGroups/<rg>/providers/<namespace>/<type>/<name>[/...]
BELOW_SUBSCRIPTION = re.compile(
    rf"^/subscriptions/{AZURE_SUBSCRIPTION_ID}/resourceGroups/(?P<rg>[^/]+)/providers/"
    r"Microsoft\.[A-Za-z]+/[A-Za-z]+/[^/]+(/[^/]+/[^/]+)*$"
)


_first_preview = cached_first_preview


def _purpose(stack: str, assignment: PlannedResource) -> str:
    return assignment.name.removeprefix(f"{stack}-ra-")


def _expected_target(stack: str, purpose: str) -> tuple[str, str]:
    """(type, name input) of the one resource the assignment `purpose` must be scoped to."""
    kms = {"aks-kms": "aks-kms", **{f"{p}-cmk": p for p in ENCRYPTION_IDENTITIES}}
    if purpose.removeprefix("key-") in kms:
        return "azure-native:keyvault:Key", key_name(kms[purpose.removeprefix("key-")])
    if purpose == "key-database-geo-cmk":
        return "azure-native:keyvault:Key", key_name("database-geo-backup")
    if purpose.startswith("workload-"):
        container = next(
            c
            for w, access in CONTAINER_ACCESS.items()
            for c in access
            if purpose == f"workload-{w}-{c}"
        )
        return "azure-native:storage:BlobContainer", container
    if purpose.startswith("persona-"):
        assert purpose.removeprefix("persona-").rsplit("-", 1)[0] in PERSONA_CLUSTER_ROLES
        return "azure-native:containerservice:ManagedCluster", f"aks-{stack}"
    return {
        "aks-kms-vault": ("azure-native:keyvault:Vault", ""),
        "aks-subnet-nodes": ("azure-native:network:Subnet", "snet-nodes"),
        "aks-subnet-apiserver": ("azure-native:network:Subnet", "snet-apiserver"),
        "aks-private-dns": ("azure-native:privatedns:PrivateZone", ""),
        "aks-kubelet-operator": (
            "azure-native:managedidentity:UserAssignedIdentity",
            f"id-{stack}-kubelet",
        ),
        "aks-des-reader": ("azure-native:compute:DiskEncryptionSet", f"des-{stack}"),
        "kubelet-acr-pull": ("azure-native:containerregistry:Registry", ""),
        "secret-registry-db-credentials": (
            "azure-native:keyvault:Secret",
            "registry-db-credentials",
        ),
        # Ingestion receives from the one event hub (its Kafka topic), nothing wider.
        "ingestion-receives-event-hub": ("azure-native:eventhub:EventHub", "transactions"),
    }[purpose]


# The input holding a resource's own name, child types first (a key also has `vaultName`).
_NAME_INPUTS = (
    "keyName",
    "secretName",
    "containerName",
    "subnetName",
    "resourceName",
    "privateZoneName",
    "diskEncryptionSetName",
    "registryName",
    "eventHubName",
    "vaultName",
)


def _name_of(resource: PlannedResource) -> str:
    return next(str(resource.inputs[k]) for k in _NAME_INPUTS if k in resource.inputs)


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_every_scope_is_a_known_arm_id_below_subscription_level(stack):
    grants = _first_preview(stack).of_type(RA)
    assert len(grants) >= 26
    for grant in grants:
        scope = grant.inputs["scope"]
        assert scope != UNKNOWN, grant.name
        assert isinstance(scope, str), grant.name
        match = BELOW_SUBSCRIPTION.match(scope)
        assert match, (grant.name, scope)
        assert match["rg"] == f"rg-{stack}", (grant.name, scope)
        # The built-in role is known too (IAM-006 also judges the role).
        assert grant.inputs["roleDefinitionId"].startswith(
            f"/subscriptions/{AZURE_SUBSCRIPTION_ID}/providers/Microsoft.Authorization/"
            "roleDefinitions/"
        ), grant.name


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_every_scope_names_exactly_the_resource_the_grant_is_for(plan_of, stack):
    """The preview-time scope equals the id the target gets once created, and the target
    is the one resource of the right type and name; the grant still waits for it."""
    created = plan_of(stack)
    by_id = {r.id: r for r in created.resources if r.id}
    preview = {r.urn: r for r in _first_preview(stack).of_type(RA)}
    for grant in created.of_type(RA):
        scope = preview[grant.urn].inputs["scope"]
        assert scope == grant.inputs["scope"], grant.name
        target = by_id.get(scope)
        assert target is not None, (grant.name, scope)
        kind, name = _expected_target(stack, _purpose(stack, grant))
        assert target.type == kind, (grant.name, target.type)
        if name:
            assert _name_of(target) == name, (grant.name, scope)
        assert target.urn in preview[grant.urn].dependencies, grant.name


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_key_grants_name_a_key_not_its_vault_and_container_grants_a_container(stack):
    for grant in _first_preview(stack).of_type(RA):
        purpose, scope = _purpose(stack, grant), grant.inputs["scope"]
        if purpose.startswith("key-"):
            assert re.search(r"/providers/Microsoft\.KeyVault/vaults/[^/]+/keys/[^/]+$", scope)
        if purpose.startswith("workload-"):
            assert re.search(
                r"/providers/Microsoft\.Storage/storageAccounts/[^/]+/"
                r"blobServices/default/containers/[a-z-]+$",
                scope,
            )


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_the_first_preview_has_no_mandatory_violation(stack):
    mandatory = [
        f"{v.rule_id} {v.urn}: {v.message}"
        for v in evaluate_plan(_first_preview(stack))
        if v.mandatory
    ]
    assert mandatory == []
