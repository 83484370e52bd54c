"""Audit logging: a multi-region CloudTrail trail (global-service events included) with
log-file validation and KMS into an in-region bucket, mirrored to a CMK-encrypted log group
with retention."""

from __future__ import annotations

from collections.abc import Sequence

import pulumi
import pulumi_aws as aws

from components.aws import iam_documents
from components.aws.account import AwsAccount
from components.aws.storage import BucketSpec, Lifecycle, SecureBucket, ServiceWriter
from components.aws.tagging import Tagging


def trail_name(name: str) -> str:
    """The trail's name; the logs key policy names it before the trail exists."""
    return f"{name}-trail"


class AuditTrail(pulumi.ComponentResource):
    """A multi-region CloudTrail trail delivered here, with data events for the platform's
    buckets.

    Multi-region with global-service events on purpose: the platform uses one
    region, so any API call this account makes in another region (a bucket, a
    snapshot copy, a key created outside the jurisdiction) or to a global service
    (IAM, STS, CloudFront) is exactly what residency monitoring must see, and a
    single-region trail would never record it. Every region's events are written
    to this trail's bucket in the home region (CMK-encrypted, write-once), so the
    records of out-of-jurisdiction activity stay in the jurisdiction too. The trail
    ARN, and so every policy condition that names it, is the home region's.

    Attributes: `trail`, `bucket`, `log_group`.
    """

    def __init__(
        self,
        name: str,
        *,
        account: AwsAccount,
        bucket_name: pulumi.Input[str],
        logs_key_arn: pulumi.Input[str],
        log_retention_days: int,
        access_log_bucket: pulumi.Input[str],
        data_bucket_arns: Sequence[pulumi.Input[str]],
        tagging: Tagging,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:aws:AuditTrail", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        trail = trail_name(name)
        trail_arn = account.arn("cloudtrail", f"trail/{trail}")
        from_this_trail = {"StringEquals": {"aws:SourceArn": trail_arn}}
        self.bucket = SecureBucket(
            f"{name}-bucket",
            account=account,
            bucket_name=bucket_name,
            spec=BucketSpec(
                purpose="audit",
                key_arn=logs_key_arn,
                lock_days=log_retention_days,
                lifecycle=Lifecycle(
                    expire_days=log_retention_days, noncurrent_days=30, infrequent_access_days=30
                ),
                writers=[
                    ServiceWriter(
                        service="cloudtrail.amazonaws.com",
                        actions=["s3:PutObject"],
                        prefix=pulumi.Output.concat("AWSLogs/", account.account_id, "/"),
                        condition={
                            "StringEquals": {
                                "aws:SourceArn": trail_arn,
                                "s3:x-amz-acl": "bucket-owner-full-control",
                            }
                        },
                        acl_condition=from_this_trail,
                    )
                ],
            ),
            access_log_bucket=access_log_bucket,
            tagging=tagging,
            opts=child,
        )

        group_name = f"/smp/cloudtrail/{name}"
        self.log_group = aws.cloudwatch.LogGroup(
            f"{name}-trail",
            name=group_name,
            kms_key_id=logs_key_arn,
            retention_in_days=log_retention_days,
            tags=tagging.for_resource(f"{name}-trail"),
            opts=child,
        )
        role = aws.iam.Role(
            f"{name}-trail-logs",
            permissions_boundary=account.role_boundary_arn,
            assume_role_policy=iam_documents.service_trust(
                "cloudtrail.amazonaws.com", account.account_id, source_arn=trail_arn
            ),
            tags=tagging.for_resource(f"{name}-trail-logs"),
            opts=child,
        )
        policy = aws.iam.RolePolicy(
            f"{name}-trail-logs",
            role=role.id,
            policy=iam_documents.document(
                [
                    iam_documents.allow(
                        "DeliverTrailToOneGroup",
                        ["logs:CreateLogStream", "logs:PutLogEvents"],
                        [account.log_group_arn(group_name, ":log-stream:*")],
                    )
                ]
            ),
            opts=child,
        )
        self.trail = aws.cloudtrail.Trail(
            f"{name}-trail",
            name=trail,
            s3_bucket_name=self.bucket.name,
            kms_key_id=logs_key_arn,
            enable_log_file_validation=True,
            enable_logging=True,
            # Every region's API activity, and IAM/STS/CloudFront's, lands in this bucket.
            is_multi_region_trail=True,
            include_global_service_events=True,
            cloud_watch_logs_group_arn=pulumi.Output.concat(self.log_group.arn, ":*"),
            cloud_watch_logs_role_arn=role.arn,
            event_selectors=[
                {
                    "read_write_type": "All",
                    "include_management_events": True,
                    "data_resources": [
                        {
                            "type": "AWS::S3::Object",
                            "values": [pulumi.Output.concat(arn, "/") for arn in data_bucket_arns],
                        }
                    ],
                }
            ],
            tags=tagging.for_resource(trail),
            opts=pulumi.ResourceOptions(parent=self, depends_on=[self.bucket, policy]),
        )
        self.register_outputs({"trail": self.trail.arn})
