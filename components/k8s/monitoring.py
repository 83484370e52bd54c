"""The monitoring stack: kube-prometheus-stack (pinned), node and GPU alerts, a GPU dashboard."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_kubernetes as k8s
import pulumi_random as random

from components.k8s.helm import mirror, pinned_release
from components.k8s.namespaces import NODE_AGENTS_NAMESPACE

MONITORING_NAMESPACE = "monitoring"
PROMETHEUS_STACK_CHART = (
    "kube-prometheus-stack",
    "72.6.2",
    "https://prometheus-community.github.io/helm-charts",
)
NODE_EXPORTER_CHART = (
    "prometheus-node-exporter",
    "4.46.1",
    "https://prometheus-community.github.io/helm-charts",
)
RELEASE_LABEL = {"release": "kube-prometheus-stack"}

NODE_AND_GPU_RULES: list[dict[str, Any]] = [
    {
        "name": "smp.nodes",
        "rules": [
            {
                "alert": "NodeNotReady",
                "expr": 'kube_node_status_condition{condition="Ready",status="true"} == 0',
                "for": "5m",
                "labels": {"severity": "critical"},
                "annotations": {
                    "summary": "Node {{ $labels.node }} has not been Ready for 5 minutes"
                },
            },
        ],
    },
    {
        "name": "smp.gpu",
        "rules": [
            {
                "alert": "GpuXidErrors",
                "expr": "max by (Hostname, gpu) (DCGM_FI_DEV_XID_ERRORS) > 0",
                "for": "1m",
                "labels": {"severity": "critical"},
                "annotations": {
                    "summary": "GPU {{ $labels.gpu }} on {{ $labels.Hostname }} reports "
                    "XID error {{ $value }}"
                },
            },
            {
                "alert": "GpuMemoryPressure",
                "expr": "max by (Hostname, gpu) (DCGM_FI_DEV_FB_USED / (DCGM_FI_DEV_FB_USED + "
                "DCGM_FI_DEV_FB_FREE)) > 0.95",
                "for": "10m",
                "labels": {"severity": "warning"},
                "annotations": {
                    "summary": "GPU {{ $labels.gpu }} on {{ $labels.Hostname }} has used "
                    "over 95% of its memory for 10 minutes"
                },
            },
            {
                "alert": "GpuNodeUnderutilised",
                "expr": "avg by (Hostname) (DCGM_FI_DEV_GPU_UTIL) < 10",
                "for": "1h",
                "labels": {"severity": "info"},
                "annotations": {
                    "summary": "GPU node {{ $labels.Hostname }} averaged under 10% "
                    "utilisation for an hour: scale the pool down"
                },
            },
        ],
    },
]


def gpu_dashboard() -> dict[str, Any]:
    """A Grafana dashboard of GPU utilisation, memory, power and XID errors per node."""

    def panel(pid: int, title: str, expr: str, unit: str, x: int, y: int) -> dict[str, Any]:
        return {
            "id": pid,
            "type": "timeseries",
            "title": title,
            "datasource": {"type": "prometheus", "uid": "prometheus"},
            "gridPos": {"h": 8, "w": 12, "x": x, "y": y},
            "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
            "targets": [{"expr": expr, "legendFormat": "{{Hostname}} gpu {{gpu}}", "refId": "A"}],
        }

    return {
        "title": "GPU nodes",
        "uid": "smp-gpu",
        "schemaVersion": 39,
        "version": 1,
        "time": {"from": "now-6h", "to": "now"},
        "tags": ["smp", "gpu"],
        "panels": [
            panel(1, "GPU utilisation", "DCGM_FI_DEV_GPU_UTIL", "percent", 0, 0),
            panel(
                2,
                "GPU memory used",
                "DCGM_FI_DEV_FB_USED / (DCGM_FI_DEV_FB_USED + DCGM_FI_DEV_FB_FREE)",
                "percentunit",
                12,
                0,
            ),
            panel(3, "Power draw", "DCGM_FI_DEV_POWER_USAGE", "watt", 0, 8),
            panel(4, "XID errors", "DCGM_FI_DEV_XID_ERRORS", "none", 12, 8),
        ],
    }


@dataclass(frozen=True)
class MonitoringStackArgs:
    """The monitoring stack's storage, retention and image registry."""

    storage_class: str
    retention_days: int
    image_registry: pulumi.Input[str]
    # What must exist before this component's resources are created.
    after: Sequence[pulumi.Resource] = ()


