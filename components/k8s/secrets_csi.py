"""Cloud secret-store references turned into Kubernetes Secrets, with the pod's own identity.

The Secrets Store CSI driver mounts a secret from AWS Secrets Manager / Azure Key
Vault into the pod that asks for it, authenticating as that pod's workload
identity (EKS Pod Identity / AKS workload identity). Nothing is copied through Pulumi state and
no controller holds a broader identity (why not External Secrets: its AWS
provider cannot assume a Pod Identity role per service account).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pulumi
import pulumi_kubernetes as k8s

from components.interface import CloudPlatform
from components.k8s.helm import mirror, pinned_release
from components.k8s.namespaces import NODE_AGENTS_NAMESPACE

CSI_DRIVER_CHART = ("secrets-store-csi-driver", "1.5.4",
                    "https://kubernetes-sigs.github.io/secrets-store-csi-driver/charts")
PROVIDER_CHARTS = {
    "aws": ("secrets-store-csi-driver-provider-aws", "1.0.1",
            "https://aws.github.io/secrets-store-csi-driver-provider-aws"),
    "azure": ("csi-secrets-store-provider-azure", "1.7.0",
              "https://azure.github.io/secrets-store-csi-driver-provider-azure/charts"),
}
CSI_DRIVER = "secrets-store.csi.k8s.io"


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


class SecretsStoreCsi(pulumi.ComponentResource):
    """The CSI driver (a node agent) and the cloud's provider, pinned, in node-agents."""

    def __init__(self, name: str, cloud: CloudPlatform,
                 opts: pulumi.ResourceOptions | None = None,
                 depends_on: Sequence[pulumi.Resource] = ()) -> None:
        super().__init__("smp:k8s:SecretsStoreCsi", name, None, opts)
        child = pulumi.ResourceOptions(parent=self, depends_on=list(depends_on))
        self.releases = []
        for suffix, chart, values in (
            ("driver", CSI_DRIVER_CHART, {
                "syncSecret": {"enabled": True}, "enableSecretRotation": True,
                "rotationPollInterval": "2m",
                "linux": {"image": {"repository": mirror(cloud.registry_url,
                                                         "csi-secrets-store/driver")}}}),
            ("provider", PROVIDER_CHARTS[cloud.cloud], {
                "image": {"repository": mirror(cloud.registry_url,
                                              PROVIDER_CHARTS[cloud.cloud][0])},
                "secrets-store-csi-driver": {"install": False}}),
        ):
            self.releases.append(pinned_release(f"{name}-{suffix}", chart,
                                                NODE_AGENTS_NAMESPACE, values, child))
        self.register_outputs({})


DB_CREDENTIALS_FILE = "db-credentials"


def database_credentials_class(name: str, cloud: CloudPlatform, namespace: str,
                               class_name: str, workload: str,
                               opts: pulumi.ResourceOptions) -> k8s.apiextensions.CustomResource:
    """A SecretProviderClass that mounts the registry database's credentials
    (`database_credentials_ref`: JSON with username and password on both clouds) as the
    file `db-credentials`, read with the identity of `workload`."""
    ref = pulumi.Output.from_input(cloud.database_credentials_ref or "")
    parameters: dict[str, Any]
    if cloud.cloud == "aws":
        parameters = {
            "usePodIdentity": "true", "region": cloud.region,
            "objects": ref.apply(lambda arn: (
                f'- objectName: "{arn}"\n  objectType: "secretsmanager"\n'
                f'  objectAlias: "{DB_CREDENTIALS_FILE}"\n')),
        }
    else:
        parameters = {
            "clientID": cloud.workload_identities[workload],
            "tenantId": cloud.oidc_issuer.apply(aks_tenant_id),
            "keyvaultName": ref.apply(lambda uri: key_vault_parts(uri)[0]),
            "objects": ref.apply(lambda uri: (
                "array:\n  - |\n"
                f"    objectName: {key_vault_parts(uri)[1]}\n"
                f"    objectType: secret\n    objectAlias: {DB_CREDENTIALS_FILE}\n")),
        }
    return k8s.apiextensions.CustomResource(
        name, api_version="secrets-store.csi.x-k8s.io/v1", kind="SecretProviderClass",
        metadata={"name": class_name, "namespace": namespace},
        spec={"provider": cloud.cloud, "parameters": parameters}, opts=opts)


def csi_volume(class_name: str) -> dict[str, Any]:
    """The pod volume that mounts the SecretProviderClass `class_name`."""
    return {"name": "cloud-secrets", "csi": {
        "driver": CSI_DRIVER, "readOnly": True,
        "volumeAttributes": {"secretProviderClass": class_name}}}


CSI_MOUNT = {"name": "cloud-secrets", "mountPath": "/etc/cloud-secrets", "readOnly": True}
