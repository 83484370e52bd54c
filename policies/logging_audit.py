"""Logging and audit: control-plane logs, trails, retention, flow logs, diagnostics."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from pulumi_policy import ResourceValidationArgs, Severity, StackValidationArgs

from policies.encryption import statements
from policies.framework import (
    MISSING,
    RuleMeta,
    dig,
    items,
    reference_set,
    resource_rule,
    stack_rule,
)
from policies.residency import (
    JURISDICTION_CONFIG,
    jurisdiction_of,
    policy_document,
    resource_region,
)
from policies.sector_tags import stack_sector

EKS_LOG_TYPES = ("api", "audit", "authenticator", "controllerManager", "scheduler")
AKS_AUDIT_CATEGORIES = ("kube-audit", "kube-audit-admin", "guard")

LOG_001 = RuleMeta(
    id="LOG-001",
    family="logging",
    title="All control-plane logs",
    description="EKS enables all five control-plane log types; every AKS cluster has a "
    "diagnostic setting sending kube-audit, kube-audit-admin and guard logs.",
    severity=Severity.HIGH,
    iso27001=("A.8.15", "A.8.16"),
    nist80053=("AU-2", "AU-12"),
    remediation="EKS: enabledClusterLogTypes with all five types. AKS: a DiagnosticSetting on "
    "the cluster with the three audit categories.",
)


@stack_rule(LOG_001)
def _control_plane_logs(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    audited: dict[str, set[str]] = {}
    for r in args.resources:
        if r.resource_type == "azure-native:monitor:DiagnosticSetting":
            categories = {
                str(dig(log, "category"))
                for log in items(dig(r.props, "logs"))
                if dig(log, "enabled") is True
            }
            for dep in r.property_dependencies.get("resourceUri", []):
                audited.setdefault(dep.urn, set()).update(categories)
    for r in args.resources:
        if r.resource_type == "aws:eks/cluster:Cluster":
            enabled = {str(t) for t in items(dig(r.props, "enabledClusterLogTypes"))}
            missing = [t for t in EKS_LOG_TYPES if t not in enabled]
            if missing:
                yield f"enabledClusterLogTypes lacks {', '.join(missing)}", r.urn
        elif r.resource_type == "azure-native:containerservice:ManagedCluster":
            missing = [c for c in AKS_AUDIT_CATEGORIES if c not in audited.get(r.urn, set())]
            if missing:
                yield f"no diagnostic setting sends {', '.join(missing)}", r.urn


LOG_002 = RuleMeta(
    id="LOG-002",
    family="logging",
    title="Audit trail with validation",
    description="Every AWS stack has a CloudTrail trail that is logging, with log-file "
    "validation on.",
    severity=Severity.HIGH,
    iso27001=("A.8.15",),
    nist80053=("AU-2", "AU-9", "AU-10"),
    remediation="Create a trail with enableLogging and enableLogFileValidation true, delivering "
    "to an in-region, CMK-encrypted bucket.",
)


@stack_rule(LOG_002)
def _trails(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    trails = [r for r in args.resources if r.resource_type == "aws:cloudtrail/trail:Trail"]
    uses_aws = any(r.resource_type.startswith("aws:") for r in args.resources)
    if uses_aws and not trails:
        yield "the stack has AWS resources but no CloudTrail trail", None
    for r in trails:
        if dig(r.props, "enableLogFileValidation") is not True:
            yield "enableLogFileValidation is not true", r.urn
        if dig(r.props, "enableLogging") is False:
            yield "enableLogging is false", r.urn


LOG_003 = RuleMeta(
    id="LOG-003",
    family="logging",
    title="Log retention at or above the minimum",
    description="CloudWatch log groups and Log Analytics workspaces keep logs for at least the "
    "configured number of days.",
    severity=Severity.MEDIUM,
    iso27001=("A.8.15",),
    nist80053=("AU-11",),
    remediation="Set retentionInDays at or above minLogRetentionDays.",
    config={
        "minLogRetentionDays": {
            "type": "integer",
            "minimum": 1,
            "default": 90,
            "description": "Shortest allowed retention (days)",
        }
    },
)


@resource_rule(
    LOG_003,
    types=("aws:cloudwatch/logGroup:LogGroup", "azure-native:operationalinsights:Workspace"),
)
def _retention(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    minimum = int(config.get("minLogRetentionDays") or 90)
    days = dig(args.props, "retentionInDays")
    if days is MISSING:
        yield "retentionInDays is not set: state the retention explicitly"
    elif float(days) != 0 and float(days) < minimum:
        yield f"retentionInDays {int(float(days))} is below the minimum {minimum}"


LOG_004 = RuleMeta(
    id="LOG-004",
    family="logging",
    title="VPC flow logs",
    description="Every VPC has a flow log capturing all traffic.",
    severity=Severity.MEDIUM,
    iso27001=("A.8.15", "A.8.16"),
    nist80053=("AU-12", "SI-4"),
    remediation="Add an aws.ec2.FlowLog with trafficType ALL for the VPC.",
)


@stack_rule(LOG_004)
def _flow_logs(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    logged: set[str] = set()
    for r in args.resources:
        if r.resource_type == "aws:ec2/flowLog:FlowLog":
            if str(dig(r.props, "trafficType")) != "ALL":
                yield "trafficType is not ALL", r.urn
            logged.update(d.urn for d in r.property_dependencies.get("vpcId", []))
    for r in args.resources:
        if r.resource_type == "aws:ec2/vpc:Vpc" and r.urn not in logged:
            yield f"VPC {r.name} has no flow log", r.urn


LOG_005 = RuleMeta(
    id="LOG-005",
    family="logging",
    title="Diagnostics for Azure data services",
    description="Key vaults, storage accounts, registries, PostgreSQL servers and Redis caches "
    "send diagnostic logs to a Log Analytics workspace.",
    severity=Severity.MEDIUM,
    iso27001=("A.8.15",),
    nist80053=("AU-2", "AU-12"),
    remediation="Add a DiagnosticSetting per resource with workspaceId set to the stack's "
    "workspace.",
)

_DIAGNOSED = (
    "azure-native:keyvault:Vault",
    "azure-native:storage:StorageAccount",
    "azure-native:containerregistry:Registry",
    "azure-native:dbforpostgresql:Server",
    "azure-native:redis:Redis",
)


@stack_rule(LOG_005)
def _diagnostics(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    covered: set[str] = set()
    for r in args.resources:
        if r.resource_type == "azure-native:monitor:DiagnosticSetting":
            if not reference_set(r.props, "workspaceId"):
                yield "the diagnostic setting has no workspaceId", r.urn
                continue
            covered.update(d.urn for d in r.property_dependencies.get("resourceUri", []))
    for r in args.resources:
        if r.resource_type in _DIAGNOSED and r.urn not in covered:
            yield f"{r.name} sends no diagnostics to the workspace", r.urn


LOG_006 = RuleMeta(
    id="LOG-006",
    family="logging",
    title="Database OS metrics (RDS Enhanced Monitoring)",
    description="Every RDS instance publishes Enhanced Monitoring metrics (monitoringInterval "
    "1-60 s) through a role of this stack that only monitoring.rds.amazonaws.com "
    "may assume and that carries the AWS-managed AmazonRDSEnhancedMonitoringRole "
    "policy.",
    severity=Severity.MEDIUM,
    iso27001=("A.8.16",),
    nist80053=("SI-4",),
    remediation="Set monitoringInterval (e.g. 60) and monitoringRoleArn to an aws.iam.Role "
    "trusted by monitoring.rds.amazonaws.com with "
    "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole attached.",
)

_RDS_INSTANCES = ("aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance")
MONITORING_INTERVALS = (1, 5, 10, 15, 30, 60)
ENHANCED_MONITORING_PRINCIPAL = "monitoring.rds.amazonaws.com"
ENHANCED_MONITORING_POLICY_SUFFIX = ":iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"


def _trusted_services(role: Any) -> set[str]:
    """Service principals an aws.iam.Role's trust policy allows to assume it."""
    found: set[str] = set()
    for st in statements(policy_document(dig(role.props, "assumeRolePolicy"))):
        if not isinstance(st, Mapping) or st.get("Effect") != "Allow":
            continue
        principal = st.get("Principal")
        services = principal.get("Service") if isinstance(principal, Mapping) else None
        found.update([services] if isinstance(services, str) else list(services or []))
    return found


