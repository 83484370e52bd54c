"""The Feast online store: ElastiCache for Redis (Valkey-compatible API), private,
encrypted at rest with a CMK and in transit with TLS, with an auth token."""

from __future__ import annotations

from collections.abc import Sequence

import pulumi
import pulumi_aws as aws

from components.aws.private_service import cluster_only_security_group, private_subnet_group
from components.aws.tagging import Tagging

REDIS_PORT = 6379
LOG_TYPES = ("engine-log", "slow-log")


class OnlineStore(pulumi.ComponentResource):
    """A Redis replication group in the private subnets.

    Attributes: `replication_group`, `endpoint` (host:port), `auth_token` (secret),
    `security_group`.
    """

    def __init__(
        self,
        name: str,
        *,
        vpc_id: pulumi.Input[str],
        client_security_group_id: pulumi.Input[str],
        subnet_ids: Sequence[pulumi.Input[str]],
        key_arn: pulumi.Input[str],
        logs_key_arn: pulumi.Input[str],
        log_retention_days: int,
        node_type: str,
        replicas: int,
        auth_token: pulumi.Input[str],
        snapshot_retention_days: int,
        tagging: Tagging,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:aws:OnlineStore", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        subnets = private_subnet_group(
            aws.elasticache.SubnetGroup, name, subnet_ids, tagging, child
        )
        self.security_group = cluster_only_security_group(
            name,
            vpc_id=vpc_id,
            client_security_group_id=client_security_group_id,
            service="Redis",
            transport=" (TLS)",
            port=REDIS_PORT,
            tagging=tagging,
            opts=child,
        )
        ha = replicas > 0
        # Engine and slow logs go to CMK-encrypted groups with the stack's retention.
        log_groups = {
            kind: aws.cloudwatch.LogGroup(
                f"{name}-{kind}",
                name=f"/smp/elasticache/{name}/{kind}",
                kms_key_id=logs_key_arn,
                retention_in_days=log_retention_days,
                tags=tagging.for_resource(f"{name}-{kind}"),
                opts=child,
            )
            for kind in LOG_TYPES
        }
        self.replication_group = aws.elasticache.ReplicationGroup(
            name,
            replication_group_id=name,
            description=f"{name}: Feast online store",
            engine="redis",
            engine_version="7.1",
            node_type=node_type,
            port=REDIS_PORT,
            num_cache_clusters=1 + replicas,
            automatic_failover_enabled=ha,
            multi_az_enabled=ha,
            subnet_group_name=subnets.name,
            security_group_ids=[self.security_group.id],
            at_rest_encryption_enabled=True,
            kms_key_id=key_arn,
            transit_encryption_enabled=True,
            transit_encryption_mode="required",
            auth_token=auth_token,
            auth_token_update_strategy="ROTATE",  # noqa: S106 (a strategy, not a token)
            snapshot_retention_limit=snapshot_retention_days,
            auto_minor_version_upgrade=True,
            log_delivery_configurations=[
                aws.elasticache.ReplicationGroupLogDeliveryConfigurationArgs(
                    destination=group.name,
                    destination_type="cloudwatch-logs",
                    log_format="json",
                    log_type=kind,
                )
                for kind, group in log_groups.items()
            ],
            apply_immediately=False,
            tags=tagging.for_resource(name),
            opts=child,
        )
        self.auth_token = pulumi.Output.secret(auth_token)
        self.endpoint = pulumi.Output.concat(
            self.replication_group.primary_endpoint_address, ":", str(REDIS_PORT)
        )
        self.register_outputs({"endpoint": self.endpoint})
