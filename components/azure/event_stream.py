"""The ingestion event stream: an Event Hubs Premium namespace, reached over its Kafka
endpoint through a private endpoint, with Entra auth only.

Premium is the tier that takes both a customer-managed key and private endpoints
(Standard has no CMK; docs/adr/0013-ingestion-zones-and-event-stream.md cites the
sources). The namespace: CMK from the stack's Key Vault (with infrastructure
encryption), local/SAS authentication off, public network access off (and a deny-all
network rule set without trusted-service bypass), TLS 1.2, zone-redundant where the
region has zones, no geo-disaster-recovery pairing. The ingestion identity may only
receive from the ingestion event hub.
"""

from __future__ import annotations

import pulumi
import pulumi_azure_native as azure_native

from components.azure.audit import AuditLogging
from components.azure.deployment import AzureDeployment
from components.azure.key_vault import KeyVault
from components.azure.naming import EVENT_HUBS_NAMESPACE, global_name
from components.azure.network import Network
from components.azure.redundancy import zone_redundant
from components.azure.role_assignment import Scope

# Event Hubs' Kafka endpoint (TLS, SASL OAUTHBEARER with an Entra token).
KAFKA_PORT = 9093
EVENT_HUBS_AUDIT_GROUPS = ("allLogs",)


def processing_units(size: str) -> int:
    """`PU4` -> 4 (the stack config validated the shape)."""
    return int(size.removeprefix("PU"))


class EventStream(pulumi.ComponentResource):
    """One Premium namespace with the ingestion event hub (the Kafka topic).

    Attributes: `namespace_id`, `bootstrap_servers` (`<namespace>.servicebus.windows.net:9093`),
    `event_hub_scope` (what the ingestion identity is granted on).
    """

    namespace_id: pulumi.Output[str]
    bootstrap_servers: pulumi.Output[str]
    event_hub_scope: Scope

    def __init__(
        self,
        name: str,
        deployment: AzureDeployment,
        network: Network,
        key_vault: KeyVault,
        audit: AuditLogging,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:azure:EventStream", name, None, opts)
        d = deployment
        p = d.settings.platform
        stream = p.ingestion.stream
        rg = network.resource_group_name
        identity = key_vault.identities["streaming"]
        namespace_name = global_name(EVENT_HUBS_NAMESPACE, d.stack, "ingestion")
        namespace = azure_native.eventhub.Namespace(
            f"{name}-namespace",
            namespace_name=namespace_name,
            resource_group_name=rg,
            location=d.location,
            sku={"name": "Premium", "tier": "Premium", "capacity": processing_units(p.stream_size)},
            kafka_enabled=True,
            disable_local_auth=True,
            public_network_access="Disabled",
            minimum_tls_version="1.2",
            # Where the region has no zones, say nothing about them (as the other services).
            zone_redundant=True if zone_redundant(p) else None,
            identity={"type": "UserAssigned", "user_assigned_identities": [identity.id]},
            encryption={
                "key_source": "Microsoft.KeyVault",
                "require_infrastructure_encryption": True,
                "key_vault_properties": [
                    {
                        "key_name": key_vault.keys["streaming"].name,
                        "key_vault_uri": key_vault.vault_uri,
                        "identity": {"user_assigned_identity": identity.id},
                    }
                ],
            },
            tags=d.tags("event-stream"),
            # CMK can be set only on an empty namespace: at creation, after the key grant.
            opts=d.child(self, depends_on=[key_vault.key_grants["streaming"]]),
        )
        azure_native.eventhub.NamespaceNetworkRuleSet(
            f"{name}-network-rules",
            namespace_name=namespace.name,
            resource_group_name=rg,
            default_action="Deny",
            public_network_access="Disabled",
            trusted_service_access_enabled=False,
            ip_rules=[],
            virtual_network_rules=[],
            opts=d.child(self),
        )
        hub = azure_native.eventhub.EventHub(
            f"{name}-{stream.topic}",
            event_hub_name=stream.topic,
            namespace_name=namespace.name,
            resource_group_name=rg,
            partition_count=stream.partitions,
            retention_description={
                "cleanup_policy": "Delete",
                "retention_time_in_hours": stream.retention_hours,
            },
            opts=d.child(self),
        )
        network.private_endpoint(self, name, namespace.id, "namespace", "eventhub")
        audit.diagnostics("event-stream", namespace.id, category_groups=EVENT_HUBS_AUDIT_GROUPS)
        self.namespace_id = namespace.id
        self.bootstrap_servers = pulumi.Output.concat(
            namespace_name, ".servicebus.windows.net:", str(KAFKA_PORT)
        )
        self.event_hub_scope = Scope(
            d.arm_id(f"Microsoft.EventHub/namespaces/{namespace_name}/eventhubs/{stream.topic}"),
            hub,
        )
        self.register_outputs({"bootstrapServers": self.bootstrap_servers})
