"""The event-stream resources the rule tables share (issue 15): an MSK cluster and an
Event Hubs namespace as the platform declares them, and the pieces around them."""

from __future__ import annotations

from tests.policies.builders import (
    ACCOUNT,
    AWS_UAE,
    AZ_NORTH,
    AZ_WESTEUROPE,
    KEY_ARN,
    RG,
    TAGS,
    VAULT_KEY_ID,
    Res,
)

MSK_LOG_GROUP = Res(
    "aws:cloudwatch/logGroup:LogGroup",
    "stream-broker-logs",
    {"name": "/smp/msk/stream/brokers", "retentionInDays": 365.0, "kmsKeyId": KEY_ARN},
    provider=AWS_UAE,
)
MSK_CLUSTER = Res(
    "aws:msk/cluster:Cluster",
    "stream",
    {
        "clusterName": "stream",
        "kafkaVersion": "3.6.0",
        "numberOfBrokerNodes": 3.0,
        "brokerNodeGroupInfo": {
            "instanceType": "kafka.m5.large",
            "clientSubnets": ["subnet-a", "subnet-b", "subnet-c"],
            "securityGroups": ["sg-brokers"],
            "connectivityInfo": {"publicAccess": {"type": "DISABLED"}},
        },
        "clientAuthentication": {"sasl": {"iam": True, "scram": False}, "unauthenticated": False},
        "encryptionInfo": {
            "encryptionAtRestKmsKeyArn": KEY_ARN,
            "encryptionInTransit": {"clientBroker": "TLS", "inCluster": True},
        },
        "loggingInfo": {
            "brokerLogs": {
                "cloudwatchLogs": {"enabled": True, "logGroup": "/smp/msk/stream/brokers"},
                "firehose": {"enabled": False},
                "s3": {"enabled": False},
            }
        },
        "tags": TAGS,
    },
    provider=AWS_UAE,
    deps={"loggingInfo": ("stream-broker-logs",)},
)
# The same cluster, its log group not part of the plan.
MSK_CLUSTER_ALONE = Res(MSK_CLUSTER.type, MSK_CLUSTER.name, MSK_CLUSTER.props, AWS_UAE)
MSK_ARN_UAE = f"arn:aws:kafka:me-central-1:{ACCOUNT}:cluster/stream/0f1e2d3c-1"
MSK_ARN_IRELAND = f"arn:aws:kafka:eu-west-1:{ACCOUNT}:cluster/stream-eu/0f1e2d3c-2"


def replicator(*cluster_arns: str) -> Res:
    """An MSK Replicator between the clusters named by ARN."""
    return Res(
        "aws:msk/replicator:Replicator",
        "replicator",
        {
            "replicatorName": "replicator",
            "kafkaClusters": [{"amazonMskCluster": {"mskClusterArn": a}} for a in cluster_arns],
            "tags": TAGS,
        },
        provider=AWS_UAE,
    )


def connector(**configuration: str) -> Res:
    """An MSK Connect connector with `configuration` (keys with dots passed as a dict)."""
    return Res(
        "aws:mskconnect/connector:Connector",
        "sink",
        {
            "name": "sink",
            "connectorConfiguration": dict(configuration),
            "kafkaClusterEncryptionInTransit": {"encryptionType": "TLS"},
            "tags": TAGS,
        },
        provider=AWS_UAE,
    )


NAMESPACE = Res(
    "azure-native:eventhub:Namespace",
    "stream-namespace",
    {
        "namespaceName": "evhns-uaen-ingestion",
        "location": "uaenorth",
        "resourceGroupName": "smp",
        "sku": {"name": "Premium", "tier": "Premium", "capacity": 1.0},
        "disableLocalAuth": True,
        "publicNetworkAccess": "Disabled",
        "minimumTlsVersion": "1.2",
        "encryption": {
            "keySource": "Microsoft.KeyVault",
            "requireInfrastructureEncryption": True,
            "keyVaultProperties": [
                {"keyName": "streaming-cmk", "keyVaultUri": VAULT_KEY_ID.split("/keys/")[0]}
            ],
        },
        "tags": TAGS,
    },
    provider=AZ_NORTH,
)
NAMESPACE_EU = Res(
    "azure-native:eventhub:Namespace",
    "stream-namespace-eu",
    {**NAMESPACE.props, "namespaceName": "evhns-weu", "location": "westeurope"},
    provider=AZ_WESTEUROPE,
)
NAMESPACE_CENTRAL = Res(
    "azure-native:eventhub:Namespace",
    "stream-namespace-dr",
    {**NAMESPACE.props, "namespaceName": "evhns-uaec", "location": "uaecentral"},
    provider=AZ_NORTH,
)
NETWORK_RULES = Res(
    "azure-native:eventhub:NamespaceNetworkRuleSet",
    "stream-network-rules",
    {
        "namespaceName": "evhns-uaen-ingestion",
        "resourceGroupName": "smp",
        "defaultAction": "Deny",
        "publicNetworkAccess": "Disabled",
        "trustedServiceAccessEnabled": False,
        "ipRules": [],
    },
    provider=AZ_NORTH,
)
NAMESPACE_ID = f"{RG}/providers/Microsoft.EventHub/namespaces/evhns-uaen-ingestion"


def private_endpoint(group: str = "namespace") -> Res:
    """A private endpoint to the namespace for `group`."""
    return Res(
        "azure-native:network:PrivateEndpoint",
        "stream-pe",
        {
            "location": "uaenorth",
            "resourceGroupName": "smp",
            "privateLinkServiceConnections": [
                {"name": "stream", "privateLinkServiceId": NAMESPACE_ID, "groupIds": [group]}
            ],
            "tags": TAGS,
        },
        provider=AZ_NORTH,
        deps={"privateLinkServiceConnections": ("stream-namespace",)},
    )


def diagnostics(workspace: bool = True) -> Res:
    """A diagnostic setting on the namespace (to a workspace, or only to a storage account)."""
    target = (
        {"workspaceId": f"{RG}/providers/Microsoft.OperationalInsights/workspaces/audit"}
        if workspace
        else {"storageAccountId": f"{RG}/providers/Microsoft.Storage/storageAccounts/logs"}
    )
    return Res(
        "azure-native:monitor:DiagnosticSetting",
        "stream-diagnostics",
        {
            "name": "stream",
            "resourceUri": NAMESPACE_ID,
            "logs": [{"categoryGroup": "allLogs", "enabled": True}],
            **target,
        },
        provider=AZ_NORTH,
        deps={"resourceUri": ("stream-namespace",)},
    )


def geo_pairing(*partners: str) -> Res:
    """An Event Hubs geo-DR pairing with the namespaces named (their Pulumi names)."""
    return Res(
        "azure-native:eventhub:DisasterRecoveryConfig",
        "stream-geo-dr",
        {
            "alias": "stream",
            "namespaceName": "evhns-uaen-ingestion",
            "resourceGroupName": "smp",
            "partnerNamespace": f"{RG}/providers/Microsoft.EventHub/namespaces/partner",
        },
        provider=AZ_NORTH,
        deps={"partnerNamespace": partners} if partners else {},
    )
