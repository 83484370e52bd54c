"""TLS inside the cluster: cert-manager, an internal CA ClusterIssuer, service certificates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pulumi
import pulumi_kubernetes as k8s

from components.k8s.helm import mirror, pinned_release

CERT_MANAGER_CHART = ("cert-manager", "v1.17.2", "https://charts.jetstack.io")
CERT_MANAGER_NAMESPACE = "platform"
INTERNAL_CA_ISSUER = "smp-internal-ca"

# Every platform Service the ML-services layer exposes, by namespace: each gets a
# certificate from the internal CA, kept in the Secret `<service>-tls`.
PLATFORM_SERVICES: Mapping[str, str] = {
    "feature-server": "features",
    "mlflow": "registry",
    "model-serving": "serving",
}


# Namespaces whose pods only call platform Services: each gets a client certificate
# from the internal CA, whose Secret carries `ca.crt`, the bundle clients verify with.
CLIENT_NAMESPACES: tuple[str, ...] = ("training", "monitoring", "batch")
CLIENT_CERT_SECRET = "internal-ca-client"  # noqa: S105 - the name of a Secret


def ca_secret(namespace: str) -> str:
    """The Secret in `namespace` whose `ca.crt` is the internal CA (a service's own
    certificate where the namespace serves one, else the client certificate)."""
    for service, ns in PLATFORM_SERVICES.items():
        if ns == namespace:
            return f"{service}-tls"
    if namespace in CLIENT_NAMESPACES:
        return CLIENT_CERT_SECRET
    raise KeyError(f"no internal-CA Secret in namespace {namespace!r}")


def service_dns_names(service: str, namespace: str) -> list[str]:
    """The in-cluster names clients use for a Service."""
    return [
        service,
        f"{service}.{namespace}",
        f"{service}.{namespace}.svc",
        f"{service}.{namespace}.svc.cluster.local",
    ]


@dataclass(frozen=True)
class InternalTlsArgs:
    """What the internal CA needs: the registry its mirrored images come from."""

    image_registry: pulumi.Input[str]
    # What must exist before this component's resources are created.
    after: Sequence[pulumi.Resource] = ()


class InternalTls(pulumi.ComponentResource):
    """cert-manager (pinned), a self-signed root that signs the internal CA, and certificates."""

    issuer_name: str
    certificates: dict[str, k8s.apiextensions.CustomResource]

    def __init__(
        self, name: str, args: InternalTlsArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        image_registry = args.image_registry
        depends_on = args.after
        super().__init__("smp:k8s:InternalTls", name, None, opts)
        release = pinned_release(
            f"{name}-cert-manager",
            CERT_MANAGER_CHART,
            CERT_MANAGER_NAMESPACE,
            values={
                "crds": {"enabled": True},
                "global": {"leaderElection": {"namespace": CERT_MANAGER_NAMESPACE}},
                "image": {"repository": mirror(image_registry, "jetstack/cert-manager-controller")},
                "webhook": {
                    "image": {"repository": mirror(image_registry, "jetstack/cert-manager-webhook")}
                },
                "cainjector": {
                    "image": {
                        "repository": mirror(image_registry, "jetstack/cert-manager-cainjector")
                    }
                },
                "prometheus": {"enabled": True, "servicemonitor": {"enabled": True}},
                "resources": {
                    "requests": {"cpu": "50m", "memory": "128Mi"},
                    "limits": {"cpu": "500m", "memory": "512Mi"},
                },
            },
            opts=pulumi.ResourceOptions(parent=self, depends_on=list(depends_on)),
        )
        after = pulumi.ResourceOptions(parent=self, depends_on=[release])
        bootstrap = k8s.apiextensions.CustomResource(
            f"{name}-selfsigned",
            api_version="cert-manager.io/v1",
            kind="ClusterIssuer",
            metadata={"name": "smp-selfsigned-bootstrap"},
            spec={"selfSigned": {}},
            opts=after,
        )
        ca = k8s.apiextensions.CustomResource(
            f"{name}-ca",
            api_version="cert-manager.io/v1",
            kind="Certificate",
            metadata={"name": "smp-internal-ca", "namespace": CERT_MANAGER_NAMESPACE},
            spec={
                "isCA": True,
                "commonName": "smp-internal-ca",
                "secretName": "smp-internal-ca",
                "duration": "8760h",
                "renewBefore": "720h",
                "privateKey": {"algorithm": "ECDSA", "size": 384, "rotationPolicy": "Always"},
                "issuerRef": {
                    "name": "smp-selfsigned-bootstrap",
                    "kind": "ClusterIssuer",
                    "group": "cert-manager.io",
                },
            },
            opts=pulumi.ResourceOptions(parent=self, depends_on=[bootstrap]),
        )
        issuer = k8s.apiextensions.CustomResource(
            f"{name}-issuer",
            api_version="cert-manager.io/v1",
            kind="ClusterIssuer",
            metadata={"name": INTERNAL_CA_ISSUER},
            spec={"ca": {"secretName": "smp-internal-ca"}},
            opts=pulumi.ResourceOptions(parent=self, depends_on=[ca]),
        )
        self.issuer_name = INTERNAL_CA_ISSUER
        self.certificates = {}
        for service, namespace in PLATFORM_SERVICES.items():
            self.certificates[service] = k8s.apiextensions.CustomResource(
                f"{name}-{service}",
                api_version="cert-manager.io/v1",
                kind="Certificate",
                metadata={"name": f"{service}-tls", "namespace": namespace},
                spec={
                    "secretName": f"{service}-tls",
                    "dnsNames": service_dns_names(service, namespace),
                    "duration": "2160h",
                    "renewBefore": "360h",
                    "privateKey": {"algorithm": "ECDSA", "size": 256, "rotationPolicy": "Always"},
                    "usages": ["server auth", "digital signature", "key encipherment"],
                    "issuerRef": {
                        "name": INTERNAL_CA_ISSUER,
                        "kind": "ClusterIssuer",
                        "group": "cert-manager.io",
                    },
                },
                opts=pulumi.ResourceOptions(parent=self, depends_on=[issuer]),
            )
        for namespace in CLIENT_NAMESPACES:
            self.certificates[f"{namespace}-client"] = k8s.apiextensions.CustomResource(
                f"{name}-{namespace}-client",
                api_version="cert-manager.io/v1",
                kind="Certificate",
                metadata={"name": CLIENT_CERT_SECRET, "namespace": namespace},
                spec={
                    "secretName": CLIENT_CERT_SECRET,
                    "commonName": f"{namespace}.smp.internal",
                    "duration": "2160h",
                    "renewBefore": "360h",
                    "privateKey": {"algorithm": "ECDSA", "size": 256, "rotationPolicy": "Always"},
                    "usages": ["client auth", "digital signature"],
                    "issuerRef": {
                        "name": INTERNAL_CA_ISSUER,
                        "kind": "ClusterIssuer",
                        "group": "cert-manager.io",
                    },
                },
                opts=pulumi.ResourceOptions(parent=self, depends_on=[issuer]),
            )
        self.register_outputs({"issuer": INTERNAL_CA_ISSUER})
