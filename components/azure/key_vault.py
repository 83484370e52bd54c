"""Key Vault with the customer-managed keys, their identities and the disk encryption set.

One vault per stack holds one key per consumer (AKS etcd KMS, node disks,
storage, registry, database). Each consumer gets its own user-assigned identity
with `Key Vault Crypto Service Encryption User` on its own key only, so a
compromised service cannot unwrap another service's data.
"""

from __future__ import annotations

import pulumi
import pulumi_azure_native as azure_native

from components.azure.deployment import AzureDeployment
from components.azure.naming import KEY_VAULT, global_name
from components.azure.network import Network
from components.azure.role_assignment import BuiltInRole, Scope, assign_role

# Consumers of a customer-managed key. "aks-kms" is used by the cluster's own
# identity (created in aks.py), the others by identities created here.
KEY_PURPOSES = ("aks-kms", "disk", "storage", "registry", "database", "streaming")
ENCRYPTION_IDENTITIES = ("disk", "storage", "registry", "database", "streaming")

# Rotate yearly; every version expires after two years so a stalled rotation is
# noticed (notification 30 days ahead) instead of a key living forever.
KEY_ROTATION_AFTER = "P1Y"
KEY_EXPIRY = "P2Y"
KEY_EXPIRY_NOTICE = "P30D"
KEY_TYPE = "RSA-HSM"
KEY_SIZE = 3072
SOFT_DELETE_RETENTION_DAYS = 90
# Key Vault's expiry events for secrets (Event Grid system topic of the vault).
SECRET_EXPIRY_EVENTS = ("Microsoft.KeyVault.SecretNearExpiry", "Microsoft.KeyVault.SecretExpired")


def key_name(purpose: str) -> str:
    """The Key Vault name of the CMK for `purpose`."""
    return f"{purpose}-cmk"


def cmk_properties() -> azure_native.keyvault.KeyPropertiesArgsDict:
    """Properties of every customer-managed key: HSM-backed, non-exportable, rotated, expiring."""
    rotate: azure_native.keyvault.LifetimeActionArgsDict = {
        "action": {"type": azure_native.keyvault.KeyRotationPolicyActionType.ROTATE},
        "trigger": {"time_after_create": KEY_ROTATION_AFTER},
    }
    notify: azure_native.keyvault.LifetimeActionArgsDict = {
        "action": {"type": azure_native.keyvault.KeyRotationPolicyActionType.NOTIFY},
        "trigger": {"time_before_expiry": KEY_EXPIRY_NOTICE},
    }
    rotation: azure_native.keyvault.RotationPolicyArgsDict = {
        "attributes": {"expiry_time": KEY_EXPIRY},
        "lifetime_actions": [rotate, notify],
    }
    return {
        "kty": KEY_TYPE,
        "key_size": KEY_SIZE,
        "key_ops": ["wrapKey", "unwrapKey", "encrypt", "decrypt"],
        "attributes": {"enabled": True, "exportable": False},
        "rotation_policy": rotation,
    }


def vault_properties(
    tenant_id: pulumi.Input[str],
) -> azure_native.keyvault.VaultPropertiesArgsDict:
    """Properties of every vault: RBAC, purge protection, soft delete, no public network."""
    return {
        "tenant_id": tenant_id,
        # Premium: keys are HSM-protected (FIPS 140 Level 3).
        "sku": {"family": "A", "name": azure_native.keyvault.SkuName.PREMIUM},
        "enable_rbac_authorization": True,
        "enable_soft_delete": True,
        "soft_delete_retention_in_days": SOFT_DELETE_RETENTION_DAYS,
        "enable_purge_protection": True,
        "public_network_access": "Disabled",
        # Trusted Azure services (disk encryption, storage, ACR, PostgreSQL with
        # their managed identities) still reach the vault.
        "network_acls": {"default_action": "Deny", "bypass": "AzureServices"},
        "enabled_for_deployment": False,
        "enabled_for_template_deployment": False,
        "enabled_for_disk_encryption": False,
    }


