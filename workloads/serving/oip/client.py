"""Build Open Inference Protocol requests for the card-fraud model and read the answers.

For callers of the service (the demo, the benchmark, the tests): rows are the JSON
API's request bodies; :func:`rest_request` / :func:`grpc_request` turn a list of them
into one OIP request (one tensor per field), and :func:`rest_rows` / :func:`grpc_rows`
turn the answer back into one dict per row. A gRPC call carries the token as
``authorization: Bearer <token>`` metadata (:func:`grpc_metadata`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from workloads.serving.oip.tensors import INPUTS, decode_raw, encode_raw


def _columns(rows: Sequence[Mapping[str, Any]]) -> list[tuple[str, str, list[Any]]]:
    out = []
    for spec in INPUTS:
        if not spec.required and all(r.get(spec.name) is None for r in rows):
            continue
        out.append((spec.name, spec.datatype, [r.get(spec.name) for r in rows]))
    return out


def rest_request(rows: Sequence[Mapping[str, Any]], request_id: str | None = None) -> dict:
    """The ``POST /v2/models/{name}/infer`` body for ``rows``."""
    body: dict[str, Any] = {
        "inputs": [
            {"name": name, "shape": [len(values)], "datatype": datatype, "data": values}
            for name, datatype, values in _columns(rows)
        ]
    }
    if request_id is not None:
        body["id"] = request_id
    return body


def rest_rows(answer: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One dict per row (prediction_id, score, variant, model_version) from a REST answer."""
    columns = {o["name"]: o["data"] for o in answer["outputs"]}
    n = len(next(iter(columns.values())))
    return [{name: values[i] for name, values in columns.items()} for i in range(n)]


def grpc_request(rows: Sequence[Mapping[str, Any]], model_name: str, raw: bool = False) -> Any:
    """A ``ModelInferRequest`` for ``rows``: typed contents, or raw little-endian bytes."""
    from workloads.serving.oip import grpc_predict_v2_pb2 as pb

    request = pb.ModelInferRequest(model_name=model_name)
    for name, datatype, values in _columns(rows):
        tensor = request.inputs.add(name=name, datatype=datatype, shape=[len(values)])
        if raw:
            request.raw_input_contents.append(encode_raw(datatype, values))
        elif datatype == "BYTES":
            tensor.contents.bytes_contents.extend(str(v).encode() for v in values)
        elif datatype == "INT64":
            tensor.contents.int64_contents.extend(values)
        else:
            tensor.contents.fp64_contents.extend(values)
    return request


def grpc_rows(response: Any) -> list[dict[str, Any]]:
    """One dict per row from a ``ModelInferResponse`` (typed or raw contents)."""
    columns: dict[str, list[Any]] = {}
    raw = list(response.raw_output_contents)
    for i, tensor in enumerate(response.outputs):
        if raw:
            values = decode_raw(tensor.name, tensor.datatype, raw[i])
        elif tensor.datatype == "BYTES":
            values = list(tensor.contents.bytes_contents)
        else:
            values = list(tensor.contents.fp64_contents)
        columns[tensor.name] = [v.decode() if isinstance(v, bytes) else v for v in values]
    n = len(next(iter(columns.values())))
    return [{name: values[i] for name, values in columns.items()} for i in range(n)]


def grpc_metadata(token: str) -> tuple[tuple[str, str], ...]:
    """The call metadata that carries the bearer token."""
    return (("authorization", f"Bearer {token}"),)
