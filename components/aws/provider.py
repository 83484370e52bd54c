"""The explicit AWS provider every AWS component uses, pinned to the validated region."""

from __future__ import annotations

import pulumi
import pulumi_aws as aws


def regional_aws_provider(
    name: str, region: str, tags: dict[str, str], opts: pulumi.ResourceOptions | None = None
) -> aws.Provider:
    """An AWS provider for `region` (already validated against the jurisdiction catalogue).

    Default tags are set for real deployments; components still merge the mandatory
    tags explicitly because provider defaults are not applied under the mock engine.
    """
    return aws.Provider(
        name,
        region=region,
        default_tags=aws.ProviderDefaultTagsArgs(tags=tags),
        opts=opts,
    )
