"""The Open Inference Protocol over gRPC (``inference.GRPCInferenceService``).

Runs on the service's own event loop next to uvicorn (``grpc.aio``), on the same
components as the JSON API: same micro-batcher, metrics, prediction log and token.
The token travels as call metadata, ``authorization: Bearer <token>``; liveness and
readiness are open (they are probes), everything else needs it. Failures map to
status codes: invalid input ``INVALID_ARGUMENT`` (naming the input), unknown model or
card ``NOT_FOUND``, feature store down ``UNAVAILABLE``, queue full
``RESOURCE_EXHAUSTED``, queued past the deadline ``DEADLINE_EXCEEDED``.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Callable
from typing import Any

import grpc

from workloads.serving.components import Components, ScoringFailed, score_rows
from workloads.serving.oip import grpc_predict_v2_pb2 as pb
from workloads.serving.oip import grpc_predict_v2_pb2_grpc as pb_grpc
from workloads.serving.oip.model_info import model_metadata, server_metadata
from workloads.serving.oip.tensors import (
    InputTensor,
    InvalidInferRequest,
    decode_raw,
    encode_raw,
    output_columns,
    requested_outputs,
    rows_from_inputs,
)
from workloads.serving.online_features import FeatureStoreUnavailable
from workloads.serving.scoring import ScoringRequest

_log = logging.getLogger("workloads.serving.grpc")

# Which repeated field of InferTensorContents holds each datatype.
_CONTENTS_FIELD = {
    "INT8": "int_contents", "INT16": "int_contents", "INT32": "int_contents",
    "INT64": "int64_contents",
    "UINT8": "uint_contents", "UINT16": "uint_contents", "UINT32": "uint_contents",
    "UINT64": "uint64_contents",
    "FP32": "fp32_contents", "FP64": "fp64_contents",
    "BOOL": "bool_contents", "BYTES": "bytes_contents",
}  # fmt: skip
_STATUS = {
    404: grpc.StatusCode.NOT_FOUND,
    500: grpc.StatusCode.INTERNAL,
}
_REASON_STATUS = {
    "feature_store_unavailable": grpc.StatusCode.UNAVAILABLE,
    "overloaded": grpc.StatusCode.RESOURCE_EXHAUSTED,
    "deadline_exceeded": grpc.StatusCode.DEADLINE_EXCEEDED,
}
PROTOCOL = "oip-grpc"


class InferenceServicer(pb_grpc.GRPCInferenceServiceServicer):
    """The six OIP methods over the running service's components."""

    def __init__(self, components: Callable[[], Components | None]) -> None:
        self._components = components

    async def _started(self, context: grpc.aio.ServicerContext) -> Components:
        c = self._components()
        if c is None:
            await context.abort(grpc.StatusCode.UNAVAILABLE, "service is not started")
        assert c is not None
        return c

    async def _authorized(self, context: grpc.aio.ServicerContext) -> Components:
        c = await self._started(context)
        value = ""
        for key, item in context.invocation_metadata() or ():
            if key == "authorization":
                value = item if isinstance(item, str) else item.decode("latin-1")
        scheme, _, credentials = value.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            credentials.strip().encode(), c.token.encode()
        ):
            c.metrics.errors.labels("unauthorized").inc()
            await context.abort(
                grpc.StatusCode.UNAUTHENTICATED,
                "missing or invalid bearer token (call metadata 'authorization: Bearer <token>')",
            )
        return c

    async def _model(
        self, c: Components, name: str, version: str, context: grpc.aio.ServicerContext
    ) -> None:
        versions = {m.version for m in c.service.models.values()}
        if name != c.service.model_name:
            await context.abort(grpc.StatusCode.NOT_FOUND, f"unknown model {name!r}")
        if version and version not in versions:
            await context.abort(
                grpc.StatusCode.NOT_FOUND, f"model {name!r} has no served version {version!r}"
            )

    async def ServerLive(self, request: Any, context: grpc.aio.ServicerContext) -> Any:
        """Always live while the process answers."""
        return pb.ServerLiveResponse(live=True)

    async def ServerReady(self, request: Any, context: grpc.aio.ServicerContext) -> Any:
        """Ready once started and while the online feature store answers."""
        c = self._components()
        return pb.ServerReadyResponse(ready=c is not None and await _store_ok(c))

    async def ModelReady(self, request: Any, context: grpc.aio.ServicerContext) -> Any:
        """Ready when the model (and version, if given) is served and the service is ready."""
        c = self._components()
        if c is None:
            return pb.ModelReadyResponse(ready=False)
        versions = {m.version for m in c.service.models.values()}
        known = request.name == c.service.model_name and (
            not request.version or request.version in versions
        )
        return pb.ModelReadyResponse(ready=known and await _store_ok(c))

    async def ServerMetadata(self, request: Any, context: grpc.aio.ServicerContext) -> Any:
        """Server name, version and extensions (token required)."""
        await self._authorized(context)
        return pb.ServerMetadataResponse(**server_metadata())

    async def ModelMetadata(self, request: Any, context: grpc.aio.ServicerContext) -> Any:
        """The model's versions and tensors (token required)."""
        c = await self._authorized(context)
        await self._model(c, request.name, request.version, context)
        meta = model_metadata(c.service.model_name, _versions(c))
        return pb.ModelMetadataResponse(
            name=meta["name"],
            versions=meta["versions"],
            platform=meta["platform"],
            inputs=[pb.ModelMetadataResponse.TensorMetadata(**t) for t in meta["inputs"]],
            outputs=[pb.ModelMetadataResponse.TensorMetadata(**t) for t in meta["outputs"]],
        )

    async def ModelInfer(self, request: Any, context: grpc.aio.ServicerContext) -> Any:
        """Score every row of the request; each row is logged before the answer."""
        c = await self._authorized(context)
        await self._model(c, request.model_name, "", context)
        if request.model_version:
            await context.abort(
                grpc.StatusCode.INVALID_ARGUMENT,
                "model_version must be empty: the A/B assignment picks the version per card",
            )
        try:
            raw = bool(request.raw_input_contents)
            tensors = _decode(request)
            rows = rows_from_inputs(tensors, c.settings.max_rows_per_request)
            outputs = requested_outputs([o.name for o in request.outputs])
        except InvalidInferRequest as exc:
            c.metrics.errors.labels("invalid_request").inc()
            c.metrics.protocol_requests.labels(PROTOCOL, "invalid_request").inc()
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, str(exc))
        requests = [
            ScoringRequest(
                r.card_id, r.model_dump(exclude={"card_id", "transaction_id"}), r.transaction_id
            )
            for r in rows
        ]
        try:
            results = await score_rows(c, requests, PROTOCOL, context.time_remaining())
        except ScoringFailed as failure:
            code = _REASON_STATUS.get(failure.reason) or _STATUS.get(
                failure.status, grpc.StatusCode.INTERNAL
            )
            await context.abort(code, failure.message)
        response = pb.ModelInferResponse(model_name=c.service.model_name, id=request.id)
        versions = {r.model_version for r in results}
        if len(versions) == 1:
            response.model_version = versions.pop()
        for spec, values in output_columns(results, outputs):
            tensor = response.outputs.add(
                name=spec.name, datatype=spec.datatype, shape=[len(values)]
            )
            if raw:
                response.raw_output_contents.append(encode_raw(spec.datatype, values))
            elif spec.datatype == "BYTES":
                tensor.contents.bytes_contents.extend(v.encode() for v in values)
            else:
                tensor.contents.fp64_contents.extend(values)
        return response


