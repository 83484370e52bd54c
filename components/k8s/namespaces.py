"""Namespaces with restricted pod security, default-deny network policies, quotas and limits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_kubernetes as k8s

from components.interface import ExtraPolicy
from workloads.contract import commands, monitoring

PSA_RESTRICTED = {
    f"pod-security.kubernetes.io/{mode}": "restricted" for mode in ("enforce", "audit", "warn")
}
# The one namespace whose pods need host access (GPU device plugin, DCGM exporter,
# node-exporter): privileged is enforced only there, and audit/warn stay restricted
# so every such pod is still reported.
NODE_AGENTS_NAMESPACE = "node-agents"
PSA_NODE_AGENTS = {
    "pod-security.kubernetes.io/enforce": "privileged",
    "pod-security.kubernetes.io/audit": "restricted",
    "pod-security.kubernetes.io/warn": "restricted",
}
DNS_PORT = 53


@dataclass(frozen=True)
class NamespaceSpec:
    """One platform namespace: its quota, and which namespaces may call into it on which ports."""

    name: str
    purpose: str
    cpu: str
    memory: str
    gpus: int = 0
    # (source namespace, port) pairs allowed in; "monitoring" scrapes everywhere.
    ingress_from: Sequence[tuple[str, int]] = ()
    # Ports allowed out to the VPC/VNet (private endpoints and data services).
    egress_to_network: Sequence[int] = ()
    # Ports open to the VPC/VNet (clients behind an internal load balancer).
    ingress_from_network: Sequence[int] = ()
    # (destination namespace, port) pairs allowed out inside the cluster.
    egress_to: Sequence[tuple[str, int]] = ()
    labels: Mapping[str, str] = field(default_factory=dict)


# REDIS stands for the online store's port in the flows below; the cloud says which
# port it serves TLS on (`CloudPlatform.redis_tls_port`). BROKER stands for the event
# stream's TLS listener (`CloudPlatform.event_stream.port`).
HTTPS, POSTGRES, REDIS, BROKER = 443, 5432, 6379, 9092
# Namespaces whose pods exchange a workload-identity token for cloud credentials; a
# cloud may add objects there (`CloudPlatform.identity_egress_policies`).
WORKLOAD_IDENTITY_NAMESPACES = (
    "features",
    "registry",
    "serving",
    "training",
    "monitoring",
    "batch",
    "ingestion",
)
FEATURE_SERVER_PORT, MLFLOW_PORT, SERVING_PORT, METRICS_PORT = 6566, 5000, 8080, 9090
# The scoring service's Open Inference Protocol gRPC listener (its JSON API and OIP over
# REST share SERVING_PORT).
SERVING_GRPC_PORT = commands.SERVING_GRPC_PORT
PROMETHEUS_PORT = 9090  # the Prometheus Service (the retraining's A/B wait queries it)
PUSHGATEWAY_PORT = 9091  # the drift monitor's CronJob pushes its metrics here
# Prometheus scrapes the streaming drift monitor (a Deployment in monitoring) here.
STREAM_MONITOR_PORT = monitoring.STREAM_METRICS_PORT
KUEUE_WEBHOOK_PORT = 9443
# The orchestrator (components/k8s/pipelines.py): the Argo server's port (reached with
# `kubectl port-forward`, which no NetworkPolicy sees), the drift alert's webhook
# EventSource (Alertmanager posts to it) and the JetStream event bus (client, cluster
# routes, monitoring).
ARGO_SERVER_PORT = 2746
DRIFT_WEBHOOK_PORT = 12000
EVENTBUS_PORTS = (4222, 6222, 8222)

PLATFORM_NAMESPACES: tuple[NamespaceSpec, ...] = (
    NamespaceSpec(
        "platform",
        "cert-manager, the cluster autoscaler, Kueue and other platform controllers",
        cpu="8",
        memory="16Gi",
        egress_to_network=(HTTPS,),
        # The API server calls Kueue's admission webhooks (it is not a pod: from the network).
        ingress_from_network=(KUEUE_WEBHOOK_PORT,),
    ),
    NamespaceSpec(
        "pipelines",
        "Argo Workflows and Argo Events: controllers, server, event bus, sources, sensors",
        cpu="8",
        memory="16Gi",
        # Alertmanager's drift alerts; the event bus's own pods among themselves.
        ingress_from=(
            ("monitoring", DRIFT_WEBHOOK_PORT),
            *(("pipelines", port) for port in EVENTBUS_PORTS),
        ),
        egress_to=tuple(("pipelines", port) for port in EVENTBUS_PORTS),
        # The API server (watching and creating workflows).
        egress_to_network=(HTTPS,),
    ),
    NamespaceSpec(
        "features",
        "Feast feature server and materialization",
        cpu="16",
        memory="64Gi",
        ingress_from=(
            ("serving", FEATURE_SERVER_PORT),
            ("training", FEATURE_SERVER_PORT),
            # ingestion pushes fresh features (Feast push source)
            ("ingestion", FEATURE_SERVER_PORT),
        ),
        egress_to_network=(HTTPS, REDIS),
    ),
    NamespaceSpec(
        "registry",
        "MLflow tracking server and model registry",
        cpu="8",
        memory="16Gi",
        ingress_from=(
            ("training", MLFLOW_PORT),
            ("serving", MLFLOW_PORT),
            # the drift monitor (baselines)
            ("monitoring", MLFLOW_PORT),
            # the access Job (users, permissions)
            ("registry", MLFLOW_PORT),
            # batch scoring (the model it scores with)
            ("batch", MLFLOW_PORT),
        ),
        egress_to=(("registry", MLFLOW_PORT),),
        egress_to_network=(HTTPS, POSTGRES),
    ),
    NamespaceSpec(
        "serving",
        "model serving with A/B assignment",
        cpu="32",
        memory="64Gi",
        # Prometheus scrapes /metrics on the service port (bearer token).
        ingress_from=(
            ("serving", SERVING_PORT),
            ("serving", SERVING_GRPC_PORT),
            ("monitoring", SERVING_PORT),
        ),
        # The internal load balancer: JSON and OIP REST, OIP gRPC.
        ingress_from_network=(SERVING_PORT, SERVING_GRPC_PORT),
        egress_to=(("features", FEATURE_SERVER_PORT), ("registry", MLFLOW_PORT)),
        egress_to_network=(HTTPS, REDIS),
    ),
    NamespaceSpec(
        "training",
        "training jobs and the retraining workflows",
        cpu="64",
        memory="256Gi",
        gpus=8,
        # The retraining's A/B wait reads the challenger's live SLOs from Prometheus.
        egress_to=(
            ("features", FEATURE_SERVER_PORT),
            ("registry", MLFLOW_PORT),
            ("monitoring", PROMETHEUS_PORT),
        ),
        egress_to_network=(HTTPS, REDIS),
    ),
    NamespaceSpec(
        "batch",
        "batch scoring jobs (no listener: nothing calls in but the metrics scrape)",
        cpu="16",
        memory="64Gi",
        # The registry (the model) and the object stores (features in, predictions out);
        # features are read from the offline store only, so no online-store flow.
        egress_to=(("registry", MLFLOW_PORT),),
        egress_to_network=(HTTPS,),
    ),
    NamespaceSpec(
        "ingestion",
        "streaming and batch ingestion into the raw and curated zones",
        cpu="16",
        memory="32Gi",
        # The broker, the object stores, the relational sources and the feature server
        # (push source); nothing calls in but the metrics scrape.
        egress_to=(("features", FEATURE_SERVER_PORT),),
        egress_to_network=(HTTPS, POSTGRES, BROKER),
    ),
    NamespaceSpec(
        "monitoring",
        "Prometheus, Alertmanager, Grafana and the drift monitor",
        cpu="16",
        memory="64Gi",
        egress_to_network=(HTTPS,),
        ingress_from=(
            ("monitoring", PUSHGATEWAY_PORT),
            ("monitoring", STREAM_MONITOR_PORT),
            ("training", PROMETHEUS_PORT),
        ),
        egress_to=(
            ("registry", MLFLOW_PORT),
            ("serving", SERVING_PORT),
            ("monitoring", PUSHGATEWAY_PORT),
            ("monitoring", STREAM_MONITOR_PORT),
            # Alertmanager posts drift alerts to the retraining webhook.
            ("pipelines", DRIFT_WEBHOOK_PORT),
        ),
    ),
)


def _peer(namespace: str) -> dict[str, Any]:
    return {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": namespace}}}


def _tcp(port: int) -> dict[str, Any]:
    return {"protocol": "TCP", "port": port}


@dataclass(frozen=True)
class NamespacesArgs:
    """What the namespaces need: the network's range, the GPU quota and the cloud's facts."""

    network_cidr: str
    gpu_quota: int
    redis_tls_port: int = REDIS
    broker_port: int = BROKER
    identity_egress_policies: tuple[ExtraPolicy, ...] = ()
    specs: Sequence[NamespaceSpec] = PLATFORM_NAMESPACES


class PlatformNamespaces(pulumi.ComponentResource):
    """The platform's namespaces, each isolated by default and opened only where documented."""

    names: list[str]

    def __init__(
        self,
        name: str,
        args: NamespacesArgs,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:k8s:PlatformNamespaces", name, None, opts)
        self.args = args
        network_cidr, gpu_quota, specs = args.network_cidr, args.gpu_quota, args.specs
        child = pulumi.ResourceOptions(parent=self)
        self.namespaces: dict[str, k8s.core.v1.Namespace] = {}
        for spec in specs:
            ns = k8s.core.v1.Namespace(
                f"{name}-{spec.name}",
                metadata={
                    "name": spec.name,
                    "labels": {**PSA_RESTRICTED, "smp.io/managed": "true", **spec.labels},
                    "annotations": {"smp.io/purpose": spec.purpose},
                },
                opts=child,
            )
            self.namespaces[spec.name] = ns
            self._isolate(name, spec, network_cidr, gpu_quota, ns)
        agents = k8s.core.v1.Namespace(
            f"{name}-{NODE_AGENTS_NAMESPACE}",
            metadata={
                "name": NODE_AGENTS_NAMESPACE,
                "labels": {**PSA_NODE_AGENTS, "smp.io/managed": "true"},
                "annotations": {
                    "smp.io/purpose": "node agents that need host access: "
                    "GPU device plugin, DCGM exporter, "
                    "node-exporter"
                },
            },
            opts=child,
        )
        self.namespaces[NODE_AGENTS_NAMESPACE] = agents
        self._isolate(
            name,
            NamespaceSpec(NODE_AGENTS_NAMESPACE, "node agents", cpu="8", memory="16Gi"),
            network_cidr,
            0,
            agents,
        )
        self.names = sorted(self.namespaces)
        self.register_outputs({"namespaces": self.names})

    def _isolate(
        self,
        name: str,
        spec: NamespaceSpec,
        network_cidr: str,
        gpu_quota: int,
        ns: k8s.core.v1.Namespace,
    ) -> None:
        opts = pulumi.ResourceOptions(parent=self, depends_on=[ns])
        base = f"{name}-{spec.name}"
        meta = {"namespace": spec.name}
        k8s.networking.v1.NetworkPolicy(
            f"{base}-default-deny",
            metadata={**meta, "name": "default-deny-all"},
            spec={"podSelector": {}, "policyTypes": ["Ingress", "Egress"]},
            opts=opts,
        )
        k8s.networking.v1.NetworkPolicy(
            f"{base}-allow-dns",
            metadata={**meta, "name": "allow-dns-egress"},
            spec={
                "podSelector": {},
                "policyTypes": ["Egress"],
                "egress": [
                    {
                        "to": [
                            {
                                **_peer("kube-system"),
                                "podSelector": {"matchLabels": {"k8s-app": "kube-dns"}},
                            }
                        ],
                        "ports": [{"protocol": "UDP", "port": DNS_PORT}, _tcp(DNS_PORT)],
                    }
                ],
            },
            opts=opts,
        )
        ingress = [
            {"from": [_peer(source)], "ports": [_tcp(port)]} for source, port in spec.ingress_from
        ]
        if spec.ingress_from_network:
            ingress.append(
                {
                    "from": [{"ipBlock": {"cidr": network_cidr}}],
                    "ports": [_tcp(p) for p in spec.ingress_from_network],
                }
            )
        if spec.name != "monitoring":
            ingress.append({"from": [_peer("monitoring")], "ports": [_tcp(METRICS_PORT)]})
        if ingress:
            k8s.networking.v1.NetworkPolicy(
                f"{base}-allow-ingress",
                metadata={**meta, "name": "allow-documented-ingress"},
                spec={"podSelector": {}, "policyTypes": ["Ingress"], "ingress": ingress},
                opts=opts,
            )
        egress: list[dict[str, Any]] = [
            {"to": [_peer(dest)], "ports": [_tcp(port)]} for dest, port in spec.egress_to
        ]
        if spec.egress_to_network:
            cloud_ports = {REDIS: self.args.redis_tls_port, BROKER: self.args.broker_port}
            ports = [cloud_ports.get(p, p) for p in spec.egress_to_network]
            egress.append(
                {"to": [{"ipBlock": {"cidr": network_cidr}}], "ports": [_tcp(p) for p in ports]}
            )
        if spec.name == "monitoring":
            # Prometheus scrapes every platform namespace's metrics port.
            egress.append(
                {
                    "to": [{"namespaceSelector": {"matchLabels": {"smp.io/managed": "true"}}}],
                    "ports": [_tcp(METRICS_PORT)],
                }
            )
        if egress:
            k8s.networking.v1.NetworkPolicy(
                f"{base}-allow-egress",
                metadata={**meta, "name": "allow-documented-egress"},
                spec={"podSelector": {}, "policyTypes": ["Egress"], "egress": egress},
                opts=opts,
            )
        if spec.name in WORKLOAD_IDENTITY_NAMESPACES:
            for extra in self.args.identity_egress_policies:
                k8s.apiextensions.CustomResource(
                    f"{base}-{extra.suffix}",
                    api_version=extra.api_version,
                    kind=extra.kind,
                    metadata={**meta, "name": extra.name},
                    spec=dict(extra.spec),
                    opts=opts,
                )
        hard = {
            "requests.cpu": spec.cpu,
            "requests.memory": spec.memory,
            "limits.cpu": spec.cpu,
            "limits.memory": spec.memory,
        }
        gpus = gpu_quota if spec.gpus else 0
        hard["requests.nvidia.com/gpu"] = str(gpus)
        k8s.core.v1.ResourceQuota(
            f"{base}-quota",
            metadata={**meta, "name": "platform-quota"},
            spec={"hard": hard},
            opts=opts,
        )
        k8s.core.v1.LimitRange(
            f"{base}-limits",
            metadata={**meta, "name": "container-defaults"},
            spec={
                "limits": [
                    {
                        "type": "Container",
                        "default": {"cpu": "500m", "memory": "512Mi"},
                        "defaultRequest": {"cpu": "100m", "memory": "128Mi"},
                        "max": {"cpu": spec.cpu, "memory": spec.memory},
                    }
                ]
            },
            opts=opts,
        )
