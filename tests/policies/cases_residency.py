"""Residency rules (RES-*): compliant and non-compliant cases."""

from __future__ import annotations

import json

from pulumi_policy.proxy import UNKNOWN_STRING_VALUE

from tests.policies.builders import (
    ACCOUNT,
    AWS_BAHRAIN,
    AWS_IRELAND,
    AWS_UAE,
    AZ_NORTH,
    AZ_WESTEUROPE,
    BANKING_TAGS,
    GENERAL_TAGS,
    RG,
    TAGS,
    Case,
    Res,
    bad,
    ok,
)
from tests.policies.stream_fixtures import (
    MSK_ARN_IRELAND,
    MSK_ARN_UAE,
    NAMESPACE,
    NAMESPACE_CENTRAL,
    NAMESPACE_EU,
    connector,
    geo_pairing,
    replicator,
)

BUCKET = Res(
    "aws:s3/bucket:Bucket", "models", {"bucket": "smp-models", "tags": TAGS}, provider=AWS_UAE
)
EVENT_HUB = f"{RG}/providers/Microsoft.EventHub/namespaces/smp-audit"
VAULT_ARN_UAE = f"arn:aws:backup:me-central-1:{ACCOUNT}:backup-vault:smp-vault"
VAULT_ARN_BAHRAIN = f"arn:aws:backup:me-south-1:{ACCOUNT}:backup-vault:smp-dr"

WORKSPACE = Res(
    "azure-native:operationalinsights:Workspace",
    "audit-ws",
    {"location": "uaenorth", "resourceGroupName": "smp", "retentionInDays": 365.0},
    provider=AZ_NORTH,
)
WORKSPACE_EU = Res(
    "azure-native:operationalinsights:Workspace",
    "audit-ws-eu",
    {"location": "westeurope", "resourceGroupName": "smp"},
    provider=AZ_WESTEUROPE,
)
CLUSTER_AKS = Res(
    "azure-native:containerservice:ManagedCluster",
    "aks",
    {"location": "uaenorth", "resourceGroupName": "smp"},
    provider=AZ_NORTH,
)


def diagnostic_setting(name: str, deps: dict[str, tuple[str, ...]], **props: object) -> Res:
    base = {
        "name": name,
        "resourceUri": f"{RG}/providers/Microsoft.ContainerService/managedClusters/aks",
        "logs": [{"category": "kube-audit", "enabled": True}],
    }
    return Res(
        "azure-native:monitor:DiagnosticSetting",
        name,
        {**base, **props},
        provider=AZ_NORTH,
        deps={"resourceUri": ("aks",), **deps},
    )


LOG_GROUP = Res(
    "aws:cloudwatch/logGroup:LogGroup",
    "flow-logs",
    {"name": "/smp/flow", "retentionInDays": 365.0, "kmsKeyId": "k"},
    provider=AWS_UAE,
)
LOG_GROUP_BAHRAIN = Res(
    "aws:cloudwatch/logGroup:LogGroup", "flow-logs-bh", {"name": "/smp/flow"}, provider=AWS_BAHRAIN
)
VPC = Res("aws:ec2/vpc:Vpc", "vpc", {"cidrBlock": "10.40.0.0/16"}, provider=AWS_UAE)

