"""The MLflow registry database: RDS PostgreSQL, private, CMK-encrypted, TLS only."""

from __future__ import annotations

from collections.abc import Sequence

import pulumi
import pulumi_aws as aws

from components.aws import iam_documents
from components.aws.account import AwsAccount
from components.aws.private_service import cluster_only_security_group, private_subnet_group
from components.aws.tagging import Tagging

POSTGRES_MAJOR = "16"
POSTGRES_PORT = 5432
LOG_EXPORTS = ("postgresql", "upgrade")
# Enhanced Monitoring: OS metrics (processes, memory, file system, I/O) every minute,
# which CloudWatch's hypervisor metrics cannot see. RDS writes them to the account's
# `RDSOSMetrics` log group through a role with the AWS-managed policy below.
ENHANCED_MONITORING_INTERVAL_SECONDS = 60
ENHANCED_MONITORING_SERVICE = "monitoring.rds.amazonaws.com"
ENHANCED_MONITORING_POLICY = "service-role/AmazonRDSEnhancedMonitoringRole"
ENHANCED_MONITORING_LOG_GROUP = "RDSOSMetrics"


class RegistryDatabase(pulumi.ComponentResource):
    """A PostgreSQL instance reachable only from inside the VPC.

    The master password is managed by RDS in Secrets Manager, encrypted with the
    database CMK: it never passes through Pulumi state or config. Enhanced
    Monitoring sends OS metrics every minute through a role only RDS may assume,
    for this instance only, into `RDSOSMetrics`, which the stack owns (logs CMK,
    the stack's retention) instead of letting RDS create it with its defaults.
    That log group is one per account and region: one stack per account and region.

    Attributes: `instance`, `endpoint`, `address`, `master_secret_arn`, `security_group`.
    """

    def __init__(
        self,
        name: str,
        *,
        account: AwsAccount,
        vpc_id: pulumi.Input[str],
        client_security_group_id: pulumi.Input[str],
        subnet_ids: Sequence[pulumi.Input[str]],
        key_arn: pulumi.Input[str],
        logs_key_arn: pulumi.Input[str],
        log_retention_days: int,
        instance_class: str,
        storage_gb: int,
        backup_retention_days: int,
        multi_az: bool,
        deletion_protection: bool,
        tagging: Tagging,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:aws:RegistryDatabase", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        subnets = private_subnet_group(aws.rds.SubnetGroup, name, subnet_ids, tagging, child)
        self.security_group = cluster_only_security_group(
            name,
            vpc_id=vpc_id,
            client_security_group_id=client_security_group_id,
            service="PostgreSQL",
            port=POSTGRES_PORT,
            tagging=tagging,
            opts=child,
        )
        params = aws.rds.ParameterGroup(
            name,
            name=name,
            family=f"postgres{POSTGRES_MAJOR}",
            description=f"{name}: TLS only, connection logging",
            parameters=[
                {"name": "rds.force_ssl", "value": "1"},
                {"name": "ssl_min_protocol_version", "value": "TLSv1.2"},
                {"name": "log_connections", "value": "1"},
                {"name": "log_disconnections", "value": "1"},
            ],
            tags=tagging.for_resource(name),
            opts=child,
        )
        # RDS would create the export log groups itself, unencrypted and kept forever:
        # own them first, with the logs CMK and the stack's retention.
        log_groups = [
            aws.cloudwatch.LogGroup(
                f"{name}-{export}",
                name=f"/aws/rds/instance/{name}/{export}",
                kms_key_id=logs_key_arn,
                retention_in_days=log_retention_days,
                tags=tagging.for_resource(f"{name}-{export}"),
                opts=child,
            )
            for export in LOG_EXPORTS
        ]
        insights = not instance_class.endswith((".micro", ".small"))
        monitoring_role, monitoring_ready = self._enhanced_monitoring(
            name, account, logs_key_arn, log_retention_days, tagging
        )
        self.instance = aws.rds.Instance(
            name,
            identifier=name,
            engine="postgres",
            engine_version=POSTGRES_MAJOR,
            instance_class=instance_class,
            allocated_storage=storage_gb,
            max_allocated_storage=storage_gb * 4,
            storage_type="gp3",
            storage_encrypted=True,
            kms_key_id=key_arn,
            db_name="mlflow",
            username="mlflow_admin",
            manage_master_user_password=True,
            master_user_secret_kms_key_id=key_arn,
            iam_database_authentication_enabled=True,
            db_subnet_group_name=subnets.name,
            vpc_security_group_ids=[self.security_group.id],
            parameter_group_name=params.name,
            publicly_accessible=False,
            multi_az=multi_az,
            # Automated backups stay in this region; no cross-region backup replication.
            backup_retention_period=backup_retention_days,
            backup_target="region",
            copy_tags_to_snapshot=True,
            deletion_protection=deletion_protection,
            skip_final_snapshot=not deletion_protection,
            final_snapshot_identifier=f"{name}-final" if deletion_protection else None,
            # Performance Insights is not offered on the smallest classes.
            performance_insights_enabled=insights,
            performance_insights_kms_key_id=key_arn if insights else None,
            enabled_cloudwatch_logs_exports=list(LOG_EXPORTS),
            monitoring_interval=ENHANCED_MONITORING_INTERVAL_SECONDS,
            monitoring_role_arn=monitoring_role.arn,
            auto_minor_version_upgrade=True,
            ca_cert_identifier="rds-ca-rsa2048-g1",
            tags=tagging.for_resource(name),
            opts=pulumi.ResourceOptions(parent=self, depends_on=[*log_groups, *monitoring_ready]),
        )
        # The instance identifier is ours, so its ARN (`db:<identifier>`) is known at
        # plan time; RDS tags the managed secret with it (`aws:rds:primaryDBInstanceArn`).
        self.identifier = name
        self.endpoint = self.instance.endpoint
        self.address = self.instance.address
        # The RDS-managed secret holding the master credentials (CMK-encrypted).
        self.master_secret_arn: pulumi.Output[str] = self.instance.master_user_secrets.apply(
            lambda s: (s[0].secret_arn or "") if s else ""
        )
        self.register_outputs({"endpoint": self.endpoint})

    def _enhanced_monitoring(
        self,
        name: str,
        account: AwsAccount,
        logs_key_arn: pulumi.Input[str],
        log_retention_days: int,
        tagging: Tagging,
    ) -> tuple[aws.iam.Role, list[pulumi.Resource]]:
        """The role RDS assumes to publish OS metrics, and what must exist before it does.

        The trust names the service, this account and this instance's ARN (known from
        the identifier, so the document is complete at the first preview); the
        permissions are AWS's managed policy for exactly this purpose (log groups and
        streams named `RDS*`).
        """
        child = pulumi.ResourceOptions(parent=self)
        role = aws.iam.Role(
            f"{name}-monitoring",
            permissions_boundary=account.role_boundary_arn,
            assume_role_policy=iam_documents.service_trust(
                ENHANCED_MONITORING_SERVICE,
                account.account_id,
                source_arn=account.arn("rds", f"db:{name}"),
            ),
            description=f"{name}: RDS Enhanced Monitoring publishes OS metrics",
            tags=tagging.for_resource(f"{name}-monitoring"),
            opts=child,
        )
        attachment = aws.iam.RolePolicyAttachment(
            f"{name}-monitoring",
            role=role.name,
            policy_arn=pulumi.Output.concat(
                "arn:", account.partition, ":iam::aws:policy/", ENHANCED_MONITORING_POLICY
            ),
            opts=child,
        )
        os_metrics = aws.cloudwatch.LogGroup(
            f"{name}-os-metrics",
            name=ENHANCED_MONITORING_LOG_GROUP,
            kms_key_id=logs_key_arn,
            retention_in_days=log_retention_days,
            tags=tagging.for_resource(f"{name}-os-metrics"),
            opts=child,
        )
        return role, [attachment, os_metrics]
