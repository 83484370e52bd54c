"""The Feast online store: Azure Cache for Redis, TLS only, private, Entra authentication.

Access keys are disabled: clients authenticate with their workload identity's
Entra token and get a data access policy, so there is no shared secret to leak
or rotate. RDB/AOF persistence is off, so no cache data is written to disk.
"""

from __future__ import annotations

import re

import pulumi
import pulumi_azure_native as azure_native

from components.azure.audit import AuditLogging
from components.azure.deployment import AzureDeployment
from components.azure.naming import REDIS_CACHE, global_name
from components.azure.network import Network

_NODE_TYPE = re.compile(r"^(Basic|Standard|Premium)_([CP])(\d)$")
REDIS_AUDIT_GROUPS = ("allLogs",)


def redis_sku(node_type: str) -> azure_native.redis.SkuArgsDict:
    """`Premium_P1` -> {name: Premium, family: P, capacity: 1}."""
    match = _NODE_TYPE.match(node_type)
    if not match:
        raise ValueError(
            f"featureStore.onlineStore.nodeType {node_type!r} is not an Azure "
            "Cache for Redis size such as Premium_P1 or Standard_C1"
        )
    return {"name": match[1], "family": match[2], "capacity": int(match[3])}


class OnlineStore(pulumi.ComponentResource):
    """Azure Cache for Redis behind a private endpoint."""

    cache_name: pulumi.Output[str]
    cache_id: pulumi.Output[str]
    endpoint: pulumi.Output[str]

    def __init__(
        self,
        name: str,
        deployment: AzureDeployment,
        network: Network,
        audit: AuditLogging,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:azure:OnlineStore", name, None, opts)
        d = deployment
        p = d.settings.platform
        sku = redis_sku(p.feature_store.online_store.node_type)
        premium = sku["name"] == "Premium"
        configuration: azure_native.redis.RedisCommonPropertiesRedisConfigurationArgsDict = {
            "aad_enabled": "true"
        }
        if premium:  # persistence exists only on Premium; keep it off (no data on disk)
            configuration.update({"rdb_backup_enabled": "false", "aof_backup_enabled": "false"})
        cache = azure_native.redis.Redis(
            f"{name}-redis",
            name=global_name(REDIS_CACHE, d.stack, "online-store"),
            resource_group_name=network.resource_group_name,
            location=d.location,
            sku=sku,
            redis_version="6",
            enable_non_ssl_port=False,
            minimum_tls_version="1.2",
            public_network_access="Disabled",
            disable_access_key_authentication=True,
            redis_configuration=configuration,
            replicas_per_primary=p.feature_store.online_store.replicas if premium else None,
            tags=d.tags("online-store"),
            opts=d.child(self),
        )
        network.private_endpoint(self, name, cache.id, "redisCache", "redis")
        audit.diagnostics("online-store", cache.id, category_groups=REDIS_AUDIT_GROUPS)
        self.cache_name = cache.name
        self.cache_id = cache.id
        self._resource_group_name = network.resource_group_name
        self._deployment = d
        self._last_grant: pulumi.Resource = cache
        self.endpoint = pulumi.Output.concat(cache.host_name, ":", cache.ssl_port.apply(str))
        self.register_outputs({"endpoint": self.endpoint})

    def grant(
        self,
        workload: str,
        principal_id: pulumi.Input[str],
        access_policy: str,
        parent: pulumi.Resource,
    ) -> azure_native.redis.AccessPolicyAssignment:
        """Give an Entra principal a Redis data access policy ("Data Contributor", ...)."""
        d = self._deployment
        grant = azure_native.redis.AccessPolicyAssignment(
            f"{d.stack}-redis-access-{workload}",
            access_policy_assignment_name=workload.replace("-", ""),
            access_policy_name=access_policy,
            cache_name=self.cache_name,
            resource_group_name=self._resource_group_name,
            object_id=principal_id,
            object_id_alias=workload,
            # The cache applies one access-policy change at a time.
            opts=d.child(parent, depends_on=[self._last_grant]),
        )
        self._last_grant = grant
        return grant