CASES: list[Case] = [
    # RES-001 -----------------------------------------------------------------
    ok("RES-001", "aws-provider-region", BUCKET),
    ok(
        "RES-001",
        "aws-own-region",
        Res("aws:s3/bucket:Bucket", "b", {"region": "me-central-1"}, provider=AWS_BAHRAIN),
    ),
    ok("RES-001", "aws-provider-itself", AWS_UAE),
    ok(
        "RES-001",
        "azure-location",
        Res(
            "azure-native:storage:StorageAccount",
            "sa",
            {"location": "uaecentral", "kind": "StorageV2"},
            provider=AZ_NORTH,
        ),
    ),
    ok(
        "RES-001",
        "azure-display-name",
        Res(
            "azure-native:resources:ResourceGroup",
            "rg",
            {"location": "UAE North"},
            provider=AZ_NORTH,
        ),
    ),
    ok(
        "RES-001",
        "azure-inherits-provider",
        Res(
            "azure-native:network:Subnet",
            "nodes",
            {"addressPrefix": "10.50.0.0/20"},
            provider=AZ_NORTH,
        ),
    ),
    ok(
        "RES-001",
        "private-dns-global",
        Res(
            "azure-native:privatedns:PrivateZone",
            "dns",
            {"location": "global", "privateZoneName": "privatelink.vaultcore.azure.net"},
            provider=AZ_NORTH,
        ),
    ),
    bad(
        "RES-001",
        "aws-provider-bahrain",
        Res(BUCKET.type, BUCKET.name, BUCKET.props, provider=AWS_BAHRAIN),
        "me-south-1",
        "Bahrain",
    ),
    bad("RES-001", "aws-provider-itself-bahrain", AWS_BAHRAIN, "region 'me-south-1'", "Bahrain"),
    bad(
        "RES-001",
        "aws-own-region-ireland",
        Res("aws:s3/bucket:Bucket", "b", {"region": "eu-west-1"}, provider=AWS_UAE),
        "region 'eu-west-1'",
        "allowed: me-central-1",
    ),
    bad("RES-001", "aws-no-region", Res("aws:s3/bucket:Bucket", "b", {"bucket": "x"}), "no region"),
    # Gap: the Cloud Control provider (aws-native) is an AWS provider too (see the report).
    bad(
        "RES-001",
        "aws-native-provider-bahrain",
        Res("pulumi:providers:aws-native", "aws-native-bahrain", {"region": "me-south-1"}),
        "region 'me-south-1'",
    ),
    bad(
        "RES-001",
        "azure-qatar",
        Res(
            "azure-native:storage:StorageAccount",
            "sa",
            {"location": "qatarcentral"},
            provider=AZ_NORTH,
        ),
        "qatarcentral",
        "Qatar",
    ),
    bad(
        "RES-001",
        "azure-provider-westeurope",
        Res("azure-native:network:Subnet", "s", {}, provider=AZ_WESTEUROPE),
        "westeurope",
    ),
    bad(
        "RES-001",
        "azure-tracked-without-location",
        Res("azure-native:keyvault:Vault", "kv", {"resourceGroupName": "smp"}),
        "no location",
    ),
    bad(
        "RES-001",
        "azure-global-not-dns",
        Res("azure-native:storage:StorageAccount", "sa", {"location": "global"}, provider=AZ_NORTH),
        "region 'global'",
    ),
    bad(
        "RES-001",
        "azure-provider-without-location",
        Res("pulumi:providers:azure-native", "az", {"subscriptionId": "x"}),
        "provider sets no location",
    ),
    # RES-002 -----------------------------------------------------------------
    ok("RES-002", "bucket-without-replication", BUCKET),
    bad(
        "RES-002",
        "replication-config",
        Res(
            "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
            "repl",
            {
                "bucket": "smp-models",
                "role": f"arn:aws:iam::{ACCOUNT}:role/repl",
                "rules": [
                    {
                        "id": "all",
                        "status": "Enabled",
                        "destination": {"bucket": "arn:aws:s3:::smp-models-copy"},
                    }
                ],
            },
            provider=AWS_UAE,
        ),
        "BucketReplicationConfig sends objects outside",
    ),
    bad(
        "RES-002",
        "multi-region-access-point",
        Res(
            "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint",
            "mrap",
            {"details": {"name": "smp", "regions": [{"bucket": "smp-models"}]}},
            provider=AWS_UAE,
        ),
        "MultiRegionAccessPoint",
    ),
    # RES-003 -----------------------------------------------------------------
    ok(
        "RES-003",
        "in-country-destination",
        Res(
            "aws:ecr/replicationConfiguration:ReplicationConfiguration",
            "ecr-repl",
            {
                "replicationConfiguration": {
                    "rules": [
                        {"destinations": [{"region": "me-central-1", "registryId": "210987654321"}]}
                    ]
                }
            },
            provider=AWS_UAE,
        ),
    ),
    bad(
        "RES-003",
        "bahrain-destination",
        Res(
            "aws:ecr/replicationConfiguration:ReplicationConfiguration",
            "ecr-repl",
            {
                "replicationConfiguration": {
                    "rules": [
                        {
                            "destinations": [
                                {"region": "me-central-1", "registryId": ACCOUNT},
                                {"region": "me-south-1", "registryId": ACCOUNT},
                            ]
                        }
                    ]
                }
            },
            provider=AWS_UAE,
        ),
        "replicationConfiguration.rules[0].destinations[1].region 'me-south-1'",
    ),
    bad(
        "RES-003",
        "no-rules",
        Res(
            "aws:ecr/replicationConfiguration:ReplicationConfiguration",
            "ecr-repl",
            {"replicationConfiguration": {}},
            provider=AWS_UAE,
        ),
        "replicationConfiguration.rules is missing",
    ),
    # RES-004 -----------------------------------------------------------------
    ok(
        "RES-004",
        "single-region-key",
        Res(
            "aws:kms/key:Key",
            "data",
            {"multiRegion": False, "enableKeyRotation": True},
            provider=AWS_UAE,
        ),
    ),
    ok(
        "RES-004",
        "replica-in-country",
        Res(
            "aws:kms/replicaKey:ReplicaKey",
            "replica",
            {"primaryKeyArn": "arn:aws:kms:..."},
            provider=AWS_UAE,
        ),
    ),
    bad(
        "RES-004",
        "multi-region-key",
        Res("aws:kms/key:Key", "data", {"multiRegion": True}, provider=AWS_UAE),
        "multiRegion is true",
    ),
    bad(
        "RES-004",
        "replica-in-ireland",
        Res(
            "aws:kms/replicaKey:ReplicaKey",
            "replica",
            {"primaryKeyArn": "arn:aws:kms:..."},
            provider=AWS_IRELAND,
        ),
        "'eu-west-1'",
    ),
    bad(
        "RES-004",
        "external-replica-bahrain",
        Res(
            "aws:kms/replicaExternalKey:ReplicaExternalKey",
            "ext",
            {"region": "me-south-1"},
            provider=AWS_UAE,
        ),
        "'me-south-1'",
    ),
    # RES-005 -----------------------------------------------------------------
    ok(
        "RES-005",
        "rds-same-region-replica",
        Res(
            "aws:rds/instance:Instance",
            "replica",
            {
                "replicateSourceDb": f"arn:aws:rds:me-central-1:{ACCOUNT}:db:smp-registry",
                "instanceClass": "db.r6g.large",
            },
            provider=AWS_UAE,
        ),
    ),
    ok(
        "RES-005",
        "secret-without-replicas",
        Res(
            "aws:secretsmanager/secret:Secret",
            "s",
            {"name": "smp/redis", "kmsKeyId": "k"},
            provider=AWS_UAE,
        ),
    ),
    ok(
        "RES-005",
        "dynamodb-replica-in-country",
        Res(
            "aws:dynamodb/table:Table",
            "t",
            {"replicas": [{"regionName": "me-central-1"}]},
            provider=AWS_UAE,
        ),
    ),
    bad(
        "RES-005",
        "rds-replica-of-bahrain",
        Res(
            "aws:rds/instance:Instance",
            "replica",
            {"replicateSourceDb": f"arn:aws:rds:me-south-1:{ACCOUNT}:db:smp-registry"},
            provider=AWS_UAE,
        ),
        "replicateSourceDb is in me-south-1",
    ),
    bad(
        "RES-005",
        "dynamodb-global-table",
        Res(
            "aws:dynamodb/table:Table",
            "t",
            {"replicas": [{"regionName": "eu-west-1", "kmsKeyArn": "k"}]},
            provider=AWS_UAE,
        ),
        "replicas[0].regionName 'eu-west-1'",
    ),
    bad(
        "RES-005",
        "dynamodb-table-replica",
        Res(
            "aws:dynamodb/tableReplica:TableReplica",
            "tr",
            {"globalTableArn": "arn"},
            provider=AWS_BAHRAIN,
        ),
        "table replica in 'me-south-1'",
    ),
    bad(
        "RES-005",
        "secret-replica-ireland",
        Res(
            "aws:secretsmanager/secret:Secret",
            "s",
            {"replicas": [{"region": "eu-west-1"}]},
            provider=AWS_UAE,
        ),
        "replicas[0].region 'eu-west-1'",
    ),
    bad(
        "RES-005",
        "aurora-global",
        Res(
            "aws:rds/globalCluster:GlobalCluster",
            "g",
            {"globalClusterIdentifier": "smp"},
            provider=AWS_UAE,
        ),
        "Aurora global database",
    ),
    # RES-006 -----------------------------------------------------------------
    ok(
        "RES-006",
        "copy-to-uae-vault",
        Res(
            "aws:backup/plan:Plan",
            "plan",
            {
                "rules": [
                    {
                        "ruleName": "daily",
                        "targetVaultName": "smp-vault",
                        "copyActions": [{"destinationVaultArn": VAULT_ARN_UAE}],
                    }
                ]
            },
            provider=AWS_UAE,
        ),
    ),
    ok(
        "RES-006",
        "no-copy-actions",
        Res(
            "aws:backup/plan:Plan",
            "plan",
            {"rules": [{"ruleName": "daily", "targetVaultName": "smp-vault"}]},
            provider=AWS_UAE,
        ),
    ),
    bad(
        "RES-006",
        "copy-to-bahrain",
        Res(
            "aws:backup/plan:Plan",
            "plan",
            {
                "rules": [
                    {
                        "ruleName": "daily",
                        "targetVaultName": "smp-vault",
                        "copyActions": [{"destinationVaultArn": VAULT_ARN_BAHRAIN}],
                    }
                ]
            },
            provider=AWS_UAE,
        ),
        "rules[0].copyActions[0] copies to",
        "me-south-1",
    ),
    bad(
        "RES-006",
        "copy-to-vault-name",
        Res(
            "aws:backup/plan:Plan",
            "plan",
            {
                "rules": [
                    {
                        "ruleName": "daily",
                        "targetVaultName": "smp-vault",
                        "copyActions": [{"destinationVaultArn": "smp-dr"}],
                    }
                ]
            },
            provider=AWS_UAE,
        ),
        "rules[0].copyActions[0]",
    ),
    bad(
        "RES-006",
        "rds-backup-replication-ireland",
        Res(
            "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication",
            "abr",
            {"sourceDbInstanceArn": "arn"},
            provider=AWS_IRELAND,
        ),
        "automated backups replicated to 'eu-west-1'",
    ),
    # RES-007 -----------------------------------------------------------------
    ok(
        "RES-007",
        "grs-pair-in-country",
        Res(
            "azure-native:storage:StorageAccount",
            "sa",
            {"location": "uaenorth", "sku": {"name": "Standard_GRS"}, "kind": "StorageV2"},
            provider=AZ_NORTH,
        ),
    ),
    ok(
        "RES-007",
        "zrs-anywhere-in",
        Res(
            "azure-native:storage:StorageAccount",
            "sa",
            {"location": "uaecentral", "sku": {"name": "Standard_ZRS"}},
            provider=AZ_NORTH,
        ),
    ),
    ok(
        "RES-007",
        "postgres-geo-backup-pair-in",
        Res(
            "azure-native:dbforpostgresql:Server",
            "pg",
            {
                "location": "uaenorth",
                "backup": {"geoRedundantBackup": "Enabled", "backupRetentionDays": 35.0},
            },
            provider=AZ_NORTH,
        ),
    ),
    bad(
        "RES-007",
        "grs-outside",
        Res(
            "azure-native:storage:StorageAccount",
            "sa",
            {"location": "westeurope", "sku": {"name": "Standard_RAGRS"}},
            provider=AZ_NORTH,
        ),
        "sku Standard_RAGRS",
        "'westeurope'",
    ),
    bad(
        "RES-007",
        "gzrs-no-location",
        Res("azure-native:storage:StorageAccount", "sa", {"sku": {"name": "Standard_GZRS"}}),
        "sku Standard_GZRS",
    ),
    bad(
        "RES-007",
        "sku-missing",
        Res(
            "azure-native:storage:StorageAccount", "sa", {"location": "uaenorth"}, provider=AZ_NORTH
        ),
        "sku.name is missing",
    ),
    bad(
        "RES-007",
        "postgres-geo-backup-outside",
        Res(
            "azure-native:dbforpostgresql:Server",
            "pg",
            {"location": "qatarcentral", "backup": {"geoRedundantBackup": "Enabled"}},
            provider=AZ_NORTH,
        ),
        "geo-redundant backup of 'qatarcentral'",
    ),
    bad(
        "RES-007",
        "recovery-vault-crr-outside",
        Res(
            "azure-native:recoveryservices:Vault",
            "rsv",
            {
                "location": "westeurope",
                "properties": {"redundancySettings": {"crossRegionRestore": "Enabled"}},
            },
            provider=AZ_NORTH,
        ),
        "cross-region restore from 'westeurope'",
    ),
    # RES-008 -----------------------------------------------------------------
    ok(
        "RES-008",
        "replica-uaecentral",
        Res(
            "azure-native:containerregistry:Replication",
            "acr-dr",
            {"location": "uaecentral", "registryName": "smpuaen"},
            provider=AZ_NORTH,
        ),
    ),
    bad(
        "RES-008",
        "replica-westeurope",
        Res(
            "azure-native:containerregistry:Replication",
            "acr-eu",
            {"location": "westeurope", "registryName": "smpuaen"},
            provider=AZ_NORTH,
        ),
        "ACR replica in 'westeurope'",
    ),
    bad(
        "RES-008",
        "replica-without-location",
        Res(
            "azure-native:containerregistry:Replication",
            "acr-x",
            {"registryName": "smpuaen"},
            provider=AZ_NORTH,
        ),
        "ACR replica in <missing>",
    ),
    # RES-009 -----------------------------------------------------------------
    ok(
        "RES-009",
        "diagnostics-to-uae-workspace",
        (
            WORKSPACE,
            CLUSTER_AKS,
            diagnostic_setting(
                "aks-audit",
                {"workspaceId": ("audit-ws",)},
                workspaceId=f"{RG}/providers/Microsoft.OperationalInsights/workspaces/audit-ws",
            ),
        ),
    ),
    ok(
        "RES-009",
        "flow-log-to-uae-log-group",
        (
            VPC,
            LOG_GROUP,
            Res(
                "aws:ec2/flowLog:FlowLog",
                "flow",
                {
                    "logDestination": f"arn:aws:logs:me-central-1:{ACCOUNT}:log-group:/smp/flow",
                    "trafficType": "ALL",
                    "vpcId": "vpc-1",
                },
                provider=AWS_UAE,
                deps={"logDestination": ("flow-logs",), "vpcId": ("vpc",)},
            ),
        ),
    ),
    ok(
        "RES-009",
        "subscription-filter-literal-uae-arn",
        (
            Res(
                "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter",
                "sub",
                {
                    "destinationArn": f"arn:aws:kinesis:me-central-1:{ACCOUNT}:stream/audit",
                    "logGroup": "/smp/flow",
                    "filterPattern": "",
                },
                provider=AWS_UAE,
            ),
        ),
    ),
    bad(
        "RES-009",
        "diagnostics-to-eu-workspace",
        (
            WORKSPACE_EU,
            CLUSTER_AKS,
            diagnostic_setting(
                "aks-audit",
                {"workspaceId": ("audit-ws-eu",)},
                workspaceId=f"{RG}/providers/Microsoft.OperationalInsights/workspaces/eu",
            ),
        ),
        "workspaceId delivers to audit-ws-eu",
        "'westeurope'",
    ),
    bad(
        "RES-009",
        "diagnostics-to-event-hub",
        (
            CLUSTER_AKS,
            diagnostic_setting(
                "aks-hub", {}, eventHubAuthorizationRuleId=f"{EVENT_HUB}/authorizationRules/send"
            ),
        ),
        "eventHubAuthorizationRuleId streams diagnostics",
    ),
    bad(
        "RES-009",
        "diagnostics-without-destination",
        (CLUSTER_AKS, diagnostic_setting("aks-none", {})),
        "DiagnosticSetting names no destination",
    ),
    bad(
        "RES-009",
        "flow-log-to-bahrain-log-group",
        (
            VPC,
            LOG_GROUP_BAHRAIN,
            Res(
                "aws:ec2/flowLog:FlowLog",
                "flow",
                {
                    "logDestination": f"arn:aws:logs:me-south-1:{ACCOUNT}:log-group:/smp/flow",
                    "trafficType": "ALL",
                    "vpcId": "vpc-1",
                },
                provider=AWS_UAE,
                deps={"logDestination": ("flow-logs-bh",), "vpcId": ("vpc",)},
            ),
        ),
        "logDestination delivers to flow-logs-bh",
        "'me-south-1'",
    ),
    bad(
        "RES-009",
        "subscription-filter-literal-bahrain-arn",
        (
            Res(
                "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter",
                "sub",
                {
                    "destinationArn": f"arn:aws:kinesis:me-south-1:{ACCOUNT}:stream/audit",
                    "logGroup": "/smp/flow",
                },
                provider=AWS_UAE,
            ),
        ),
        "destinationArn delivers to arn:aws:kinesis:me-south-1",
    ),
    bad(
        "RES-009",
        "firehose-to-http-endpoint",
        (
            Res(
                "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
                "fh",
                {
                    "destination": "http_endpoint",
                    "name": "smp-audit",
                    "httpEndpointConfiguration": {
                        "url": "https://logs.example.com/ingest",
                        "name": "siem",
                    },
                },
                provider=AWS_UAE,
            ),
        ),
        "httpEndpointConfiguration delivers to the external endpoint https://logs.example.com",
    ),
    bad(
        "RES-009",
        "trail-to-bahrain-log-group",
        (
            Res(
                "aws:cloudtrail/trail:Trail",
                "trail",
                {
                    "s3BucketName": "smp-audit",
                    "cloudWatchLogsGroupArn": f"arn:aws:logs:me-south-1:{ACCOUNT}:log-group:t:*",
                },
                provider=AWS_UAE,
            ),
        ),
        "cloudWatchLogsGroupArn delivers to arn:aws:logs:me-south-1",
    ),
    # Gap: a literal destination outside the stack is not provably in-country (see the report).
    bad(
        "RES-009",
        "trail-to-a-bucket-outside-the-stack",
        (
            Res(
                "aws:cloudtrail/trail:Trail",
                "trail",
                {"s3BucketName": "partner-central-audit-logs", "enableLogFileValidation": True},
                provider=AWS_UAE,
            ),
        ),
        "s3BucketName",
    ),
    # RES-010 -----------------------------------------------------------------
    ok("RES-010", "regional-bucket", BUCKET),
    ok(
        "RES-010",
        "allow-listed",
        Res("aws:cloudfront/distribution:Distribution", "cdn", {"enabled": True}, provider=AWS_UAE),
        config={"allowedGlobalServices": ["aws:cloudfront/distribution:Distribution"]},
    ),
    bad(
        "RES-010",
        "cloudfront",
        Res("aws:cloudfront/distribution:Distribution", "cdn", {"enabled": True}, provider=AWS_UAE),
        "aws:cloudfront/distribution:Distribution is a global service",
    ),
    bad(
        "RES-010",
        "multi-region-access-point",
        Res(
            "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint",
            "mrap",
            {"details": {"name": "smp", "regions": [{"bucket": "smp-models"}]}},
            provider=AWS_UAE,
        ),
        "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint is a global service",
    ),
    bad(
        "RES-010",
        "cdn-profile",
        Res(
            "azure-native:cdn:Profile",
            "afd",
            {
                "location": "global",
                "resourceGroupName": "smp",
                "sku": {"name": "Premium_AzureFrontDoor"},
            },
            provider=AZ_NORTH,
        ),
        "azure-native:cdn:Profile is a global service",
    ),
    bad(
        "RES-010",
        "global-accelerator",
        Res(
            "aws:globalaccelerator/accelerator:Accelerator",
            "ga",
            {"enabled": True},
            provider=AWS_UAE,
        ),
        "global service",
    ),
    bad(
        "RES-010",
        "front-door",
        Res("azure-native:cdn:AFDEndpoint", "fd", {"profileName": "p"}, provider=AZ_NORTH),
        "azure-native:cdn:AFDEndpoint is a global service",
    ),
    bad(
        "RES-010",
        "traffic-manager",
        Res(
            "azure-native:trafficmanager:Profile",
            "tm",
            {"location": "global", "trafficRoutingMethod": "Priority"},
            provider=AZ_NORTH,
        ),
        "azure-native:trafficmanager:Profile is a global service",
    ),
    bad(
        "RES-010",
        "classic-front-door",
        Res(
            "azure-native:frontdoor:FrontDoor",
            "fd-classic",
            {"location": "global", "frontDoorName": "smp"},
            provider=AZ_NORTH,
        ),
        "azure-native:frontdoor:FrontDoor is a global service",
    ),
]

