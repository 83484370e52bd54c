"""The Azure cloud layer as the composition root builds it: a provider, then AzurePlatform."""

from __future__ import annotations

import pulumi

from components.azure.platform import AzurePlatform, AzurePlatformArgs
from components.azure.provider import regional_azure_provider
from components.interface import CloudLayer
from components.secrets import PlatformSecrets
from platform_spec import StackSettings


def build_azure_layer(
    name: str,
    settings: StackSettings,
    secrets: PlatformSecrets,
    parent: pulumi.Resource,
    generated: list[pulumi.ProviderResource],
) -> CloudLayer:
    """Every Azure resource of the stack, on a provider pinned to the validated location."""
    child = pulumi.ResourceOptions(parent=parent, providers=generated)
    provider = regional_azure_provider(f"{name}-azure", settings.platform.region, child)
    platform = AzurePlatform(f"{name}-az", AzurePlatformArgs(settings, provider, secrets), child)
    return CloudLayer(provider, platform.cloud_platform, platform.kubernetes_provider)
