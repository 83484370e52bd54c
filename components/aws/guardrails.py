"""Cloud guardrails in the jurisdiction: a permissions boundary on every role the platform
creates, AWS Config recording with managed rules, and the organisation's SCP document.

The boundary caps what any platform role can ever do, whatever policies are attached to
it later: nothing outside the jurisdiction's regions (`aws:RequestedRegion`), except the
global services whose single endpoint lives elsewhere. The SCP document is for the
organisation's administrators, who apply it outside this program (a member account's
stack cannot attach policies to itself); it is a stack output and a generated file
(`docs/guardrails/<stack>.scp.json`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_aws as aws

from components.aws import iam_documents
from components.aws.account import AwsAccount
from components.aws.tagging import Tagging

# The path that marks a policy as a permissions boundary, never a grant (the pack's IAM-012
# refuses one attached to a role as a permission policy).
BOUNDARY_PATH = "/smp-boundary/"

# Global services whose requests are not made to the jurisdiction's region, so a region
# deny must leave them out. Source: AWS IAM User Guide, "AWS: Denies access to AWS based
# on the requested Region" (reference_policies_examples_aws_deny-requested-region):
# CloudFront, IAM, Organizations, Route 53 and Support "should not be denied because these
# are popular AWS global services with a single endpoint that is physically located in
# the us-east-1 Region".
GLOBAL_SERVICE_ACTIONS = ("cloudfront:*", "iam:*", "organizations:*", "route53:*", "support:*")

# Actions that would stop or blind the organisation's CloudTrail (the SCP denies them).
CLOUDTRAIL_TAMPERING = (
    "cloudtrail:DeleteTrail",
    "cloudtrail:PutEventSelectors",
    "cloudtrail:StopLogging",
    "cloudtrail:UpdateTrail",
)


def region_deny_statement(regions: Sequence[str]) -> dict[str, Any]:
    """Deny everything but the global services outside `regions`."""
    return {
        "Sid": "DenyOutsideTheJurisdiction",
        "Effect": "Deny",
        "NotAction": list(GLOBAL_SERVICE_ACTIONS),
        "Resource": "*",
        "Condition": {"StringNotEquals": {"aws:RequestedRegion": sorted(regions)}},
    }


def boundary_document(regions: Sequence[str]) -> dict[str, Any]:
    """The permissions boundary: the role's own policies decide, inside the jurisdiction.

    A boundary only caps: its Allow grants nothing by itself (AWS evaluates the
    intersection of the boundary and the role's policies), so `*` is the cap here and the
    region deny the guardrail.
    """
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "CapToTheRolesOwnPolicies",
                "Effect": "Allow",
                "Action": "*",
                "Resource": "*",
            },
            region_deny_statement(regions),
            {
                "Sid": "KeepTheBoundary",
                "Effect": "Deny",
                "Action": [
                    "iam:DeleteRolePermissionsBoundary",
                    "iam:PutRolePermissionsBoundary",
                ],
                "Resource": "*",
            },
        ],
    }


def scp_document(regions: Sequence[str]) -> dict[str, Any]:
    """The service control policy for the organisation: the same region deny for every
    principal of the account, no leaving the organisation, CloudTrail cannot be stopped."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            region_deny_statement(regions),
            {
                "Sid": "StayInTheOrganisation",
                "Effect": "Deny",
                "Action": ["organizations:LeaveOrganization"],
                "Resource": "*",
            },
            {
                "Sid": "CloudTrailCannotBeStopped",
                "Effect": "Deny",
                "Action": list(CLOUDTRAIL_TAMPERING),
                "Resource": "*",
            },
        ],
    }


@dataclass(frozen=True)
class ManagedConfigRule:
    """An AWS Config managed rule, where its identifier and region availability come from."""

    identifier: str
    resource_types: tuple[str, ...]
    source: str


_CONFIG_DOCS = "https://docs.aws.amazon.com/config/latest/developerguide/"
# Managed rules for the resource types the platform creates; each rule's page (its
# identifier, resource types and "AWS Region") is the source; none excludes me-central-1.
MANAGED_CONFIG_RULES = (
    ManagedConfigRule(
        "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
        ("AWS::S3::Bucket",),
        _CONFIG_DOCS + "s3-bucket-server-side-encryption-enabled.html",
    ),
    ManagedConfigRule(
        "ENCRYPTED_VOLUMES", ("AWS::EC2::Volume",), _CONFIG_DOCS + "encrypted-volumes.html"
    ),
    ManagedConfigRule(
        "EKS_SECRETS_ENCRYPTED", ("AWS::EKS::Cluster",), _CONFIG_DOCS + "eks-secrets-encrypted.html"
    ),
    ManagedConfigRule(
        "EKS_ENDPOINT_NO_PUBLIC_ACCESS",
        ("AWS::EKS::Cluster",),
        _CONFIG_DOCS + "eks-endpoint-no-public-access.html",
    ),
    ManagedConfigRule(
        "RDS_STORAGE_ENCRYPTED", ("AWS::RDS::DBInstance",), _CONFIG_DOCS + "rds-storage-encrypted"
    ),
    ManagedConfigRule(
        "INCOMING_SSH_DISABLED", ("AWS::EC2::SecurityGroup",), _CONFIG_DOCS + "restricted-ssh.html"
    ),
)


