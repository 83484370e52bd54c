"""Network-exposure rules (NET-*): compliant and non-compliant cases."""

from __future__ import annotations

from typing import Any

from tests.policies.builders import (
    AWS_UAE,
    AZ_NORTH,
    KEY_ARN,
    TAGS,
    Case,
    Res,
    bad,
    ok,
    patched,
)
from tests.policies.stream_fixtures import (
    MSK_CLUSTER,
    NAMESPACE,
    NETWORK_RULES,
    private_endpoint,
)

EKS = Res(
    "aws:eks/cluster:Cluster",
    "eks",
    {
        "name": "smp-aws-uae-prod",
        "version": "1.31",
        "vpcConfig": {
            "subnetIds": ["subnet-a", "subnet-b"],
            "endpointPrivateAccess": True,
            "endpointPublicAccess": False,
        },
    },
    provider=AWS_UAE,
)
AKS = Res(
    "azure-native:containerservice:ManagedCluster",
    "aks",
    {
        "location": "uaenorth",
        "resourceGroupName": "smp",
        "apiServerAccessProfile": {"enablePrivateCluster": True, "privateDNSZone": "system"},
        "agentPoolProfiles": [{"name": "system", "mode": "System", "enableNodePublicIP": False}],
    },
    provider=AZ_NORTH,
)

SG_TYPE = "aws:ec2/securityGroup:SecurityGroup"


def security_group(*ingress: dict) -> Res:
    return Res(
        SG_TYPE,
        "db-sg",
        {
            "vpcId": "vpc-1",
            "description": "registry db",
            "ingress": list(ingress),
            "egress": [
                {"protocol": "-1", "fromPort": 0.0, "toPort": 0.0, "cidrBlocks": ["0.0.0.0/0"]}
            ],
        },
        provider=AWS_UAE,
    )


def _nsg(*rules: dict) -> Res:
    return Res(
        "azure-native:network:NetworkSecurityGroup",
        "nodes-nsg",
        {"location": "uaenorth", "resourceGroupName": "smp", "securityRules": list(rules)},
        provider=AZ_NORTH,
    )


def _nsg_rule(
    name: str, source: str, access: str = "Allow", direction: str = "Inbound", **extra: object
) -> dict:
    return {
        "name": name,
        "priority": 100.0,
        "direction": direction,
        "access": access,
        "protocol": "Tcp",
        "sourceAddressPrefix": source,
        "sourcePortRange": "*",
        "destinationAddressPrefix": "VirtualNetwork",
        "destinationPortRange": "443",
        **extra,
    }


BUCKET = Res(
    "aws:s3/bucket:Bucket", "models", {"bucket": "smp-models", "tags": TAGS}, provider=AWS_UAE
)
PAB_TYPE = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"
PAB = Res(
    PAB_TYPE,
    "models-pab",
    {
        "bucket": "smp-models",
        "blockPublicAcls": True,
        "blockPublicPolicy": True,
        "ignorePublicAcls": True,
        "restrictPublicBuckets": True,
    },
    provider=AWS_UAE,
    deps={"bucket": ("models",)},
)

STORAGE = Res(
    "azure-native:storage:StorageAccount",
    "features",
    {
        "location": "uaenorth",
        "resourceGroupName": "smp",
        "kind": "StorageV2",
        "publicNetworkAccess": "Disabled",
        "allowBlobPublicAccess": False,
        "networkRuleSet": {"defaultAction": "Deny"},
    },
    provider=AZ_NORTH,
)
ACR = Res(
    "azure-native:containerregistry:Registry",
    "acr",
    {
        "location": "uaenorth",
        "resourceGroupName": "smp",
        "sku": {"name": "Premium"},
        "publicNetworkAccess": "Disabled",
        "anonymousPullEnabled": False,
    },
    provider=AZ_NORTH,
)
LAUNCH_TEMPLATE = Res(
    "aws:ec2/launchTemplate:LaunchTemplate",
    "gpu-lt",
    {
        "namePrefix": "smp-gpu-",
        "networkInterfaces": [{"associatePublicIpAddress": "false", "deviceIndex": 0.0}],
        "blockDeviceMappings": [
            {"deviceName": "/dev/xvda", "ebs": {"encrypted": "true", "kmsKeyId": KEY_ARN}}
        ],
    },
    provider=AWS_UAE,
)


