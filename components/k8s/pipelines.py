"""The orchestrator: Argo Workflows and Argo Events, pinned, in their own namespace.

- Both charts go through `pinned_release`; every image comes from the stack's mirror by
  digest (`platform.pipelines.imageDigests`, written by the mirror job), as
  `<mirror>/<repository>:<tag>@sha256:...` (the charts document a tag with a digest).
- The controllers and the Argo server run in `pipelines` (default-deny, only the flows of
  `components/k8s/namespaces.py`), restricted pods on the system pool, requests and limits.
- The Argo server is a ClusterIP Service with TLS and `--auth-mode=client`: every call
  carries the caller's own Kubernetes token, so the server never acts with its own rights
  (`server` mode would hand them to anyone who reaches it). No Ingress, no HTTPRoute.
- Workflows run in `training` only (`controller.workflowNamespaces`), their main
  containers as the `training` service account (its cloud identity reaches the
  artifacts store: `useSDKCreds`, `useStaticCredentials: false`, no keys) with no
  Kubernetes token, and Argo's executor as `argo-executor`, whose only rights are a
  namespaced Role on `workflowtaskresults` (what the emissary executor writes). The chart
  creates no workflow RBAC of its own (`workflow.rbac.create: false`): what workflows
  may do is in the plan, where the gate judges it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_kubernetes as k8s

from components.interface import CloudPlatform
from components.k8s.helm import mirror, pinned_release
from components.k8s.namespaces import ARGO_SERVER_PORT
from components.k8s.workload_pod import CONTAINER_SECURITY, RUN_AS, service_account_of
from platform_spec.models import Pipelines

# Chart versions and their app versions: argoproj/argo-helm charts/argo-workflows and
# charts/argo-events Chart.yaml (appVersion v4.0.6, v1.9.10).
ARGO_WORKFLOWS_CHART = ("argo-workflows", "1.0.18", "https://argoproj.github.io/argo-helm")
ARGO_WORKFLOWS_TAG = "v4.0.6"
ARGO_EVENTS_CHART = ("argo-events", "2.4.22", "https://argoproj.github.io/argo-helm")
ARGO_EVENTS_TAG = "v1.9.10"
# The JetStream version the event bus runs and its images (the chart's
# configs.jetstream.versions entry for 2.10.10).
JETSTREAM_VERSION = "2.10.10"
NATS_TAG, NATS_RELOADER_TAG, NATS_EXPORTER_TAG = "2.10.10", "0.14.0", "0.14.0"

PIPELINES_NAMESPACE = "pipelines"
WORKFLOW_NAMESPACE = "training"  # where the retraining Workflows and their pods run
EXECUTOR_SERVICE_ACCOUNT = "argo-executor"
ARGO_API = "argoproj.io/v1alpha1"
# The kinds the platform creates and their CRDs' plural names (smp/crd_schemas holds
# their validation schemas for the pinned versions: scripts/vendor_crd_schemas.py).
ARGO_WORKFLOWS_KINDS = {
    "Workflow": "workflows",
    "WorkflowTemplate": "workflowtemplates",
    "CronWorkflow": "cronworkflows",
}
ARGO_EVENTS_KINDS = {"EventBus": "eventbus", "EventSource": "eventsources", "Sensor": "sensors"}
SYSTEM_POOL = {"smp.io/pool-kind": "system"}
SYSTEM_TOLERATIONS = [{"key": "CriticalAddonsOnly", "operator": "Exists"}]
POD_SECURITY: dict[str, Any] = {
    "runAsNonRoot": True,
    "runAsUser": RUN_AS,
    "runAsGroup": RUN_AS,
    "fsGroup": RUN_AS,
    "seccompProfile": {"type": "RuntimeDefault"},
}
CONTROLLER_RESOURCES = {
    "requests": {"cpu": "200m", "memory": "256Mi"},
    "limits": {"cpu": "1", "memory": "1Gi"},
}
# Argo's init/wait containers in every workflow pod.
EXECUTOR_RESOURCES = {
    "requests": {"cpu": "50m", "memory": "64Mi"},
    "limits": {"cpu": "500m", "memory": "256Mi"},
}
# What the emissary executor needs of the API server, and no more (Argo's workflow RBAC).
EXECUTOR_RULES = [
    {
        "apiGroups": ["argoproj.io"],
        "resources": ["workflowtaskresults"],
        "verbs": ["create", "patch"],
    }
]


def argo_image(tag: str, digest: str) -> str:
    """The chart's `image.tag` for a mirrored image: its tag, pinned by digest."""
    return f"{tag}@{digest}"


