"""GPU enablement: the NVIDIA device plugin and DCGM exporter on the GPU pools only.

Why not the GPU Operator: both clouds already ship the driver and container
toolkit on GPU nodes (EKS AL2023 NVIDIA AMI; AKS GPU node images), and the
operator's driver containers would fight them. What is missing on both is the
device plugin (so pods can request `nvidia.com/gpu`) and DCGM metrics.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pulumi

from components.k8s.helm import mirror, pinned_release
from components.k8s.namespaces import NODE_AGENTS_NAMESPACE

GPU_POOL_SELECTOR = {"smp.io/pool-kind": "gpu"}
GPU_TOLERATIONS = [{"key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule"}]

# (chart, pinned version, repository)
DEVICE_PLUGIN_CHART = (
    "nvidia-device-plugin",
    "0.17.1",
    "https://nvidia.github.io/k8s-device-plugin",
)
DCGM_EXPORTER_CHART = (
    "dcgm-exporter",
    "4.1.1",
    "https://nvidia.github.io/dcgm-exporter/helm-charts",
)

# GPUs per machine type, for the training namespace's GPU quota. Unknown types
# count as one GPU per node (the smallest NVIDIA instance of every family).
_GPUS: dict[str, int] = {
    "g5.12xlarge": 4,
    "g5.24xlarge": 4,
    "g5.48xlarge": 8,
    "g6.12xlarge": 4,
    "g6.24xlarge": 4,
    "g6.48xlarge": 8,
    "g6e.12xlarge": 4,
    "g6e.24xlarge": 4,
    "g6e.48xlarge": 8,
    "p4d.24xlarge": 8,
    "p4de.24xlarge": 8,
    "p5.48xlarge": 8,
    "p5e.48xlarge": 8,
    "p5en.48xlarge": 8,
    "p3.8xlarge": 4,
    "p3.16xlarge": 8,
    "Standard_NC48ads_A100_v4": 2,
    "Standard_NC96ads_A100_v4": 4,
    "Standard_ND96asr_v4": 8,
    "Standard_ND96amsr_A100_v4": 8,
    "Standard_ND96isr_H100_v5": 8,
    "Standard_NC64as_T4_v3": 4,
    "Standard_NC12s_v3": 2,
    "Standard_NC24s_v3": 4,
}


def gpus_per_node(instance_type: str) -> int:
    """How many NVIDIA GPUs one node of `instance_type` has."""
    return _GPUS.get(instance_type, 1)


def gpu_quota(pools: Sequence[tuple[Sequence[str], int]]) -> int:
    """The most GPUs the GPU pools can bring: max nodes x the largest GPU count per type."""
    return sum(max_size * max(gpus_per_node(t) for t in types) for types, max_size in pools)


@dataclass(frozen=True)
class GpuEnablementArgs:
    """The registry the GPU node agents' images are mirrored in."""

    image_registry: pulumi.Input[str]
    # What must exist before this component's resources are created.
    after: Sequence[pulumi.Resource] = ()


class GpuEnablement(pulumi.ComponentResource):
    """Device plugin and DCGM exporter, scheduled onto GPU nodes by selector and toleration."""

    def __init__(
        self, name: str, args: GpuEnablementArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        image_registry = args.image_registry
        depends_on = args.after
        super().__init__("smp:k8s:GpuEnablement", name, None, opts)
        child = pulumi.ResourceOptions(parent=self, depends_on=list(depends_on))
        placement = {"nodeSelector": GPU_POOL_SELECTOR, "tolerations": GPU_TOLERATIONS}
        self.device_plugin = pinned_release(
            f"{name}-device-plugin",
            DEVICE_PLUGIN_CHART,
            NODE_AGENTS_NAMESPACE,
            {
                **placement,
                "image": {"repository": mirror(image_registry, "nvidia/k8s-device-plugin")},
                "priorityClassName": "system-node-critical",
                "failOnInitError": True,
            },
            child,
        )
        self.dcgm_exporter = pinned_release(
            f"{name}-dcgm-exporter",
            DCGM_EXPORTER_CHART,
            NODE_AGENTS_NAMESPACE,
            {
                **placement,
                "image": {"repository": mirror(image_registry, "nvidia/dcgm-exporter")},
                # Scraped by the monitoring stack's Prometheus.
                "serviceMonitor": {
                    "enabled": True,
                    "interval": "15s",
                    "additionalLabels": {"release": "kube-prometheus-stack"},
                },
                "resources": {
                    "requests": {"cpu": "100m", "memory": "256Mi"},
                    "limits": {"cpu": "500m", "memory": "512Mi"},
                },
            },
            child,
        )
        self.register_outputs({})