def _subnet(name: str, public: bool) -> Res:
    return Res(
        "aws:ec2/subnet:Subnet",
        name,
        {
            "vpcId": "vpc-1",
            "cidrBlock": "10.40.0.0/20",
            "availabilityZone": "me-central-1a",
            "mapPublicIpOnLaunch": public,
        },
        provider=AWS_UAE,
    )


def _node_group(*subnets: str) -> Res:
    return Res(
        "aws:eks/nodeGroup:NodeGroup",
        "gpu-pool",
        {
            "clusterName": "smp-aws-uae-prod",
            "subnetIds": [f"subnet-{s}" for s in subnets],
            "scalingConfig": {"minSize": 0.0, "maxSize": 4.0, "desiredSize": 0.0},
        },
        provider=AWS_UAE,
        deps={"subnetIds": subnets},
    )


CASES: list[Case] = [
    # NET-001 -----------------------------------------------------------------
    ok("NET-001", "eks-private", EKS),
    ok(
        "NET-001",
        "eks-public-allow-listed",
        patched(
            patched(EKS, "vpcConfig.endpointPublicAccess", True),
            "vpcConfig.publicAccessCidrs",
            ["203.0.113.0/24"],
        ),
    ),
    ok("NET-001", "aks-private", AKS),
    ok(
        "NET-001",
        "aks-authorized-ranges",
        patched(
            AKS,
            "apiServerAccessProfile",
            {"enablePrivateCluster": False, "authorizedIPRanges": ["203.0.113.0/24"]},
        ),
    ),
    bad(
        "NET-001",
        "eks-public-default",
        patched(EKS, "vpcConfig", {"subnetIds": ["subnet-a"]}),
        "vpcConfig.endpointPrivateAccess is not true",
        "vpcConfig.endpointPublicAccess is not set",
    ),
    bad(
        "NET-001",
        "eks-public-to-internet",
        patched(
            patched(EKS, "vpcConfig.endpointPublicAccess", True),
            "vpcConfig.publicAccessCidrs",
            ["0.0.0.0/0"],
        ),
        "publicAccessCidrs",
    ),
    bad(
        "NET-001",
        "eks-public-no-cidrs",
        patched(EKS, "vpcConfig.endpointPublicAccess", True),
        "open to the whole Internet (publicAccessCidrs)",
    ),
    bad(
        "NET-001",
        "aks-public",
        patched(AKS, "apiServerAccessProfile", {"enablePrivateCluster": False}),
        "apiServerAccessProfile.enablePrivateCluster is not true",
    ),
    bad(
        "NET-001",
        "aks-open-ranges",
        patched(AKS, "apiServerAccessProfile", {"authorizedIPRanges": ["0.0.0.0/0"]}),
        "apiServerAccessProfile.enablePrivateCluster",
    ),
    # NET-002 -----------------------------------------------------------------
    ok(
        "NET-002",
        "sg-from-vpc",
        security_group(
            {
                "protocol": "tcp",
                "fromPort": 5432.0,
                "toPort": 5432.0,
                "cidrBlocks": ["10.40.0.0/16"],
            }
        ),
    ),
    ok(
        "NET-002",
        "sg-rule-egress-anywhere",
        Res(
            "aws:ec2/securityGroupRule:SecurityGroupRule",
            "egress",
            {
                "type": "egress",
                "protocol": "-1",
                "fromPort": 0.0,
                "toPort": 0.0,
                "cidrBlocks": ["0.0.0.0/0"],
                "securityGroupId": "sg-1",
            },
            provider=AWS_UAE,
        ),
    ),
    ok(
        "NET-002",
        "ingress-rule-from-sg",
        Res(
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            "from-eks",
            {
                "securityGroupId": "sg-db",
                "referencedSecurityGroupId": "sg-eks",
                "ipProtocol": "tcp",
                "fromPort": 5432.0,
                "toPort": 5432.0,
            },
            provider=AWS_UAE,
        ),
    ),
    ok(
        "NET-002",
        "nsg-vnet-and-deny",
        _nsg(
            _nsg_rule("vnet-https", "VirtualNetwork"),
            _nsg_rule("deny-internet", "Internet", access="Deny", priority=4096.0),
            _nsg_rule("out-any", "*", direction="Outbound"),
        ),
    ),
    bad(
        "NET-002",
        "sg-open-ipv4",
        security_group(
            {
                "protocol": "tcp",
                "fromPort": 22.0,
                "toPort": 22.0,
                "cidrBlocks": ["10.0.0.0/8", "0.0.0.0/0"],
            }
        ),
        "ingress[0] admits the whole Internet",
    ),
    bad(
        "NET-002",
        "sg-open-ipv6",
        security_group(
            {"protocol": "tcp", "fromPort": 5432.0, "toPort": 5432.0, "cidrBlocks": ["10.0.0.0/8"]},
            {"protocol": "tcp", "fromPort": 443.0, "toPort": 443.0, "ipv6CidrBlocks": ["::/0"]},
        ),
        "ingress[1] admits the whole Internet",
    ),
    bad(
        "NET-002",
        "default-sg-open",
        Res(
            "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
            "default",
            {
                "vpcId": "vpc-1",
                "ingress": [
                    {"protocol": "-1", "fromPort": 0.0, "toPort": 0.0, "cidrBlocks": ["0.0.0.0/0"]}
                ],
            },
            provider=AWS_UAE,
        ),
        "ingress[0]",
    ),
    bad(
        "NET-002",
        "sg-rule-open",
        Res(
            "aws:ec2/securityGroupRule:SecurityGroupRule",
            "ssh",
            {
                "type": "ingress",
                "protocol": "tcp",
                "fromPort": 22.0,
                "toPort": 22.0,
                "cidrBlocks": ["0.0.0.0/0"],
                "securityGroupId": "sg-1",
            },
            provider=AWS_UAE,
        ),
        "the ingress rule admits the whole Internet",
    ),
    bad(
        "NET-002",
        "ingress-rule-cidr-ipv4",
        Res(
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            "https",
            {
                "securityGroupId": "sg-1",
                "cidrIpv4": "0.0.0.0/0",
                "ipProtocol": "tcp",
                "fromPort": 443.0,
                "toPort": 443.0,
            },
            provider=AWS_UAE,
        ),
        "cidrIpv4 admits the whole Internet",
    ),
    bad(
        "NET-002",
        "nsg-from-internet",
        _nsg(_nsg_rule("vnet", "VirtualNetwork"), _nsg_rule("web", "Internet")),
        "securityRules[1] allows inbound traffic from the Internet",
    ),
    bad(
        "NET-002",
        "nsg-from-prefix-list",
        _nsg(_nsg_rule("web", "", sourceAddressPrefixes=["10.0.0.0/8", "0.0.0.0/0"])),
        "securityRules[0] allows inbound",
    ),
    bad(
        "NET-002",
        "security-rule-any",
        Res(
            "azure-native:network:SecurityRule",
            "ssh",
            {
                "networkSecurityGroupName": "nodes-nsg",
                "resourceGroupName": "smp",
                **_nsg_rule("ssh", "*"),
            },
            provider=AZ_NORTH,
        ),
        "allows inbound traffic from the Internet",
    ),
    # NET-003 -----------------------------------------------------------------
    ok("NET-003", "bucket-blocked", (BUCKET, PAB)),
    ok(
        "NET-003",
        "private-acl",
        (
            BUCKET,
            PAB,
            Res(
                "aws:s3/bucketAclV2:BucketAclV2",
                "models-acl",
                {"bucket": "smp-models", "acl": "private"},
                provider=AWS_UAE,
                deps={"bucket": ("models",)},
            ),
        ),
    ),
    bad("NET-003", "no-block", (BUCKET,), "bucket models has no full public-access block"),
    bad(
        "NET-003",
        "partial-block",
        (BUCKET, PAB.with_props(blockPublicPolicy=False, restrictPublicBuckets=None)),
        "blockPublicPolicy, restrictPublicBuckets not true",
        "bucket models has no full public-access block",
    ),
    bad(
        "NET-003",
        "public-read-acl",
        (
            BUCKET,
            PAB,
            Res(
                "aws:s3/bucketAclV2:BucketAclV2",
                "models-acl",
                {"bucket": "smp-models", "acl": "public-read"},
                provider=AWS_UAE,
                deps={"bucket": ("models",)},
            ),
        ),
        "ACL public-read makes the bucket public",
    ),
    # NET-004 -----------------------------------------------------------------
    ok(
        "NET-004",
        "rds-private",
        Res(
            "aws:rds/instance:Instance",
            "db",
            {"engine": "postgres", "publiclyAccessible": False},
            provider=AWS_UAE,
        ),
    ),
    ok("NET-004", "storage-private", STORAGE),
    ok("NET-004", "acr-private", ACR),
    ok(
        "NET-004",
        "vault-private",
        Res(
            "azure-native:keyvault:Vault",
            "kv",
            {"location": "uaenorth", "properties": {"publicNetworkAccess": "Disabled"}},
            provider=AZ_NORTH,
        ),
    ),
    ok(
        "NET-004",
        "postgres-private",
        Res(
            "azure-native:dbforpostgresql:Server",
            "pg",
            {
                "location": "uaenorth",
                "network": {
                    "publicNetworkAccess": "Disabled",
                    "delegatedSubnetResourceId": "subnet",
                },
            },
            provider=AZ_NORTH,
        ),
    ),
    ok(
        "NET-004",
        "redis-private",
        Res(
            "azure-native:redis:Redis",
            "redis",
            {"location": "uaenorth", "publicNetworkAccess": "Disabled"},
            provider=AZ_NORTH,
        ),
    ),
    ok(
        "NET-004",
        "container-private",
        Res(
            "azure-native:storage:BlobContainer",
            "offline",
            {"accountName": "smpfeatures", "containerName": "offline", "publicAccess": "None"},
            provider=AZ_NORTH,
        ),
    ),
    ok(
        "NET-004",
        "aurora-private",
        Res(
            "aws:rds/cluster:Cluster",
            "aurora",
            {"engine": "aurora-postgresql", "dbSubnetGroupName": "smp-private"},
            provider=AWS_UAE,
        ),
    ),
    ok("NET-004", "aks-judged-by-net-001-instead", AKS),
    bad(
        "NET-004",
        "aurora-public",
        Res(
            "aws:rds/cluster:Cluster",
            "aurora",
            {"engine": "aurora-postgresql", "publiclyAccessible": True},
            provider=AWS_UAE,
        ),
        "publiclyAccessible is true",
    ),
    bad(
        "NET-004",
        "rds-public",
        Res(
            "aws:rds/instance:Instance",
            "db",
            {"engine": "postgres", "publiclyAccessible": True},
            provider=AWS_UAE,
        ),
        "publiclyAccessible is true",
    ),
    bad(
        "NET-004",
        "storage-public",
        STORAGE.with_props(publicNetworkAccess="Enabled", allowBlobPublicAccess=None),
        "publicNetworkAccess is not Disabled",
        "allowBlobPublicAccess is not false",
    ),
    bad(
        "NET-004",
        "acr-anonymous-pull",
        ACR.with_props(anonymousPullEnabled=True),
        "anonymousPullEnabled is true",
    ),
    bad(
        "NET-004",
        "acr-public-default",
        ACR.with_props(publicNetworkAccess=None),
        "publicNetworkAccess is not Disabled",
    ),
    bad(
        "NET-004",
        "vault-public",
        Res(
            "azure-native:keyvault:Vault",
            "kv",
            {"location": "uaenorth", "properties": {"publicNetworkAccess": "Enabled"}},
            provider=AZ_NORTH,
        ),
        "properties.publicNetworkAccess is not Disabled",
    ),
    bad(
        "NET-004",
        "postgres-public",
        Res(
            "azure-native:dbforpostgresql:Server",
            "pg",
            {"location": "uaenorth", "network": {"publicNetworkAccess": "Enabled"}},
            provider=AZ_NORTH,
        ),
        "network.publicNetworkAccess is not Disabled",
    ),
    bad(
        "NET-004",
        "redis-public",
        Res("azure-native:redis:Redis", "redis", {"location": "uaenorth"}, provider=AZ_NORTH),
        "publicNetworkAccess is not Disabled",
    ),
    bad(
        "NET-004",
        "container-blob-public",
        Res(
            "azure-native:storage:BlobContainer",
            "web",
            {"accountName": "smpfeatures", "containerName": "web", "publicAccess": "Blob"},
            provider=AZ_NORTH,
        ),
        "publicAccess is 'Blob'",
    ),
    # NET-005 -----------------------------------------------------------------
    ok("NET-005", "launch-template-private", LAUNCH_TEMPLATE),
    ok("NET-005", "aks-pools-private", AKS),
    ok(
        "NET-005",
        "agent-pool-private",
        Res(
            "azure-native:containerservice:AgentPool",
            "gpu",
            {"resourceName": "aks", "enableNodePublicIP": False},
            provider=AZ_NORTH,
        ),
    ),
    bad(
        "NET-005",
        "launch-template-public-ip",
        LAUNCH_TEMPLATE.with_props(
            networkInterfaces=[{"associatePublicIpAddress": "true", "deviceIndex": 0.0}]
        ),
        "networkInterfaces[0].associatePublicIpAddress is true",
    ),
    bad(
        "NET-005",
        "launch-template-public-ip-bool",
        LAUNCH_TEMPLATE.with_props(networkInterfaces=[{"associatePublicIpAddress": True}]),
        "networkInterfaces[0].associatePublicIpAddress is true",
    ),
    bad(
        "NET-005",
        "aks-pool-public-ip",
        patched(
            AKS,
            "agentPoolProfiles",
            [
                {"name": "system", "enableNodePublicIP": False},
                {"name": "gpu", "enableNodePublicIP": True},
            ],
        ),
        "agentPoolProfiles[1].enableNodePublicIP is true",
    ),
    bad(
        "NET-005",
        "agent-pool-public-ip",
        Res(
            "azure-native:containerservice:AgentPool",
            "gpu",
            {"resourceName": "aks", "enableNodePublicIP": True},
            provider=AZ_NORTH,
        ),
        "enableNodePublicIP is true",
    ),
    # NET-006 -----------------------------------------------------------------
    ok(
        "NET-006",
        "private-subnets",
        (
            _subnet("private-a", False),
            _subnet("private-b", False),
            _node_group("private-a", "private-b"),
        ),
    ),
    bad(
        "NET-006",
        "public-subnet",
        (
            _subnet("private-a", False),
            _subnet("public-a", True),
            _node_group("private-a", "public-a"),
        ),
        "node group gpu-pool uses public subnet public-a",
    ),
]

