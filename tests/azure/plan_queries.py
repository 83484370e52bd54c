"""Small readers over an offline plan, shared by the Azure tests."""

from __future__ import annotations

from typing import Any

from stacks.offline import Plan, PlannedResource

AZURE_STACKS = ("azure-uaenorth-prod", "azure-uaecentral-dr")


def one(plan: Plan, type_token: str) -> PlannedResource:
    """The single resource of `type_token`; fails if there are none or several."""
    found = plan.of_type(type_token)
    assert len(found) == 1, f"expected one {type_token}, found {[r.name for r in found]}"
    return found[0]


def azure_resources(plan: Plan) -> list[PlannedResource]:
    """Every azure-native custom resource (no providers, no components)."""
    return [r for r in plan.resources if r.type.startswith("azure-native:")]


def ancestors(plan: Plan, resource: PlannedResource) -> list[PlannedResource]:
    """Parents of `resource`, nearest first."""
    by_urn = plan.by_urn()
    out = []
    parent = resource.parent
    while parent:
        out.append(by_urn[parent])
        parent = by_urn[parent].parent
    return out


def get(inputs: dict[str, Any], path: str) -> Any:
    """`inputs["a"]["b"]` for path "a.b"; None when any step is missing."""
    value: Any = inputs
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value