def _versions(c: Components) -> list[str]:
    return sorted({m.version for m in c.service.models.values()}, key=_version_key)


def _version_key(v: str) -> tuple[int, str]:
    return (int(v), v) if v.isdigit() else (0, v)


async def _store_ok(c: Components) -> bool:
    try:
        await asyncio.to_thread(c.service.features.probe)
    except FeatureStoreUnavailable:
        return False
    return True


def _decode(request: Any) -> list[InputTensor]:
    raw = list(request.raw_input_contents)
    if raw and len(raw) != len(request.inputs):
        raise InvalidInferRequest(
            f"raw_input_contents holds {len(raw)} entries for {len(request.inputs)} inputs"
        )
    tensors = []
    for i, t in enumerate(request.inputs):
        field = _CONTENTS_FIELD.get(t.datatype)
        if raw:
            if t.HasField("contents"):
                raise InvalidInferRequest(
                    f"input {t.name!r}: contents and raw_input_contents are both given"
                )
            from workloads.serving.oip.tensors import RAW_DTYPES

            if t.datatype != "BYTES" and t.datatype not in RAW_DTYPES:
                raise InvalidInferRequest(f"input {t.name!r}: unknown datatype {t.datatype!r}")
            values: list[Any] = decode_raw(t.name, t.datatype, raw[i])
        else:
            if field is None:
                raise InvalidInferRequest(
                    f"input {t.name!r}: datatype {t.datatype!r} needs raw contents or is unknown"
                )
            values = list(getattr(t.contents, field))
        tensors.append(InputTensor(t.name, t.datatype, tuple(t.shape), values))
    return tensors


def create_server(
    components: Callable[[], Components | None], host: str, port: int, max_message_bytes: int
) -> tuple[grpc.aio.Server, int]:
    """A ``grpc.aio`` server with the inference service bound to ``host:port``; (server, port)."""
    server = grpc.aio.server(
        options=[
            ("grpc.max_receive_message_length", max_message_bytes),
            ("grpc.max_send_message_length", max(max_message_bytes, 4 * 1024 * 1024)),
            ("grpc.so_reuseport", 0),
        ]
    )
    pb_grpc.add_GRPCInferenceServiceServicer_to_server(InferenceServicer(components), server)
    bound = server.add_insecure_port(f"{host}:{port}")
    if bound == 0:
        raise OSError(f"cannot listen for gRPC on {host}:{port}")
    return server, bound