def mirrored_ref(
    registry_url: pulumi.Input[str], repository: str, tag: str, digest: str
) -> pulumi.Output[str]:
    """`<mirror>/<repository>:<tag>@<digest>`."""
    return pulumi.Output.concat(mirror(registry_url, repository), f":{tag}@{digest}")


def workflow_defaults(cloud: CloudPlatform, max_run_hours: int) -> dict[str, Any]:
    """What the controller merges into every Workflow: restricted pods as the training
    identity without a Kubernetes token, bounded run time, pods and runs cleaned up."""
    _, account = service_account_of(cloud, "training")
    return {
        "spec": {
            "serviceAccountName": account,
            "automountServiceAccountToken": False,
            "executor": {"serviceAccountName": EXECUTOR_SERVICE_ACCOUNT},
            "securityContext": dict(POD_SECURITY),
            "podMetadata": {
                "labels": {"app.kubernetes.io/part-of": "smp-retraining", **cloud.pod_labels}
            },
            "activeDeadlineSeconds": max_run_hours * 3600,
            "podGC": {"strategy": "OnPodCompletion"},
            "ttlStrategy": {"secondsAfterCompletion": 7 * 86400},
        }
    }


def workflows_values(cloud: CloudPlatform, pipelines: Pipelines, replicas: int) -> dict[str, Any]:
    """The argo-workflows chart's values (argoproj/argo-helm charts/argo-workflows)."""
    digests = pipelines.image_digests
    registry = mirror(cloud.registry_url)
    restricted = {k: v for k, v in CONTAINER_SECURITY.items() if k != "privileged"}
    return {
        "crds": {"install": True, "keep": True, "full": True},
        "createAggregateRoles": False,
        "singleNamespace": False,
        # The chart's own workflow RBAC is off: the executor's Role is in the plan.
        "workflow": {"serviceAccount": {"create": False}, "rbac": {"create": False}},
        "useStaticCredentials": False,
        "artifactRepository": dict(cloud.workflow_artifact_repository or {}),
        "images": {"pullPolicy": "IfNotPresent"},
        "controller": {
            "image": {
                "registry": registry,
                "repository": "argoproj/workflow-controller",
                "tag": argo_image(ARGO_WORKFLOWS_TAG, digests["workflowController"]),
            },
            "workflowNamespaces": [WORKFLOW_NAMESPACE],
            "replicas": replicas,
            "pdb": {"enabled": replicas > 1, "minAvailable": 1},
            "podSecurityContext": dict(POD_SECURITY),
            "securityContext": restricted,
            "resources": CONTROLLER_RESOURCES,
            "nodeSelector": SYSTEM_POOL,
            "tolerations": SYSTEM_TOLERATIONS,
            "metricsConfig": {"enabled": True, "port": 9090},
            "workflowDefaults": workflow_defaults(cloud, pipelines.max_run_hours),
            "clusterWorkflowTemplates": {"enabled": False},
        },
        "executor": {
            "image": {
                "registry": registry,
                "repository": "argoproj/argoexec",
                "tag": argo_image(ARGO_WORKFLOWS_TAG, digests["argoexec"]),
            },
            "securityContext": restricted,
            "resources": EXECUTOR_RESOURCES,
        },
        "mainContainer": {"securityContext": restricted},
        "server": {
            "enabled": True,
            "image": {
                "registry": registry,
                "repository": "argoproj/argocli",
                "tag": argo_image(ARGO_WORKFLOWS_TAG, digests["argocli"]),
            },
            # Each request with the caller's own token; never the server's.
            "authModes": ["client"],
            "secure": True,
            "serviceType": "ClusterIP",
            "servicePort": ARGO_SERVER_PORT,
            "ingress": {"enabled": False},
            "replicas": replicas,
            "pdb": {"enabled": replicas > 1, "minAvailable": 1},
            "podSecurityContext": dict(POD_SECURITY),
            "securityContext": restricted,
            "resources": CONTROLLER_RESOURCES,
            "nodeSelector": SYSTEM_POOL,
            "tolerations": SYSTEM_TOLERATIONS,
            "clusterWorkflowTemplates": {"enabled": False},
            "sso": {"enabled": False},
        },
    }


