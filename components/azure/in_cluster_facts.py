"""What the in-cluster layer needs to know about an AKS cluster, as `CloudPlatform` values.

AKS workload identity binds a service account by the managed identity's client id
(an annotation) and opts pods into its webhook (a label); Azure Cache for Redis
serves TLS only on 6380; an annotation keeps a LoadBalancer internal; the Secrets
Store CSI Azure provider reads Key Vault with the workload's identity; and the
identity exchange goes to Entra ID, which has no private endpoint, so namespaces
whose pods use it get one FQDN egress rule (AKS runs Cilium).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi

from components.interface import ExtraPolicy, SecretsProvider

AZURE_CLIENT_ID_ANNOTATION = "azure.workload.identity/client-id"
AZURE_USE_LABEL = "azure.workload.identity/use"
REDIS_TLS_PORT = 6380
INTERNAL_LB_ANNOTATIONS = {"service.beta.kubernetes.io/azure-load-balancer-internal": "true"}
SECRETS_PROVIDER_CHART = (
    "csi-secrets-store-provider-azure",
    "1.7.0",
    "https://azure.github.io/secrets-store-csi-driver-provider-azure/charts",
)
ENTRA_ID_HOST = "login.microsoftonline.com"
DNS_PORT, HTTPS = 53, 443


def key_vault_parts(secret_uri: str) -> tuple[str, str]:
    """(vault name, secret name) of `https://<vault>.vault.azure.net/secrets/<name>[/<v>]`."""
    rest = (secret_uri or "").split("://", 1)[-1]
    host, _, path = rest.partition("/")
    parts = path.strip("/").split("/")
    return host.split(".", 1)[0], parts[1] if len(parts) > 1 else ""


def aks_tenant_id(oidc_issuer: str) -> str:
    """The tenant of an AKS OIDC issuer (`https://<region>.oic.prod-aks.azure.com/<tenant>/<id>/`)."""
    parts = (oidc_issuer or "").rstrip("/").split("/")
    return parts[-2] if len(parts) >= 2 else ""


def service_account_annotations(
    client_ids: Mapping[str, pulumi.Output[str]],
) -> dict[str, dict[str, pulumi.Input[str]]]:
    """Each workload's service account names its managed identity's client id."""
    return {
        workload: {AZURE_CLIENT_ID_ANNOTATION: client_id}
        for workload, client_id in client_ids.items()
    }


def secrets_provider(
    client_ids: Mapping[str, pulumi.Output[str]], oidc_issuer: pulumi.Output[str]
) -> SecretsProvider:
    """The Azure provider: the Key Vault secret, read with the workload's managed identity."""

    def parameters(workload: str, ref: pulumi.Output[str], alias: str) -> dict[str, Any]:
        return {
            "clientID": client_ids[workload],
            "tenantId": oidc_issuer.apply(aks_tenant_id),
            "keyvaultName": ref.apply(lambda uri: key_vault_parts(uri)[0]),
            "objects": ref.apply(
                lambda uri: (
                    "array:\n  - |\n"
                    f"    objectName: {key_vault_parts(uri)[1]}\n"
                    f"    objectType: secret\n    objectAlias: {alias}\n"
                )
            ),
        }

    return SecretsProvider(name="azure", chart=SECRETS_PROVIDER_CHART, parameters=parameters)


def entra_id_egress() -> ExtraPolicy:
    """A Cilium FQDN rule: workload identity may reach Entra ID on 443 and nothing else on
    the Internet (DNS answers are what Cilium matches)."""
    return ExtraPolicy(
        suffix="allow-entra-id",
        api_version="cilium.io/v2",
        kind="CiliumNetworkPolicy",
        name="allow-entra-id-egress",
        spec={
            "endpointSelector": {},
            "egress": [
                {
                    "toEndpoints": [
                        {
                            "matchLabels": {
                                "k8s:io.kubernetes.pod.namespace": "kube-system",
                                "k8s:k8s-app": "kube-dns",
                            }
                        }
                    ],
                    "toPorts": [
                        {
                            "ports": [{"port": str(DNS_PORT), "protocol": "ANY"}],
                            "rules": {"dns": [{"matchName": ENTRA_ID_HOST}]},
                        }
                    ],
                },
                {
                    "toFQDNs": [{"matchName": ENTRA_ID_HOST}],
                    "toPorts": [{"ports": [{"port": str(HTTPS), "protocol": "TCP"}]}],
                },
            ],
        },
    )


def workflow_artifact_repository(artifacts_uri: pulumi.Output[str]) -> dict[str, Any]:
    """Argo's Azure Blob artifact repository on the artifacts container
    (`abfss://artifacts@<account>.dfs.core.windows.net/`, reached through its blob private
    endpoint), credentials from the workflow pod's Entra workload identity (useSDKCreds):
    no account key."""

    def endpoint(uri: str) -> str:
        account = uri.removeprefix("abfss://").split("@", 1)[1].split(".", 1)[0]
        return f"https://{account}.blob.core.windows.net"

    return {
        "azure": {
            "endpoint": artifacts_uri.apply(endpoint),
            "container": artifacts_uri.apply(
                lambda uri: uri.removeprefix("abfss://").split("@", 1)[0]
            ),
            "useSDKCreds": True,
            "blobNameFormat": "workflows/{{workflow.namespace}}/{{workflow.name}}/{{pod.name}}",
        }
    }