# The event stream (issue 15): MSK, Event Hubs, MSK Replicator and MSK Connect.
CASES += [
    # NET-007 (issue 15) ------------------------------------------------------------
    ok("NET-007", "msk-private", MSK_CLUSTER),
    bad(
        "NET-007",
        "msk-public",
        MSK_CLUSTER.with_props(
            brokerNodeGroupInfo={
                **MSK_CLUSTER.props["brokerNodeGroupInfo"],
                "connectivityInfo": {"publicAccess": {"type": "SERVICE_PROVIDED_EIPS"}},
            },
            clientAuthentication={"sasl": {"iam": True}, "unauthenticated": True},
        ),
        "'SERVICE_PROVIDED_EIPS'",
        "unauthenticated is not false",
    ),
    bad(
        "NET-007",
        "msk-public-access-unstated",
        MSK_CLUSTER.with_props(
            brokerNodeGroupInfo={"instanceType": "kafka.m5.large", "clientSubnets": ["s"]}
        ),
        "state DISABLED",
    ),
    # NET-008 -------------------------------------------------------------------------
    ok("NET-008", "event-hubs-private", NAMESPACE),
    ok("NET-008", "rules-deny", NETWORK_RULES),
    bad(
        "NET-008",
        "event-hubs-public",
        NAMESPACE.with_props(publicNetworkAccess="Enabled"),
        "'Enabled', not Disabled",
    ),
    bad(
        "NET-008",
        "rules-open",
        NETWORK_RULES.with_props(
            defaultAction="Allow",
            publicNetworkAccess="Enabled",
            ipRules=[{"ipMask": "0.0.0.0/0", "action": "Allow"}],
            trustedServiceAccessEnabled=True,
        ),
        "defaultAction is not Deny",
        "ipRules",
        "trustedServiceAccessEnabled",
    ),
    # NET-009 -------------------------------------------------------------------------
    ok("NET-009", "event-hubs-endpoint", (NAMESPACE, private_endpoint())),
    bad("NET-009", "event-hubs-no-endpoint", (NAMESPACE,), "no private endpoint"),
    bad(
        "NET-009",
        "endpoint-for-another-group",
        (NAMESPACE, private_endpoint("blob")),
        "no private endpoint",
    ),
]

