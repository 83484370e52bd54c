"""The AWS cloud layer as the composition root builds it: a regional provider, then AwsPlatform."""

from __future__ import annotations

import pulumi

from components.aws.platform import AwsPlatform, AwsPlatformArgs
from components.aws.provider import regional_aws_provider
from components.interface import CloudLayer
from components.secrets import PlatformSecrets
from platform_spec import StackSettings


def build_aws_layer(
    name: str,
    settings: StackSettings,
    secrets: PlatformSecrets,
    parent: pulumi.Resource,
    generated: list[pulumi.ProviderResource],
) -> CloudLayer:
    """Every AWS resource of the stack, on a provider pinned to the validated region.

    `generated` are the root's providers of generated values (random), inherited by
    every child.
    """
    provider = regional_aws_provider(
        f"{name}-aws",
        settings.platform.region,
        settings.mandatory_tags,
        pulumi.ResourceOptions(parent=parent, providers=generated),
    )
    platform = AwsPlatform(
        name,
        AwsPlatformArgs(settings, secrets),
        pulumi.ResourceOptions(parent=parent, provider=provider, providers=generated),
    )
    return CloudLayer(provider, platform.cloud_platform, platform.cluster.kubernetes_provider)
