"""Queries over an offline plan, shared by every test that reads one.

Resources by type (`one`, `resources_of`), Kubernetes objects by kind (`objects`,
`one_object`, `helm_releases`), nested inputs (`get`) and the parent chain
(`ancestors`). Each fails loudly when the plan does not hold what is asked for.
"""

from __future__ import annotations

from typing import Any

from smp.offline import Plan, PlannedResource


def one(plan: Plan, type_token: str, name_ends: str = "") -> PlannedResource:
    """The single resource of `type_token` whose name ends with `name_ends`."""
    found = [r for r in plan.of_type(type_token) if r.name.endswith(name_ends)]
    assert len(found) == 1, f"expected one {type_token} *{name_ends}, got {[r.name for r in found]}"
    return found[0]


def resources_of(plan: Plan, package: str) -> list[PlannedResource]:
    """Every custom resource of one package (`aws`, `azure-native`): no providers, no components."""
    return [r for r in plan.resources if r.type.startswith(f"{package}:") and r.custom]


def get(inputs: dict[str, Any], path: str) -> Any:
    """`inputs["a"]["b"]` for "a.b"; None when a step is missing."""
    value: Any = inputs
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def ancestors(plan: Plan, resource: PlannedResource) -> list[PlannedResource]:
    """Parents of `resource`, nearest first."""
    by_urn = plan.by_urn()
    out = []
    parent = resource.parent
    while parent:
        out.append(by_urn[parent])
        parent = by_urn[parent].parent
    return out


def objects(plan: Plan, kind: str, namespace: str | None = None) -> list[dict[str, Any]]:
    """The Kubernetes objects of one kind (in one namespace), as the API server gets them."""
    return [
        r.inputs
        for r in plan.resources
        if r.type.startswith("kubernetes:")
        and r.inputs.get("kind") == kind
        and (namespace is None or r.inputs["metadata"].get("namespace") == namespace)
    ]


def one_object(plan: Plan, kind: str, name: str) -> dict[str, Any]:
    """The single Kubernetes object of `kind` named `name`."""
    found = [o for o in objects(plan, kind) if o["metadata"]["name"] == name]
    assert len(found) == 1, f"{kind}/{name}: {len(found)} found"
    return found[0]


def helm_releases(plan: Plan) -> dict[str, PlannedResource]:
    """The Helm releases of the plan by release name."""
    return {r.inputs["name"]: r for r in plan.of_type("kubernetes:helm.sh/v3:Release")}