@stack_rule(LOG_006)
def _enhanced_monitoring(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    attached: dict[str, set[str]] = {}
    for r in args.resources:
        if r.resource_type == "aws:iam/rolePolicyAttachment:RolePolicyAttachment":
            arn = str(dig(r.props, "policyArn"))
            for role in r.property_dependencies.get("role", []):
                attached.setdefault(role.urn, set()).add(arn)
    for r in args.resources:
        if r.resource_type not in _RDS_INSTANCES:
            continue
        interval = dig(r.props, "monitoringInterval")
        if interval is MISSING or float(interval) not in MONITORING_INTERVALS:
            yield (
                (
                    f"monitoringInterval is {interval!r}: Enhanced Monitoring is off (use one "
                    f"of {', '.join(map(str, MONITORING_INTERVALS))} seconds)"
                ),
                r.urn,
            )
        roles = [
            d
            for d in r.property_dependencies.get("monitoringRoleArn", [])
            if d.resource_type == "aws:iam/role:Role"
        ]
        if not roles:
            yield (
                (
                    "monitoringRoleArn does not name a role of this stack, so its trust and "
                    "permissions cannot be judged"
                ),
                r.urn,
            )
        for role in roles:
            if ENHANCED_MONITORING_PRINCIPAL not in _trusted_services(role):
                yield (
                    (
                        f"monitoring role {role.name} is not trusted by "
                        f"{ENHANCED_MONITORING_PRINCIPAL}"
                    ),
                    r.urn,
                )
            managed = attached.get(role.urn, set()) | {
                str(a) for a in items(dig(role.props, "managedPolicyArns"))
            }
            if not any(a.endswith(ENHANCED_MONITORING_POLICY_SUFFIX) for a in managed):
                yield (
                    (
                        f"monitoring role {role.name} lacks the AWS-managed "
                        "AmazonRDSEnhancedMonitoringRole policy"
                    ),
                    r.urn,
                )


LOG_007 = RuleMeta(
    id="LOG-007",
    family="logging",
    title="Multi-region trail delivered in-country",
    description="Every AWS stack has a logging CloudTrail trail that is multi-region and "
    "includes global-service events, delivering to a bucket of this stack in the "
    "jurisdiction: API activity in any other region (and on IAM, STS, CloudFront) "
    "is recorded, which is how an out-of-jurisdiction action is detected, and the "
    "records stay in the jurisdiction.",
    severity=Severity.HIGH,
    iso27001=("A.8.15", "A.8.16", "A.5.34"),
    nist80053=("AU-12", "AU-12(1)", "SI-4", "SA-9(5)"),
    remediation="Set isMultiRegionTrail: true and includeGlobalServiceEvents: true on the "
    "stack's trail, with s3BucketName set from an aws.s3.Bucket of this stack "
    "(its regional provider in the jurisdiction).",
    config=JURISDICTION_CONFIG,
)


def _multi_region_problems(trail: Any, j: Any) -> list[str]:
    """Why `trail` does not record every region into the jurisdiction (empty when it does)."""
    problems = []
    if dig(trail.props, "isMultiRegionTrail") is not True:
        problems.append(
            f"trail {trail.name}: isMultiRegionTrail is not true, so API activity in "
            "other regions is not recorded"
        )
    if dig(trail.props, "includeGlobalServiceEvents") is not True:
        problems.append(
            f"trail {trail.name}: includeGlobalServiceEvents is not true (IAM, STS "
            "and CloudFront activity goes unrecorded)"
        )
    if dig(trail.props, "enableLogging") is False:
        problems.append(f"trail {trail.name}: enableLogging is false")
    buckets = [
        d
        for d in trail.property_dependencies.get("s3BucketName", [])
        if d.resource_type in ("aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2")
    ]
    if not buckets:
        problems.append(
            f"trail {trail.name}: s3BucketName is not a bucket of this stack, so "
            f"where the records live cannot be proven to be in {j.name}"
        )
    for bucket in buckets:
        where = resource_region(bucket)
        if where is None or not j.allows("aws", where):
            problems.append(
                f"trail {trail.name} delivers to bucket {bucket.name} in {where!r}, "
                f"outside {j.name}"
            )
    return problems


@stack_rule(LOG_007)
def _multi_region_trail(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    if not any(r.resource_type.startswith("aws:") for r in args.resources):
        return
    j = jurisdiction_of(config)
    trails = [r for r in args.resources if r.resource_type == "aws:cloudtrail/trail:Trail"]
    judged = [(t, _multi_region_problems(t, j)) for t in trails]
    if any(not problems for _, problems in judged):
        return
    yield (
        (f"no multi-region trail with global-service events delivers to a bucket in {j.name}"),
        None,
    )
    for trail, problems in judged:
        for problem in problems:
            yield problem, trail.urn


LOG_013 = RuleMeta(
    id="LOG-013",
    family="logging",
    title="Regulated sectors keep logs a year",
    description="In the government, banking and health sectors every CloudWatch log group "
    "and Log Analytics workspace keeps logs at least the sector's minimum (365 days, "
    "the pack's baseline for regulated sectors; LOG-003's general floor is 90), so "
    "the audit trail of who touched a bank's, a patient's or a government entity's "
    "data outlives a yearly audit cycle.",
    severity=Severity.MEDIUM,
    iso27001=("A.8.15",),
    nist80053=("AU-11",),
    remediation="Set platform.monitoring.logRetentionDays to 365 or more (the stack config "
    "refuses less for a regulated sector).",
)

_RETAINING_TYPES = (
    "aws:cloudwatch/logGroup:LogGroup",
    "azure-native:operationalinsights:Workspace",
)


@stack_rule(LOG_013)
def _sector_retention(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    sector = stack_sector(args.resources)
    floor = sector.min_log_retention_days
    if floor is None:
        return
    for r in args.resources:
        if r.resource_type not in _RETAINING_TYPES:
            continue
        days = dig(r.props, "retentionInDays")
        if days is MISSING:
            yield f"retentionInDays is not set; sector {sector.id!r} keeps logs {floor} days", r.urn
        elif float(days) != 0 and float(days) < floor:
            yield (
                f"retentionInDays {int(float(days))} is below sector {sector.id!r}'s "
                f"minimum of {floor} days",
                r.urn,
            )


# --- The event stream (issue 15) ------------------------------------------------------

LOG_008 = RuleMeta(
    id="LOG-008",
    family="logging",
    title="MSK broker logs to the in-region log group",
    description="An MSK cluster delivers broker logs to a CloudWatch log group of this "
    "stack (CMK-encrypted, retained, in the region by RES-001) and not to S3 or Firehose, "
    "whose destinations the plan cannot place.",
    severity=Severity.MEDIUM,
    iso27001=("A.8.15", "A.5.34"),
    nist80053=("AU-2", "AU-12", "SA-9(5)"),
    remediation="loggingInfo.brokerLogs: {cloudwatchLogs: {enabled: true, logGroup: "
    "<a LogGroup of this stack>}, firehose: {enabled: false}, s3: {enabled: false}}.",
)


@stack_rule(LOG_008)
def _msk_broker_logs(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    groups = {
        r.urn: r for r in args.resources if r.resource_type == "aws:cloudwatch/logGroup:LogGroup"
    }
    for r in args.resources:
        if r.resource_type != "aws:msk/cluster:Cluster":
            continue
        logs = "loggingInfo.brokerLogs"
        if dig(r.props, f"{logs}.cloudwatchLogs.enabled") is not True:
            yield f"cluster {r.name}: {logs}.cloudwatchLogs.enabled is not true", r.urn
        for other in ("firehose", "s3"):
            if dig(r.props, f"{logs}.{other}.enabled") is True:
                yield f"cluster {r.name}: broker logs also go to {other}", r.urn
        targets = [d for d in r.property_dependencies.get("loggingInfo", []) if d.urn in groups]
        if not targets:
            yield (
                f"cluster {r.name}: {logs}.cloudwatchLogs.logGroup is not a log group of "
                "this stack",
                r.urn,
            )
        for group in targets:
            if not reference_set(group.props, "kmsKeyId"):
                yield f"cluster {r.name}: log group {group.name} has no CMK", r.urn


LOG_009 = RuleMeta(
    id="LOG-009",
    family="logging",
    title="Event Hubs diagnostics to the stack's workspace",
    description="Every Event Hubs namespace has a diagnostic setting of this stack that "
    "sends its logs to a Log Analytics workspace (the in-country sink).",
    severity=Severity.MEDIUM,
    iso27001=("A.8.15", "A.8.16"),
    nist80053=("AU-2", "AU-6", "AU-12"),
    remediation="A DiagnosticSetting with resourceUri the namespace's id, workspaceId the "
    "stack's workspace and the allLogs category group enabled.",
)


@stack_rule(LOG_009)
def _event_hubs_diagnostics(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    logged: set[str] = set()
    for r in args.resources:
        if r.resource_type != "azure-native:monitor:DiagnosticSetting":
            continue
        if not reference_set(r.props, "workspaceId"):
            continue
        enabled = [entry for entry in items(dig(r.props, "logs")) if dig(entry, "enabled") is True]
        if enabled:
            logged.update(d.urn for d in r.property_dependencies.get("resourceUri", []))
    for r in args.resources:
        if r.resource_type == "azure-native:eventhub:Namespace" and r.urn not in logged:
            yield f"namespace {r.name} has no diagnostic setting to a workspace", r.urn


LOG_010 = RuleMeta(
    id="LOG-010",
    family="logging",
    title="AWS Config records every resource type into a bucket in the jurisdiction",
    description="An AWS stack has an AWS Config recorder of every supported resource type, "
    "global ones included, switched on (a RecorderStatus with isEnabled true), and a "
    "delivery channel to a bucket of the stack located in the jurisdiction.",
    severity=Severity.MEDIUM,
    iso27001=("A.8.9", "A.8.15"),
    nist80053=("CM-8", "AU-12"),
    remediation="components/aws/guardrails.py ConfigRecording: recordingGroup allSupported "
    "and includeGlobalResourceTypes, a DeliveryChannel to the audit bucket, a RecorderStatus.",
    config=JURISDICTION_CONFIG,
)


def _of(args: StackValidationArgs, token: str) -> list[Any]:
    return [r for r in args.resources if r.resource_type == token]


@stack_rule(LOG_010)
def _config_recorded(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    if not any(r.resource_type.startswith("aws:") for r in args.resources):
        return
    j = jurisdiction_of(config)
    recorders = _of(args, "aws:cfg/recorder:Recorder")
    if not recorders:
        yield "no AWS Config recorder: configuration changes are not recorded", None
    for r in recorders:
        for key in ("allSupported", "includeGlobalResourceTypes"):
            if dig(r.props, f"recordingGroup.{key}") is not True:
                yield f"recorder {r.name}: recordingGroup.{key} is not true", r.urn
    if not any(
        dig(s.props, "isEnabled") is True
        for s in _of(args, "aws:cfg/recorderStatus:RecorderStatus")
    ):
        yield "no RecorderStatus with isEnabled true: the recorder is not switched on", None
    channels = _of(args, "aws:cfg/deliveryChannel:DeliveryChannel")
    if not channels:
        yield "no AWS Config delivery channel", None
    for channel in channels:
        buckets = [
            d
            for d in channel.property_dependencies.get("s3BucketName", [])
            if d.resource_type in ("aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2")
        ]
        if not buckets:
            yield (
                f"delivery channel {channel.name}: s3BucketName is not a bucket of this "
                f"stack, so where the records live cannot be proven to be in {j.name}",
                channel.urn,
            )
        for bucket in buckets:
            where = resource_region(bucket)
            if where is None or not j.allows("aws", where):
                yield (
                    f"delivery channel {channel.name} delivers to bucket {bucket.name} in "
                    f"{where!r}, outside {j.name}",
                    channel.urn,
                )


# Per resource type the stack creates: the AWS Config managed rules that must judge it
# (identifiers from each rule's page in the AWS Config developer guide).
REQUIRED_CONFIG_RULES: dict[str, tuple[str, ...]] = {
    "aws:s3/bucket:Bucket": ("S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",),
    "aws:eks/cluster:Cluster": ("EKS_SECRETS_ENCRYPTED", "EKS_ENDPOINT_NO_PUBLIC_ACCESS"),
    "aws:eks/nodeGroup:NodeGroup": ("ENCRYPTED_VOLUMES",),
    "aws:rds/instance:Instance": ("RDS_STORAGE_ENCRYPTED",),
    "aws:ec2/securityGroup:SecurityGroup": ("INCOMING_SSH_DISABLED",),
}

LOG_011 = RuleMeta(
    id="LOG-011",
    family="logging",
    title="AWS Config managed rules judge the platform's resource types",
    description="For each resource type in requiredRules that the stack creates, an AWS "
    "Config rule with source owner AWS and that managed rule's identifier exists, so what "
    "is changed after deploy is judged continuously (bucket encryption, EKS secrets "
    "encryption and private endpoint, encrypted volumes, RDS encryption, no open SSH).",
    severity=Severity.MEDIUM,
    iso27001=("A.8.9", "A.8.16"),
    nist80053=("CA-7", "CM-6"),
    remediation="components/aws/guardrails.py MANAGED_CONFIG_RULES: one aws.cfg.Rule per "
    "identifier, source owner AWS.",
    config={
        "requiredRules": {
            "type": "object",
            "description": "Resource type token -> managed rule identifiers",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
            "default": {k: list(v) for k, v in REQUIRED_CONFIG_RULES.items()},
        }
    },
)


@stack_rule(LOG_011)
def _config_rules(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    present = {
        str(dig(r.props, "source.sourceIdentifier"))
        for r in _of(args, "aws:cfg/rule:Rule")
        if str(dig(r.props, "source.owner")) == "AWS"
    }
    required = config.get("requiredRules") or {}
    types = {r.resource_type for r in args.resources}
    missing: dict[str, list[str]] = {}
    for token, identifiers in sorted(required.items()):
        if token in types:
            for identifier in identifiers:
                if str(identifier) not in present:
                    missing.setdefault(str(identifier), []).append(token)
    for identifier, tokens in sorted(missing.items()):
        yield (
            f"no AWS Config managed rule {identifier} (source owner AWS) for {', '.join(tokens)}",
            None,
        )
