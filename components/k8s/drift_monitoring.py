"""Drift monitoring and ML-service alerting: the drift CronJob, its Pushgateway, rules, dashboards.

The drift monitor (`python -m workloads.monitoring drift`) runs on the stack's
schedule, compares the prediction log with the champion's training baseline from
MLflow and pushes its verdict to a Pushgateway in the monitoring namespace, which
Prometheus scrapes with `honorLabels` (so the pushed `job` label survives). Alerts
come from those metrics and from the serving service's own, never from Job status.

Metric names are written here once as constants; the workloads that export them
(`workloads/serving/metrics.py`, `workloads/monitoring/report.py`) are not imported,
because the Pulumi program does not install the workloads' dependencies. The tests
compare every name used in a rule or dashboard with what the workloads export.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import pulumi
import pulumi_kubernetes as k8s

from components.interface import CloudPlatform
from components.k8s.helm import mirror, pinned_release
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
from workloads.contract import metrics as names

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

RULES_NAME = "smp-ml-services"
RUNBOOK = "docs/runbooks/ml-services.md"

# The drift CLI's exit codes (workloads/monitoring/__main__.py): 1 drift found (an
# uncaught exception also exits 1), 2 bad input (no predictions, no baseline).
DRIFT_EXIT_DRIFT, DRIFT_EXIT_BAD_INPUT = 1, 2

# What the serving service exports (workloads/serving/metrics.py; prometheus_client
# adds `_total` to counters and `_bucket`/`_sum`/`_count` to histograms).
LATENCY_HISTOGRAM = names.PREDICTION_LATENCY
REQUESTS_TOTAL = names.exported_counter(names.PREDICTION_REQUESTS)
ERRORS_TOTAL = names.exported_counter(names.PREDICTION_ERRORS)
FEATURE_FETCH_HISTOGRAM = names.FEATURE_FETCH_LATENCY
SCORE_HISTOGRAM = names.PREDICTION_SCORE
MODEL_INFO = names.MODEL_INFO
VARIANT_LABEL, REASON_LABEL, ALIAS_LABEL, VERSION_LABEL = "variant", "reason", "alias", "version"
# Error reasons that are the service's fault (5xx in workloads/serving/app.py); the
# others (unauthorized, invalid_request, unknown_card) are the client's.
SERVER_ERROR_REASONS = ("feature_store_unavailable", "internal")

# What the drift monitor pushes (workloads/monitoring/report.py `write_prometheus`).
DRIFT_EFFECT = names.DRIFT_EFFECT
DRIFT_P_ADJUSTED = names.DRIFT_P_ADJUSTED
DRIFT_FLAGGED = names.DRIFT_DETECTED
DRIFT_OVERALL = names.DRIFT_OVERALL
DRIFT_ROWS = names.DRIFT_CURRENT_ROWS
TEST_LABEL = "test"
PUSH_JOB = names.DRIFT_PUSH_JOB  # the grouping key `write_prometheus` pushes under
PUSH_TIME = "push_time_seconds"  # added by the Pushgateway to every push
# Tests whose effect is a relative change of a rate, not a PSI (workloads/monitoring/drift.py).
RATE_TESTS = ("label_rate", "calibration")
DRIFT_ALPHA = 0.05  # the CLI's default false-discovery rate (Benjamini-Hochberg)

LATENCY_P99_ALERT_SECONDS = 0.5  # twice the HPA's p99 target (serving.LATENCY_TARGET)
ERROR_RATIO_ALERT = 0.02
WINDOW = "5m"

_PUSHED = f'job="{PUSH_JOB}"'
_PSI_TESTS = f'{_PUSHED}, {TEST_LABEL}!~"{"|".join(RATE_TESTS)}"'
_SERVER_ERRORS = f'{REASON_LABEL}=~"{"|".join(SERVER_ERROR_REASONS)}"'


# --- the schedule's period ------------------------------------------------------------------

_FIELDS = ((0, 59), (0, 23), (1, 31), (1, 12), (0, 7))  # minute hour dom month dow
_NAMES = {
    **{
        m: i + 1
        for i, m in enumerate(
            ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
        )
    },
    **{d: i for i, d in enumerate(("sun", "mon", "tue", "wed", "thu", "fri", "sat"))},
}


def _cron_field(text: str, low: int, high: int) -> set[int]:
    values: set[int] = set()
    for part in text.lower().split(","):
        span, _, step_text = part.partition("/")
        step = int(step_text) if step_text else 1
        if span == "*":
            first, last = low, high
        else:
            a, _, b = span.partition("-")
            first = int(_NAMES.get(a, a))
            last = int(_NAMES.get(b, b)) if b else (high if step_text else first)
        if step < 1 or not low <= first <= last <= high:
            raise ValueError(f"cron field {text!r} is outside {low}-{high}")
        values.update(range(first, last + 1, step))
    return values


def schedule_period_seconds(schedule: str) -> int:
    """The longest gap between two runs of a five-field cron schedule, in seconds."""
    fields = schedule.split()
    if len(fields) != 5:
        raise ValueError(f"expected five cron fields, got {schedule!r}")
    minutes, hours, doms, months, dows = (
        _cron_field(f, lo, hi) for f, (lo, hi) in zip(fields, _FIELDS, strict=True)
    )
    dows = {d % 7 for d in dows}
    # Vixie cron: with both day fields restricted, a day matches either of them.
    either = not fields[2].startswith("*") and not fields[4].startswith("*")
    times = sorted(h * 60 + m for h in hours for m in minutes)
    gaps = [b - a for a, b in itertools.pairwise(times)]
    start, previous = date(2024, 1, 1), None
    for offset in range(8 * 366):  # two leap cycles: 29 February schedules too
        day = start + timedelta(days=offset)
        dom, dow = day.day in doms, (day.isoweekday() % 7) in dows
        if day.month in months and ((dom or dow) if either else (dom and dow)):
            if previous is not None:
                gaps.append(offset * 1440 + times[0] - (previous * 1440 + times[-1]))
            previous = offset
    if not gaps:
        raise ValueError(f"cron schedule {schedule!r} never runs twice")
    return max(gaps) * 60


def prom_duration(seconds: int) -> str:
    """A Prometheus duration (`2h`, `90m`, `45s`)."""
    for unit, size in (("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


# --- alerts -----------------------------------------------------------------------------------


def _alert(
    name: str, expr: str, for_: str, severity: str, summary: str, description: str
) -> dict[str, Any]:
    return {
        "alert": name,
        "expr": expr,
        "for": for_,
        "labels": {"severity": severity, "team": "ml-platform"},
        "annotations": {
            "summary": summary,
            "description": description,
            "runbook_url": f"{RUNBOOK}#{name.lower()}",
        },
    }


def _p99(histogram: str, by: str) -> str:
    return f"histogram_quantile(0.99, sum by (le, {by}) (rate({histogram}_bucket[{WINDOW}])))"


def _attempts() -> str:
    return f"sum(rate({REQUESTS_TOTAL}[{WINDOW}])) + sum(rate({ERRORS_TOTAL}[{WINDOW}]))"


def server_error_ratio() -> str:
    """Failed /predict calls that are the service's fault, over all calls."""
    return f"sum(rate({ERRORS_TOTAL}{{{_SERVER_ERRORS}}}[{WINDOW}])) / ({_attempts()})"


