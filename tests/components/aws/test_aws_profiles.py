"""smb vs enterprise, prod vs dev, config variants, derived names and count snapshots."""

from __future__ import annotations

import functools
import json
import re

import pytest

from components.aws.storage import bucket_name
from smp.offline import Plan
from stacks.stack_files import load_stack_file
from tests.components.aws.aws_plan import (
    AWS_STACKS,
    REGION,
    key_arn_of,
    one,
    plan_settings,
    settings_variant,
)
from workloads.contract.images import IMAGE_NAMES


def _public_endpoint(raw: dict) -> None:
    raw["clusterEndpoint"] = {"publicAccess": True, "allowedCidrs": ["203.0.113.0/24"]}


def _enterprise_dev(raw: dict) -> None:
    raw["profile"] = "enterprise"
    raw["nodePools"]["system"]["minSize"] = 2
    raw["featureStore"]["onlineStore"]["replicas"] = 1


def _features_off(raw: dict) -> None:
    raw["featureStore"]["enabled"] = False
    raw["registry"]["enabled"] = False


@functools.cache
def _variant(which: str) -> Plan:
    change = {
        "public-endpoint": _public_endpoint,
        "enterprise-dev": _enterprise_dev,
        "features-off": _features_off,
    }[which]
    return plan_settings(settings_variant("aws-uae-dev", change))


def test_enterprise_has_a_nat_gateway_per_zone_smb_shares_one(plan_of):
    prod, dev = plan_of("aws-uae-prod"), plan_of("aws-uae-dev")
    assert len(prod.of_type("aws:ec2/natGateway:NatGateway")) == 3
    assert len(dev.of_type("aws:ec2/natGateway:NatGateway")) == 1
    # Each enterprise zone egresses through its own NAT; smb zones all through the one.
    for plan, distinct in ((prod, 3), (dev, 1)):
        routes = [r for r in plan.of_type("aws:ec2/route:Route") if "natGatewayId" in r.inputs]
        assert len(routes) == 3
        assert len({r.inputs["natGatewayId"] for r in routes}) == distinct
    # The profile alone decides it: dev switched to enterprise gets one per zone.
    assert len(_variant("enterprise-dev").of_type("aws:ec2/natGateway:NatGateway")) == 3


