"""`AzurePlatform`: the Azure layer of one stack, composed from the Azure components.

Order follows the data flow of trust: network and keys first, then the audit
sink, then the services that encrypt with the keys and log to the sink, then
the cluster and the identities that bind workloads to the services.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pulumi
import pulumi_azure_native as azure_native
import pulumi_kubernetes as k8s

from components.azure import in_cluster_facts as facts
from components.azure.acr import ContainerRegistry
from components.azure.aks import DEFAULT_STORAGE_CLASS, AksCluster
from components.azure.audit import AuditLogging
from components.azure.database import RegistryDatabase
from components.azure.deployment import AzureDeployment
from components.azure.event_stream import KAFKA_PORT, EventStream
from components.azure.key_vault import GeoBackupKey, KeyVault
from components.azure.network import Network
from components.azure.online_store import OnlineStore
from components.azure.provider import regional_azure_provider
from components.azure.redundancy import paired_region
from components.azure.role_assignment import BuiltInRole, assign_role
from components.azure.storage import DataLake
from components.azure.workload_identity import WORKLOAD_SERVICE_ACCOUNTS, WorkloadIdentities
from components.interface import CloudPlatform, EventStreamEndpoint
from components.secrets import PlatformSecrets
from platform_spec import StackSettings

KEY_VAULT_AUDIT_GROUPS = ("allLogs",)


@dataclass(frozen=True)
class AzurePlatformArgs:
    """The validated stack, its secrets and the regional provider every resource uses."""

    settings: StackSettings
    provider: pulumi.ProviderResource
    secrets: PlatformSecrets = field(default_factory=PlatformSecrets)


class AzurePlatform(pulumi.ComponentResource):
    """Every Azure resource of one stack; `cloud_platform` is what the in-cluster layer reads."""

    cloud_platform: CloudPlatform
    kubernetes_provider: k8s.Provider

    def __init__(
        self, name: str, args: AzurePlatformArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__("smp:azure:Platform", name, None, opts)
        settings, provider = args.settings, args.provider
        p = settings.platform
        client = azure_native.authorization.get_client_config_output(
            opts=pulumi.InvokeOptions(parent=self, provider=provider)
        )
        d = AzureDeployment(
            settings=settings,
            provider=provider,
            tenant_id=client.tenant_id,
            subscription_id=client.subscription_id,
            secrets=args.secrets,
        )
        child = pulumi.ResourceOptions(parent=self)

        network = Network(f"{name}-network", d, opts=child)
        key_vault = KeyVault(f"{name}-kv", d, network, opts=child)
        audit = AuditLogging(f"{name}-audit", d, network, opts=child)
        audit.diagnostics("key-vault", key_vault.vault_id, category_groups=KEY_VAULT_AUDIT_GROUPS)
        for purpose, nsg_id in network.nsg_ids.items():
            # NSG events and rule hits; NSGs have logs but no metrics.
            audit.diagnostics(f"nsg-{purpose}", nsg_id, category_groups=("allLogs",), metrics=False)

        geo_key: GeoBackupKey | None = None
        pair = paired_region(p)
        if pair is not None:
            # Only the database's geo-backup key lives in the paired region, and only
            # because the catalogue says that region is inside the jurisdiction.
            pair_provider = regional_azure_provider(f"{name}-azure-pair", pair, child)
            geo_key = GeoBackupKey(f"{name}-geo-key", d, network, pair, pair_provider, opts=child)
            # Its audit log joins the others in the stack's workspace (same jurisdiction).
            audit.diagnostics(
                "geo-key-vault", geo_key.vault_id, category_groups=KEY_VAULT_AUDIT_GROUPS
            )

        storage = DataLake(f"{name}-storage", d, network, key_vault, audit, opts=child)
        registry = ContainerRegistry(f"{name}-acr", d, network, key_vault, audit, opts=child)
        database = RegistryDatabase(f"{name}-db", d, network, key_vault, audit, geo_key, opts=child)
        online_store = OnlineStore(f"{name}-redis", d, network, audit, opts=child)
        stream = (
            EventStream(f"{name}-stream", d, network, key_vault, audit, opts=child)
            if p.ingestion.enabled
            else None
        )
        aks = AksCluster(f"{name}-aks", d, network, key_vault, audit, opts=child)
        assign_role(
            d,
            self,
            "kubelet-acr-pull",
            BuiltInRole.ACR_PULL,
            aks.kubelet_principal_id,
            registry.registry_scope,
        )
        identities = WorkloadIdentities(
            f"{name}-workload-ids",
            d,
            network,
            aks.oidc_issuer,
            storage.container_scopes,
            online_store,
            database.credentials_secret_scope,
            event_hub=stream.event_hub_scope if stream is not None else None,
            opts=child,
        )

        # The in-cluster layer deploys through this provider (the kubeconfig is a secret).
        self.kubernetes_provider = aks.kubernetes_provider
        self.cloud_platform = CloudPlatform(
            cloud="azure",
            region=p.region,
            cluster_name=aks.cluster_name,
            cluster_endpoint=aks.endpoint,
            kubeconfig=aks.kubeconfig,
            oidc_issuer=aks.oidc_issuer,
            storage_uris=storage.uris,
            registry_url=registry.login_server,
            database_endpoint=database.endpoint,
            redis_endpoint=online_store.endpoint,
            workload_identities=identities.client_ids,
            # With Entra ID + Azure RBAC, Kubernetes sees Entra group object ids.
            persona_groups={persona: groups[0] for persona, groups in p.personas.items()},
            storage_class=DEFAULT_STORAGE_CLASS,
            # Redis: Entra tokens of the workload identities, no shared token.
            redis_auth_token=None,
            database_credentials_ref=database.credentials_ref,
            database_credentials_version=database.credentials_version,
            workload_service_accounts=dict(WORKLOAD_SERVICE_ACCOUNTS),
            service_account_annotations=facts.service_account_annotations(identities.client_ids),
            pod_labels={facts.AZURE_USE_LABEL: "true"},
            internal_lb_annotations=dict(facts.INTERNAL_LB_ANNOTATIONS),
            redis_tls_port=facts.REDIS_TLS_PORT,
            secrets_provider=facts.secrets_provider(identities.client_ids, aks.oidc_issuer),
            identity_egress_policies=(facts.entra_id_egress(),),
            workflow_artifact_repository=facts.workflow_artifact_repository(
                storage.uris["artifacts"]
            ),
            # AKS scales its node pools from the managed control plane: no in-cluster
            # autoscaler.
            cluster_autoscaler_values=None,
            event_stream=EventStreamEndpoint(
                bootstrap_servers=stream.bootstrap_servers,
                port=KAFKA_PORT,
                security_protocol="SASL_SSL",
                sasl_mechanism="OAUTHBEARER",
                topic=p.ingestion.stream.topic,
                auth_via="entra-workload-identity",
            )
            if stream is not None
            else None,
        )
        self.register_outputs(
            {"clusterName": aks.cluster_name, "registryUrl": registry.login_server}
        )
