"""Residency: every resource, replica, backup copy and log sink stays in the jurisdiction."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, cast

from pulumi_policy import PolicyResource, ResourceValidationArgs, Severity, StackValidationArgs
from pulumi_policy.proxy import UnknownValueError

from policies.framework import MISSING, RuleMeta, dig, items, resource_rule, stack_rule
from policies.jurisdictions import (
    AZURE_GLOBAL_METADATA_TYPES,
    GLOBAL_SERVICE_TYPES,
    JURISDICTIONS,
    Jurisdiction,
    get_jurisdiction,
)
from policies.location_properties import (
    AWS_REGION,
    LOCATION_PROPERTIES,
    REFERENCE,
    REMOTE,
)

JURISDICTION_CONFIG = {
    "jurisdiction": {
        "type": "string",
        "enum": sorted(JURISDICTIONS),
        "default": "uae",
        "description": "Jurisdiction id from the catalogue",
    },
}
_ARN_REGION = re.compile(r"^arn:aws[a-z-]*:[a-z0-9-]+:([a-z0-9-]*):")

# Azure resource types that carry a location of their own (tracked resources).
# Types not listed (subnets, role assignments, ...) inherit their parent's.
AZURE_TRACKED = (
    "azure-native:resources:ResourceGroup",
    "azure-native:network:VirtualNetwork",
    "azure-native:network:NetworkSecurityGroup",
    "azure-native:network:PrivateEndpoint",
    "azure-native:network:PublicIPAddress",
    "azure-native:network:NatGateway",
    "azure-native:network:RouteTable",
    "azure-native:keyvault:Vault",
    "azure-native:compute:DiskEncryptionSet",
    "azure-native:managedidentity:UserAssignedIdentity",
    "azure-native:containerservice:ManagedCluster",
    "azure-native:storage:StorageAccount",
    "azure-native:containerregistry:Registry",
    "azure-native:containerregistry:Replication",
    "azure-native:dbforpostgresql:Server",
    "azure-native:redis:Redis",
    "azure-native:cache:Redis",
    "azure-native:operationalinsights:Workspace",
    "azure-native:recoveryservices:Vault",
    "azure-native:cdn:Profile",
    "azure-native:eventgrid:SystemTopic",
    "azure-native:eventhub:Namespace",
)


def jurisdiction_of(config: Mapping[str, Any]) -> Jurisdiction:
    """The configured jurisdiction (raises for an unknown id: a violation, by the wrapper)."""
    return get_jurisdiction(str(config.get("jurisdiction") or "uae"))


def aws_region(props: Any, provider_props: Any) -> Any:
    """A resource's own `region` input (pulumi-aws v7), else its provider's."""
    region = dig(props, "region")
    if region is MISSING and provider_props is not None:
        region = dig(provider_props, "region")
    return region


def arn_region(arn: Any) -> str | None:
    """The region part of an ARN ('' for global services), None if not an ARN."""
    if not isinstance(arn, str):
        return None
    match = _ARN_REGION.match(arn)
    return match.group(1) if match else None


RES_001 = RuleMeta(
    id="RES-001",
    family="residency",
    title="Resources in the jurisdiction",
    description="Every AWS resource's region (its own input, else its provider's) and every "
    "Azure resource's location, providers included, is inside the jurisdiction.",
    severity=Severity.CRITICAL,
    iso27001=("A.5.23", "A.5.31", "A.5.34"),
    nist80053=("SA-9(5)", "SC-7"),
    remediation="Create the resource with the stack's regional provider, or set region/location "
    "to an allowed one from the jurisdiction catalogue.",
    config=JURISDICTION_CONFIG,
)


@resource_rule(
    RES_001,
    types=(
        "aws:*",
        "aws-native:*",
        "azure-native:*",
        "pulumi:providers:aws",
        "pulumi:providers:aws-native",
        "pulumi:providers:azure-native",
    ),
)
def _region_in_jurisdiction(
    args: ResourceValidationArgs, config: Mapping[str, Any]
) -> Iterator[str]:
    j = jurisdiction_of(config)
    provider_props = args.provider.props if args.provider is not None else None
    # aws-native (Cloud Control) is an AWS provider too.
    if args.resource_type.startswith(("aws:", "aws-native:", "pulumi:providers:aws")):
        if args.resource_type.startswith("pulumi:providers:"):
            provider_props = None
        region = aws_region(args.props, provider_props)
        if region is MISSING:
            yield (
                "no region: neither the resource nor its provider sets one, so AWS would use "
                "the caller's environment; use the stack's regional provider"
            )
        elif not j.allows("aws", str(region)):
            yield j.explain_region("aws", str(region))
        return
    location = dig(args.props, "location")
    if location is MISSING and not args.resource_type.startswith("pulumi:providers:"):
        if provider_props is not None:
            location = dig(provider_props, "location")
        if location is MISSING:
            if args.resource_type in AZURE_TRACKED:
                yield "no location: set it from the validated stack region"
            return
    if location is MISSING:
        yield "the azure-native provider sets no location"
    elif str(location).lower() == "global" and args.resource_type in AZURE_GLOBAL_METADATA_TYPES:
        return  # DNS metadata for private endpoints; Azure only offers "global"
    elif not j.allows("azure", str(location)):
        yield j.explain_region("azure", str(location))


RES_002 = RuleMeta(
    id="RES-002",
    family="residency",
    title="No object-store replication",
    description="S3 replication and multi-Region access points copy or route data to buckets "
    "whose region the plan cannot prove; the platform keeps one in-country copy.",
    severity=Severity.HIGH,
    iso27001=("A.5.34", "A.8.13"),
    nist80053=("SA-9(5)", "CP-9"),
    remediation="Remove the replication configuration; use versioning and backups in the region.",
)


@resource_rule(
    RES_002,
    types=(
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
        "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint",
    ),
)
def _no_s3_replication(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    yield f"{args.resource_type.split(':')[-1]} sends objects outside the bucket's region"


RES_003 = RuleMeta(
    id="RES-003",
    family="residency",
    title="Registry replication stays in-country",
    description="ECR replication destinations are regions of the jurisdiction.",
    severity=Severity.HIGH,
    iso27001=("A.5.34",),
    nist80053=("SA-9(5)",),
    remediation="Remove ECR replication rules whose destination region is outside the "
    "jurisdiction.",
    config=JURISDICTION_CONFIG,
)


@resource_rule(RES_003, types=("aws:ecr/replicationConfiguration:ReplicationConfiguration",))
def _ecr_replication(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    j = jurisdiction_of(config)
    rules = dig(args.props, "replicationConfiguration.rules")
    if rules is MISSING:
        yield "replicationConfiguration.rules is missing"
        return
    for i, rule in enumerate(items(rules)):
        for k, dest in enumerate(items(dig(rule, "destinations"))):
            region = dig(dest, "region")
            if region is MISSING or not j.allows("aws", str(region)):
                yield (
                    f"replicationConfiguration.rules[{i}].destinations[{k}].region "
                    f"{region!r} is outside {j.name}"
                )


RES_004 = RuleMeta(
    id="RES-004",
    family="residency",
    title="Keys are single-Region",
    description="KMS keys are not multi-Region, and replica keys live in the jurisdiction.",
    severity=Severity.HIGH,
    iso27001=("A.5.34", "A.8.24"),
    nist80053=("SC-12", "SA-9(5)"),
    remediation="Set multiRegion: false; remove replica keys outside the jurisdiction.",
    config=JURISDICTION_CONFIG,
)


@resource_rule(
    RES_004,
    types=(
        "aws:kms/key:Key",
        "aws:kms/replicaKey:ReplicaKey",
        "aws:kms/replicaExternalKey:ReplicaExternalKey",
    ),
)
def _single_region_keys(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if args.resource_type == "aws:kms/key:Key":
        if dig(args.props, "multiRegion") is True:
            yield "multiRegion is true: the key material can be replicated to other regions"
        return
    j = jurisdiction_of(config)
    region = aws_region(args.props, args.provider.props if args.provider else None)
    if region is MISSING or not j.allows("aws", str(region)):
        yield f"replica key in {region!r}, outside {j.name}"


RES_005 = RuleMeta(
    id="RES-005",
    family="residency",
    title="Database and secret replicas in-country",
    description="RDS read replicas, DynamoDB replicas, Secrets Manager replicas and Aurora "
    "global databases stay in the jurisdiction.",
    severity=Severity.HIGH,
    iso27001=("A.5.34",),
    nist80053=("SA-9(5)", "CP-6"),
    remediation="Remove replicas outside the jurisdiction; use Multi-AZ for availability.",
    config=JURISDICTION_CONFIG,
)


@resource_rule(
    RES_005,
    types=(
        "aws:rds/instance:Instance",
        "aws:dynamodb/table:Table",
        "aws:dynamodb/tableReplica:TableReplica",
        "aws:secretsmanager/secret:Secret",
        "aws:rds/globalCluster:GlobalCluster",
    ),
)
def _database_replicas(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    j = jurisdiction_of(config)
    t = args.resource_type
    if t == "aws:rds/globalCluster:GlobalCluster":
        yield "an Aurora global database replicates across regions"
    elif t == "aws:rds/instance:Instance":
        source = dig(args.props, "replicateSourceDb")
        region = arn_region(source)
        if source is not MISSING and region is not None and not j.allows("aws", region):
            yield f"replicateSourceDb is in {region}, outside {j.name}"
    elif t == "aws:dynamodb/table:Table":
        for i, replica in enumerate(items(dig(args.props, "replicas"))):
            region = dig(replica, "regionName")
            if region is MISSING or not j.allows("aws", str(region)):
                yield f"replicas[{i}].regionName {region!r} is outside {j.name}"
    elif t == "aws:dynamodb/tableReplica:TableReplica":
        region = aws_region(args.props, args.provider.props if args.provider else None)
        if region is MISSING or not j.allows("aws", str(region)):
            yield f"table replica in {region!r}, outside {j.name}"
    else:
        for i, replica in enumerate(items(dig(args.props, "replicas"))):
            region = dig(replica, "region")
            if region is MISSING or not j.allows("aws", str(region)):
                yield f"replicas[{i}].region {region!r} is outside {j.name}"


RES_006 = RuleMeta(
    id="RES-006",
    family="residency",
    title="Backup copies in-country",
    description="AWS Backup copy actions and RDS automated-backup replication target vaults "
    "and regions inside the jurisdiction.",
    severity=Severity.HIGH,
    iso27001=("A.5.34", "A.8.13"),
    nist80053=("CP-9", "SA-9(5)"),
    remediation="Point copy actions at a vault in an allowed region, or remove them.",
    config=JURISDICTION_CONFIG,
)


@resource_rule(
    RES_006,
    types=(
        "aws:backup/plan:Plan",
        "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication",
    ),
)
def _backup_copies(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    j = jurisdiction_of(config)
    if args.resource_type == "aws:backup/plan:Plan":
        for i, rule in enumerate(items(dig(args.props, "rules"))):
            for k, action in enumerate(items(dig(rule, "copyActions"))):
                dest = dig(action, "destinationVaultArn")
                region = arn_region(dest)
                if region is None or not j.allows("aws", region):
                    yield (f"rules[{i}].copyActions[{k}] copies to {dest!r}, outside {j.name}")
        return
    region = aws_region(args.props, args.provider.props if args.provider else None)
    if region is MISSING or not j.allows("aws", str(region)):
        yield f"automated backups replicated to {region!r}, outside {j.name}"


def _azure_pair_ok(j: Jurisdiction, location: Any) -> bool:
    return isinstance(location, str) and j.paired_region_in_jurisdiction(location) is not None


RES_007 = RuleMeta(
    id="RES-007",
    family="residency",
    title="Geo-redundancy only within the jurisdiction",
    description="Azure storage GRS/RA-GRS/GZRS, PostgreSQL geo-redundant backup and Recovery "
    "Services cross-region restore are allowed only where the paired region is in "
    "the jurisdiction.",
    severity=Severity.HIGH,
    iso27001=("A.5.34", "A.8.14"),
    nist80053=("CP-6", "SA-9(5)"),
    remediation="Use LRS/ZRS, or deploy in a region whose pair is in the jurisdiction.",
    config=JURISDICTION_CONFIG,
)


@resource_rule(
    RES_007,
    types=(
        "azure-native:storage:StorageAccount",
        "azure-native:dbforpostgresql:Server",
        "azure-native:recoveryservices:Vault",
    ),
)
def _geo_redundancy(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    j = jurisdiction_of(config)
    location = dig(args.props, "location")
    if location is MISSING and args.provider is not None:
        location = dig(args.provider.props, "location")
    t = args.resource_type
    if t == "azure-native:storage:StorageAccount":
        sku = dig(args.props, "sku.name")
        if sku is MISSING:
            yield "sku.name is missing: the redundancy cannot be judged"
        elif ("GRS" in str(sku).upper() or "GZRS" in str(sku).upper()) and not _azure_pair_ok(
            j, location
        ):
            yield f"sku {sku} keeps a copy in the pair of {location!r}, outside {j.name}"
    elif t == "azure-native:dbforpostgresql:Server":
        geo = dig(args.props, "backup.geoRedundantBackup")
        if str(geo).lower() == "enabled" and not _azure_pair_ok(j, location):
            yield f"geo-redundant backup of {location!r} is stored outside {j.name}"
    else:
        restore = dig(args.props, "properties.redundancySettings.crossRegionRestore")
        if str(restore).lower() == "enabled" and not _azure_pair_ok(j, location):
            yield f"cross-region restore from {location!r} keeps copies outside {j.name}"


RES_008 = RuleMeta(
    id="RES-008",
    family="residency",
    title="Registry geo-replicas in-country",
    description="Azure Container Registry replicas are in jurisdiction locations.",
    severity=Severity.HIGH,
    iso27001=("A.5.34",),
    nist80053=("SA-9(5)",),
    remediation="Remove ACR replications outside the jurisdiction.",
    config=JURISDICTION_CONFIG,
)


@resource_rule(RES_008, types=("azure-native:containerregistry:Replication",))
def _acr_replicas(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    j = jurisdiction_of(config)
    location = dig(args.props, "location")
    if location is MISSING or not j.allows("azure", str(location)):
        yield f"ACR replica in {location!r}, outside {j.name}"


def resource_region(resource: PolicyResource) -> str | None:
    """Where a resource in the stack lives (region or location), if it says."""
    for key in ("region", "location"):
        value = dig(resource.props, key)
        if value is not MISSING:
            return str(value)
    if resource.provider is not None:
        for key in ("region", "location"):
            value = dig(resource.provider.props, key)
            if value is not MISSING:
                return str(value)
    return None


def _cloud_of(resource: PolicyResource) -> str:
    return "aws" if resource.resource_type.startswith("aws:") else "azure"


# Log and stream sinks: the property naming the destination, per type.
SINK_PROPERTIES: dict[str, tuple[str, ...]] = {
    "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter": ("destinationArn",),
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": (
        "extendedS3Configuration",
        "httpEndpointConfiguration",
        "redshiftConfiguration",
        "splunkConfiguration",
        "opensearchConfiguration",
        "elasticsearchConfiguration",
    ),
    "aws:cloudtrail/trail:Trail": ("s3BucketName", "cloudWatchLogsGroupArn"),
    "aws:ec2/flowLog:FlowLog": ("logDestination",),
    "azure-native:monitor:DiagnosticSetting": (
        "workspaceId",
        "storageAccountId",
        "eventHubAuthorizationRuleId",
        "marketplacePartnerId",
    ),
}

RES_009 = RuleMeta(
    id="RES-009",
    family="residency",
    title="Log and stream sinks in-country",
    description="Subscription filters, Firehose streams, CloudTrail trails, flow logs and "
    "diagnostic settings deliver to destinations inside the jurisdiction; "
    "destinations that are other resources of the stack are resolved through "
    "property dependencies, literal ARNs by their region.",
    severity=Severity.CRITICAL,
    iso27001=("A.5.34", "A.8.15"),
    nist80053=("AU-9", "SA-9(5)"),
    remediation="Send logs to a bucket, log group or workspace of this stack's region.",
    config=JURISDICTION_CONFIG,
)


# Keys inside sink settings that name where data goes (ARNs, bucket names, URLs);
# role ARNs and buffering hints are not destinations.
_DESTINATION_KEYS = (
    "destinationArn",
    "logDestination",
    "s3BucketName",
    "bucketArn",
    "url",
    "cloudWatchLogsGroupArn",
    "workspaceId",
    "storageAccountId",
    "clusterJdbcurl",
    "domainArn",
    "clusterEndpoint",
    "hecEndpoint",
)


def _destinations(value: Any, key: str) -> Iterator[tuple[str, Any]]:
    """(key, literal) pairs naming destinations inside a sink setting."""
    if isinstance(value, Mapping):
        for k, v in value.items():
            yield from _destinations(v, k)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _destinations(v, key)
    elif key in _DESTINATION_KEYS and value not in (None, ""):
        yield key, value


@stack_rule(RES_009)
def _sinks_in_country(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    j = jurisdiction_of(config)
    for r in args.resources:
        keys = SINK_PROPERTIES.get(r.resource_type)
        if keys is None:
            continue
        if r.resource_type == "azure-native:monitor:DiagnosticSetting":
            for key in ("eventHubAuthorizationRuleId", "marketplacePartnerId"):
                if dig(r.props, key) is not MISSING:
                    yield (
                        f"{key} streams diagnostics to a destination whose location the "
                        "plan cannot prove; use an in-region Log Analytics workspace",
                        r.urn,
                    )
        found = False
        for key in keys:
            deps = r.property_dependencies.get(key, [])
            if deps:
                # A destination that is a resource of this stack is judged by where that
                # resource lives, known even when its ARN is not yet (first preview).
                found = True
                for dep in deps:
                    where = resource_region(dep)
                    if where is None or not j.allows(_cloud_of(dep), where):
                        yield (
                            f"{key} delivers to {dep.name} ({dep.resource_type}) in "
                            f"{where!r}, outside {j.name}",
                            r.urn,
                        )
                continue
            value = dig(r.props, key)
            if value is MISSING:
                continue
            found = True
            for dest_key, literal in _destinations(value, key):
                text = str(literal)
                region = arn_region(text)
                if region:
                    if not j.allows("aws", region):
                        yield f"{dest_key} delivers to {text}, outside {j.name}", r.urn
                    continue
                if text.startswith(("https://", "http://")):
                    yield (
                        f"{key} delivers to the external endpoint {text}, whose location "
                        "the plan cannot prove",
                        r.urn,
                    )
                    continue
                # A bucket name, a region-less S3 ARN or a resource id outside this stack:
                # nothing in the plan says where it is.
                yield (
                    f"{dest_key} delivers to {text}, a destination outside this stack whose "
                    f"location the plan cannot prove to be in {j.name}; deliver to a "
                    "resource of this stack",
                    r.urn,
                )
        if not found:
            yield f"{r.resource_type.split(':')[-1]} names no destination", r.urn


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


RES_010 = RuleMeta(
    id="RES-010",
    family="residency",
    title="No global edge services",
    description="CloudFront, Global Accelerator, multi-Region access points, Azure Front Door, "
    "CDN and Traffic Manager process data at edge locations worldwide; they are "
    "denied unless allow-listed.",
    severity=Severity.HIGH,
    iso27001=("A.5.34", "A.8.20"),
    nist80053=("SC-7", "SA-9(5)"),
    remediation="Serve through an internal load balancer in the region, or add the type to "
    "allowedGlobalServices with the data owner's approval.",
    config={
        "allowedGlobalServices": {
            "type": "array",
            "items": {"type": "string"},
            "default": [],
            "description": "Global service types allowed anyway",
        }
    },
)


@resource_rule(
    RES_010,
    types=tuple(
        sorted(
            GLOBAL_SERVICE_TYPES
            | {"azure-native:cdn:*", "azure-native:frontdoor:*", "azure-native:trafficmanager:*"}
        )
    ),
)
def _no_global_services(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    allowed = set(config.get("allowedGlobalServices") or [])
    if args.resource_type not in allowed:
        yield f"{args.resource_type} is a global service outside the jurisdiction's control"


def policy_document(value: Any) -> Any:
    """A policy document given as JSON text or as an object (MISSING when unreadable)."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return MISSING
    return value


