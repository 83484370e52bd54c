"""Logging and audit rules (LOG-*): compliant and non-compliant cases."""

from __future__ import annotations

from tests.policies.builders import (
    ACCOUNT,
    AWS_BAHRAIN,
    AWS_UAE,
    AZ_NORTH,
    BANKING_TAGS,
    GENERAL_TAGS,
    KEY_ARN,
    RG,
    TAGS,
    Case,
    Res,
    bad,
    doc,
    ok,
)
from tests.policies.stream_fixtures import (
    MSK_CLUSTER,
    MSK_CLUSTER_ALONE,
    MSK_LOG_GROUP,
    NAMESPACE,
    diagnostics,
)

EKS_LOGS = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
EKS = Res(
    "aws:eks/cluster:Cluster",
    "eks",
    {"name": "smp", "version": "1.31", "enabledClusterLogTypes": EKS_LOGS},
    provider=AWS_UAE,
)
AKS = Res(
    "azure-native:containerservice:ManagedCluster",
    "aks",
    {"location": "uaenorth", "resourceGroupName": "smp"},
    provider=AZ_NORTH,
)
WORKSPACE = Res(
    "azure-native:operationalinsights:Workspace",
    "audit-ws",
    {
        "location": "uaenorth",
        "resourceGroupName": "smp",
        "retentionInDays": 365.0,
        "sku": {"name": "PerGB2018"},
    },
    provider=AZ_NORTH,
)
WORKSPACE_ID = f"{RG}/providers/Microsoft.OperationalInsights/workspaces/audit-ws"


def _diag(
    name: str, target: str, *categories: str, enabled: bool = True, workspace: bool = True
) -> Res:
    props: dict = {
        "name": name,
        "resourceUri": f"{RG}/providers/x/{target}",
        "logs": [{"category": c, "enabled": enabled} for c in categories],
    }
    deps: dict = {"resourceUri": (target,)}
    if workspace:
        props["workspaceId"] = WORKSPACE_ID
        deps["workspaceId"] = ("audit-ws",)
    return Res("azure-native:monitor:DiagnosticSetting", name, props, provider=AZ_NORTH, deps=deps)


TRAIL = Res(
    "aws:cloudtrail/trail:Trail",
    "trail",
    {
        "name": "smp-audit",
        "s3BucketName": "smp-audit",
        "kmsKeyId": KEY_ARN,
        "enableLogging": True,
        "enableLogFileValidation": True,
        "includeGlobalServiceEvents": True,
        "tags": TAGS,
    },
    provider=AWS_UAE,
)
BUCKET = Res("aws:s3/bucket:Bucket", "audit", {"bucket": "smp-audit"}, provider=AWS_UAE)
VPC = Res("aws:ec2/vpc:Vpc", "vpc", {"cidrBlock": "10.40.0.0/16"}, provider=AWS_UAE)


def _flow_log(traffic: str = "ALL") -> Res:
    return Res(
        "aws:ec2/flowLog:FlowLog",
        "vpc-flow",
        {
            "vpcId": "vpc-1",
            "trafficType": traffic,
            "logDestinationType": "cloud-watch-logs",
            "logDestination": "arn:aws:logs:me-central-1:123456789012:log-group:/smp/flow",
        },
        provider=AWS_UAE,
        deps={"vpcId": ("vpc",)},
    )


VAULT = Res(
    "azure-native:keyvault:Vault",
    "kv",
    {"location": "uaenorth", "properties": {"tenantId": "t"}},
    provider=AZ_NORTH,
)
STORAGE = Res(
    "azure-native:storage:StorageAccount", "features", {"location": "uaenorth"}, provider=AZ_NORTH
)
ACR = Res(
    "azure-native:containerregistry:Registry", "acr", {"location": "uaenorth"}, provider=AZ_NORTH
)
PG = Res("azure-native:dbforpostgresql:Server", "pg", {"location": "uaenorth"}, provider=AZ_NORTH)
REDIS = Res("azure-native:redis:Redis", "redis", {"location": "uaenorth"}, provider=AZ_NORTH)

MONITORING_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"


