"""Prometheus metric names the workloads export and the alerts and dashboards query.

Counters are exported with a `_total` suffix (prometheus-client adds it to the
family name); queries use the exported names.
"""

from __future__ import annotations

from workloads.contract import monitor_metrics

# The scoring service (workloads/serving/metrics.py).
PREDICTION_LATENCY = "smp_prediction_latency_seconds"
PREDICTION_REQUESTS = "smp_prediction_requests"
PREDICTION_ERRORS = "smp_prediction_errors"
FEATURE_FETCH_LATENCY = "smp_feature_fetch_latency_seconds"
PREDICTION_SCORE = "smp_prediction_score"
INFERENCE_BATCH_SIZE = "smp_inference_batch_size"
MODEL_INFO = "smp_model_info"
SCORING_REQUESTS = "smp_scoring_requests"  # per protocol: json, oip-rest, oip-grpc

# The drift monitor's historical families (pushed to the Pushgateway by the daily run);
# every monitor family, with its labels, is in `monitor_metrics`.
DRIFT_EFFECT = monitor_metrics.DRIFT_EFFECT.name
DRIFT_P_ADJUSTED = monitor_metrics.DRIFT_P_ADJUSTED.name
DRIFT_DETECTED = monitor_metrics.DRIFT_DETECTED.name
DRIFT_OVERALL = monitor_metrics.DRIFT_OVERALL.name
DRIFT_CURRENT_ROWS = monitor_metrics.DRIFT_ROWS.name
DRIFT_PUSH_JOB = "smp-drift-monitor"


def exported_counter(name: str) -> str:
    """The name a counter family is exported (and queried) under."""
    return f"{name}_total"
