"""Drift monitoring: the drift CronJob, its Pushgateway, and the ML services' rules and dashboards.

The drift monitor (`python -m workloads.monitoring drift`) runs on the stack's
schedule, compares the prediction log with the champion's training baseline from
MLflow and pushes its verdict to a Pushgateway in the monitoring namespace, which
Prometheus scrapes with `honorLabels` (so the pushed `job` label survives). Alerts
come from those metrics and from the serving service's own, never from Job status.

The alert rules live in `ml_alerts`, the dashboards in `ml_dashboards` and the
schedule arithmetic in `cron_schedule`; this module deploys them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_kubernetes as k8s

from components.interface import CloudPlatform
from components.k8s.cron_schedule import schedule_period_seconds
from components.k8s.helm import mirror, pinned_release
from components.k8s.ml_alerts import RULES_NAME, ml_service_rules
from components.k8s.ml_dashboards import drift_dashboard, serving_dashboard
from components.k8s.monitoring import MONITORING_NAMESPACE, RELEASE_LABEL
from components.k8s.namespaces import PUSHGATEWAY_PORT
from components.k8s.registry import TRACKING_URI, mlflow_client_env
from components.k8s.workload_pod import (
    CA_MOUNT,
    Container,
    PodTemplate,
    Resources,
    ca_volume,
    image_ref,
    service_account_of,
    workload_service_account,
)
from workloads.contract import commands

WORKLOAD = "drift-monitor"
CRONJOB = "drift-monitor"
CONTAINER = "drift-monitor"
REPORT_DIR = "/tmp/drift"  # noqa: S108 - the pod's emptyDir
LOG_URI_ENV = "SMP_PREDICTION_LOG_URI"

PUSHGATEWAY_CHART = (
    "prometheus-pushgateway",
    "3.2.0",
    "https://prometheus-community.github.io/helm-charts",
)
PUSHGATEWAY_APP_VERSION = "v1.11.1"  # the chart's appVersion, mirrored under <registry>/mirror
PUSHGATEWAY_SERVICE = "pushgateway"  # the chart's fullnameOverride: a stable Service name
PUSHGATEWAY_ADDRESS = f"{PUSHGATEWAY_SERVICE}.{MONITORING_NAMESPACE}.svc:{PUSHGATEWAY_PORT}"

# The drift CLI's exit codes (workloads/monitoring/__main__.py): 1 drift found (an
# uncaught exception also exits 1), 2 bad input (no predictions, no baseline).
DRIFT_EXIT_DRIFT, DRIFT_EXIT_BAD_INPUT = 1, 2


def drift_command(model_name: str, psi_threshold: float) -> list[str]:
    """The CronJob's argv: the log URI (an Output) arrives through `$(SMP_PREDICTION_LOG_URI)`.

    The stack's PSI threshold is the monitor's effect floor, so its verdict
    (`smp_drift_overall`) and the per-feature alert agree on what counts as drift.
    """
    return commands.drift(
        log_uri=f"$({LOG_URI_ENV})",
        out=REPORT_DIR,
        model_name=model_name,
        tracking_uri=TRACKING_URI,
        pushgateway=PUSHGATEWAY_ADDRESS,
        psi_floor=psi_threshold,
    )


def pod_failure_policy() -> dict[str, Any]:
    """How a failed run ends.

    Exit 1 means the monitor found drift (after pushing its metrics) and exit 2 bad
    input: a rerun in the same window gives the same answer, so either fails the Job at
    once (visible as a failed Job, never a retry loop; restartPolicy Never means no
    CrashLoopBackOff either). An uncaught exception also exits 1 and is not retried
    either: the next scheduled run is the retry, and DriftMonitorStale fires if none
    pushes. Evictions and preemptions do not count against backoffLimit; anything else
    (OOM kill, a signal) is retried up to backoffLimit.
    """
    return {
        "rules": [
            {
                "action": "FailJob",
                "onExitCodes": {
                    "containerName": CONTAINER,
                    "operator": "In",
                    "values": [DRIFT_EXIT_DRIFT, DRIFT_EXIT_BAD_INPUT],
                },
            },
            {
                "action": "Ignore",
                "onPodConditions": [{"type": "DisruptionTarget", "status": "True"}],
            },
        ]
    }


@dataclass(frozen=True)
class DriftMonitoringArgs:
    """The drift monitor's image, model, schedule and PSI threshold."""

    cloud: CloudPlatform
    digest: str
    model_name: str
    schedule: str
    psi_threshold: float
    # What must exist before this component's resources are created.
    after: Sequence[pulumi.Resource] = ()


