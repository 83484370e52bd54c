"""GPU enablement: the NVIDIA device plugin and DCGM exporter on the GPU pools only.

Why not the GPU Operator: both clouds already ship the driver and container
toolkit on GPU nodes (EKS AL2023 NVIDIA AMI; AKS GPU node images), and the
operator's driver containers would fight them. What is missing on both is the
device plugin (so pods can request `nvidia.com/gpu`) and DCGM metrics.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pulumi
import yaml

from components.k8s.helm import mirror, pinned_release
from components.k8s.namespaces import NODE_AGENTS_NAMESPACE
from platform_spec import GpuSharing, NodePool
from platform_spec.gpus import gpu_quota, gpus_per_node  # noqa: F401 - re-exported

GPU_POOL_SELECTOR = {"smp.io/pool-kind": "gpu"}
GPU_RESOURCE = "nvidia.com/gpu"
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


# Nodes without `nvidia.com/device-plugin.config` get this config: whole GPUs.
DEFAULT_SHARING_CONFIG = "whole-gpus"


def sharing_config(sharing: GpuSharing | None) -> str:
    """The device plugin's config file (version v1) for a pool's sharing."""
    config: dict[str, Any] = {"version": "v1", "flags": {"migStrategy": "none"}}
    if sharing is not None and sharing.mig_profile is not None:
        # AKS partitions each GPU (gpuInstanceProfile); "single" advertises every MIG
        # instance as one nvidia.com/gpu, the resource the queues and quotas count.
        config["flags"]["migStrategy"] = "single"
    elif sharing is not None:
        config["sharing"] = {
            "timeSlicing": {
                "renameByDefault": False,
                # A pod asking for two slices of one GPU would get no more compute.
                "failRequestsGreaterThanOne": True,
                "resources": [{"name": GPU_RESOURCE, "replicas": sharing.time_slicing_replicas}],
            }
        }
    return yaml.safe_dump(config, sort_keys=False)


def sharing_configs(pools: Iterable[NodePool]) -> dict[str, str]:
    """Config name -> config file for the plugin's ConfigMap: whole GPUs (the default) and
    each sharing the gpu pools use (`GpuSharing.device_plugin_config` names it; the pools'
    nodes carry the label that selects it)."""
    configs = {DEFAULT_SHARING_CONFIG: sharing_config(None)}
    for pool in pools:
        if pool.gpu_sharing is not None:
            configs[pool.gpu_sharing.device_plugin_config] = sharing_config(pool.gpu_sharing)
    return configs


@dataclass(frozen=True)
class GpuEnablementArgs:
    """The registry the GPU node agents' images are mirrored in, and the sharing configs."""

    image_registry: pulumi.Input[str]
    # What must exist before this component's resources are created.
    after: Sequence[pulumi.Resource] = ()
    # The device plugin's named configs (`sharing_configs`); whole GPUs only by default.
    sharing: Mapping[str, str] = field(
        default_factory=lambda: {DEFAULT_SHARING_CONFIG: sharing_config(None)}
    )


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
                # Time-slicing and MIG per pool, selected by the node label.
                "config": {"map": dict(args.sharing), "default": DEFAULT_SHARING_CONFIG},
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
