"""IAM policy documents built in Python, so they are visible on recorded inputs.

Every document must be known at plan time, at the very first `pulumi preview`
too, when nothing exists yet and every id and computed output (ARNs, endpoints)
is unknown: the policy pack fails closed on a document it cannot read. So
documents are built from values known before anything is created (names the
program derives, the account id, partition and region from provider invokes),
never from resource outputs; keys, whose ARNs hold a random id, are named by
alias (`kms:ResourceAliases`).

Least privilege is the rule: callers list explicit actions and resource ARNs.
The only statements allowed a `"*"` resource are read-only API calls that AWS
does not scope to resources (`Describe*`-style calls), and those are pinned to
the stack's region by condition.
"""

from __future__ import annotations

import json
from typing import Any

import pulumi

from components.aws.account import AwsAccount

PolicyStatement = dict[str, Any]


def document(statements: list[PolicyStatement]) -> pulumi.Output[str]:
    """A policy document (statements may hold Outputs) as a JSON string Output."""
    return pulumi.Output.json_dumps({"Version": "2012-10-17", "Statement": statements})


def allow(
    sid: str, actions: list[str], resources: list[Any], condition: dict[str, Any] | None = None
) -> PolicyStatement:
    """An Allow statement on explicit resources."""
    statement: PolicyStatement = {
        "Sid": sid,
        "Effect": "Allow",
        "Action": sorted(actions),
        "Resource": resources,
    }
    if condition:
        statement["Condition"] = condition
    return statement


def allow_unscoped_reads(sid: str, actions: list[str], region: str) -> PolicyStatement:
    """Read-only calls that AWS only authorises on `"*"`, limited to `region`."""
    bad = [a for a in actions if not a.split(":", 1)[1].startswith(("Describe", "Get", "List"))]
    if bad:
        raise ValueError(f"only read-only calls may use an unscoped resource: {bad}")
    return allow(sid, actions, ["*"], {"StringEquals": {"aws:RequestedRegion": region}})


def service_trust(
    service: str,
    source_account: pulumi.Input[str],
    actions: tuple[str, ...] = ("sts:AssumeRole",),
    source_arn: pulumi.Input[str] | None = None,
) -> pulumi.Output[str]:
    """A trust policy for one AWS service principal acting for this account only."""
    condition: dict[str, Any] = {"StringEquals": {"aws:SourceAccount": source_account}}
    if source_arn is not None:
        condition["ArnEquals"] = {"aws:SourceArn": source_arn}
    return document(
        [
            {
                "Effect": "Allow",
                "Principal": {"Service": service},
                "Action": list(actions),
                "Condition": condition,
            }
        ]
    )


def plain_service_trust(service: str) -> str:
    """A trust policy for services that assume roles without source context (EKS, EC2)."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}
            ],
        }
    )


def pod_identity_trust(
    cluster_name: pulumi.Input[str], namespace: str, service_account: str
) -> pulumi.Output[str]:
    """Trust for EKS Pod Identity, limited to one service account of one cluster.

    Pod Identity sets these request tags as session tags; without the condition
    any association in the account could assume the role.
    """
    return document(
        [
            {
                "Sid": "PodIdentityForOneServiceAccount",
                "Effect": "Allow",
                "Principal": {"Service": "pods.eks.amazonaws.com"},
                "Action": ["sts:AssumeRole", "sts:TagSession"],
                "Condition": {
                    "StringEquals": {
                        "aws:RequestTag/eks-cluster-name": cluster_name,
                        "aws:RequestTag/kubernetes-namespace": namespace,
                        "aws:RequestTag/kubernetes-service-account": service_account,
                    }
                },
            }
        ]
    )


def key_by_alias(alias: str) -> dict[str, Any]:
    """The condition that limits a statement on `key/*` to the one key behind `alias`.

    Alias names are unique per account and region, and only the account root may
    create or move aliases (see `kms.ROOT_KEY_ACTIONS`), so this names exactly one key.
    """
    if not alias.startswith("alias/") or "*" in alias:
        raise ValueError(f"a key must be named by one exact alias, not {alias!r}")
    return {"ForAnyValue:StringEquals": {"kms:ResourceAliases": [alias]}}


def kms_use(
    sid: str, account: AwsAccount, alias: str, *, grants: bool = False
) -> list[PolicyStatement]:
    """Statements to encrypt and decrypt with the key behind `alias` (and create
    AWS-resource grants on it)."""
    keys = [account.any_key_arn]
    statements = [
        allow(
            sid,
            [
                "kms:Decrypt",
                "kms:DescribeKey",
                "kms:Encrypt",
                "kms:GenerateDataKey",
                "kms:ReEncryptFrom",
                "kms:ReEncryptTo",
            ],
            keys,
            key_by_alias(alias),
        )
    ]
    if grants:
        statements.append(
            allow(
                f"{sid}Grants",
                ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
                keys,
                {**key_by_alias(alias), "Bool": {"kms:GrantIsForAWSResource": "true"}},
            )
        )
    return statements
