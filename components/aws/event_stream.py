"""The ingestion event stream: an Amazon MSK cluster that speaks only TLS with IAM auth.

Brokers live in the private subnets, one per zone, behind a security group that
admits only the EKS cluster on the IAM listener. At rest: the stack's `streaming`
CMK; in transit: TLS between clients and brokers and between brokers. No SASL/SCRAM
passwords, no unauthenticated or plaintext listener, no public access; broker logs go
to a CMK-encrypted CloudWatch log group in the region. Topics are not created by the
brokers on first use: the ingestion workload's identity may create only its own.
"""

from __future__ import annotations

from collections.abc import Sequence

import pulumi
import pulumi_aws as aws

from components.aws.private_service import cluster_only_security_group
from components.aws.tagging import Tagging

KAFKA_VERSION = "3.6.0"
# MSK's listener for IAM access control over TLS (the only one this cluster opens).
IAM_TLS_PORT = 9098
# Broker settings the plan states (and drift shows): three copies, two in sync before a
# write is acknowledged, no topic created by a typo.
SERVER_PROPERTIES = {
    "auto.create.topics.enable": "false",
    "default.replication.factor": "3",
    "min.insync.replicas": "2",
    "unclean.leader.election.enable": "false",
}


def server_properties(replication: int) -> str:
    """The broker configuration (server.properties) for a cluster of `replication` brokers."""
    props = dict(SERVER_PROPERTIES)
    props["default.replication.factor"] = str(min(3, replication))
    props["min.insync.replicas"] = str(max(1, min(2, replication - 1)))
    return "".join(f"{k}={v}\n" for k, v in sorted(props.items()))


class EventStream(pulumi.ComponentResource):
    """One MSK provisioned cluster for the stack's ingestion topic.

    Attributes: `cluster`, `cluster_name` (known at plan time: what IAM policies name),
    `bootstrap_brokers` (the IAM/TLS bootstrap string), `security_group`, `log_group`.
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
        instance_type: str,
        storage_gb: int,
        tagging: Tagging,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:aws:EventStream", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        brokers = len(subnet_ids)
        self.cluster_name = name
        self.security_group = cluster_only_security_group(
            f"{name}-brokers",
            vpc_id=vpc_id,
            client_security_group_id=client_security_group_id,
            service="Kafka",
            transport=" (TLS, IAM auth)",
            port=IAM_TLS_PORT,
            tagging=tagging,
            opts=child,
        )
        self.log_group = aws.cloudwatch.LogGroup(
            f"{name}-broker-logs",
            name=f"/smp/msk/{name}/brokers",
            kms_key_id=logs_key_arn,
            retention_in_days=log_retention_days,
            tags=tagging.for_resource(f"{name}-broker-logs"),
            opts=child,
        )
        configuration = aws.msk.Configuration(
            f"{name}-config",
            name=f"{name}-config",
            kafka_versions=[KAFKA_VERSION],
            server_properties=server_properties(brokers),
            description=f"{name}: no topic auto-creation, replicated writes",
            opts=child,
        )
        self.cluster = aws.msk.Cluster(
            name,
            cluster_name=name,
            kafka_version=KAFKA_VERSION,
            number_of_broker_nodes=brokers,
            broker_node_group_info={
                "instance_type": instance_type,
                "client_subnets": list(subnet_ids),
                "security_groups": [self.security_group.id],
                "storage_info": {"ebs_storage_info": {"volume_size": storage_gb}},
                "connectivity_info": {"public_access": {"type": "DISABLED"}},
            },
            client_authentication={
                "sasl": {"iam": True, "scram": False},
                "unauthenticated": False,
            },
            encryption_info={
                "encryption_at_rest_kms_key_arn": key_arn,
                "encryption_in_transit": {"client_broker": "TLS", "in_cluster": True},
            },
            configuration_info={
                "arn": configuration.arn,
                "revision": configuration.latest_revision,
            },
            logging_info={
                "broker_logs": {
                    "cloudwatch_logs": {"enabled": True, "log_group": self.log_group.name},
                    "firehose": {"enabled": False},
                    "s3": {"enabled": False},
                }
            },
            enhanced_monitoring="PER_TOPIC_PER_BROKER",
            tags=tagging.for_resource(name),
            opts=child,
        )
        self.bootstrap_brokers = self.cluster.bootstrap_brokers_sasl_iam
        self.register_outputs({"bootstrapBrokers": self.bootstrap_brokers})