def events_values(cloud: CloudPlatform, pipelines: Pipelines) -> dict[str, Any]:
    """The argo-events chart's values (argoproj/argo-helm charts/argo-events)."""
    digests = pipelines.image_digests
    restricted = {k: v for k, v in CONTAINER_SECURITY.items() if k != "privileged"}
    return {
        "crds": {"install": True, "keep": True},
        "createAggregateRoles": False,
        "global": {
            "image": {
                "repository": mirror(cloud.registry_url, "argoproj/argo-events"),
                "tag": argo_image(ARGO_EVENTS_TAG, digests["argoEvents"]),
                "imagePullPolicy": "IfNotPresent",
            },
            "securityContext": dict(POD_SECURITY),
        },
        "configs": {
            "jetstream": {
                "versions": [
                    {
                        "version": JETSTREAM_VERSION,
                        "natsImage": mirrored_ref(
                            cloud.registry_url, "nats", NATS_TAG, digests["nats"]
                        ),
                        "metricsExporterImage": mirrored_ref(
                            cloud.registry_url,
                            "natsio/prometheus-nats-exporter",
                            NATS_EXPORTER_TAG,
                            digests["natsMetricsExporter"],
                        ),
                        "configReloaderImage": mirrored_ref(
                            cloud.registry_url,
                            "natsio/nats-server-config-reloader",
                            NATS_RELOADER_TAG,
                            digests["natsConfigReloader"],
                        ),
                        "startCommand": "/nats-server",
                    }
                ]
            }
        },
        "controller": {
            # Watches only its own namespace, where the event bus, sources and sensors live.
            "rbac": {"enabled": True, "namespaced": True, "managedNamespace": PIPELINES_NAMESPACE},
            "containerSecurityContext": restricted,
            "resources": CONTROLLER_RESOURCES,
            "nodeSelector": SYSTEM_POOL,
            "tolerations": SYSTEM_TOLERATIONS,
        },
        "webhook": {"enabled": False},
    }


@dataclass(frozen=True)
class OrchestratorArgs:
    """The cloud's facts, the stack's pipelines config and how many replicas to run."""

    cloud: CloudPlatform
    pipelines: Pipelines
    replicas: int = 1
    # What must exist before this component's resources are created.
    after: Sequence[pulumi.Resource] = ()


class Orchestrator(pulumi.ComponentResource):
    """Argo Workflows and Argo Events (pinned charts) and the executor's least-privilege
    service account and Role in the workflow namespace."""

    def __init__(
        self, name: str, args: OrchestratorArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__("smp:k8s:Orchestrator", name, None, opts)
        assert args.pipelines.deployable, "Orchestrator needs every Argo image digest"
        child = pulumi.ResourceOptions(parent=self, depends_on=list(args.after))
        self.workflows = pinned_release(
            f"{name}-argo-workflows",
            ARGO_WORKFLOWS_CHART,
            PIPELINES_NAMESPACE,
            workflows_values(args.cloud, args.pipelines, args.replicas),
            child,
        )
        self.events = pinned_release(
            f"{name}-argo-events",
            ARGO_EVENTS_CHART,
            PIPELINES_NAMESPACE,
            events_values(args.cloud, args.pipelines),
            child,
        )
        labels = {"app.kubernetes.io/part-of": "smp-retraining"}
        meta: Mapping[str, Any] = {"namespace": WORKFLOW_NAMESPACE, "labels": labels}
        executor = k8s.core.v1.ServiceAccount(
            f"{name}-executor",
            metadata={**meta, "name": EXECUTOR_SERVICE_ACCOUNT},
            opts=child,
        )
        role = k8s.rbac.v1.Role(
            f"{name}-executor",
            metadata={**meta, "name": EXECUTOR_SERVICE_ACCOUNT},
            rules=EXECUTOR_RULES,
            opts=child,
        )
        k8s.rbac.v1.RoleBinding(
            f"{name}-executor",
            metadata={**meta, "name": EXECUTOR_SERVICE_ACCOUNT},
            role_ref={
                "apiGroup": "rbac.authorization.k8s.io",
                "kind": "Role",
                "name": EXECUTOR_SERVICE_ACCOUNT,
            },
            subjects=[
                {
                    "kind": "ServiceAccount",
                    "name": EXECUTOR_SERVICE_ACCOUNT,
                    "namespace": WORKFLOW_NAMESPACE,
                }
            ],
            opts=pulumi.ResourceOptions(parent=self, depends_on=[executor, role]),
        )
        self.ready: list[pulumi.Resource] = [self.workflows, self.events, executor]
        self.register_outputs({})
