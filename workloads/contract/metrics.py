"""Prometheus metric names the workloads export and the alerts and dashboards query.

Counters are exported with a `_total` suffix (prometheus-client adds it to the
family name); queries use the exported names.
"""

from __future__ import annotations

# The scoring service (workloads/serving/metrics.py).
PREDICTION_LATENCY = "smp_prediction_latency_seconds"
PREDICTION_REQUESTS = "smp_prediction_requests"
PREDICTION_ERRORS = "smp_prediction_errors"
FEATURE_FETCH_LATENCY = "smp_feature_fetch_latency_seconds"
PREDICTION_SCORE = "smp_prediction_score"
INFERENCE_BATCH_SIZE = "smp_inference_batch_size"
MODEL_INFO = "smp_model_info"

# The drift monitor (workloads/monitoring/report.py), pushed to the Pushgateway.
DRIFT_EFFECT = "smp_drift_effect"
DRIFT_P_ADJUSTED = "smp_drift_p_value_adjusted"
DRIFT_DETECTED = "smp_drift_detected"
DRIFT_OVERALL = "smp_drift_overall"
DRIFT_CURRENT_ROWS = "smp_drift_current_rows"
DRIFT_PUSH_JOB = "smp-drift-monitor"


def exported_counter(name: str) -> str:
    """The name a counter family is exported (and queried) under."""
    return f"{name}_total"
