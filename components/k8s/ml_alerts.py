"""The ML services' alerting vocabulary and PrometheusRules: serving latency and errors, drift.

Metric names come from the workload contract (`workloads.contract.metrics`), the
names the services export; the tests compare every name a rule uses with what the
workloads really export, and parse every expression with Prometheus' grammar.
"""

from __future__ import annotations

from typing import Any

from components.k8s.cron_schedule import prom_duration, schedule_period_seconds
from platform_spec import StreamingDrift
from workloads.contract import metrics as names
from workloads.contract import monitor_metrics as mm
from workloads.contract import monitoring as mm_names

RULES_NAME = "smp-ml-services"
RUNBOOK = "docs/runbooks/ml-services.md"

# What the serving service exports (workloads/serving/metrics.py; prometheus_client
# adds `_total` to counters and `_bucket`/`_sum`/`_count` to histograms).
LATENCY_HISTOGRAM = names.PREDICTION_LATENCY
REQUESTS_TOTAL = names.exported_counter(names.PREDICTION_REQUESTS)
ERRORS_TOTAL = names.exported_counter(names.PREDICTION_ERRORS)
FEATURE_FETCH_HISTOGRAM = names.FEATURE_FETCH_LATENCY
SCORE_HISTOGRAM = names.PREDICTION_SCORE
MODEL_INFO = names.MODEL_INFO
VARIANT_LABEL, REASON_LABEL, ALIAS_LABEL, VERSION_LABEL = "variant", "reason", "alias", "version"
# Error reasons that are the service's fault (answered 5xx, on every protocol: see
# workloads/serving/components.py `FAILURES`): the online store down, the scoring queue
# full or a request past its deadline (both overload), anything unexpected. The others
# (unauthorized, invalid_request, unknown_card, unknown_prediction) are the client's.
SERVER_ERROR_REASONS = ("feature_store_unavailable", "overloaded", "deadline_exceeded", "internal")

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

# What the streaming monitor serves on /metrics (workloads/monitoring/stream.py); its
# episode gauge is already hysteretic (set once when an episode opens, cleared once when
# it closes), so a rule on it fires once per episode, not once per window.
EPISODE_ACTIVE = mm.STREAM_EPISODE_ACTIVE.name
LAST_EVALUATION = mm.STREAM_LAST_EVALUATION.name
SEGMENT_LABEL = mm.SEGMENT
EPISODE_GAP = "10m"  # a monitor restart or missed scrapes shorter than this: the same alert
PERFORMANCE_EPISODES = f'{TEST_LABEL}=~"{mm.PERFORMANCE_EPISODE_PREFIX}.+"'
DRIFT_EPISODES = f'{TEST_LABEL}!~"{mm.PERFORMANCE_EPISODE_PREFIX}.+"'
# What the daily run pushes about the label-free performance estimate.
PERFORMANCE_DROP = mm.PERFORMANCE_DROP.name
METRIC_LABEL = mm.METRIC

LATENCY_P99_ALERT_SECONDS = 0.5  # twice the HPA's p99 target (serving.LATENCY_TARGET)
ERROR_RATIO_ALERT = 0.02
WINDOW = "5m"

PUSHED = f'job="{PUSH_JOB}"'
PSI_TESTS = f'{PUSHED}, {TEST_LABEL}!~"{"|".join(RATE_TESTS)}"'
SERVER_ERRORS = f'{REASON_LABEL}=~"{"|".join(SERVER_ERROR_REASONS)}"'


