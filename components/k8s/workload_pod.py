"""The hardened pod template every ML service uses, written once.

Restricted pod security (non-root, read-only root filesystem, ALL capabilities
dropped, RuntimeDefault seccomp, no privilege escalation), requests and limits,
an image pinned by digest from the stack's registry, and the workload's own
service account (with the cloud's workload-identity wiring).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_kubernetes as k8s

from components.interface import CloudPlatform
from components.k8s.gpu import GPU_POOL_SELECTOR, GPU_TOLERATIONS

RUN_AS = 10001  # the uid/gid of the workload images (workloads/Dockerfile)
TMP_VOLUME = {"name": "tmp", "emptyDir": {"sizeLimit": "1Gi"}}
TMP_MOUNT = {"name": "tmp", "mountPath": "/tmp"}  # noqa: S108 - an emptyDir, not the host's


@dataclass(frozen=True)
class Resources:
    """Requests and limits of one container."""

    cpu: str
    memory: str
    cpu_limit: str
    memory_limit: str
    gpus: int = 0

    def spec(self) -> dict[str, Any]:
        """The container's `resources`."""
        limits: dict[str, str] = {"cpu": self.cpu_limit, "memory": self.memory_limit}
        requests: dict[str, str] = {"cpu": self.cpu, "memory": self.memory}
        if self.gpus:
            limits["nvidia.com/gpu"] = requests["nvidia.com/gpu"] = str(self.gpus)
        return {"requests": requests, "limits": limits}


CONTAINER_SECURITY: dict[str, Any] = {
    "runAsNonRoot": True,
    "runAsUser": RUN_AS,
    "runAsGroup": RUN_AS,
    "allowPrivilegeEscalation": False,
    "privileged": False,
    "readOnlyRootFilesystem": True,
    "capabilities": {"drop": ["ALL"]},
    "seccompProfile": {"type": "RuntimeDefault"},
}


def image_ref(cloud: CloudPlatform, image: str, digest: str) -> pulumi.Output[str]:
    """`<repository>@sha256:...` in the stack's own ECR/ACR."""
    repository = cloud.image_repositories.get(image)
    if repository is None:
        repository = pulumi.Output.concat(cloud.registry_url, "/", image)
    return pulumi.Output.concat(repository, "@", digest)


def service_account_of(cloud: CloudPlatform, workload: str) -> tuple[str, str]:
    """(namespace, service account) the workload's cloud identity trusts."""
    from components.interface import WORKLOAD_SERVICE_ACCOUNTS

    return (cloud.workload_service_accounts or WORKLOAD_SERVICE_ACCOUNTS)[workload]


def workload_service_account(
    name: str, cloud: CloudPlatform, workload: str, opts: pulumi.ResourceOptions
) -> k8s.core.v1.ServiceAccount:
    """The service account the cloud identity is bound to, annotated as the cloud binds it
    (`CloudPlatform.service_account_annotations`: none for EKS Pod Identity)."""
    namespace, account = service_account_of(cloud, workload)
    annotations: dict[str, Any] = dict(cloud.service_account_annotations.get(workload, {}))
    return k8s.core.v1.ServiceAccount(
        name,
        metadata={
            "name": account,
            "namespace": namespace,
            "labels": {"app.kubernetes.io/part-of": "smp-ml-services"},
            "annotations": annotations,
        },
        automount_service_account_token=False,
        opts=opts,
    )


@dataclass
class Container:
    """One container of a workload pod."""

    name: str
    image: pulumi.Input[str]
    command: Sequence[str]
    resources: Resources
    env: Sequence[Mapping[str, Any]] = ()
    ports: Sequence[int] = ()
    mounts: Sequence[Mapping[str, Any]] = ()
    probe: Mapping[str, Any] | None = None  # readiness and liveness (long-running only)

    def spec(self) -> dict[str, Any]:
        """The container manifest."""
        out: dict[str, Any] = {
            "name": self.name,
            "image": self.image,
            "imagePullPolicy": "Always",
            "command": list(self.command),
            "env": [dict(e) for e in self.env],
            "resources": self.resources.spec(),
            "securityContext": dict(CONTAINER_SECURITY),
            "volumeMounts": [TMP_MOUNT, *[dict(m) for m in self.mounts]],
        }
        if self.ports:
            out["ports"] = [{"containerPort": p, "protocol": "TCP"} for p in self.ports]
        if self.probe is not None:
            out["readinessProbe"] = dict(self.probe)
            out["livenessProbe"] = {**self.probe, "initialDelaySeconds": 60, "failureThreshold": 5}
        return out


