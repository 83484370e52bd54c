"""Network exposure: private endpoints, no Internet-wide ingress, no public data services."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from pulumi_policy import ResourceValidationArgs, Severity, StackValidationArgs

from policies.framework import MISSING, RuleMeta, dig, items, resource_rule, stack_rule

OPEN_CIDRS = {"0.0.0.0/0", "::/0"}
_OPEN_AZURE_SOURCES = {"*", "internet", "0.0.0.0/0", "::/0", "any"}

NET_001 = RuleMeta(
    id="NET-001",
    family="network",
    title="Private cluster endpoints",
    description="The Kubernetes API server is private; where a public endpoint is on, it has "
    "an allow-list without 0.0.0.0/0.",
    severity=Severity.CRITICAL,
    iso27001=("A.8.20", "A.8.22"),
    nist80053=("SC-7", "AC-17"),
    remediation="EKS: vpcConfig.endpointPublicAccess false (or publicAccessCidrs without "
    "0.0.0.0/0), endpointPrivateAccess true. AKS: "
    "apiServerAccessProfile.enablePrivateCluster true.",
)


@resource_rule(
    NET_001, types=("aws:eks/cluster:Cluster", "azure-native:containerservice:ManagedCluster")
)
def _private_endpoint(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if args.resource_type == "aws:eks/cluster:Cluster":
        if dig(args.props, "vpcConfig.endpointPrivateAccess") is not True:
            yield "vpcConfig.endpointPrivateAccess is not true"
        public = dig(args.props, "vpcConfig.endpointPublicAccess")
        if public is MISSING:
            yield "vpcConfig.endpointPublicAccess is not set (EKS defaults it to true)"
        elif public is True:
            cidrs = list(items(dig(args.props, "vpcConfig.publicAccessCidrs")))
            if not cidrs or OPEN_CIDRS & set(cidrs):
                yield "the public endpoint is open to the whole Internet (publicAccessCidrs)"
        return
    if dig(args.props, "apiServerAccessProfile.enablePrivateCluster") is not True:
        ranges = list(items(dig(args.props, "apiServerAccessProfile.authorizedIPRanges")))
        if not ranges or OPEN_CIDRS & set(ranges):
            yield (
                "apiServerAccessProfile.enablePrivateCluster is not true and there is no "
                "authorized IP range allow-list"
            )


NET_002 = RuleMeta(
    id="NET-002",
    family="network",
    title="No ingress from the whole Internet",
    description="No security group or NSG rule admits 0.0.0.0/0, ::/0, '*' or 'Internet'.",
    severity=Severity.CRITICAL,
    iso27001=("A.8.20",),
    nist80053=("SC-7",),
    remediation="Restrict ingress to the VPC/VNet ranges or named security groups; put public "
    "traffic behind an internal load balancer.",
)


def _open(cidrs: Any) -> bool:
    return bool(OPEN_CIDRS & {str(c) for c in items(cidrs)})


@resource_rule(
    NET_002,
    types=(
        "aws:ec2/securityGroup:SecurityGroup",
        "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
        "aws:ec2/securityGroupRule:SecurityGroupRule",
        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        "azure-native:network:NetworkSecurityGroup",
        "azure-native:network:SecurityRule",
    ),
)
def _no_open_ingress(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    t = args.resource_type
    if t in (
        "aws:ec2/securityGroup:SecurityGroup",
        "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    ):
        for i, rule in enumerate(items(dig(args.props, "ingress"))):
            if _open(dig(rule, "cidrBlocks")) or _open(dig(rule, "ipv6CidrBlocks")):
                yield f"ingress[{i}] admits the whole Internet"
    elif t == "aws:ec2/securityGroupRule:SecurityGroupRule":
        if str(dig(args.props, "type")) == "ingress" and (
            _open(dig(args.props, "cidrBlocks")) or _open(dig(args.props, "ipv6CidrBlocks"))
        ):
            yield "the ingress rule admits the whole Internet"
    elif t == "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule":
        for key in ("cidrIpv4", "cidrIpv6"):
            if str(dig(args.props, key)) in OPEN_CIDRS:
                yield f"{key} admits the whole Internet"
    else:
        rules = (
            list(items(dig(args.props, "securityRules")))
            if t.endswith("NetworkSecurityGroup")
            else [args.props]
        )
        for i, rule in enumerate(rules):
            if (
                str(dig(rule, "direction")).lower() != "inbound"
                or str(dig(rule, "access")).lower() != "allow"
            ):
                continue
            sources = [dig(rule, "sourceAddressPrefix"), *items(dig(rule, "sourceAddressPrefixes"))]
            if any(str(s).lower() in _OPEN_AZURE_SOURCES for s in sources if s is not MISSING):
                yield f"securityRules[{i}] allows inbound traffic from the Internet"


NET_003 = RuleMeta(
    id="NET-003",
    family="network",
    title="Buckets block public access",
    description="Every S3 bucket has a public-access block with all four settings on.",
    severity=Severity.CRITICAL,
    iso27001=("A.8.3", "A.8.20"),
    nist80053=("AC-3", "SC-7"),
    remediation="Add a BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, "
    "ignorePublicAcls and restrictPublicBuckets all true.",
)

_PAB_KEYS = ("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")


@stack_rule(NET_003)
def _public_access_block(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    blocked: set[str] = set()
    pab = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"
    for r in args.resources:
        if r.resource_type == pab:
            off = [k for k in _PAB_KEYS if dig(r.props, k) is not True]
            if off:
                yield f"{', '.join(off)} not true", r.urn
            else:
                blocked.update(d.urn for d in r.property_dependencies.get("bucket", []))
        if (
            r.resource_type == "aws:s3/bucketAclV2:BucketAclV2"
            or r.resource_type == "aws:s3/bucketAcl:BucketAcl"
        ):
            acl = str(dig(r.props, "acl"))
            if acl.startswith("public"):
                yield f"ACL {acl} makes the bucket public", r.urn
    for r in args.resources:
        if (
            r.resource_type in ("aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2")
            and r.urn not in blocked
        ):
            yield f"bucket {r.name} has no full public-access block", r.urn


NET_004 = RuleMeta(
    id="NET-004",
    family="network",
    title="No public data services",
    description="Databases, caches, key vaults, storage accounts, registries and workspaces are "
    "reachable only privately.",
    severity=Severity.CRITICAL,
    iso27001=("A.8.20", "A.8.22"),
    nist80053=("SC-7", "AC-3"),
    remediation="RDS publiclyAccessible false; Azure publicNetworkAccess Disabled with a "
    "private endpoint; allowBlobPublicAccess false; ACR anonymous pull off; blob "
    "containers without public access.",
)

_AZURE_PUBLIC_PATHS: dict[str, tuple[str, ...]] = {
    "azure-native:storage:StorageAccount": ("publicNetworkAccess",),
    "azure-native:containerregistry:Registry": ("publicNetworkAccess",),
    "azure-native:keyvault:Vault": ("properties.publicNetworkAccess",),
    "azure-native:dbforpostgresql:Server": ("network.publicNetworkAccess",),
    "azure-native:redis:Redis": ("publicNetworkAccess",),
    "azure-native:cache:Redis": ("publicNetworkAccess",),
    "azure-native:containerservice:ManagedCluster": (),
}


@resource_rule(
    NET_004,
    types=(
        "aws:rds/instance:Instance",
        "aws:rds/cluster:Cluster",
        "azure-native:storage:BlobContainer",
        *_AZURE_PUBLIC_PATHS,
    ),
)
def _no_public_data(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    t = args.resource_type
    if t.startswith("aws:rds/"):
        if dig(args.props, "publiclyAccessible") is True:
            yield "publiclyAccessible is true"
        return
    if t == "azure-native:storage:BlobContainer":
        access = dig(args.props, "publicAccess")
        if access is not MISSING and str(access) != "None":
            yield f"publicAccess is {access!r}"
        return
    for path in _AZURE_PUBLIC_PATHS.get(t, ()):
        if str(dig(args.props, path)) != "Disabled":
            yield f"{path} is not Disabled"
    if (
        t == "azure-native:storage:StorageAccount"
        and dig(args.props, "allowBlobPublicAccess") is not False
    ):
        yield "allowBlobPublicAccess is not false"
    if (
        t == "azure-native:containerregistry:Registry"
        and dig(args.props, "anonymousPullEnabled") is True
    ):
        yield "anonymousPullEnabled is true"


NET_005 = RuleMeta(
    id="NET-005",
    family="network",
    title="No public IPs on nodes",
    description="Node launch templates and AKS pools give nodes no public IP; node subnets do "
    "not map public IPs on launch.",
    severity=Severity.HIGH,
    iso27001=("A.8.20",),
    nist80053=("SC-7",),
    remediation="AKS: enableNodePublicIP false. AWS: networkInterfaces.associatePublicIpAddress "
    "false; nodes in private subnets.",
)


@resource_rule(
    NET_005,
    types=(
        "aws:ec2/launchTemplate:LaunchTemplate",
        "azure-native:containerservice:ManagedCluster",
        "azure-native:containerservice:AgentPool",
    ),
)
def _no_node_public_ip(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    t = args.resource_type
    if t == "aws:ec2/launchTemplate:LaunchTemplate":
        for i, nic in enumerate(items(dig(args.props, "networkInterfaces"))):
            value = dig(nic, "associatePublicIpAddress")
            if value is True or str(value).lower() == "true":
                yield f"networkInterfaces[{i}].associatePublicIpAddress is true"
    elif t == "azure-native:containerservice:ManagedCluster":
        for i, pool in enumerate(items(dig(args.props, "agentPoolProfiles"))):
            if dig(pool, "enableNodePublicIP") is True:
                yield f"agentPoolProfiles[{i}].enableNodePublicIP is true"
    elif dig(args.props, "enableNodePublicIP") is True:
        yield "enableNodePublicIP is true"


NET_006 = RuleMeta(
    id="NET-006",
    family="network",
    title="Nodes run in private subnets",
    description="EKS node groups use only subnets that do not map public IPs on launch.",
    severity=Severity.HIGH,
    iso27001=("A.8.20", "A.8.22"),
    nist80053=("SC-7",),
    remediation="Place node groups in the private subnets; keep public subnets for load "
    "balancers only.",
)


@stack_rule(NET_006)
def _nodes_private(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    for r in args.resources:
        if r.resource_type != "aws:eks/nodeGroup:NodeGroup":
            continue
        for subnet in r.property_dependencies.get("subnetIds", []):
            if (
                subnet.resource_type == "aws:ec2/subnet:Subnet"
                and dig(subnet.props, "mapPublicIpOnLaunch") is True
            ):
                yield f"node group {r.name} uses public subnet {subnet.name}", r.urn


# --- The event stream (issue 15) ------------------------------------------------------

NET_007 = RuleMeta(
    id="NET-007",
    family="network",
    title="MSK brokers not public",
    description="An MSK cluster's brokers have public access explicitly DISABLED and no "
    "broker listens without authentication, so the stream is reachable only inside the "
    "VPC.",
    severity=Severity.CRITICAL,
    iso27001=("A.8.20", "A.8.22"),
    nist80053=("SC-7", "AC-3"),
    remediation="brokerNodeGroupInfo.connectivityInfo.publicAccess.type: DISABLED, and "
    "clientAuthentication.unauthenticated: false.",
)


@resource_rule(NET_007, types=("aws:msk/cluster:Cluster",))
def _msk_private(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    access = dig(args.props, "brokerNodeGroupInfo.connectivityInfo.publicAccess.type")
    if access != "DISABLED":
        yield (
            f"brokerNodeGroupInfo.connectivityInfo.publicAccess.type is {access!r}: state "
            "DISABLED so the brokers get no public address"
        )
    if dig(args.props, "clientAuthentication.unauthenticated") is not False:
        yield "clientAuthentication.unauthenticated is not false: anyone in reach can connect"


NET_008 = RuleMeta(
    id="NET-008",
    family="network",
    title="Event Hubs without public network access",
    description="An Event Hubs namespace has public network access disabled, and its "
    "network rule set denies by default, with no IP rules and no trusted-service bypass.",
    severity=Severity.CRITICAL,
    iso27001=("A.8.20", "A.8.22"),
    nist80053=("SC-7", "AC-4"),
    remediation="publicNetworkAccess: Disabled on the namespace; NamespaceNetworkRuleSet "
    "{defaultAction: Deny, publicNetworkAccess: Disabled, ipRules: [], "
    "trustedServiceAccessEnabled: false}.",
)


@resource_rule(
    NET_008,
    types=("azure-native:eventhub:Namespace", "azure-native:eventhub:NamespaceNetworkRuleSet"),
)
def _event_hubs_private(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    access = dig(args.props, "publicNetworkAccess")
    if access != "Disabled":
        yield f"publicNetworkAccess is {access!r}, not Disabled"
    if args.resource_type == "azure-native:eventhub:Namespace":
        return
    if dig(args.props, "defaultAction") != "Deny":
        yield "defaultAction is not Deny"
    rules = list(items(dig(args.props, "ipRules")))
    if rules:
        yield f"ipRules open the namespace to {len(rules)} address range(s)"
    if dig(args.props, "trustedServiceAccessEnabled") is True:
        yield "trustedServiceAccessEnabled lets other Azure services bypass the rules"


NET_009 = RuleMeta(
    id="NET-009",
    family="network",
    title="Event Hubs reached through a private endpoint",
    description="Every Event Hubs namespace of the stack has a private endpoint of this "
    "stack for its 'namespace' group, so clients reach it inside the VNet.",
    severity=Severity.HIGH,
    iso27001=("A.8.20", "A.8.22"),
    nist80053=("SC-7", "SC-7(4)"),
    remediation="Create a PrivateEndpoint whose privateLinkServiceConnections name the "
    "namespace's id with groupIds: [namespace].",
)


@stack_rule(NET_009)
def _event_hubs_endpoint(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    reached: set[str] = set()
    for r in args.resources:
        if r.resource_type != "azure-native:network:PrivateEndpoint":
            continue
        groups = {
            str(g)
            for c in items(dig(r.props, "privateLinkServiceConnections"))
            for g in items(dig(c, "groupIds"))
        }
        if "namespace" in groups:
            reached.update(
                d.urn for d in r.property_dependencies.get("privateLinkServiceConnections", [])
            )
    for r in args.resources:
        if r.resource_type == "azure-native:eventhub:Namespace" and r.urn not in reached:
            yield f"namespace {r.name} has no private endpoint of this stack", r.urn


HELM_RELEASE = "kubernetes:helm.sh/v3:Release"

NET_010 = RuleMeta(
    id="NET-010",
    family="network",
    title="The Argo server is reachable only inside the cluster",
    description="An argo-workflows release that runs the Argo server gives it a ClusterIP "
    "Service (stated, not left to the chart) with TLS on (server.secure), and no Ingress, "
    "HTTPRoute or load balancer: users reach it with `kubectl port-forward`, through the "
    "API server's own authentication.",
    severity=Severity.HIGH,
    iso27001=("A.8.20", "A.8.22"),
    nist80053=("SC-7", "AC-17"),
    remediation="Set server.serviceType: ClusterIP, server.secure: true, "
    "server.ingress.enabled: false and no server.httproute in the argo-workflows values.",
)


@resource_rule(NET_010, types=(HELM_RELEASE,))
def _argo_server_private(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if str(dig(args.props, "chart")).rsplit("/", 1)[-1] != "argo-workflows":
        return
    server = dig(args.props, "values.server")
    if dig(server, "enabled") is False:
        return
    kind = dig(server, "serviceType")
    if kind is MISSING or str(kind) != "ClusterIP":
        shown = kind if kind is not MISSING else "not set"
        yield f"values.server.serviceType is {shown}, not ClusterIP"
    if dig(server, "secure") is not True:
        yield "values.server.secure is not true: the server would answer in plain HTTP"
    for exposure in ("ingress", "httproute", "GKEbackendConfig"):
        if dig(server, f"{exposure}.enabled") is True:
            yield f"values.server.{exposure}.enabled is true: the server is exposed"


NET_011 = RuleMeta(
    id="NET-011",
    family="network",
    title="Webhook event sources accept only authenticated calls from inside the cluster",
    description="Every webhook of an Argo Events EventSource requires a bearer token "
    "(authSecret), and the EventSource exposes no LoadBalancer or NodePort Service: a "
    "webhook submits workflows, so an anonymous or external caller must not reach it.",
    severity=Severity.HIGH,
    iso27001=("A.8.20", "A.8.5"),
    nist80053=("SC-7", "IA-2"),
    remediation="Set spec.webhook.<name>.authSecret to a Secret the caller also holds "
    "(Alertmanager: http_config.authorization.credentials_file) and keep spec.service a "
    "ClusterIP Service.",
)


@resource_rule(NET_011, types=("kubernetes:argoproj.io/v1alpha1:EventSource",))
def _webhook_sources(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    webhooks = dig(args.props, "spec.webhook")
    if webhooks is MISSING:
        return
    if not isinstance(webhooks, Mapping):
        yield "spec.webhook is not a map of webhooks"
        return
    for name in webhooks:
        if dig(webhooks[name], "authSecret.name") is MISSING:
            yield f"spec.webhook.{name} has no authSecret: anyone who reaches it can trigger"
    kind = dig(args.props, "spec.service.type")
    if kind is not MISSING and str(kind) not in ("ClusterIP",):
        yield f"spec.service.type is {kind}: the webhook would be reachable outside the cluster"