def _monitoring_role(service: str = "monitoring.rds.amazonaws.com") -> Res:
    return Res(
        "aws:iam/role:Role",
        "db-monitoring",
        {
            "assumeRolePolicy": doc(
                {
                    "Effect": "Allow",
                    "Principal": {"Service": service},
                    "Action": ["sts:AssumeRole"],
                    "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT}},
                }
            ),
            "tags": TAGS,
        },
        provider=AWS_UAE,
    )


def _monitoring_attachment(policy: str = MONITORING_POLICY) -> Res:
    return Res(
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        "db-monitoring-policy",
        {"role": "db-monitoring", "policyArn": policy},
        provider=AWS_UAE,
        deps={"role": ("db-monitoring",)},
    )


def _rds(interval: float | None = 60.0, role: bool = True, **extra: object) -> Res:
    props: dict = {
        "identifier": "registry",
        "engine": "postgres",
        "instanceClass": "db.m6g.large",
        **extra,
    }
    deps: dict = {}
    if interval is not None:
        props["monitoringInterval"] = interval
    if role:
        props["monitoringRoleArn"] = f"arn:aws:iam::{ACCOUNT}:role/db-monitoring"
        deps["monitoringRoleArn"] = ("db-monitoring",)
    return Res("aws:rds/instance:Instance", "registry", props, provider=AWS_UAE, deps=deps)


MULTI_REGION_TRAIL = Res(
    TRAIL.type,
    TRAIL.name,
    {**TRAIL.props, "isMultiRegionTrail": True},
    provider=AWS_UAE,
    deps={"s3BucketName": ("audit",)},
)