class KeyVault(pulumi.ComponentResource):
    """The stack's Key Vault, its keys, encryption identities and disk encryption set."""

    vault_id: pulumi.Output[str]
    vault_uri: pulumi.Output[str]
    vault_name: pulumi.Output[str]
    vault_scope: Scope
    des_scope: Scope
    keys: dict[str, azure_native.keyvault.Key]
    identities: dict[str, azure_native.managedidentity.UserAssignedIdentity]
    key_grants: dict[str, azure_native.authorization.RoleAssignment]
    disk_encryption_set_id: pulumi.Output[str]

    def __init__(
        self,
        name: str,
        deployment: AzureDeployment,
        network: Network,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:azure:KeyVault", name, None, opts)
        d = deployment
        self._deployment = d
        rg = network.resource_group_name
        vault_name = global_name(KEY_VAULT, d.stack, "cmk")
        self._vault_path = f"Microsoft.KeyVault/vaults/{vault_name}"
        vault = azure_native.keyvault.Vault(
            f"{name}-vault",
            vault_name=vault_name,
            resource_group_name=rg,
            location=d.location,
            properties=vault_properties(d.tenant_id),
            tags=d.tags("key-vault"),
            opts=d.child(self),
        )
        self.vault = vault
        self.vault_id = vault.id
        self.vault_name = vault.name
        self.vault_scope = Scope(d.arm_id(self._vault_path), vault)
        self.vault_uri = vault.properties.apply(lambda p: p.vault_uri)
        network.private_endpoint(self, name, vault.id, "vault", "vault")
        # The vault's events (near expiry, expired), in the vault's own region.
        self._name = name
        self._resource_group_name = rg
        self._events_topic_name = f"evgt-{d.stack}-key-vault"
        self.events = azure_native.eventgrid.SystemTopic(
            f"{name}-events",
            system_topic_name=self._events_topic_name,
            resource_group_name=rg,
            location=d.location,
            source=vault.id,
            topic_type="Microsoft.KeyVault.vaults",
            tags=d.tags("key-vault"),
            opts=d.child(self),
        )

        self.keys = {}
        for purpose in KEY_PURPOSES:
            self.keys[purpose] = azure_native.keyvault.Key(
                f"{name}-key-{purpose}",
                key_name=key_name(purpose),
                vault_name=vault.name,
                resource_group_name=rg,
                properties=cmk_properties(),
                tags=d.tags("key-vault", {"key-purpose": purpose}),
                opts=d.child(self),
            )

        self.identities = {}
        self.key_grants = {}
        for purpose in ENCRYPTION_IDENTITIES:
            identity = azure_native.managedidentity.UserAssignedIdentity(
                f"{name}-id-{purpose}",
                resource_name_=f"id-{d.stack}-{purpose}-cmk",
                resource_group_name=rg,
                location=d.location,
                tags=d.tags("key-vault", {"key-purpose": purpose}),
                opts=d.child(self),
            )
            self.identities[purpose] = identity
            self.key_grants[purpose] = self.grant_key(
                f"{purpose}-cmk",
                purpose,
                identity.principal_id,
                BuiltInRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER,
            )

        disk_identity = self.identities["disk"]
        des_name = f"des-{d.stack}"
        des = azure_native.compute.DiskEncryptionSet(
            f"{name}-des",
            disk_encryption_set_name=des_name,
            resource_group_name=rg,
            location=d.location,
            # Platform key wrapped by our CMK, plus encryption at host on the nodes.
            encryption_type="EncryptionAtRestWithCustomerKey",
            active_key={
                "key_url": self.keys["disk"].key_uri_with_version,
                "source_vault": {"id": vault.id},
            },
            rotation_to_latest_key_version_enabled=True,
            identity={"type": "UserAssigned", "user_assigned_identities": [disk_identity.id]},
            tags=d.tags("key-vault", {"key-purpose": "disk"}),
            opts=d.child(self, depends_on=[self.key_grants["disk"]]),
        )
        self.disk_encryption_set_id = des.id
        self.des_scope = Scope(d.arm_id(f"Microsoft.Compute/diskEncryptionSets/{des_name}"), des)
        self.register_outputs(
            {
                "vaultId": self.vault_id,
                "vaultUri": self.vault_uri,
                "diskEncryptionSetId": self.disk_encryption_set_id,
            }
        )

    def key_scope(self, purpose: str) -> Scope:
        """One key as a role-assignment scope (the narrowest there is for it)."""
        return Scope(
            self._deployment.arm_id(f"{self._vault_path}/keys/{key_name(purpose)}"),
            self.keys[purpose],
        )

    def secret_scope(self, secret: azure_native.keyvault.Secret, secret_name: str) -> Scope:
        """One secret of this vault, named `secret_name`, as a role-assignment scope."""
        return Scope(self._deployment.arm_id(f"{self._vault_path}/secrets/{secret_name}"), secret)

    def alert_before_expiry(
        self,
        secret_name: str,
        description: str,
        depends_on: list[pulumi.Resource] | None = None,
    ) -> azure_native.eventgrid.SystemTopicEventSubscription:
        """Raise an Azure Monitor alert (Sev2) when the secret `secret_name` nears its expiry
        (30 days ahead) and when it has expired: the rotation plan's safety net."""
        eventgrid = azure_native.eventgrid
        return eventgrid.SystemTopicEventSubscription(
            f"{self._name}-expiry-{secret_name}",
            event_subscription_name=f"expiry-{secret_name}",
            system_topic_name=self._events_topic_name,
            resource_group_name=self._resource_group_name,
            filter={
                "included_event_types": list(SECRET_EXPIRY_EVENTS),
                # Key Vault events name the object in their subject.
                "subject_begins_with": secret_name,
                "is_subject_case_sensitive": False,
            },
            destination=eventgrid.MonitorAlertEventSubscriptionDestinationArgs(
                endpoint_type="MonitorAlert",
                severity=eventgrid.MonitorAlertSeverity.SEV2,
                description=description,
            ),
            event_delivery_schema=eventgrid.EventDeliverySchema.CLOUD_EVENT_SCHEMA_V1_0,
            opts=self._deployment.child(self, depends_on=[self.events, *(depends_on or [])]),
        )

    def grant_key(
        self, grant: str, purpose: str, principal_id: pulumi.Input[str], role: BuiltInRole
    ) -> azure_native.authorization.RoleAssignment:
        """Grant `role` on exactly the key `purpose` (not the vault) to `principal_id`."""
        return assign_role(
            self._deployment, self, f"key-{grant}", role, principal_id, self.key_scope(purpose)
        )


class GeoBackupKey(pulumi.ComponentResource):
    """A CMK in the paired region for the database's geo-redundant backups.

    Azure encrypts a geo-backup with a key in the region that holds it, so this
    exists only when the catalogue puts the paired region in the jurisdiction.
    Its vault has the same protections as the primary one and is reached through
    a private endpoint in the stack's own VNet.
    """

    vault_id: pulumi.Output[str]
    key_uri: pulumi.Output[str]
    identity_id: pulumi.Output[str]
    grant: azure_native.authorization.RoleAssignment

    def __init__(
        self,
        name: str,
        deployment: AzureDeployment,
        network: Network,
        paired_region: str,
        paired_provider: pulumi.ProviderResource,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:azure:GeoBackupKey", name, None, opts)
        d = deployment
        rg = network.resource_group_name
        here = pulumi.ResourceOptions(parent=self, provider=paired_provider)
        tags = d.tags(
            "key-vault", {"key-purpose": "database-geo-backup", "paired-region-of": d.location}
        )
        vault_name = global_name(KEY_VAULT, d.stack, "geo")
        vault = azure_native.keyvault.Vault(
            f"{name}-vault",
            vault_name=vault_name,
            resource_group_name=rg,
            location=paired_region,
            properties=vault_properties(d.tenant_id),
            tags=tags,
            opts=here,
        )
        network.private_endpoint(self, name, vault.id, "vault", "vault")
        geo_key_name = key_name("database-geo-backup")
        key = azure_native.keyvault.Key(
            f"{name}-key",
            key_name=geo_key_name,
            vault_name=vault.name,
            resource_group_name=rg,
            properties=cmk_properties(),
            tags=tags,
            opts=here,
        )
        identity = azure_native.managedidentity.UserAssignedIdentity(
            f"{name}-id",
            resource_name_=f"id-{d.stack}-database-geo-cmk",
            resource_group_name=rg,
            location=paired_region,
            tags=tags,
            opts=here,
        )
        key_scope = Scope(
            d.arm_id(f"Microsoft.KeyVault/vaults/{vault_name}/keys/{geo_key_name}"), key
        )
        self.grant = assign_role(
            d,
            self,
            "key-database-geo-cmk",
            BuiltInRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER,
            identity.principal_id,
            key_scope,
        )
        self.vault_id = vault.id
        self.key_uri = key.key_uri
        self.identity_id = identity.id
        self.register_outputs({"keyUri": self.key_uri})
