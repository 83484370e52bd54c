"""S3 buckets that are private, CMK-encrypted, versioned, logged and never replicated."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_aws as aws

from components.aws import iam_documents
from components.aws.account import AwsAccount
from components.aws.tagging import Tagging

_BUCKET_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")
MAX_BUCKET_NAME = 63


def bucket_name(account_id: str, project: str, stack: str, purpose: str) -> str:
    """A globally unique, deterministic, valid S3 bucket name for one purpose of a stack.

    `<stack>-<purpose>-<hash>`: readable, and the hash of account/project/stack/purpose
    keeps two accounts (or projects) with the same stack name apart. Account ids are
    globally unique and never change, unlike the Pulumi organisation or backend, so
    a name never drifts (which would replace the bucket). The stack part is
    shortened if needed so the whole stays within 63 characters.
    """
    digest = hashlib.sha256(f"{account_id}/{project}/{stack}/{purpose}".encode()).hexdigest()
    suffix = f"-{purpose}-{digest[:8]}"
    head = re.sub(r"[^a-z0-9-]", "-", stack.lower()).strip("-")
    head = head[: MAX_BUCKET_NAME - len(suffix)].rstrip("-") or "smp"
    name = f"{head}{suffix}"
    if not _BUCKET_NAME.match(name) or ".." in name:
        raise ValueError(f"cannot derive a valid bucket name from {stack!r}/{purpose!r}")
    return name


@dataclass(frozen=True)
class ServiceWriter:
    """An AWS service allowed to write into a bucket (log delivery), bound by source."""

    service: str
    actions: list[str]
    condition: dict[str, Any]
    prefix: pulumi.Input[str] = ""
    # Some services (CloudTrail) check the bucket ACL first, under their own condition.
    acl_condition: dict[str, Any] | None = None


@dataclass(frozen=True)
class Lifecycle:
    """How long objects and their old versions live."""

    expire_days: int | None = None
    noncurrent_days: int = 90
    infrequent_access_days: int | None = None


@dataclass(frozen=True)
class BucketSpec:
    """What one bucket is for and how it is kept."""

    purpose: str
    key_arn: pulumi.Input[str]
    lifecycle: Lifecycle = field(default_factory=Lifecycle)
    writers: Sequence[ServiceWriter] = ()
    # Write-once retention (Object Lock, governance mode) in days, for evidence.
    lock_days: int | None = None
    # Append-only: nobody deletes an object or a version (lifecycle expiry still does).
    append_only: bool = False


class SecureBucket(pulumi.ComponentResource):
    """One bucket with SSE-KMS (bucket key), versioning, a full public-access block,
    owner-enforced object ownership, TLS-only and CMK-only policy, lifecycle rules
    and server access logging. There is no replication configuration, by design.

    Attributes: `bucket`, `name`, `arn`, `uri`; `static_name` and `static_arn` (the
    name the caller derived and the ARN built from it, known at plan time: what
    policy documents name).

    The bucket policy is built from known values only, so the policy pack can judge
    it at a stack's first preview. S3 conditions compare key ARNs, and the key's ARN
    holds a random id, so the policy refuses any key outside this account and region
    (`DenyOtherKmsKeys`); that it is *this* key is held by the bucket's default
    encryption and by IAM, which lets every principal of the platform use only the
    keys it is given by alias.
    """

    def __init__(
        self,
        name: str,
        *,
        account: AwsAccount,
        bucket_name: pulumi.Input[str],
        spec: BucketSpec,
        access_log_bucket: pulumi.Input[str] | None,
        tagging: Tagging,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:aws:SecureBucket", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        self.bucket = aws.s3.Bucket(
            name,
            bucket=bucket_name,
            force_destroy=False,
            object_lock_enabled=spec.lock_days is not None,
            tags=tagging.for_resource(name, purpose=spec.purpose),
            opts=child,
        )
        self.name = self.bucket.bucket
        self.arn = self.bucket.arn
        self.static_name: pulumi.Output[str] = pulumi.Output.from_input(bucket_name)
        self.static_arn = account.s3_arn(bucket_name)
        self.uri = pulumi.Output.concat("s3://", self.bucket.bucket)
        self.public_access_block = aws.s3.BucketPublicAccessBlock(
            name,
            bucket=self.bucket.id,
            block_public_acls=True,
            block_public_policy=True,
            ignore_public_acls=True,
            restrict_public_buckets=True,
            opts=child,
        )
        aws.s3.BucketOwnershipControls(
            name,
            bucket=self.bucket.id,
            rule={"object_ownership": "BucketOwnerEnforced"},
            opts=child,
        )
        self.encryption = aws.s3.BucketServerSideEncryptionConfiguration(
            name,
            bucket=self.bucket.id,
            rules=[
                {
                    "apply_server_side_encryption_by_default": {
                        "sse_algorithm": "aws:kms",
                        "kms_master_key_id": spec.key_arn,
                    },
                    "bucket_key_enabled": True,
                }
            ],
            opts=child,
        )
        self.versioning = aws.s3.BucketVersioning(
            name, bucket=self.bucket.id, versioning_configuration={"status": "Enabled"}, opts=child
        )
        if spec.lock_days is not None:
            # Governance mode: nobody deletes or overwrites evidence early without the
            # explicit bypass permission, which no role of this platform holds.
            aws.s3.BucketObjectLockConfiguration(
                name,
                bucket=self.bucket.id,
                rule={"default_retention": {"mode": "GOVERNANCE", "days": spec.lock_days}},
                opts=pulumi.ResourceOptions(parent=self, depends_on=[self.versioning]),
            )
        aws.s3.BucketLifecycleConfiguration(
            name,
            bucket=self.bucket.id,
            rules=self._lifecycle_rules(spec.lifecycle),
            opts=pulumi.ResourceOptions(parent=self, depends_on=[self.versioning]),
        )
        if access_log_bucket is not None:
            aws.s3.BucketLogging(
                name,
                bucket=self.bucket.id,
                target_bucket=access_log_bucket,
                target_prefix=f"{spec.purpose}/",
                opts=child,
            )
        self.policy = aws.s3.BucketPolicy(
            name,
            bucket=self.bucket.id,
            policy=self._policy(account, spec),
            opts=pulumi.ResourceOptions(parent=self, depends_on=[self.public_access_block]),
        )
        self.register_outputs({"bucket": self.name, "arn": self.arn})

    @staticmethod
    def _lifecycle_rules(lifecycle: Lifecycle) -> list[Any]:
        rules: list[Any] = [
            {
                "id": "abort-incomplete-uploads",
                "status": "Enabled",
                "filter": {},
                "abort_incomplete_multipart_upload": {"days_after_initiation": 7},
            },
            {
                "id": "expire-old-versions",
                "status": "Enabled",
                "filter": {},
                "noncurrent_version_expiration": {"noncurrent_days": lifecycle.noncurrent_days},
            },
        ]
        if lifecycle.infrequent_access_days is not None:
            rules.append(
                {
                    "id": "infrequent-access",
                    "status": "Enabled",
                    "filter": {},
                    "transitions": [
                        {"days": lifecycle.infrequent_access_days, "storage_class": "STANDARD_IA"}
                    ],
                }
            )
        if lifecycle.expire_days is not None:
            rules.append(
                {
                    "id": "expire-current",
                    "status": "Enabled",
                    "filter": {},
                    "expiration": {"days": lifecycle.expire_days},
                }
            )
        return rules

    def _policy(self, account: AwsAccount, spec: BucketSpec) -> pulumi.Output[str]:
        bucket = self.static_arn
        objects = pulumi.Output.concat(bucket, "/*")
        statements: list[dict[str, Any]] = [
            {
                "Sid": "DenyInsecureTransport",
                "Effect": "Deny",
                "Principal": {"AWS": "*"},
                "Action": "s3:*",
                "Resource": [bucket, objects],
                "Condition": {"Bool": {"aws:SecureTransport": "false"}},
            },
            {
                "Sid": "DenyOldTls",
                "Effect": "Deny",
                "Principal": {"AWS": "*"},
                "Action": "s3:*",
                "Resource": [bucket, objects],
                "Condition": {"NumericLessThan": {"s3:TlsVersion": "1.2"}},
            },
            # Objects without encryption headers get the bucket default (this CMK);
            # naming any other algorithm, or a key of another account or region, is
            # refused (the key's own ARN is unknown until it exists; see the class).
            {
                "Sid": "DenyOtherEncryption",
                "Effect": "Deny",
                "Principal": {"AWS": "*"},
                "Action": "s3:PutObject",
                "Resource": objects,
                "Condition": {
                    "StringNotEqualsIfExists": {"s3:x-amz-server-side-encryption": "aws:kms"}
                },
            },
            {
                "Sid": "DenyOtherKmsKeys",
                "Effect": "Deny",
                "Principal": {"AWS": "*"},
                "Action": "s3:PutObject",
                "Resource": objects,
                "Condition": {
                    "StringNotLikeIfExists": {
                        "s3:x-amz-server-side-encryption-aws-kms-key-id": account.any_key_arn
                    }
                },
            },
        ]
        if spec.append_only:
            statements.append(
                {
                    "Sid": "DenyDeletes",
                    "Effect": "Deny",
                    "Principal": {"AWS": "*"},
                    "Action": [
                        "s3:DeleteObject",
                        "s3:DeleteObjectVersion",
                        "s3:BypassGovernanceRetention",
                    ],
                    "Resource": objects,
                }
            )
        for writer in spec.writers:
            target = pulumi.Output.concat(bucket, "/", writer.prefix, "*")
            statements.append(
                {
                    "Sid": f"{writer.service.split('.')[0].title()}Writes",
                    "Effect": "Allow",
                    "Principal": {"Service": writer.service},
                    "Action": writer.actions,
                    "Resource": target,
                    "Condition": writer.condition,
                }
            )
            if writer.acl_condition is not None:
                statements.append(
                    {
                        "Sid": f"{writer.service.split('.')[0].title()}ChecksAcl",
                        "Effect": "Allow",
                        "Principal": {"Service": writer.service},
                        "Action": "s3:GetBucketAcl",
                        "Resource": bucket,
                        "Condition": writer.acl_condition,
                    }
                )
        return iam_documents.document(statements)
