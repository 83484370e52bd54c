"""The FastAPI scoring service: champion/challenger A/B serving with online features.

Its own JSON API: ``POST /predict``, ``POST /outcomes``, ``GET /metrics`` (bearer
token required) and ``GET /healthz``, ``GET /readyz`` (open); the Open Inference
Protocol over REST under ``/v2`` (:mod:`workloads.serving.oip.rest`) and, when a
gRPC port is given, over gRPC on the same event loop
(:mod:`workloads.serving.oip.grpc_service`). All of them score through the same
components. The OpenAPI document is at ``/openapi.json`` behind the token; there is
no Swagger UI or ReDoc page (they load assets from a public CDN, which a private
cluster cannot reach): point any local OpenAPI viewer at the document instead.
"""

import asyncio
import hmac
import json
import logging
import time
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from workloads.serving.api_models import (
    ErrorDetail,
    Health,
    OutcomeAccepted,
    OutcomeRequest,
    PredictRequest,
    PredictResponse,
    Readiness,
    error_responses,
)
from workloads.serving.components import (
    Components,
    ScoringFailed,
    assemble,
    build_components,
    score_rows,
)
from workloads.serving.oip import rest as oip_rest
from workloads.serving.online_features import FeatureStoreUnavailable
from workloads.serving.scoring import ScoringRequest, is_issued
from workloads.serving.settings import ServingSettings

__all__ = ["Components", "assemble", "build_components", "create_app", "create_app_from_env"]

_log = logging.getLogger("workloads.serving")
# Seconds in-flight gRPC calls get to finish on shutdown (the pod's grace period is 45 s).
GRPC_GRACE_SECONDS = 20.0


def _is_oip(path: str) -> bool:
    return path == oip_rest.PREFIX or path.startswith(oip_rest.PREFIX + "/")