class DriftMonitoring(pulumi.ComponentResource):
    """The drift monitor CronJob, the Pushgateway it pushes to, ML-service alerts, dashboards."""

    def __init__(
        self, name: str, args: DriftMonitoringArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        cloud = args.cloud
        digest = args.digest
        model_name = args.model_name
        schedule = args.schedule
        psi_threshold = args.psi_threshold
        depends_on = args.after
        super().__init__("smp:k8s:DriftMonitoring", name, None, opts)
        after = list(depends_on)
        child = pulumi.ResourceOptions(parent=self, depends_on=after)
        namespace, _ = service_account_of(cloud, WORKLOAD)
        period = schedule_period_seconds(schedule)
        account = workload_service_account(f"{name}-sa", cloud, WORKLOAD, child)

        resources = Resources("50m", "64Mi", "200m", "128Mi").spec()
        self.pushgateway = pinned_release(
            f"{name}-pushgateway",
            PUSHGATEWAY_CHART,
            MONITORING_NAMESPACE,
            release_name=PUSHGATEWAY_SERVICE,
            values={
                "fullnameOverride": PUSHGATEWAY_SERVICE,
                "image": {
                    "repository": mirror(cloud.registry_url, "prometheus/pushgateway"),
                    "tag": PUSHGATEWAY_APP_VERSION,
                },
                "service": {
                    "type": "ClusterIP",
                    "port": PUSHGATEWAY_PORT,
                    "targetPort": PUSHGATEWAY_PORT,
                },
                "resources": resources,
                "automountServiceAccountToken": False,
                "securityContext": {
                    "runAsNonRoot": True,
                    "runAsUser": 65534,
                    "runAsGroup": 65534,
                    "fsGroup": 65534,
                    "seccompProfile": {"type": "RuntimeDefault"},
                },
                "containerSecurityContext": {
                    "runAsNonRoot": True,
                    "allowPrivilegeEscalation": False,
                    "readOnlyRootFilesystem": True,
                    "capabilities": {"drop": ["ALL"]},
                    "seccompProfile": {"type": "RuntimeDefault"},
                },
                # Results are re-pushed every run; DriftMonitorMetricsAbsent covers a restart.
                "persistentVolume": {"enabled": False},
                "serviceMonitor": {
                    "enabled": True,
                    "namespace": MONITORING_NAMESPACE,
                    "honorLabels": True,
                    "interval": "30s",
                    "additionalLabels": dict(RELEASE_LABEL),
                },
            },
            opts=child,
        )

        labels = {"app.kubernetes.io/name": CRONJOB, "app.kubernetes.io/part-of": "smp"}
        monitor = Container(
            CONTAINER,
            image_ref(cloud, WORKLOAD, digest),
            drift_command(model_name, psi_threshold),
            Resources("500m", "1Gi", "2", "4Gi"),
            env=[
                {
                    "name": LOG_URI_ENV,
                    "value": pulumi.Output.from_input(cloud.storage_uris["prediction-logs"]),
                },
                *mlflow_client_env(),
                # matplotlib (the HTML report's plots) needs a writable config dir.
                {"name": "MPLCONFIGDIR", "value": f"{REPORT_DIR}/.matplotlib"},
            ],
            mounts=[CA_MOUNT],
        )
        self.cronjob = k8s.batch.v1.CronJob(
            f"{name}-cronjob",
            metadata={"name": CRONJOB, "namespace": namespace, "labels": labels},
            spec={
                "schedule": schedule,
                "timeZone": "Etc/UTC",
                "concurrencyPolicy": "Forbid",
                "startingDeadlineSeconds": 300,
                "successfulJobsHistoryLimit": 3,
                "failedJobsHistoryLimit": 3,
                "jobTemplate": {
                    "metadata": {"labels": labels},
                    "spec": {
                        "backoffLimit": 2,
                        # Half a period, 10 minutes to an hour; with Forbid a slow run
                        # skips the next one rather than overlapping it.
                        "activeDeadlineSeconds": max(600, min(3600, period // 2)),
                        "podFailurePolicy": pod_failure_policy(),
                        "template": PodTemplate(
                            cloud,
                            WORKLOAD,
                            labels,
                            [monitor],
                            volumes=[ca_volume(namespace)],
                            restart_policy="Never",
                        ).manifest(),
                    },
                },
            },
            opts=pulumi.ResourceOptions(
                parent=self, depends_on=[account, self.pushgateway, *after]
            ),
        )

        self.rules = k8s.apiextensions.CustomResource(
            f"{name}-rules",
            api_version="monitoring.coreos.com/v1",
            kind="PrometheusRule",
            metadata={
                "name": RULES_NAME,
                "namespace": MONITORING_NAMESPACE,
                "labels": dict(RELEASE_LABEL),
            },
            spec={"groups": ml_service_rules(psi_threshold, schedule)},
            opts=child,
        )
        for key, board in (
            ("ml-serving", serving_dashboard()),
            ("drift", drift_dashboard(psi_threshold, schedule)),
        ):
            k8s.core.v1.ConfigMap(
                f"{name}-{key}-dashboard",
                metadata={
                    "name": f"smp-{key}-dashboard",
                    "namespace": MONITORING_NAMESPACE,
                    "labels": {"grafana_dashboard": "1"},
                },
                data={f"{key}.json": json.dumps(board, sort_keys=True)},
                opts=child,
            )
        self.register_outputs({"pushgateway": PUSHGATEWAY_ADDRESS})
