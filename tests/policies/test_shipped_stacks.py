"""Every shipped stack passes the whole pack, and the gate really reads those plans."""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest

from policies.catalogue import all_rules
from smp.gate import evaluate_plan
from smp.offline import Plan

PlanOf = Callable[[str], Plan]
STACKS = ("aws-uae-prod", "aws-uae-dev", "azure-uaenorth-prod", "azure-uaecentral-dr")


def test_the_stack_list_is_the_shipped_one(shipped_stacks: tuple[str, ...]) -> None:
    assert sorted(STACKS) == sorted(shipped_stacks)


@pytest.mark.parametrize("stack", STACKS)
def test_a_shipped_stack_has_no_mandatory_violation(plan_of: PlanOf, stack: str) -> None:
    found = evaluate_plan(plan_of(stack), all_rules())
    mandatory = [f"{v.rule_id} {v.urn}: {v.message}" for v in found if v.mandatory]
    assert mandatory == []


@pytest.mark.parametrize("stack", STACKS)
def test_a_shipped_stack_has_no_advisory_violation_either(plan_of: PlanOf, stack: str) -> None:
    """Every rule is mandatory today, so the clean result above is the whole result."""
    found = evaluate_plan(plan_of(stack), all_rules())
    assert [f"{v.rule_id}: {v.message}" for v in found] == []


def _tampered(plan: Plan, type_token: str, change: Callable[[dict], None]) -> Plan:
    """A private copy of `plan` with `change` applied to the inputs of every `type_token`."""
    copied = copy.deepcopy(plan)
    hits = [r for r in copied.resources if r.type == type_token]
    assert hits, f"{plan.stack} has no {type_token}"
    for r in hits:
        change(r.inputs)
    return copied


def _public_endpoint(inputs: dict) -> None:
    inputs["vpcConfig"]["endpointPublicAccess"] = True
    inputs["vpcConfig"].pop("publicAccessCidrs", None)


def _in_ireland(inputs: dict) -> None:
    inputs["region"] = "eu-west-1"


def _in_westeurope(inputs: dict) -> None:
    inputs["location"] = "westeurope"


def _no_purge_protection(inputs: dict) -> None:
    inputs["properties"]["enablePurgeProtection"] = False


def _unqueued(inputs: dict) -> None:
    labels = inputs["spec"].get("jobTemplate", {}).get("metadata", {}).get("labels", {})
    labels.pop("kueue.x-k8s.io/queue-name", None)


TAMPERING = [
    (
        "aws-uae-prod",
        "aws:eks/cluster:Cluster",
        _public_endpoint,
        "NET-001",
        "open to the whole Internet",
    ),
    ("aws-uae-dev", "aws:s3/bucket:Bucket", _in_ireland, "RES-001", "region 'eu-west-1'"),
    (
        "azure-uaenorth-prod",
        "azure-native:storage:StorageAccount",
        _in_westeurope,
        "RES-001",
        "region 'westeurope'",
    ),
    (
        "azure-uaecentral-dr",
        "azure-native:keyvault:Vault",
        _no_purge_protection,
        "ENC-011",
        "properties.enablePurgeProtection is not true",
    ),
    (
        "aws-uae-prod",
        "kubernetes:batch/v1:CronJob",
        _unqueued,
        "K8S-022",
        "requests nvidia.com/gpu in namespace 'training' without a queue",
    ),
]


@pytest.mark.parametrize(
    ("stack", "type_token", "change", "rule_id", "fragment"),
    TAMPERING,
    ids=[f"{t[0]}-{t[3]}" for t in TAMPERING],
)
def test_the_gate_catches_a_regression_in_a_shipped_plan(
    plan_of: PlanOf,
    stack: str,
    type_token: str,
    change: Callable[[dict], None],
    rule_id: str,
    fragment: str,
) -> None:
    """Non-vacuity: breaking one setting of a shipped plan makes it fail the gate."""
    found = evaluate_plan(_tampered(plan_of(stack), type_token, change), all_rules())
    hits = [v for v in found if v.rule_id == rule_id and fragment in v.message]
    assert hits, [f"{v.rule_id}: {v.message}" for v in found]
    assert all(v.mandatory for v in hits)
    assert all(v.resource_type == type_token for v in hits)