CASES: list[Case] = [
    # LOG-001 -----------------------------------------------------------------
    ok("LOG-001", "eks-all-logs", (EKS,)),
    ok(
        "LOG-001",
        "aks-audit-diagnostics",
        (WORKSPACE, AKS, _diag("aks-audit", "aks", "kube-audit", "kube-audit-admin", "guard")),
    ),
    ok(
        "LOG-001",
        "aks-audit-split-over-two-settings",
        (
            WORKSPACE,
            AKS,
            _diag("aks-audit", "aks", "kube-audit"),
            _diag("aks-guard", "aks", "kube-audit-admin", "guard"),
        ),
    ),
    bad(
        "LOG-001",
        "eks-some-logs",
        (EKS.with_props(enabledClusterLogTypes=["api", "audit"]),),
        "enabledClusterLogTypes lacks authenticator, controllerManager, scheduler",
    ),
    bad(
        "LOG-001",
        "eks-no-logs",
        (EKS.with_props(enabledClusterLogTypes=None),),
        "enabledClusterLogTypes lacks api, audit",
    ),
    bad(
        "LOG-001",
        "aks-no-diagnostics",
        (WORKSPACE, AKS),
        "no diagnostic setting sends kube-audit, kube-audit-admin, guard",
    ),
    bad(
        "LOG-001",
        "aks-audit-only",
        (WORKSPACE, AKS, _diag("aks-audit", "aks", "kube-audit")),
        "no diagnostic setting sends kube-audit-admin, guard",
    ),
    bad(
        "LOG-001",
        "aks-categories-disabled",
        (
            WORKSPACE,
            AKS,
            _diag("aks-audit", "aks", "kube-audit", "kube-audit-admin", "guard", enabled=False),
        ),
        "no diagnostic setting sends kube-audit",
    ),
    bad(
        "LOG-001",
        "diagnostics-on-another-resource",
        (WORKSPACE, AKS, VAULT, _diag("kv-audit", "kv", "kube-audit", "kube-audit-admin", "guard")),
        "no diagnostic setting sends kube-audit",
    ),
    # LOG-002 -----------------------------------------------------------------
    ok("LOG-002", "validated-trail", (BUCKET, TRAIL)),
    ok("LOG-002", "azure-only-stack", (WORKSPACE, AKS)),
    bad("LOG-002", "aws-without-trail", (BUCKET, VPC), "AWS resources but no CloudTrail trail"),
    bad(
        "LOG-002",
        "trail-without-validation",
        (BUCKET, TRAIL.with_props(enableLogFileValidation=None)),
        "enableLogFileValidation is not true",
    ),
    bad(
        "LOG-002",
        "trail-stopped",
        (BUCKET, TRAIL.with_props(enableLogging=False)),
        "enableLogging is false",
    ),
    # LOG-003 -----------------------------------------------------------------
    ok(
        "LOG-003",
        "log-group-year",
        Res(
            "aws:cloudwatch/logGroup:LogGroup",
            "lg",
            {"name": "/smp/app", "retentionInDays": 365.0},
            provider=AWS_UAE,
        ),
    ),
    ok(
        "LOG-003",
        "log-group-never-expires",
        Res(
            "aws:cloudwatch/logGroup:LogGroup",
            "lg",
            {"name": "/smp/app", "retentionInDays": 0.0},
            provider=AWS_UAE,
        ),
    ),
    ok("LOG-003", "workspace-at-minimum", WORKSPACE.with_props(retentionInDays=90.0)),
    ok(
        "LOG-003",
        "configured-minimum",
        WORKSPACE.with_props(retentionInDays=30.0),
        config={"minLogRetentionDays": 30},
    ),
    bad(
        "LOG-003",
        "log-group-month",
        Res(
            "aws:cloudwatch/logGroup:LogGroup",
            "lg",
            {"name": "/smp/app", "retentionInDays": 30.0},
            provider=AWS_UAE,
        ),
        "retentionInDays 30 is below the minimum 90",
    ),
    bad(
        "LOG-003",
        "log-group-unset",
        Res("aws:cloudwatch/logGroup:LogGroup", "lg", {"name": "/smp/app"}, provider=AWS_UAE),
        "retentionInDays is not set",
    ),
    bad(
        "LOG-003",
        "workspace-below-configured",
        WORKSPACE,
        "retentionInDays 365 is below the minimum 400",
        config={"minLogRetentionDays": 400},
    ),
    # LOG-004 -----------------------------------------------------------------
    ok("LOG-004", "vpc-with-flow-log", (VPC, _flow_log())),
    bad("LOG-004", "vpc-without-flow-log", (VPC,), "VPC vpc has no flow log"),
    bad("LOG-004", "rejects-only", (VPC, _flow_log("REJECT")), "trafficType is not ALL"),
    # LOG-005 -----------------------------------------------------------------
    ok(
        "LOG-005",
        "every-data-service-diagnosed",
        (
            WORKSPACE,
            VAULT,
            STORAGE,
            ACR,
            PG,
            REDIS,
            _diag("kv-diag", "kv", "AuditEvent"),
            _diag("sa-diag", "features"),
            _diag("acr-diag", "acr", "ContainerRegistryLoginEvents"),
            _diag("pg-diag", "pg", "PostgreSQLLogs"),
            _diag("redis-diag", "redis", "ConnectedClientList"),
        ),
    ),
    bad(
        "LOG-005",
        "vault-without-diagnostics",
        (WORKSPACE, VAULT, STORAGE, _diag("sa-diag", "features")),
        "kv sends no diagnostics to the workspace",
    ),
    bad(
        "LOG-005",
        "diagnostics-without-workspace",
        (WORKSPACE, VAULT, _diag("kv-diag", "kv", "AuditEvent", workspace=False)),
        "the diagnostic setting has no workspaceId",
        "kv sends no diagnostics",
    ),
    bad("LOG-005", "redis-undiagnosed", (WORKSPACE, REDIS), "redis sends no diagnostics"),
    # LOG-006 -----------------------------------------------------------------
    ok(
        "LOG-006",
        "enhanced-monitoring-every-minute",
        (_monitoring_role(), _monitoring_attachment(), _rds()),
    ),
    ok(
        "LOG-006",
        "managed-policy-on-the-role",
        (_monitoring_role().with_props(managedPolicyArns=[MONITORING_POLICY]), _rds(1.0)),
    ),
    ok(
        "LOG-006",
        "aurora-cluster-instance",
        (
            _monitoring_role(),
            _monitoring_attachment(),
            Res(
                "aws:rds/clusterInstance:ClusterInstance",
                "aurora-1",
                {
                    "clusterIdentifier": "c",
                    "instanceClass": "db.r6g.large",
                    "engine": "aurora-postgresql",
                    "monitoringInterval": 30.0,
                    "monitoringRoleArn": f"arn:aws:iam::{ACCOUNT}:role/db-monitoring",
                },
                provider=AWS_UAE,
                deps={"monitoringRoleArn": ("db-monitoring",)},
            ),
        ),
    ),
    bad(
        "LOG-006",
        "monitoring-off",
        (_monitoring_role(), _monitoring_attachment(), _rds(0.0)),
        "monitoringInterval is 0.0: Enhanced Monitoring is off",
    ),
    bad(
        "LOG-006",
        "interval-unset-no-role",
        (_rds(None, role=False),),
        "monitoringInterval is <missing>",
        "monitoringRoleArn does not name a role of this stack",
    ),
    bad(
        "LOG-006",
        "not-an-interval-rds-offers",
        (_monitoring_role(), _monitoring_attachment(), _rds(45.0)),
        "monitoringInterval is 45.0",
    ),
    bad(
        "LOG-006",
        "role-from-outside-the-stack",
        (_rds(role=False, monitoringRoleArn=(f"arn:aws:iam::{ACCOUNT}:role/rds-monitoring-role")),),
        "monitoringRoleArn does not name a role of this stack",
    ),
    bad(
        "LOG-006",
        "role-trusts-another-service",
        (_monitoring_role("ec2.amazonaws.com"), _monitoring_attachment(), _rds()),
        "monitoring role db-monitoring is not trusted by monitoring.rds.amazonaws.com",
    ),
    bad(
        "LOG-006",
        "role-without-the-managed-policy",
        (_monitoring_role(), _rds()),
        "monitoring role db-monitoring lacks the AWS-managed AmazonRDSEnhancedMonitoringRole",
    ),
    bad(
        "LOG-006",
        "role-with-another-policy",
        (
            _monitoring_role(),
            _monitoring_attachment("arn:aws:iam::aws:policy/CloudWatchLogsReadOnlyAccess"),
            _rds(),
        ),
        "lacks the AWS-managed AmazonRDSEnhancedMonitoringRole",
    ),
    # LOG-007 -----------------------------------------------------------------
    ok("LOG-007", "multi-region-trail-into-the-stacks-bucket", (BUCKET, MULTI_REGION_TRAIL)),
    ok(
        "LOG-007",
        "one-multi-region-trail-is-enough",
        (
            BUCKET,
            MULTI_REGION_TRAIL,
            Res(
                TRAIL.type,
                "data-events",
                {**TRAIL.props, "isMultiRegionTrail": False},
                provider=AWS_UAE,
                deps={"s3BucketName": ("audit",)},
            ),
        ),
    ),
    ok("LOG-007", "azure-only-stack", (WORKSPACE, AKS)),
    bad(
        "LOG-007",
        "single-region-trail",
        (BUCKET, MULTI_REGION_TRAIL.with_props(isMultiRegionTrail=False)),
        "no multi-region trail with global-service events delivers to a bucket in United Arab",
        "trail trail: isMultiRegionTrail is not true",
    ),
    bad(
        "LOG-007",
        "multi-region-unset",
        (BUCKET, MULTI_REGION_TRAIL.with_props(isMultiRegionTrail=None)),
        "isMultiRegionTrail is not true",
    ),
    bad(
        "LOG-007",
        "without-global-service-events",
        (BUCKET, MULTI_REGION_TRAIL.with_props(includeGlobalServiceEvents=False)),
        "includeGlobalServiceEvents is not true",
    ),
    bad(
        "LOG-007",
        "trail-stopped",
        (BUCKET, MULTI_REGION_TRAIL.with_props(enableLogging=False)),
        "trail trail: enableLogging is false",
    ),
    bad("LOG-007", "no-trail", (BUCKET, VPC), "no multi-region trail"),
    bad(
        "LOG-007",
        "bucket-outside-the-stack",
        (
            VPC,
            Res(
                TRAIL.type,
                TRAIL.name,
                {**TRAIL.props, "isMultiRegionTrail": True, "s3BucketName": "org-audit-logs"},
                provider=AWS_UAE,
            ),
        ),
        "s3BucketName is not a bucket of this stack",
    ),
    bad(
        "LOG-007",
        "bucket-in-bahrain",
        (Res(BUCKET.type, BUCKET.name, BUCKET.props, provider=AWS_BAHRAIN), MULTI_REGION_TRAIL),
        "delivers to bucket audit in 'me-south-1', outside United Arab Emirates",
    ),
]

