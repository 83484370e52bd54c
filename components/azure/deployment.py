"""What every Azure component of one stack shares: settings, provider, location, group."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import pulumi

from components.azure.tagging import merged_tags
from components.secrets import PlatformSecrets
from platform_spec import StackSettings

# Namespace for role-assignment names: a role assignment's name must be a GUID,
# and deriving it from stack + purpose keeps plans reviewable and re-runs stable.
_ROLE_ASSIGNMENT_NAMESPACE = uuid.UUID("6f0d3f7e-4c55-4d1b-9a0e-5c1a8e7b2d10")


@dataclass(frozen=True)
class AzureDeployment:
    """The shared context of one Azure stack, handed to each component."""

    settings: StackSettings
    provider: pulumi.ProviderResource
    tenant_id: pulumi.Output[str]
    subscription_id: pulumi.Output[str]
    secrets: PlatformSecrets = field(default_factory=PlatformSecrets)

    @property
    def stack(self) -> str:
        """The stack name, the root of every derived name."""
        return self.settings.stack

    @property
    def resource_group_name(self) -> str:
        """The stack's resource group; every resource of the stack lives in it."""
        return f"rg-{self.stack}"

    @property
    def location(self) -> str:
        """The validated region; every resource sets it explicitly."""
        return self.settings.platform.region

    def tags(self, component: str, extra: dict[str, str] | None = None) -> dict[str, str]:
        """Mandatory tags merged with a component's own."""
        return merged_tags(self.settings, component, extra)

    def child(self, parent: pulumi.Resource, **kwargs: object) -> pulumi.ResourceOptions:
        """Options for a child of `parent`: parented, on the regional provider."""
        return pulumi.ResourceOptions(parent=parent, provider=self.provider, **kwargs)  # type: ignore[arg-type]

    def invoke(self, parent: pulumi.Resource) -> pulumi.InvokeOptions:
        """Invoke options on the regional provider."""
        return pulumi.InvokeOptions(parent=parent, provider=self.provider)

    def arm_id(self, resource_path: str) -> pulumi.Output[str]:
        """The ARM id of `resource_path` (`Microsoft.X/type/name[/...]`) in the stack's group.

        Built from the subscription (an invoke, answered during preview) and names the
        layer derives itself, so it is known at a stack's first `pulumi preview`, when
        the resource's own `id` output is not. Rules that judge an id (a role
        assignment's scope) can then decide at plan time instead of failing closed.
        """
        group = self.resource_group_name
        return self.subscription_id.apply(
            lambda sub: f"/subscriptions/{sub}/resourceGroups/{group}/providers/{resource_path}"
        )

    def role_assignment_name(self, purpose: str) -> str:
        """A stable GUID for the role assignment `purpose` of this stack."""
        return str(uuid.uuid5(_ROLE_ASSIGNMENT_NAMESPACE, f"{self.stack}/{purpose}"))

    def role_definition_id(self, role_guid: str) -> pulumi.Output[str]:
        """The subscription-scoped id of a built-in role definition."""
        return self.subscription_id.apply(
            lambda sub: (
                f"/subscriptions/{sub}/providers/Microsoft.Authorization/"
                f"roleDefinitions/{role_guid}"
            )
        )
