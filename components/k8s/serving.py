"""Model serving: one service doing the sticky champion/challenger split from stack config.

Autoscaling: an `autoscaling/v2` HPA on CPU and on the pods' p99 prediction latency,
served to the HPA by prometheus-adapter from the service's own histogram. Why the
adapter rather than KEDA: the HPA stays a plain, schema-checked Kubernetes object
owned by this stack, and the adapter is one more Prometheus client, not a second
autoscaling controller that would own (and rewrite) the HPA.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_kubernetes as k8s
import pulumi_random as random

from components.interface import CloudPlatform
from components.k8s.feature_store import (
    FEAST_VOLUME,
    REPO_DIR,
    REPO_MOUNT,
    feast_client,
    feast_env,
)
from components.k8s.helm import mirror, pinned_release
from components.k8s.monitoring import MONITORING_NAMESPACE
from components.k8s.namespaces import SERVING_GRPC_PORT, SERVING_PORT
from components.k8s.registry import TRACKING_URI, mlflow_client_env
from components.k8s.workload_pod import (
    CA_MOUNT,
    Container,
    PodTemplate,
    Resources,
    ca_volume,
    disruption_budget,
    http_probe,
    image_ref,
    service_monitor,
    zone_spread,
)
from platform_spec import Serving
from workloads.contract import commands, monitoring
from workloads.contract.feature_store import FEAST_PROJECT

WORKLOAD = "serving"
SERVICE = "model-serving"
TOKEN_SECRET = "serving-api-token"  # noqa: S105 - the name of a Secret
TOKEN_MOUNT = {"name": "api-token", "mountPath": "/etc/serving-token", "readOnly": True}
LATENCY_METRIC = "smp_prediction_latency_p99_seconds"
LATENCY_TARGET = "250m"  # 0.25 s p99 per pod before scaling out
PROMETHEUS_ADAPTER_CHART = (
    "prometheus-adapter",
    "4.14.1",
    "https://prometheus-community.github.io/helm-charts",
)


def challenger_share(serving: Serving) -> float:
    """The challenger's share of traffic from the configured variants (0 without one)."""
    return sum(v.traffic_percent for v in serving.variants if v.alias == "challenger") / 100


def latency_adapter_rules() -> dict[str, Any]:
    """prometheus-adapter rule: the pods' p99 latency over 2 minutes, per pod."""
    return {
        "default": False,
        "custom": [
            {
                "seriesQuery": 'smp_prediction_latency_seconds_bucket{namespace!="",pod!=""}',
                "resources": {
                    "overrides": {
                        "namespace": {"resource": "namespace"},
                        "pod": {"resource": "pod"},
                    }
                },
                "name": {
                    "matches": "^smp_prediction_latency_seconds_bucket$",
                    "as": LATENCY_METRIC,
                },
                "metricsQuery": "histogram_quantile(0.99, sum(rate(<<.Series>>{<<.LabelMatchers>>}"
                "[2m])) by (le, <<.GroupBy>>))",
            }
        ],
    }


@dataclass(frozen=True)
class ModelServingArgs:
    """The served model and split, the image, the GPU option and the API token (a secret)."""

    cloud: CloudPlatform
    serving: Serving
    digest: str
    gpu: bool
    api_token: pulumi.Input[str] | None
    # What must exist before this component's resources are created.
    after: Sequence[pulumi.Resource] = ()
    # The Feast project the clients' feature_store.yaml names.
    feast_project: str = FEAST_PROJECT
    # Kueue's queue label for the Deployment (GPU serving on a stack with queues).
    queue_label: Mapping[str, str] = field(default_factory=dict)