# LOG-013 (sector profile) ----------------------------------------------------------


def _sector_log_group(days: float | None, tags: dict[str, str]) -> Res:
    props: dict[str, object] = {"name": "/smp/audit", "kmsKeyId": KEY_ARN, "tags": tags}
    if days is not None:
        props["retentionInDays"] = days
    return Res("aws:cloudwatch/logGroup:LogGroup", "audit-logs", props, provider=AWS_UAE)


def _sector_workspace(days: float, tags: dict[str, str]) -> Res:
    return Res(
        "azure-native:operationalinsights:Workspace",
        "audit-ws",
        {"location": "uaenorth", "resourceGroupName": "smp", "retentionInDays": days, "tags": tags},
        provider=AZ_NORTH,
    )


CASES += [
    ok("LOG-013", "banking-a-year", (_sector_log_group(365.0, BANKING_TAGS),)),
    ok("LOG-013", "banking-never-expires", (_sector_log_group(0.0, BANKING_TAGS),)),
    ok("LOG-013", "general-ninety-days", (_sector_log_group(90.0, GENERAL_TAGS),)),
    ok("LOG-013", "banking-workspace-two-years", (_sector_workspace(730.0, BANKING_TAGS),)),
    bad(
        "LOG-013",
        "banking-ninety-days",
        (_sector_log_group(90.0, BANKING_TAGS),),
        "retentionInDays 90 is below sector 'banking''s minimum of 365 days",
    ),
    bad(
        "LOG-013",
        "health-workspace-short",
        (_sector_workspace(180.0, {**BANKING_TAGS, "sector": "health"}),),
        "retentionInDays 180 is below sector 'health''s minimum of 365 days",
    ),
    bad(
        "LOG-013",
        "government-retention-unset",
        (_sector_log_group(None, {**BANKING_TAGS, "sector": "government"}),),
        "retentionInDays is not set; sector 'government' keeps logs 365 days",
    ),
]

