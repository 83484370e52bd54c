"""`platform.ingestion`: the zones' lifecycle and the event stream, refused at the key that
is wrong, with the cloud's own units."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from platform_spec import ConfigError, parse_stack_settings
from stacks.stack_files import load_stack_file, read_stack_file


def _values(stack: str) -> dict[str, Any]:
    return copy.deepcopy(read_stack_file(stack).project_values)


def _problems(values: dict[str, Any]) -> str:
    with pytest.raises(ConfigError) as info:
        parse_stack_settings("t", values, lambda _k: False, "test", None)
    return info.value.render()


def test_every_shipped_stack_ingests_with_the_size_in_its_clouds_unit() -> None:
    sizes = {}
    for stack in ("aws-uae-prod", "aws-uae-dev", "azure-uaenorth-prod", "azure-uaecentral-dr"):
        platform = load_stack_file(stack).platform
        assert platform.ingestion.enabled, stack
        assert platform.ingestion.raw_lock_days <= platform.ingestion.raw_retention_days
        sizes[stack] = platform.stream_size
    assert sizes == {
        "aws-uae-prod": "kafka.m5.large",
        "aws-uae-dev": "kafka.t3.small",
        "azure-uaenorth-prod": "PU1",
        "azure-uaecentral-dr": "PU1",
    }


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(platform: dict[str, Any]) -> None:
        node = platform.setdefault("ingestion", {})
        *parents, last = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value

    return change


# (what is wrong, stack, change to platform.ingestion, words the error must contain)
BAD_INGESTION = [
    (
        "an Event Hubs size on AWS",
        "aws-uae-prod",
        _set("stream.size", "PU2"),
        ["platform.ingestion.stream.size", "aws event-stream size such as kafka.m5.large"],
    ),
    (
        "processing units Premium does not sell",
        "azure-uaenorth-prod",
        _set("stream.size", "PU3"),
        ["platform.ingestion.stream.size", "such as PU1"],
    ),
    (
        "a retention Event Hubs Premium does not keep",
        "azure-uaecentral-dr",
        _set("stream.retentionHours", 2400),
        ["platform.ingestion.stream.retentionHours", "at most 2160 hours"],
    ),
    (
        "a lock longer than the retention",
        "aws-uae-dev",
        _set("rawLockDays", 120),
        ["platform.ingestion.rawLockDays", "must not exceed rawRetentionDays (90)"],
    ),
    (
        "an unknown key",
        "aws-uae-dev",
        _set("stream.brokers", 5),
        ["platform.ingestion.stream.brokers"],
    ),
    (
        "a topic name Kafka would refuse",
        "azure-uaenorth-prod",
        _set("stream.topic", "Transactions!"),
        ["platform.ingestion.stream.topic"],
    ),
]


@pytest.mark.parametrize(
    ("what", "stack", "change", "expected"), BAD_INGESTION, ids=[b[0] for b in BAD_INGESTION]
)
def test_bad_ingestion_config_is_refused_at_its_key(
    what: str, stack: str, change: Callable[[dict[str, Any]], None], expected: list[str]
) -> None:
    values = _values(stack)
    change(values["platform"])
    rendered = _problems(values)
    for fragment in expected:
        assert fragment in rendered, (what, rendered)


def test_ingestion_off_is_valid_without_a_stream_block() -> None:
    values = _values("aws-uae-dev")
    values["platform"]["ingestion"] = {"enabled": False}
    settings = parse_stack_settings("t", values, lambda _k: False, "test", None)
    assert settings.platform.ingestion.enabled is False
