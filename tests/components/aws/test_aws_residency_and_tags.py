"""Every AWS resource is in me-central-1, under the platform, and carries the mandatory tags."""

from __future__ import annotations

import pytest

from policies.jurisdictions import CROSS_BORDER_BY_TOKEN
from smp.offline import PlannedResource
from stacks.stack_files import load_stack_file
from tests.components.aws.aws_plan import (
    AWS_STACKS,
    MANDATORY_TAG_KEYS,
    REGION,
    aws_resources,
    one,
    tag_problems,
)


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_every_resource_is_in_the_stack_region(plan_of, stack):
    plan = plan_of(stack)
    by_urn = plan.by_urn()
    resources = aws_resources(plan)
    assert len(resources) > 100
    for r in resources:
        provider = by_urn[r.provider]
        assert provider.type == "pulumi:providers:aws", r.name
        assert provider.inputs["region"] == REGION, r.name
        # A per-resource region (pulumi-aws v7) would override the provider's.
        assert r.inputs.get("region", REGION) == REGION, r.name
    # Only one AWS provider exists, and it is the regional one of the platform.
    assert [p.inputs["region"] for p in plan.of_type("pulumi:providers:aws")] == [REGION]


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_every_aws_resource_descends_from_the_aws_layer(plan_of, stack):
    plan = plan_of(stack)
    by_urn = plan.by_urn()
    layer = plan.of_type("smp:aws:AwsPlatform")
    assert len(layer) == 1
    for r in aws_resources(plan):
        parent = r.parent
        chain = []
        while parent:
            chain.append(by_urn[parent].type)
            parent = by_urn[parent].parent
        assert "smp:aws:AwsPlatform" in chain, r.name


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_every_taggable_resource_carries_the_mandatory_tags(plan_of, stack):
    settings = load_stack_file(stack)
    expected = settings.mandatory_tags
    assert set(MANDATORY_TAG_KEYS) <= set(expected)
    plan = plan_of(stack)
    problems = [p for r in aws_resources(plan) for p in tag_problems(r, expected)]
    assert problems == []
    assert expected["data-residency"] == "uae"
    assert expected["stack"] == stack


def test_the_tag_check_fails_on_an_untagged_resource():
    vpc = PlannedResource(
        urn="u",
        type="aws:ec2/vpc:Vpc",
        name="v",
        custom=True,
        inputs={"tags": {"owner": "x"}},
        parent=None,
        provider=None,
        dependencies=[],
        property_dependencies={},
    )
    assert tag_problems(vpc, {"owner": "x", "stack": "s"}) == ["v: tag stack=None, expected 's'"]
    # Types without tags (aliases, policies) are not held to it.
    alias = PlannedResource(
        urn="u",
        type="aws:kms/alias:Alias",
        name="a",
        custom=True,
        inputs={},
        parent=None,
        provider=None,
        dependencies=[],
        property_dependencies={},
    )
    assert tag_problems(alias, {"owner": "x"}) == []


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_no_replication_or_cross_border_flow(plan_of, stack):
    plan = plan_of(stack)
    present = {r.type for r in aws_resources(plan)} & set(CROSS_BORDER_BY_TOKEN)
    # Only types whose cross-border switch we can see (and keep off) are used at all.
    assert present == {"aws:kms/key:Key", "aws:rds/instance:Instance", "aws:cloudtrail/trail:Trail"}
    for key in plan.of_type("aws:kms/key:Key"):
        assert key.inputs["multiRegion"] is False
    db = one(plan, "aws:rds/instance:Instance")
    assert "replicateSourceDb" not in db.inputs
    assert db.inputs["backupTarget"] == "region"
    trail = one(plan, "aws:cloudtrail/trail:Trail")
    # Multi-region: activity in any other region is recorded, and delivered here.
    assert trail.inputs["isMultiRegionTrail"] is True
    assert trail.inputs["includeGlobalServiceEvents"] is True
    audit_bucket = one(plan, "aws:s3/bucket:Bucket", "-audit-bucket")
    assert trail.inputs["s3BucketName"] == audit_bucket.inputs["bucket"]
    for bucket in plan.of_type("aws:s3/bucket:Bucket"):
        assert "replicationConfiguration" not in bucket.inputs
