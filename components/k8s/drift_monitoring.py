"""Drift monitoring: the daily CronJob, the streaming monitor, the Pushgateway, rules, dashboards.

The drift monitor (`python -m workloads.monitoring drift`) runs on the stack's
schedule, compares the prediction log with the champion's training baseline from
MLflow and pushes its verdict to a Pushgateway in the monitoring namespace, which
Prometheus scrapes with `honorLabels` (so the pushed `job` label survives). The
streaming monitor (`python -m workloads.monitoring stream`, a one-replica
Deployment) follows the same log continuously, on sliding and tumbling windows,
and serves its own `/metrics`, scraped through a ServiceMonitor. Both use the
stack's floors, segments and performance-drop threshold
(`platform.monitoring.drift`) and run as the drift monitor's workload identity
(read-only on the prediction log and the artifacts). Alerts come from their
metrics and from the serving service's own, never from Job or pod status.

The alert rules live in `ml_alerts`, the dashboards in `ml_dashboards` and the
schedule arithmetic in `cron_schedule`; this module deploys them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_kubernetes as k8s

from components.interface import CloudPlatform
from components.k8s.cron_schedule import schedule_period_seconds
from components.k8s.helm import mirror, pinned_release
from components.k8s.ml_alerts import RULES_NAME, ml_service_rules
from components.k8s.ml_dashboards import drift_dashboard, serving_dashboard
from components.k8s.monitoring import MONITORING_NAMESPACE, RELEASE_LABEL
from components.k8s.namespaces import PUSHGATEWAY_PORT, STREAM_MONITOR_PORT
from components.k8s.registry import TRACKING_URI, mlflow_client_env
from components.k8s.workload_pod import (
    CA_MOUNT,
    Container,
    PodTemplate,
    Resources,
    ca_volume,
    http_probe,
    image_ref,
    service_account_of,
    service_monitor,
    workload_service_account,
)
from platform_spec import DriftDetection
from workloads.contract import commands, monitoring

WORKLOAD = "drift-monitor"
CRONJOB = "drift-monitor"
CONTAINER = "drift-monitor"
REPORT_DIR = "/tmp/drift"  # noqa: S108 - the pod's emptyDir
LOG_URI_ENV = "SMP_PREDICTION_LOG_URI"
STREAM_APP = "drift-stream-monitor"  # Deployment, Service and ServiceMonitor
STREAM_CONTAINER = "stream-monitor"
STREAM_PORT_NAME = "metrics"
# On the pod's /tmp emptyDir: survives container restarts (resume without loss or double
# counting); a rescheduled pod re-reads the log's last hours (the tailer's retention).
STREAM_STATE_DIR = "/tmp/stream"  # noqa: S108 - the pod's emptyDir

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


def detection_args(detection: DriftDetection) -> dict[str, Any]:
    """The stack's floors, segments and performance-drop threshold as builder arguments."""
    return {
        "numeric_floor": detection.numeric_floor,
        "categorical_floor": detection.categorical_floor,
        "rate_floor": detection.rate_floor,
        "floors": dict(detection.floors),
        "segment_by": list(detection.segments),
        "max_drop": detection.estimate_alert_drop,
    }


def drift_command(
    model_name: str, psi_threshold: float, detection: DriftDetection | None = None
) -> list[str]:
    """The CronJob's argv: the log URI (an Output) arrives through `$(SMP_PREDICTION_LOG_URI)`.

    The floors decide what counts as drift (Wasserstein distance in reference SDs,
    total variation, relative change; per test where the stack overrides them); the
    stack's PSI threshold is the reference line beside them and the
    `FeatureDriftAboveThreshold` alert's.
    """
    return commands.drift(
        log_uri=f"$({LOG_URI_ENV})",
        out=REPORT_DIR,
        model_name=model_name,
        tracking_uri=TRACKING_URI,
        pushgateway=PUSHGATEWAY_ADDRESS,
        psi_floor=psi_threshold,
        **detection_args(detection or DriftDetection()),
    )


