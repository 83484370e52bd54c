"""Policy documents at a stack's very first `pulumi preview`.

Nothing exists yet, so every id and computed output (ARNs, endpoints) is unknown.
The policy pack fails closed on a document it cannot read, so every IAM, trust,
key, bucket and ECR policy document must be built from values known before
anything is created: then it is a complete JSON document at the first preview,
the very same one as in a later preview, and still scoped.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from smp.offline import Plan, PlannedResource
from smp.offline.engine import UNKNOWN
from tests.components.aws.aws_plan import (
    ANY_KEY,
    AWS_STACKS,
    REGION,
    as_list,
    iam_scope_problems,
    key_alias_of,
    key_aliases,
    key_policy_problems,
    one,
    unscoped_key_problems,
)
from tests.conftest import cached_first_preview

# Every input of these types that holds a policy document, by field.
POLICY_FIELDS: dict[str, tuple[str, ...]] = {
    "aws:iam/role:Role": ("assumeRolePolicy",),
    "aws:iam/rolePolicy:RolePolicy": ("policy",),
    "aws:iam/policy:Policy": ("policy",),
    "aws:kms/key:Key": ("policy",),
    "aws:s3/bucketPolicy:BucketPolicy": ("policy",),
    "aws:ecr/lifecyclePolicy:LifecyclePolicy": ("policy",),
    "aws:ecr/repositoryPolicy:RepositoryPolicy": ("policy",),
    "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate": (
        "lifecyclePolicy",
        "repositoryPolicy",
    ),
}


first_preview = cached_first_preview


def documents(plan: Plan) -> dict[tuple[str, str], Any]:
    """(resource name, field) -> the raw policy input, for every policy field set."""
    found: dict[tuple[str, str], Any] = {}
    for resource in plan.resources:
        for field in POLICY_FIELDS.get(resource.type, ()):
            if field in resource.inputs and resource.inputs[field] is not None:
                found[(resource.name, field)] = resource.inputs[field]
    return found


def unknown_documents(plan: Plan) -> list[str]:
    """Policy fields that are unknown, hold an unknown, or are not JSON objects."""
    problems = []
    for (name, field), value in documents(plan).items():
        text = value if isinstance(value, str) else json.dumps(value)
        if UNKNOWN in text:
            problems.append(f"{name}.{field}: unknown at plan time")
            continue
        try:
            parsed = json.loads(text)
        except ValueError:
            problems.append(f"{name}.{field}: not JSON")
            continue
        if not isinstance(parsed, dict):
            problems.append(f"{name}.{field}: not a JSON object")
    return problems


def parsed(resource: PlannedResource, field: str = "policy") -> dict[str, Any]:
    value = resource.inputs[field]
    assert isinstance(value, str), (resource.name, field)
    assert UNKNOWN not in value, (resource.name, field)
    document: dict[str, Any] = json.loads(value)
    return document


def test_the_check_finds_unknown_and_broken_documents() -> None:
    def resource(name: str, value: Any) -> PlannedResource:
        return PlannedResource(
            urn=f"u-{name}",
            type="aws:iam/rolePolicy:RolePolicy",
            name=name,
            custom=True,
            inputs={"policy": value},
            parent=None,
            provider=None,
            dependencies=[],
            property_dependencies={},
        )

    plan = Plan(
        stack="s",
        project="p",
        outputs={},
        secret_outputs=[],
        resources=[
            resource("whole", UNKNOWN),
            resource("part", json.dumps({"Statement": [{"Resource": [f"{UNKNOWN}/*"]}]})),
            resource("broken", "{"),
            resource("fine", json.dumps({"Version": "2012-10-17", "Statement": []})),
        ],
    )
    assert unknown_documents(plan) == [
        "whole.policy: unknown at plan time",
        "part.policy: unknown at plan time",
        "broken.policy: not JSON",
    ]


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_every_policy_document_is_known_at_the_first_preview(stack: str) -> None:
    plan = first_preview(stack)
    found = documents(plan)
    types = {
        t
        for t, fields in POLICY_FIELDS.items()
        for r in plan.of_type(t)
        for f in fields
        if (r.name, f) in found
    }
    # The check reads every kind of document the stack has, not an empty set.
    assert {
        "aws:iam/role:Role",
        "aws:iam/rolePolicy:RolePolicy",
        "aws:kms/key:Key",
        "aws:s3/bucketPolicy:BucketPolicy",
        "aws:ecr/lifecyclePolicy:LifecyclePolicy",
        "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate",
    } <= types
    assert len(plan.of_type("aws:iam/rolePolicy:RolePolicy")) >= 9
    assert unknown_documents(plan) == []


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_documents_do_not_depend_on_anything_the_update_creates(plan_of, stack: str) -> None:
    """The first preview shows the very documents a later preview (everything created)
    shows: none of them reads a resource output."""
    assert documents(first_preview(stack)) == documents(plan_of(stack))


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_first_preview_documents_are_still_scoped(stack: str) -> None:
    plan = first_preview(stack)
    problems = []
    for policy in plan.of_type("aws:iam/rolePolicy:RolePolicy"):
        problems += iam_scope_problems(policy.name, parsed(policy))
        problems += unscoped_key_problems(policy.name, parsed(policy))
    for key in plan.of_type("aws:kms/key:Key"):
        problems += key_policy_problems(key.name, parsed(key))
    assert problems == []
    # Trust: one named service, and Pod Identity roles bound to one service account
    # of this cluster (its name as the program gives it).
    cluster = one(plan, "aws:eks/cluster:Cluster").inputs["name"]
    for role in plan.of_type("aws:iam/role:Role"):
        for statement in as_list(parsed(role, "assumeRolePolicy")["Statement"]):
            assert set(statement["Principal"]) == {"Service"}, role.name
            if statement["Principal"]["Service"] == "pods.eks.amazonaws.com":
                tags = statement["Condition"]["StringEquals"]
                assert tags["aws:RequestTag/eks-cluster-name"] == cluster, role.name
                assert tags["aws:RequestTag/kubernetes-namespace"]
                assert tags["aws:RequestTag/kubernetes-service-account"]


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_first_preview_workload_policies_name_their_own_prefixes_and_key(stack: str) -> None:
    plan = first_preview(stack)
    bucket = {
        p: one(plan, "aws:s3/bucket:Bucket", f"-{p}").inputs["bucket"]
        for p in ("offline-store", "artifacts", "prediction-logs", "predictions", "raw", "curated")
    }
    assert all(isinstance(b, str) and UNKNOWN not in b for b in bucket.values())

    def s3_resources(workload: str) -> set[str]:
        policy = parsed(one(plan, "aws:iam/rolePolicy:RolePolicy", f"-workload-{workload}"))
        return {
            r
            for st in policy["Statement"]
            for r in as_list(st["Resource"])
            if r.startswith("arn:aws:s3:::")
        }

    def arns(purpose: str, *prefixes: str) -> set[str]:
        name = f"arn:aws:s3:::{bucket[purpose]}"
        return {name} | {f"{name}/{p}*" for p in prefixes}

    # Training also reads the prediction log: the retraining's A/B analysis runs as it.
    assert s3_resources("training") == (
        arns("offline-store", "")
        | arns("curated", "")
        | arns("artifacts", "")
        | arns("prediction-logs", "")
    )
    assert s3_resources("serving") == (
        arns("artifacts", "") | arns("prediction-logs", "") | arns("offline-store", "feast/")
    )
    assert s3_resources("drift-monitor") == (
        arns("prediction-logs", "") | arns("artifacts", "baselines/", "drift-reports/")
    )
    assert s3_resources("feature-store") == arns("offline-store", "") | arns("curated", "")
    # Only ingestion is granted the raw zone (and it writes curated).
    assert s3_resources("ingestion") == arns("raw", "") | arns("curated", "")
    assert s3_resources("registry") == arns("artifacts", "")
    assert s3_resources("batch-scoring") == arns("offline-store", "") | arns(
        "predictions", "batch/"
    )
    storage = key_alias_of(plan, "storage")
    for workload in (
        "training",
        "serving",
        "drift-monitor",
        "feature-store",
        "batch-scoring",
        "ingestion",
    ):
        policy = parsed(one(plan, "aws:iam/rolePolicy:RolePolicy", f"-workload-{workload}"))
        keys = [st for st in policy["Statement"] if ANY_KEY in as_list(st["Resource"])]
        assert keys, workload
        assert all(key_aliases(st) == [storage] for st in keys), workload


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_first_preview_bucket_policies_name_only_their_bucket(stack: str) -> None:
    plan = first_preview(stack)
    buckets = {b.parent: b.inputs["bucket"] for b in plan.of_type("aws:s3/bucket:Bucket")}
    policies = plan.of_type("aws:s3/bucketPolicy:BucketPolicy")
    assert len(policies) == len(buckets) == 8
    for policy in policies:
        arn = f"arn:aws:s3:::{buckets[policy.parent]}"
        document = parsed(policy)
        sids = {st["Sid"] for st in document["Statement"] if st["Effect"] == "Deny"}
        assert {
            "DenyInsecureTransport",
            "DenyOldTls",
            "DenyOtherEncryption",
            "DenyOtherKmsKeys",
        } <= sids
        for statement in document["Statement"]:
            for resource in as_list(statement["Resource"]):
                assert resource == arn or resource.startswith(f"{arn}/"), policy.name
        for statement in document["Statement"]:
            if statement["Sid"] == "DenyOtherKmsKeys":
                assert statement["Condition"] == {
                    "StringNotLikeIfExists": {
                        "s3:x-amz-server-side-encryption-aws-kms-key-id": ANY_KEY
                    }
                }
    # The trail writes under its own account's prefix only, from this trail only.
    audit = next(p for p in policies if p.name.endswith("-audit-bucket"))
    writes = {st["Sid"]: st for st in parsed(audit)["Statement"]}["CloudtrailWrites"]
    assert as_list(writes["Resource"])[0].endswith("/AWSLogs/123456789012/*")
    assert writes["Condition"]["StringEquals"]["aws:SourceArn"] == (
        f"arn:aws:cloudtrail:{REGION}:123456789012:trail/"
        f"{one(plan, 'aws:cloudtrail/trail:Trail').inputs['name']}"
    )