class BodySizeLimit:
    """Refuses request bodies over ``limit`` bytes with 413, before anything parses them.

    A declared ``Content-Length`` over the limit is refused at once; a body without
    one (chunked) is counted as it arrives and refused when it crosses the limit.
    """

    def __init__(self, app: ASGIApp, limit: Callable[[], int]) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit()
        for key, value in scope["headers"]:
            if key == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = limit + 1
                if declared > limit:
                    await self._refuse(scope, send, limit)
                    return
                # The server (h11/httptools) never delivers more than the declared length.
                await self.app(scope, receive, send)
                return
        # No declared length (chunked): read up to the limit here, then replay it.
        buffered: list[Message] = []
        seen = 0
        while True:
            message = await receive()
            buffered.append(message)
            if message["type"] != "http.request":
                break
            seen += len(message.get("body", b""))
            if seen > limit:
                await self._refuse(scope, send, limit)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return buffered.pop(0) if buffered else await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _refuse(scope: Scope, send: Send, limit: int) -> None:
        text = f"request body larger than {limit} bytes (SMP_MAX_REQUEST_BYTES)"
        key = "error" if _is_oip(scope.get("path", "")) else "detail"
        body = json.dumps({key: text}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def create_app(
    build: Callable[[], Components],
    grpc_address: tuple[str, int] | None = None,
    max_request_bytes: int | None = None,
) -> FastAPI:
    """The FastAPI app; ``build`` runs at startup (lifespan) and its log is closed at shutdown.

    ``grpc_address`` (host, port) also serves the OIP over gRPC on the same loop.
    """
    holder: dict[str, Any] = {}

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        c = build()
        holder["c"] = c
        _log.info("serving models %s", {a: m.version for a, m in c.service.models.items()})
        server = None
        if grpc_address is not None:
            from workloads.serving.oip.grpc_service import create_server

            server, port = create_server(
                lambda: holder.get("c"),
                grpc_address[0],
                grpc_address[1],
                c.settings.max_request_bytes,
            )
            await server.start()
            c.extra["grpc_port"] = port
            _log.info("OIP gRPC on %s:%d", grpc_address[0], port)
        try:
            yield
        finally:
            if server is not None:
                # New calls are refused; calls in flight finish (and are logged) first.
                await server.stop(GRPC_GRACE_SECONDS)
            components = holder.pop("c")
            await components.batcher.drain()
            components.batcher.close()
            components.log.close()

    app = FastAPI(
        title="card-fraud scoring",
        description=__doc__,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    bearer = HTTPBearer(auto_error=False)

    def body_limit() -> int:
        c = holder.get("c")
        if max_request_bytes is not None:
            return max_request_bytes
        return c.settings.max_request_bytes if c is not None else 1_048_576

    app.add_middleware(BodySizeLimit, limit=body_limit)

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

    async def store_ok(c: Components) -> bool:
        try:
            await asyncio.to_thread(c.service.features.probe)
        except FeatureStoreUnavailable:
            return False
        return True

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if _is_oip(request.url.path):
            return JSONResponse(
                {"error": exc.detail},
                status_code=exc.status_code,
                headers=getattr(exc, "headers", None),
            )
        if exc.status_code == 400:  # FastAPI's "error parsing the body": not JSON at all
            c = holder.get("c")
            if c is not None:
                c.metrics.errors.labels("invalid_request").inc()
            return JSONResponse(
                {
                    "detail": "invalid request",
                    "errors": [
                        {
                            "field": "body",
                            "message": "the body is not valid JSON",
                            "type": "json_invalid",
                        }
                    ],
                },
                status_code=422,
            )
        return JSONResponse(
            {"detail": exc.detail},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        c = holder.get("c")
        if c is not None:
            c.metrics.errors.labels("invalid_request").inc()
        errors = [
            {
                "field": ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body",
                "message": e.get("msg", ""),
                "type": e.get("type", ""),
            }
            for e in exc.errors()
        ]
        if _is_oip(request.url.path):
            first = errors[0] if errors else {"field": "body", "message": "invalid"}
            return JSONResponse(
                {"error": f"invalid inference request: {first['field']}: {first['message']}"},
                status_code=400,
            )
        return JSONResponse(
            status_code=422,
            content={"detail": "invalid request", "errors": errors},
        )

    @app.get("/healthz", response_model=Health)
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get(
        "/readyz",
        response_model=Readiness,
        responses={503: {"model": Readiness, "description": "not ready, with the reason"}},
    )
    async def readyz() -> JSONResponse:
        c = holder.get("c")
        if c is None:
            return JSONResponse({"ready": False, "reason": "starting"}, status_code=503)
        if not await store_ok(c):
            return JSONResponse(
                {"ready": False, "reason": "online feature store unreachable"}, status_code=503
            )
        versions = {alias: m.version for alias, m in c.service.models.items()}
        return JSONResponse({"ready": True, "models": versions})

    @app.post(
        "/predict",
        response_model=PredictResponse,
        responses=error_responses(401, 404, 413, 422, 503),
    )
    async def predict(
        body: PredictRequest, c: Annotated[Components, Depends(authorized)]
    ) -> JSONResponse:
        fields = body.model_dump(exclude={"card_id", "transaction_id"})
        try:
            (result,) = await score_rows(
                c, [ScoringRequest(body.card_id, fields, body.transaction_id)], "json"
            )
        except ScoringFailed as failure:
            headers = {"Retry-After": "1"} if failure.status == 503 else None
            return JSONResponse(
                {"detail": failure.message}, status_code=failure.status, headers=headers
            )
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

    @app.post(
        "/outcomes",
        status_code=202,
        response_model=OutcomeAccepted,
        responses=error_responses(401, 404, 413, 422, 503),
    )
    async def outcomes(body: OutcomeRequest, c: Annotated[Components, Depends(authorized)]) -> Any:
        if not is_issued(c.service.id_key, body.prediction_id):
            c.metrics.errors.labels("unknown_prediction").inc()
            return JSONResponse(
                {
                    "detail": f"unknown prediction_id {body.prediction_id}: not issued by this"
                    " service"
                },
                status_code=404,
            )
        record = {
            "outcome_id": uuid.uuid4().hex,
            "ts": time.time(),
            "prediction_id": body.prediction_id,
            "label": body.label,
        }
        await asyncio.to_thread(c.log.append, "outcomes", record)
        return {"status": "accepted"}

    @app.get(
        "/metrics",
        response_model=None,
        responses={
            200: {
                "content": {"text/plain": {"schema": {"type": "string"}}},
                "description": "Prometheus text exposition format (text/plain)",
            },
            **error_responses(401, 503),
        },
    )
    async def metrics(c: Annotated[Components, Depends(authorized)]) -> Response:
        return Response(generate_latest(c.metrics.registry), media_type=CONTENT_TYPE_LATEST)

    app.include_router(
        oip_rest.create_router(components, authorized, lambda: holder.get("c"), store_ok)
    )

    @app.get("/openapi.json", include_in_schema=False, responses=error_responses(401))
    async def openapi(c: Annotated[Components, Depends(authorized)]) -> JSONResponse:
        return JSONResponse(app.openapi())

    _ = ErrorDetail  # documented through error_responses
    return app


def create_app_from_env() -> FastAPI:
    """The app configured from ``SMP_*`` environment variables (uvicorn factory)."""
    settings = ServingSettings.from_env()
    return create_app(lambda: build_components(settings))
