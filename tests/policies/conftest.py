"""Fixtures for the policy-pack tests: throwaway rules that never outlive their test."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest
from pulumi_policy import ResourceValidationArgs, Severity, StackValidationArgs

from policies.catalogue import all_rules
from policies.framework import REGISTRY, Rule, RuleMeta, resource_rule, stack_rule


def _meta(rule_id: str, **extra: Any) -> RuleMeta:
    return RuleMeta(
        id=rule_id,
        family="tagging",
        title="Throwaway test rule",
        description="Registered by a test; removed when the test ends.",
        severity=Severity.LOW,
        iso27001=("A.8.9",),
        nist80053=("CM-6",),
        remediation="None: this rule exists only inside a test.",
        **extra,
    )


@pytest.fixture
def throwaway() -> Iterator[Callable[..., Rule]]:
    """`throwaway(check, rule_id="TST-901", types=(...))` registers a rule for one test.

    With `types` it is a resource rule (`check(args, config) -> messages`),
    without a stack rule (`check(args, config) -> (message, urn) pairs`). Every
    rule registered here is removed from `REGISTRY` when the test ends, so no
    other test (the meta-tests over `all_rules()` included) ever sees it.
    """
    made: list[Rule] = []

    def register(
        check: Callable[..., Any],
        rule_id: str = "TST-901",
        types: tuple[str, ...] | None = None,
        config: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> Rule:
        meta = _meta(rule_id, config=dict(config or {}))
        if types is None:

            def stack_check(args: StackValidationArgs, cfg: Mapping[str, Any]) -> Any:
                return check(args, cfg)

            made_rule = stack_rule(meta)(stack_check)
        else:

            def resource_check(args: ResourceValidationArgs, cfg: Mapping[str, Any]) -> Any:
                return check(args, cfg)

            made_rule = resource_rule(meta, types=types)(resource_check)
        made.append(made_rule)
        return made_rule

    yield register
    for r in made:
        REGISTRY.remove(r)
    leaked = [r.meta.id for r in all_rules() if r.meta.id.startswith("TST-")]
    assert leaked == [], f"throwaway rules leaked into the pack: {leaked}"
