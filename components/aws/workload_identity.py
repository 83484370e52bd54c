"""One IAM role per workload, bound to its Kubernetes service account with EKS Pod
Identity, allowed exactly the bucket prefixes and keys its job needs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from components import interface
from components.aws import iam_documents
from components.aws.tagging import Tagging

# Pod Identity binds each role to the workload's service account (no annotation
# needed); the in-cluster layer creates the service accounts.
WORKLOAD_SERVICE_ACCOUNTS = interface.WORKLOAD_SERVICE_ACCOUNTS

READ = ("s3:GetObject", "s3:GetObjectVersion")
WRITE = ("s3:PutObject", "s3:AbortMultipartUpload")


@dataclass(frozen=True)
class BucketAccess:
    """Access of one workload to one bucket (under an optional prefix)."""

    bucket: str  # purpose: offline-store, artifacts, prediction-logs
    actions: tuple[str, ...]
    prefix: str = ""


# What each workload may touch. Least privilege: no bucket-wide delete, and the
# drift monitor reads logs and baselines but writes only its reports.
WORKLOAD_ACCESS: dict[str, tuple[BucketAccess, ...]] = {
    "training": (BucketAccess("offline-store", READ),
                 BucketAccess("artifacts", READ + WRITE)),
    "serving": (BucketAccess("artifacts", READ),
                BucketAccess("prediction-logs", WRITE)),
    "drift-monitor": (BucketAccess("prediction-logs", READ),
                      BucketAccess("artifacts", READ, prefix="baselines/"),
                      BucketAccess("artifacts", WRITE, prefix="drift-reports/")),
    "feature-store": (BucketAccess("offline-store", READ + WRITE),),
    "registry": (BucketAccess("artifacts", READ + WRITE + ("s3:DeleteObject",)),),
}


def workload_policy(workload: str, bucket_arns: Mapping[str, pulumi.Input[str]],
                    key_arn: pulumi.Input[str],
                    secret: tuple[pulumi.Input[str], pulumi.Input[str]] | None = None,
                    region: str = "") -> pulumi.Output[str]:
    """The identity policy of one workload: object actions on its prefixes, listing
    of its buckets (limited to the same prefixes), use of the storage key and, for
    the registry, reading one secret (the database credentials) through Secrets
    Manager only."""
    statements = []
    for i, access in enumerate(WORKLOAD_ACCESS[workload]):
        arn = bucket_arns[access.bucket]
        statements.append(iam_documents.allow(
            f"Objects{i}", list(access.actions),
            [pulumi.Output.concat(arn, "/", access.prefix, "*")]))
        listing = {"StringLike": {"s3:prefix": [f"{access.prefix}*"]}} if access.prefix else None
        statements.append(iam_documents.allow(f"List{i}", ["s3:ListBucket"], [arn], listing))
    statements += iam_documents.kms_use("StorageKey", [key_arn])
    if secret is not None:
        secret_arn, secret_key_arn = secret
        statements.append(iam_documents.allow(
            "ReadDatabaseCredentials", ["secretsmanager:DescribeSecret",
                                        "secretsmanager:GetSecretValue"], [secret_arn]))
        statements.append(iam_documents.allow(
            "DecryptDatabaseCredentials", ["kms:Decrypt"], [secret_key_arn],
            {"StringEquals": {"kms:ViaService": f"secretsmanager.{region}.amazonaws.com"}}))
    return iam_documents.document(statements)


class WorkloadIdentities(pulumi.ComponentResource):
    """Roles and Pod Identity associations for the platform's workloads.

    Attributes: `roles[workload]`, `role_arns[workload]`.
    """

    def __init__(
        self,
        name: str,
        *,
        cluster_name: pulumi.Input[str],
        bucket_arns: Mapping[str, pulumi.Input[str]],
        storage_key_arn: pulumi.Input[str],
        registry_secret: tuple[pulumi.Input[str], pulumi.Input[str]] | None,
        region: str,
        tagging: Tagging,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:aws:WorkloadIdentities", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        self.roles: dict[str, aws.iam.Role] = {}
        for workload, (namespace, service_account) in WORKLOAD_SERVICE_ACCOUNTS.items():
            role = aws.iam.Role(
                f"{name}-{workload}",
                assume_role_policy=iam_documents.pod_identity_trust(
                    cluster_name, namespace, service_account),
                max_session_duration=3600,
                tags=tagging.for_resource(f"{name}-{workload}", workload=workload),
                opts=child)
            aws.iam.RolePolicy(
                f"{name}-{workload}", role=role.id,
                policy=workload_policy(
                    workload, bucket_arns, storage_key_arn,
                    registry_secret if workload == "registry" else None, region),
                opts=child)
            aws.eks.PodIdentityAssociation(
                f"{name}-{workload}", cluster_name=cluster_name, namespace=namespace,
                service_account=service_account, role_arn=role.arn,
                tags=tagging.for_resource(f"{name}-{workload}", workload=workload),
                opts=child)
            self.roles[workload] = role
        self.role_arns = {w: r.arn for w, r in self.roles.items()}
        self.register_outputs({"roleArns": self.role_arns})