# RES-011: default providers ----------------------------------------------------
AWS_DEFAULT = Res("pulumi:providers:aws", "default_7_51_1", {"region": "me-central-1"})
AWS_DEFAULT_UNVERSIONED = Res("pulumi:providers:aws", "default", {"region": "me-central-1"})
RANDOM_DEFAULT = Res("pulumi:providers:random", "default_4_21_4", {})
RANDOM_EXPLICIT = Res("pulumi:providers:random", "smp-aws-uae-prod-random", {})
PLATFORM = Res("smp:platform:SovereignPlatform", "smp-aws-uae-prod")


def _password(provider: Res) -> Res:
    return Res(
        "random:index/randomPassword:RandomPassword",
        "registry-admin",
        {"length": 32.0, "special": False},
        provider=provider,
    )


CASES += [
    ok("RES-011", "explicit-providers", (PLATFORM, BUCKET, _password(RANDOM_EXPLICIT))),
    # A provider someone named like one (not the engine's) is judged by name alone.
    ok(
        "RES-011",
        "provider-named-defaults-is-not-default",
        (
            Res(
                BUCKET.type,
                BUCKET.name,
                BUCKET.props,
                provider=Res("pulumi:providers:aws", "defaults-uae", {"region": "me-central-1"}),
            ),
        ),
    ),
    bad(
        "RES-011",
        "versioned-default-provider",
        (Res(BUCKET.type, BUCKET.name, BUCKET.props, provider=AWS_DEFAULT),),
        "models (aws:s3/bucket:Bucket) is managed by the default aws provider 'default_7_51_1'",
    ),
    bad(
        "RES-011",
        "unversioned-default-provider",
        (Res(BUCKET.type, BUCKET.name, BUCKET.props, provider=AWS_DEFAULT_UNVERSIONED),),
        "managed by the default aws provider 'default'",
    ),
    bad(
        "RES-011",
        "generated-secret-on-the-default-provider",
        (PLATFORM, BUCKET, _password(RANDOM_DEFAULT)),
        "registry-admin (random:index/randomPassword:RandomPassword) is managed by the default "
        "random provider 'default_4_21_4'",
    ),
]

