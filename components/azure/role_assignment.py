"""Azure RBAC role assignments, always scoped to one resource, never a subscription.

Built-in role ids are fixed GUIDs published by Microsoft; naming them here keeps
every assignment readable in the plan and lets tests check least privilege.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import pulumi
import pulumi_azure_native as azure_native

from components.azure.deployment import AzureDeployment


class BuiltInRole(StrEnum):
    """The built-in roles the platform assigns, by role definition GUID."""

    AKS_RBAC_CLUSTER_ADMIN = "b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b"
    AKS_RBAC_ADMIN = "3498e952-d568-435e-9b2c-8d77e338d7f7"
    AKS_RBAC_WRITER = "a7ffa36f-339b-4b5c-8bdf-e2c188b2c0eb"
    AKS_RBAC_READER = "7f6c6a51-bcf8-42ba-9220-52d62157d7db"
    KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER = "e147488a-f6f5-4113-8e2d-b22465e65bf6"
    KEY_VAULT_CRYPTO_USER = "12338af0-0e69-4776-bea7-57ae8d297424"
    KEY_VAULT_CONTRIBUTOR = "f25e0fa2-a7c8-4377-a976-54943a77a395"
    KEY_VAULT_SECRETS_USER = "4633458b-17de-408a-b874-0445c86b69e6"
    STORAGE_BLOB_DATA_CONTRIBUTOR = "ba92f5b4-2d11-453d-a403-e96b0029c9fe"
    STORAGE_BLOB_DATA_READER = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"
    ACR_PULL = "7f951dda-4ed3-4680-a7ca-43fe172d538d"
    NETWORK_CONTRIBUTOR = "4d97b98b-1d4f-4787-a291-c67834d212e7"
    PRIVATE_DNS_ZONE_CONTRIBUTOR = "b12aa53e-6015-4669-85d0-8515ebb3ae7f"
    MANAGED_IDENTITY_OPERATOR = "f1a07417-d97a-45cb-824c-7a7467783830"
    READER = "acdd72a7-3b5f-4dd0-9c26-e8d6a2dc6f5a"
    EVENT_HUBS_DATA_RECEIVER = "a638d3c7-ab3a-418d-83e6-5f17a39d4fde"


@dataclass(frozen=True)
class Scope:
    """What a role assignment is scoped to: the ARM id of one resource, known at plan time
    (see `AzureDeployment.arm_id`), and that resource, so the assignment is still created
    after it."""

    id: pulumi.Output[str]
    resource: pulumi.Resource


def assign_role(
    deployment: AzureDeployment,
    parent: pulumi.Resource,
    purpose: str,
    role: BuiltInRole,
    principal_id: pulumi.Input[str],
    scope: Scope,
    principal_type: str = "ServicePrincipal",
    depends_on: list[pulumi.Resource] | None = None,
) -> azure_native.authorization.RoleAssignment:
    """Grant `role` to `principal_id` on exactly `scope` (one resource, never a subscription).

    `purpose` names the Pulumi resource and seeds the assignment's GUID, so it must
    be unique within the stack. The scope is an id known at preview, so the policy
    pack can judge it at a stack's first `pulumi preview`; the assignment depends on
    the scoped resource explicitly, as it did implicitly through its `id` output.
    """
    return azure_native.authorization.RoleAssignment(
        f"{deployment.stack}-ra-{purpose}",
        role_assignment_name=deployment.role_assignment_name(purpose),
        role_definition_id=deployment.role_definition_id(role.value),
        principal_id=principal_id,
        principal_type=principal_type,
        scope=scope.id,
        description=f"smp {deployment.stack}: {purpose} ({role.name.lower()})",
        opts=deployment.child(parent, depends_on=[scope.resource, *(depends_on or [])]),
    )
