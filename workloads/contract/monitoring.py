"""What the stack configuration and the components need to know about the drift monitors.

The tests the monitors run (one per model feature, the score distribution, the
label rate and the calibration ratio), the columns they can segment by, the
default effect floors and performance-drop threshold, and the streaming
monitor's metrics port. `platform_spec` validates `platform.monitoring.drift`
against these; `workloads.monitoring` takes its defaults from here (one
definition per fact), and a test checks the feature lists against
`workloads.schema`.
"""

from __future__ import annotations

# The model's features (workloads.schema.NUMERIC_FEATURES / CATEGORICAL_FEATURES).
NUMERIC_FEATURES: tuple[str, ...] = (
    "amount",
    "hour_of_day",
    "distance_from_home_km",
    "txn_count_7d",
    "avg_amount_30d",
    "chargeback_count_90d",
    "credit_limit",
)
CATEGORICAL_FEATURES: tuple[str, ...] = ("merchant_category", "channel", "card_tier")
SCORE_TEST = "prediction"  # the score distribution of the champion
RATE_TESTS: tuple[str, ...] = ("label_rate", "calibration")  # tests on the delayed labels
# Every test a floor can be set for, by name.
TEST_NAMES: tuple[str, ...] = (*NUMERIC_FEATURES, *CATEGORICAL_FEATURES, SCORE_TEST, *RATE_TESTS)

# The segments the training baseline keeps a reference for; a monitor can test any of them.
DEFAULT_SEGMENTS: tuple[str, ...] = ("channel", "card_tier", "merchant_category")

# Wasserstein distance in reference standard deviations (Evidently's default threshold
# for its normed Wasserstein distance is also 0.1): a 0.3-SD mean shift clears it.
DEFAULT_NUMERIC_FLOOR = 0.1
# Total variation distance: five percentage points of the traffic in another category.
DEFAULT_CATEGORICAL_FLOOR = 0.05
# A label rate or calibration ratio must move by at least this relative amount.
DEFAULT_RATE_FLOOR = 0.25
# Alert when the label-free precision/recall estimate is this far (absolute) below the
# reference performance (and its interval excludes the reference).
DEFAULT_MAX_DROP = 0.05

# The streaming monitor's /metrics port (the Deployment's container port).
STREAM_METRICS_PORT = 9108
# In the cluster the scoring service seals (and ships) a prediction-log segment at least
# this often (`SMP_LOG_ROTATE_SECONDS`), and the streaming monitor, which reads sealed
# object-store segments only, waits this long plus the upload before closing a bucket:
# the traffic reaches its metrics within about a minute and a half.
LOG_ROTATE_SECONDS = 60
STREAM_LATENESS_SECONDS = LOG_ROTATE_SECONDS + 30
# Its windows: sliding re-evaluated every step, tumbling recorded once each.
DEFAULT_SLIDING_SECONDS = 300
DEFAULT_STEP_SECONDS = 15
DEFAULT_TUMBLING_SECONDS = 3600
DEFAULT_STREAM_MIN_SAMPLES = 500
# Hysteresis: drifted windows in a row to open an episode, clear windows to close it.
DEFAULT_ENTER_AFTER = 2
DEFAULT_EXIT_AFTER = 4


# Ingestion's data-quality metrics (workloads/ingestion/quality.py), per source: what the
# PrometheusRules and the dashboard query.
INGESTION_ROWS_IN = "smp_ingestion_rows_in_total"
INGESTION_ROWS_VALID = "smp_ingestion_rows_valid_total"
INGESTION_ROWS_QUARANTINED = "smp_ingestion_rows_quarantined_total"
INGESTION_LAG = "smp_ingestion_consumer_lag_events"
INGESTION_FRESHNESS = "smp_ingestion_freshness_seconds"