# RES-012: every location a resource names ----------------------------------------
KEY_UAE = f"arn:aws:kms:me-central-1:{ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
KEY_IRELAND = f"arn:aws:kms:eu-west-1:{ACCOUNT}:key/mrk-1"


def _table(*replicas: dict) -> Res:
    return Res(
        "aws:dynamodb/table:Table",
        "features",
        {
            "name": "smp-features",
            "hashKey": "id",
            "billingMode": "PAY_PER_REQUEST",
            "attributes": [{"name": "id", "type": "S"}],
            "replicas": list(replicas),
            "tags": TAGS,
        },
        provider=AWS_UAE,
    )


def _replication(destination: str, deps: dict[str, tuple[str, ...]] | None = None) -> Res:
    return Res(
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
        "models-repl",
        {
            "bucket": "smp-models",
            "role": f"arn:aws:iam::{ACCOUNT}:role/replication",
            "rules": [{"id": "all", "status": "Enabled", "destination": {"bucket": destination}}],
        },
        provider=AWS_UAE,
        deps=deps or {},
    )


COPY_UAE = Res(
    "aws:s3/bucket:Bucket", "models-copy", {"bucket": "smp-models-copy"}, provider=AWS_UAE
)
COPY_IRELAND = Res(
    "aws:s3/bucket:Bucket", "models-copy", {"bucket": "smp-models-copy"}, provider=AWS_IRELAND
)


