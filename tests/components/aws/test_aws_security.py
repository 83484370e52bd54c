"""Security properties on the recorded inputs: CMKs, IAM scope, network exposure, logs."""

from __future__ import annotations

import fnmatch

import pytest

from components.aws.network import INTERFACE_ENDPOINTS
from components.interface import WORKLOAD_SERVICE_ACCOUNTS
from components.k8s.namespaces import PLATFORM_NAMESPACES
from smp.offline import PlannedResource
from smp.offline.mocks import stable_suffix
from stacks.stack_files import load_stack_file
from tests.components.aws.aws_plan import (
    ANY_KEY,
    AWS_STACKS,
    REGION,
    as_list,
    aws_resources,
    get,
    iam_scope_problems,
    key_alias_of,
    key_aliases,
    key_arn_of,
    key_policy_problems,
    one,
    open_ingress_problems,
    policy_of,
    unscoped_key_problems,
)

KEY = "aws:kms/key:Key"


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_one_rotating_single_region_key_per_purpose_with_an_alias(plan_of, stack):
    plan = plan_of(stack)
    keys = plan.of_type(KEY)
    assert sorted(k.name.rsplit("-", 1)[-1] for k in keys) == [
        "database",
        "eks",
        "logs",
        "storage",
        "streaming",
    ]
    aliases = {a.inputs["name"] for a in plan.of_type("aws:kms/alias:Alias")}
    for key in keys:
        assert key.inputs["enableKeyRotation"] is True
        assert key.inputs["multiRegion"] is False
        assert key.inputs["bypassPolicyLockoutSafetyCheck"] is False
        assert f"alias/{key.name}" in aliases
        assert key_policy_problems(key.name, policy_of(key)) == []
        # The account root administers the key, so IAM policies can delegate use of it.
        statements = policy_of(key)["Statement"]
        assert statements[0]["Principal"] == {"AWS": "arn:aws:iam::123456789012:root"}
        assert "kms:PutKeyPolicy" in statements[0]["Action"]
    services = {
        k.name.rsplit("-", 1)[1]: sorted(
            st["Principal"]["Service"]
            for st in policy_of(k)["Statement"][1:]
            if "Service" in st["Principal"]
        )
        for k in keys
    }
    # Only the services that encrypt with a key themselves are named in its policy.
    assert services == {
        "eks": [],
        "database": [],
        "storage": ["logging.s3.amazonaws.com"],
        "logs": ["cloudtrail.amazonaws.com", f"logs.{REGION}.amazonaws.com"],
        "streaming": [],
    }
    for key in keys:
        statements = policy_of(key)["Statement"]
        # Service principals are bound to this account or to one of its resources.
        for statement in statements[1:]:
            if "Service" in statement["Principal"]:
                assert statement.get("Condition"), (key.name, statement["Sid"])


