"""The AKS cluster: private, Entra ID + Azure RBAC only, CMK everywhere, audited.

The control plane is reachable only inside the VNet (private cluster with API
server VNet integration); no local accounts exist, so every caller is an Entra
principal authorised by Azure RBAC. Secrets in etcd are encrypted with a Key
Vault key (KMS), disks with the disk encryption set, node temp disks at the host.
"""

from __future__ import annotations

import base64
from typing import TypeAlias, cast

import pulumi
import pulumi_azure_native as azure_native
import pulumi_kubernetes as k8s
from pulumi_azure_native import containerservice as cs

from components.azure.audit import AuditLogging
from components.azure.deployment import AzureDeployment
from components.azure.key_vault import KeyVault
from components.azure.network import Network
from components.azure.node_pool import NodePool, agent_pool_name, agent_pool_settings
from components.azure.role_assignment import BuiltInRole, Scope, assign_role
from platform_spec import ClusterEndpoint

# Overlay networking: pods and services use address ranges outside the VNet.
POD_CIDR = "192.168.0.0/16"
SERVICE_CIDR = "172.16.0.0/16"
DNS_SERVICE_IP = "172.16.0.10"

# Persona -> the AKS data-plane role its Entra groups get on the cluster.
PERSONA_CLUSTER_ROLES: dict[str, BuiltInRole] = {
    "platform-admin": BuiltInRole.AKS_RBAC_CLUSTER_ADMIN,
    "ml-engineer": BuiltInRole.AKS_RBAC_WRITER,
    "data-scientist": BuiltInRole.AKS_RBAC_READER,
    "auditor": BuiltInRole.AKS_RBAC_READER,
}

# AKS control-plane log categories the audit requires.
AKS_AUDIT_CATEGORIES = ("kube-audit", "kube-audit-admin", "guard")


ApiServerAccess: TypeAlias = cs.ManagedClusterAPIServerAccessProfileArgsDict


def api_server_access(
    endpoint: ClusterEndpoint,
    apiserver_subnet_id: pulumi.Input[str],
    private_dns_zone_id: pulumi.Input[str],
) -> ApiServerAccess:
    """The API server's reachability: private by default, never open to the Internet.

    Only a stack that asks for `clusterEndpoint.publicAccess` (never prod; the
    config refuses it) gets a public endpoint, and then only for its allow-list.
    """
    access: ApiServerAccess = {
        "enable_vnet_integration": True,
        "subnet_id": apiserver_subnet_id,
        "disable_run_command": True,
    }
    if endpoint.public_access:
        access["enable_private_cluster"] = False
        access["authorized_ip_ranges"] = list(endpoint.allowed_cidrs)
    else:
        access["enable_private_cluster"] = True
        access["enable_private_cluster_public_fqdn"] = False
        access["private_dns_zone"] = private_dns_zone_id
    return access


# The default StorageClass the in-cluster layer relies on (CloudPlatform.storage_class).
DEFAULT_STORAGE_CLASS = "encrypted-default"
PROTECTED_ENVIRONMENTS = ("prod", "dr")


def upgrade_channel(environment: str) -> str:
    """Production-like clusters take patches only; others follow `stable`."""
    return "patch" if environment in ("prod", "dr") else "stable"


