"""Facts about the AWS account and region the stack deploys into, read once."""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_aws as aws


@dataclass(frozen=True)
class AwsAccount:
    """Account id, partition and region; ARNs and service names are built from these."""

    account_id: pulumi.Output[str]
    partition: pulumi.Output[str]
    region: str
    dns_suffix: pulumi.Output[str] | str = "amazonaws.com"
    # The permissions boundary every role the platform creates carries (guardrails.py);
    # set by AwsPlatform once the boundary policy is declared.
    role_boundary_arn: pulumi.Output[str] | None = None

    @classmethod
    def lookup(cls, region: str, parent: pulumi.Resource) -> AwsAccount:
        """Ask the regional provider (inherited from `parent`) who we are."""
        opts = pulumi.InvokeOutputOptions(parent=parent)
        identity = aws.get_caller_identity_output(opts=opts)
        partition = aws.get_partition_output(opts=opts)
        return cls(
            account_id=identity.account_id,
            partition=partition.partition,
            region=region,
            dns_suffix=partition.dns_suffix,
        )

    @property
    def ecr_host(self) -> pulumi.Output[str]:
        """The account's private ECR registry host in this region, built from invoke
        results so it is known at the first preview (before any repository exists)."""
        return pulumi.Output.concat(self.account_id, ".dkr.ecr.", self.region, ".", self.dns_suffix)

    @property
    def root_arn(self) -> pulumi.Output[str]:
        """The account principal that key policies delegate to IAM."""
        return pulumi.Output.concat("arn:", self.partition, ":iam::", self.account_id, ":root")

    def arn(self, service: str, resource: str, *, regional: bool = True) -> pulumi.Output[str]:
        """An ARN of `service` in this account (and region, unless the service is global)."""
        region = self.region if regional else ""
        return pulumi.Output.concat(
            "arn:", self.partition, ":", service, ":", region, ":", self.account_id, ":", resource
        )

    def s3_arn(self, bucket: pulumi.Input[str], path: pulumi.Input[str] = "") -> pulumi.Output[str]:
        """A bucket's (or, with `path`, its objects') ARN: S3 ARNs name no region or account,
        so it is known as soon as the bucket's name is, before the bucket exists."""
        return pulumi.Output.concat("arn:", self.partition, ":s3:::", bucket, path)

    def log_group_arn(self, name: str, suffix: str = "") -> pulumi.Output[str]:
        """The ARN of the log group `name` (plus e.g. `:*` or `:log-stream:*`)."""
        return self.arn("logs", f"log-group:{name}{suffix}")

    @property
    def any_key_arn(self) -> pulumi.Output[str]:
        """Every KMS key of this account in this region: the resource of statements
        that pick one key by alias (`kms:ResourceAliases`), since a key's ARN holds a
        random id that is unknown until the key exists."""
        return self.arn("kms", "key/*")

    def service_endpoint(self, service: str) -> str:
        """The regional VPC endpoint service name, e.g. com.amazonaws.me-central-1.s3."""
        return f"com.amazonaws.{self.region}.{service}"
