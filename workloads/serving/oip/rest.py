"""The Open Inference Protocol over HTTP/REST (KServe v2 ``/v2/...``).

Health (``/v2/health/live``, ``/v2/health/ready``, ``/v2/models/{name}[/versions/{v}]/ready``)
answers 200 for true and 400 for false with an empty body, as the protocol says, and
needs no token (they are probes). Metadata and inference need the bearer token.
Every error body is the protocol's ``{"error": "..."}``: 400 for a request that does
not fit the model (naming the input), 401, 404 (unknown model, version or card),
413 (body too large), 503 (feature store down, overloaded). Inference goes through
the same scoring call as the JSON API (:func:`workloads.serving.components.score_rows`).
"""

from collections.abc import Awaitable, Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from workloads.serving.components import Components, ScoringFailed, score_rows
from workloads.serving.oip.model_info import model_metadata, server_metadata
from workloads.serving.oip.tensors import (
    DATATYPES,
    InputTensor,
    InvalidInferRequest,
    flatten,
    output_columns,
    requested_outputs,
    rows_from_inputs,
)
from workloads.serving.scoring import ScoringRequest

PROTOCOL = "oip-rest"
PREFIX = "/v2"
Datatype = Literal[DATATYPES]  # type: ignore[valid-type]
Parameters = dict[str, str | int | float | bool]
_NAME = Field(min_length=1, max_length=64)


class OipError(BaseModel):
    """The protocol's error object."""

    error: str


class TensorMetadata(BaseModel):
    """A tensor's name, datatype and shape (-1: variable)."""

    name: str
    datatype: str
    shape: list[int]


class ServerMetadataResponse(BaseModel):
    """Server name, version and extensions."""

    name: str
    version: str
    extensions: list[str]


class ModelMetadataResponse(BaseModel):
    """The model's name, versions, platform and tensors."""

    name: str
    versions: list[str]
    platform: str
    inputs: list[TensorMetadata]
    outputs: list[TensorMetadata]


class RequestInput(BaseModel):
    """One input tensor; ``data`` flat or nested, row-major."""

    model_config = ConfigDict(extra="forbid")

    name: str = _NAME
    shape: list[Annotated[int, Field(ge=0)]] = Field(min_length=1, max_length=8)
    datatype: Datatype
    parameters: Parameters | None = None
    data: list[Any] = Field(max_length=65_536)


class RequestOutput(BaseModel):
    """A requested output tensor."""

    model_config = ConfigDict(extra="forbid")

    name: str = _NAME
    parameters: Parameters | None = None