class MonitoringStack(pulumi.ComponentResource):
    """Prometheus, Alertmanager and Grafana with CMK-encrypted storage and platform alerts."""

    def __init__(
        self, name: str, args: MonitoringStackArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        storage_class = args.storage_class
        retention_days = args.retention_days
        image_registry = args.image_registry
        depends_on = args.after
        super().__init__("smp:k8s:MonitoringStack", name, None, opts)
        child = pulumi.ResourceOptions(parent=self, depends_on=list(depends_on))
        registry = pulumi.Output.from_input(image_registry)
        password = random.RandomPassword(
            f"{name}-grafana-admin", length=32, special=False, opts=child
        )
        admin = k8s.core.v1.Secret(
            f"{name}-grafana-admin",
            metadata={"name": "grafana-admin", "namespace": MONITORING_NAMESPACE},
            type="Opaque",
            string_data={"admin-user": "admin", "admin-password": password.result},
            opts=child,
        )

        def storage(size: str) -> dict[str, Any]:
            return {
                "volumeClaimTemplate": {
                    "spec": {
                        "storageClassName": storage_class,
                        "accessModes": ["ReadWriteOnce"],
                        "resources": {"requests": {"storage": size}},
                    }
                }
            }

        self.release = pinned_release(
            f"{name}-prometheus-stack",
            PROMETHEUS_STACK_CHART,
            MONITORING_NAMESPACE,
            values={
                "global": {"imageRegistry": mirror(registry)},
                # node-exporter needs host access: it runs in the node-agents namespace.
                "nodeExporter": {"enabled": False},
                "prometheus": {
                    "prometheusSpec": {
                        "retention": f"{retention_days}d",
                        "retentionSize": "90GB",
                        "storageSpec": storage("100Gi"),
                        "serviceMonitorSelectorNilUsesHelmValues": False,
                        "podMonitorSelectorNilUsesHelmValues": False,
                        "ruleSelectorNilUsesHelmValues": False,
                        "securityContext": {
                            "runAsNonRoot": True,
                            "runAsUser": 65534,
                            "fsGroup": 65534,
                            "seccompProfile": {"type": "RuntimeDefault"},
                        },
                    }
                },
                "alertmanager": {
                    "enabled": True,
                    "alertmanagerSpec": {
                        "storage": storage("10Gi"),
                        "retention": "240h",
                        # Routes other components add (the retraining webhook), and only
                        # those the platform labels.
                        "alertmanagerConfigSelector": {
                            "matchLabels": {"smp.io/alertmanager": "retraining"}
                        },
                        # The drift alerts carry no namespace label to match on.
                        "alertmanagerConfigMatcherStrategy": {"type": "None"},
                    },
                },
                "grafana": {
                    "admin": {
                        "existingSecret": "grafana-admin",
                        "userKey": "admin-user",
                        "passwordKey": "admin-password",
                    },
                    "persistence": {
                        "enabled": True,
                        "storageClassName": storage_class,
                        "size": "10Gi",
                    },
                    "sidecar": {"dashboards": {"enabled": True, "label": "grafana_dashboard"}},
                },
            },
            opts=pulumi.ResourceOptions(parent=self, depends_on=[admin, *depends_on]),
        )
        after = pulumi.ResourceOptions(parent=self, depends_on=[self.release])
        pinned_release(
            f"{name}-node-exporter",
            NODE_EXPORTER_CHART,
            NODE_AGENTS_NAMESPACE,
            release_name="node-exporter",
            values={
                "image": {"registry": mirror(registry)},
                "prometheus": {"monitor": {"enabled": True, "additionalLabels": RELEASE_LABEL}},
                "tolerations": [{"operator": "Exists"}],
            },
            opts=after,
        )
        k8s.apiextensions.CustomResource(
            f"{name}-node-gpu-rules",
            api_version="monitoring.coreos.com/v1",
            kind="PrometheusRule",
            metadata={
                "name": "smp-node-gpu-health",
                "namespace": MONITORING_NAMESPACE,
                "labels": RELEASE_LABEL,
            },
            spec={"groups": NODE_AND_GPU_RULES},
            opts=after,
        )
        k8s.core.v1.ConfigMap(
            f"{name}-gpu-dashboard",
            metadata={
                "name": "smp-gpu-dashboard",
                "namespace": MONITORING_NAMESPACE,
                "labels": {"grafana_dashboard": "1"},
            },
            data={"gpu-nodes.json": json.dumps(gpu_dashboard(), sort_keys=True)},
            opts=child,
        )
        self.register_outputs({})
