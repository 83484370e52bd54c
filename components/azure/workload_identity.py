"""One Entra workload identity per in-cluster workload, federated to its service account.

Each identity trusts exactly one Kubernetes service account on this cluster's
OIDC issuer and gets data-plane roles on the specific containers (and Redis
access policy) it uses, nothing broader.
"""

from __future__ import annotations

import pulumi
import pulumi_azure_native as azure_native

from components import interface
from components.azure.deployment import AzureDeployment
from components.azure.network import Network
from components.azure.online_store import OnlineStore
from components.azure.role_assignment import BuiltInRole, Scope, assign_role
from components.interface import WORKLOADS

TOKEN_AUDIENCE = "api://AzureADTokenExchange"  # noqa: S105 (an audience, not a secret)

READ, WRITE = BuiltInRole.STORAGE_BLOB_DATA_READER, BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR
# Workload -> storage purpose -> role on that purpose's container.
CONTAINER_ACCESS: dict[str, dict[str, BuiltInRole]] = {
    # The retraining's A/B analysis (a training-identity step) reads the prediction log.
    "training": {
        "offline-store": READ,
        "curated": READ,
        "artifacts": WRITE,
        "prediction-logs": READ,
    },
    # Serving reads the Feast registry (offline-store/feast/registry.pb).
    "serving": {"artifacts": READ, "offline-store": READ, "prediction-logs": WRITE},
    "drift-monitor": {"prediction-logs": READ, "artifacts": READ},
    "feature-store": {"offline-store": WRITE, "curated": READ},
    "registry": {"artifacts": WRITE},
    # Batch scoring reads features and transactions, writes (and reads back) predictions.
    "batch-scoring": {"offline-store": READ, "predictions": WRITE},
    # Only ingestion writes the raw zone (immutable: appends only) and the curated zone.
    "ingestion": {"raw": WRITE, "curated": WRITE},
}
# Workload -> Redis data access policy on the online store.
REDIS_ACCESS: dict[str, str] = {
    "feature-store": "Data Contributor",
    "serving": "Data Reader",
}


# Workload -> (namespace, service account) its federated credential trusts: the
# shared table of the interface (the in-cluster layer's namespaces).
WORKLOAD_SERVICE_ACCOUNTS = interface.WORKLOAD_SERVICE_ACCOUNTS


def service_account_subject(workload: str) -> str:
    """The `sub` claim of a workload's projected service-account token."""
    namespace, service_account = WORKLOAD_SERVICE_ACCOUNTS[workload]
    return f"system:serviceaccount:{namespace}:{service_account}"


class WorkloadIdentities(pulumi.ComponentResource):
    """User-assigned identities with federated credentials and scoped data roles."""

    client_ids: dict[str, pulumi.Output[str]]

    def __init__(
        self,
        name: str,
        deployment: AzureDeployment,
        network: Network,
        oidc_issuer: pulumi.Input[str],
        containers: dict[str, Scope],
        online_store: OnlineStore,
        registry_credentials: Scope,
        event_hub: Scope | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:azure:WorkloadIdentities", name, None, opts)
        d = deployment
        self.client_ids = {}
        for workload in WORKLOADS:
            identity = azure_native.managedidentity.UserAssignedIdentity(
                f"{name}-{workload}",
                resource_name_=f"id-{d.stack}-{workload}",
                resource_group_name=network.resource_group_name,
                location=d.location,
                tags=d.tags("workload-identity", {"workload": workload}),
                opts=d.child(self),
            )
            azure_native.managedidentity.FederatedIdentityCredential(
                f"{name}-{workload}-federation",
                federated_identity_credential_resource_name=f"{workload}-k8s",
                resource_name_=identity.name,
                resource_group_name=network.resource_group_name,
                issuer=oidc_issuer,
                subject=service_account_subject(workload),
                audiences=[TOKEN_AUDIENCE],
                opts=d.child(self),
            )
            # A zone the stack does not have (ingestion off) is granted to nobody.
            for purpose, role in CONTAINER_ACCESS.get(workload, {}).items():
                if purpose not in containers:
                    continue
                assign_role(
                    d,
                    self,
                    f"workload-{workload}-{purpose}",
                    role,
                    identity.principal_id,
                    containers[purpose],
                )
            if workload == "registry":
                # Only this one secret, not the vault's other secrets or keys.
                assign_role(
                    d,
                    self,
                    "secret-registry-db-credentials",
                    BuiltInRole.KEY_VAULT_SECRETS_USER,
                    identity.principal_id,
                    registry_credentials,
                )
            if workload == "ingestion" and event_hub is not None:
                # Receive from the ingestion event hub only (its Kafka topic).
                assign_role(
                    d,
                    self,
                    "ingestion-receives-event-hub",
                    BuiltInRole.EVENT_HUBS_DATA_RECEIVER,
                    identity.principal_id,
                    event_hub,
                )
            if workload in REDIS_ACCESS:
                online_store.grant(workload, identity.principal_id, REDIS_ACCESS[workload], self)
            self.client_ids[workload] = identity.client_id
        self.register_outputs({"clientIds": self.client_ids})