RES_011 = RuleMeta(
    id="RES-011",
    family="residency",
    title="No default providers",
    description="No resource is managed by a default provider (provider name 'default' or "
    "'default_<version>'): the CLI creates one for a resource that names no "
    "provider and configures it from the environment and stack config "
    "(AWS_REGION, aws:region, credentials), so where the resource lands is not "
    "decided by the validated stack region.",
    severity=Severity.HIGH,
    iso27001=("A.5.34", "A.8.9"),
    nist80053=("SA-9(5)", "CM-6"),
    remediation="Give the resource an explicit provider (the provider option, or a parent "
    "component's providers map) built from the validated stack region; add "
    "pulumi:disable-default-providers to the stack config so the CLI refuses "
    "the rest.",
)


def is_default_provider(provider: Any) -> bool:
    """Whether a provider reference is one the engine made up (`default`, `default_7_51_1`).

    The engine names a default provider `default` or after the requested package
    version, dots replaced by underscores.
    """
    name = str(getattr(provider, "name", "") or "")
    urn = str(getattr(provider, "urn", "") or "")
    if not name and "::" in urn:
        name = urn.rsplit("::", 1)[-1]
    return name == "default" or name.startswith("default_")


@stack_rule(RES_011)
def _no_default_providers(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    for r in args.resources:
        if r.provider is not None and is_default_provider(r.provider):
            package = str(r.provider.resource_type).removeprefix("pulumi:providers:")
            yield (
                (
                    f"{r.name} ({r.resource_type}) is managed by the default {package} provider "
                    f"{r.provider.name!r}: give it an explicit provider"
                ),
                r.urn,
            )


RES_012 = RuleMeta(
    id="RES-012",
    family="residency",
    title="Every location a resource names is in the jurisdiction",
    description="Beyond its own region or location (RES-001), every input that names a "
    "further location is judged: replica, failover, secondary and paired regions "
    "and locations, and the ARNs and resource ids of partners, replicas and "
    "destinations (by the ARN's region, or by where the stack's own resource they "
    "name lives). The inputs come from the provider SDKs' schemas for every "
    "resource type (policies/location_properties.py, generated), so a type the "
    "platform does not use yet is judged too; a value the plan cannot place is "
    "a violation.",
    severity=Severity.CRITICAL,
    iso27001=("A.5.23", "A.5.34"),
    nist80053=("SA-9(5)", "CP-6"),
    remediation="Name only regions/locations of the jurisdiction catalogue; point replicas, "
    "partners and destinations at resources of this stack in an allowed region.",
    config=JURISDICTION_CONFIG,
)

# Inputs a more specific rule already judges; reported there, once.
JUDGED_ELSEWHERE: dict[tuple[str, str], str] = {
    (
        "aws:ecr/replicationConfiguration:ReplicationConfiguration",
        "replicationConfiguration.rules[].destinations[].region",
    ): "RES-003",
    ("aws:dynamodb/table:Table", "replicas[].regionName"): "RES-005",
    ("aws:secretsmanager/secret:Secret", "replicas[].region"): "RES-005",
    ("aws:backup/plan:Plan", "rules[].copyActions[].destinationVaultArn"): "RES-006",
}
_UNKNOWN: Any = object()
_ARM_ID = re.compile(r"^/subscriptions/", re.IGNORECASE)


def judged_elsewhere(token: str, path: str) -> str | None:
    """The rule that judges this input instead of RES-012 (own region: RES-001; sinks:
    RES-009; some replicas and copies: RES-003/005/006)."""
    if path == ("region" if token.startswith(("aws:", "pulumi:providers:aws")) else "location"):
        return "RES-001"
    top = path.split(".", 1)[0].removesuffix("[]")
    if top in SINK_PROPERTIES.get(token, ()):
        return "RES-009"
    return JUDGED_ELSEWHERE.get((token, path))


def _is_list(value: Any) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str)


