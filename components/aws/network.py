"""The VPC: private subnets for nodes and data services, public subnets for load
balancers only, NAT egress, VPC flow logs and private endpoints for AWS services."""

from __future__ import annotations

import functools
import ipaddress

import pulumi
import pulumi_aws as aws

from components.aws import iam_documents
from components.aws.account import AwsAccount
from components.aws.tagging import Tagging

# Interface endpoints that keep node and pod traffic to AWS APIs inside the VPC:
# image pulls (ecr.api, ecr.dkr), credentials (sts, eks-auth for Pod Identity),
# envelope encryption (kms) and log shipping (logs). S3 is a gateway endpoint.
INTERFACE_ENDPOINTS = ("ecr.api", "ecr.dkr", "sts", "kms", "logs", "eks-auth")
GATEWAY_ENDPOINTS = ("s3",)
HTTPS = 443


def subnet_plan(cidr: str, zones: int) -> tuple[list[str], list[str]]:
    """(private, public) CIDRs, one of each per zone.

    Private subnets get an eighth of the VPC each (pods take VPC addresses with the
    VPC CNI); public subnets only hold load balancers and NAT gateways, so they
    share the last eighth.
    """
    net = ipaddress.IPv4Network(cidr)
    eighths = list(net.subnets(new_prefix=net.prefixlen + 3))
    if zones > len(eighths) - 1:
        raise ValueError(f"{cidr} cannot hold {zones} zones")
    public_pool = list(eighths[-1].subnets(new_prefix=net.prefixlen + 6))
    return [str(s) for s in eighths[:zones]], [str(s) for s in public_pool[:zones]]


def zone_at(names: list[str], index: int, region: str, wanted: int) -> str:
    """The `index`-th available zone, or a clear error if the region has too few."""
    if wanted > len(names):
        raise ValueError(
            f"{region} has {len(names)} available zones ({', '.join(names)}); "
            f"platform.network.availabilityZones asks for {wanted}"
        )
    return names[index]