def _alert(
    name: str,
    expr: str,
    for_: str,
    severity: str,
    summary: str,
    description: str,
    keep_firing_for: str | None = None,
) -> dict[str, Any]:
    extra = {"keep_firing_for": keep_firing_for} if keep_firing_for else {}
    return {
        "alert": name,
        "expr": expr,
        "for": for_,
        **extra,
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
    return f"sum(rate({ERRORS_TOTAL}{{{SERVER_ERRORS}}}[{WINDOW}])) / ({_attempts()})"


def stream_rules(stream: StreamingDrift) -> dict[str, Any]:
    """The streaming monitor's group: one alert per drift or performance-drop episode.

    The episode logic (`enterAfter` drifted windows to open, `exitAfter` clear ones to
    close) is the hysteresis; `for:` waits out one more scrape, and `keep_firing_for`
    bridges a gap in the series (a restarted pod restores its open episodes from its
    checkpoint, but a failed scrape marks the series stale), so one episode stays one
    alert. Staleness is measured in steps.
    """
    stale = max(10 * stream.step_seconds, 300)
    opens = stream.enter_after * stream.step_seconds
    return {
        "name": "smp.drift-stream",
        "rules": [
            _alert(
                "StreamingDriftEpisode",
                f"max by ({TEST_LABEL}, {SEGMENT_LABEL}) "
                f"({EPISODE_ACTIVE}{{{DRIFT_EPISODES}}}) == 1",
                "1m",
                "warning",
                "Live traffic drifted: {{ $labels.test }} in segment {{ $labels.segment }}",
                f"The streaming monitor opened a drift episode: {stream.enter_after} "
                f"consecutive {stream.sliding_seconds}s windows (tested every "
                f"{stream.step_seconds}s, about {opens}s) were significant after "
                "Benjamini-Hochberg and above the stack's floor. It stays open until "
                f"{stream.exit_after} windows in a row are clearly back.",
                keep_firing_for=EPISODE_GAP,
            ),
            _alert(
                "StreamingPerformanceEstimateDrop",
                f"max by ({TEST_LABEL}, {SEGMENT_LABEL}) "
                f"({EPISODE_ACTIVE}{{{PERFORMANCE_EPISODES}}}) == 1",
                "1m",
                "critical",
                "Estimated {{ $labels.test }} dropped in segment {{ $labels.segment }}",
                "The label-free (confidence-based) estimate of the champion's precision or "
                "recall on live traffic is below the training reference by more than the "
                "stack's estimateAlertDrop, with its 95% interval excluding the reference; "
                "labels will confirm it days later.",
                keep_firing_for=EPISODE_GAP,
            ),
            _alert(
                "StreamingDriftMonitorStale",
                f"time() - max({LAST_EVALUATION}) > {stale}",
                "5m",
                "warning",
                "The streaming drift monitor has not evaluated a window recently",
                f"No window has been evaluated for over {prom_duration(stale)}: the monitor "
                "is stuck, cannot read the prediction log, or has lost its baseline.",
            ),
            _alert(
                "StreamingDriftMonitorAbsent",
                f"absent({LAST_EVALUATION})",
                "15m",
                "warning",
                "No streaming drift monitor metrics in Prometheus",
                "Prometheus scrapes no streaming drift monitor: the Deployment is down, not "
                "ready (no baseline in the registry yet), or its metrics port is blocked.",
            ),
        ],
    }


def ml_service_rules(
    psi_threshold: float, schedule: str, stream: StreamingDrift | None = None
) -> list[dict[str, Any]]:
    """The `smp-ml-services` rule groups: serving latency and errors, drift and its
    monitors (the streaming group where the stack runs the streaming monitor)."""
    period = schedule_period_seconds(schedule)
    stale = 2 * period
    groups = [
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
                    f"max({DRIFT_OVERALL}{{{PUSHED}}}) == 1",
                    "5m",
                    "warning",
                    "The drift monitor found drift in the prediction log",
                    "The last drift run flagged at least one test (significant after "
                    "Benjamini-Hochberg and above its effect floor); see the Drift dashboard "
                    "and the run's report for which.",
                ),
                _alert(
                    "FeatureDriftAboveThreshold",
                    f"max by ({TEST_LABEL}) ({DRIFT_EFFECT}{{{PSI_TESTS}}}) > {psi_threshold}",
                    "5m",
                    "warning",
                    "PSI of {{ $labels.test }} is {{ $value }}",
                    f"The population stability index of {{{{ $labels.test }}}} against the "
                    f"champion's training baseline is above the stack's threshold "
                    f"({psi_threshold}).",
                ),
                _alert(
                    "ModelPerformanceEstimateDrop",
                    f"max by ({METRIC_LABEL}, {SEGMENT_LABEL}) "
                    f"({PERFORMANCE_DROP}{{{PUSHED}}}) == 1",
                    "5m",
                    "warning",
                    "Estimated {{ $labels.metric }} dropped in segment {{ $labels.segment }}",
                    "The last drift run's label-free estimate of the champion's "
                    "{{ $labels.metric }} is below the training reference by more than the "
                    "stack's estimateAlertDrop (its 95% interval excludes the reference).",
                ),
                _alert(
                    "DriftMonitorStale",
                    f"time() - max({PUSH_TIME}{{{PUSHED}}}) > {stale}",
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
                    f"absent({PUSH_TIME}{{{PUSHED}}})",
                    prom_duration(stale),
                    "warning",
                    "No drift monitor metrics in Prometheus",
                    "The Pushgateway holds no drift result: the monitor has not pushed since "
                    f"the Pushgateway (re)started {prom_duration(stale)} ago or longer.",
                ),
            ],
        },
    ]
    if stream is not None:
        groups.append(stream_rules(stream))
    return groups