def ml_service_rules(psi_threshold: float, schedule: str) -> list[dict[str, Any]]:
    """The `smp-ml-services` rule groups: serving latency and errors, drift and its monitor."""
    period = schedule_period_seconds(schedule)
    stale = 2 * period
    return [
        {
            "name": "smp.serving",
            "rules": [
                _alert(
                    "ServingLatencyP99High",
                    f"{_p99(LATENCY_HISTOGRAM, VARIANT_LABEL)} > {LATENCY_P99_ALERT_SECONDS}",
                    "10m",
                    "warning",
                    "Model serving p99 latency of variant {{ $labels.variant }} is "
                    "{{ $value | humanizeDuration }}",
                    f"The p99 /predict latency has been above {LATENCY_P99_ALERT_SECONDS}s for "
                    "10 minutes; the HPA scales on the same histogram, so check the replica "
                    "count, the feature store's latency and the node pool.",
                ),
                _alert(
                    "ServingErrorRateHigh",
                    f"{server_error_ratio()} > {ERROR_RATIO_ALERT}",
                    "10m",
                    "critical",
                    "Model serving fails {{ $value | humanizePercentage }} of predictions",
                    f"Over {ERROR_RATIO_ALERT:.0%} of /predict calls have failed with a server "
                    f"error ({', '.join(SERVER_ERROR_REASONS)}) for 10 minutes.",
                ),
            ],
        },
        {
            "name": "smp.drift",
            "rules": [
                _alert(
                    "ModelDriftDetected",
                    f"max({DRIFT_OVERALL}{{{_PUSHED}}}) == 1",
                    "5m",
                    "warning",
                    "The drift monitor found drift in the prediction log",
                    "The last drift run flagged at least one test (significant after "
                    "Benjamini-Hochberg and above its effect floor); see the Drift dashboard "
                    "and the run's report for which.",
                ),
                _alert(
                    "FeatureDriftAboveThreshold",
                    f"max by ({TEST_LABEL}) ({DRIFT_EFFECT}{{{_PSI_TESTS}}}) > {psi_threshold}",
                    "5m",
                    "warning",
                    "PSI of {{ $labels.test }} is {{ $value }}",
                    f"The population stability index of {{{{ $labels.test }}}} against the "
                    f"champion's training baseline is above the stack's threshold "
                    f"({psi_threshold}).",
                ),
                _alert(
                    "DriftMonitorStale",
                    f"time() - max({PUSH_TIME}{{{_PUSHED}}}) > {stale}",
                    "10m",
                    "warning",
                    "The drift monitor has not pushed results for two schedule periods",
                    f"No drift result has reached the Pushgateway for over {prom_duration(stale)}"
                    f" (schedule {schedule!r}): the CronJob is failing before it pushes, or "
                    "is not being scheduled.",
                ),
                # Persistence is off: a restarted Pushgateway has no push time until the next run.
                _alert(
                    "DriftMonitorMetricsAbsent",
                    f"absent({PUSH_TIME}{{{_PUSHED}}})",
                    prom_duration(stale),
                    "warning",
                    "No drift monitor metrics in Prometheus",
                    "The Pushgateway holds no drift result: the monitor has not pushed since "
                    f"the Pushgateway (re)started {prom_duration(stale)} ago or longer.",
                ),
            ],
        },
    ]


