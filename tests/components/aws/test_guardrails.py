"""AWS guardrails in the plan: the roles' permissions boundary, AWS Config recording, the
service control policy document (read from the shipped AWS stacks' offline plans)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from components.aws.guardrails import (
    BOUNDARY_PATH,
    CLOUDTRAIL_TAMPERING,
    GLOBAL_SERVICE_ACTIONS,
    MANAGED_CONFIG_RULES,
)
from policies.identity import BOUNDARY_PATH as PACK_BOUNDARY_PATH
from policies.residency import DOCUMENTED_GLOBAL_SERVICE_ACTIONS
from smp.generate import SCP_OUTPUT, render_scp, scp_path
from smp.offline import Plan
from smp.offline.mocks.aws import ACCOUNT_ID
from tests.support.plans import one

PlanOf = Callable[[str], Plan]
AWS_STACKS = ("aws-uae-prod", "aws-uae-dev")
REGIONS = ["me-central-1"]


def _boundary(plan: Plan) -> tuple[str, dict]:
    policy = one(plan, "aws:iam/policy:Policy", "-role-boundary")
    assert policy.inputs["path"] == BOUNDARY_PATH
    # The ARN as IAM forms it from the path and name (the engine answers the same).
    arn = f"arn:aws:iam::{ACCOUNT_ID}:policy{BOUNDARY_PATH}{policy.inputs['name']}"
    return arn, json.loads(policy.inputs["policy"])


def test_the_components_and_the_pack_agree_on_the_boundary() -> None:
    assert BOUNDARY_PATH == PACK_BOUNDARY_PATH
    assert GLOBAL_SERVICE_ACTIONS == DOCUMENTED_GLOBAL_SERVICE_ACTIONS


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_every_role_carries_the_region_boundary(plan_of: PlanOf, stack: str) -> None:
    plan = plan_of(stack)
    arn, document = _boundary(plan)
    roles = plan.of_type("aws:iam/role:Role")
    assert len(roles) >= 8
    assert {r.name: r.inputs.get("permissionsBoundary") for r in roles} == {
        r.name: arn for r in roles
    }
    deny = next(s for s in document["Statement"] if s["Sid"] == "DenyOutsideTheJurisdiction")
    assert deny["Effect"] == "Deny"
    assert deny["Resource"] == "*"
    assert deny["NotAction"] == list(GLOBAL_SERVICE_ACTIONS)
    assert deny["Condition"] == {"StringNotEquals": {"aws:RequestedRegion": REGIONS}}


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_config_records_everything_into_the_audit_bucket(plan_of: PlanOf, stack: str) -> None:
    plan = plan_of(stack)
    recorder = one(plan, "aws:cfg/recorder:Recorder")
    assert recorder.inputs["recordingGroup"] == {
        "allSupported": True,
        "includeGlobalResourceTypes": True,
    }
    channel = one(plan, "aws:cfg/deliveryChannel:DeliveryChannel")
    audit = one(plan, "aws:s3/bucket:Bucket", "-audit-bucket")
    assert channel.inputs["s3BucketName"] == audit.inputs["bucket"]
    assert one(plan, "aws:cfg/recorderStatus:RecorderStatus").inputs["isEnabled"] is True
    rules = {
        r.inputs["source"]["sourceIdentifier"]: r.inputs["source"]["owner"]
        for r in plan.of_type("aws:cfg/rule:Rule")
    }
    assert rules == {rule.identifier: "AWS" for rule in MANAGED_CONFIG_RULES}
    # Config records with a role of its own, which carries the boundary too (checked above).
    assert recorder.inputs["roleArn"].startswith(f"arn:aws:iam::{ACCOUNT_ID}:role/")
    assert "config" in recorder.inputs["roleArn"]


def test_every_managed_rule_names_its_aws_config_documentation() -> None:
    for rule in MANAGED_CONFIG_RULES:
        assert rule.source.startswith("https://docs.aws.amazon.com/config/latest/developerguide/")
        assert rule.resource_types
        assert all(t.startswith("AWS::") for t in rule.resource_types)


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_the_scp_document_is_an_output_and_a_current_file(plan_of: PlanOf, stack: str) -> None:
    scp = plan_of(stack).outputs[SCP_OUTPUT]
    by_sid = {s["Sid"]: s for s in scp["Statement"]}
    assert by_sid["DenyOutsideTheJurisdiction"]["Condition"] == {
        "StringNotEquals": {"aws:RequestedRegion": REGIONS}
    }
    assert by_sid["StayInTheOrganisation"]["Action"] == ["organizations:LeaveOrganization"]
    assert set(by_sid["CloudTrailCannotBeStopped"]["Action"]) == set(CLOUDTRAIL_TAMPERING)
    assert all(s["Effect"] == "Deny" for s in scp["Statement"])
    assert scp_path(stack).read_text() == render_scp(scp), "run `make generate`"


def test_azure_stacks_export_no_scp(plan_of: PlanOf) -> None:
    assert SCP_OUTPUT not in plan_of("azure-uaenorth-prod").outputs
