"""`platform.pipelines`: continuous training's schedule, A/B phase and rollback SLOs,
refused at the key that is wrong."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from platform_spec import ConfigError, parse_stack_settings
from platform_spec.models import ARGO_IMAGES
from stacks.stack_files import load_stack_file, read_stack_file


def _values(stack: str) -> dict[str, Any]:
    return copy.deepcopy(read_stack_file(stack).project_values)


def _problems(values: dict[str, Any]) -> str:
    with pytest.raises(ConfigError) as info:
        parse_stack_settings("t", values, lambda _k: False, "test", None)
    return info.value.render()


def test_every_shipped_stack_runs_the_pipelines_with_every_argo_image() -> None:
    for stack in ("aws-uae-prod", "aws-uae-dev", "azure-uaenorth-prod", "azure-uaecentral-dr"):
        pipelines = load_stack_file(stack).platform.pipelines
        assert pipelines.deployable, stack
        assert set(pipelines.image_digests) == set(ARGO_IMAGES), stack
    dev = load_stack_file("aws-uae-dev").platform.pipelines
    assert (dev.schedule, dev.ab.min_outcomes, dev.ab.max_duration_hours) == ("0 4 * * 1", 200, 12)
    assert load_stack_file("azure-uaecentral-dr").platform.pipelines.schedule is None


# (what is wrong, change to platform, words the error must contain)
BAD_PIPELINES = [
    (
        "a schedule that is no cron expression",
        lambda p: p["pipelines"].update({"schedule": "weekly"}),
        ["platform.pipelines.schedule", "five-field cron expression"],
    ),
    (
        "too few outcomes to test anything",
        lambda p: p["pipelines"]["ab"].update({"minOutcomes": 5}),
        ["platform.pipelines.ab.minOutcomes", "greater than or equal to 20"],
    ),
    (
        "an A/B phase as long as the whole run",
        lambda p: p["pipelines"].update({"maxRunHours": 12}),
        ["platform.pipelines.ab.maxDurationHours", "must be below maxRunHours (12)"],
    ),
    (
        "an error ratio above 1",
        lambda p: p["pipelines"]["rollback"].update({"maxServerErrorRatio": 1.5}),
        ["platform.pipelines.rollback.maxServerErrorRatio", "less than 1"],
    ),
    (
        "an unknown Argo image",
        lambda p: p["pipelines"]["imageDigests"].update({"argoRollouts": "sha256:" + "0" * 64}),
        ["platform.pipelines.imageDigests.argoRollouts", "unknown image", "workflowController"],
    ),
    (
        "a tag instead of a digest",
        lambda p: p["pipelines"]["imageDigests"].update({"argoexec": "v4.0.6"}),
        ["platform.pipelines.imageDigests.argoexec", "sha256:<64 lower-case hex digits>"],
    ),
    (
        "pipelines on without a challenger to test",
        lambda p: p["serving"].update(
            {"variants": [{"name": "champion", "alias": "champion", "trafficPercent": 100}]}
        ),
        ["platform.serving.variants", "needs a 'challenger' variant", "pipelines.enabled false"],
    ),
]


@pytest.mark.parametrize(
    ("what", "change", "words"), BAD_PIPELINES, ids=[b[0] for b in BAD_PIPELINES]
)
def test_bad_pipelines_are_refused_at_their_key(what: str, change: Any, words: list[str]) -> None:
    values = _values("aws-uae-dev")
    change(values["platform"])
    rendered = _problems(values)
    for word in words:
        assert word in rendered, (what, rendered)


def test_pipelines_off_need_no_challenger() -> None:
    values = _values("aws-uae-dev")
    platform = values["platform"]
    platform["pipelines"] = {"enabled": False}
    platform["serving"]["variants"] = [
        {"name": "champion", "alias": "champion", "trafficPercent": 100}
    ]
    settings = parse_stack_settings("t", values, lambda _k: False, "test", None)
    assert not settings.platform.pipelines.deployable
