"""Customer-managed KMS keys, one per purpose, with explicit key policies.

Each key policy names the account root (so IAM policies can grant use of the key)
and only the AWS service principals that must use the key themselves, each bound
to this account by a condition. No `*` principal, no `kms:*` action, rotation on,
single-region (a multi-Region key could be replicated out of the jurisdiction).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_aws as aws

from components.aws.account import AwsAccount
from components.aws.tagging import Tagging

# The purposes we keep separate keys for: compromise or revocation of one
# (e.g. logs) must not expose or break another (e.g. the database).
KEY_PURPOSES = ("eks", "storage", "logs", "database", "streaming")

# What the account root may do with a key: everything an administrator needs,
# spelled out instead of `kms:*` so a least-privilege check can read it.
ROOT_KEY_ACTIONS = sorted(
    [
        "kms:CancelKeyDeletion",
        "kms:CreateAlias",
        "kms:CreateGrant",
        "kms:Decrypt",
        "kms:DeleteAlias",
        "kms:DescribeKey",
        "kms:DisableKey",
        "kms:DisableKeyRotation",
        "kms:EnableKey",
        "kms:EnableKeyRotation",
        "kms:Encrypt",
        "kms:GenerateDataKey",
        "kms:GenerateDataKeyWithoutPlaintext",
        "kms:GetKeyPolicy",
        "kms:GetKeyRotationStatus",
        "kms:ListAliases",
        "kms:ListGrants",
        "kms:ListKeyPolicies",
        "kms:ListKeyRotations",
        "kms:ListResourceTags",
        "kms:PutKeyPolicy",
        "kms:ReEncryptFrom",
        "kms:ReEncryptTo",
        "kms:RetireGrant",
        "kms:RevokeGrant",
        "kms:RotateKeyOnDemand",
        "kms:ScheduleKeyDeletion",
        "kms:TagResource",
        "kms:UntagResource",
        "kms:UpdateAlias",
        "kms:UpdateKeyDescription",
    ]
)
# What a service principal may do with a key it encrypts data for.
SERVICE_KEY_ACTIONS = sorted(
    [
        "kms:Decrypt",
        "kms:DescribeKey",
        "kms:Encrypt",
        "kms:GenerateDataKey",
        "kms:GenerateDataKeyWithoutPlaintext",
        "kms:ReEncryptFrom",
        "kms:ReEncryptTo",
    ]
)
# What a principal that encrypts on our behalf (EKS, EC2 Auto Scaling) needs.
GRANT_ACTIONS = sorted(["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"])


def alias_name(keys_name: str, purpose: str) -> str:
    """The alias of the key for `purpose`; IAM policies name the key by it."""
    return f"alias/{keys_name}-{purpose}"


@dataclass(frozen=True)
class KeyAccess:
    """One statement of a key policy beyond the root statement."""

    sid: str
    principal: dict[str, Any]
    actions: list[str]
    condition: dict[str, Any] | None = None


def key_policy(account: AwsAccount, extra: list[KeyAccess]) -> pulumi.Output[str]:
    """The key policy document: the account root plus named principals only."""
    statements: list[dict[str, Any]] = [
        {
            "Sid": "AccountRootAdministersKey",
            "Effect": "Allow",
            "Principal": {"AWS": account.root_arn},
            "Action": ROOT_KEY_ACTIONS,
            # In a key policy "*" means "this key": the policy is attached to it.
            "Resource": "*",
        }
    ]
    for access in extra:
        statement: dict[str, Any] = {
            "Sid": access.sid,
            "Effect": "Allow",
            "Principal": access.principal,
            "Action": access.actions,
            "Resource": "*",
        }
        if access.condition:
            statement["Condition"] = access.condition
        statements.append(statement)
    return pulumi.Output.json_dumps({"Version": "2012-10-17", "Statement": statements})


class EncryptionKeys(pulumi.ComponentResource):
    """One customer-managed key per purpose (`eks`, `storage`, `logs`, `database`,
    `streaming`).

    Attributes: `keys[purpose]` (aws.kms.Key) and `arn(purpose)`.
    """

    keys: dict[str, aws.kms.Key]

    def __init__(
        self,
        name: str,
        account: AwsAccount,
        tagging: Tagging,
        deletion_window_days: int,
        trail_name: str,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:aws:EncryptionKeys", name, None, opts)
        self._name = name
        self.keys = {}
        self.aliases: dict[str, aws.kms.Alias] = {}
        same_account = {"StringEquals": {"aws:SourceAccount": account.account_id}}
        region = account.region
        extra: dict[str, list[KeyAccess]] = {
            "eks": [],
            # Nodes' EBS volumes are encrypted through EC2 Auto Scaling's service-linked
            # role; S3 server access logs are written by the logging service.
            "storage": [
                KeyAccess(
                    "AutoScalingUsesKeyForNodeVolumes",
                    {
                        "AWS": pulumi.Output.concat(
                            "arn:",
                            account.partition,
                            ":iam::",
                            account.account_id,
                            ":role/aws-service-role/autoscaling.amazonaws.com/"
                            "AWSServiceRoleForAutoScaling",
                        )
                    },
                    SERVICE_KEY_ACTIONS + GRANT_ACTIONS,
                ),
                KeyAccess(
                    "S3ServerAccessLoggingWrites",
                    {"Service": "logging.s3.amazonaws.com"},
                    ["kms:Decrypt", "kms:GenerateDataKey"],
                    same_account,
                ),
            ],
            "logs": [
                KeyAccess(
                    "CloudWatchLogsEncryptsThisAccountsLogGroups",
                    {"Service": f"logs.{region}.amazonaws.com"},
                    SERVICE_KEY_ACTIONS,
                    {
                        "ArnLike": {
                            "kms:EncryptionContext:aws:logs:arn": account.arn("logs", "log-group:*")
                        }
                    },
                ),
                KeyAccess(
                    "CloudTrailEncryptsTheTrail",
                    {"Service": "cloudtrail.amazonaws.com"},
                    ["kms:DescribeKey", "kms:GenerateDataKey"],
                    {
                        "StringEquals": {
                            "aws:SourceArn": account.arn("cloudtrail", f"trail/{trail_name}")
                        }
                    },
                ),
            ],
            "database": [],
            # MSK encrypts broker volumes through grants it creates with the deploying
            # principal's IAM permissions (the account root statement delegates to IAM).
            "streaming": [],
        }
        for purpose in KEY_PURPOSES:
            key = aws.kms.Key(
                f"{name}-{purpose}",
                description=f"{name}: {purpose} encryption",
                enable_key_rotation=True,
                rotation_period_in_days=365,
                multi_region=False,
                key_usage="ENCRYPT_DECRYPT",
                customer_master_key_spec="SYMMETRIC_DEFAULT",
                deletion_window_in_days=deletion_window_days,
                bypass_policy_lockout_safety_check=False,
                policy=key_policy(account, extra[purpose]),
                tags=tagging.for_resource(f"{name}-{purpose}", purpose=purpose),
                opts=pulumi.ResourceOptions(parent=self),
            )
            self.aliases[purpose] = aws.kms.Alias(
                f"{name}-{purpose}",
                name=alias_name(name, purpose),
                target_key_id=key.key_id,
                opts=pulumi.ResourceOptions(parent=self),
            )
            self.keys[purpose] = key
        self.register_outputs({p: k.arn for p, k in self.keys.items()})

    def arn(self, purpose: str) -> pulumi.Output[str]:
        """The ARN of the key for `purpose` (unknown until the key exists)."""
        return self.keys[purpose].arn

    def alias(self, purpose: str) -> str:
        """The alias of the key for `purpose`, known at plan time: IAM policies name
        the key by it (`kms:ResourceAliases`)."""
        if purpose not in self.keys:
            raise KeyError(purpose)
        return alias_name(self._name, purpose)
