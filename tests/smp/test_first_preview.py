"""The very first `pulumi preview` of a stack: nothing exists yet, so every id and computed
output is unknown. The pack must still pass every shipped stack there — references to
resources of the same update count as given, while values that decide compliance must be
known at plan time (fail closed)."""

from __future__ import annotations

import pytest

from smp.gate import evaluate_plan
from smp.offline.engine import UNKNOWN
from tests.conftest import cached_first_preview

STACKS = ("aws-uae-prod", "aws-uae-dev", "azure-uaenorth-prod", "azure-uaecentral-dr")


def test_first_preview_leaves_references_unknown() -> None:
    plan = cached_first_preview("aws-uae-dev")
    log_groups = plan.of_type("aws:cloudwatch/logGroup:LogGroup")
    assert log_groups
    assert all(g.inputs["kmsKeyId"] == UNKNOWN for g in log_groups)


@pytest.mark.parametrize("stack", STACKS)
def test_the_first_preview_of_every_shipped_stack_passes(stack: str) -> None:
    plan = cached_first_preview(stack)
    mandatory = [f"{v.rule_id} {v.urn}: {v.message}" for v in evaluate_plan(plan) if v.mandatory]
    assert mandatory == []
