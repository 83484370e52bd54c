"""The MLflow registry database: PostgreSQL Flexible Server, private, CMK, TLS enforced.

The server is injected into the data subnet (no public endpoint), encrypts data
with a Key Vault key and enforces TLS 1.2+. Backups are geo-redundant only when
the jurisdiction catalogue puts the paired region inside the jurisdiction; the
geo copy is then encrypted with a key held in that paired region.
"""

from __future__ import annotations

import pulumi
import pulumi_azure_native as azure_native
import pulumi_random

from components.azure.audit import AuditLogging
from components.azure.deployment import AzureDeployment
from components.azure.key_vault import GeoBackupKey, KeyVault
from components.azure.naming import POSTGRES_SERVER, global_name
from components.azure.network import Network
from components.azure.redundancy import database_high_availability, geo_redundant_backup
from components.azure.role_assignment import Scope
from components.azure.secret_rotation import RotationWindow

POSTGRES_VERSION = "16"
DATABASE_NAME = "mlflow"
ADMIN_LOGIN = "mlflowadmin"
# Server parameters set explicitly so the plan shows them (and drift is visible).
SERVER_PARAMETERS = {
    "require_secure_transport": "ON",
    "ssl_min_protocol_version": "TLSv1.2",
    "log_connections": "ON",
    "log_disconnections": "ON",
}
POSTGRES_AUDIT_GROUPS = ("allLogs",)
# The Key Vault secret's name (the name of where the credentials live, not a credential).
CREDENTIALS_SECRET_NAME = "registry-db-credentials"  # noqa: S105


def sku_tier(instance_class: str) -> str:
    """Flexible Server tier of a VM size: B -> Burstable, E/M -> MemoryOptimized, else GP."""
    family = instance_class.removeprefix("Standard_")[:1].upper()
    return {"B": "Burstable", "E": "MemoryOptimized", "M": "MemoryOptimized"}.get(
        family, "GeneralPurpose"
    )


