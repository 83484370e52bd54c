"""Every Prometheus metric the drift and performance monitors export, in one registry.

Alert rules and dashboards are written against these names and labels, so they
live here once, in the workload contract (standard library only: the Pulumi
program imports it without the workloads' dependencies).
``workloads.monitoring.report`` (the daily CronJob's textfile/Pushgateway output)
and ``workloads.monitoring.stream`` (the streaming monitor's ``/metrics``) create
their families from :data:`METRICS`; a test checks that they export exactly these
names with exactly these labels.

Names are the family names as Prometheus sees them: prometheus_client appends
``_total`` to counters (the name here already ends with it) and
``_bucket``/``_sum``/``_count`` to histograms.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MetricSpec:
    """One metric family: its name, type, help text and label names."""

    name: str
    kind: str  # "gauge", "counter" or "histogram"
    help: str
    labels: tuple[str, ...] = ()


# Label names.
TEST = "test"  # a feature name, "prediction", "label_rate" or "calibration"
SEGMENT = "segment"  # "all", or "<column>=<value>" (e.g. "channel=online")
MEASURE = "measure"  # the deciding effect: "wasserstein/sd", "total variation", ...
WINDOW = "window"  # "sliding" or "tumbling"
METRIC = "metric"  # "precision", "recall", "positive_rate"
BOUND = "bound"  # "estimate", "lower", "upper"
STREAM = "stream"  # "predictions" or "outcomes"

# Label values.
ALL_SEGMENTS = "all"
SLIDING, TUMBLING = "sliding", "tumbling"
ESTIMATE, LOWER, UPPER = "estimate", "lower", "upper"
# The key of the performance episodes in the episode families' `test` label.
PERFORMANCE_TEST = "performance"

# --- the daily drift run (CronJob; pushed to the Pushgateway) ------------------------------
# The first five are the historical families: unchanged names, labels and meaning
# (`smp_drift_effect` is the PSI of distribution tests, the relative change of rate
# tests, for the overall population only), so the existing rules keep working.
DRIFT_EFFECT = MetricSpec(
    "smp_drift_effect", "gauge", "Effect size per test (PSI or relative change).", (TEST,)
)
DRIFT_P_ADJUSTED = MetricSpec(
    "smp_drift_p_value_adjusted", "gauge", "BH-adjusted p-value per test.", (TEST,)
)
DRIFT_DETECTED = MetricSpec("smp_drift_detected", "gauge", "1 if the test flagged drift.", (TEST,))
DRIFT_OVERALL = MetricSpec("smp_drift_overall", "gauge", "1 if any test flagged drift.")
DRIFT_ROWS = MetricSpec("smp_drift_current_rows", "gauge", "Rows in the current window.")
DRIFT_DISTANCE = MetricSpec(
    "smp_drift_distance",
    "gauge",
    "The deciding effect per test and segment: Wasserstein distance in reference standard "
    "deviations (numeric), total variation distance (categorical), relative change (rates).",
    (TEST, SEGMENT, MEASURE),
)
DRIFT_DISTANCE_FLOOR = MetricSpec(
    "smp_drift_distance_floor",
    "gauge",
    "The floor the deciding effect must reach to count as drift.",
    (TEST, SEGMENT, MEASURE),
)
DRIFT_SEGMENT_P_ADJUSTED = MetricSpec(
    "smp_drift_segment_p_value_adjusted",
    "gauge",
    "BH-adjusted p-value per test and segment (BH over every test of the run).",
    (TEST, SEGMENT),
)
DRIFT_SEGMENT_DETECTED = MetricSpec(
    "smp_drift_segment_detected",
    "gauge",
    "1 if the test flagged drift in the segment.",
    (TEST, SEGMENT),
)
DRIFT_SEGMENT_ROWS = MetricSpec(
    "smp_drift_segment_rows", "gauge", "Current rows per segment.", (SEGMENT,)
)
PERFORMANCE_ESTIMATED = MetricSpec(
    "smp_performance_estimated",
    "gauge",
    "Label-free (confidence-based) estimate of the champion's performance at its decision "
    "threshold, with its 95% interval.",
    (METRIC, SEGMENT, BOUND),
)
PERFORMANCE_REALISED = MetricSpec(
    "smp_performance_realised",
    "gauge",
    "Realised performance on the predictions whose outcome is known.",
    (METRIC, SEGMENT),
)
PERFORMANCE_REFERENCE = MetricSpec(
    "smp_performance_reference",
    "gauge",
    "Performance on the training baseline's held-out data (what 'no degradation' is).",
    (METRIC,),
)
PERFORMANCE_DROP = MetricSpec(
    "smp_performance_drop_detected",
    "gauge",
    "1 if the estimate is below the reference by more than the allowed drop (and its "
    "interval excludes the reference).",
    (METRIC, SEGMENT),
)

BATCH_METRICS: tuple[MetricSpec, ...] = (
    DRIFT_EFFECT,
    DRIFT_P_ADJUSTED,
    DRIFT_DETECTED,
    DRIFT_OVERALL,
    DRIFT_ROWS,
    DRIFT_DISTANCE,
    DRIFT_DISTANCE_FLOOR,
    DRIFT_SEGMENT_P_ADJUSTED,
    DRIFT_SEGMENT_DETECTED,
    DRIFT_SEGMENT_ROWS,
    PERFORMANCE_ESTIMATED,
    PERFORMANCE_REALISED,
    PERFORMANCE_REFERENCE,
    PERFORMANCE_DROP,
)

# --- the streaming monitor (a Deployment; scraped on /metrics) -----------------------------
STREAM_ROWS = MetricSpec(
    "smp_drift_stream_rows_total", "counter", "Log records read, per stream.", (STREAM,)
)
STREAM_LATE_ROWS = MetricSpec(
    "smp_drift_stream_late_rows_total",
    "counter",
    "Prediction records that arrived after their time bucket had closed (counted in the "
    "newest open bucket instead).",
)
STREAM_BAD_LINES = MetricSpec(
    "smp_drift_stream_unreadable_lines_total",
    "counter",
    "Log lines that were not valid prediction records (skipped).",
)
STREAM_WINDOW_ROWS = MetricSpec(
    "smp_drift_stream_window_rows", "gauge", "Rows in the last evaluated window.", (WINDOW, SEGMENT)
)
STREAM_WINDOW_END = MetricSpec(
    "smp_drift_stream_window_end_timestamp_seconds",
    "gauge",
    "End (event time) of the last evaluated window.",
    (WINDOW,),
)
STREAM_DISTANCE = MetricSpec(
    "smp_drift_stream_distance",
    "gauge",
    "Deciding effect per test and segment in the last evaluated window.",
    (WINDOW, TEST, SEGMENT, MEASURE),
)
STREAM_P_ADJUSTED = MetricSpec(
    "smp_drift_stream_p_value_adjusted",
    "gauge",
    "BH-adjusted p-value per test and segment in the last evaluated window.",
    (WINDOW, TEST, SEGMENT),
)
STREAM_WINDOW_DRIFTED = MetricSpec(
    "smp_drift_stream_window_drifted",
    "gauge",
    "1 if the test flagged drift in the last evaluated window (changes window by window; "
    "alert on the episode families instead).",
    (WINDOW, TEST, SEGMENT),
)
STREAM_EPISODE_ACTIVE = MetricSpec(
    "smp_drift_stream_episode_active",
    "gauge",
    "1 while a drift (or performance-drop) episode is open for the test and segment: set "
    "once when the episode starts, cleared once when it ends (hysteresis).",
    (TEST, SEGMENT),
)
STREAM_EPISODES = MetricSpec(
    "smp_drift_stream_episodes_total",
    "counter",
    "Drift (or performance-drop) episodes started, per test and segment: one increment "
    "per episode, however many windows it lasts.",
    (TEST, SEGMENT),
)
STREAM_EPISODE_STARTED = MetricSpec(
    "smp_drift_stream_episode_started_timestamp_seconds",
    "gauge",
    "When (event time of the window end) the current or last episode started.",
    (TEST, SEGMENT),
)
STREAM_ANY_EPISODE = MetricSpec(
    "smp_drift_stream_any_episode_active", "gauge", "1 while any drift episode is open."
)
STREAM_PERFORMANCE = MetricSpec(
    "smp_performance_stream_estimated",
    "gauge",
    "Label-free performance estimate in the last evaluated window, with its 95% interval.",
    (WINDOW, METRIC, SEGMENT, BOUND),
)
STREAM_LAST_EVENT = MetricSpec(
    "smp_drift_stream_last_event_timestamp_seconds",
    "gauge",
    "Timestamp of the newest prediction record read.",
)
STREAM_LAST_EVALUATION = MetricSpec(
    "smp_drift_stream_last_evaluation_timestamp_seconds",
    "gauge",
    "Wall-clock time of the last window evaluation (staleness alerts).",
)
STREAM_EVALUATION_SECONDS = MetricSpec(
    "smp_drift_stream_evaluation_seconds", "histogram", "Time to evaluate one window."
)

STREAM_METRICS: tuple[MetricSpec, ...] = (
    STREAM_ROWS,
    STREAM_LATE_ROWS,
    STREAM_BAD_LINES,
    STREAM_WINDOW_ROWS,
    STREAM_WINDOW_END,
    STREAM_DISTANCE,
    STREAM_P_ADJUSTED,
    STREAM_WINDOW_DRIFTED,
    STREAM_EPISODE_ACTIVE,
    STREAM_EPISODES,
    STREAM_EPISODE_STARTED,
    STREAM_ANY_EPISODE,
    STREAM_PERFORMANCE,
    STREAM_LAST_EVENT,
    STREAM_LAST_EVALUATION,
    STREAM_EVALUATION_SECONDS,
)

METRICS: dict[str, MetricSpec] = {m.name: m for m in (*BATCH_METRICS, *STREAM_METRICS)}
