"""The builders produce what the CLI and the gate produce, so the tables test the real thing."""

from __future__ import annotations

import pulumi
import pulumi_aws as aws
import pytest
from pulumi_policy import (
    PolicyProviderResource,
    PolicyResource,
    ResourceValidationArgs,
    StackValidationArgs,
)
from pulumi_policy.proxy import UNKNOWN_STRING_VALUE, UnknownValueError

from smp.gate import stack_resources
from smp.offline import plan_program
from tests.policies.builders import AWS_UAE, Res, resource_args, stack_args

BUCKET = Res(
    "aws:s3/bucket:Bucket",
    "models",
    {"bucket": "smp-models", "tags": {"owner": "ml"}},
    provider=AWS_UAE,
)
PAB = Res(
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    "models-pab",
    {"bucket": "smp-models", "blockPublicAcls": True},
    provider=AWS_UAE,
    deps={"bucket": ("models",)},
)


def test_resource_args_are_the_real_type_with_a_provider_and_config() -> None:
    args = resource_args(BUCKET, {"jurisdiction": "uae"})
    assert isinstance(args, ResourceValidationArgs)
    assert args.resource_type == "aws:s3/bucket:Bucket"
    assert args.urn.endswith("::aws:s3/bucket:Bucket::models")
    assert isinstance(args.provider, PolicyProviderResource)
    assert args.provider.props["region"] == "me-central-1"
    assert args.get_config() == {"jurisdiction": "uae"}


def test_props_raise_on_unknowns_as_the_cli_proxy_does() -> None:
    args = resource_args(BUCKET.with_props(bucket=UNKNOWN_STRING_VALUE))
    with pytest.raises(UnknownValueError) as raised:
        _ = args.props["bucket"]
    assert raised.value.message == "string value at .bucket can't be known during preview"
    assert args.props["tags"]["owner"] == "ml"


def test_every_build_is_a_private_copy() -> None:
    first = resource_args(BUCKET)
    first.props["bucket"] = "changed"
    assert resource_args(BUCKET).props["bucket"] == "smp-models"
    assert BUCKET.props["bucket"] == "smp-models"


def test_stack_args_link_property_dependencies_to_the_same_objects() -> None:
    args = stack_args([BUCKET, PAB])
    assert isinstance(args, StackValidationArgs)
    bucket, pab = args.resources
    assert isinstance(bucket, PolicyResource)
    assert pab.property_dependencies["bucket"][0] is bucket
    assert pab.dependencies == [bucket]
    assert bucket.property_dependencies == {}


def test_stack_args_refuse_a_dependency_outside_the_stack() -> None:
    with pytest.raises(ValueError, match="models"):
        stack_args([PAB])


def test_the_gate_links_a_real_plan_the_same_way() -> None:
    """What `stack_args` builds by hand, `stack_resources` builds from a recorded plan."""

    def program() -> None:
        opts = pulumi.ResourceOptions(provider=aws.Provider("uae", region="me-central-1"))
        bucket = aws.s3.Bucket("models", bucket="smp-models", opts=opts)
        aws.s3.BucketPublicAccessBlock(
            "models-pab", bucket=bucket.id, block_public_acls=True, opts=opts
        )

    plan = plan_program(program, stack="policy-test", default_region="me-central-1")
    resources = {r.name: r for r in stack_resources(plan)}
    pab, bucket = resources["models-pab"], resources["models"]
    assert pab.property_dependencies["bucket"] == [bucket]
    assert pab.property_dependencies["bucket"][0] is bucket
    assert bucket.provider is not None
    assert bucket.provider.props["region"] == "me-central-1"
    assert pab.props["blockPublicAcls"] is True
