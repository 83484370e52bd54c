"""The Grafana dashboards of the ML services, built in Python: "ML serving" and "Drift"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from components.k8s.cron_schedule import schedule_period_seconds
from components.k8s.ml_alerts import (
    ALIAS_LABEL,
    DRIFT_ALPHA,
    DRIFT_EFFECT,
    DRIFT_EPISODES,
    DRIFT_FLAGGED,
    DRIFT_OVERALL,
    DRIFT_P_ADJUSTED,
    DRIFT_ROWS,
    EPISODE_ACTIVE,
    ERROR_RATIO_ALERT,
    ERRORS_TOTAL,
    FEATURE_FETCH_HISTOGRAM,
    LAST_EVALUATION,
    LATENCY_HISTOGRAM,
    LATENCY_P99_ALERT_SECONDS,
    METRIC_LABEL,
    MODEL_INFO,
    PSI_TESTS,
    PUSH_TIME,
    PUSHED,
    RATE_TESTS,
    REASON_LABEL,
    REQUESTS_TOTAL,
    SCORE_HISTOGRAM,
    SEGMENT_LABEL,
    TEST_LABEL,
    VARIANT_LABEL,
    VERSION_LABEL,
    WINDOW,
    server_error_ratio,
)
from workloads.contract import monitor_metrics as mm


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


def drift_dashboard(psi_threshold: float, schedule: str, stream: bool = True) -> dict[str, Any]:
    """Drift: per-test effect against the threshold, p-values, verdict, window, freshness;
    with the streaming monitor, its open episodes, live distances and estimates."""
    stale = 2 * schedule_period_seconds(schedule)
    p = DashboardPanels()
    p.add(
        "PSI per feature (threshold line)",
        [(f"max by ({TEST_LABEL}) ({DRIFT_EFFECT}{{{PSI_TESTS}}})", "{{test}}")],
        thresholds=[(psi_threshold, "red")],
    )
    p.add(
        "Adjusted p-value per test (BH)",
        [(f"min by ({TEST_LABEL}) ({DRIFT_P_ADJUSTED}{{{PUSHED}}})", "{{test}}")],
        thresholds=[(DRIFT_ALPHA, "red")],
    )
    p.add(
        "Rate tests: relative change",
        [
            (
                f"max by ({TEST_LABEL}) ({DRIFT_EFFECT}{{{PUSHED}, "
                f'{TEST_LABEL}=~"{"|".join(RATE_TESTS)}"}})',
                "{{test}}",
            )
        ],
        unit="percentunit",
    )
    p.add(
        "Tests flagging drift",
        [(f"max by ({TEST_LABEL}) ({DRIFT_FLAGGED}{{{PUSHED}}})", "{{test}}")],
        thresholds=[(1, "red")],
    )
    p.add(
        "Overall drift",
        [(f"max({DRIFT_OVERALL}{{{PUSHED}}})", "drift")],
        kind="stat",
        thresholds=[(1, "red")],
        width=8,
    )
    p.add("Rows in window", [(f"max({DRIFT_ROWS}{{{PUSHED}}})", "rows")], kind="stat", width=8)
    p.add(
        "Last push age",
        [(f"time() - max({PUSH_TIME}{{{PUSHED}}})", "age")],
        kind="stat",
        unit="s",
        thresholds=[(stale, "red")],
        width=8,
    )
    if stream:
        _stream_panels(p)
    return _dashboard("Drift", "smp-drift", p, ["drift"])


def _stream_panels(p: DashboardPanels) -> None:
    sliding_all = f'{mm.WINDOW}="{mm.SLIDING}", {SEGMENT_LABEL}="{mm.ALL_SEGMENTS}"'
    p.add(
        "Live: open drift episodes (test, segment)",
        [
            (
                f"max by ({TEST_LABEL}, {SEGMENT_LABEL}) ({EPISODE_ACTIVE}{{{DRIFT_EPISODES}}})",
                "{{test}} [{{segment}}]",
            )
        ],
        thresholds=[(1, "red")],
    )
    p.add(
        "Live: deciding distance per test (sliding window, all traffic)",
        [
            (
                f"max by ({TEST_LABEL}) ({mm.STREAM_DISTANCE.name}{{{sliding_all}}})",
                "{{test}}",
            )
        ],
    )
    p.add(
        "Live: estimated precision and recall (95% interval)",
        [
            (
                f"max by ({METRIC_LABEL}, {mm.BOUND}) "
                f'({mm.STREAM_PERFORMANCE.name}{{{sliding_all}, {METRIC_LABEL}!="positive_rate"}})',
                "{{metric}} {{bound}}",
            )
        ],
        unit="percentunit",
    )
    p.add(
        "Live: records read per second",
        [
            (
                f"sum by ({mm.STREAM}) (rate({mm.STREAM_ROWS.name}[{WINDOW}]))",
                "{{stream}}",
            )
        ],
        unit="reqps",
    )
    p.add(
        "Live: last window evaluated",
        [(f"time() - max({LAST_EVALUATION})", "age")],
        kind="stat",
        unit="s",
        width=8,
    )