def stream_command(model_name: str, detection: DriftDetection | None = None) -> list[str]:
    """The streaming monitor's argv: the same log, baseline and floors as the CronJob's.

    It reads sealed object-store segments only, so its lateness covers the scoring
    service's rotation (`monitoring.LOG_ROTATE_SECONDS`, set on the serving pods).
    """
    detection = detection or DriftDetection()
    stream = detection.stream
    return commands.stream_monitor(
        log_uri=f"$({LOG_URI_ENV})",
        model_name=model_name,
        tracking_uri=TRACKING_URI,
        port=STREAM_MONITOR_PORT,
        sliding_seconds=stream.sliding_seconds,
        step_seconds=stream.step_seconds,
        tumbling_seconds=stream.tumbling_seconds,
        lateness_seconds=monitoring.STREAM_LATENESS_SECONDS,
        min_samples=stream.min_samples,
        enter_after=stream.enter_after,
        exit_after=stream.exit_after,
        state=f"{STREAM_STATE_DIR}/state.json",
        out=STREAM_STATE_DIR,
        **detection_args(detection),
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
    """The drift monitor's image, model, schedule, PSI threshold, floors and segments."""

    cloud: CloudPlatform
    digest: str
    model_name: str
    schedule: str
    psi_threshold: float
    # `platform.monitoring.drift`: floors, segments, estimate alert drop, streaming windows.
    detection: DriftDetection = field(default_factory=DriftDetection)
    # What must exist before this component's resources are created.
    after: Sequence[pulumi.Resource] = ()


class DriftMonitoring(pulumi.ComponentResource):
    """The drift monitor CronJob, the Pushgateway it pushes to, the streaming monitor,
    ML-service alerts and dashboards."""

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
            drift_command(model_name, psi_threshold, args.detection),
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

        stream = args.detection.stream
        if stream.enabled:
            self._streaming_monitor(name, args, account, after)

        self.rules = k8s.apiextensions.CustomResource(
            f"{name}-rules",
            api_version="monitoring.coreos.com/v1",
            kind="PrometheusRule",
            metadata={
                "name": RULES_NAME,
                "namespace": MONITORING_NAMESPACE,
                "labels": dict(RELEASE_LABEL),
            },
            spec={
                "groups": ml_service_rules(
                    psi_threshold, schedule, stream if stream.enabled else None
                )
            },
            opts=child,
        )
        for key, board in (
            ("ml-serving", serving_dashboard()),
            ("drift", drift_dashboard(psi_threshold, schedule, stream.enabled)),
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

    def _streaming_monitor(
        self,
        name: str,
        args: DriftMonitoringArgs,
        account: k8s.core.v1.ServiceAccount,
        after: list[pulumi.Resource],
    ) -> None:
        """One replica (it owns its checkpoint; two would count every record twice), its
        metrics Service and the ServiceMonitor Prometheus scrapes it through."""
        cloud = args.cloud
        namespace, _ = service_account_of(cloud, WORKLOAD)
        labels = {"app.kubernetes.io/name": STREAM_APP, "app.kubernetes.io/part-of": "smp"}
        monitor = Container(
            STREAM_CONTAINER,
            image_ref(cloud, WORKLOAD, args.digest),
            stream_command(args.model_name, args.detection),
            Resources("250m", "512Mi", "1", "2Gi"),
            env=[
                {
                    "name": LOG_URI_ENV,
                    "value": pulumi.Output.from_input(cloud.storage_uris["prediction-logs"]),
                },
                *mlflow_client_env(),
            ],
            ports=[STREAM_MONITOR_PORT],
            mounts=[CA_MOUNT],
            probe=http_probe("/metrics", STREAM_MONITOR_PORT),
        )
        opts = pulumi.ResourceOptions(parent=self, depends_on=[account, *after])
        self.stream_monitor = k8s.apps.v1.Deployment(
            f"{name}-stream",
            metadata={"name": STREAM_APP, "namespace": namespace, "labels": labels},
            spec={
                "replicas": 1,
                # Never two at once: the old pod checkpoints on SIGTERM before the new one
                # starts from the log (emptyDir state is the pod's own).
                "strategy": {"type": "Recreate"},
                "selector": {"matchLabels": labels},
                "template": PodTemplate(
                    cloud,
                    WORKLOAD,
                    labels,
                    [monitor],
                    volumes=[ca_volume(namespace)],
                    extra_spec={"terminationGracePeriodSeconds": 30},
                ).manifest(),
            },
            opts=opts,
        )
        self.stream_service = k8s.core.v1.Service(
            f"{name}-stream-service",
            metadata={"name": STREAM_APP, "namespace": namespace, "labels": labels},
            spec={
                "type": "ClusterIP",
                "selector": labels,
                "ports": [
                    {
                        "name": STREAM_PORT_NAME,
                        "port": STREAM_MONITOR_PORT,
                        "targetPort": STREAM_MONITOR_PORT,
                        "protocol": "TCP",
                    }
                ],
            },
            opts=opts,
        )
        service_monitor(
            f"{name}-stream-monitor",
            STREAM_APP,
            namespace,
            labels,
            STREAM_PORT_NAME,
            pulumi.ResourceOptions(parent=self, depends_on=[self.stream_service]),
        )