def _cosmos(*locations: str) -> Res:
    return Res(
        "azure-native:cosmosdb:DatabaseAccount",
        "features-cosmos",
        {
            "accountName": "smp-features",
            "resourceGroupName": "smp",
            "location": "uaenorth",
            "databaseAccountOfferType": "Standard",
            "locations": [
                {"locationName": loc, "failoverPriority": float(i)}
                for i, loc in enumerate(locations)
            ],
        },
        provider=AZ_NORTH,
    )


def _namespace(name: str, location: str) -> Res:
    return Res(
        "azure-native:eventhub:Namespace",
        name,
        {"namespaceName": name, "resourceGroupName": "smp", "location": location},
        provider=AZ_NORTH,
    )


def _disaster_recovery(partner: str, deps: dict[str, tuple[str, ...]] | None = None) -> Res:
    return Res(
        "azure-native:eventhub:DisasterRecoveryConfig",
        "ingest-alias",
        {
            "alias": "smp-ingest",
            "namespaceName": "ingest",
            "resourceGroupName": "smp",
            "partnerNamespace": partner,
        },
        provider=AZ_NORTH,
        deps=deps or {},
    )


PARTNER_ID = f"{RG}/providers/Microsoft.EventHub/namespaces/ingest-dr"
UNKNOWN_LOCATION = UNKNOWN_STRING_VALUE


