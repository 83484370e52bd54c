"""The AWS side of ingestion in the shipped stacks' plans: the raw and curated zones and
the MSK event stream (issue 15)."""

from __future__ import annotations

import pytest

from stacks.stack_files import load_stack_file
from tests.components.aws.aws_plan import AWS_STACKS, REGION, key_arn_of, policy_of
from tests.support.plans import one

MSK = "aws:msk/cluster:Cluster"


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_msk_is_private_tls_only_iam_authenticated_and_cmk_encrypted(plan_of, stack):
    plan = plan_of(stack)
    platform = load_stack_file(stack).platform
    cluster = one(plan, MSK).inputs
    nodes = cluster["brokerNodeGroupInfo"]
    assert nodes["instanceType"] == platform.stream_size
    assert nodes["connectivityInfo"] == {"publicAccess": {"type": "DISABLED"}}
    # One broker per private subnet (zone), nothing public.
    subnets = plan.of_type("aws:ec2/subnet:Subnet")
    private = {s.id for s in subnets if s.inputs.get("mapPublicIpOnLaunch") is not True}
    assert set(nodes["clientSubnets"]) <= private
    assert cluster["numberOfBrokerNodes"] == len(nodes["clientSubnets"]) == 3
    assert cluster["clientAuthentication"] == {
        "sasl": {"iam": True, "scram": False},
        "unauthenticated": False,
    }
    assert cluster["encryptionInfo"] == {
        "encryptionAtRestKmsKeyArn": key_arn_of(plan, "streaming"),
        "encryptionInTransit": {"clientBroker": "TLS", "inCluster": True},
    }
    logs = cluster["loggingInfo"]["brokerLogs"]
    group = one(plan, "aws:cloudwatch/logGroup:LogGroup", "-stream-broker-logs")
    assert logs["cloudwatchLogs"] == {"enabled": True, "logGroup": group.inputs["name"]}
    assert logs["firehose"] == {"enabled": False}
    assert logs["s3"] == {"enabled": False}
    assert group.inputs["kmsKeyId"] == key_arn_of(plan, "logs")
    assert group.inputs["retentionInDays"] == platform.monitoring.log_retention_days
    config = one(plan, "aws:msk/configuration:Configuration").inputs["serverProperties"]
    assert "auto.create.topics.enable=false" in config.splitlines()
    assert "min.insync.replicas=2" in config.splitlines()


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_raw_is_append_only_and_write_once_and_curated_keeps_replaced_versions(plan_of, stack):
    plan = plan_of(stack)
    ingestion = load_stack_file(stack).platform.ingestion
    raw = one(plan, "aws:s3/bucket:Bucket", "-raw")
    assert raw.inputs["objectLockEnabled"] is True
    lock = one(plan, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration", "-raw")
    assert lock.inputs["rule"]["defaultRetention"] == {
        "mode": "GOVERNANCE",
        "days": ingestion.raw_lock_days,
    }
    deny = [
        st
        for st in policy_of(one(plan, "aws:s3/bucketPolicy:BucketPolicy", "-raw"))["Statement"]
        if st["Sid"] == "DenyDeletes"
    ]
    assert deny
    assert deny[0]["Effect"] == "Deny"
    assert deny[0]["Principal"] == {"AWS": "*"}
    assert {"s3:DeleteObject", "s3:DeleteObjectVersion", "s3:BypassGovernanceRetention"} <= set(
        deny[0]["Action"]
    )

    def rules(purpose: str) -> dict[str, dict]:
        lifecycle = one(
            plan, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", f"-{purpose}"
        )
        return {r["id"]: r for r in lifecycle.inputs["rules"]}

    raw_rules = rules("raw")
    assert raw_rules["expire-current"]["expiration"] == {"days": ingestion.raw_retention_days}
    curated_rules = rules("curated")
    assert curated_rules["expire-old-versions"]["noncurrentVersionExpiration"] == {
        "noncurrentDays": ingestion.curated_noncurrent_days
    }
    assert "expire-current" not in curated_rules
    curated = one(plan, "aws:s3/bucket:Bucket", "-curated")
    assert curated.inputs.get("objectLockEnabled") is not True
    # Both zones are judged by the trail's data events like the other stores.
    trail = one(plan, "aws:cloudtrail/trail:Trail")
    logged = str(trail.inputs)
    assert raw.inputs["bucket"] in logged
    assert curated.inputs["bucket"] in logged


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_only_the_ingestion_role_consumes_the_stream(plan_of, stack):
    plan = plan_of(stack)
    cluster = one(plan, MSK).inputs["clusterName"]
    topic = load_stack_file(stack).platform.ingestion.stream.topic
    kafka: dict[str, list[dict]] = {}
    for policy in plan.of_type("aws:iam/rolePolicy:RolePolicy"):
        statements = policy_of(policy)["Statement"]
        found = [st for st in statements if any(a.startswith("kafka") for a in st["Action"])]
        if found:
            kafka[policy.name] = found
    assert list(kafka) == [f"smp-{stack}-workload-ingestion"]
    by_sid = {st["Sid"]: st for st in kafka[f"smp-{stack}-workload-ingestion"]}
    arn = f"arn:aws:kafka:{REGION}:123456789012"
    assert by_sid["StreamCluster"]["Resource"] == [f"{arn}:cluster/{cluster}/*"]
    assert by_sid["StreamTopic"]["Resource"] == [f"{arn}:topic/{cluster}/*/{topic}"]
    assert by_sid["StreamGroup"]["Resource"] == [f"{arn}:group/{cluster}/*/ingestion*"]
    actions = {a for st in by_sid.values() for a in st["Action"]}
    # It reads: no WriteData, no CreateTopic, no cluster administration.
    assert actions == {
        "kafka-cluster:Connect",
        "kafka-cluster:DescribeCluster",
        "kafka-cluster:DescribeTopic",
        "kafka-cluster:ReadData",
        "kafka-cluster:DescribeGroup",
        "kafka-cluster:AlterGroup",
    }
