"""Small readers over an offline plan, shared by the Azure tests."""

from __future__ import annotations

from smp.offline import Plan, PlannedResource
from tests.support.plans import ancestors, get, one  # noqa: F401 - shared queries

AZURE_STACKS = ("azure-uaenorth-prod", "azure-uaecentral-dr")


def azure_resources(plan: Plan) -> list[PlannedResource]:
    """Every azure-native custom resource (no providers, no components)."""
    return [r for r in plan.resources if r.type.startswith("azure-native:")]


def database_passwords(plan: Plan) -> list[PlannedResource]:
    """Generated passwords of the Azure registry database (other layers generate their own)."""
    by_urn = plan.by_urn()
    return [
        r
        for r in plan.of_type("random:index/randomPassword:RandomPassword")
        if r.parent and by_urn[r.parent].type == "smp:azure:RegistryDatabase"
    ]


def azure_layer_counts(plan: Plan) -> dict[str, int]:
    """Counts by type of the Azure layer: the regional provider and everything under
    `smp:azure:Platform` (the in-cluster layer has its own snapshot)."""
    counts: dict[str, int] = {}
    for r in plan.resources:
        types = [a.type for a in ancestors(plan, r)]
        if r.type.startswith(("smp:azure:", "pulumi:providers:azure-native")) or (
            "smp:azure:Platform" in types
        ):
            counts[r.type] = counts.get(r.type, 0) + 1
    return dict(sorted(counts.items()))
