"""The FastAPI scoring service: champion/challenger A/B serving with online features.

Endpoints: ``POST /predict``, ``POST /outcomes``, ``GET /metrics`` (bearer
token required) and ``GET /healthz``, ``GET /readyz`` (open).
"""

import hmac
import logging
import os
import time
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel, ConfigDict, Field

from workloads import schema
from workloads.serving.metrics import ServingMetrics
from workloads.serving.online_features import FeatureStoreUnavailable, OnlineFeatureReader
from workloads.serving.prediction_log import PredictionLog
from workloads.serving.registry_models import ServedModel, load_alias
from workloads.serving.scoring import (
    MicroBatcher,
    ScoringRequest,
    ScoringResult,
    ScoringService,
    UnknownEntity,
)
from workloads.serving.settings import ServingSettings, SettingsError

_log = logging.getLogger("workloads.serving")
# Model downloads happen at startup; progress bars only clutter the service log.
os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")

MerchantCategory = Literal[schema.MERCHANT_CATEGORIES]  # type: ignore[valid-type]
Channel = Literal[schema.CHANNELS]  # type: ignore[valid-type]


class PredictRequest(BaseModel):
    """A card id plus the fields known only at request time."""

    model_config = ConfigDict(extra="forbid")

    card_id: int = Field(gt=0, strict=True, description="the card's entity id")
    amount: float = Field(gt=0, le=1_000_000, description="transaction amount")
    merchant_category: MerchantCategory  # type: ignore[valid-type]
    channel: Channel  # type: ignore[valid-type]
    hour_of_day: int = Field(ge=0, le=23)
    distance_from_home_km: float = Field(ge=0, le=40_000)
    transaction_id: str | None = Field(default=None, max_length=128)


class PredictResponse(BaseModel):
    """The score with the variant and model version that produced it."""

    prediction_id: str
    card_id: int
    score: float
    variant: str
    model_name: str
    model_version: str


class OutcomeRequest(BaseModel):
    """The settled outcome of an earlier prediction."""

    model_config = ConfigDict(extra="forbid")

    prediction_id: str = Field(min_length=1, max_length=64)
    label: Literal[0, 1]


@dataclass
class Components:
    """What the app runs on; tests may pass their own."""

    service: ScoringService
    batcher: MicroBatcher
    log: PredictionLog
    metrics: ServingMetrics
    token: str


def build_components(settings: ServingSettings) -> Components:
    """Load models, open the feature store and the log, as configured."""
    token = settings.read_token()
    champion = load_alias(settings.tracking_uri, settings.model_name, "champion")
    if champion is None:
        raise SettingsError(
            f"model {settings.model_name!r} has no 'champion' alias in the registry"
        )
    challenger = load_alias(settings.tracking_uri, settings.model_name, "challenger")
    return assemble(
        settings, OnlineFeatureReader(settings.feature_repo), champion, challenger, token
    )


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
    )
    for alias, served in service.models.items():
        metrics.model_info.labels(alias, served.version).set(1)
    batcher = MicroBatcher(service.score_batch, max_batch=settings.max_batch)
    return Components(service=service, batcher=batcher, log=log, metrics=metrics, token=token)


