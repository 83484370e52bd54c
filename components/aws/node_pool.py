"""One EKS managed node group per configured pool, whatever its kind.

system, cpu and gpu pools differ only in data: AMI type, capacity type, taints
and labels come from the pool's `NodePool` config. Every pool gets a launch
template that requires IMDSv2 (hop limit 1, so pods cannot borrow the node's
credentials), encrypts the root volume with the storage CMK and has no SSH key.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pulumi
import pulumi_aws as aws

from components.aws.tagging import Tagging
from platform_spec import NodePool as NodePoolConfig

_GRAVITON = re.compile(r"^[a-z]+\d+[a-z]*g[a-z]*\.")  # m7g, c6gn, r7gd, t4g ...
_TAINT_EFFECTS = {
    "NoSchedule": "NO_SCHEDULE",
    "PreferNoSchedule": "PREFER_NO_SCHEDULE",
    "NoExecute": "NO_EXECUTE",
}
POOL_LABEL = "smp.io/pool"
KIND_LABEL = "smp.io/pool-kind"
ROOT_DEVICE = "/dev/xvda"


def ami_type(pool: NodePoolConfig) -> str:
    """The EKS AMI type for a pool: AL2023, NVIDIA variant for GPU pools."""
    arm = [bool(_GRAVITON.match(t)) for t in pool.instance_types]
    if any(arm) and not all(arm):
        # One node group runs one AMI; EKS refuses mixed architectures at create time.
        raise ValueError(
            f"a node pool cannot mix ARM (Graviton) and x86 instance types: {pool.instance_types}"
        )
    if pool.kind == "gpu":
        if any(arm):
            raise ValueError(f"GPU pools run the x86 NVIDIA AMI: {pool.instance_types}")
        return "AL2023_x86_64_NVIDIA"
    return "AL2023_ARM_64_STANDARD" if all(arm) else "AL2023_x86_64_STANDARD"


def pool_labels(pool_name: str, pool: NodePoolConfig) -> dict[str, str]:
    """Labels every node of the pool carries: its name and kind, then the configured ones."""
    labels = {POOL_LABEL: pool_name, KIND_LABEL: pool.kind}
    if pool.kind == "gpu":
        labels["nvidia.com/gpu.present"] = "true"
        labels.update(pool.gpu_node_labels)
    labels.update(pool.labels)
    return labels


class NodePool(pulumi.ComponentResource):
    """A managed node group with its launch template, for a system, cpu or gpu pool.

    Attributes: `node_group`, `launch_template`.
    """

    def __init__(
        self,
        name: str,
        *,
        pool_name: str,
        pool: NodePoolConfig,
        cluster_name: pulumi.Input[str],
        kubernetes_version: str,
        node_role_arn: pulumi.Input[str],
        subnet_ids: Sequence[pulumi.Input[str]],
        volume_key_arn: pulumi.Input[str],
        tagging: Tagging,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:aws:NodePool", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        tags = tagging.for_resource(name, pool=pool_name, pool_kind=pool.kind)
        self.launch_template = aws.ec2.LaunchTemplate(
            name,
            description=f"{pool.kind} nodes of {pool_name}",
            update_default_version=True,
            metadata_options={
                "http_endpoint": "enabled",
                "http_tokens": "required",
                "http_put_response_hop_limit": 1,
                "instance_metadata_tags": "disabled",
            },
            block_device_mappings=[
                {
                    "device_name": ROOT_DEVICE,
                    "ebs": {
                        "volume_size": pool.disk_size_gb,
                        "volume_type": "gp3",
                        "encrypted": "true",
                        "kms_key_id": volume_key_arn,
                        "delete_on_termination": "true",
                    },
                }
            ],
            monitoring={"enabled": True},
            tag_specifications=[
                {"resource_type": kind, "tags": tags}
                for kind in ("instance", "volume", "network-interface")
            ],
            tags=tags,
            opts=child,
        )
        desired = pool.desired_size if pool.desired_size is not None else pool.min_size
        # Known at plan time (the group's ARN is not: it ends in a random id).
        self.node_group_name = name
        self.node_group = aws.eks.NodeGroup(
            name,
            cluster_name=cluster_name,
            node_group_name=name,
            version=kubernetes_version,
            node_role_arn=node_role_arn,
            subnet_ids=list(subnet_ids),
            ami_type=ami_type(pool),
            capacity_type="SPOT" if pool.spot else "ON_DEMAND",
            instance_types=list(pool.instance_types),
            scaling_config={
                "min_size": pool.min_size,
                "max_size": pool.max_size,
                "desired_size": desired,
            },
            update_config={"max_unavailable_percentage": 33},
            launch_template={
                "id": self.launch_template.id,
                "version": self.launch_template.latest_version.apply(str),
            },
            labels=pool_labels(pool_name, pool),
            taints=[
                {"key": t.key, "value": t.value or None, "effect": _TAINT_EFFECTS[t.effect]}
                for t in pool.effective_taints
            ],
            node_repair_config={"enabled": True},
            tags=tags,
            # The autoscaler owns desired size once the pool exists.
            opts=pulumi.ResourceOptions(parent=self, ignore_changes=["scalingConfig.desiredSize"]),
        )
        self.register_outputs({"nodeGroup": self.node_group.node_group_name})