class InferenceRequest(BaseModel):
    """The inference request object."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(default=None, max_length=128)
    parameters: Parameters | None = None
    inputs: list[RequestInput] = Field(min_length=1, max_length=16)
    outputs: list[RequestOutput] | None = Field(default=None, max_length=8)


class ResponseOutput(BaseModel):
    """One output tensor of the response."""

    name: str
    shape: list[int]
    datatype: str
    data: list[str | float]


class InferenceResponse(BaseModel):
    """The inference response object; ``model_version`` when every row used one version."""

    model_name: str
    model_version: str | None = None
    id: str | None = None
    outputs: list[ResponseOutput]


def _errors(*codes: int | str) -> dict[int | str, dict[str, Any]]:
    words = {
        400: "the request does not fit the model's tensors (the message names the input)",
        401: "missing or invalid bearer token",
        404: "unknown model, version or card",
        413: "request body larger than SMP_MAX_REQUEST_BYTES",
        422: "the request body is not an inference request object",
        503: "feature store unavailable, overloaded or still starting; retry",
    }
    return {code: {"model": OipError, "description": words[int(code)]} for code in codes}


_EMPTY = {"description": "true (empty body)", "content": {}}
_FALSE = {"description": "false (empty body)", "content": {}}
_UNKNOWN = {"description": "no such model or version here: false (empty body)", "content": {}}


def error(status: int, message: str) -> JSONResponse:
    """An OIP error response."""
    return JSONResponse({"error": message}, status_code=status)


def create_router(
    components: Callable[..., Awaitable[Components]],
    authorized: Callable[..., Awaitable[Components]],
    holder: Callable[[], Components | None],
    store_ok: Callable[[Components], Awaitable[bool]],
) -> APIRouter:
    """The ``/v2`` routes, over the app's own component and auth dependencies."""
    router = APIRouter(prefix=PREFIX, tags=["open inference protocol v2"])

    def versions(c: Components) -> list[str]:
        return sorted(
            {m.version for m in c.service.models.values()},
            key=lambda v: (int(v), v) if v.isdigit() else (0, v),
        )

    def model_error(c: Components, name: str, version: str | None) -> JSONResponse | None:
        if name != c.service.model_name:
            return error(404, f"unknown model {name!r}")
        if version is not None and version not in versions(c):
            return error(404, f"model {name!r} has no served version {version!r}")
        return None

    @router.get("/health/live", responses={200: _EMPTY}, response_class=Response)
    async def server_live() -> Response:
        return Response(status_code=200)

    @router.get("/health/ready", responses={200: _EMPTY, 400: _FALSE}, response_class=Response)
    async def server_ready() -> Response:
        c = holder()
        ready = c is not None and await store_ok(c)
        return Response(status_code=200 if ready else 400)

    async def model_ready(name: str, version: str | None) -> Response:
        # 200 true, 4xx false (the protocol): 404 for a model or version not served here,
        # 400 for one that is served but not ready now.
        c = holder()
        if c is None:
            return Response(status_code=400)
        if model_error(c, name, version) is not None:
            return Response(status_code=404)
        return Response(status_code=200 if await store_ok(c) else 400)

    @router.get(
        "/models/{model_name}/ready",
        responses={200: _EMPTY, 400: _FALSE, 404: _UNKNOWN},
        response_class=Response,
    )
    async def model_ready_latest(model_name: str) -> Response:
        return await model_ready(model_name, None)

    @router.get(
        "/models/{model_name}/versions/{model_version}/ready",
        responses={200: _EMPTY, 400: _FALSE, 404: _UNKNOWN},
        response_class=Response,
    )
    async def model_ready_version(model_name: str, model_version: str) -> Response:
        return await model_ready(model_name, model_version)

    @router.get("", response_model=ServerMetadataResponse, responses=_errors(401, 503))
    async def server_meta(c: Annotated[Components, Depends(authorized)]) -> Any:
        return server_metadata()

    async def model_meta(c: Components, name: str, version: str | None) -> Any:
        problem = model_error(c, name, version)
        if problem is not None:
            return problem
        return model_metadata(c.service.model_name, versions(c))

    @router.get(
        "/models/{model_name}",
        response_model=ModelMetadataResponse,
        responses=_errors(401, 404, 503),
    )
    async def model_meta_latest(
        model_name: str, c: Annotated[Components, Depends(authorized)]
    ) -> Any:
        return await model_meta(c, model_name, None)

    @router.get(
        "/models/{model_name}/versions/{model_version}",
        response_model=ModelMetadataResponse,
        responses=_errors(401, 404, 503),
    )
    async def model_meta_version(
        model_name: str, model_version: str, c: Annotated[Components, Depends(authorized)]
    ) -> Any:
        return await model_meta(c, model_name, model_version)

    @router.post(
        "/models/{model_name}/infer",
        response_model=InferenceResponse,
        responses=_errors(400, 401, 404, 413, 422, 503),
    )
    async def infer(
        model_name: str, body: InferenceRequest, c: Annotated[Components, Depends(authorized)]
    ) -> Any:
        problem = model_error(c, model_name, None)
        if problem is not None:
            return problem
        try:
            tensors = [
                InputTensor(t.name, t.datatype, tuple(t.shape), flatten(t.data))
                for t in body.inputs
            ]
            rows = rows_from_inputs(tensors, c.settings.max_rows_per_request)
            outputs = requested_outputs([o.name for o in body.outputs or ()])
        except InvalidInferRequest as exc:
            c.metrics.errors.labels("invalid_request").inc()
            c.metrics.protocol_requests.labels(PROTOCOL, "invalid_request").inc()
            return error(400, str(exc))
        requests = [
            ScoringRequest(
                r.card_id, r.model_dump(exclude={"card_id", "transaction_id"}), r.transaction_id
            )
            for r in rows
        ]
        try:
            results = await score_rows(c, requests, PROTOCOL)
        except ScoringFailed as failure:
            response = error(failure.status, failure.message)
            if failure.status == 503:
                response.headers["Retry-After"] = "1"
            return response
        answer: dict[str, Any] = {"model_name": c.service.model_name}
        used = {r.model_version for r in results}
        if len(used) == 1:
            answer["model_version"] = used.pop()
        if body.id is not None:
            answer["id"] = body.id
        answer["outputs"] = [
            {"name": spec.name, "shape": [len(values)], "datatype": spec.datatype, "data": values}
            for spec, values in output_columns(results, outputs)
        ]
        # Built directly (every value is already a str or float): validating it again
        # through the response model would only cost time.
        return JSONResponse(answer)

    return router