class AksCluster(pulumi.ComponentResource):
    """A private AKS cluster with its identities, node pools and persona bindings."""

    cluster: azure_native.containerservice.ManagedCluster
    cluster_name: pulumi.Output[str]
    cluster_id: pulumi.Output[str]
    endpoint: pulumi.Output[str]
    oidc_issuer: pulumi.Output[str]
    kubeconfig: pulumi.Output[str]
    kubelet_principal_id: pulumi.Output[str]
    node_pools: dict[str, NodePool]
    kubernetes_provider: k8s.Provider
    storage_class: k8s.storage.v1.StorageClass

    def __init__(
        self,
        name: str,
        deployment: AzureDeployment,
        network: Network,
        key_vault: KeyVault,
        audit: AuditLogging,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:azure:AksCluster", name, None, opts)
        d = deployment
        p = d.settings.platform
        rg = network.resource_group_name
        tags = d.tags("aks")

        control_plane = azure_native.managedidentity.UserAssignedIdentity(
            f"{name}-id-control-plane",
            resource_name_=f"id-{d.stack}-aks",
            resource_group_name=rg,
            location=d.location,
            tags=tags,
            opts=d.child(self),
        )
        kubelet_name = f"id-{d.stack}-kubelet"
        kubelet = azure_native.managedidentity.UserAssignedIdentity(
            f"{name}-id-kubelet",
            resource_name_=kubelet_name,
            resource_group_name=rg,
            location=d.location,
            tags=tags,
            opts=d.child(self),
        )
        self.kubelet_principal_id = kubelet.principal_id

        # What the control-plane identity needs, each on one resource only.
        cp = control_plane.principal_id
        grants = [
            key_vault.grant_key("aks-kms", "aks-kms", cp, BuiltInRole.KEY_VAULT_CRYPTO_USER),
            # KMS with a private vault: AKS manages a private link to the vault.
            assign_role(
                d,
                self,
                "aks-kms-vault",
                BuiltInRole.KEY_VAULT_CONTRIBUTOR,
                cp,
                key_vault.vault_scope,
            ),
            assign_role(
                d,
                self,
                "aks-subnet-nodes",
                BuiltInRole.NETWORK_CONTRIBUTOR,
                cp,
                network.subnet_scopes["nodes"],
            ),
            assign_role(
                d,
                self,
                "aks-subnet-apiserver",
                BuiltInRole.NETWORK_CONTRIBUTOR,
                cp,
                network.subnet_scopes["apiserver"],
            ),
            assign_role(
                d,
                self,
                "aks-private-dns",
                BuiltInRole.PRIVATE_DNS_ZONE_CONTRIBUTOR,
                cp,
                network.zone_scopes["aks"],
            ),
            assign_role(
                d,
                self,
                "aks-kubelet-operator",
                BuiltInRole.MANAGED_IDENTITY_OPERATOR,
                cp,
                Scope(
                    d.arm_id(f"Microsoft.ManagedIdentity/userAssignedIdentities/{kubelet_name}"),
                    kubelet,
                ),
            ),
            assign_role(d, self, "aks-des-reader", BuiltInRole.READER, cp, key_vault.des_scope),
        ]

        system_pools = p.pools_of_kind("system")
        first_system = next(iter(system_pools))
        pool_tags = d.tags("node-pool", {"pool": first_system, "pool-kind": "system"})
        inline_system = {
            "name": agent_pool_name(first_system),
            **agent_pool_settings(
                first_system,
                system_pools[first_system],
                kubernetes_version=p.kubernetes_version,
                zones=p.network.availability_zones,
                subnet_id=network.subnet_ids["nodes"],
                tags=pool_tags,
            ),
        }
        admin_groups = list(p.personas.get("platform-admin", []))

        sku: cs.ManagedClusterSKUArgsDict = {
            "name": "Base",
            "tier": "Standard" if p.profile == "enterprise" else "Free",
        }
        identity: cs.ManagedClusterIdentityArgsDict = {
            "type": cs.ResourceIdentityType.USER_ASSIGNED,
            "user_assigned_identities": [control_plane.id],
        }
        kubelet_identity: cs.UserAssignedIdentityArgsDict = {
            "resource_id": kubelet.id,
            "client_id": kubelet.client_id,
            "object_id": kubelet.principal_id,
        }
        aad: cs.ManagedClusterAADProfileArgsDict = {
            "managed": True,
            "enable_azure_rbac": True,
            "tenant_id": d.tenant_id,
            "admin_group_object_ids": admin_groups,
        }
        security: cs.ManagedClusterSecurityProfileArgsDict = {
            "workload_identity": {"enabled": True},
            # KMS needs a versioned key id. When Key Vault rotates the key (yearly),
            # the next `pulumi up` reads the new version and AKS re-encrypts; the
            # old version stays valid for another year (expiry P2Y), so there is time.
            "azure_key_vault_kms": {
                "enabled": True,
                "key_id": key_vault.keys["aks-kms"].key_uri_with_version,
                "key_vault_network_access": "Private",
                "key_vault_resource_id": key_vault.vault_id,
            },
            "image_cleaner": {"enabled": True, "interval_hours": 168},
        }
        networking: cs.ContainerServiceNetworkProfileArgsDict = {
            "network_plugin": "azure",
            "network_plugin_mode": "overlay",
            "network_dataplane": "cilium",
            "network_policy": "cilium",
            "pod_cidr": POD_CIDR,
            "service_cidr": SERVICE_CIDR,
            "dns_service_ip": DNS_SERVICE_IP,
            "load_balancer_sku": "standard",
            "outbound_type": "loadBalancer",
        }
        upgrades: cs.ManagedClusterAutoUpgradeProfileArgsDict = {
            "upgrade_channel": upgrade_channel(p.environment),
            "node_os_upgrade_channel": "NodeImage",
        }
        addons: dict[str, cs.ManagedClusterAddonProfileArgsDict] = {
            "azurepolicy": {"enabled": True, "config": {"version": "v2"}},
            "omsagent": {
                "enabled": True,
                "config": {
                    "logAnalyticsWorkspaceResourceID": audit.workspace_id,
                    "useAADAuth": "true",
                },
            },
        }
        pools = [cast(cs.ManagedClusterAgentPoolProfileArgsDict, inline_system)]

        cluster_name = f"aks-{d.stack}"
        cluster = cs.ManagedCluster(
            f"{name}-cluster",
            resource_name_=cluster_name,
            resource_group_name=rg,
            location=d.location,
            dns_prefix=f"aks-{d.stack}",
            kubernetes_version=p.kubernetes_version,
            node_resource_group=f"rg-{d.stack}-aks-nodes",
            sku=sku,
            support_plan="KubernetesOfficial",
            identity=identity,
            identity_profile={"kubeletidentity": kubelet_identity},
            aad_profile=aad,
            enable_rbac=True,
            disable_local_accounts=True,
            api_server_access_profile=api_server_access(
                p.cluster_endpoint, network.subnet_ids["apiserver"], network.zone_ids["aks"]
            ),
            public_network_access="Enabled" if p.cluster_endpoint.public_access else "Disabled",
            oidc_issuer_profile={"enabled": True},
            security_profile=security,
            network_profile=networking,
            auto_upgrade_profile=upgrades,
            disk_encryption_set_id=key_vault.disk_encryption_set_id,
            addon_profiles=addons,
            agent_pool_profiles=pools,
            tags=tags,
            # Pools beyond the inline system pool are AgentPool resources; without
            # this the cluster would see them as drift on every update.
            opts=d.child(self, depends_on=grants, ignore_changes=["agentPoolProfiles"]),
        )
        self.cluster = cluster
        self.cluster_name = cluster.name
        self.cluster_id = cluster.id
        host = cluster.fqdn if p.cluster_endpoint.public_access else cluster.private_fqdn
        self.endpoint = host.apply(lambda fqdn: f"https://{fqdn}:443")
        self.oidc_issuer = cluster.oidc_issuer_profile.apply(
            lambda profile: profile.issuer_url if profile else ""
        )

        self.node_pools = {}
        for key, pool in p.node_pools.items():
            if key == first_system:
                continue
            self.node_pools[key] = NodePool(
                f"{name}-{agent_pool_name(key)}",
                d,
                key,
                pool,
                resource_group_name=rg,
                cluster_name=cluster.name,
                subnet_id=network.subnet_ids["nodes"],
                opts=pulumi.ResourceOptions(parent=self),
            )

        cluster_scope = Scope(
            d.arm_id(f"Microsoft.ContainerService/managedClusters/{cluster_name}"), cluster
        )
        for persona, groups in sorted(p.personas.items()):
            for i, group in enumerate(groups):
                assign_role(
                    d,
                    self,
                    f"persona-{persona}-{i}",
                    PERSONA_CLUSTER_ROLES[persona],
                    group,
                    cluster_scope,
                    principal_type="Group",
                )

        audit.diagnostics("aks", cluster.id, categories=AKS_AUDIT_CATEGORIES)

        credentials = azure_native.containerservice.list_managed_cluster_user_credentials_output(
            resource_group_name=rg, resource_name=cluster.name, opts=d.invoke(self)
        )
        self.kubeconfig = pulumi.Output.secret(
            credentials.kubeconfigs.apply(
                lambda configs: base64.b64decode(configs[0].value).decode()
            )
        )

        # Persistent volumes are data disks, which the cluster's DES does not cover by
        # itself: the default StorageClass names the DES so every PV uses our CMK.
        self.kubernetes_provider = k8s.Provider(
            f"{name}-k8s",
            kubeconfig=self.kubeconfig,
            enable_server_side_apply=True,
            opts=pulumi.ResourceOptions(parent=self, depends_on=[cluster]),
        )
        self.storage_class = k8s.storage.v1.StorageClass(
            f"{name}-{DEFAULT_STORAGE_CLASS}",
            metadata={
                "name": DEFAULT_STORAGE_CLASS,
                "annotations": {"storageclass.kubernetes.io/is-default-class": "true"},
            },
            provisioner="disk.csi.azure.com",
            parameters={
                "skuName": "Premium_LRS",
                "diskEncryptionSetID": key_vault.disk_encryption_set_id,
                "diskEncryptionType": "EncryptionAtRestWithCustomerKey",
                # Disks cannot be exported through SAS URLs.
                "networkAccessPolicy": "DenyAll",
                "publicNetworkAccess": "Disabled",
            },
            reclaim_policy="Retain" if p.environment in PROTECTED_ENVIRONMENTS else "Delete",
            volume_binding_mode="WaitForFirstConsumer",
            allow_volume_expansion=True,
            opts=pulumi.ResourceOptions(parent=self, provider=self.kubernetes_provider),
        )
        self.register_outputs(
            {
                "clusterName": self.cluster_name,
                "endpoint": self.endpoint,
                "oidcIssuer": self.oidc_issuer,
            }
        )