def test_prod_is_protected_and_highly_available_dev_is_not(plan_of):
    prod, dev = plan_of("aws-uae-prod"), plan_of("aws-uae-dev")
    prod_db = one(prod, "aws:rds/instance:Instance").inputs
    dev_db = one(dev, "aws:rds/instance:Instance").inputs
    assert prod_db["deletionProtection"] is True
    assert prod_db["multiAz"] is True
    assert prod_db["finalSnapshotIdentifier"].endswith("-final")
    assert dev_db["deletionProtection"] is False
    assert dev_db["multiAz"] is False
    assert prod_db["backupRetentionPeriod"] == 14
    assert dev_db["backupRetentionPeriod"] == 3
    # Performance Insights (CMK-encrypted) where the class offers it; not on db.t4g.small.
    assert prod_db["performanceInsightsEnabled"] is True
    assert dev_db["performanceInsightsEnabled"] is False
    prod_redis = one(prod, "aws:elasticache/replicationGroup:ReplicationGroup").inputs
    dev_redis = one(dev, "aws:elasticache/replicationGroup:ReplicationGroup").inputs
    assert prod_redis["numCacheClusters"] == 3
    assert prod_redis["multiAzEnabled"] is True
    assert dev_redis["numCacheClusters"] == 1
    assert dev_redis["automaticFailoverEnabled"] is False
    prod_keys = {k.inputs["deletionWindowInDays"] for k in prod.of_type("aws:kms/key:Key")}
    dev_keys = {k.inputs["deletionWindowInDays"] for k in dev.of_type("aws:kms/key:Key")}
    assert (prod_keys, dev_keys) == ({30}, {7})
    sc = "kubernetes:storage.k8s.io/v1:StorageClass"
    assert one(prod, sc).inputs["reclaimPolicy"] == "Retain"
    assert one(dev, sc).inputs["reclaimPolicy"] == "Delete"
    # smb/dev GPU pools are spot; the prod GPU pool is on-demand.
    assert one(dev, "aws:eks/nodeGroup:NodeGroup", "-gpu").inputs["capacityType"] == "SPOT"
    assert one(prod, "aws:eks/nodeGroup:NodeGroup", "-gpu").inputs["capacityType"] == "ON_DEMAND"


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_the_registry_database_is_private_encrypted_and_tls_only(plan_of, stack):
    plan = plan_of(stack)
    db = one(plan, "aws:rds/instance:Instance").inputs
    key = key_arn_of(plan, "database")
    assert db["publiclyAccessible"] is False
    assert db["storageEncrypted"] is True
    assert db["kmsKeyId"] == key
    assert db["manageMasterUserPassword"] is True
    assert db["masterUserSecretKmsKeyId"] == key
    assert "password" not in db
    if db["performanceInsightsEnabled"]:
        assert db["performanceInsightsKmsKeyId"] == key
    params = {
        p["name"]: p["value"]
        for p in one(plan, "aws:rds/parameterGroup:ParameterGroup").inputs["parameters"]
    }
    assert params["rds.force_ssl"] == "1"
    assert params["ssl_min_protocol_version"] == "TLSv1.2"


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_the_registry_database_has_enhanced_monitoring_through_its_own_role(plan_of, stack):
    plan = plan_of(stack)
    db = one(plan, "aws:rds/instance:Instance")
    assert db.inputs["monitoringInterval"] == 60
    [role_urn] = db.property_dependencies["monitoringRoleArn"]
    role = plan.by_urn()[role_urn]
    [trust] = json.loads(role.inputs["assumeRolePolicy"])["Statement"]
    assert trust["Principal"] == {"Service": "monitoring.rds.amazonaws.com"}
    # Only RDS, for this account and this one instance, may assume it.
    assert trust["Condition"]["StringEquals"] == {"aws:SourceAccount": "123456789012"}
    assert trust["Condition"]["ArnEquals"] == {
        "aws:SourceArn": f"arn:aws:rds:{REGION}:123456789012:db:{db.inputs['identifier']}"
    }
    attachments = [
        a
        for a in plan.of_type("aws:iam/rolePolicyAttachment:RolePolicyAttachment")
        if a.property_dependencies.get("role") == [role_urn]
    ]
    assert [a.inputs["policyArn"] for a in attachments] == [
        "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
    ]
    # RDS would create RDSOSMetrics itself, unencrypted and kept 30 days: the stack owns it.
    os_metrics = one(plan, "aws:cloudwatch/logGroup:LogGroup", "-os-metrics").inputs
    assert os_metrics["name"] == "RDSOSMetrics"
    assert os_metrics["kmsKeyId"] == key_arn_of(plan, "logs")
    assert (
        os_metrics["retentionInDays"]
        == load_stack_file(stack).platform.monitoring.log_retention_days
    )


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_the_online_store_is_encrypted_both_ways_with_a_secret_token(plan_of, stack):
    plan = plan_of(stack)
    redis = one(plan, "aws:elasticache/replicationGroup:ReplicationGroup")
    assert redis.inputs["atRestEncryptionEnabled"] is True
    assert redis.inputs["kmsKeyId"] == key_arn_of(plan, "database")
    assert redis.inputs["transitEncryptionEnabled"] is True
    assert redis.inputs["transitEncryptionMode"] == "required"
    assert "authToken" in redis.secret_paths
    assert redis.to_json()["inputs"]["authToken"] == "[secret]"
    # Engine and slow logs are delivered to the platform's own (CMK) log groups.
    groups = {g.inputs["name"] for g in plan.of_type("aws:cloudwatch/logGroup:LogGroup")}
    deliveries = redis.inputs["logDeliveryConfigurations"]
    assert {d["logType"] for d in deliveries} == {"engine-log", "slow-log"}
    assert all(d["destinationType"] == "cloudwatch-logs" for d in deliveries)
    assert {d["destination"] for d in deliveries} <= groups


def test_a_stack_secret_token_is_used_instead_of_a_generated_one():
    from platform_spec import PROJECT
    from smp.offline import plan_program
    from stacks.stack_files import load_stack_file

    settings = load_stack_file("aws-uae-dev")

    def program() -> None:
        from stacks.platform import build_platform

        build_platform(settings)

    key = f"{PROJECT}:onlineStoreAuthToken"
    plan = plan_program(
        program,
        stack="aws-uae-dev",
        config={key: "t" * 32},
        secret_keys=[key],
        default_region=REGION,
    )
    redis = one(plan, "aws:elasticache/replicationGroup:ReplicationGroup")
    assert redis.inputs["authToken"] == "t" * 32
    assert "authToken" in redis.secret_paths
    assert [
        r
        for r in plan.of_type("random:index/randomPassword:RandomPassword")
        if r.name.endswith("-online-store-token")
    ] == []


def test_more_zones_than_the_region_has_fail_with_a_clear_message():
    def four_zones(raw: dict) -> None:
        raw["network"]["availabilityZones"] = 4

    # The engine surfaces the program's own error, naming the key to change.
    with pytest.raises(ValueError, match=r"me-central-1 has 3 available zones .* asks for 4"):
        plan_settings(settings_variant("aws-uae-dev", four_zones))


