"""Every custom resource of a shipped stack names an explicit provider.

Under the CLI a resource without one gets a default provider, configured from the
environment and stack config; RES-011 refuses those, and a stack file with
`pulumi:disable-default-providers` makes the CLI refuse them too. The offline engine
records no provider for such a resource, so this is checked on the plan itself.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from policies.residency import is_default_provider
from smp.offline import Plan

PlanOf = Callable[[str], Plan]
STACKS = ("aws-uae-prod", "aws-uae-dev", "azure-uaenorth-prod", "azure-uaecentral-dr")


@pytest.mark.parametrize("stack", STACKS)
def test_every_custom_resource_names_an_explicit_provider(plan_of: PlanOf, stack: str) -> None:
    plan = plan_of(stack)
    by_urn = plan.by_urn()
    implicit = [
        f"{r.type} {r.name}"
        for r in plan.resources
        if r.custom and not r.is_provider and r.provider is None
    ]
    assert implicit == []
    defaults = [
        f"{r.type} {r.name}"
        for r in plan.resources
        if r.provider and is_default_provider(by_urn[r.provider])
    ]
    assert defaults == []


def test_generated_secrets_share_the_stacks_random_provider(plan_of: PlanOf) -> None:
    plan = plan_of("azure-uaenorth-prod")
    providers = {r.provider for r in plan.resources if r.type.startswith("random:")}
    assert len(providers) == 1
    [urn] = providers
    assert plan.by_urn()[urn].type == "pulumi:providers:random"
