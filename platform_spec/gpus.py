"""GPU facts the configuration needs: GPUs per machine type, the instance family a type
belongs to, and how a GPU may be shared (time-slicing, MIG profiles on AKS).

No cloud branches: an AWS type names its family before the dot (`g5.2xlarge` -> `g5`),
an Azure size is the family with its vCPU count removed (`Standard_NC24ads_A100_v4` ->
`NCads_A100_v4`). The queues (components/k8s/queues.py) make one ResourceFlavor per
family; the quotas of the stack's teams are checked against what the pools can bring.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# GPUs per machine type. Unknown types count as one GPU per node (the smallest NVIDIA
# instance of every family).
GPUS_PER_MACHINE: dict[str, int] = {
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

# MIG on AKS GPU pools (`gpuInstanceProfile` of the agent pool). Microsoft's "Create a
# multi-instance GPU node pool in AKS" (learn.microsoft.com/azure/aks/gpu-multi-instance):
# "supported on the Standard_NC40ads_H100_v5, Standard_ND96isr_H100_v5, and A100 GPU VM
# sizes"; the A100 sizes are the NC A100 v4, ND A100 v4 and NDm A100 v4 series.
MIG_VM_SIZES: tuple[str, ...] = (
    "Standard_NC24ads_A100_v4",
    "Standard_NC48ads_A100_v4",
    "Standard_NC96ads_A100_v4",
    "Standard_ND96asr_v4",
    "Standard_ND96amsr_A100_v4",
    "Standard_NC40ads_H100_v5",
    "Standard_ND96isr_H100_v5",
)
# The profiles (the AgentPool's GPUInstanceProfile values) and the GPU instances each
# makes of one GPU (same page: 1g -> 7, 2g -> 3, 3g -> 2, 4g -> 1, 7g -> 1).
MIG_INSTANCES_PER_GPU: dict[str, int] = {"MIG1g": 7, "MIG2g": 3, "MIG3g": 2, "MIG4g": 1, "MIG7g": 1}

# The node label a gpu pool of one family carries; Kueue's ResourceFlavors select by it.
GPU_FAMILY_LABEL = "smp.io/gpu-family"
# The NVIDIA device plugin's per-node configuration: a node labelled with a config's name
# gets that config of the plugin's ConfigMap (README of NVIDIA/k8s-device-plugin,
# "Updating Per-Node Configuration With a Node Label"); unlabelled nodes get the default.
DEVICE_PLUGIN_CONFIG_LABEL = "nvidia.com/device-plugin.config"

_AZURE_SIZE = re.compile(r"^(?:Standard_)?([A-Za-z]+)(\d+)(.*)$")


def gpus_per_node(instance_type: str) -> int:
    """How many NVIDIA GPUs one node of `instance_type` has."""
    return GPUS_PER_MACHINE.get(instance_type, 1)


def gpu_family(instance_type: str) -> str:
    """The instance family: `g5.2xlarge` -> `g5`, `Standard_NC24ads_A100_v4` -> `NCads_A100_v4`."""
    if "." in instance_type:
        return instance_type.split(".", 1)[0]
    match = _AZURE_SIZE.match(instance_type)
    return f"{match[1]}{match[3]}" if match else instance_type


def families(instance_types: Iterable[str]) -> list[str]:
    """The distinct families of `instance_types`, in first-seen order."""
    return list(dict.fromkeys(gpu_family(t) for t in instance_types))


def pool_family(instance_types: Iterable[str]) -> str | None:
    """The one GPU family of a pool's instance types, or None when they mix families."""
    found = families(instance_types)
    return found[0] if len(found) == 1 else None


def gpu_pool_labels(instance_types: Iterable[str]) -> dict[str, str]:
    """The family label of a gpu pool whose types are all of one family (else none)."""
    family = pool_family(instance_types)
    return {GPU_FAMILY_LABEL: family} if family is not None else {}


def flavor_name(family: str) -> str:
    """The Kueue ResourceFlavor of a GPU family (a DNS-1123 name): `gpu-ncads-a100-v4`."""
    return "gpu-" + re.sub(r"[^a-z0-9]+", "-", family.lower()).strip("-")


def gpu_quota(pools: Iterable[tuple[Iterable[str], int]]) -> int:
    """The most GPUs the GPU pools can bring: max nodes x the largest GPU count per type."""
    return sum(max_size * max(gpus_per_node(t) for t in types) for types, max_size in pools)