@dataclass
class PodTemplate:
    """A hardened pod: its workload (for identity), labels, containers and volumes."""

    cloud: CloudPlatform
    workload: str
    labels: Mapping[str, str]
    containers: Sequence[Container]
    init_containers: Sequence[Container] = ()
    volumes: Sequence[Mapping[str, Any]] = ()
    gpu: bool = False
    restart_policy: str | None = None
    extra_spec: Mapping[str, Any] = field(default_factory=dict)
    annotations: Mapping[str, str] = field(default_factory=dict)

    def manifest(self) -> dict[str, Any]:
        """`{metadata, spec}` of the pod template."""
        _, account = service_account_of(self.cloud, self.workload)
        labels = {**self.labels, **self.cloud.pod_labels}
        spec: dict[str, Any] = {
            "serviceAccountName": account,
            # The projected identity token is mounted by the Pod Identity agent / the
            # workload identity webhook; nothing here needs the Kubernetes API.
            "automountServiceAccountToken": False,
            "securityContext": {
                "runAsNonRoot": True,
                "runAsUser": RUN_AS,
                "runAsGroup": RUN_AS,
                "fsGroup": RUN_AS,
                "seccompProfile": {"type": "RuntimeDefault"},
            },
            "containers": [c.spec() for c in self.containers],
            "volumes": [TMP_VOLUME, *[dict(v) for v in self.volumes]],
            **self.extra_spec,
        }
        if self.init_containers:
            spec["initContainers"] = [c.spec() for c in self.init_containers]
        if self.restart_policy:
            spec["restartPolicy"] = self.restart_policy
        if self.gpu:
            spec["nodeSelector"] = dict(GPU_POOL_SELECTOR)
            spec["tolerations"] = [dict(t) for t in GPU_TOLERATIONS]
        metadata: dict[str, Any] = {"labels": labels}
        if self.annotations:
            metadata["annotations"] = dict(self.annotations)
        return {"metadata": metadata, "spec": spec}


def secret_env(name: str, secret: str, key: str) -> dict[str, Any]:
    """An environment variable read from a Kubernetes Secret."""
    return {"name": name, "valueFrom": {"secretKeyRef": {"name": secret, "key": key}}}


def https_probe(path: str, port: int) -> dict[str, Any]:
    """A readiness probe over TLS."""
    return {
        "httpGet": {"path": path, "port": port, "scheme": "HTTPS"},
        "periodSeconds": 10,
        "timeoutSeconds": 3,
    }


def http_probe(path: str, port: int) -> dict[str, Any]:
    """A readiness probe over plain HTTP."""
    return {
        "httpGet": {"path": path, "port": port, "scheme": "HTTP"},
        "periodSeconds": 10,
        "timeoutSeconds": 3,
    }


def tls_volume(service: str) -> dict[str, Any]:
    """The cert-manager Secret of a platform Service (components/k8s/tls.py)."""
    return {"name": "tls", "secret": {"secretName": f"{service}-tls", "defaultMode": 0o440}}


TLS_MOUNT = {"name": "tls", "mountPath": "/etc/tls", "readOnly": True}
CA_MOUNT = {"name": "internal-ca", "mountPath": "/etc/internal-ca", "readOnly": True}
CA_FILE = "/etc/internal-ca/ca.crt"


def ca_volume(namespace: str) -> dict[str, Any]:
    """Only `ca.crt` of the namespace's internal-CA Secret (never a private key)."""
    from components.k8s.tls import ca_secret

    return {
        "name": "internal-ca",
        "secret": {
            "secretName": ca_secret(namespace),
            "defaultMode": 0o444,
            "items": [{"key": "ca.crt", "path": "ca.crt"}],
        },
    }


def zone_spread(labels: dict[str, str]) -> list[dict[str, Any]]:
    """Spread replicas across zones (and nodes); soft where the region has few zones."""
    return [
        {
            "maxSkew": 1,
            "topologyKey": "topology.kubernetes.io/zone",
            "whenUnsatisfiable": "ScheduleAnyway",
            "labelSelector": {"matchLabels": labels},
        },
        {
            "maxSkew": 1,
            "topologyKey": "kubernetes.io/hostname",
            "whenUnsatisfiable": "ScheduleAnyway",
            "labelSelector": {"matchLabels": labels},
        },
    ]


def disruption_budget(
    name: str, app: str, namespace: str, labels: dict[str, str], opts: pulumi.ResourceOptions
) -> k8s.policy.v1.PodDisruptionBudget:
    """At most one replica down through voluntary disruptions (drains, upgrades); unlike
    minAvailable it never blocks a drain of a single-replica service."""
    return k8s.policy.v1.PodDisruptionBudget(
        name,
        metadata={"name": app, "namespace": namespace, "labels": labels},
        spec={"maxUnavailable": 1, "selector": {"matchLabels": labels}},
        opts=opts,
    )


def service_monitor(
    name: str,
    app: str,
    namespace: str,
    labels: dict[str, str],
    port: str,
    opts: pulumi.ResourceOptions,
    tls_secret: str | None = None,
    bearer_secret: tuple[str, str] | None = None,
) -> k8s.apiextensions.CustomResource:
    """A ServiceMonitor the monitoring stack's Prometheus picks up."""
    endpoint: dict[str, Any] = {"port": port, "path": "/metrics", "interval": "30s"}
    if tls_secret:
        endpoint["scheme"] = "https"
        endpoint["tlsConfig"] = {
            "ca": {"secret": {"name": tls_secret, "key": "ca.crt"}},
            "serverName": f"{app}.{namespace}.svc",
        }
    if bearer_secret:
        endpoint["authorization"] = {
            "type": "Bearer",
            "credentials": {"name": bearer_secret[0], "key": bearer_secret[1]},
        }
    return k8s.apiextensions.CustomResource(
        name,
        api_version="monitoring.coreos.com/v1",
        kind="ServiceMonitor",
        metadata={
            "name": app,
            "namespace": namespace,
            "labels": {**labels, "release": "kube-prometheus-stack"},
        },
        spec={
            "selector": {"matchLabels": labels},
            "endpoints": [endpoint],
            "namespaceSelector": {"matchNames": [namespace]},
        },
        opts=opts,
    )
