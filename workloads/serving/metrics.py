"""Prometheus metrics of the scoring service (one registry per app instance)."""

from __future__ import annotations

from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from workloads.contract import metrics as names

_LATENCY_BUCKETS = (
    0.001,
    0.0025,
    0.005,
    0.0075,
    0.01,
    0.015,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
)
_SCORE_BUCKETS = tuple(round(0.05 * i, 2) for i in range(1, 21))


@dataclass
class ServingMetrics:
    """The service's metric families."""

    registry: CollectorRegistry
    latency: Histogram
    requests: Counter
    errors: Counter
    feature_fetch: Histogram
    scores: Histogram
    batch_size: Histogram
    model_info: Gauge
    protocol_requests: Counter

    @classmethod
    def create(cls) -> ServingMetrics:
        """Fresh metric families in their own registry."""
        registry = CollectorRegistry()
        return cls(
            registry=registry,
            latency=Histogram(
                names.PREDICTION_LATENCY,
                "End-to-end /predict latency per A/B variant.",
                ["variant"],
                buckets=_LATENCY_BUCKETS,
                registry=registry,
            ),
            requests=Counter(
                names.PREDICTION_REQUESTS,
                "Predictions served per variant.",
                ["variant"],
                registry=registry,
            ),
            errors=Counter(
                names.PREDICTION_ERRORS,
                "Failed scoring requests (every protocol) by reason.",
                ["reason"],
                registry=registry,
            ),
            feature_fetch=Histogram(
                names.FEATURE_FETCH_LATENCY,
                "Latency of one online feature read (one batch).",
                buckets=_LATENCY_BUCKETS,
                registry=registry,
            ),
            scores=Histogram(
                names.PREDICTION_SCORE,
                "Distribution of fraud scores per variant.",
                ["variant"],
                buckets=_SCORE_BUCKETS,
                registry=registry,
            ),
            batch_size=Histogram(
                names.INFERENCE_BATCH_SIZE,
                "Requests scored together in one micro-batch.",
                buckets=(1, 2, 4, 8, 16, 32, 64, 128),
                registry=registry,
            ),
            protocol_requests=Counter(
                names.SCORING_REQUESTS,
                "Scoring requests per protocol (json, oip-rest, oip-grpc) and outcome.",
                ["protocol", "outcome"],
                registry=registry,
            ),
            model_info=Gauge(
                names.MODEL_INFO,
                "Registry version served per alias (value 1).",
                ["alias", "version"],
                registry=registry,
            ),
        )
