"""`AwsPlatform`: composes the AWS components of one stack and exposes a `CloudPlatform`."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field

import pulumi
import pulumi_random as random

from components.aws import in_cluster_facts as facts
from components.aws.account import AwsAccount
from components.aws.audit import AuditTrail, trail_name
from components.aws.autoscaling import ClusterAutoscalerIdentity
from components.aws.database import RegistryDatabase
from components.aws.ecr import ContainerRegistry
from components.aws.eks import (
    DEFAULT_STORAGE_CLASS,
    EksCluster,
    EndpointAccess,
    persona_group,
)
from components.aws.event_stream import IAM_TLS_PORT, EventStream
from components.aws.guardrails import ConfigRecording, RoleBoundary, scp_document
from components.aws.kms import EncryptionKeys
from components.aws.network import Network
from components.aws.node_pool import NodePool
from components.aws.online_store import OnlineStore
from components.aws.storage import (
    BucketSpec,
    Lifecycle,
    SecureBucket,
    ServiceWriter,
    bucket_name,
)
from components.aws.tagging import Tagging
from components.aws.workload_identity import (
    WORKLOAD_SERVICE_ACCOUNTS,
    DatabaseSecret,
    StreamAccess,
    WorkloadIdentities,
)
from components.interface import WORKLOADS, CloudPlatform, EventStreamEndpoint
from components.secrets import PlatformSecrets
from platform_spec import PERSONAS, StackSettings, allowed_regions
from platform_spec.models import Ingestion

# Buckets the in-cluster layer reads and writes, by purpose.
DATA_BUCKETS = ("offline-store", "artifacts", "prediction-logs", "predictions")
# Ingestion's zones, when it is on: raw (append-only, Object Lock) and curated.
INGESTION_BUCKETS = ("raw", "curated")
PROTECTED_ENVIRONMENTS = ("prod", "dr")


@dataclass(frozen=True)
class AwsPlatformArgs:
    """The validated stack and its secrets (pass the regional provider in `opts`)."""

    settings: StackSettings
    secrets: PlatformSecrets = field(default_factory=PlatformSecrets)


class AwsPlatform(pulumi.ComponentResource):
    """Every AWS resource of one stack: keys, network, EKS and node pools, buckets,
    ECR, the registry database, the online store, audit logging and workload
    identities. Pass the regional provider in `opts`; children inherit it.

    Attributes: `cloud_platform` (the interface the in-cluster layer reads),
    `keys`, `network`, `cluster`, `node_pools`, `buckets`, `registry`,
    `database` and `online_store` (None when their feature is off), `audit`,
    `identities`, `autoscaler`, `access_logs` (the bucket the others log into).
    """

    def __init__(
        self, name: str, args: AwsPlatformArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__("smp:aws:AwsPlatform", name, None, opts)
        settings = args.settings
        self.secrets = args.secrets
        p = settings.platform
        child = pulumi.ResourceOptions(parent=self)
        protected = p.environment in PROTECTED_ENVIRONMENTS
        retention = p.monitoring.log_retention_days
        tagging = Tagging(settings.mandatory_tags)
        regions = allowed_regions("aws", p.jurisdiction)
        # First the boundary: every role below carries it (through `account`).
        self.boundary = RoleBoundary(
            f"{name}-role-boundary", regions=regions, tagging=tagging, opts=child
        )
        account = dataclasses.replace(
            AwsAccount.lookup(p.region, self), role_boundary_arn=self.boundary.arn
        )
        # For the organisation's administrators: a stack output and docs/guardrails/.
        self.scp_document = scp_document(regions)
        project = pulumi.get_project()

        def unique_bucket(purpose: str) -> pulumi.Output[str]:
            return account.account_id.apply(
                lambda account_id: bucket_name(account_id, project, settings.stack, purpose)
            )

        self.keys = EncryptionKeys(
            f"{name}-keys",
            account=account,
            tagging=tagging,
            deletion_window_days=30 if protected else 7,
            trail_name=trail_name(f"{name}-audit"),
            opts=child,
        )

        self.network = Network(
            f"{name}-net",
            account=account,
            cidr=p.network.cidr,
            zones=p.network.availability_zones,
            nat_per_zone=p.profile == "enterprise",
            logs_key_arn=self.keys.arn("logs"),
            log_retention_days=retention,
            cluster_name=name,
            tagging=tagging,
            opts=child,
        )

        self.cluster = EksCluster(
            name,
            account=account,
            version=p.kubernetes_version,
            subnet_ids=self.network.private_subnet_ids,
            endpoint_access=EndpointAccess(
                p.cluster_endpoint.public_access, p.cluster_endpoint.allowed_cidrs
            ),
            secrets_key_arn=self.keys.arn("eks"),
            secrets_key_alias=self.keys.alias("eks"),
            logs_key_arn=self.keys.arn("logs"),
            log_retention_days=retention,
            personas={k: list(v) for k, v in p.personas.items()},
            deletion_protection=protected,
            tagging=tagging,
            opts=child,
        )

        # System pools first: CoreDNS and the CSI controller need somewhere to run.
        self.node_pools: dict[str, NodePool] = {}
        for pool_name, pool in sorted(
            p.node_pools.items(), key=lambda kv: (kv[1].kind != "system", kv[0])
        ):
            self.node_pools[pool_name] = NodePool(
                f"{name}-{pool_name}",
                pool_name=pool_name,
                pool=pool,
                cluster_name=self.cluster.cluster.name,
                kubernetes_version=p.kubernetes_version,
                node_role_arn=self.cluster.node_role.arn,
                subnet_ids=self.network.private_subnet_ids,
                volume_key_arn=self.keys.arn("storage"),
                tagging=tagging,
                opts=pulumi.ResourceOptions(
                    parent=self,
                    depends_on=[
                        *self.cluster.bootstrap_addons,
                        *self.cluster.node_role_attachments,
                    ],
                ),
            )
        system_groups = [
            pool.node_group
            for n, pool in self.node_pools.items()
            if p.node_pools[n].kind == "system"
        ]
        self.cluster.add_node_dependent_addons(
            account,
            self.keys.arn("storage"),
            self.keys.alias("storage"),
            system_groups,
            reclaim_policy="Retain" if protected else "Delete",
            tagging=tagging,
        )
        self.autoscaler = ClusterAutoscalerIdentity(
            f"{name}-cluster-autoscaler",
            account=account,
            cluster_name=name,
            cluster=self.cluster.cluster,
            node_group_names=[pool.node_group_name for pool in self.node_pools.values()],
            tagging=tagging,
            opts=child,
        )

        self.buckets = self._buckets(name, account, unique_bucket, retention, p.ingestion, tagging)
        data_buckets = [b for b in (*DATA_BUCKETS, *INGESTION_BUCKETS) if b in self.buckets]

        self.registry = ContainerRegistry(
            f"{name}-ecr",
            namespace=name,
            images=WORKLOADS,
            key_arn=self.keys.arn("storage"),
            key_alias=self.keys.alias("storage"),
            account=account,
            tagging=tagging,
            opts=child,
        )

        # The registry database and the online store exist only when their feature is on.
        self.database: RegistryDatabase | None = None
        if p.registry.enabled:
            db = p.registry.database
            self.database = RegistryDatabase(
                f"{name}-registry-db",
                account=account,
                vpc_id=self.network.vpc_id,
                client_security_group_id=self.cluster.cluster_security_group_id,
                subnet_ids=self.network.private_subnet_ids,
                key_arn=self.keys.arn("database"),
                logs_key_arn=self.keys.arn("logs"),
                log_retention_days=retention,
                instance_class=db.instance_class,
                storage_gb=db.storage_gb,
                backup_retention_days=db.backup_retention_days,
                multi_az=db.high_availability,
                deletion_protection=protected,
                tagging=tagging,
                opts=child,
            )

        self.online_store: OnlineStore | None = None
        if p.feature_store.enabled:
            store = p.feature_store.online_store
            self.online_store = OnlineStore(
                f"{name}-online-store",
                vpc_id=self.network.vpc_id,
                client_security_group_id=self.cluster.cluster_security_group_id,
                subnet_ids=self.network.private_subnet_ids,
                key_arn=self.keys.arn("database"),
                logs_key_arn=self.keys.arn("logs"),
                log_retention_days=retention,
                node_type=store.node_type,
                replicas=store.replicas,
                auth_token=self._online_store_token(name),
                snapshot_retention_days=7 if protected else 1,
                tagging=tagging,
                opts=child,
            )

        # The event stream exists only when ingestion is on.
        self.event_stream: EventStream | None = None
        if p.ingestion.enabled:
            self.event_stream = EventStream(
                f"{name}-stream",
                vpc_id=self.network.vpc_id,
                client_security_group_id=self.cluster.cluster_security_group_id,
                subnet_ids=self.network.private_subnet_ids,
                key_arn=self.keys.arn("streaming"),
                logs_key_arn=self.keys.arn("logs"),
                log_retention_days=retention,
                instance_type=p.stream_size,
                storage_gb=p.ingestion.stream.broker_storage_gb,
                tagging=tagging,
                opts=child,
            )

        self.audit = AuditTrail(
            f"{name}-audit",
            account=account,
            bucket_name=unique_bucket("audit"),
            logs_key_arn=self.keys.arn("logs"),
            log_retention_days=retention,
            access_log_bucket=self.access_logs.name,
            data_bucket_arns=[self.buckets[b].arn for b in data_buckets],
            tagging=tagging,
            opts=child,
        )

        self.config_recording = ConfigRecording(
            f"{name}-config",
            account=account,
            bucket_name=self.audit.bucket.name,
            static_bucket_name=unique_bucket("audit"),
            logs_key_arn=self.keys.arn("logs"),
            logs_key_alias=self.keys.alias("logs"),
            tagging=tagging,
            opts=child,
        )

        self.identities = WorkloadIdentities(
            f"{name}-workload",
            account=account,
            cluster_name=name,
            cluster=self.cluster.cluster,
            bucket_names={b: self.buckets[b].static_name for b in data_buckets},
            storage_key_alias=self.keys.alias("storage"),
            registry_secret=DatabaseSecret(
                instance_arn=account.arn("rds", f"db:{self.database.identifier}"),
                key_alias=self.keys.alias("database"),
            )
            if self.database is not None
            else None,
            tagging=tagging,
            stream=StreamAccess(self.event_stream.cluster_name, p.ingestion.stream.topic)
            if self.event_stream is not None
            else None,
            opts=child,
        )

        none = pulumi.Output.from_input("")  # endpoint of a feature that is switched off
        self.cloud_platform = CloudPlatform(
            organisation_documents={"serviceControlPolicy": self.scp_document},
            cloud="aws",
            region=p.region,
            cluster_name=self.cluster.cluster.name,
            cluster_endpoint=self.cluster.endpoint,
            kubeconfig=self.cluster.kubeconfig,
            oidc_issuer=self.cluster.oidc_issuer,
            storage_uris={b: self.buckets[b].uri for b in data_buckets},
            registry_url=self.registry.registry_host,
            database_endpoint=self.database.endpoint if self.database is not None else none,
            redis_endpoint=self.online_store.endpoint if self.online_store is not None else none,
            workload_identities=dict(self.identities.role_arns),
            persona_groups={persona: persona_group(persona) for persona in PERSONAS},
            storage_class=DEFAULT_STORAGE_CLASS,
            image_repositories=dict(self.registry.repository_urls),
            redis_auth_token=self.online_store.auth_token if self.online_store else None,
            database_credentials_ref=self.database.master_secret_arn if self.database else None,
            workload_service_accounts=dict(WORKLOAD_SERVICE_ACCOUNTS),
            # Pod Identity needs no service-account annotations or pod labels.
            internal_lb_annotations=dict(facts.INTERNAL_LB_ANNOTATIONS),
            redis_tls_port=facts.REDIS_TLS_PORT,
            secrets_provider=facts.secrets_provider(p.region),
            workflow_artifact_repository=facts.workflow_artifact_repository(
                self.buckets["artifacts"].uri, p.region
            ),
            cluster_autoscaler_values=facts.cluster_autoscaler_values(
                self.cluster.cluster.name, p.region
            ),
            event_stream=EventStreamEndpoint(
                bootstrap_servers=self.event_stream.bootstrap_brokers,
                port=IAM_TLS_PORT,
                security_protocol="SASL_SSL",
                sasl_mechanism="OAUTHBEARER",
                topic=p.ingestion.stream.topic,
                auth_via="aws-msk-iam",
            )
            if self.event_stream is not None
            else None,
        )
        self.register_outputs(
            {
                "clusterName": self.cluster.cluster.name,
                "buckets": {b: bucket.name for b, bucket in self.buckets.items()},
                "repositories": self.registry.repository_urls,
                "autoscalerRoleArn": self.autoscaler.role_arn,
                "workloadServiceAccounts": {
                    w: f"{ns}/{sa}" for w, (ns, sa) in WORKLOAD_SERVICE_ACCOUNTS.items()
                },
            }
        )

    def _buckets(
        self,
        name: str,
        account: AwsAccount,
        unique_bucket: Callable[[str], pulumi.Output[str]],
        retention: int,
        ingestion: Ingestion,
        tagging: Tagging,
    ) -> dict[str, SecureBucket]:
        """The access-log bucket first (the others log into it), then the data buckets."""
        child = pulumi.ResourceOptions(parent=self)
        storage_key = self.keys.arn("storage")
        self.access_logs = SecureBucket(
            f"{name}-access-logs",
            account=account,
            bucket_name=unique_bucket("access-logs"),
            spec=BucketSpec(
                purpose="access-logs",
                key_arn=storage_key,
                lifecycle=Lifecycle(
                    expire_days=retention, noncurrent_days=30, infrequent_access_days=30
                ),
                writers=[
                    ServiceWriter(
                        service="logging.s3.amazonaws.com",
                        actions=["s3:PutObject"],
                        condition={"StringEquals": {"aws:SourceAccount": account.account_id}},
                    )
                ],
            ),
            access_log_bucket=None,
            tagging=tagging,
            opts=child,
        )
        lifecycles = {
            "offline-store": Lifecycle(noncurrent_days=30, infrequent_access_days=90),
            "artifacts": Lifecycle(noncurrent_days=180),
            "prediction-logs": Lifecycle(
                expire_days=retention, noncurrent_days=30, infrequent_access_days=30
            ),
            # Batch scoring's results: a rescored partition replaces its object, the
            # version it replaced is kept a month.
            "predictions": Lifecycle(noncurrent_days=30, infrequent_access_days=90),
        }
        specs = {
            purpose: BucketSpec(purpose=purpose, key_arn=storage_key, lifecycle=lifecycles[purpose])
            for purpose in DATA_BUCKETS
        }
        if ingestion.enabled:
            # Raw: append-only and write-once for rawLockDays (Object Lock), kept
            # rawRetentionDays; a locked version cannot expire before its lock ends.
            specs["raw"] = BucketSpec(
                purpose="raw",
                key_arn=storage_key,
                lifecycle=Lifecycle(
                    expire_days=ingestion.raw_retention_days,
                    noncurrent_days=ingestion.raw_lock_days,
                ),
                lock_days=ingestion.raw_lock_days,
                append_only=True,
            )
            # Curated: deduplicated partitions are rewritten in place; the versions they
            # replace are kept curatedNoncurrentDays.
            specs["curated"] = BucketSpec(
                purpose="curated",
                key_arn=storage_key,
                lifecycle=Lifecycle(noncurrent_days=ingestion.curated_noncurrent_days),
            )
        return {
            purpose: SecureBucket(
                f"{name}-{purpose}",
                account=account,
                bucket_name=unique_bucket(purpose),
                spec=spec,
                access_log_bucket=self.access_logs.name,
                tagging=tagging,
                opts=child,
            )
            for purpose, spec in specs.items()
        }

    def _online_store_token(self, name: str) -> pulumi.Output[str]:
        """The stack's `onlineStoreAuthToken` secret, else a generated one (kept secret)."""
        configured = self.secrets.online_store_auth_token
        if configured is not None:
            return pulumi.Output.secret(configured)
        # An explicit provider: every custom resource of the stack names its provider.
        generator = random.Provider(f"{name}-random", opts=pulumi.ResourceOptions(parent=self))
        token = random.RandomPassword(
            f"{name}-online-store-token",
            length=64,
            special=False,
            opts=pulumi.ResourceOptions(parent=self, provider=generator),
        )
        return pulumi.Output.secret(token.result)