# The event stream (issue 15): MSK, Event Hubs, MSK Replicator and MSK Connect.
CASES += [
    # LOG-008 (issue 15) ------------------------------------------------------------
    ok("LOG-008", "broker-logs-to-log-group", (MSK_LOG_GROUP, MSK_CLUSTER)),
    bad(
        "LOG-008",
        "broker-logs-to-s3",
        (
            MSK_LOG_GROUP,
            MSK_CLUSTER.with_props(
                loggingInfo={
                    "brokerLogs": {
                        "cloudwatchLogs": {"enabled": False},
                        "s3": {"enabled": True, "bucket": "somewhere"},
                    }
                }
            ),
        ),
        "cloudwatchLogs.enabled is not true",
        "also go to s3",
    ),
    bad(
        "LOG-008",
        "log-group-not-in-stack",
        (MSK_CLUSTER_ALONE,),
        "not a log group of this stack",
    ),
    # LOG-009 -------------------------------------------------------------------------
    ok("LOG-009", "namespace-diagnostics", (NAMESPACE, diagnostics())),
    bad("LOG-009", "namespace-silent", (NAMESPACE,), "no diagnostic setting"),
    bad(
        "LOG-009",
        "diagnostics-not-to-a-workspace",
        (NAMESPACE, diagnostics(workspace=False)),
        "no diagnostic setting",
    ),
]


