"""`platform.queues`: the teams' Kueue quotas, refused at the key that is wrong."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from platform_spec import ConfigError, parse_stack_settings
from platform_spec.gpus import flavor_name, gpu_family
from stacks.stack_files import load_stack_file, read_stack_file


def _values(stack: str) -> dict[str, Any]:
    return copy.deepcopy(read_stack_file(stack).project_values)


def _problems(values: dict[str, Any]) -> str:
    with pytest.raises(ConfigError) as info:
        parse_stack_settings("t", values, lambda _k: False, "test", None)
    return info.value.render()


def test_every_shipped_stack_queues_its_training_through_a_team() -> None:
    for stack, families in (
        ("aws-uae-prod", {"g5", "g6"}),
        ("aws-uae-dev", {"g5"}),
        ("azure-uaenorth-prod", {"NCads_A100_v4"}),
        ("azure-uaecentral-dr", {"NCads_A100_v4"}),
    ):
        platform = load_stack_file(stack).platform
        assert platform.queues is not None, stack
        assert platform.queues.platform_team in platform.queues.teams
        claimed = {f for t in platform.queues.teams.values() for f in t.gpus}
        assert claimed == families, stack


def test_families_and_flavor_names() -> None:
    assert gpu_family("g5.2xlarge") == "g5"
    assert gpu_family("p4de.24xlarge") == "p4de"
    assert gpu_family("Standard_NC24ads_A100_v4") == "NCads_A100_v4"
    assert gpu_family("Standard_ND96isr_H100_v5") == "NDisr_H100_v5"
    assert flavor_name("NCads_A100_v4") == "gpu-ncads-a100-v4"


# (what is wrong, stack, change to platform, words the error must contain)
BAD_QUEUES = [
    (
        "a family no pool has",
        "aws-uae-prod",
        lambda p: p["queues"]["teams"]["research"]["gpus"].update({"p5": {"nominal": 1}}),
        ["platform.queues.teams.research.gpus.p5", "no gpu pool of this family", "g5, g6"],
    ),
    (
        "nominal GPUs beyond what the pools scale to",
        "azure-uaenorth-prod",
        lambda p: p["queues"]["teams"]["research"]["gpus"]["NCads_A100_v4"].update({"nominal": 3}),
        [
            "platform.queues.teams.research.gpus.NCads_A100_v4.nominal",
            "add up to 5",
            "scale to at most 4",
        ],
    ),
    (
        "an unknown platform team",
        "aws-uae-dev",
        lambda p: p["queues"].update({"platformTeam": "nobody"}),
        ["platform.queues.platformTeam", "expected one of: ml-platform"],
    ),
    (
        "a team name that is no DNS label",
        "aws-uae-dev",
        lambda p: p["queues"]["teams"].update(
            {"Team_A": {"cpu": {"nominal": 1}, "memoryGi": {"nominal": 1}}}
        ),
        ["platform.queues.teams.Team_A", "DNS label"],
    ),
    (
        "a negative borrowing limit",
        "aws-uae-dev",
        lambda p: p["queues"]["teams"]["ml-platform"]["cpu"].update({"borrowingLimit": -1}),
        ["platform.queues.teams.ml-platform.cpu.borrowingLimit", "greater than or equal to 0"],
    ),
    (
        "a gpu pool mixing families",
        "aws-uae-prod",
        lambda p: p["nodePools"]["gpu"].update({"instanceTypes": ["g5.2xlarge", "g6.2xlarge"]}),
        ["platform.nodePools.gpu.instanceTypes", "found g5, g6", "one pool per family"],
    ),
    (
        "a distributed Job the platform team can never be admitted for",
        "aws-uae-prod",
        lambda p: p["training"]["distributed"].update({"nodes": 3, "gpusPerNode": 2}),
        [
            "platform.queues.teams.fraud-ml.gpus",
            "all or nothing",
            "needs 6 GPUs of one family",
            "at most 4",
        ],
    ),
    (
        "GPU serving without queues",
        "aws-uae-prod",
        lambda p: (p["serving"].update({"gpu": True}), p.pop("queues")),
        ["platform.serving.gpu", "admitted through Kueue", "set platform.queues"],
    ),
    (
        "more GPU serving replicas than the platform team may ever use",
        "aws-uae-prod",
        lambda p: p["serving"].update({"gpu": True, "minReplicas": 9, "maxReplicas": 12}),
        ["platform.serving.minReplicas", "'fraud-ml'", "at most 8 GPUs", "needs 9"],
    ),
]


@pytest.mark.parametrize(
    ("what", "stack", "change", "words"), BAD_QUEUES, ids=[b[0] for b in BAD_QUEUES]
)
def test_bad_queues_are_refused_at_their_key(
    what: str, stack: str, change: Any, words: list[str]
) -> None:
    values = _values(stack)
    change(values["platform"])
    rendered = _problems(values)
    for word in words:
        assert word in rendered, (what, rendered)
