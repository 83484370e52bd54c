"""The composition root: wires the components of one stack from its validated config."""

from __future__ import annotations

from dataclasses import dataclass

import pulumi

from stacks.config import StackSettings


@dataclass(frozen=True)
class PlatformOutputs:
    """What the platform exports; later layers add cluster and data-service outputs."""

    provider: pulumi.ProviderResource


class SovereignPlatform(pulumi.ComponentResource):
    """One region's platform. Every resource of the stack is a descendant of this component."""

    outputs: PlatformOutputs

    def __init__(self, settings: StackSettings, opts: pulumi.ResourceOptions | None = None):
        p = settings.platform
        name = f"smp-{settings.stack}"
        super().__init__("smp:platform:SovereignPlatform", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        provider: pulumi.ProviderResource
        if p.cloud == "aws":
            from components.aws.provider import regional_aws_provider

            provider = regional_aws_provider(f"{name}-aws", p.region, settings.mandatory_tags,
                                             child)
        else:
            from components.azure.provider import regional_azure_provider

            provider = regional_azure_provider(f"{name}-azure", p.region, child)
        self.outputs = PlatformOutputs(provider=provider)
        self.register_outputs({"cloud": p.cloud, "region": p.region})


def build_platform(settings: StackSettings) -> SovereignPlatform:
    """Build the stack's platform and export the values operators and later layers read."""
    platform = SovereignPlatform(settings)
    p = settings.platform
    pulumi.export("cloud", p.cloud)
    pulumi.export("region", p.region)
    pulumi.export("jurisdiction", p.jurisdiction)
    pulumi.export("environment", p.environment)
    pulumi.export("profile", p.profile)
    return platform
