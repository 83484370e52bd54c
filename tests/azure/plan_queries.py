"""Small readers over an offline plan, shared by the Azure tests."""

from __future__ import annotations

from typing import Any

from smp.offline import Plan, PlannedResource

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


def database_passwords(plan: Plan) -> list[PlannedResource]:
    """Generated passwords of the Azure registry database (other layers generate their own)."""
    by_urn = plan.by_urn()
    return [r for r in plan.of_type("random:index/randomPassword:RandomPassword")
            if r.parent and by_urn[r.parent].type == "smp:azure:RegistryDatabase"]


def azure_layer_counts(plan: Plan) -> dict[str, int]:
    """Counts by type of the Azure layer: the regional provider and everything under
    `smp:azure:Platform` (the in-cluster layer has its own snapshot)."""
    counts: dict[str, int] = {}
    for r in plan.resources:
        types = [a.type for a in ancestors(plan, r)]
        if r.type.startswith(("smp:azure:", "pulumi:providers:azure-native")) or (
                "smp:azure:Platform" in types):
            counts[r.type] = counts.get(r.type, 0) + 1
    return dict(sorted(counts.items()))


def get(inputs: dict[str, Any], path: str) -> Any:
    """`inputs["a"]["b"]` for path "a.b"; None when any step is missing."""
    value: Any = inputs
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value