def _stage(destination: str) -> Res:
    return Res(
        "aws:apigateway/stage:Stage",
        "api-prod",
        {
            "restApi": "abc123",
            "stageName": "prod",
            "deployment": "d1",
            "accessLogSettings": {"destinationArn": destination, "format": "$context.requestId"},
        },
        provider=AWS_UAE,
    )


CASES += [
    ok(
        "RES-012",
        "table-replica-key-in-country",
        (_table({"regionName": "me-central-1", "kmsKeyArn": KEY_UAE}),),
    ),
    bad(
        "RES-012",
        "table-replica-key-in-ireland",
        (_table({"regionName": "me-central-1", "kmsKeyArn": KEY_IRELAND}),),
        "replicas[0].kmsKeyArn names arn:aws:kms:eu-west-1",
        "region 'eu-west-1' is not allowed for aws",
    ),
    # The replica's own region is RES-005's to judge; reported there, once.
    ok("RES-012", "table-replica-region-is-res-005s", (_table({"regionName": "me-south-1"}),)),
    ok(
        "RES-012",
        "replication-to-a-bucket-of-the-stack-in-country",
        (COPY_UAE, _replication("arn:aws:s3:::smp-models-copy", {"rules": ("models-copy",)})),
    ),
    bad(
        "RES-012",
        "replication-to-a-bucket-in-ireland",
        (COPY_IRELAND, _replication("arn:aws:s3:::smp-models-copy", {"rules": ("models-copy",)})),
        "rules names models-copy (aws:s3/bucket:Bucket) in 'eu-west-1', outside United Arab",
    ),
    bad(
        "RES-012",
        "replication-to-a-bucket-outside-the-stack",
        (_replication("arn:aws:s3:::somewhere-else"),),
        "rules[0].destination.bucket names arn:aws:s3:::somewhere-else: an S3 ARN carries no "
        "region",
    ),
    ok("RES-012", "cosmos-locations-in-country", (_cosmos("uaenorth", "uaecentral"),)),
    bad(
        "RES-012",
        "cosmos-failover-to-west-europe",
        (_cosmos("uaenorth", "westeurope"),),
        "locations[1].locationName: region 'westeurope' is not allowed for azure",
    ),
    bad(
        "RES-012",
        "cosmos-location-unknown",
        (_cosmos("uaenorth", UNKNOWN_LOCATION),),
        "locations[1].locationName is not known at plan time",
    ),
    ok(
        "RES-012",
        "event-hub-partner-in-the-pair",
        (
            _namespace("ingest-dr", "uaecentral"),
            _disaster_recovery(PARTNER_ID, {"partnerNamespace": ("ingest-dr",)}),
        ),
    ),
    bad(
        "RES-012",
        "event-hub-partner-in-west-europe",
        (
            _namespace("ingest-dr", "westeurope"),
            _disaster_recovery(PARTNER_ID, {"partnerNamespace": ("ingest-dr",)}),
        ),
        "partnerNamespace names ingest-dr (azure-native:eventhub:Namespace) in 'westeurope'",
    ),
    bad(
        "RES-012",
        "event-hub-partner-outside-the-stack",
        (_disaster_recovery(PARTNER_ID),),
        f"partnerNamespace names '{PARTNER_ID}', which is not a resource of this stack",
    ),
    ok(
        "RES-012",
        "access-logs-to-a-log-group-in-country",
        (_stage(f"arn:aws:logs:me-central-1:{ACCOUNT}:log-group:/smp/api"),),
    ),
    bad(
        "RES-012",
        "access-logs-to-ireland",
        (_stage(f"arn:aws:logs:eu-west-1:{ACCOUNT}:log-group:/smp/api"),),
        "accessLogSettings.destinationArn names arn:aws:logs:eu-west-1",
    ),
    bad(
        "RES-012",
        "sts-in-bahrain",
        (AWS_UAE.with_props(stsRegion="me-south-1"),),
        "stsRegion: region 'me-south-1' (Bahrain",
    ),
    ok(
        "RES-012",
        "global-service-arn",
        (
            Res(
                "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                "attach",
                {"role": "r", "policyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"},
                provider=AWS_UAE,
            ),
        ),
    ),
]

