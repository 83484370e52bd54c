"""Shared fixtures: offline plans of the shipped stacks, computed once per test session."""

from __future__ import annotations

import functools

import pytest

from smp.offline import Plan, plan_stack_offline
from stacks.stack_files import list_stacks

SHIPPED_STACKS = ("aws-uae-prod", "aws-uae-dev", "azure-uaenorth-prod", "azure-uaecentral-dr")


@functools.cache
def _cached_plan(stack: str) -> Plan:
    return plan_stack_offline(stack)


@functools.cache
def cached_first_preview(stack: str) -> Plan:
    """The stack's plan as its very first `pulumi preview` sees it (nothing exists yet:
    every id and computed output unknown), once per test process; treat as read-only."""
    return plan_stack_offline(stack, first_preview=True)


@pytest.fixture(scope="session")
def plan_of() -> object:
    """`plan_of("aws-uae-prod")` -> the stack's offline plan (cached; treat as read-only)."""
    return _cached_plan


@pytest.fixture(scope="session")
def shipped_stacks() -> tuple[str, ...]:
    """The stacks the repository ships; a test fails if the set changes unnoticed."""
    assert tuple(sorted(SHIPPED_STACKS)) == tuple(list_stacks())
    return SHIPPED_STACKS


@pytest.fixture
def snapshot(request: pytest.FixtureRequest) -> object:
    """`snapshot(name, data)`: compare `data` with tests/snapshots/<name>.json.

    Run with SMP_UPDATE_SNAPSHOTS=1 to (re)write the file after reviewing the change.
    """
    import json
    import os
    from pathlib import Path

    folder = Path(__file__).parent / "snapshots"

    def check(name: str, data: object) -> None:
        path = folder / f"{name}.json"
        text = json.dumps(data, indent=2, sort_keys=True) + "\n"
        if os.environ.get("SMP_UPDATE_SNAPSHOTS") == "1":
            folder.mkdir(exist_ok=True)
            path.write_text(text)
        assert path.exists(), f"no snapshot {path}; run with SMP_UPDATE_SNAPSHOTS=1 and review it"
        assert json.loads(path.read_text()) == data, (
            f"{path} differs from the plan; review, then SMP_UPDATE_SNAPSHOTS=1 to accept"
        )

    return check
