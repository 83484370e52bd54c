"""Key Vault, storage, registry, database and Redis: CMK, private, TLS, no shared secrets."""

from __future__ import annotations

import re

import pytest

from components.azure.key_vault import KEY_PURPOSES
from stacks.stack_files import load_stack_file
from tests.components.azure.plan_queries import AZURE_STACKS, one

VAULT = "azure-native:keyvault:Vault"
KEY = "azure-native:keyvault:Key"
STORAGE = "azure-native:storage:StorageAccount"
REGISTRY = "azure-native:containerregistry:Registry"
POSTGRES = "azure-native:dbforpostgresql:Server"
REDIS = "azure-native:redis:Redis"
ENDPOINT = "azure-native:network:PrivateEndpoint"


def _endpoint_groups(plan, target_id_suffix: str) -> set[str]:
    """Group ids of the private endpoints whose target id ends with `target_id_suffix`."""
    groups = set()
    for endpoint in plan.of_type(ENDPOINT):
        for connection in endpoint.inputs["privateLinkServiceConnections"]:
            if connection["privateLinkServiceId"].endswith(target_id_suffix):
                groups.update(connection["groupIds"])
    return groups


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_key_vaults_are_rbac_purge_protected_and_private(plan_of, stack):
    plan = plan_of(stack)
    vaults = plan.of_type(VAULT)
    assert vaults
    for vault in vaults:
        props = vault.inputs["properties"]
        assert props["enableRbacAuthorization"] is True
        assert props["enablePurgeProtection"] is True
        assert props["enableSoftDelete"] is True
        assert props["softDeleteRetentionInDays"] >= 7
        assert props["publicNetworkAccess"] == "Disabled"
        assert props["networkAcls"]["defaultAction"] == "Deny"
        assert "accessPolicies" not in props
        assert _endpoint_groups(plan, f"/vaults/{vault.inputs['vaultName']}") == {"vault"}


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_every_key_rotates_and_expires(plan_of, stack):
    keys = plan_of(stack).of_type(KEY)
    names = {k.inputs["keyName"] for k in keys}
    assert {f"{p}-cmk" for p in KEY_PURPOSES} <= names
    for key in keys:
        props = key.inputs["properties"]
        assert props["kty"].startswith("RSA")
        assert props["keySize"] >= 2048
        assert props["attributes"]["exportable"] is False
        policy = props["rotationPolicy"]
        assert policy["attributes"]["expiryTime"].startswith("P")
        actions = {a["action"]["type"]: a["trigger"] for a in policy["lifetimeActions"]}
        assert "timeAfterCreate" in actions["rotate"]


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_storage_accounts_are_adls_cmk_tls12_private_without_shared_keys(plan_of, stack):
    plan = plan_of(stack)
    accounts = plan.of_type(STORAGE)
    # offline store, artifacts, prediction logs, predictions, raw, curated
    assert len(accounts) == 6
    vault = next(
        v
        for v in plan.of_type(VAULT)
        if v.inputs["location"] == load_stack_file(stack).platform.region
    )
    for account in accounts:
        a = account.inputs
        assert a["isHnsEnabled"] is True
        assert a["minimumTlsVersion"] == "TLS1_2"
        assert a["enableHttpsTrafficOnly"] is True
        assert a["allowBlobPublicAccess"] is False
        assert a["allowSharedKeyAccess"] is False
        assert a["publicNetworkAccess"] == "Disabled"
        assert a["networkRuleSet"]["defaultAction"] == "Deny"
        assert a["allowCrossTenantReplication"] is False
        enc = a["encryption"]
        assert enc["keySource"] == "Microsoft.Keyvault"
        assert enc["requireInfrastructureEncryption"] is True
        assert enc["keyVaultProperties"]["keyName"] == "storage-cmk"
        assert enc["keyVaultProperties"]["keyVaultUri"] == (
            f"https://{vault.inputs['vaultName']}.vault.azure.net/"
        )
        assert (
            enc["encryptionIdentity"]["encryptionUserAssignedIdentity"]
            in (a["identity"]["userAssignedIdentities"])
        )
        assert _endpoint_groups(plan, f"/storageAccounts/{a['accountName']}") == {"blob", "dfs"}
    for container in plan.of_type("azure-native:storage:BlobContainer"):
        assert container.inputs["publicAccess"] == "None"


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_registry_is_premium_cmk_private_without_admin_or_replicas(plan_of, stack):
    plan = plan_of(stack)
    registry = one(plan, REGISTRY).inputs
    assert registry["sku"] == {"name": "Premium"}
    assert registry["adminUserEnabled"] is False
    assert registry["anonymousPullEnabled"] is False
    assert registry["publicNetworkAccess"] == "Disabled"
    assert registry["encryption"]["status"] == "enabled"
    assert "/keys/registry-cmk" in registry["encryption"]["keyVaultProperties"]["keyIdentifier"]
    assert registry["policies"]["retentionPolicy"]["status"] == "enabled"
    assert registry["policies"]["exportPolicy"]["status"] == "disabled"
    assert plan.of_type("azure-native:containerregistry:Replication") == []
    assert _endpoint_groups(plan, f"/registries/{registry['registryName']}") == {"registry"}
    # Defender for Containers scans the registry's images (a subscription-wide plan).
    defender = one(plan, "azure-native:security:Pricing").inputs
    assert defender["pricingName"] == "Containers"
    assert defender["pricingTier"] == "Standard"
    assert re.fullmatch(r"subscriptions/[0-9a-f-]{36}", defender["scopeId"])
    assert {"name": "ContainerRegistriesVulnerabilityAssessments", "isEnabled": "True"} in defender[
        "extensions"
    ]


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_database_is_private_cmk_tls_enforced_with_a_secret_password(plan_of, stack):
    plan = plan_of(stack)
    server = one(plan, POSTGRES)
    s = server.inputs
    assert s["network"]["publicNetworkAccess"] == "Disabled"
    assert s["network"]["delegatedSubnetResourceId"].endswith("/subnets/snet-data")
    assert s["network"]["privateDnsZoneArmResourceId"].endswith(
        f"/privateDnsZones/{stack}.private.postgres.database.azure.com"
    )
    assert s["dataEncryption"]["type"] == "AzureKeyVault"
    assert "/keys/database-cmk" in s["dataEncryption"]["primaryKeyURI"]
    assert "administratorLoginPassword" in server.secret_paths
    params = {
        r.inputs["configurationName"]: r.inputs["value"]
        for r in plan.of_type("azure-native:dbforpostgresql:Configuration")
    }
    assert params["require_secure_transport"] == "ON"
    assert params["ssl_min_protocol_version"] in ("TLSv1.2", "TLSv1.3")
    assert s["authConfig"]["activeDirectoryAuth"] == "Enabled"


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_the_entra_admin_principal_type_is_a_value_of_the_sdk_enum(plan_of, stack):
    """API 2025-08-01 takes user | servicePrincipal | group (camelCase): the authorization
    API's "Group" is not a value of this enum and the service would refuse it."""
    from pulumi_azure_native.dbforpostgresql import PrincipalType

    admin = one(plan_of(stack), "azure-native:dbforpostgresql:AdministratorsMicrosoftEntra")
    assert admin.inputs["principalType"] in {t.value for t in PrincipalType}
    assert admin.inputs["principalType"] == "group"


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_online_store_is_tls_only_private_and_entra_authenticated(plan_of, stack):
    plan = plan_of(stack)
    redis = one(plan, REDIS).inputs
    assert redis["enableNonSslPort"] is False
    assert redis["minimumTlsVersion"] == "1.2"
    assert redis["publicNetworkAccess"] == "Disabled"
    assert redis["disableAccessKeyAuthentication"] is True
    assert redis["redisConfiguration"]["aadEnabled"] == "true"
    assert _endpoint_groups(plan, f"/redis/{redis['name']}") == {"redisCache"}
    grants = {
        r.inputs["objectIdAlias"]: r.inputs["accessPolicyName"]
        for r in plan.of_type("azure-native:redis:AccessPolicyAssignment")
    }
    assert grants == {"feature-store": "Data Contributor", "serving": "Data Reader"}


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_registry_credentials_are_a_key_vault_secret_only_the_registry_reads(plan_of, stack):
    plan = plan_of(stack)
    secret = one(plan, "azure-native:keyvault:Secret")
    assert "properties" in secret.secret_paths
    vault = next(
        v for v in plan.of_type(VAULT) if v.inputs["vaultName"] == secret.inputs["vaultName"]
    )
    assert vault.inputs["location"] == load_stack_file(stack).platform.region
    readers = [
        g
        for g in plan.of_type("azure-native:authorization:RoleAssignment")
        if g.inputs["roleDefinitionId"].endswith("4633458b-17de-408a-b874-0445c86b69e6")
    ]
    assert [g.name for g in readers] == [f"{stack}-ra-secret-registry-db-credentials"]
    assert (
        readers[0]
        .inputs["scope"]
        .endswith(f"/vaults/{secret.inputs['vaultName']}/secrets/{secret.inputs['secretName']}")
    )