# --- dashboards -------------------------------------------------------------------------------


class DashboardPanels:
    """Panels laid out left to right, two per row, with unique ids."""

    def __init__(self) -> None:
        self.panels: list[dict[str, Any]] = []

    def add(
        self,
        title: str,
        targets: Sequence[tuple[str, str]],
        unit: str = "none",
        kind: str = "timeseries",
        thresholds: Sequence[tuple[float, str]] = (),
        width: int = 12,
        **extra: Any,
    ) -> None:
        """One panel of `(expr, legend)` targets."""
        pid = len(self.panels) + 1
        used = sum(p["gridPos"]["w"] for p in self.panels)
        x, y = used % 24, (used // 24) * 8
        if x + width > 24:  # start a new row
            x, y = 0, y + 8
            width = min(width, 24)
        steps = [
            {"color": "green", "value": None},
            *[{"color": color, "value": value} for value, color in thresholds],
        ]
        defaults: dict[str, Any] = {
            "unit": unit,
            "thresholds": {"mode": "absolute", "steps": steps},
        }
        if thresholds and kind == "timeseries":
            defaults["custom"] = {"thresholdsStyle": {"mode": "line"}}
        self.panels.append(
            {
                "id": pid,
                "type": kind,
                "title": title,
                "datasource": {"type": "prometheus", "uid": "prometheus"},
                "gridPos": {"h": 8, "w": width, "x": x, "y": y},
                "fieldConfig": {"defaults": defaults, "overrides": []},
                "targets": [
                    {"expr": expr, "legendFormat": legend, "refId": chr(ord("A") + i)}
                    for i, (expr, legend) in enumerate(targets)
                ],
                **extra,
            }
        )


def _dashboard(title: str, uid: str, panels: DashboardPanels, tags: list[str]) -> dict[str, Any]:
    return {
        "title": title,
        "uid": uid,
        "schemaVersion": 39,
        "version": 1,
        "time": {"from": "now-24h", "to": "now"},
        "tags": ["smp", *tags],
        "panels": panels.panels,
    }


def _quantile(q: float, histogram: str, by: str) -> str:
    return f"histogram_quantile({q}, sum by (le{by}) (rate({histogram}_bucket[{WINDOW}])))"


def serving_dashboard() -> dict[str, Any]:
    """ML serving: traffic per variant, latency, errors, scores, feature reads, versions."""
    p = DashboardPanels()
    p.add(
        "Requests per variant",
        [(f"sum by ({VARIANT_LABEL}) (rate({REQUESTS_TOTAL}[{WINDOW}]))", "{{variant}}")],
        unit="reqps",
    )
    p.add(
        "Latency p50 / p99 per variant",
        [
            (_quantile(0.5, LATENCY_HISTOGRAM, f", {VARIANT_LABEL}"), "p50 {{variant}}"),
            (_quantile(0.99, LATENCY_HISTOGRAM, f", {VARIANT_LABEL}"), "p99 {{variant}}"),
        ],
        unit="s",
        thresholds=[(LATENCY_P99_ALERT_SECONDS, "red")],
    )
    p.add(
        "Server error ratio",
        [(server_error_ratio(), "server errors")],
        unit="percentunit",
        thresholds=[(ERROR_RATIO_ALERT, "red")],
    )
    p.add(
        "Errors per reason",
        [(f"sum by ({REASON_LABEL}) (rate({ERRORS_TOTAL}[{WINDOW}]))", "{{reason}}")],
        unit="reqps",
    )
    p.add(
        "Score distribution",
        [(f"sum by (le) (rate({SCORE_HISTOGRAM}_bucket[{WINDOW}]))", "{{le}}")],
        kind="heatmap",
        unit="none",
        options={"calculate": False, "yAxis": {"unit": "none"}, "cellValues": {"unit": "reqps"}},
    )
    p.add(
        "Mean score per variant",
        [
            (
                f"sum by ({VARIANT_LABEL}) (rate({SCORE_HISTOGRAM}_sum[{WINDOW}])) / "
                f"sum by ({VARIANT_LABEL}) (rate({SCORE_HISTOGRAM}_count[{WINDOW}]))",
                "{{variant}}",
            )
        ],
        unit="percentunit",
    )
    p.add(
        "Feature fetch latency p50 / p99",
        [
            (_quantile(0.5, FEATURE_FETCH_HISTOGRAM, ""), "p50"),
            (_quantile(0.99, FEATURE_FETCH_HISTOGRAM, ""), "p99"),
        ],
        unit="s",
    )
    p.add(
        "Model version per alias",
        [(f"max by ({ALIAS_LABEL}, {VERSION_LABEL}) ({MODEL_INFO})", "{{alias}} v{{version}}")],
        kind="table",
        unit="none",
    )
    return _dashboard("ML serving", "smp-ml-serving", p, ["serving"])


def drift_dashboard(psi_threshold: float, schedule: str) -> dict[str, Any]:
    """Drift: per-test effect against the threshold, p-values, verdict, window, freshness."""
    stale = 2 * schedule_period_seconds(schedule)
    p = DashboardPanels()
    p.add(
        "PSI per feature (threshold line)",
        [(f"max by ({TEST_LABEL}) ({DRIFT_EFFECT}{{{_PSI_TESTS}}})", "{{test}}")],
        thresholds=[(psi_threshold, "red")],
    )
    p.add(
        "Adjusted p-value per test (BH)",
        [(f"min by ({TEST_LABEL}) ({DRIFT_P_ADJUSTED}{{{_PUSHED}}})", "{{test}}")],
        thresholds=[(DRIFT_ALPHA, "red")],
    )
    p.add(
        "Rate tests: relative change",
        [
            (
                f"max by ({TEST_LABEL}) ({DRIFT_EFFECT}{{{_PUSHED}, "
                f'{TEST_LABEL}=~"{"|".join(RATE_TESTS)}"}})',
                "{{test}}",
            )
        ],
        unit="percentunit",
    )
    p.add(
        "Tests flagging drift",
        [(f"max by ({TEST_LABEL}) ({DRIFT_FLAGGED}{{{_PUSHED}}})", "{{test}}")],
        thresholds=[(1, "red")],
    )
    p.add(
        "Overall drift",
        [(f"max({DRIFT_OVERALL}{{{_PUSHED}}})", "drift")],
        kind="stat",
        thresholds=[(1, "red")],
        width=8,
    )
    p.add("Rows in window", [(f"max({DRIFT_ROWS}{{{_PUSHED}}})", "rows")], kind="stat", width=8)
    p.add(
        "Last push age",
        [(f"time() - max({PUSH_TIME}{{{_PUSHED}}})", "age")],
        kind="stat",
        unit="s",
        thresholds=[(stale, "red")],
        width=8,
    )
    return _dashboard("Drift", "smp-drift", p, ["drift"])


# --- the component ----------------------------------------------------------------------------


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


class DriftMonitoring(pulumi.ComponentResource):
    """The drift monitor CronJob, the Pushgateway it pushes to, ML-service alerts, dashboards."""

    def __init__(
        self,
        name: str,
        cloud: CloudPlatform,
        digest: str,
        *,
        model_name: str,
        schedule: str,
        psi_threshold: float,
        opts: pulumi.ResourceOptions | None = None,
        depends_on: Sequence[pulumi.Resource] = (),
    ) -> None:
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