class RoleBoundary(pulumi.ComponentResource):
    """The permissions boundary every platform role carries.

    Attributes: `policy`, `arn` (pass it as `permissions_boundary` of each role).
    """

    def __init__(
        self,
        name: str,
        *,
        regions: Sequence[str],
        tagging: Tagging,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:aws:RoleBoundary", name, None, opts)
        self.policy = aws.iam.Policy(
            name,
            name=name,
            path=BOUNDARY_PATH,
            description="Permissions boundary of the platform's roles: nothing outside "
            f"{', '.join(sorted(regions))} but the global services",
            policy=pulumi.Output.json_dumps(boundary_document(regions)),
            tags=tagging.for_resource(name),
            opts=pulumi.ResourceOptions(parent=self),
        )
        self.arn = self.policy.arn
        self.register_outputs({"arn": self.arn})


class ConfigRecording(pulumi.ComponentResource):
    """AWS Config: a recorder of every supported resource type (global ones too, since the
    platform's IAM roles are global), delivered to the in-country audit bucket, switched on,
    with the managed rules of `MANAGED_CONFIG_RULES`.

    Attributes: `recorder`, `channel`, `status`, `rules`.
    """

    def __init__(
        self,
        name: str,
        *,
        account: AwsAccount,
        bucket_name: pulumi.Input[str],
        static_bucket_name: pulumi.Input[str],
        logs_key_arn: pulumi.Input[str],
        logs_key_alias: str,
        tagging: Tagging,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """`bucket_name` is the audit bucket's output (the channel depends on the bucket);
        `static_bucket_name` the same name known before it exists, and `logs_key_alias`
        the logs key by alias, for the role's policy (known at the first preview)."""
        super().__init__("smp:aws:ConfigRecording", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        role = aws.iam.Role(
            f"{name}-config",
            assume_role_policy=iam_documents.service_trust(
                "config.amazonaws.com", account.account_id
            ),
            permissions_boundary=account.role_boundary_arn,
            tags=tagging.for_resource(f"{name}-config"),
            opts=child,
        )
        aws.iam.RolePolicyAttachment(
            f"{name}-config-read",
            role=role.name,
            policy_arn=pulumi.Output.concat(
                "arn:", account.partition, ":iam::aws:policy/service-role/AWS_ConfigRole"
            ),
            opts=child,
        )
        prefix = "config"
        deliver = aws.iam.RolePolicy(
            f"{name}-config-deliver",
            role=role.id,
            policy=iam_documents.document(
                [
                    iam_documents.allow(
                        "DeliverToTheAuditBucket",
                        ["s3:PutObject"],
                        [
                            account.s3_arn(
                                static_bucket_name,
                                pulumi.Output.concat(
                                    "/", prefix, "/AWSLogs/", account.account_id, "/Config/*"
                                ),
                            )
                        ],
                    ),
                    iam_documents.allow(
                        "ReadTheAuditBucketAcl",
                        ["s3:GetBucketAcl"],
                        [account.s3_arn(static_bucket_name)],
                    ),
                    *iam_documents.kms_use("EncryptWithTheLogsKey", account, logs_key_alias),
                ]
            ),
            opts=child,
        )
        self.recorder = aws.cfg.Recorder(
            f"{name}-recorder",
            name=f"{name}-recorder",
            role_arn=role.arn,
            recording_group={"all_supported": True, "include_global_resource_types": True},
            opts=child,
        )
        self.channel = aws.cfg.DeliveryChannel(
            f"{name}-channel",
            name=f"{name}-channel",
            s3_bucket_name=bucket_name,
            s3_key_prefix=prefix,
            s3_kms_key_arn=logs_key_arn,
            opts=pulumi.ResourceOptions(parent=self, depends_on=[self.recorder, deliver]),
        )
        self.status = aws.cfg.RecorderStatus(
            f"{name}-recording",
            name=self.recorder.name,
            is_enabled=True,
            opts=pulumi.ResourceOptions(parent=self, depends_on=[self.channel]),
        )
        self.rules = [
            aws.cfg.Rule(
                f"{name}-{rule.identifier.lower().replace('_', '-')}",
                name=f"{name}-{rule.identifier.lower().replace('_', '-')}",
                source={"owner": "AWS", "source_identifier": rule.identifier},
                scope={"compliance_resource_types": list(rule.resource_types)},
                tags=tagging.for_resource(f"{name}-{rule.identifier.lower()}"),
                opts=pulumi.ResourceOptions(parent=self, depends_on=[self.status]),
            )
            for rule in MANAGED_CONFIG_RULES
        ]
        self.register_outputs({"recorder": self.recorder.name})