class RegistryDatabase(pulumi.ComponentResource):
    """PostgreSQL Flexible Server and the `mlflow` database."""

    server_id: pulumi.Output[str]
    endpoint: pulumi.Output[str]
    admin_login: str
    admin_password: pulumi.Output[str]
    credentials_secret_id: pulumi.Output[str]
    credentials_secret_scope: Scope
    credentials_ref: pulumi.Output[str]
    credentials_version: str | None

    def __init__(
        self,
        name: str,
        deployment: AzureDeployment,
        network: Network,
        key_vault: KeyVault,
        audit: AuditLogging,
        geo_key: GeoBackupKey | None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:azure:RegistryDatabase", name, None, opts)
        d = deployment
        p = d.settings.platform
        db = p.registry.database
        rg = network.resource_group_name
        geo = geo_redundant_backup(p)
        if geo and geo_key is None:
            raise ValueError("geo-redundant backup needs a key in the paired region")

        self.admin_login = ADMIN_LOGIN
        # The rotation plan: a generated password is replaced on the first `pulumi up`
        # of every period (keyed on the period's start); a configured one
        # (`registryDbPassword`) is the operator's to replace each period. Either way the
        # Key Vault secret expires one period after the current one ends, and an
        # Azure Monitor alert fires 30 days before that and again when it has expired.
        window = RotationWindow.containing(db.password_rotation_days)
        configured = d.secrets.registry_db_password is not None
        if d.secrets.registry_db_password is not None:
            self.admin_password = d.secrets.registry_db_password
        else:
            generated = pulumi_random.RandomPassword(
                f"{name}-admin-password",
                length=32,
                special=True,
                override_special="-_.~",
                min_lower=2,
                min_upper=2,
                min_numeric=2,
                keepers={"rotation-window": window.start.isoformat()},
                opts=pulumi.ResourceOptions(parent=self),
            )
            self.admin_password = pulumi.Output.secret(generated.result)

        identity = key_vault.identities["database"]
        user_identities = [identity.id] + ([geo_key.identity_id] if geo_key and geo else [])
        encryption: azure_native.dbforpostgresql.DataEncryptionArgsDict = {
            "type": "AzureKeyVault",
            "primary_key_uri": key_vault.keys["database"].key_uri,
            "primary_user_assigned_identity_id": identity.id,
        }
        depends: list[pulumi.Resource] = [key_vault.key_grants["database"]]
        if geo and geo_key is not None:
            encryption.update(
                {
                    "geo_backup_key_uri": geo_key.key_uri,
                    "geo_backup_user_assigned_identity_id": geo_key.identity_id,
                }
            )
            depends.append(geo_key.grant)

        server = azure_native.dbforpostgresql.Server(
            f"{name}-server",
            server_name=global_name(POSTGRES_SERVER, d.stack, "registry"),
            resource_group_name=rg,
            location=d.location,
            version=POSTGRES_VERSION,
            sku={"name": db.instance_class, "tier": sku_tier(db.instance_class)},
            storage={"storage_size_gb": db.storage_gb, "auto_grow": "Enabled"},
            backup={
                "backup_retention_days": db.backup_retention_days,
                "geo_redundant_backup": "Enabled" if geo else "Disabled",
            },
            # The standby in another zone, or in the same zone where the region has none.
            high_availability={"mode": database_high_availability(p)},
            network={
                "delegated_subnet_resource_id": network.subnet_ids["data"],
                "private_dns_zone_arm_resource_id": network.zone_ids["postgres"],
                "public_network_access": "Disabled",
            },
            auth_config={
                "active_directory_auth": "Enabled",
                "password_auth": "Enabled",
                "tenant_id": d.tenant_id,
            },
            administrator_login=ADMIN_LOGIN,
            administrator_login_password=self.admin_password,
            identity={
                "type": "UserAssigned",
                "user_assigned_identities": pulumi.Output.all(*user_identities).apply(
                    lambda ids: {i: {} for i in ids}
                ),
            },
            data_encryption=encryption,
            tags=d.tags("registry-database"),
            opts=d.child(self, depends_on=depends),
        )
        previous: pulumi.Resource = server
        for parameter, value in SERVER_PARAMETERS.items():
            # One at a time: the service rejects concurrent parameter updates.
            previous = azure_native.dbforpostgresql.Configuration(
                f"{name}-param-{parameter.replace('_', '-')}",
                configuration_name=parameter,
                server_name=server.name,
                resource_group_name=rg,
                value=value,
                source="user-override",
                opts=d.child(self, depends_on=[previous]),
            )
        admins = p.personas.get("platform-admin", [])
        if admins:
            azure_native.dbforpostgresql.AdministratorsMicrosoftEntra(
                f"{name}-entra-admin",
                server_name=server.name,
                resource_group_name=rg,
                object_id=admins[0],
                principal_name=f"smp-{d.stack}-platform-admin",
                # API 2025-08-01 spells the enum in camelCase (user | servicePrincipal |
                # group); "Group", the authorization API's spelling, is not one of them.
                principal_type=azure_native.dbforpostgresql.PrincipalType.GROUP,
                tenant_id=d.tenant_id,
                opts=d.child(self, depends_on=[previous]),
            )
        azure_native.dbforpostgresql.Database(
            f"{name}-database",
            database_name=DATABASE_NAME,
            server_name=server.name,
            resource_group_name=rg,
            charset="UTF8",
            collation="en_US.utf8",
            opts=d.child(self),
        )
        audit.diagnostics("database", server.id, category_groups=POSTGRES_AUDIT_GROUPS)

        # The registry reads its credentials from Key Vault (as AWS reads the RDS
        # secret): JSON with username and password, never in plain text anywhere.
        credentials: pulumi.Output[str] = pulumi.Output.secret(
            pulumi.Output.json_dumps({"username": ADMIN_LOGIN, "password": self.admin_password})
        )
        secret = azure_native.keyvault.Secret(
            f"{name}-credentials",
            secret_name=CREDENTIALS_SECRET_NAME,
            vault_name=key_vault.vault_name,
            resource_group_name=rg,
            properties={
                "value": credentials,
                "content_type": "application/json",
                "attributes": {"enabled": True, "expires": window.expires_epoch_seconds},
            },
            tags=d.tags(
                "registry-database",
                {
                    "rotation-period-days": str(window.period_days),
                    "rotation-due": window.next_start.isoformat(),
                    "rotated-by": "operator-registryDbPassword" if configured else "pulumi-up",
                },
            ),
            # On rotation the secret changes only once the server has the new password,
            # and the registry's pods (behind the secret) roll only after that.
            opts=d.child(self, depends_on=[server]),
        )
        key_vault.alert_before_expiry(
            CREDENTIALS_SECRET_NAME,
            f"{d.stack}: the registry database credentials expire on "
            f"{window.expires.isoformat()}; run `pulumi up` (generated password) or set a new "
            "registryDbPassword, then `pulumi up`",
            depends_on=[secret],
        )
        self.credentials_secret_id = secret.id
        self.credentials_secret_scope = key_vault.secret_scope(secret, CREDENTIALS_SECRET_NAME)
        self.credentials_ref = secret.properties.apply(lambda props: props.secret_uri)
        # The registry's pods roll when the program rotates the password.
        self.credentials_version = None if configured else window.start.isoformat()
        self.server_id = server.id
        self.endpoint = server.fully_qualified_domain_name
        self.register_outputs({"endpoint": self.endpoint})