# RES-019 (sector profile) ----------------------------------------------------------
# A bucket in Bahrain: RES-001 finds it; in a banking stack no exception may waive that.
BANK_BUCKET_BAHRAIN = Res(
    "aws:s3/bucket:Bucket",
    "models",
    {"bucket": "smp-models", "tags": BANKING_TAGS},
    provider=AWS_BAHRAIN,
)
WAIVE_ALL = {
    "exceptions": [{"resource": "*", "reason": "approved by the DPO", "expires": "2099-01-01"}]
}

CASES += [
    ok(
        "RES-019",
        "banking-in-country",
        (BUCKET.with_props(tags=BANKING_TAGS), LOG_GROUP.with_props(tags=BANKING_TAGS)),
    ),
    # The general sector accepts waivers: RES-001 reports (or waives) it, RES-019 does not.
    ok(
        "RES-019",
        "general-abroad-is-res-001s-business",
        (BANK_BUCKET_BAHRAIN.with_props(tags=GENERAL_TAGS),),
    ),
    bad(
        "RES-019",
        "banking-bucket-in-bahrain",
        (BANK_BUCKET_BAHRAIN,),
        "RES-001 finds:",
        "me-south-1",
        "sector 'banking' accepts no exception to it (cbuae-outsourcing:6.1",
    ),
    bad(
        "RES-019",
        "health-log-sink-abroad",
        (
            WORKSPACE_EU.with_props(tags={**BANKING_TAGS, "sector": "health"}),
            CLUSTER_AKS.with_props(tags={**BANKING_TAGS, "sector": "health"}),
            diagnostic_setting(
                "aks-audit",
                {"workspaceId": ("audit-ws-eu",)},
                workspaceId=f"{RG}/providers/Microsoft.OperationalInsights/workspaces/audit-ws-eu",
            ),
        ),
        "RES-009 finds:",
        "uae-health-ict:Art. 13",
    ),
    bad(
        "RES-019",
        "takes-no-exceptions-itself",
        (BANK_BUCKET_BAHRAIN,),
        "accepts no exceptions",
        "RES-001 finds:",
        config=WAIVE_ALL,
    ),
]

# RES-020 (the transfer record's verdict) -------------------------------------------
SOURCE_BUCKET = Res(
    "aws:s3/bucket:Bucket", "models", {"bucket": "smp-models", "tags": TAGS}, provider=AWS_UAE
)

CASES += [
    ok(
        "RES-020",
        "replication-to-a-uae-bucket",
        (
            SOURCE_BUCKET,
            COPY_UAE,
            _replication(
                "arn:aws:s3:::smp-models-copy", {"bucket": ("models",), "rules": ("models-copy",)}
            ),
        ),
    ),
    ok(
        "RES-020",
        "diagnostics-to-an-in-country-workspace",
        (
            CLUSTER_AKS,
            WORKSPACE,
            diagnostic_setting(
                "aks-audit",
                {"workspaceId": ("audit-ws",)},
                workspaceId=f"{RG}/providers/Microsoft.OperationalInsights/workspaces/audit-ws",
            ),
        ),
    ),
    bad(
        "RES-020",
        "replication-to-ireland",
        (
            SOURCE_BUCKET,
            COPY_IRELAND,
            _replication(
                "arn:aws:s3:::smp-models-copy", {"bucket": ("models",), "rules": ("models-copy",)}
            ),
        ),
        "replication from smp-models to smp-models-copy leaves United Arab Emirates",
        "eu-west-1",
    ),
    bad(
        "RES-020",
        "replication-to-a-bucket-outside-the-stack",
        (SOURCE_BUCKET, _replication("arn:aws:s3:::someone-elses-bucket", {"bucket": ("models",)})),
        "cannot be proven to be in United Arab Emirates",
    ),
    bad(
        "RES-020",
        "log-sink-abroad",
        (
            CLUSTER_AKS,
            WORKSPACE_EU,
            diagnostic_setting(
                "aks-audit",
                {"workspaceId": ("audit-ws-eu",)},
                workspaceId=f"{RG}/providers/Microsoft.OperationalInsights/workspaces/audit-ws-eu",
            ),
        ),
        "log sink from",
        "westeurope",
    ),
]