def values_at(node: Any, path: str, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(concrete path, value) for every value at an input path with `[]` steps (a list of
    strings at the end is walked too); an unknown value comes back as `_UNKNOWN` instead of
    raising, so each value is judged on its own."""
    head, _, rest = path.partition(".")
    key = head.removesuffix("[]")
    if not isinstance(node, Mapping):
        return
    here = f"{prefix}{key}"
    try:
        child = node.get(key)
    except UnknownValueError:
        yield here, _UNKNOWN
        return
    if child is None:
        return
    if not (head.endswith("[]") or (not rest and _is_list(child))):
        if rest:
            yield from values_at(child, rest, f"{here}.")
        else:
            yield here, child
        return
    if not _is_list(child):
        return
    for i in range(len(child)):
        try:
            element = child[i]
        except UnknownValueError:
            yield f"{here}[{i}]", _UNKNOWN
            continue
        if rest:
            yield from values_at(element, rest, f"{here}[{i}].")
        else:
            yield f"{here}[{i}]", element


def _cloud_deps(resource: PolicyResource, key: str) -> list[PolicyResource]:
    return [
        d
        for d in resource.property_dependencies.get(key, [])
        if d.resource_type.startswith(("aws:", "azure-native:"))
    ]


def _judge_location(j: Jurisdiction, cloud: str, where: str, value: Any) -> Iterator[str]:
    if value is _UNKNOWN:
        yield (
            f"{where} is not known at plan time: a location that decides residency must "
            "be (fail closed)"
        )
    elif not isinstance(value, str):
        yield f"{where} is {value!r}, not a {cloud} location name"
    elif not j.allows(cloud, value):
        yield f"{where}: {j.explain_region(cloud, value)}"


def _judge_reference(
    j: Jurisdiction, kind: str, where: str, value: Any, resolved: bool
) -> Iterator[str]:
    """A literal ARN or id. `resolved`: the input depends on resources of this stack (judged
    by where those live). A `remote` input must be placed; a `reference` that is not an
    ARN (a key id, an alias) is resolved in the resource's own region."""
    if value is _UNKNOWN:
        if not resolved:
            yield (
                f"{where} is not known at plan time and names no resource of this stack: "
                "where it points cannot be judged (fail closed)"
            )
        return
    if not isinstance(value, str) or value in ("", "*"):
        return
    region = arn_region(value)
    if region:
        if not j.allows("aws", region):
            yield f"{where} names {value}: {j.explain_region('aws', region)}"
        return
    if resolved:
        return
    if region == "":
        if value.split(":")[2] == "s3":
            yield (
                f"{where} names {value}: an S3 ARN carries no region and the bucket is "
                f"not a resource of this stack, so it cannot be proven to be in {j.name}"
            )
        return  # a global service (IAM, CloudFront, Route 53, ...): not a location
    if kind == REMOTE or _ARM_ID.match(value):
        yield (
            f"{where} names {value!r}, which is not a resource of this stack: its location "
            f"cannot be proven to be in {j.name}"
        )


@stack_rule(RES_012)
def _every_named_location(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    j = jurisdiction_of(config)
    for r in args.resources:
        entries = LOCATION_PROPERTIES.get(r.resource_type)
        if not entries:
            continue
        judged_deps: set[str] = set()
        for path, kind in entries:
            if judged_elsewhere(r.resource_type, path):
                continue
            top = path.split(".", 1)[0].removesuffix("[]")
            if kind in (REFERENCE, REMOTE):
                deps = _cloud_deps(r, top)
                for dep in deps:
                    if dep.urn in judged_deps:
                        continue
                    judged_deps.add(dep.urn)
                    where = resource_region(dep)
                    if where is None or not j.allows(_cloud_of(dep), where):
                        yield (
                            (
                                f"{top} names {dep.name} ({dep.resource_type}) in {where!r}, "
                                f"outside {j.name}"
                            ),
                            r.urn,
                        )
                for where_at, value in values_at(r.props, path):
                    for problem in _judge_reference(j, kind, where_at, value, bool(deps)):
                        yield problem, r.urn
                continue
            cloud = "aws" if kind == AWS_REGION else "azure"
            for where_at, value in values_at(r.props, path):
                for problem in _judge_location(j, cloud, where_at, value):
                    yield problem, r.urn


RES_019 = RuleMeta(
    id="RES-019",
    family="residency",
    title="Regulated sectors accept no exceptions to the residency rules",
    description="In the government, banking and health sectors a configured exception "
    "waives no residency rule: every residency check (RES-*) is run again here without "
    "exceptions, and what it finds is a violation of this rule. A bank keeps its system "
    "of record and customers' confidential data in the UAE (CBUAE Outsourcing "
    "Regulation, Article 6.1 and 6.3) and health data is not stored or transferred "
    "outside it (Federal Law No. 2 of 2019, Article 13), so a waiver signed off in a "
    "pack config is not a basis for a copy abroad. This rule itself takes no "
    "exceptions.",
    severity=Severity.CRITICAL,
    iso27001=("A.5.23", "A.5.34"),
    nist80053=("SA-9(5)", "CA-7"),
    remediation="Fix the resource the residency rule names (an exception is not accepted in "
    "this sector); for an approved transfer, the stack is not a regulated-sector stack.",
    config=JURISDICTION_CONFIG,
    waivable=False,
)


def _resource_args(r: PolicyResource, config: Mapping[str, Any]) -> ResourceValidationArgs:
    return ResourceValidationArgs(
        r.resource_type, r.props, r.urn, r.name, r.opts, r.provider, config, {}
    )


@stack_rule(RES_019)
def _no_residency_exceptions(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    from policies.framework import REGISTRY, ResourceCheck, StackCheck, config_with_defaults
    from policies.sector_tags import stack_sector

    sector = stack_sector(args.resources)
    if sector.residency_exceptions_allowed:
        return
    why = f"sector {sector.id!r} accepts no exception to it ({', '.join(sector.requirements)})"
    for rule in list(REGISTRY):
        if rule.meta.family != "residency" or rule.meta.id == RES_019.id or rule.check is None:
            continue
        # The residency rule's own defaults with this stack's jurisdiction; never its
        # exceptions, which is the point.
        rule_config = config_with_defaults(rule.meta, {"jurisdiction": config.get("jurisdiction")})
        if rule.kind == "resource":
            for r in args.resources:
                if not rule.applies_to(r.resource_type):
                    continue
                resource_check = cast(ResourceCheck, rule.check)
                try:
                    found = list(resource_check(_resource_args(r, rule_config), rule_config))
                except UnknownValueError as exc:
                    found = [f"{exc.message}: not known at plan time (fail closed)"]
                for message in found:
                    yield f"{rule.meta.id} finds: {message}; {why}", r.urn
        else:
            stack_check = cast(StackCheck, rule.check)
            try:
                found_at = list(stack_check(args, rule_config))
            except UnknownValueError as exc:
                found_at = [(f"{exc.message}: not known at plan time (fail closed)", None)]
            for message, urn in found_at:
                yield f"{rule.meta.id} finds: {message}; {why}", urn


RES_020 = RuleMeta(
    id="RES-020",
    family="residency",
    title="Every flow leaving a store stays in the jurisdiction",
    description="The transfer record's verdict (`smp record`, policies/data_flows.py): "
    "every flow that leaves a data store or stream of the stack — replication and "
    "copies, log sinks, geo-redundant copies and backups, private endpoints — lands in "
    "a location of the jurisdiction catalogue, or is waived by an unexpired exception "
    "with a reason (the record lists it). A destination the plan cannot place is a "
    "violation. The more specific residency rules report the same resources by their "
    "own property; this rule is the one the record and the gate share.",
    severity=Severity.CRITICAL,
    iso27001=("A.5.14", "A.5.34"),
    nist80053=("AC-4", "SA-9(5)"),
    remediation="Point the replica, sink, backup copy or endpoint at a resource of this stack "
    "in an allowed region; or, outside a regulated sector, add an exception with the "
    "transfer's legal basis as its reason and an expiry.",
    config=JURISDICTION_CONFIG,
)


@stack_rule(RES_020)
def _flows_in_jurisdiction(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    from policies.data_flows import flows

    j = jurisdiction_of(config)
    for flow in flows(args.resources, j):
        if flow.leaves:
            yield (
                f"{flow.kind} from {flow.source} to {flow.destination} leaves {j.name}: "
                f"{flow.reason}",
                flow.via_urn,
            )


# --- The event stream (issue 15): what would copy it out of the jurisdiction -------------

_AWS_REGION_TOKEN = re.compile(
    r"\b[a-z]{2}(?:-gov|-iso[a-z]?)?-(?:north|south|east|west|central|northeast|"
    r"southeast|northwest|southwest)-\d\b"
)

RES_013 = RuleMeta(
    id="RES-013",
    family="residency",
    title="MSK Replicator stays in-country",
    description="An MSK Replicator copies topics between the clusters it names; every "
    "source and target cluster's ARN is in a region of the jurisdiction.",
    severity=Severity.HIGH,
    iso27001=("A.5.34", "A.8.13"),
    nist80053=("SA-9(5)", "CP-9"),
    remediation="Remove the replicator, or point every kafkaClusters[].amazonMskCluster."
    "mskClusterArn at an MSK cluster in an allowed region.",
    config=JURISDICTION_CONFIG,
)


@resource_rule(RES_013, types=("aws:msk/replicator:Replicator",))
def _msk_replicator(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    j = jurisdiction_of(config)
    clusters = list(items(dig(args.props, "kafkaClusters")))
    if not clusters:
        yield "kafkaClusters is missing: the clusters it copies between cannot be judged"
        return
    for i, cluster in enumerate(clusters):
        arn = dig(cluster, "amazonMskCluster.mskClusterArn")
        region = arn_region(arn) if arn is not MISSING else None
        if region is None or not j.allows("aws", region):
            yield (
                f"kafkaClusters[{i}].amazonMskCluster.mskClusterArn {arn!r} is not an MSK "
                f"cluster in {j.name}: the replicator would copy the stream out"
            )


RES_014 = RuleMeta(
    id="RES-014",
    family="residency",
    title="No Event Hubs geo copy outside the jurisdiction",
    description="An Event Hubs geo-disaster-recovery pairing names a partner namespace of "
    "this stack whose location is in the jurisdiction, and a namespace's geo-replication "
    "locations are all in the jurisdiction; a partner the plan cannot locate is refused.",
    severity=Severity.HIGH,
    iso27001=("A.5.34", "A.8.14"),
    nist80053=("SA-9(5)", "CP-6", "CP-7"),
    remediation="Remove the DisasterRecoveryConfig (or pair with a namespace of this stack "
    "in the paired region inside the jurisdiction) and keep geoDataReplication locations "
    "to allowed regions.",
    config=JURISDICTION_CONFIG,
)


def _azure_location(resource: PolicyResource) -> Any:
    """A resource's own `location`, else its provider's."""
    location = dig(resource.props, "location")
    if location is MISSING and resource.provider is not None:
        location = dig(resource.provider.props, "location")
    return location


@stack_rule(RES_014)
def _event_hubs_geo_copies(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    j = jurisdiction_of(config)
    for r in args.resources:
        if r.resource_type == "azure-native:eventhub:Namespace":
            for i, loc in enumerate(items(dig(r.props, "geoDataReplication.locations"))):
                name = dig(loc, "locationName")
                if name is MISSING or not j.allows("azure", str(name)):
                    yield (
                        f"namespace {r.name} replicates to geoDataReplication.locations[{i}] "
                        f"{name!r}, outside {j.name}",
                        r.urn,
                    )
        if r.resource_type != "azure-native:eventhub:DisasterRecoveryConfig":
            continue
        partners = [
            d
            for d in r.property_dependencies.get("partnerNamespace", [])
            if d.resource_type == "azure-native:eventhub:Namespace"
        ]
        if not partners:
            yield (
                f"geo-DR pairing {r.name}: partnerNamespace is not a namespace of this stack, "
                f"so its location cannot be proven to be in {j.name}",
                r.urn,
            )
        for partner in partners:
            where = _azure_location(partner)
            if where is MISSING or not j.allows("azure", str(where)):
                yield (
                    f"geo-DR pairing {r.name} copies to namespace {partner.name} in "
                    f"{where!r}, outside {j.name}",
                    r.urn,
                )


RES_015 = RuleMeta(
    id="RES-015",
    family="residency",
    title="Kafka Connect sinks in-country",
    description="An MSK Connect connector's configuration names only regions of the "
    "jurisdiction (every *region key, and every region inside an endpoint or ARN), and an "
    "S3 sink states its region, so what it writes out of the stream stays in the country.",
    severity=Severity.HIGH,
    iso27001=("A.5.34", "A.5.14"),
    nist80053=("SA-9(5)", "AC-4"),
    remediation="Set the sink's region keys (e.g. s3.region) and endpoints to an allowed "
    "region, or remove the connector.",
    config=JURISDICTION_CONFIG,
)


@resource_rule(RES_015, types=("aws:mskconnect/connector:Connector",))
def _connect_sinks(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    j = jurisdiction_of(config)
    settings = dig(args.props, "connectorConfiguration")
    if settings is MISSING or not isinstance(settings, Mapping):
        yield "connectorConfiguration is missing: where the connector writes cannot be judged"
        return
    region_keys = []
    for key in sorted(settings):
        value = str(settings[key])
        if key.lower().endswith("region"):
            region_keys.append(key)
            if not j.allows("aws", value):
                yield f"connectorConfiguration[{key!r}] {value!r} is outside {j.name}"
                continue
        for region in sorted(set(_AWS_REGION_TOKEN.findall(value))):
            if not j.allows("aws", region):
                yield f"connectorConfiguration[{key!r}] names {region!r}, outside {j.name}"
    connector_class = str(settings.get("connector.class", ""))
    if "s3" in connector_class.lower() and not region_keys:
        yield (
            f"{connector_class} states no region (s3.region): it would write wherever the bucket is"
        )


# Global services whose single endpoint is outside any one region: a region deny must
# leave them out (AWS IAM User Guide, "AWS: Denies access to AWS based on the requested
# Region": CloudFront, IAM, Organizations, Route 53, Support).
DOCUMENTED_GLOBAL_SERVICE_ACTIONS = (
    "cloudfront:*",
    "iam:*",
    "organizations:*",
    "route53:*",
    "support:*",
)
_BOUNDARY_PATH = "/smp-boundary/"

RES_016 = RuleMeta(
    id="RES-016",
    family="residency",
    title="The roles' permissions boundary denies every region outside the jurisdiction",
    description="Each permissions boundary of the stack (an IAM policy on path "
    f"{_BOUNDARY_PATH}) denies, on every resource, every action but the documented global "
    "services' when aws:RequestedRegion is not one of the jurisdiction's AWS regions; an "
    "unreadable document, a region list naming a region abroad, or a NotAction list "
    "exempting more than globalServiceActions, fails.",
    severity=Severity.HIGH,
    iso27001=("A.5.34", "A.5.23"),
    nist80053=("SA-9(5)", "AC-3"),
    remediation="Use components/aws/guardrails.py boundary_document(regions) with the "
    "jurisdiction's regions.",
    config={
        "jurisdiction": {"type": "string", "default": "uae"},
        "globalServiceActions": {
            "type": "array",
            "items": {"type": "string"},
            "default": list(DOCUMENTED_GLOBAL_SERVICE_ACTIONS),
            "description": "Actions a region deny may leave out (global services)",
        },
    },
)


def _as_strings(value: Any) -> list[str]:
    if value is MISSING or value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _denies_outside(statement: Any, regions: set[str], exempt: set[str]) -> list[str] | None:
    """Why a statement is not the region deny (None when it is one)."""
    if not isinstance(statement, Mapping) or statement.get("Effect") != "Deny":
        return ["not a Deny"]
    problems = []
    if "*" not in _as_strings(statement.get("Resource")):
        problems.append("Resource is not '*'")
    if statement.get("Action") is not None:
        problems.append("names Action (deny everything with NotAction instead)")
    extra = set(_as_strings(statement.get("NotAction"))) - exempt
    if extra:
        problems.append(f"NotAction exempts {', '.join(sorted(extra))}, not documented global")
    condition = statement.get("Condition")
    named = (
        condition.get("StringNotEquals", {}).get("aws:RequestedRegion")
        if isinstance(condition, Mapping)
        and isinstance(condition.get("StringNotEquals"), Mapping)
        and len(condition) == 1
        else None
    )
    listed = set(_as_strings(named))
    if not listed:
        problems.append("has no single StringNotEquals aws:RequestedRegion condition")
    elif listed - regions:
        problems.append(f"allows {', '.join(sorted(listed - regions))}, outside the jurisdiction")
    return problems or None


@resource_rule(RES_016, types=("aws:iam/policy:Policy",))
def _boundary_denies_abroad(
    args: ResourceValidationArgs, config: Mapping[str, Any]
) -> Iterator[str]:
    if str(dig(args.props, "path")) != _BOUNDARY_PATH:
        return
    document = policy_document(dig(args.props, "policy"))
    if not isinstance(document, Mapping):
        yield "the boundary's policy is missing or not valid JSON"
        return
    regions = set(jurisdiction_of(config).allowed_regions("aws"))
    exempt = {str(a) for a in config.get("globalServiceActions") or []}
    found = document.get("Statement", [])
    found = [found] if isinstance(found, Mapping) else list(found)
    reasons = [_denies_outside(st, regions, exempt) for st in found]
    if not any(r is None for r in reasons):
        near = [
            f"Statement[{i}]: {'; '.join(r)}"
            for i, r in enumerate(reasons)
            if r is not None and r != ["not a Deny"]
        ]
        yield "no statement denies every action outside the jurisdiction's regions" + (
            f" ({' | '.join(near)})" if near else ""
        )