# LOG-010 / LOG-011: AWS Config recording and its managed rules ---------------------------
RECORDER = Res(
    "aws:cfg/recorder:Recorder",
    "recorder",
    {
        "name": "smp-recorder",
        "roleArn": f"arn:aws:iam::{ACCOUNT}:role/smp-config",
        "recordingGroup": {"allSupported": True, "includeGlobalResourceTypes": True},
    },
    provider=AWS_UAE,
)
RECORDING = Res(
    "aws:cfg/recorderStatus:RecorderStatus",
    "recording",
    {"name": "smp-recorder", "isEnabled": True},
    provider=AWS_UAE,
)


def _channel(bucket: Res | None = BUCKET) -> Res:
    return Res(
        "aws:cfg/deliveryChannel:DeliveryChannel",
        "channel",
        {"name": "smp-channel", "s3BucketName": "smp-audit"},
        provider=AWS_UAE,
        deps={"s3BucketName": (bucket.name,)} if bucket is not None else {},
    )


BAHRAIN_BUCKET = Res("aws:s3/bucket:Bucket", "audit", {"bucket": "smp-audit"}, provider=AWS_BAHRAIN)


def _config_rule(identifier: str, owner: str = "AWS") -> Res:
    return Res(
        "aws:cfg/rule:Rule",
        f"rule-{identifier.lower()}",
        {"name": identifier.lower(), "source": {"owner": owner, "sourceIdentifier": identifier}},
        provider=AWS_UAE,
    )


EKS_CLUSTER = Res(
    "aws:eks/cluster:Cluster", "eks", {"name": "smp", "version": "1.33"}, provider=AWS_UAE
)

CASES += [
    ok("LOG-010", "recorder-on-into-the-stacks-bucket", (BUCKET, RECORDER, RECORDING, _channel())),
    ok(
        "LOG-010",
        "an-azure-stack-has-no-config-recorder",
        (
            Res(
                "azure-native:resources:ResourceGroup",
                "rg",
                {"location": "uaenorth"},
                provider=AZ_NORTH,
            ),
        ),
    ),
    bad(
        "LOG-010",
        "no-recorder",
        (BUCKET, _channel()),
        "no AWS Config recorder",
        "no RecorderStatus with isEnabled true",
    ),
    bad(
        "LOG-010",
        "recorder-of-some-types-only",
        (
            BUCKET,
            RECORDER.with_props(
                recordingGroup={"allSupported": False, "includeGlobalResourceTypes": True}
            ),
            RECORDING,
            _channel(),
        ),
        "recordingGroup.allSupported is not true",
    ),
    bad(
        "LOG-010",
        "recorder-switched-off",
        (BUCKET, RECORDER, RECORDING.with_props(isEnabled=False), _channel()),
        "the recorder is not switched on",
    ),
    bad(
        "LOG-010",
        "channel-to-a-bucket-abroad",
        (BAHRAIN_BUCKET, RECORDER, RECORDING, _channel(BAHRAIN_BUCKET)),
        "delivers to bucket audit in 'me-south-1'",
    ),
    bad(
        "LOG-010",
        "channel-to-a-bucket-not-of-the-stack",
        (RECORDER, RECORDING, _channel(None)),
        "s3BucketName is not a bucket of this stack",
    ),
    ok(
        "LOG-011",
        "eks-and-buckets-judged",
        (
            BUCKET,
            EKS_CLUSTER,
            _config_rule("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"),
            _config_rule("EKS_SECRETS_ENCRYPTED"),
            _config_rule("EKS_ENDPOINT_NO_PUBLIC_ACCESS"),
        ),
    ),
    bad(
        "LOG-011",
        "eks-without-its-rules",
        (BUCKET, EKS_CLUSTER, _config_rule("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED")),
        "no AWS Config managed rule EKS_SECRETS_ENCRYPTED (source owner AWS) for "
        "aws:eks/cluster:Cluster",
        "EKS_ENDPOINT_NO_PUBLIC_ACCESS",
    ),
    bad(
        "LOG-011",
        "a-custom-rule-is-not-the-managed-one",
        (BUCKET, _config_rule("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", owner="CUSTOM_LAMBDA")),
        "no AWS Config managed rule S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
    ),
]
