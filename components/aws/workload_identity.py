"""One IAM role per workload, bound to its Kubernetes service account with EKS Pod
Identity, allowed exactly the bucket prefixes and keys its job needs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from components import interface
from components.aws import iam_documents
from components.aws.account import AwsAccount
from components.aws.tagging import Tagging

# Pod Identity binds each role to the workload's service account (no annotation
# needed); the in-cluster layer creates the service accounts.
WORKLOAD_SERVICE_ACCOUNTS = interface.WORKLOAD_SERVICE_ACCOUNTS

READ = ("s3:GetObject", "s3:GetObjectVersion")
WRITE = ("s3:PutObject", "s3:AbortMultipartUpload")


@dataclass(frozen=True)
class BucketAccess:
    """Access of one workload to one bucket (under an optional prefix)."""

    bucket: str  # purpose: offline-store, artifacts, prediction-logs, predictions
    actions: tuple[str, ...]
    prefix: str = ""


# What each workload may touch. Least privilege: no bucket-wide delete, and the
# drift monitor reads logs and baselines but writes only its reports.
WORKLOAD_ACCESS: dict[str, tuple[BucketAccess, ...]] = {
    # Training reads curated transactions (the data window it trains on) besides features.
    "training": (
        BucketAccess("offline-store", READ),
        BucketAccess("curated", READ),
        BucketAccess("artifacts", READ + WRITE),
        BucketAccess("prediction-logs", READ),
    ),
    # Serving reads the Feast registry (offline-store/feast/) to resolve feature views;
    # the feature data itself comes from the online store.
    "serving": (
        BucketAccess("artifacts", READ),
        BucketAccess("offline-store", READ, prefix="feast/"),
        BucketAccess("prediction-logs", WRITE),
    ),
    "drift-monitor": (
        BucketAccess("prediction-logs", READ),
        BucketAccess("artifacts", READ, prefix="baselines/"),
        BucketAccess("artifacts", WRITE, prefix="drift-reports/"),
    ),
    # Feast materializes from curated data into the offline and online stores.
    "feature-store": (BucketAccess("offline-store", READ + WRITE), BucketAccess("curated", READ)),
    "registry": (BucketAccess("artifacts", READ + WRITE + ("s3:DeleteObject",)),),
    # Batch scoring reads the transactions, the Feast registry and the offline features,
    # and writes (and reads back, to resume) only its own prefix of the predictions zone;
    # the model comes through MLflow's artifact proxy.
    "batch-scoring": (
        BucketAccess("offline-store", READ),
        BucketAccess("predictions", READ + WRITE, prefix="batch/"),
    ),
    # Ingestion alone writes the raw zone (append-only: no delete, and Object Lock keeps
    # what it wrote) and the curated zone; it reads both back to resume and to replay.
    "ingestion": (
        BucketAccess("raw", READ + WRITE),
        BucketAccess("curated", READ + WRITE),
    ),
}
# Kafka data-plane actions (MSK IAM access control) of the ingestion consumer: join its
# consumer groups and read the ingestion topic; it produces nothing and creates nothing.
STREAM_CONSUMER_ACTIONS = {
    "cluster": ("kafka-cluster:Connect", "kafka-cluster:DescribeCluster"),
    "topic": ("kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"),
    "group": ("kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup"),
}


@dataclass(frozen=True)
class StreamAccess:
    """What a workload may do on the event stream: consume `topic` of the MSK cluster
    named `cluster_name` (a name known at plan time; MSK appends a random id to ARNs)."""

    cluster_name: str
    topic: str
    group_prefix: str = "ingestion"


@dataclass(frozen=True)
class DatabaseSecret:
    """The RDS-managed secret of one DB instance, named by what is known at plan time:
    RDS names the secret `rds!db-<random>` and tags it with the instance's ARN, and
    it is encrypted with the key behind `key_alias`."""

    instance_arn: pulumi.Input[str]
    key_alias: str


def workload_policy(
    workload: str,
    account: AwsAccount,
    bucket_names: Mapping[str, pulumi.Input[str]],
    storage_key_alias: str,
    secret: DatabaseSecret | None = None,
    stream: StreamAccess | None = None,
) -> pulumi.Output[str]:
    """The identity policy of one workload: object actions on its prefixes, listing
    of its buckets (limited to the same prefixes), use of the storage key and, for
    the registry, reading one secret (the database credentials) through Secrets
    Manager only.

    Every ARN is built from names known before anything exists (bucket names, the
    key aliases, the DB instance identifier), so the document is known at a stack's
    first preview."""
    statements = []
    # A workload missing from the table touches no bucket; a zone the stack does not
    # have (ingestion off) is granted to nobody.
    granted = [a for a in WORKLOAD_ACCESS.get(workload, ()) if a.bucket in bucket_names]
    for i, access in enumerate(granted):
        bucket = bucket_names[access.bucket]
        statements.append(
            iam_documents.allow(
                f"Objects{i}", list(access.actions), [account.s3_arn(bucket, f"/{access.prefix}*")]
            )
        )
        listing = {"StringLike": {"s3:prefix": [f"{access.prefix}*"]}} if access.prefix else None
        statements.append(
            iam_documents.allow(f"List{i}", ["s3:ListBucket"], [account.s3_arn(bucket)], listing)
        )
    statements += iam_documents.kms_use("StorageKey", account, storage_key_alias)
    if stream is not None:
        name = stream.cluster_name
        resources = {
            "cluster": account.arn("kafka", f"cluster/{name}/*"),
            "topic": account.arn("kafka", f"topic/{name}/*/{stream.topic}"),
            "group": account.arn("kafka", f"group/{name}/*/{stream.group_prefix}*"),
        }
        for kind, actions in STREAM_CONSUMER_ACTIONS.items():
            statements.append(
                iam_documents.allow(f"Stream{kind.title()}", list(actions), [resources[kind]])
            )
    if secret is not None:
        # Any RDS-managed secret of this account and region, but only the one RDS
        # tagged with this instance's ARN (a tag only RDS can set: `aws:` keys are
        # reserved to AWS).
        statements.append(
            iam_documents.allow(
                "ReadDatabaseCredentials",
                ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"],
                [account.arn("secretsmanager", "secret:rds!db-*")],
                {
                    "StringEquals": {
                        "aws:ResourceTag/aws:rds:primaryDBInstanceArn": secret.instance_arn
                    }
                },
            )
        )
        statements.append(
            iam_documents.allow(
                "DecryptDatabaseCredentials",
                ["kms:Decrypt"],
                [account.any_key_arn],
                {
                    "StringEquals": {
                        "kms:ViaService": f"secretsmanager.{account.region}.amazonaws.com"
                    },
                    **iam_documents.key_by_alias(secret.key_alias),
                },
            )
        )
    return iam_documents.document(statements)


class WorkloadIdentities(pulumi.ComponentResource):
    """Roles and Pod Identity associations for the platform's workloads.

    Attributes: `roles[workload]`, `role_arns[workload]`.
    """

    def __init__(
        self,
        name: str,
        *,
        account: AwsAccount,
        cluster_name: str,
        cluster: aws.eks.Cluster,
        bucket_names: Mapping[str, pulumi.Input[str]],
        storage_key_alias: str,
        registry_secret: DatabaseSecret | None,
        tagging: Tagging,
        stream: StreamAccess | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:aws:WorkloadIdentities", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        self.roles: dict[str, aws.iam.Role] = {}
        for workload, (namespace, service_account) in WORKLOAD_SERVICE_ACCOUNTS.items():
            role = aws.iam.Role(
                f"{name}-{workload}",
                permissions_boundary=account.role_boundary_arn,
                # The cluster's name as the program gives it: known at plan time.
                assume_role_policy=iam_documents.pod_identity_trust(
                    cluster_name, namespace, service_account
                ),
                max_session_duration=3600,
                tags=tagging.for_resource(f"{name}-{workload}", workload=workload),
                opts=child,
            )
            aws.iam.RolePolicy(
                f"{name}-{workload}",
                role=role.id,
                policy=workload_policy(
                    workload,
                    account,
                    bucket_names,
                    storage_key_alias,
                    registry_secret if workload == "registry" else None,
                    stream if workload == "ingestion" else None,
                ),
                opts=child,
            )
            aws.eks.PodIdentityAssociation(
                f"{name}-{workload}",
                cluster_name=cluster.name,
                namespace=namespace,
                service_account=service_account,
                role_arn=role.arn,
                tags=tagging.for_resource(f"{name}-{workload}", workload=workload),
                opts=child,
            )
            self.roles[workload] = role
        self.role_arns = {w: r.arn for w, r in self.roles.items()}
        self.register_outputs({"roleArns": self.role_arns})