# The event stream (issue 15): MSK, Event Hubs, MSK Replicator and MSK Connect.
CASES += [
    # RES-013 (issue 15) ------------------------------------------------------------
    ok("RES-013", "replicator-between-uae-clusters", replicator(MSK_ARN_UAE, MSK_ARN_UAE)),
    bad(
        "RES-013",
        "replicator-to-ireland",
        replicator(MSK_ARN_UAE, MSK_ARN_IRELAND),
        "kafkaClusters[1]",
        "eu-west-1",
    ),
    bad(
        "RES-013",
        "replicator-to-unknown-cluster",
        replicator(MSK_ARN_UAE, UNKNOWN_STRING_VALUE),
        "known at plan time",
    ),
    # RES-014 -------------------------------------------------------------------------
    ok("RES-014", "no-geo-copies", (NAMESPACE,)),
    ok(
        "RES-014",
        "paired-in-country",
        (NAMESPACE, NAMESPACE_CENTRAL, geo_pairing("stream-namespace-dr")),
    ),
    bad(
        "RES-014",
        "paired-with-westeurope",
        (NAMESPACE, NAMESPACE_EU, geo_pairing("stream-namespace-eu")),
        "stream-namespace-eu",
        "westeurope",
    ),
    bad(
        "RES-014",
        "paired-outside-the-plan",
        (NAMESPACE, geo_pairing()),
        "not a namespace of this stack",
    ),
    # RES-015 -------------------------------------------------------------------------
    ok(
        "RES-015",
        "s3-sink-in-uae",
        connector(
            **{
                "connector.class": "io.confluent.connect.s3.S3SinkConnector",
                "s3.region": "me-central-1",
                "s3.bucket.name": "smp-curated",
            }
        ),
    ),
    bad(
        "RES-015",
        "s3-sink-in-ireland",
        connector(
            **{
                "connector.class": "io.confluent.connect.s3.S3SinkConnector",
                "s3.region": "eu-west-1",
                "s3.bucket.name": "smp-eu",
            }
        ),
        "s3.region",
        "eu-west-1",
    ),
    bad(
        "RES-015",
        "s3-sink-without-region",
        connector(
            **{
                "connector.class": "io.confluent.connect.s3.S3SinkConnector",
                "s3.bucket.name": "smp-somewhere",
            }
        ),
        "states no region",
    ),
    bad(
        "RES-015",
        "endpoint-in-bahrain",
        connector(
            **{
                "connector.class": "com.example.HttpSinkConnector",
                "http.api.url": "https://ingest.me-south-1.example.com/events",
            }
        ),
        "me-south-1",
    ),
]

# RES-016: the permissions boundary denies every region abroad --------------------------
_GLOBAL = ["cloudfront:*", "iam:*", "organizations:*", "route53:*", "support:*"]


def _region_deny(regions: list[str], not_action: list[str] | None = None, **extra: object) -> dict:
    return {
        "Sid": "DenyOutsideTheJurisdiction",
        "Effect": "Deny",
        "NotAction": not_action if not_action is not None else _GLOBAL,
        "Resource": "*",
        "Condition": {"StringNotEquals": {"aws:RequestedRegion": regions}},
        **extra,
    }


def _boundary(*statements: dict, path: str = "/smp-boundary/") -> Res:
    document = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}, *statements],
    }
    return Res(
        "aws:iam/policy:Policy",
        "role-boundary",
        {"name": "smp-role-boundary", "path": path, "policy": json.dumps(document)},
        provider=AWS_UAE,
    )


CASES += [
    ok(
        "RES-016", "boundary-denies-outside-me-central-1", _boundary(_region_deny(["me-central-1"]))
    ),
    ok(
        "RES-016",
        "a-grant-policy-is-not-a-boundary",
        _boundary(path="/"),
    ),
    bad(
        "RES-016",
        "boundary-without-a-region-deny",
        _boundary(),
        "no statement denies every action outside the jurisdiction's regions",
    ),
    bad(
        "RES-016",
        "boundary-allows-bahrain",
        _boundary(_region_deny(["me-central-1", "me-south-1"])),
        "allows me-south-1, outside the jurisdiction",
    ),
    bad(
        "RES-016",
        "boundary-exempts-more-than-global-services",
        _boundary(_region_deny(["me-central-1"], [*_GLOBAL, "s3:*"])),
        "NotAction exempts s3:*, not documented global",
    ),
    bad(
        "RES-016",
        "boundary-unreadable",
        Res(
            "aws:iam/policy:Policy",
            "role-boundary",
            {"name": "smp-role-boundary", "path": "/smp-boundary/", "policy": "{not json"},
            provider=AWS_UAE,
        ),
        "not valid JSON",
    ),
]
