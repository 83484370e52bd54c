"""One node-pool shape for system, cpu and gpu pools, driven by the `NodePool` config.

`agent_pool_settings` turns a config entry into AKS agent-pool settings; the
`NodePool` component creates a pool from them. The cluster's first system pool
uses the same settings inline (AKS cannot create a cluster without one).
"""

from __future__ import annotations

import re
from typing import Any

import pulumi
import pulumi_azure_native as azure_native

from components.azure.deployment import AzureDeployment
from platform_spec import NodePool as NodePoolConfig

# AKS adds this taint to spot pools; declaring it keeps plans and reality equal.
SPOT_TAINT = "kubernetes.azure.com/scalesetpriority=spot:NoSchedule"
POOL_KIND_LABEL = "smp.io/pool-kind"


def agent_pool_name(config_key: str) -> str:
    """AKS pool names: lower-case letters and digits, starting with a letter, at most 12."""
    name = re.sub(r"[^a-z0-9]", "", config_key.lower())
    if not name or not name[0].isalpha():
        name = f"p{name}"
    return name[:12]


def agent_pool_settings(
    config_key: str,
    pool: NodePoolConfig,
    *,
    kubernetes_version: str,
    zones: int,
    subnet_id: pulumi.Input[str],
    tags: dict[str, str],
) -> dict[str, Any]:
    """The settings every pool shares (snake_case keys of both AgentPool and the inline profile)."""
    taints = [
        f"{t.key}={t.value}:{t.effect}" if t.value else f"{t.key}:{t.effect}"
        for t in pool.effective_taints
    ]
    settings: dict[str, Any] = {
        "mode": "System" if pool.kind == "system" else "User",
        # One VM size per AKS pool; the first configured type is the pool's size.
        "vm_size": pool.instance_types[0],
        "os_type": "Linux",
        "os_sku": "AzureLinux",
        "orchestrator_version": kubernetes_version,
        "enable_auto_scaling": True,
        "min_count": pool.min_size,
        "max_count": pool.max_size,
        "count": pool.desired_size if pool.desired_size is not None else pool.min_size,
        "vnet_subnet_id": subnet_id,
        # Nodes are reachable only inside the VNet.
        "enable_node_public_ip": False,
        # Temp disks and caches encrypted on the host, OS disks by the cluster's DES.
        "enable_encryption_at_host": True,
        "os_disk_type": "Managed",
        "os_disk_size_gb": pool.disk_size_gb,
        "node_taints": taints,
        "node_labels": {
            **pool.labels,
            POOL_KIND_LABEL: pool.kind,
            # One VM size per AKS pool: its family and sharing config.
            **pool.model_copy(update={"instance_types": pool.instance_types[:1]}).gpu_node_labels,
        },
        "upgrade_settings": {"max_surge": "33%" if pool.kind != "gpu" else "1"},
        "tags": tags,
    }
    if pool.gpu_sharing is not None and pool.gpu_sharing.mig_profile is not None:
        # MIG partitions made by AKS at pool creation (immutable afterwards).
        settings["gpu_instance_profile"] = pool.gpu_sharing.mig_profile
    if zones > 1:  # a region without zones takes no zone list at all
        settings["availability_zones"] = [str(z) for z in range(1, zones + 1)]
    if pool.spot:
        settings.update(
            {
                "scale_set_priority": "Spot",
                "scale_set_eviction_policy": "Delete",
                "spot_max_price": -1,  # pay up to the on-demand price, never be outbid
                "node_taints": [*taints, SPOT_TAINT],
            }
        )
    return settings


class NodePool(pulumi.ComponentResource):
    """One AKS agent pool (system, cpu or gpu) built from its config entry."""

    pool_name: str
    agent_pool: azure_native.containerservice.AgentPool

    def __init__(
        self,
        name: str,
        deployment: AzureDeployment,
        config_key: str,
        pool: NodePoolConfig,
        *,
        resource_group_name: pulumi.Input[str],
        cluster_name: pulumi.Input[str],
        subnet_id: pulumi.Input[str],
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:azure:NodePool", name, None, opts)
        d = deployment
        p = d.settings.platform
        self.pool_name = agent_pool_name(config_key)
        settings = agent_pool_settings(
            config_key,
            pool,
            kubernetes_version=p.kubernetes_version,
            zones=p.network.availability_zones,
            subnet_id=subnet_id,
            tags=d.tags("node-pool", {"pool": config_key, "pool-kind": pool.kind}),
        )
        self.agent_pool = azure_native.containerservice.AgentPool(
            f"{name}-pool",
            agent_pool_name=self.pool_name,
            resource_group_name=resource_group_name,
            resource_name_=cluster_name,
            **settings,
            # The cluster autoscaler owns the node count after creation.
            opts=d.child(self, ignore_changes=["count"]),
        )
        self.register_outputs({"poolName": self.pool_name})