# What the streaming ingestion consumer serves (workloads/ingestion/quality.py), per
# `source` (the topic): counters of events in, valid and quarantined, gauges of the
# consumer's lag and the age of the newest curated event when its batch was committed.
INGESTION_RULES_NAME = "smp-ingestion"
INGESTION_ROWS_IN = mm_names.INGESTION_ROWS_IN
INGESTION_ROWS_VALID = mm_names.INGESTION_ROWS_VALID
INGESTION_ROWS_QUARANTINED = mm_names.INGESTION_ROWS_QUARANTINED
INGESTION_LAG = mm_names.INGESTION_LAG
INGESTION_FRESHNESS = mm_names.INGESTION_FRESHNESS
SOURCE_LABEL = "source"
INGESTION_WINDOW = "15m"
QUARANTINE_RATIO_ALERT = 0.05  # one event in twenty failing the contract
LAG_ALERT_EVENTS = 100_000  # about five seconds of the 20k events/s target
FRESHNESS_ALERT_SECONDS = 300


def _rate(counter: str) -> str:
    return f"sum by ({SOURCE_LABEL}) (rate({counter}[{INGESTION_WINDOW}]))"


def ingestion_rules() -> list[dict[str, Any]]:
    """The `smp-ingestion` group: contract failures, lag, freshness, a stalled or absent
    consumer."""
    return [
        {
            "name": "smp.ingestion",
            "rules": [
                _alert(
                    "IngestionQuarantineRatioHigh",
                    f"{_rate(INGESTION_ROWS_QUARANTINED)} / {_rate(INGESTION_ROWS_IN)} "
                    f"> {QUARANTINE_RATIO_ALERT}",
                    "15m",
                    "warning",
                    "{{ $value | humanizePercentage }} of {{ $labels.source }} events are "
                    "quarantined",
                    f"Over {QUARANTINE_RATIO_ALERT:.0%} of the events read from the source "
                    f"have failed the data contract for {INGESTION_WINDOW}; their reasons "
                    "are in the quarantine zone next to the events.",
                ),
                _alert(
                    "IngestionNoValidEvents",
                    f"{_rate(INGESTION_ROWS_IN)} > 0 and {_rate(INGESTION_ROWS_VALID)} == 0",
                    "15m",
                    "critical",
                    "No {{ $labels.source }} event meets the data contract",
                    "Events are read but none reaches curated: the producer's schema "
                    "changed or the contract is wrong; curated (and the features) are "
                    "going stale.",
                ),
                _alert(
                    "IngestionConsumerLagHigh",
                    f"max by ({SOURCE_LABEL}) ({INGESTION_LAG}) > {LAG_ALERT_EVENTS}",
                    "10m",
                    "warning",
                    "The {{ $labels.source }} consumer is {{ $value }} events behind",
                    f"More than {LAG_ALERT_EVENTS} events have waited on the stream for 10 "
                    "minutes: the consumer is slower than the producers (CPU limit, the "
                    "object store) or keeps failing a batch.",
                ),
                _alert(
                    "IngestionFreshnessLow",
                    f"max by ({SOURCE_LABEL}) ({INGESTION_FRESHNESS}) > {FRESHNESS_ALERT_SECONDS}",
                    "10m",
                    "warning",
                    "Curated {{ $labels.source }} events are {{ $value | humanizeDuration }} "
                    "old when committed",
                    f"The newest event of each committed batch is over "
                    f"{FRESHNESS_ALERT_SECONDS}s old: events reach curated late.",
                ),
                _alert(
                    "IngestionStalled",
                    f"max by ({SOURCE_LABEL}) ({INGESTION_LAG}) > 0 and "
                    f"{_rate(INGESTION_ROWS_IN)} == 0",
                    "15m",
                    "critical",
                    "The {{ $labels.source }} consumer commits nothing while events wait",
                    "Events are waiting on the stream but no batch has been committed for "
                    f"{INGESTION_WINDOW}: the consumer is stuck or failing before it commits.",
                ),
                _alert(
                    "IngestionMetricsAbsent",
                    f"absent({INGESTION_ROWS_IN})",
                    "15m",
                    "warning",
                    "No ingestion metrics in Prometheus",
                    "Prometheus scrapes no streaming consumer: the Deployment is down or its "
                    "metrics port is blocked.",
                ),
            ],
        }
    ]