def create_app(build: Callable[[], Components]) -> FastAPI:
    """The FastAPI app; ``build`` runs at startup (lifespan) and its log is closed at shutdown."""
    holder: dict[str, Components] = {}

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        holder["c"] = build()
        _log.info(
            "serving models %s", {a: m.version for a, m in holder["c"].service.models.items()}
        )
        try:
            yield
        finally:
            components = holder.pop("c")
            await components.batcher.drain()
            components.batcher.close()
            components.log.close()

    app = FastAPI(title="card-fraud scoring", lifespan=lifespan)
    bearer = HTTPBearer(auto_error=False)

    # Dependencies are ``async def``: FastAPI runs plain ``def`` dependencies in a worker
    # thread, two thread round-trips per request for what is a dict lookup and a compare.
    async def components() -> Components:
        c = holder.get("c")
        if c is None:
            raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "service is not started")
        return c

    async def authorized(
        creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
        c: Annotated[Components, Depends(components)],
    ) -> Components:
        if creds is None or not hmac.compare_digest(creds.credentials.encode(), c.token.encode()):
            c.metrics.errors.labels("unauthorized").inc()
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                "missing or invalid bearer token",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return c

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        c = holder.get("c")
        if c is not None:
            c.metrics.errors.labels("invalid_request").inc()
        errors = [
            {
                "field": ".".join(str(p) for p in e.get("loc", ()) if p != "body"),
                "message": e.get("msg", ""),
                "type": e.get("type", ""),
            }
            for e in exc.errors()
        ]
        return JSONResponse(
            status_code=422,
            content={"detail": "invalid request", "errors": errors},
        )

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz")
    async def readyz() -> JSONResponse:
        c = holder.get("c")
        if c is None:
            return JSONResponse({"ready": False, "reason": "starting"}, status_code=503)
        try:
            await _to_thread(c.service.features.probe)
        except FeatureStoreUnavailable:
            return JSONResponse(
                {"ready": False, "reason": "online feature store unreachable"}, status_code=503
            )
        versions = {alias: m.version for alias, m in c.service.models.items()}
        return JSONResponse({"ready": True, "models": versions})

    @app.post("/predict", response_model=PredictResponse)
    async def predict(
        body: PredictRequest, c: Annotated[Components, Depends(authorized)]
    ) -> JSONResponse:
        started = time.perf_counter()
        fields = body.model_dump(exclude={"card_id", "transaction_id"})
        try:
            result: ScoringResult = await c.batcher.submit(
                ScoringRequest(body.card_id, fields, body.transaction_id)
            )
        except FeatureStoreUnavailable:
            c.metrics.errors.labels("feature_store_unavailable").inc()
            return JSONResponse(
                {
                    "detail": "feature store unavailable: online features for this card could"
                    " not be read; retry later"
                },
                status_code=503,
                headers={"Retry-After": "1"},
            )
        except UnknownEntity:
            c.metrics.errors.labels("unknown_card").inc()
            return JSONResponse(
                {"detail": f"no online features for card_id {body.card_id}"}, status_code=404
            )
        except Exception:
            c.metrics.errors.labels("internal").inc()
            _log.exception("scoring failed")
            return JSONResponse({"detail": "internal error while scoring"}, status_code=500)
        c.metrics.requests.labels(result.variant).inc()
        c.metrics.latency.labels(result.variant).observe(time.perf_counter() - started)
        # The documented PredictResponse, built directly: every field is already a str,
        # int or float, so validating it again through the response model only costs time.
        return JSONResponse(
            {
                "prediction_id": result.prediction_id,
                "card_id": result.card_id,
                "score": result.score,
                "variant": result.variant,
                "model_name": c.service.model_name,
                "model_version": result.model_version,
            }
        )

    @app.post("/outcomes", status_code=202)
    async def outcomes(
        body: OutcomeRequest, c: Annotated[Components, Depends(authorized)]
    ) -> dict[str, str]:
        record = {
            "outcome_id": uuid.uuid4().hex,
            "ts": time.time(),
            "prediction_id": body.prediction_id,
            "label": body.label,
        }
        await _to_thread(c.log.append, "outcomes", record)
        return {"status": "accepted"}

    @app.get("/metrics")
    async def metrics(c: Annotated[Components, Depends(authorized)]) -> Response:
        return Response(generate_latest(c.metrics.registry), media_type=CONTENT_TYPE_LATEST)

    return app


async def _to_thread(fn: Callable[..., Any], *args: Any) -> Any:
    import asyncio

    return await asyncio.to_thread(fn, *args)


def create_app_from_env() -> FastAPI:
    """The app configured from ``SMP_*`` environment variables (uvicorn factory)."""
    settings = ServingSettings.from_env()
    return create_app(lambda: build_components(settings))
