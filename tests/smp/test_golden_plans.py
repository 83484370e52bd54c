"""Each shipped stack's plan is byte-identical to its golden plan (`make generate` rewrites).

A refactor that changes nothing deployable keeps these files; a change that means
to alter the platform regenerates them and shows the difference for review.
"""

from __future__ import annotations

import json

import pytest

from smp.generate import GOLDEN_AS_OF, as_of, golden_path
from smp.offline import plan_stack_offline
from tests.conftest import SHIPPED_STACKS


@pytest.mark.parametrize("stack", SHIPPED_STACKS)
def test_the_plan_equals_its_golden_plan(stack: str) -> None:
    with as_of(GOLDEN_AS_OF):  # the date the golden plans were made as of
        plan = plan_stack_offline(stack)
    text = json.dumps(plan.to_json(), indent=2, sort_keys=True) + "\n"
    golden = golden_path(stack)
    assert golden.exists(), f"no {golden}; run `make generate`"
    assert text == golden.read_text(), (
        f"{stack}'s plan differs from {golden.name}; if the change is intended, run "
        "`make generate` and review the diff"
    )
