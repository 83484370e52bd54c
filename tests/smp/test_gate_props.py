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
from pulumi_policy.proxy import UNKNOWN_STRING_VALUE, UnknownValueError, unknown_checking_proxy

from smp.gate import _props
from smp.offline.engine import PlannedResource


def _walk(value: Any) -> Any:
    """Plain data read through a proxy, with each unknown as the path its error names."""
    if isinstance(value, Mapping):
        out = {}
        for key in value:
            try:
                out[key] = _walk(value[key])
            except UnknownValueError as error:
                out[key] = ("unknown", error.message)
        return (type(value).__name__, out)
    if isinstance(value, Sequence) and not isinstance(value, str):
        items = []
        for index in range(len(value)):
            try:
                items.append(_walk(value[index]))
            except UnknownValueError as error:
                items.append(("unknown", error.message))
        return (type(value).__name__, items)
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


def test_a_rule_that_writes_to_its_props_changes_neither_the_plan_nor_the_next_rules() -> None:
    inputs = {"tags": {"owner": "ml"}, "rules": [{"port": 443}]}
    resource = _resource(inputs)
    first = _props(resource)
    first["tags"]["owner"] = "someone-else"
    first["new"] = True
    assert inputs == {"tags": {"owner": "ml"}, "rules": [{"port": 443}]}
    second = _props(resource)
    assert second["tags"]["owner"] == "ml"
    assert "new" not in second
