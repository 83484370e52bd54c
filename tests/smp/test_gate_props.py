"""The props the gate hands a rule are what `pulumi_policy` would hand it.

The gate builds its own unknown-checking proxies (smp.gate._props) because building
pulumi_policy's, with a deep copy first, was a quarter of `smp check`'s time. These
tests hold it to the library's own `unknown_checking_proxy` on every resource of a
shipped plan, on unknown values (same error, same property path) and on isolation.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

import pytest
from pulumi_policy.proxy import (
    UNKNOWN_STRING_VALUE,
    UnknownValueError,
    _DictProxy,
    _ListProxy,
    unknown_checking_proxy,
)

from smp.gate import _props
from smp.offline.engine import PlannedResource


def _walk(value: Any) -> Any:
    """Plain data read through a proxy (and whether each container is pulumi_policy's proxy
    class), with each unknown as the path its error names."""
    if isinstance(value, Mapping):
        out = {}
        for key in value:
            try:
                out[key] = _walk(value[key])
            except UnknownValueError as error:
                out[key] = ("unknown", error.message)
        return (isinstance(value, _DictProxy), out)
    if isinstance(value, Sequence) and not isinstance(value, str):
        items = []
        for index in range(len(value)):
            try:
                items.append(_walk(value[index]))
            except UnknownValueError as error:
                items.append(("unknown", error.message))
        return (isinstance(value, _ListProxy), items)
    return value


def _resource(inputs: dict[str, Any]) -> PlannedResource:
    return PlannedResource(
        urn="urn:pulumi:s::p::aws:s3/bucket:Bucket::b",
        type="aws:s3/bucket:Bucket",
        name="b",
        custom=True,
        inputs=inputs,
        parent=None,
        provider=None,
        dependencies=[],
        property_dependencies={},
    )


@pytest.mark.parametrize("stack", ["aws-uae-prod", "azure-uaenorth-prod"])
def test_every_resource_reads_as_through_pulumi_policys_own_proxy(plan_of, stack: str) -> None:
    plan = plan_of(stack)
    for resource in plan.resources:
        ours = _walk(_props(resource))
        theirs = _walk(unknown_checking_proxy(copy.deepcopy(resource.inputs)))
        assert ours == theirs, resource.urn


def test_an_unknown_value_raises_the_same_error_with_the_same_path() -> None:
    inputs = {"a": [{"b": UNKNOWN_STRING_VALUE}], "c": {"d": [1, [UNKNOWN_STRING_VALUE]]}}
    ours = _walk(_props(_resource(inputs)))
    assert ours == _walk(unknown_checking_proxy(copy.deepcopy(inputs)))
    with pytest.raises(UnknownValueError) as error:
        _props(_resource(inputs))["a"][0]["b"]
    assert error.value.message == "string value at .a.0.b can't be known during preview"


def test_props_are_read_only_and_never_the_plans_own() -> None:
    inputs = {"tags": {"owner": "ml"}, "rules": [{"port": 443}]}
    props = _props(_resource(inputs))
    with pytest.raises(TypeError, match="read-only"):
        props["tags"]["owner"] = "someone-else"
    with pytest.raises(TypeError, match="read-only"):
        props["new"] = True
    assert props["tags"] is not inputs["tags"]
    assert inputs == {"tags": {"owner": "ml"}, "rules": [{"port": 443}]}


def test_the_stack_graph_links_are_read_only(plan_of) -> None:
    """Stack rules share one graph per plan: its links cannot be changed by a rule."""
    from smp.gate import stack_resources

    graph = stack_resources(plan_of("aws-uae-dev"))
    linked = next(r for r in graph if r.dependencies and r.property_dependencies)
    with pytest.raises(TypeError):
        linked.dependencies.append(linked)
    with pytest.raises(TypeError):
        linked.property_dependencies["new"] = []
    key = next(iter(linked.property_dependencies))
    with pytest.raises(TypeError):
        linked.property_dependencies[key].clear()
