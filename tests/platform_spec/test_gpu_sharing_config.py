"""`nodePools.<pool>.gpuSharing`: time-slicing on both clouds, MIG on MIG-capable AKS sizes."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from platform_spec import ConfigError, parse_stack_settings
from platform_spec.gpus import MIG_VM_SIZES
from stacks.stack_files import read_stack_file


def _load(stack: str, change: Any) -> Any:
    values = copy.deepcopy(read_stack_file(stack).project_values)
    change(values["platform"])
    return parse_stack_settings("t", values, lambda _k: False, "test", None)


def _problems(stack: str, change: Any) -> str:
    with pytest.raises(ConfigError) as info:
        _load(stack, change)
    return info.value.render()


def _share(pool: str, **sharing: Any) -> Any:
    return lambda p: p["nodePools"][pool].update({"gpuSharing": sharing})


def test_shared_gpus_count_once_per_slice() -> None:
    sliced = _load("aws-uae-prod", _share("gpu", timeSlicingReplicas=4)).platform
    assert sliced.node_pools["gpu"].schedulable_gpus_per_node == 4
    assert sliced.node_pools["gpu"].gpu_node_labels == {
        "smp.io/gpu-family": "g5",
        "nvidia.com/device-plugin.config": "time-slicing-4",
    }
    mig = _load("azure-uaenorth-prod", _share("gpu", migProfile="MIG3g")).platform
    assert mig.node_pools["gpu"].schedulable_gpus_per_node == 2  # one A100, two 3g slices
    assert mig.node_pools["gpu"].gpu_node_labels["nvidia.com/device-plugin.config"] == "mig-single"
    # The teams' quotas may use the slices: 4 nodes x 2 slices.
    more = _load(
        "azure-uaenorth-prod",
        lambda p: (
            _share("gpu", migProfile="MIG3g")(p),
            p["queues"]["teams"]["research"]["gpus"]["NCads_A100_v4"].update({"nominal": 6}),
        ),
    )
    assert more.platform.queues is not None


BAD_SHARING = [
    (
        "a MIG profile on a size without MIG",
        "azure-uaenorth-prod",
        lambda p: (
            p["nodePools"]["gpu"].update(
                {"instanceTypes": ["Standard_NC4as_T4_v3"], "gpuSharing": {"migProfile": "MIG1g"}}
            ),
            p["queues"]["teams"]["fraud-ml"].update({"gpus": {}}),
            p["queues"]["teams"]["research"].update({"gpus": {}}),
        ),
        [
            "platform.nodePools.gpu.instanceTypes[0]",
            "Standard_NC4as_T4_v3 has no MIG support",
            "MIG-capable sizes: " + ", ".join(MIG_VM_SIZES),
        ],
    ),
    (
        "a MIG profile on EKS",
        "aws-uae-prod",
        _share("gpu", migProfile="MIG1g"),
        ["platform.nodePools.gpu.gpuSharing.migProfile", "AKS GPU pools", "timeSlicingReplicas"],
    ),
    (
        "an unknown MIG profile",
        "azure-uaenorth-prod",
        _share("gpu", migProfile="MIG5g"),
        ["platform.nodePools.gpu.gpuSharing.migProfile", "'MIG1g', 'MIG2g'"],
    ),
    (
        "both ways at once",
        "azure-uaenorth-prod",
        _share("gpu", migProfile="MIG1g", timeSlicingReplicas=2),
        ["platform.nodePools.gpu.gpuSharing", "exactly one of timeSlicingReplicas and migProfile"],
    ),
    (
        "one replica is no sharing",
        "aws-uae-prod",
        _share("gpu", timeSlicingReplicas=1),
        ["platform.nodePools.gpu.gpuSharing.timeSlicingReplicas", "greater than or equal to 2"],
    ),
    (
        "sharing on a cpu pool",
        "aws-uae-prod",
        _share("cpu", timeSlicingReplicas=2),
        ["platform.nodePools.cpu.gpuSharing", "GPU sharing is for gpu pools"],
    ),
]


@pytest.mark.parametrize(
    ("what", "stack", "change", "words"), BAD_SHARING, ids=[b[0] for b in BAD_SHARING]
)
def test_bad_sharing_is_refused_with_what_is_allowed(
    what: str, stack: str, change: Any, words: list[str]
) -> None:
    rendered = _problems(stack, change)
    for word in words:
        assert word in rendered, (what, rendered)
