"""Cloud secret-store references turned into Kubernetes Secrets, with the pod's own identity.

The Secrets Store CSI driver mounts a secret from AWS Secrets Manager / Azure Key
Vault into the pod that asks for it, authenticating as that pod's workload
identity (EKS Pod Identity / AKS workload identity). Nothing is copied through Pulumi state and
no controller holds a broader identity (why not External Secrets: its AWS
provider cannot assume a Pod Identity role per service account).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_kubernetes as k8s

from components.interface import CloudPlatform, SecretsProvider
from components.k8s.helm import mirror, pinned_release
from components.k8s.namespaces import NODE_AGENTS_NAMESPACE

CSI_DRIVER_CHART = (
    "secrets-store-csi-driver",
    "1.5.4",
    "https://kubernetes-sigs.github.io/secrets-store-csi-driver/charts",
)
CSI_DRIVER = "secrets-store.csi.k8s.io"


def _provider(cloud: CloudPlatform) -> SecretsProvider:
    if cloud.secrets_provider is None:
        raise ValueError(
            "this cloud layer gives no Secrets Store CSI provider (CloudPlatform.secrets_provider)"
        )
    return cloud.secrets_provider


@dataclass(frozen=True)
class SecretsStoreCsiArgs:
    """The cloud whose Secrets Store CSI provider is installed."""

    cloud: CloudPlatform
    # What must exist before this component's resources are created.
    after: Sequence[pulumi.Resource] = ()


class SecretsStoreCsi(pulumi.ComponentResource):
    """The CSI driver (a node agent) and the cloud's provider, pinned, in node-agents."""

    def __init__(
        self, name: str, args: SecretsStoreCsiArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        cloud = args.cloud
        depends_on = args.after
        super().__init__("smp:k8s:SecretsStoreCsi", name, None, opts)
        child = pulumi.ResourceOptions(parent=self, depends_on=list(depends_on))
        provider = _provider(cloud)
        self.releases = []
        for suffix, chart, values in (
            (
                "driver",
                CSI_DRIVER_CHART,
                {
                    "syncSecret": {"enabled": True},
                    "enableSecretRotation": True,
                    "rotationPollInterval": "2m",
                    "linux": {
                        "image": {
                            "repository": mirror(cloud.registry_url, "csi-secrets-store/driver")
                        }
                    },
                },
            ),
            (
                "provider",
                provider.chart,
                {
                    "image": {"repository": mirror(cloud.registry_url, provider.chart[0])},
                    "secrets-store-csi-driver": {"install": False},
                },
            ),
        ):
            self.releases.append(
                pinned_release(f"{name}-{suffix}", chart, NODE_AGENTS_NAMESPACE, values, child)
            )
        self.register_outputs({})


DB_CREDENTIALS_FILE = "db-credentials"


def database_credentials_class(
    name: str,
    cloud: CloudPlatform,
    namespace: str,
    class_name: str,
    workload: str,
    opts: pulumi.ResourceOptions,
) -> k8s.apiextensions.CustomResource:
    """A SecretProviderClass that mounts the registry database's credentials
    (`database_credentials_ref`: JSON with username and password on both clouds) as the
    file `db-credentials`, read with the identity of `workload`."""
    ref = pulumi.Output.from_input(cloud.database_credentials_ref or "")
    provider = _provider(cloud)
    parameters = provider.parameters(workload, ref, DB_CREDENTIALS_FILE)
    return k8s.apiextensions.CustomResource(
        name,
        api_version="secrets-store.csi.x-k8s.io/v1",
        kind="SecretProviderClass",
        metadata={"name": class_name, "namespace": namespace},
        spec={"provider": provider.name, "parameters": parameters},
        opts=opts,
    )


def csi_volume(class_name: str) -> dict[str, Any]:
    """The pod volume that mounts the SecretProviderClass `class_name`."""
    return {
        "name": "cloud-secrets",
        "csi": {
            "driver": CSI_DRIVER,
            "readOnly": True,
            "volumeAttributes": {"secretProviderClass": class_name},
        },
    }


CSI_MOUNT = {"name": "cloud-secrets", "mountPath": "/etc/cloud-secrets", "readOnly": True}