# Argo: the server and the webhook event sources stay inside the cluster.
from tests.policies.cases_kubernetes import (  # noqa: E402 - the Argo builders live there
    K8S,
    argo_server,
    argo_workflows_release,
)


def _event_source(**webhook: Any) -> Res:
    hook = {"port": "12000", "endpoint": "/drift", "method": "POST", **webhook}
    return Res(
        "kubernetes:argoproj.io/v1alpha1:EventSource",
        "drift-alerts",
        {
            "apiVersion": "argoproj.io/v1alpha1",
            "kind": "EventSource",
            "metadata": {"name": "drift-alerts", "namespace": "pipelines"},
            "spec": {
                "service": {"ports": [{"port": 12000.0, "targetPort": 12000.0}]},
                "webhook": {"drift": hook},
            },
        },
        provider=K8S,
    )


TOKEN = {"authSecret": {"name": "drift-webhook-token", "key": "token"}}

CASES += [
    ok("NET-010", "cluster-ip-with-tls", argo_workflows_release()),
    bad(
        "NET-010",
        "load-balancer",
        argo_workflows_release(server=argo_server(serviceType="LoadBalancer")),
        "values.server.serviceType is LoadBalancer, not ClusterIP",
    ),
    bad(
        "NET-010",
        "service-type-left-to-the-chart",
        argo_workflows_release(server=argo_server(serviceType=None)),
        "values.server.serviceType is not set",
    ),
    bad(
        "NET-010",
        "ingress-and-plain-http",
        argo_workflows_release(server=argo_server(secure=False, ingress={"enabled": True})),
        "values.server.ingress.enabled is true",
        "values.server.secure is not true",
    ),
    ok("NET-011", "webhook-with-token", _event_source(**TOKEN)),
    bad("NET-011", "anonymous-webhook", _event_source(), "spec.webhook.drift has no authSecret"),
]
