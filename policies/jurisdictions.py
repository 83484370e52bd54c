"""The jurisdiction catalogue: the one table of where data may live.

Three layers read it: the stack config model (a bad region is refused at load
time), the components (they only ever take regions from validated config) and
the policy pack (every resource is checked again at deploy time). Nothing else
in the project may hard-code a region.

This module is plain data and has no dependencies, so the policy pack can
import it without pulling in the platform code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

Cloud = Literal["aws", "azure"]
CLOUDS: tuple[Cloud, ...] = ("aws", "azure")


class UnknownJurisdictionError(KeyError):
    """Raised when a jurisdiction id is not in the catalogue."""

    def __str__(self) -> str:
        return f"unknown jurisdiction {self.args[0]!r}; known: {', '.join(sorted(JURISDICTIONS))}"


@dataclass(frozen=True)
class Jurisdiction:
    """A legal area whose data must stay inside a fixed set of cloud locations."""

    id: str
    name: str
    regions: dict[str, tuple[str, ...]]
    # Azure region pairs whose geo-redundant copies stay in the jurisdiction.
    # Only pairs listed here may use GRS/RA-GRS or geo-redundant backups.
    azure_pairs: dict[str, str] = field(default_factory=dict)
    # Well-known nearby regions that are NOT in the jurisdiction, named so an
    # error can say why (me-south-1 sounds Middle-Eastern but is Bahrain).
    notable_outside: dict[str, str] = field(default_factory=dict)
    # Availability zones per allowed region; 0 for a region without zones. Zoned
    # node pools, zone-redundant services and ZRS exist only where this is >= 2.
    zones: dict[str, int] = field(default_factory=dict)

    def allowed_regions(self, cloud: str) -> tuple[str, ...]:
        """Locations of `cloud` inside this jurisdiction (empty for an unknown cloud)."""
        return self.regions.get(cloud, ())

    def allows(self, cloud: str, region: str) -> bool:
        """True when `region` of `cloud` is inside this jurisdiction."""
        return normalize_location(region) in self.allowed_regions(cloud)

    def zones_in(self, region: str) -> int | None:
        """How many availability zones `region` has (0: none), or None if not catalogued."""
        return self.zones.get(normalize_location(region))

    def paired_region_in_jurisdiction(self, azure_region: str) -> str | None:
        """The Azure paired region when both halves of the pair are in the jurisdiction."""
        region = normalize_location(azure_region)
        pair = self.azure_pairs.get(region)
        if pair is None or not self.allows("azure", region) or not self.allows("azure", pair):
            return None
        return pair

    def explain_region(self, cloud: str, region: str) -> str:
        """A sentence saying why `region` is refused and what is allowed instead."""
        allowed = ", ".join(self.allowed_regions(cloud)) or "none"
        where = self.notable_outside.get(normalize_location(region))
        why = f" ({where}, outside {self.name})" if where else ""
        return (
            f"region {region!r}{why} is not allowed for {cloud} in jurisdiction "
            f"{self.id!r} ({self.name}); allowed: {allowed}"
        )


def normalize_location(location: str) -> str:
    """Azure accepts display names ('UAE North'); compare on the canonical form."""
    return location.replace(" ", "").lower()


JURISDICTIONS: dict[str, Jurisdiction] = {
    "uae": Jurisdiction(
        id="uae",
        name="United Arab Emirates",
        regions={
            "aws": ("me-central-1",),
            "azure": ("uaenorth", "uaecentral"),
        },
        azure_pairs={"uaenorth": "uaecentral", "uaecentral": "uaenorth"},
        # AWS: me-central-1 has three AZs (mec1-az1..az3; AWS "Regions and Availability
        # Zones"). Azure: UAE North has availability zones, UAE Central (access-restricted,
        # for in-country DR) has none (learn.microsoft.com/azure/reliability/regions-list).
        zones={"me-central-1": 3, "uaenorth": 3, "uaecentral": 0},
        notable_outside={
            "me-south-1": "Bahrain",
            "il-central-1": "Israel",
            "qatarcentral": "Qatar",
            "israelcentral": "Israel",
            "saudiarabiacentral": "Saudi Arabia",
        },
    ),
}


def get_jurisdiction(jurisdiction_id: str) -> Jurisdiction:
    """Look up a jurisdiction, raising `UnknownJurisdictionError` with the known ids."""
    try:
        return JURISDICTIONS[jurisdiction_id]
    except KeyError:
        raise UnknownJurisdictionError(jurisdiction_id) from None


class DataFlow(StrEnum):
    """How a resource type can move data to another location."""

    REPLICATION = "replication"
    BACKUP_COPY = "backup-copy"
    LOG_SINK = "log-sink"
    GLOBAL_SERVICE = "global-service"


@dataclass(frozen=True)
class CrossBorderType:
    """A resource type that can carry data across a border, and which inputs say where."""

    token: str
    flow: DataFlow
    # Inputs (camelCase, as the engine passes them) that name the destination,
    # or that switch the cross-border behaviour on.
    destination_inputs: tuple[str, ...]
    note: str


# Resource types that move data across borders. The policy pack judges each of
# these on its destination; global services are denied unless allow-listed.
CROSS_BORDER_TYPES: tuple[CrossBorderType, ...] = (
    # AWS replication and replicas
    CrossBorderType(
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
        DataFlow.REPLICATION,
        ("rules",),
        "S3 replication copies objects to the destination bucket's region",
    ),
    CrossBorderType(
        "aws:ecr/replicationConfiguration:ReplicationConfiguration",
        DataFlow.REPLICATION,
        ("replicationConfiguration",),
        "ECR replication pushes images to other regions or accounts",
    ),
    CrossBorderType(
        "aws:kms/key:Key",
        DataFlow.REPLICATION,
        ("multiRegion",),
        "a multi-Region key can be replicated to other regions",
    ),
    CrossBorderType(
        "aws:kms/replicaKey:ReplicaKey",
        DataFlow.REPLICATION,
        ("region",),
        "a replica of a multi-Region key lives in another region",
    ),
    CrossBorderType(
        "aws:kms/replicaExternalKey:ReplicaExternalKey",
        DataFlow.REPLICATION,
        ("region",),
        "a replica of an external multi-Region key lives in another region",
    ),
    CrossBorderType(
        "aws:dynamodb/table:Table",
        DataFlow.REPLICATION,
        ("replicas",),
        "DynamoDB global-table replicas",
    ),
    CrossBorderType(
        "aws:dynamodb/tableReplica:TableReplica",
        DataFlow.REPLICATION,
        ("region",),
        "a DynamoDB table replica in another region",
    ),
    CrossBorderType(
        "aws:secretsmanager/secret:Secret",
        DataFlow.REPLICATION,
        ("replicas",),
        "Secrets Manager replicas",
    ),
    CrossBorderType(
        "aws:rds/instance:Instance",
        DataFlow.REPLICATION,
        ("replicateSourceDb",),
        "a read replica of a database in another region",
    ),
    CrossBorderType(
        "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication",
        DataFlow.BACKUP_COPY,
        ("region",),
        "automated RDS backups copied to another region",
    ),
    CrossBorderType(
        "aws:rds/globalCluster:GlobalCluster",
        DataFlow.REPLICATION,
        (),
        "an Aurora global database spans regions",
    ),
    CrossBorderType(
        "aws:backup/plan:Plan",
        DataFlow.BACKUP_COPY,
        ("rules",),
        "AWS Backup copy actions send recovery points to another vault",
    ),
    # AWS log and stream sinks
    CrossBorderType(
        "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter",
        DataFlow.LOG_SINK,
        ("destinationArn",),
        "log events streamed to a destination",
    ),
    CrossBorderType(
        "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
        DataFlow.LOG_SINK,
        ("extendedS3Configuration", "httpEndpointConfiguration", "destination"),
        "records delivered to a destination bucket or endpoint",
    ),
    CrossBorderType(
        "aws:cloudtrail/trail:Trail",
        DataFlow.LOG_SINK,
        ("s3BucketName", "cloudWatchLogsGroupArn"),
        "audit events (of every region, for a multi-region trail) written to a bucket and a "
        "log group, which decide where the records live",
    ),
    # AWS global services
    CrossBorderType(
        "aws:cloudfront/distribution:Distribution",
        DataFlow.GLOBAL_SERVICE,
        (),
        "CloudFront caches content at edge locations worldwide",
    ),
    CrossBorderType(
        "aws:globalaccelerator/accelerator:Accelerator",
        DataFlow.GLOBAL_SERVICE,
        (),
        "Global Accelerator routes traffic through the global edge network",
    ),
    CrossBorderType(
        "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint",
        DataFlow.GLOBAL_SERVICE,
        ("details",),
        "a multi-Region access point spans buckets in several regions",
    ),
    # Azure
    CrossBorderType(
        "azure-native:storage:StorageAccount",
        DataFlow.REPLICATION,
        ("sku",),
        "geo-redundant SKUs keep a copy in the paired region",
    ),
    CrossBorderType(
        "azure-native:containerregistry:Replication",
        DataFlow.REPLICATION,
        ("location",),
        "an ACR geo-replica in another location",
    ),
    CrossBorderType(
        "azure-native:dbforpostgresql:Server",
        DataFlow.BACKUP_COPY,
        ("backup",),
        "geo-redundant backups are stored in the paired region",
    ),
    CrossBorderType(
        "azure-native:recoveryservices:Vault",
        DataFlow.BACKUP_COPY,
        ("properties",),
        "cross-region restore keeps recovery points in the paired region",
    ),
    CrossBorderType(
        "azure-native:monitor:DiagnosticSetting",
        DataFlow.LOG_SINK,
        ("workspaceId", "storageAccountId", "eventHubAuthorizationRuleId", "marketplacePartnerId"),
        "diagnostic logs sent to a workspace, storage account or event hub",
    ),
    CrossBorderType(
        "azure-native:cdn:Profile",
        DataFlow.GLOBAL_SERVICE,
        (),
        "Azure CDN / Front Door serve from edge locations worldwide",
    ),
    CrossBorderType(
        "azure-native:network:FrontDoor",
        DataFlow.GLOBAL_SERVICE,
        (),
        "classic Front Door is a global service",
    ),
    CrossBorderType(
        "azure-native:network:TrafficManagerProfile",
        DataFlow.GLOBAL_SERVICE,
        (),
        "Traffic Manager is a global DNS service",
    ),
)

# Azure resources whose location is always "global" by design and which hold only
# control-plane metadata, not customer data: private DNS zones (records of private
# endpoint IPs inside the VNet) and their VNet links. They are allowed the
# location "global"; anything else with "global" is a violation.
AZURE_GLOBAL_METADATA_TYPES: frozenset[str] = frozenset(
    {
        "azure-native:privatedns:PrivateZone",
        "azure-native:privatedns:VirtualNetworkLink",
        "azure-native:privatedns:PrivateRecordSet",
    }
)

CROSS_BORDER_BY_TOKEN: dict[str, CrossBorderType] = {t.token: t for t in CROSS_BORDER_TYPES}
GLOBAL_SERVICE_TYPES: frozenset[str] = frozenset(
    t.token for t in CROSS_BORDER_TYPES if t.flow is DataFlow.GLOBAL_SERVICE
)
