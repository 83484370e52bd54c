"""What every endpoint of the scoring service runs on, and the one scoring call they share.

The JSON API, OIP over REST and OIP over gRPC all go through :func:`score_rows`:
the same micro-batcher (online features, sticky A/B assignment, model, durable
log before the answer), the same metrics and the same failure kinds, which each
transport only spells in its own way (HTTP status, OIP error body, gRPC code).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from workloads.serving.metrics import ServingMetrics
from workloads.serving.online_features import FeatureStoreUnavailable, OnlineFeatureReader
from workloads.serving.prediction_log import PredictionLog
from workloads.serving.registry_models import ServedModel, load_model
from workloads.serving.scoring import (
    DeadlineExceeded,
    MicroBatcher,
    Overloaded,
    ScoringRequest,
    ScoringResult,
    ScoringService,
    UnknownEntity,
    prediction_id_key,
)
from workloads.serving.settings import ServingSettings, SettingsError

_log = logging.getLogger("workloads.serving")

# Failure kinds: (metrics reason, HTTP status, message). The gRPC codes are in oip.grpc_service.
FAILURES: dict[type[Exception], tuple[str, int, str]] = {
    FeatureStoreUnavailable: (
        "feature_store_unavailable",
        503,
        "feature store unavailable: online features could not be read; retry later",
    ),
    Overloaded: ("overloaded", 503, "the service is overloaded; retry later"),
    DeadlineExceeded: (
        "deadline_exceeded",
        503,
        "the request waited too long to be scored; retry later",
    ),
}


@dataclass
class Components:
    """What the app runs on; tests may pass their own."""

    service: ScoringService
    batcher: MicroBatcher
    log: PredictionLog
    metrics: ServingMetrics
    token: str
    settings: ServingSettings
    extra: dict[str, Any] = field(default_factory=dict)


class ScoringFailed(Exception):
    """A request could not be scored: ``reason`` (metrics label), ``status`` (HTTP), text."""

    def __init__(self, reason: str, status: int, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.status = status
        self.message = message


def failure_of(exc: Exception, card_id: int | None = None) -> ScoringFailed:
    """The transport-neutral description of a scoring exception."""
    if isinstance(exc, UnknownEntity):
        return ScoringFailed("unknown_card", 404, f"no online features for card_id {card_id}")
    for kind, (reason, status, message) in FAILURES.items():
        if isinstance(exc, kind):
            return ScoringFailed(reason, status, message)
    return ScoringFailed("internal", 500, "internal error while scoring")


async def score_rows(
    c: Components,
    requests: list[ScoringRequest],
    protocol: str,
    timeout: float | None = None,
) -> list[ScoringResult]:
    """Score the rows of one request; every row is logged before this returns.

    Raises :class:`ScoringFailed` for the first row that failed (the whole request
    fails; rows of it that were scored are in the log but never acknowledged).
    """
    started = time.perf_counter()
    try:
        if len(requests) == 1:
            outcomes: list[Any] = [await _submit_one(c, requests[0], timeout)]
        else:
            outcomes = await c.batcher.submit_many(requests, timeout)
    except Overloaded as exc:
        outcomes = [exc]
    for request, outcome in zip(requests, outcomes, strict=False):
        if isinstance(outcome, Exception):
            failure = failure_of(outcome, request.card_id)
            if failure.reason == "internal":
                _log.error("scoring failed: %s", type(outcome).__name__, exc_info=outcome)
            c.metrics.errors.labels(failure.reason).inc()
            c.metrics.protocol_requests.labels(protocol, failure.reason).inc()
            raise failure
    elapsed = time.perf_counter() - started
    results: list[ScoringResult] = outcomes
    for result in results:
        c.metrics.requests.labels(result.variant).inc()
    c.metrics.latency.labels(results[0].variant).observe(elapsed)
    c.metrics.protocol_requests.labels(protocol, "ok").inc()
    return results


async def _submit_one(c: Components, request: ScoringRequest, timeout: float | None) -> Any:
    try:
        return await c.batcher.submit(request, timeout)
    except Exception as exc:
        return exc


def build_components(settings: ServingSettings) -> Components:
    """Load models, open the feature store and the log, as configured.

    Registry errors surface as :class:`workloads.serving.registry_models.RegistryError`
    (unreachable, denied, or no such model), each naming ``SMP_MLFLOW_TRACKING_URI``.
    """
    token = settings.read_token()
    timeout = settings.registry_timeout_seconds
    champion = load_model(
        settings.tracking_uri, settings.model_name, alias="champion", timeout=timeout
    )
    from workloads.serving.registry_models import ModelNotFound

    try:
        challenger: ServedModel | None = load_model(
            settings.tracking_uri, settings.model_name, alias="challenger", timeout=timeout
        )
    except ModelNotFound:
        challenger = None
    if not settings.feature_repo.is_dir():
        raise SettingsError(f"SMP_FEATURE_REPO={settings.feature_repo} is not a folder")
    try:
        reader = OnlineFeatureReader(settings.feature_repo)
    except Exception as exc:  # Feast raises many types for a bad repo or registry
        raise SettingsError(
            f"cannot open the Feast feature repo at SMP_FEATURE_REPO={settings.feature_repo}: "
            f"{type(exc).__name__}: {exc}"
        ) from exc
    return assemble(settings, reader, champion, challenger, token)


def assemble(
    settings: ServingSettings,
    features: OnlineFeatureReader,
    champion: ServedModel,
    challenger: ServedModel | None,
    token: str,
) -> Components:
    """Wire already-loaded parts into the service."""
    metrics = ServingMetrics.create()
    log = PredictionLog(
        settings.prediction_log_uri,
        spool_dir=settings.prediction_log_spool,
        rotate_records=settings.log_rotate_records,
        rotate_seconds=settings.log_rotate_seconds,
        kms_key_id=settings.prediction_log_kms_key,
    )
    service = ScoringService(
        features,
        champion,
        challenger,
        settings.challenger_share,
        settings.ab_salt,
        log,
        metrics,
        settings.model_name,
        id_key=prediction_id_key(token),
    )
    for alias, served in service.models.items():
        metrics.model_info.labels(alias, served.version).set(1)
    batcher = MicroBatcher(
        service.score_batch,
        max_batch=settings.max_batch,
        max_delay=settings.batch_delay_ms / 1000,
        max_queue=settings.queue_limit,
        deadline=settings.queue_deadline_ms / 1000,
    )
    return Components(
        service=service, batcher=batcher, log=log, metrics=metrics, token=token, settings=settings
    )
