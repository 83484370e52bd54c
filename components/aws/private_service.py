"""What the platform's private data services share: subnets and a cluster-only security group.

The registry database (RDS) and the online store (ElastiCache) both live in the
private subnets and accept connections only from the EKS cluster security group.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pulumi
import pulumi_aws as aws

from components.aws.tagging import Tagging


def private_subnet_group(
    kind: Callable[..., Any],
    name: str,
    subnet_ids: Sequence[pulumi.Input[str]],
    tagging: Tagging,
    opts: pulumi.ResourceOptions,
) -> Any:
    """A subnet group of `kind` (`aws.rds.SubnetGroup`, `aws.elasticache.SubnetGroup`)
    over the private subnets only."""
    return kind(
        name,
        name=name,
        subnet_ids=list(subnet_ids),
        description=f"{name}: private subnets only",
        tags=tagging.for_resource(name),
        opts=opts,
    )


def cluster_only_security_group(
    name: str,
    *,
    vpc_id: pulumi.Input[str],
    client_security_group_id: pulumi.Input[str],
    service: str,
    port: int,
    tagging: Tagging,
    opts: pulumi.ResourceOptions,
    transport: str = "",
) -> aws.ec2.SecurityGroup:
    """A security group that lets only the cluster's nodes and pods (the EKS cluster
    security group) reach `service` on `port`, and nothing out."""
    return aws.ec2.SecurityGroup(
        name,
        vpc_id=vpc_id,
        description=f"{service}{transport} from the cluster only",
        ingress=[
            {
                "description": f"{service} from the EKS cluster security group",
                "protocol": "tcp",
                "from_port": port,
                "to_port": port,
                "security_groups": [client_security_group_id],
            }
        ],
        egress=[],
        tags=tagging.for_resource(name),
        opts=opts,
    )