class Network(pulumi.ComponentResource):
    """A VPC over `zones` availability zones of the provider's region.

    Attributes: `vpc`, `vpc_id`, `cidr`, `private_subnet_ids`, `public_subnet_ids`,
    `endpoint_security_group`, `flow_log_group`.
    """

    def __init__(
        self,
        name: str,
        *,
        account: AwsAccount,
        cidr: str,
        zones: int,
        nat_per_zone: bool,
        logs_key_arn: pulumi.Input[str],
        log_retention_days: int,
        cluster_name: str,
        tagging: Tagging,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:aws:Network", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        self.cidr = cidr
        azs = aws.get_availability_zones_output(
            state="available", opts=pulumi.InvokeOutputOptions(parent=self)
        )
        private_cidrs, public_cidrs = subnet_plan(cidr, zones)

        self.vpc = aws.ec2.Vpc(
            name,
            cidr_block=cidr,
            enable_dns_support=True,
            enable_dns_hostnames=True,
            tags=tagging.for_resource(name),
            opts=child,
        )
        self.vpc_id = self.vpc.id
        # The default security group is reachable by anything that forgets to name one:
        # strip every rule from it.
        aws.ec2.DefaultSecurityGroup(
            f"{name}-default",
            vpc_id=self.vpc.id,
            ingress=[],
            egress=[],
            tags=tagging.for_resource(f"{name}-default-locked"),
            opts=child,
        )

        igw = aws.ec2.InternetGateway(
            f"{name}-igw", vpc_id=self.vpc.id, tags=tagging.for_resource(f"{name}-igw"), opts=child
        )
        public_rt = aws.ec2.RouteTable(
            f"{name}-public",
            vpc_id=self.vpc.id,
            tags=tagging.for_resource(f"{name}-public"),
            opts=child,
        )
        aws.ec2.Route(
            f"{name}-public-default",
            route_table_id=public_rt.id,
            destination_cidr_block="0.0.0.0/0",
            gateway_id=igw.id,
            opts=child,
        )

        self.public_subnets: list[aws.ec2.Subnet] = []
        self.private_subnets: list[aws.ec2.Subnet] = []
        self.private_route_tables: list[aws.ec2.RouteTable] = []
        nats: list[aws.ec2.NatGateway] = []
        for i in range(zones):
            zone = azs.names.apply(
                functools.partial(zone_at, index=i, region=account.region, wanted=zones)
            )
            letter = "abcdef"[i]
            public = aws.ec2.Subnet(
                f"{name}-public-{letter}",
                vpc_id=self.vpc.id,
                cidr_block=public_cidrs[i],
                availability_zone=zone,
                # Load balancers get public addresses explicitly; instances never do.
                map_public_ip_on_launch=False,
                tags=tagging.for_resource(
                    f"{name}-public-{letter}", tier="public", **{"kubernetes.io/role/elb": "1"}
                ),
                opts=child,
            )
            aws.ec2.RouteTableAssociation(
                f"{name}-public-{letter}",
                subnet_id=public.id,
                route_table_id=public_rt.id,
                opts=child,
            )
            self.public_subnets.append(public)
            if nat_per_zone or i == 0:
                eip = aws.ec2.Eip(
                    f"{name}-nat-{letter}",
                    domain="vpc",
                    tags=tagging.for_resource(f"{name}-nat-{letter}"),
                    opts=child,
                )
                nats.append(
                    aws.ec2.NatGateway(
                        f"{name}-nat-{letter}",
                        allocation_id=eip.id,
                        subnet_id=public.id,
                        connectivity_type="public",
                        tags=tagging.for_resource(f"{name}-nat-{letter}"),
                        opts=pulumi.ResourceOptions(parent=self, depends_on=[igw]),
                    )
                )
            private = aws.ec2.Subnet(
                f"{name}-private-{letter}",
                vpc_id=self.vpc.id,
                cidr_block=private_cidrs[i],
                availability_zone=zone,
                map_public_ip_on_launch=False,
                tags=tagging.for_resource(
                    f"{name}-private-{letter}",
                    tier="private",
                    **{
                        "kubernetes.io/role/internal-elb": "1",
                        f"kubernetes.io/cluster/{cluster_name}": "shared",
                    },
                ),
                opts=child,
            )
            rt = aws.ec2.RouteTable(
                f"{name}-private-{letter}",
                vpc_id=self.vpc.id,
                tags=tagging.for_resource(f"{name}-private-{letter}"),
                opts=child,
            )
            # smb: every zone egresses through the one NAT gateway (cheaper, one AZ of
            # failure domain); enterprise: each zone through its own.
            nat = nats[i] if nat_per_zone else nats[0]
            aws.ec2.Route(
                f"{name}-private-{letter}-egress",
                route_table_id=rt.id,
                destination_cidr_block="0.0.0.0/0",
                nat_gateway_id=nat.id,
                opts=child,
            )
            aws.ec2.RouteTableAssociation(
                f"{name}-private-{letter}", subnet_id=private.id, route_table_id=rt.id, opts=child
            )
            self.private_subnets.append(private)
            self.private_route_tables.append(rt)
        self.nat_gateways = nats
        self.private_subnet_ids = [s.id for s in self.private_subnets]
        self.public_subnet_ids = [s.id for s in self.public_subnets]

        self._flow_logs(name, account, logs_key_arn, log_retention_days, tagging)
        self._endpoints(name, account, tagging)
        self.register_outputs({"vpcId": self.vpc.id, "privateSubnetIds": self.private_subnet_ids})

    def _flow_logs(
        self,
        name: str,
        account: AwsAccount,
        logs_key_arn: pulumi.Input[str],
        retention_days: int,
        tagging: Tagging,
    ) -> None:
        child = pulumi.ResourceOptions(parent=self)
        group_name = f"/smp/vpc-flow-logs/{name}"
        self.flow_log_group = aws.cloudwatch.LogGroup(
            f"{name}-flow-logs",
            name=group_name,
            kms_key_id=logs_key_arn,
            retention_in_days=retention_days,
            tags=tagging.for_resource(f"{name}-flow-logs"),
            opts=child,
        )
        role = aws.iam.Role(
            f"{name}-flow-logs",
            permissions_boundary=account.role_boundary_arn,
            assume_role_policy=iam_documents.service_trust(
                "vpc-flow-logs.amazonaws.com", account.account_id
            ),
            tags=tagging.for_resource(f"{name}-flow-logs"),
            opts=child,
        )
        # The group's ARN from its name: known at plan time, unlike the group's output.
        aws.iam.RolePolicy(
            f"{name}-flow-logs",
            role=role.id,
            policy=iam_documents.document(
                [
                    iam_documents.allow(
                        "WriteFlowLogsToOneGroup",
                        ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
                        [
                            account.log_group_arn(group_name),
                            account.log_group_arn(group_name, ":*"),
                        ],
                    )
                ]
            ),
            opts=child,
        )
        aws.ec2.FlowLog(
            f"{name}-flow-logs",
            vpc_id=self.vpc.id,
            traffic_type="ALL",
            log_destination_type="cloud-watch-logs",
            log_destination=self.flow_log_group.arn,
            iam_role_arn=role.arn,
            max_aggregation_interval=60,
            tags=tagging.for_resource(f"{name}-flow-logs"),
            opts=child,
        )

    def _endpoints(self, name: str, account: AwsAccount, tagging: Tagging) -> None:
        child = pulumi.ResourceOptions(parent=self)
        self.endpoint_security_group = aws.ec2.SecurityGroup(
            f"{name}-endpoints",
            vpc_id=self.vpc.id,
            description="HTTPS from inside the VPC to AWS service endpoints",
            ingress=[
                {
                    "description": "HTTPS from the VPC",
                    "protocol": "tcp",
                    "from_port": HTTPS,
                    "to_port": HTTPS,
                    "cidr_blocks": [self.cidr],
                }
            ],
            egress=[],
            tags=tagging.for_resource(f"{name}-endpoints"),
            opts=child,
        )
        self.endpoints: dict[str, aws.ec2.VpcEndpoint] = {}
        for service in GATEWAY_ENDPOINTS:
            self.endpoints[service] = aws.ec2.VpcEndpoint(
                f"{name}-{service}",
                vpc_id=self.vpc.id,
                service_name=account.service_endpoint(service),
                vpc_endpoint_type="Gateway",
                route_table_ids=[rt.id for rt in self.private_route_tables],
                tags=tagging.for_resource(f"{name}-{service}"),
                opts=child,
            )
        for service in INTERFACE_ENDPOINTS:
            label = service.replace(".", "-")
            self.endpoints[service] = aws.ec2.VpcEndpoint(
                f"{name}-{label}",
                vpc_id=self.vpc.id,
                service_name=account.service_endpoint(service),
                vpc_endpoint_type="Interface",
                private_dns_enabled=True,
                subnet_ids=self.private_subnet_ids,
                security_group_ids=[self.endpoint_security_group.id],
                tags=tagging.for_resource(f"{name}-{label}"),
                opts=child,
            )