def test_the_key_policy_check_fails_on_a_wildcard_principal():
    bad = {
        "Statement": [
            {
                "Sid": "Open",
                "Effect": "Allow",
                "Principal": {"AWS": "*"},
                "Action": "kms:*",
                "Resource": "*",
            }
        ]
    }
    assert key_policy_problems("k", bad) == [
        "k/Open: wildcard or missing principal",
        "k/Open: wildcard action kms:*",
    ]
    assert key_policy_problems(
        "k", {"Statement": [{"Sid": "S", "Principal": "*", "Action": "kms:Decrypt"}]}
    )


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_cluster_secrets_are_envelope_encrypted_with_the_eks_key(plan_of, stack):
    plan = plan_of(stack)
    cluster = one(plan, "aws:eks/cluster:Cluster")
    encryption = cluster.inputs["encryptionConfig"]
    assert encryption["resources"] == ["secrets"]
    assert encryption["provider"]["keyArn"] == key_arn_of(plan, "eks")
    eks_key = one(plan, KEY, "-keys-eks")
    assert eks_key.urn in cluster.property_dependencies["encryptionConfig"]


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_every_launch_template_requires_imdsv2_and_encrypts_with_the_storage_key(plan_of, stack):
    plan = plan_of(stack)
    templates = plan.of_type("aws:ec2/launchTemplate:LaunchTemplate")
    assert len(templates) == len(load_stack_file(stack).platform.node_pools)
    for lt in templates:
        metadata = lt.inputs["metadataOptions"]
        assert metadata["httpTokens"] == "required", lt.name
        assert metadata["httpPutResponseHopLimit"] == 1, lt.name
        assert "keyName" not in lt.inputs, lt.name  # no SSH key pair
        volumes = lt.inputs["blockDeviceMappings"]
        assert volumes, lt.name
        for volume in volumes:
            assert volume["ebs"]["encrypted"] == "true", lt.name
            assert volume["ebs"]["kmsKeyId"] == key_arn_of(plan, "storage"), lt.name
    for group in plan.of_type("aws:eks/nodeGroup:NodeGroup"):
        assert "remoteAccess" not in group.inputs, group.name
        assert group.inputs["launchTemplate"]["id"].startswith(group.name)


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_no_security_group_allows_ingress_from_the_internet(plan_of, stack):
    plan = plan_of(stack)
    groups = [
        r
        for r in aws_resources(plan)
        if r.type
        in (
            "aws:ec2/securityGroup:SecurityGroup",
            "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        )
    ]
    assert len(groups) >= 4
    assert [p for g in groups for p in open_ingress_problems(g)] == []
    cidr = load_stack_file(stack).platform.network.cidr
    cluster_sg = "sg-" + stable_suffix(one(plan, "aws:eks/cluster:Cluster").name, "cluster")
    expected = {
        "-net-endpoints": ("cidrBlocks", [cidr], 443),
        "-registry-db": ("securityGroups", [cluster_sg], 5432),
        "-online-store": ("securityGroups", [cluster_sg], 6379),
        # MSK's IAM/TLS listener, from the cluster only.
        "-stream-brokers": ("securityGroups", [cluster_sg], 9098),
    }
    for suffix, (field, sources, port) in expected.items():
        group = one(plan, "aws:ec2/securityGroup:SecurityGroup", suffix)
        [rule] = group.inputs["ingress"]
        assert rule[field] == sources, group.name
        assert rule["fromPort"] == rule["toPort"] == port, group.name
        assert rule["protocol"] == "tcp"
        assert group.inputs["egress"] == []
    assert len(plan.of_type("aws:ec2/securityGroup:SecurityGroup")) == len(expected)
    default = one(plan, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup")
    assert default.inputs["ingress"] == []
    assert default.inputs["egress"] == []


def test_the_ingress_check_fails_on_an_open_rule():
    open_sg = PlannedResource(
        urn="u",
        type="aws:ec2/securityGroup:SecurityGroup",
        name="sg",
        custom=True,
        inputs={"ingress": [{"cidrBlocks": ["10.0.0.0/8"], "ipv6CidrBlocks": ["::/0"]}]},
        parent=None,
        provider=None,
        dependencies=[],
        property_dependencies={},
    )
    assert open_ingress_problems(open_sg) == ["sg: ingress from ::/0"]
    rule = PlannedResource(
        urn="u",
        type="aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        name="r",
        custom=True,
        inputs={"cidrIpv4": "0.0.0.0/0"},
        parent=None,
        provider=None,
        dependencies=[],
        property_dependencies={},
    )
    assert open_ingress_problems(rule) == ["r: ingress from 0.0.0.0/0"]


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_every_bucket_is_cmk_encrypted_versioned_private_and_tls_only(plan_of, stack):
    plan = plan_of(stack)
    buckets = plan.of_type("aws:s3/bucket:Bucket")
    # offline store, artifacts, prediction logs, predictions, raw, curated, access logs, audit
    assert len(buckets) == 8
    key_arns = {key_arn_of(plan, "storage"), key_arn_of(plan, "logs")}

    def attached(type_token: str, bucket: PlannedResource) -> PlannedResource:
        found = [r for r in plan.of_type(type_token) if r.parent == bucket.parent]
        assert len(found) == 1, (type_token, bucket.name)
        assert bucket.urn in found[0].property_dependencies["bucket"]
        return found[0]

    for bucket in buckets:
        assert bucket.inputs["forceDestroy"] is False
        sse = attached(
            "aws:s3/bucketServerSideEncryptionConfiguration:"
            "BucketServerSideEncryptionConfiguration",
            bucket,
        )
        rule = sse.inputs["rules"][0]
        default = rule["applyServerSideEncryptionByDefault"]
        assert default["sseAlgorithm"] == "aws:kms"
        assert default["kmsMasterKeyId"] in key_arns
        assert rule["bucketKeyEnabled"] is True
        versioning = attached("aws:s3/bucketVersioning:BucketVersioning", bucket)
        assert versioning.inputs["versioningConfiguration"]["status"] == "Enabled"
        block = attached("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", bucket)
        for setting in (
            "blockPublicAcls",
            "blockPublicPolicy",
            "ignorePublicAcls",
            "restrictPublicBuckets",
        ):
            assert block.inputs[setting] is True, (bucket.name, setting)
        ownership = attached("aws:s3/bucketOwnershipControls:BucketOwnershipControls", bucket)
        assert ownership.inputs["rule"]["objectOwnership"] == "BucketOwnerEnforced"
        lifecycle = attached(
            "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", bucket
        )
        assert {r["id"] for r in lifecycle.inputs["rules"]} >= {
            "abort-incomplete-uploads",
            "expire-old-versions",
        }

        policy = policy_of(attached("aws:s3/bucketPolicy:BucketPolicy", bucket))
        denies = {s["Sid"]: s for s in policy["Statement"] if s["Effect"] == "Deny"}
        assert denies["DenyInsecureTransport"]["Condition"] == {
            "Bool": {"aws:SecureTransport": "false"}
        }
        # A request naming a key of another account or region is refused; the bucket's
        # own default key passes the pattern (its exact ARN is unknown at plan time).
        other_keys = denies["DenyOtherKmsKeys"]["Condition"]["StringNotLikeIfExists"]
        pattern = other_keys["s3:x-amz-server-side-encryption-aws-kms-key-id"]
        assert pattern == ANY_KEY
        assert fnmatch.fnmatchcase(default["kmsMasterKeyId"], pattern)
        for foreign in (
            default["kmsMasterKeyId"].replace(REGION, "me-south-1"),
            default["kmsMasterKeyId"].replace("123456789012", "210987654321"),
        ):
            assert not fnmatch.fnmatchcase(foreign, pattern)
        assert denies["DenyOtherEncryption"]["Condition"] == {
            "StringNotEqualsIfExists": {"s3:x-amz-server-side-encryption": "aws:kms"}
        }
        # The policy names this bucket only.
        arn = f"arn:aws:s3:::{bucket.inputs['bucket']}"
        for statement in policy["Statement"]:
            assert all(
                r == arn or r.startswith(f"{arn}/") for r in as_list(statement["Resource"])
            ), statement["Sid"]
        # The only Allow statements let one log-delivery service write, bound by condition.
        for allow in (s for s in policy["Statement"] if s["Effect"] == "Allow"):
            assert set(allow["Principal"]) == {"Service"}
            assert allow["Condition"]


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_every_bucket_but_the_log_target_logs_access(plan_of, stack):
    plan = plan_of(stack)
    targets = one(plan, "aws:s3/bucket:Bucket", "-access-logs")
    logging = plan.of_type("aws:s3/bucketLogging:BucketLogging")
    assert len(logging) == len(plan.of_type("aws:s3/bucket:Bucket")) - 1
    for entry in logging:
        assert entry.inputs["targetBucket"] == targets.inputs["bucket"]


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_every_iam_policy_is_scoped(plan_of, stack):
    plan = plan_of(stack)
    policies = plan.of_type("aws:iam/rolePolicy:RolePolicy")
    assert len(policies) >= 9
    problems = [p for r in policies for p in iam_scope_problems(r.name, policy_of(r))]
    problems += [p for r in policies for p in unscoped_key_problems(r.name, policy_of(r))]
    assert problems == []
    # Roles are assumed by a named service only; no role carries inline/managed wildcards.
    for role in plan.of_type("aws:iam/role:Role"):
        trust = policy_of(role, "assumeRolePolicy")
        for statement in as_list(trust["Statement"]):
            assert set(statement["Principal"]) == {"Service"}, role.name
            assert statement["Principal"]["Service"] != "*"
    for attachment in plan.of_type("aws:iam/rolePolicyAttachment:RolePolicyAttachment"):
        assert attachment.inputs["policyArn"].split("/")[-1] in {
            "AmazonEKSClusterPolicy",
            "AmazonEKSWorkerNodePolicy",
            "AmazonEKS_CNI_Policy",
            "AmazonEC2ContainerRegistryPullOnly",
            "AmazonEBSCSIDriverPolicy",
            # RDS Enhanced Monitoring: log groups and streams named RDS* only.
            "AmazonRDSEnhancedMonitoringRole",
            # AWS Config's recorder: the read-only Describe/Get/List calls it records with.
            "AWS_ConfigRole",
        }


def test_the_key_scope_check_fails_on_keys_not_limited_to_one_alias():
    doc = {
        "Statement": [
            {"Sid": "A", "Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": [ANY_KEY]},
            {
                "Sid": "B",
                "Effect": "Allow",
                "Action": ["kms:Decrypt"],
                "Resource": [ANY_KEY],
                "Condition": {"ForAnyValue:StringLike": {"kms:ResourceAliases": ["alias/*"]}},
            },
            {
                "Sid": "C",
                "Effect": "Allow",
                "Action": ["kms:Decrypt"],
                "Resource": [ANY_KEY],
                "Condition": {"ForAnyValue:StringEquals": {"kms:ResourceAliases": ["alias/x-*"]}},
            },
            {
                "Sid": "D",
                "Effect": "Allow",
                "Action": ["kms:Decrypt"],
                "Resource": [ANY_KEY],
                "Condition": {"ForAnyValue:StringEquals": {"kms:ResourceAliases": ["alias/x"]}},
            },
        ]
    }
    assert [p.split(":", 1)[0] for p in unscoped_key_problems("p", doc)] == ["p/A", "p/B", "p/C"]


def test_the_iam_scope_check_fails_on_wildcards():
    doc = {
        "Statement": [
            {"Sid": "A", "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b"},
            {"Sid": "B", "Effect": "Allow", "Action": ["s3:PutObject"], "Resource": "*"},
            {"Sid": "C", "Effect": "Allow", "Action": ["ec2:DescribeImages"], "Resource": ["*"]},
            {"Sid": "D", "Effect": "Deny", "Action": "*", "Resource": "*"},
        ]
    }
    assert iam_scope_problems("p", doc) == [
        "p/A: wildcard action s3:*",
        "p/B: '*' resource for ['s3:PutObject']",
        "p/C: '*' resource for ['ec2:DescribeImages']",  # reads, but not pinned to the region
    ]


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_workload_roles_reach_only_their_own_buckets_and_the_storage_key(plan_of, stack):
    plan = plan_of(stack)
    buckets = {
        b.name.rsplit("-", 1)[0].split("-")[-1]: b.inputs["bucket"]
        for b in plan.of_type("aws:s3/bucket:Bucket")
    }
    offline, artifacts, predictions = (
        one(plan, "aws:s3/bucket:Bucket", f"-{p}").inputs["bucket"]
        for p in ("offline-store", "artifacts", "prediction-logs")
    )
    assert buckets  # names are derived, see test_aws_profiles

    def grants(workload: str) -> dict[str, set[str]]:
        policy = policy_of(one(plan, "aws:iam/rolePolicy:RolePolicy", f"-workload-{workload}"))
        out: dict[str, set[str]] = {}
        for statement in policy["Statement"]:
            for resource in as_list(statement["Resource"]):
                out.setdefault(resource, set()).update(as_list(statement["Action"]))
        return out

    training = grants("training")
    assert "s3:PutObject" in training[f"arn:aws:s3:::{artifacts}/*"]
    assert training[f"arn:aws:s3:::{offline}/*"] == {"s3:GetObject", "s3:GetObjectVersion"}
    # The prediction log read-only: the retraining's A/B analysis runs as training.
    assert training[f"arn:aws:s3:::{predictions}/*"] == {"s3:GetObject", "s3:GetObjectVersion"}
    serving = grants("serving")
    assert serving[f"arn:aws:s3:::{artifacts}/*"] == {"s3:GetObject", "s3:GetObjectVersion"}
    assert "s3:PutObject" in serving[f"arn:aws:s3:::{predictions}/*"]
    assert "s3:GetObject" not in serving[f"arn:aws:s3:::{predictions}/*"]
    # Of the offline store, serving reads only the Feast registry.
    assert [r for r in serving if offline in r and r.endswith("*")] == [
        f"arn:aws:s3:::{offline}/feast/*"
    ]
    assert serving[f"arn:aws:s3:::{offline}/feast/*"] == {"s3:GetObject", "s3:GetObjectVersion"}
    # Batch scoring reads the offline store and writes only its prefix of the predictions
    # zone (its own bucket, not the prediction logs).
    zone = one(plan, "aws:s3/bucket:Bucket", "-predictions").inputs["bucket"]
    batch = grants("batch-scoring")
    assert batch[f"arn:aws:s3:::{offline}/*"] == {"s3:GetObject", "s3:GetObjectVersion"}
    assert batch[f"arn:aws:s3:::{zone}/batch/*"] == {
        "s3:GetObject",
        "s3:GetObjectVersion",
        "s3:PutObject",
        "s3:AbortMultipartUpload",
    }
    assert not any(b in r for r in batch for b in (artifacts, predictions))
    assert not any(zone in r for w in ("training", "serving", "drift-monitor") for r in grants(w))
    drift = grants("drift-monitor")
    assert "s3:GetObject" in drift[f"arn:aws:s3:::{predictions}/*"]
    assert "s3:GetObject" in drift[f"arn:aws:s3:::{artifacts}/baselines/*"]
    assert f"arn:aws:s3:::{artifacts}/*" not in drift
    # MLflow reads the database credentials from the one RDS-managed secret, and may
    # decrypt with the database key only through Secrets Manager.
    registry = policy_of(one(plan, "aws:iam/rolePolicy:RolePolicy", "-workload-registry"))
    by_sid = {st["Sid"]: st for st in registry["Statement"]}
    # RDS names the secret `rds!db-<random>`: the role reaches it through the tag RDS
    # puts on it, the ARN of this stack's instance.
    read_secret = by_sid["ReadDatabaseCredentials"]
    assert read_secret["Resource"] == [
        f"arn:aws:secretsmanager:{REGION}:123456789012:secret:rds!db-*"
    ]
    instance = one(plan, "aws:rds/instance:Instance").inputs["identifier"]
    instance_arn = f"arn:aws:rds:{REGION}:123456789012:db:{instance}"
    assert read_secret["Condition"] == {
        "StringEquals": {"aws:ResourceTag/aws:rds:primaryDBInstanceArn": instance_arn}
    }
    decrypt = by_sid["DecryptDatabaseCredentials"]
    assert decrypt["Action"] == ["kms:Decrypt"]
    assert decrypt["Resource"] == [ANY_KEY]
    assert decrypt["Condition"] == {
        "StringEquals": {"kms:ViaService": f"secretsmanager.{REGION}.amazonaws.com"},
        "ForAnyValue:StringEquals": {"kms:ResourceAliases": [key_alias_of(plan, "database")]},
    }
    storage_alias = key_alias_of(plan, "storage")
    for workload in ("training", "serving", "drift-monitor", "feature-store", "registry"):
        policy = policy_of(one(plan, "aws:iam/rolePolicy:RolePolicy", f"-workload-{workload}"))
        assert unscoped_key_problems(workload, policy) == []
        by_alias: dict[str, set[str]] = {}
        for statement in policy["Statement"]:
            resources = as_list(statement["Resource"])
            if any(":kms:" in r for r in resources):
                assert resources == [ANY_KEY], workload
                for alias in key_aliases(statement):
                    by_alias.setdefault(alias, set()).update(as_list(statement["Action"]))
        assert "kms:Decrypt" in by_alias[storage_alias], workload
        expected = {storage_alias} | (
            {key_alias_of(plan, "database")} if workload == "registry" else set()
        )
        assert set(by_alias) == expected, workload
        association = one(
            plan, "aws:eks/podIdentityAssociation:PodIdentityAssociation", f"-workload-{workload}"
        )
        # The service account the interface names, in a namespace the in-cluster layer has.
        namespace, service_account = WORKLOAD_SERVICE_ACCOUNTS[workload]
        assert association.inputs["namespace"] == namespace
        assert association.inputs["serviceAccount"] == service_account
        assert namespace in {spec.name for spec in PLATFORM_NAMESPACES}
        role = one(plan, "aws:iam/role:Role", f"-workload-{workload}")
        trust = policy_of(role, "assumeRolePolicy")["Statement"][0]
        assert trust["Principal"] == {"Service": "pods.eks.amazonaws.com"}
        tags = trust["Condition"]["StringEquals"]
        assert tags["aws:RequestTag/kubernetes-namespace"] == association.inputs["namespace"]
        assert (
            tags["aws:RequestTag/kubernetes-service-account"]
            == association.inputs["serviceAccount"]
        )
        assert tags["aws:RequestTag/eks-cluster-name"] == association.inputs["clusterName"]


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_log_groups_are_cmk_encrypted_with_the_configured_retention(plan_of, stack):
    plan = plan_of(stack)
    retention = load_stack_file(stack).platform.monitoring.log_retention_days
    groups = plan.of_type("aws:cloudwatch/logGroup:LogGroup")
    names = {g.inputs["name"] for g in groups}
    cluster = one(plan, "aws:eks/cluster:Cluster")
    # EKS writes control-plane logs to this exact group; owning it keeps them encrypted.
    assert f"/aws/eks/{cluster.inputs['name']}/cluster" in names
    # Likewise for every log type the database exports.
    db = one(plan, "aws:rds/instance:Instance").inputs
    for export in db["enabledCloudwatchLogsExports"]:
        assert f"/aws/rds/instance/{db['identifier']}/{export}" in names
    for group in groups:
        assert group.inputs["kmsKeyId"] == key_arn_of(plan, "logs"), group.name
        assert group.inputs["retentionInDays"] == retention, group.name


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_the_trail_validates_and_encrypts_its_log_files(plan_of, stack):
    plan = plan_of(stack)
    trail = one(plan, "aws:cloudtrail/trail:Trail")
    # The evidence is write-once for the retention period (Object Lock, governance).
    audit = one(plan, "aws:s3/bucket:Bucket", "-audit-bucket")
    assert audit.inputs["objectLockEnabled"] is True
    lock = one(
        plan, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration", "-audit-bucket"
    )
    assert audit.urn in lock.property_dependencies["bucket"]
    assert lock.inputs["rule"]["defaultRetention"] == {
        "mode": "GOVERNANCE",
        "days": load_stack_file(stack).platform.monitoring.log_retention_days,
    }
    assert trail.inputs["enableLogFileValidation"] is True
    assert trail.inputs["enableLogging"] is True
    assert trail.inputs["kmsKeyId"] == key_arn_of(plan, "logs")
    assert trail.inputs["cloudWatchLogsGroupArn"].startswith(f"arn:aws:logs:{REGION}:123456789012:")
    selectors = trail.inputs["eventSelectors"][0]
    assert selectors["includeManagementEvents"] is True
    data_buckets = {
        f"arn:aws:s3:::{one(plan, 'aws:s3/bucket:Bucket', f'-{p}').inputs['bucket']}/"
        for p in ("offline-store", "artifacts", "prediction-logs", "predictions", "raw", "curated")
    }
    assert set(selectors["dataResources"][0]["values"]) == data_buckets
    # The logs key lets CloudTrail use it only for this trail.
    logs_key = policy_of(one(plan, KEY, "-keys-logs"))
    trail_statement = next(
        s
        for s in logs_key["Statement"]
        if s["Principal"] == {"Service": "cloudtrail.amazonaws.com"}
    )
    assert trail_statement["Condition"]["StringEquals"]["aws:SourceArn"].endswith(
        f"trail/{trail.inputs['name']}"
    )


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_network_is_private_with_flow_logs_and_service_endpoints(plan_of, stack):
    plan = plan_of(stack)
    p = load_stack_file(stack).platform
    subnets = plan.of_type("aws:ec2/subnet:Subnet")
    private = [s for s in subnets if s.inputs["tags"]["tier"] == "private"]
    public = [s for s in subnets if s.inputs["tags"]["tier"] == "public"]
    assert len(private) == len(public) == p.network.availability_zones >= 3
    assert len({s.inputs["availabilityZone"] for s in private}) == 3
    assert all(s.inputs["mapPublicIpOnLaunch"] is False for s in subnets)
    # Nodes, the database and the cache live in the private subnets only.
    private_ids = sorted(s.id for s in private)
    assert (
        sorted(one(plan, "aws:eks/cluster:Cluster").inputs["vpcConfig"]["subnetIds"]) == private_ids
    )
    for group in plan.of_type("aws:eks/nodeGroup:NodeGroup"):
        assert sorted(group.inputs["subnetIds"]) == private_ids
    for token in ("aws:rds/subnetGroup:SubnetGroup", "aws:elasticache/subnetGroup:SubnetGroup"):
        assert sorted(one(plan, token).inputs["subnetIds"]) == private_ids

    flow = one(plan, "aws:ec2/flowLog:FlowLog")
    assert flow.inputs["trafficType"] == "ALL"
    assert flow.inputs["logDestinationType"] == "cloud-watch-logs"

    endpoints = {
        e.inputs["serviceName"]: e for e in plan.of_type("aws:ec2/vpcEndpoint:VpcEndpoint")
    }
    wanted = {"s3", "ecr.api", "ecr.dkr", "sts", "kms", "logs"}
    assert {f"com.amazonaws.{REGION}.{s}" for s in wanted} <= set(endpoints)
    assert endpoints[f"com.amazonaws.{REGION}.s3"].inputs["vpcEndpointType"] == "Gateway"
    for service in INTERFACE_ENDPOINTS:
        endpoint = endpoints[f"com.amazonaws.{REGION}.{service}"]
        assert endpoint.inputs["vpcEndpointType"] == "Interface"
        assert endpoint.inputs["privateDnsEnabled"] is True
        assert sorted(endpoint.inputs["subnetIds"]) == private_ids
        sg = one(plan, "aws:ec2/securityGroup:SecurityGroup", "-net-endpoints")
        assert get(sg.inputs, "ingress")[0]["fromPort"] == 443
        assert endpoint.inputs["securityGroupIds"] == [sg.id]