def test_switched_off_features_create_no_database_or_cache():
    plan = _variant("features-off")
    assert plan.of_type("aws:rds/instance:Instance") == []
    assert plan.of_type("aws:elasticache/replicationGroup:ReplicationGroup") == []
    assert [
        r
        for r in plan.of_type("random:index/randomPassword:RandomPassword")
        if r.name.endswith("-online-store-token")
    ] == []
    assert plan.outputs["databaseEndpoint"] == ""
    assert plan.outputs["redisEndpoint"] == ""
    registry = json.loads(
        one(plan, "aws:iam/rolePolicy:RolePolicy", "-workload-registry").inputs["policy"]
    )
    assert "ReadDatabaseCredentials" not in {st["Sid"] for st in registry["Statement"]}


def test_a_public_endpoint_carries_only_the_configured_allow_list():
    plan = _variant("public-endpoint")
    vpc = one(plan, "aws:eks/cluster:Cluster").inputs["vpcConfig"]
    assert vpc["endpointPublicAccess"] is True
    assert vpc["endpointPrivateAccess"] is True
    assert vpc["publicAccessCidrs"] == ["203.0.113.0/24"]


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_ecr_repositories_are_immutable_scanned_and_cmk_encrypted(plan_of, stack):
    plan = plan_of(stack)
    repos = plan.of_type("aws:ecr/repository:Repository")
    assert len(repos) == len(IMAGE_NAMES)
    for repo in repos:
        assert repo.inputs["imageTagMutability"] == "IMMUTABLE"
        assert repo.inputs["imageScanningConfiguration"] == {"scanOnPush": True}
        assert repo.inputs["encryptionConfigurations"] == [
            {"encryptionType": "KMS", "kmsKey": key_arn_of(plan, "storage")}
        ]
        assert repo.inputs["name"].startswith(f"smp-{stack}/")
    # Mirrored third-party images land in repositories with the same guarantees.
    template = one(plan, "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate")
    assert template.inputs["prefix"] == "mirror"
    assert template.inputs["appliedFors"] == ["CREATE_ON_PUSH"]
    assert template.inputs["imageTagMutability"] == "IMMUTABLE"
    assert template.inputs["encryptionConfigurations"] == [
        {"encryptionType": "KMS", "kmsKey": key_arn_of(plan, "storage")}
    ]
    assert template.inputs["resourceTags"]["data-residency"] == "uae"
    # The registry scans every repository on push, the mirrored ones included (the
    # creation template has no scanning setting of its own).
    scanning = one(plan, "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration")
    assert scanning.inputs["scanType"] == "BASIC"
    assert scanning.inputs["rules"] == [
        {
            "scanFrequency": "SCAN_ON_PUSH",
            "repositoryFilters": [{"filter": "*", "filterType": "WILDCARD"}],
        }
    ]


def test_names_are_derived_from_the_stack_and_bucket_names_are_valid(plan_of):
    valid = re.compile(r"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")
    seen: set[str] = set()
    for stack in AWS_STACKS:
        plan = plan_of(stack)
        for bucket in plan.of_type("aws:s3/bucket:Bucket"):
            name = bucket.inputs["bucket"]
            assert valid.match(name), name
            assert stack in name, name
            assert name not in seen
            seen.add(name)
        # Every name in the AWS layer carries the stack, so two stacks never collide.
        layer = one(plan, "smp:aws:AwsPlatform").urn
        by_urn = plan.by_urn()
        for r in plan.resources:
            parent = r.parent
            while parent and parent != layer:
                parent = by_urn[parent].parent
            if parent == layer:
                assert stack in r.name, r.name
    assert len(seen) == 16


def test_bucket_names_stay_valid_and_distinct_for_awkward_stack_names():
    long_stack = "aws-uae-" + "x" * 80
    names = {
        bucket_name("org", "proj", long_stack, p)
        for p in (
            "offline-store",
            "artifacts",
            "prediction-logs",
            "predictions",
            "access-logs",
            "audit",
        )
    }
    assert len(names) == 6
    for name in names:
        assert 3 <= len(name) <= 63
        assert name == name.lower()
        assert not name.endswith("-")
    # Deterministic, and separated by account and project.
    assert bucket_name("org", "proj", "s", "audit") == bucket_name("org", "proj", "s", "audit")
    assert bucket_name("org", "proj", "s", "audit") != bucket_name("other", "proj", "s", "audit")
    assert len(bucket_name("123456789012", "proj", "s", "audit")) <= 63
    assert bucket_name("org", "proj", "s", "audit") != bucket_name("org", "p2", "s", "audit")
    assert valid_upper(bucket_name("o", "p", "AWS_UAE.Prod", "audit"))


def valid_upper(name: str) -> bool:
    return re.fullmatch(r"[a-z0-9][a-z0-9-]{1,61}[a-z0-9]", name) is not None


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_resource_counts_snapshot(plan_of, snapshot, stack):
    snapshot(f"{stack}-resource-counts", plan_of(stack).counts_by_type())
