"""ADLS Gen2 storage accounts: offline feature store, model artifacts, prediction logs, predictions.

One account per purpose, so each workload identity can be granted one
container and a leak of one account's data does not expose the others. Every
account: CMK from Key Vault with infrastructure (double) encryption, TLS 1.2,
HTTPS only, no public blob access, no shared keys, no public network (private
endpoints for blob and dfs), redundancy decided by the jurisdiction catalogue.
"""

from __future__ import annotations

import pulumi
import pulumi_azure_native as azure_native

from components.azure.audit import AuditLogging
from components.azure.deployment import AzureDeployment
from components.azure.key_vault import KeyVault
from components.azure.naming import STORAGE_ACCOUNT, global_name
from components.azure.network import Network
from components.azure.redundancy import storage_sku
from components.azure.role_assignment import Scope
from platform_spec.models import Ingestion

STORAGE_PURPOSES = ("offline-store", "artifacts", "prediction-logs", "predictions")
# Ingestion's zones, when it is on. Raw: a container-level time-based immutability
# policy (WORM, protected append writes allowed) for rawLockDays and deletion after
# rawRetentionDays; curated: deleted blobs (replaced partitions) recoverable for
# curatedNoncurrentDays.
INGESTION_PURPOSES = ("raw", "curated")
STORAGE_AUDIT_CATEGORIES = ("StorageRead", "StorageWrite", "StorageDelete")
SOFT_DELETE_DAYS = 30


class DataLake(pulumi.ComponentResource):
    """The platform's storage accounts, one container each, reached privately."""

    account_ids: dict[str, pulumi.Output[str]]
    container_ids: dict[str, pulumi.Output[str]]
    container_scopes: dict[str, Scope]
    uris: dict[str, pulumi.Output[str]]

    def __init__(
        self,
        name: str,
        deployment: AzureDeployment,
        network: Network,
        key_vault: KeyVault,
        audit: AuditLogging,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:azure:DataLake", name, None, opts)
        d = deployment
        self._deployment = d
        rg = network.resource_group_name
        identity = key_vault.identities["storage"]
        sku = storage_sku(d.settings.platform)
        self.account_ids, self.container_ids, self.uris = {}, {}, {}
        self.container_scopes = {}
        ingestion = d.settings.platform.ingestion
        purposes = STORAGE_PURPOSES + (INGESTION_PURPOSES if ingestion.enabled else ())
        soft_delete = {"curated": ingestion.curated_noncurrent_days}
        for purpose in purposes:
            account_name = global_name(STORAGE_ACCOUNT, d.stack, purpose)
            encryption: azure_native.storage.EncryptionArgsDict = {
                "key_source": "Microsoft.Keyvault",
                "key_vault_properties": {
                    "key_name": key_vault.keys["storage"].name,
                    "key_vault_uri": key_vault.vault_uri,
                },
                "encryption_identity": {"encryption_user_assigned_identity": identity.id},
                "require_infrastructure_encryption": True,
                "services": {
                    "blob": {"enabled": True, "key_type": "Account"},
                    "file": {"enabled": True, "key_type": "Account"},
                },
            }
            network_rules: azure_native.storage.NetworkRuleSetArgsDict = {
                "default_action": azure_native.storage.DefaultAction.DENY,
                "bypass": "AzureServices",
            }
            account_identity: azure_native.storage.IdentityArgsDict = {
                "type": "UserAssigned",
                "user_assigned_identities": [identity.id],
            }
            account = azure_native.storage.StorageAccount(
                f"{name}-{purpose}",
                account_name=account_name,
                resource_group_name=rg,
                location=d.location,
                kind="StorageV2",
                sku={"name": sku},
                access_tier=azure_native.storage.AccessTier.HOT,
                is_hns_enabled=True,  # ADLS Gen2
                minimum_tls_version="TLS1_2",
                enable_https_traffic_only=True,
                allow_blob_public_access=False,
                allow_shared_key_access=False,
                default_to_o_auth_authentication=True,
                allow_cross_tenant_replication=False,
                # Copies only to accounts reached over private link.
                allowed_copy_scope="PrivateLink",
                is_local_user_enabled=False,
                is_sftp_enabled=False,
                public_network_access="Disabled",
                network_rule_set=network_rules,
                identity=account_identity,
                encryption=encryption,
                tags=d.tags("storage", {"purpose": purpose}),
                opts=d.child(self, depends_on=[key_vault.key_grants["storage"]]),
            )
            azure_native.storage.BlobServiceProperties(
                f"{name}-{purpose}-blob-service",
                account_name=account.name,
                resource_group_name=rg,
                blob_services_name="default",
                delete_retention_policy={
                    "enabled": True,
                    "days": soft_delete.get(purpose, SOFT_DELETE_DAYS),
                },
                container_delete_retention_policy={"enabled": True, "days": SOFT_DELETE_DAYS},
                opts=d.child(self),
            )
            container = azure_native.storage.BlobContainer(
                f"{name}-{purpose}-container",
                account_name=account.name,
                resource_group_name=rg,
                container_name=purpose,
                public_access=azure_native.storage.PublicAccess.NONE,
                opts=d.child(self),
            )
            if purpose == "raw":
                self._raw_zone(name, rg, account, container, ingestion)
            for group in ("blob", "dfs"):
                network.private_endpoint(self, f"{name}-{purpose}", account.id, group, group)
            audit.diagnostics(
                f"storage-{purpose}",
                account.id.apply(lambda i: f"{i}/blobServices/default"),
                categories=STORAGE_AUDIT_CATEGORIES,
            )
            self.account_ids[purpose] = account.id
            self.container_ids[purpose] = container.id
            self.container_scopes[purpose] = Scope(
                d.arm_id(
                    f"Microsoft.Storage/storageAccounts/{account_name}/blobServices/default/"
                    f"containers/{purpose}"
                ),
                container,
            )
            self.uris[purpose] = pulumi.Output.concat(
                "abfss://", purpose, "@", account_name, ".dfs.core.windows.net/"
            )
        self.register_outputs({"uris": self.uris})

    def _raw_zone(
        self,
        name: str,
        rg: pulumi.Input[str],
        account: azure_native.storage.StorageAccount,
        container: azure_native.storage.BlobContainer,
        ingestion: Ingestion,
    ) -> None:
        """Write-once for rawLockDays (appends allowed: segments grow, never change), then
        kept until rawRetentionDays after creation."""
        d = self._deployment
        azure_native.storage.BlobContainerImmutabilityPolicy(
            f"{name}-raw-immutability",
            account_name=account.name,
            container_name=container.name,
            resource_group_name=rg,
            immutability_policy_name="default",
            immutability_period_since_creation_in_days=ingestion.raw_lock_days,
            allow_protected_append_writes_all=True,
            opts=d.child(self),
        )
        azure_native.storage.ManagementPolicy(
            f"{name}-raw-lifecycle",
            account_name=account.name,
            resource_group_name=rg,
            management_policy_name="default",
            policy={
                "rules": [
                    {
                        "name": "expire-raw",
                        "enabled": True,
                        "type": "Lifecycle",
                        "definition": {
                            "filters": {"blob_types": ["blockBlob", "appendBlob"]},
                            "actions": {
                                "base_blob": {
                                    "delete": {
                                        "days_after_creation_greater_than": (
                                            ingestion.raw_retention_days
                                        )
                                    }
                                }
                            },
                        },
                    }
                ]
            },
            opts=d.child(self),
        )