class ModelServing(pulumi.ComponentResource):
    """The scoring Deployment, its internal load balancer (HTTP and gRPC), HPA, PDB and
    metrics scrape."""

    def __init__(
        self, name: str, args: ModelServingArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        cloud = args.cloud
        serving = args.serving
        digest = args.digest
        gpu = args.gpu
        api_token = args.api_token
        depends_on = args.after
        super().__init__("smp:k8s:ModelServing", name, None, opts)
        client = feast_client(self, name, cloud, WORKLOAD, depends_on, args.feast_project)
        namespace, child = client.namespace, client.child
        labels = {"app.kubernetes.io/name": SERVICE, "app.kubernetes.io/part-of": "smp"}
        if api_token is None:
            api_token = random.RandomPassword(
                f"{name}-api-token", length=40, special=False, opts=child
            ).result
        token = k8s.core.v1.Secret(
            f"{name}-api-token",
            metadata={"name": TOKEN_SECRET, "namespace": namespace},
            type="Opaque",
            string_data={"token": api_token},
            opts=child,
        )
        ready = client.ready(token)
        env: list[dict[str, Any]] = [
            {"name": "SMP_MLFLOW_TRACKING_URI", "value": TRACKING_URI},
            *mlflow_client_env(),
            {"name": "SMP_FEATURE_REPO", "value": REPO_DIR},
            {
                "name": "SMP_PREDICTION_LOG_URI",
                "value": pulumi.Output.from_input(cloud.storage_uris["prediction-logs"]),
            },
            {"name": "SMP_PREDICTION_LOG_SPOOL", "value": "/tmp/prediction-spool"},  # noqa: S108
            # Sealed segments are what the streaming drift monitor reads: seal them often.
            {"name": "SMP_LOG_ROTATE_SECONDS", "value": str(monitoring.LOG_ROTATE_SECONDS)},
            {"name": "SMP_MODEL_NAME", "value": serving.registered_model},
            {"name": "SMP_CHALLENGER_SHARE", "value": str(challenger_share(serving))},
            {"name": "SMP_AUTH_TOKEN_FILE", "value": "/etc/serving-token/token"},
            *feast_env(cloud),
        ]
        resources = (
            Resources("2", "8Gi", "4", "16Gi", gpus=1)
            if gpu
            else Resources("500m", "1Gi", "2", "2Gi")
        )
        container = Container(
            "serving",
            image_ref(cloud, WORKLOAD, digest),
            # JSON and OIP over REST on SERVING_PORT, OIP over gRPC on its own port; on the
            # GPU pool, bigger dynamic batches that wait a little to fill.
            commands.serving(
                SERVING_PORT, grpc_port=SERVING_GRPC_PORT, batch_profile="gpu" if gpu else "cpu"
            ),
            resources,
            env=env,
            ports=[SERVING_PORT, SERVING_GRPC_PORT],
            mounts=[REPO_MOUNT, TOKEN_MOUNT, CA_MOUNT],
            probe=http_probe("/readyz", SERVING_PORT),
        )
        template = PodTemplate(
            cloud,
            WORKLOAD,
            labels,
            [container],
            gpu=gpu,
            volumes=[
                FEAST_VOLUME,
                ca_volume(namespace),
                {"name": "api-token", "secret": {"secretName": TOKEN_SECRET, "defaultMode": 0o440}},
            ],
            extra_spec={
                "topologySpreadConstraints": zone_spread(labels),
                "terminationGracePeriodSeconds": 45,
            },
        )
        self.deployment = k8s.apps.v1.Deployment(
            f"{name}-deployment",
            metadata={
                "name": SERVICE,
                "namespace": namespace,
                "labels": {**labels, **args.queue_label},
            },
            spec={
                "replicas": serving.min_replicas,
                "selector": {"matchLabels": labels},
                "strategy": {
                    "type": "RollingUpdate",
                    "rollingUpdate": {"maxUnavailable": 0, "maxSurge": 1},
                },
                "template": template.manifest(),
            },
            opts=ready,
        )
        self.service = k8s.core.v1.Service(
            f"{name}-service",
            metadata={
                "name": SERVICE,
                "namespace": namespace,
                "labels": labels,
                "annotations": dict(cloud.internal_lb_annotations),
            },
            spec={
                "type": "LoadBalancer",
                "selector": labels,
                "ports": [
                    {
                        "name": "http",
                        "port": SERVING_PORT,
                        "targetPort": SERVING_PORT,
                        "protocol": "TCP",
                    },
                    {
                        "name": "grpc",
                        "port": SERVING_GRPC_PORT,
                        "targetPort": SERVING_GRPC_PORT,
                        "protocol": "TCP",
                        "appProtocol": "grpc",
                    },
                ],
            },
            opts=child,
        )
        disruption_budget(f"{name}-pdb", SERVICE, namespace, labels, child)
        self.autoscaler = k8s.autoscaling.v2.HorizontalPodAutoscaler(
            f"{name}-hpa",
            metadata={"name": SERVICE, "namespace": namespace, "labels": labels},
            spec={
                "scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": SERVICE},
                "minReplicas": serving.min_replicas,
                "maxReplicas": serving.max_replicas,
                "metrics": [
                    {
                        "type": "Resource",
                        "resource": {
                            "name": "cpu",
                            "target": {"type": "Utilization", "averageUtilization": 70},
                        },
                    },
                    {
                        "type": "Pods",
                        "pods": {
                            "metric": {"name": LATENCY_METRIC},
                            "target": {"type": "AverageValue", "averageValue": LATENCY_TARGET},
                        },
                    },
                ],
                "behavior": {"scaleDown": {"stabilizationWindowSeconds": 300}},
            },
            opts=pulumi.ResourceOptions(parent=self, depends_on=[self.deployment]),
        )
        service_monitor(
            f"{name}-metrics",
            SERVICE,
            namespace,
            labels,
            "http",
            child,
            bearer_secret=(TOKEN_SECRET, "token"),
        )
        pinned_release(
            f"{name}-prometheus-adapter",
            PROMETHEUS_ADAPTER_CHART,
            MONITORING_NAMESPACE,
            values={
                "image": {
                    "repository": mirror(
                        cloud.registry_url, "prometheus-adapter/prometheus-adapter"
                    )
                },
                "prometheus": {
                    "url": f"http://kube-prometheus-stack-prometheus.{MONITORING_NAMESPACE}.svc",
                    "port": 9090,
                },
                "rules": latency_adapter_rules(),
                "resources": {
                    "requests": {"cpu": "100m", "memory": "128Mi"},
                    "limits": {"cpu": "500m", "memory": "512Mi"},
                },
            },
            opts=child,
        )
        self.register_outputs({})
