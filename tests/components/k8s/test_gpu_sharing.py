"""GPU sharing as the stacks ask for it: time-slicing through the NVIDIA device plugin's
per-node config (EKS: aws-uae-dev), MIG partitions on an AKS pool (azure-uaecentral-dr).

No GPU node or device plugin runs here: the plan's node pools and the plugin's
ConfigMap values are checked; the plugin's config format is its README's (v0.17)."""

from __future__ import annotations

from collections.abc import Callable

import yaml

from components.k8s.gpu import DEFAULT_SHARING_CONFIG
from smp.offline import Plan
from tests.support.plans import helm_releases, objects

PlanOf = Callable[[str], Plan]
CONFIG_LABEL = "nvidia.com/device-plugin.config"


def _plugin_configs(plan: Plan) -> tuple[str, dict[str, dict]]:
    values = helm_releases(plan)["nvidia-device-plugin"].inputs["values"]["config"]
    return values["default"], {k: yaml.safe_load(v) for k, v in values["map"].items()}


def _gpu_quota(plan: Plan) -> str:
    [quota] = [q for q in objects(plan, "ResourceQuota", "training")]
    return quota["spec"]["hard"]["requests.nvidia.com/gpu"]


def test_time_slicing_on_eks_labels_the_pool_and_configures_the_plugin(plan_of: PlanOf) -> None:
    plan = plan_of("aws-uae-dev")
    [gpu] = [
        g
        for g in plan.of_type("aws:eks/nodeGroup:NodeGroup")
        if g.inputs["labels"]["smp.io/pool-kind"] == "gpu"
    ]
    assert gpu.inputs["labels"][CONFIG_LABEL] == "time-slicing-4"
    default, configs = _plugin_configs(plan)
    assert default == DEFAULT_SHARING_CONFIG
    assert configs[DEFAULT_SHARING_CONFIG] == {"version": "v1", "flags": {"migStrategy": "none"}}
    assert configs["time-slicing-4"]["sharing"]["timeSlicing"] == {
        "renameByDefault": False,
        "failRequestsGreaterThanOne": True,
        "resources": [{"name": "nvidia.com/gpu", "replicas": 4}],
    }
    # One g5.xlarge (one GPU) advertised four times: the quota counts the slices.
    assert _gpu_quota(plan) == "4"


def test_mig_on_aks_sets_the_instance_profile_and_the_single_strategy(plan_of: PlanOf) -> None:
    plan = plan_of("azure-uaecentral-dr")
    [gpu] = [
        p
        for p in plan.of_type("azure-native:containerservice:AgentPool")
        if p.inputs["nodeLabels"]["smp.io/pool-kind"] == "gpu"
    ]
    assert gpu.inputs["vmSize"] == "Standard_NC24ads_A100_v4"
    assert gpu.inputs["gpuInstanceProfile"] == "MIG3g"
    assert gpu.inputs["nodeLabels"][CONFIG_LABEL] == "mig-single"
    _, configs = _plugin_configs(plan)
    assert configs["mig-single"] == {"version": "v1", "flags": {"migStrategy": "single"}}
    assert "sharing" not in configs["mig-single"]
    # Two nodes of one A100, two 3g instances each.
    assert _gpu_quota(plan) == "4"


def test_unshared_pools_get_whole_gpus_and_no_profile(plan_of: PlanOf) -> None:
    plan = plan_of("azure-uaenorth-prod")
    for pool in plan.of_type("azure-native:containerservice:AgentPool"):
        assert "gpuInstanceProfile" not in pool.inputs
        assert CONFIG_LABEL not in pool.inputs["nodeLabels"]
    _, configs = _plugin_configs(plan)
    assert set(configs) == {DEFAULT_SHARING_CONFIG}
