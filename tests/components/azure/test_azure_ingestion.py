"""The Azure side of ingestion in the shipped stacks' plans: the raw and curated zones and
the Event Hubs Premium namespace with its Kafka endpoint (issue 15)."""

from __future__ import annotations

import pytest

from components.azure.role_assignment import BuiltInRole
from stacks.stack_files import load_stack_file
from tests.support.plans import one

AZURE_STACKS = ("azure-uaenorth-prod", "azure-uaecentral-dr")
NAMESPACE = "azure-native:eventhub:Namespace"


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_the_namespace_is_premium_cmk_entra_only_and_private(plan_of, stack):
    plan = plan_of(stack)
    platform = load_stack_file(stack).platform
    ns = one(plan, NAMESPACE).inputs
    assert ns["location"] == platform.region
    assert ns["sku"] == {"name": "Premium", "tier": "Premium", "capacity": 1}
    assert ns["disableLocalAuth"] is True
    assert ns["publicNetworkAccess"] == "Disabled"
    assert ns["minimumTlsVersion"] == "1.2"
    assert ns["kafkaEnabled"] is True
    key = one(plan, "azure-native:keyvault:Key", "-key-streaming")
    identity = one(plan, "azure-native:managedidentity:UserAssignedIdentity", "-id-streaming")
    assert ns["encryption"]["keySource"] == "Microsoft.KeyVault"
    assert ns["encryption"]["requireInfrastructureEncryption"] is True
    [vault_key] = ns["encryption"]["keyVaultProperties"]
    assert vault_key["keyName"] == key.inputs["keyName"]
    assert vault_key["identity"]["userAssignedIdentity"] == identity.id
    assert ns["identity"]["userAssignedIdentities"] == [identity.id]
    rules = one(plan, "azure-native:eventhub:NamespaceNetworkRuleSet").inputs
    assert rules["defaultAction"] == "Deny"
    assert rules["trustedServiceAccessEnabled"] is False
    assert rules["ipRules"] == []
    # No SAS keys, no geo-DR pairing.
    assert plan.of_type("azure-native:eventhub:NamespaceAuthorizationRule") == []
    assert plan.of_type("azure-native:eventhub:DisasterRecoveryConfig") == []
    hub = one(plan, "azure-native:eventhub:EventHub").inputs
    assert hub["eventHubName"] == platform.ingestion.stream.topic
    assert hub["partitionCount"] == platform.ingestion.stream.partitions
    assert hub["retentionDescription"]["retentionTimeInHours"] == (
        platform.ingestion.stream.retention_hours
    )
    namespace = one(plan, NAMESPACE)
    endpoints = [
        e
        for e in plan.of_type("azure-native:network:PrivateEndpoint")
        if namespace.urn in e.dependencies
    ]
    assert len(endpoints) == 1
    assert endpoints[0].inputs["privateLinkServiceConnections"][0]["groupIds"] == ["namespace"]
    zones = {
        z.inputs["privateZoneName"] for z in plan.of_type("azure-native:privatedns:PrivateZone")
    }
    assert "privatelink.servicebus.windows.net" in zones


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_raw_is_immutable_and_expires_and_curated_keeps_deleted_blobs(plan_of, stack):
    plan = plan_of(stack)
    ingestion = load_stack_file(stack).platform.ingestion
    policy = one(plan, "azure-native:storage:BlobContainerImmutabilityPolicy").inputs
    assert policy["immutabilityPeriodSinceCreationInDays"] == ingestion.raw_lock_days
    assert policy["allowProtectedAppendWritesAll"] is True
    lifecycle = one(plan, "azure-native:storage:ManagementPolicy").inputs
    [rule] = lifecycle["policy"]["rules"]
    delete = rule["definition"]["actions"]["baseBlob"]["delete"]
    assert delete == {"daysAfterCreationGreaterThan": ingestion.raw_retention_days}
    curated = one(plan, "azure-native:storage:BlobServiceProperties", "-curated-blob-service")
    assert curated.inputs["deleteRetentionPolicy"] == {
        "enabled": True,
        "days": ingestion.curated_noncurrent_days,
    }


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_only_ingestion_writes_the_zones_and_receives_from_the_event_hub(plan_of, stack):
    plan = plan_of(stack)
    grants = plan.of_type("azure-native:authorization:RoleAssignment")

    def holders(suffix: str) -> dict[str, str]:
        return {
            g.name.split("-ra-", 1)[1]: g.inputs["roleDefinitionId"].rsplit("/", 1)[1]
            for g in grants
            if g.inputs["scope"].endswith(suffix)
        }

    assert holders("/containers/raw") == {
        "workload-ingestion-raw": BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR.value
    }
    assert holders("/containers/curated") == {
        "workload-ingestion-curated": BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR.value,
        "workload-training-curated": BuiltInRole.STORAGE_BLOB_DATA_READER.value,
        "workload-feature-store-curated": BuiltInRole.STORAGE_BLOB_DATA_READER.value,
    }
    topic = load_stack_file(stack).platform.ingestion.stream.topic
    assert holders(f"/eventhubs/{topic}") == {
        "ingestion-receives-event-hub": BuiltInRole.EVENT_HUBS_DATA_RECEIVER.value
    }
