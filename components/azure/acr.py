"""The in-country container registry: ACR Premium, CMK, private only, no geo-replicas.

Premium is the tier with private endpoints, CMK and retention. The registry has
no `Replication` children: a replica would copy images to another location.

Images are scanned for vulnerabilities by Microsoft Defender for Containers: its
plan is switched on (Standard) for the subscription with the registry
vulnerability-assessment extension explicitly enabled. The plan is a
subscription-wide setting (`Microsoft.Security/pricings/Containers`): stacks that
share a subscription share it, and changing it needs Security Admin (or Owner) on
the subscription.
"""

from __future__ import annotations

import pulumi
import pulumi_azure_native as azure_native
from pulumi_azure_native import containerregistry as cr

from components.azure.audit import AuditLogging
from components.azure.deployment import AzureDeployment
from components.azure.key_vault import KeyVault
from components.azure.naming import CONTAINER_REGISTRY, global_name
from components.azure.network import Network
from components.azure.redundancy import zone_redundant
from components.azure.role_assignment import Scope

UNTAGGED_RETENTION_DAYS = 30
# Defender for Cloud's plan and extension names (Pricings API 2024-01-01).
DEFENDER_PLAN = "Containers"
REGISTRY_SCANNING_EXTENSION = "ContainerRegistriesVulnerabilityAssessments"
# The sensor would be rolled out to the AKS clusters by Azure Policy, outside this
# program (drift on the cluster resource); the cluster's own settings decide it.
CLUSTER_SENSOR_EXTENSION = "ContainerSensor"
ACR_AUDIT_CATEGORIES = ("ContainerRegistryRepositoryEvents", "ContainerRegistryLoginEvents")


class ContainerRegistry(pulumi.ComponentResource):
    """ACR Premium reached through a private endpoint."""

    registry_id: pulumi.Output[str]
    registry_scope: Scope
    login_server: pulumi.Output[str]

    def __init__(
        self,
        name: str,
        deployment: AzureDeployment,
        network: Network,
        key_vault: KeyVault,
        audit: AuditLogging,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:azure:ContainerRegistry", name, None, opts)
        d = deployment
        identity = key_vault.identities["registry"]
        registry_identity: cr.IdentityPropertiesArgsDict = {
            "type": cr.ResourceIdentityType.USER_ASSIGNED,
            "user_assigned_identities": identity.id.apply(lambda i: {i: {}}),
        }
        encryption: cr.EncryptionPropertyArgsDict = {
            "status": cr.EncryptionStatus.ENABLED,
            "key_vault_properties": {
                # Versionless: ACR follows key rotation automatically.
                "key_identifier": key_vault.keys["registry"].key_uri,
                "identity": identity.client_id,
            },
        }
        policies: cr.PoliciesArgsDict = {
            "retention_policy": {
                "days": UNTAGGED_RETENTION_DAYS,
                "status": cr.PolicyStatus.ENABLED,
            },
            # Images cannot be exported out of the registry (data exfiltration).
            "export_policy": {"status": cr.ExportPolicyStatus.DISABLED},
            # Tokens must be ACR-scoped, not general ARM tokens.
            "azure_ad_authentication_as_arm_policy": {
                "status": cr.AzureADAuthenticationAsArmPolicyStatus.DISABLED
            },
        }
        network_rules: cr.NetworkRuleSetArgsDict = {"default_action": cr.DefaultAction.DENY}
        registry_name = global_name(CONTAINER_REGISTRY, d.stack, "registry")
        registry = cr.Registry(
            f"{name}-registry",
            registry_name=registry_name,
            resource_group_name=network.resource_group_name,
            location=d.location,
            sku={"name": cr.SkuName.PREMIUM},
            admin_user_enabled=False,
            anonymous_pull_enabled=False,
            public_network_access="Disabled",
            network_rule_bypass_options="None",
            network_rule_set=network_rules,
            # Regional data endpoints, so image layers are also served privately.
            data_endpoint_enabled=True,
            # Only where the region has zones (none in UAE Central).
            zone_redundancy="Enabled" if zone_redundant(d.settings.platform) else "Disabled",
            identity=registry_identity,
            encryption=encryption,
            policies=policies,
            tags=d.tags("registry"),
            opts=d.child(self, depends_on=[key_vault.key_grants["registry"]]),
        )
        network.private_endpoint(self, name, registry.id, "registry", "registry")
        security = azure_native.security
        self.defender = security.Pricing(
            f"{name}-defender-containers",
            pricing_name=DEFENDER_PLAN,
            scope_id=d.subscription_id.apply(lambda sub: f"subscriptions/{sub}"),
            pricing_tier=security.PricingTier.STANDARD,
            extensions=[
                {"name": REGISTRY_SCANNING_EXTENSION, "is_enabled": security.IsEnabled.TRUE},
                {"name": CLUSTER_SENSOR_EXTENSION, "is_enabled": security.IsEnabled.FALSE},
            ],
            opts=d.child(self),
        )
        audit.diagnostics("registry", registry.id, categories=ACR_AUDIT_CATEGORIES)
        self.registry_id = registry.id
        self.registry_scope = Scope(
            d.arm_id(f"Microsoft.ContainerRegistry/registries/{registry_name}"), registry
        )
        # `<name>.azurecr.io` (what Azure reports as the login server), built from the
        # name so image references are known, and judgeable, at the first preview.
        self.login_server = pulumi.Output.from_input(f"{registry_name.lower()}.azurecr.io")
        self.register_outputs({"loginServer": self.login_server})
