"""The card-fraud model as Open Inference Protocol tensors, for both transports.

One input tensor per request field (shape ``[N]`` or ``[N, 1]``, one element per
row), one output tensor per response field. Decoding turns the tensors into rows
and validates each row with :class:`workloads.serving.api_models.PredictRequest`,
so the OIP endpoints apply exactly the JSON API's input policy; a violation is an
:class:`InvalidInferRequest` naming the tensor (and row), which the transports
answer as HTTP 400 / gRPC ``INVALID_ARGUMENT`` with the protocol's error body.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from pydantic import ValidationError

from workloads.serving.api_models import PredictRequest

INTEGER_TYPES = ("INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32", "UINT64")
FLOAT_TYPES = ("FP16", "FP32", "FP64")
DATATYPES = (*INTEGER_TYPES, *FLOAT_TYPES, "BOOL", "BYTES")
# Little-endian element types of raw tensor contents (BYTES is length-prefixed instead).
RAW_DTYPES = {
    "INT8": "<i1", "INT16": "<i2", "INT32": "<i4", "INT64": "<i8",
    "UINT8": "<u1", "UINT16": "<u2", "UINT32": "<u4", "UINT64": "<u8",
    "FP16": "<f2", "FP32": "<f4", "FP64": "<f8", "BOOL": "|b1",
}  # fmt: skip


@dataclass(frozen=True)
class TensorSpec:
    """A tensor of the model's signature: name, declared datatype, accepted datatypes."""

    name: str
    datatype: str
    accepts: tuple[str, ...]
    required: bool = True


INPUTS: tuple[TensorSpec, ...] = (
    TensorSpec("card_id", "INT64", INTEGER_TYPES + FLOAT_TYPES),
    TensorSpec("amount", "FP64", FLOAT_TYPES + INTEGER_TYPES),
    TensorSpec("merchant_category", "BYTES", ("BYTES",)),
    TensorSpec("channel", "BYTES", ("BYTES",)),
    TensorSpec("hour_of_day", "INT64", INTEGER_TYPES + FLOAT_TYPES),
    TensorSpec("distance_from_home_km", "FP64", FLOAT_TYPES + INTEGER_TYPES),
    TensorSpec("transaction_id", "BYTES", ("BYTES",), required=False),
)
OUTPUTS: tuple[TensorSpec, ...] = (
    TensorSpec("prediction_id", "BYTES", ("BYTES",)),
    TensorSpec("score", "FP64", ("FP64",)),
    TensorSpec("variant", "BYTES", ("BYTES",)),
    TensorSpec("model_version", "BYTES", ("BYTES",)),
)
_INPUTS = {t.name: t for t in INPUTS}
OUTPUT_NAMES = tuple(t.name for t in OUTPUTS)


class InvalidInferRequest(ValueError):
    """The inference request does not fit the model's tensors; the message names the input."""


@dataclass(frozen=True)
class InputTensor:
    """One decoded input: its name, datatype, shape and flat Python values."""

    name: str
    datatype: str
    shape: tuple[int, ...]
    values: Sequence[Any]


def flatten(data: Any) -> list[Any]:
    """Tensor data in its natural nested form or already flat, as a flat list."""
    if not isinstance(data, list):
        return [data]
    if not any(isinstance(d, list) for d in data):
        return data
    out: list[Any] = []
    stack = [iter(data)]
    while stack:
        for item in stack[-1]:
            if isinstance(item, list):
                stack.append(iter(item))
                break
            out.append(item)
        else:
            stack.pop()
    return out


def decode_raw(name: str, datatype: str, raw: bytes) -> list[Any]:
    """Raw tensor contents (little-endian, row-major; BYTES length-prefixed) as values."""
    if datatype == "BYTES":
        values: list[Any] = []
        offset = 0
        while offset < len(raw):
            if offset + 4 > len(raw):
                raise InvalidInferRequest(f"input {name!r}: truncated raw BYTES element")
            (size,) = struct.unpack_from("<I", raw, offset)
            offset += 4
            if offset + size > len(raw):
                raise InvalidInferRequest(f"input {name!r}: truncated raw BYTES element")
            values.append(raw[offset : offset + size])
            offset += size
        return values
    dtype = np.dtype(RAW_DTYPES[datatype])
    if len(raw) % dtype.itemsize:
        raise InvalidInferRequest(
            f"input {name!r}: {len(raw)} raw bytes are not a whole number of {datatype} elements"
        )
    return np.frombuffer(raw, dtype=dtype).tolist()


def encode_raw(datatype: str, values: Sequence[Any]) -> bytes:
    """Values as raw tensor contents (the inverse of :func:`decode_raw`)."""
    if datatype == "BYTES":
        parts = []
        for v in values:
            b = v if isinstance(v, bytes) else str(v).encode()
            parts.append(struct.pack("<I", len(b)) + b)
        return b"".join(parts)
    return np.asarray(values, dtype=RAW_DTYPES[datatype]).tobytes()


def rows_from_inputs(tensors: Sequence[InputTensor], max_rows: int) -> list[PredictRequest]:
    """Validate the inputs against the model's tensors and return one request per row."""
    seen: dict[str, InputTensor] = {}
    for tensor in tensors:
        spec = _INPUTS.get(tensor.name)
        if spec is None:
            raise InvalidInferRequest(
                f"input {tensor.name!r} is not an input of this model; inputs are "
                + ", ".join(t.name for t in INPUTS)
            )
        if tensor.name in seen:
            raise InvalidInferRequest(f"input {tensor.name!r} is given twice")
        if tensor.datatype not in spec.accepts:
            raise InvalidInferRequest(
                f"input {tensor.name!r}: datatype {tensor.datatype!r} is not accepted "
                f"(expected {spec.datatype})"
            )
        shape = tensor.shape
        if len(shape) not in (1, 2) or (len(shape) == 2 and shape[1] != 1):
            raise InvalidInferRequest(
                f"input {tensor.name!r}: shape {list(shape)} is not [N] or [N, 1]"
            )
        if any(d < 0 for d in shape) or math.prod(shape) != len(tensor.values):
            raise InvalidInferRequest(
                f"input {tensor.name!r}: shape {list(shape)} does not match its "
                f"{len(tensor.values)} elements"
            )
        seen[tensor.name] = tensor
    missing = [t.name for t in INPUTS if t.required and t.name not in seen]
    if missing:
        raise InvalidInferRequest(f"missing input tensors: {', '.join(missing)}")
    sizes = {len(t.values) for t in seen.values()}
    if len(sizes) != 1:
        raise InvalidInferRequest(
            "inputs hold different numbers of rows: "
            + ", ".join(f"{t.name}={len(t.values)}" for t in seen.values())
        )
    (n,) = sizes
    if n == 0:
        raise InvalidInferRequest("the request holds no rows")
    if n > max_rows:
        raise InvalidInferRequest(
            f"the request holds {n} rows; at most {max_rows} are allowed (SMP_MAX_ROWS_PER_REQUEST)"
        )
    columns = {name: [_element(name, v) for v in t.values] for name, t in seen.items()}
    rows = []
    for i in range(n):
        try:
            rows.append(PredictRequest.model_validate({k: c[i] for k, c in columns.items()}))
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first.get("loc", ())) or "(row)"
            raise InvalidInferRequest(
                f"input {field!r} row {i}: {first.get('msg', 'invalid')}"
            ) from exc
    return rows


def _element(name: str, value: Any) -> Any:
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InvalidInferRequest(f"input {name!r}: BYTES element is not UTF-8") from exc
    return value


def requested_outputs(names: Sequence[str] | None) -> tuple[str, ...]:
    """The outputs to return: the requested ones, in request order, or all of them."""
    if not names:
        return OUTPUT_NAMES
    unknown = [n for n in names if n not in OUTPUT_NAMES]
    if unknown:
        raise InvalidInferRequest(
            f"output {unknown[0]!r} is not an output of this model; outputs are "
            + ", ".join(OUTPUT_NAMES)
        )
    return tuple(dict.fromkeys(names))


def output_columns(results: Sequence[Any], names: Sequence[str]) -> list[tuple[TensorSpec, list]]:
    """Each requested output as (spec, values) over the scored rows."""
    specs = {t.name: t for t in OUTPUTS}
    out = []
    for name in names:
        if name == "score":
            values: list[Any] = [r.score for r in results]
        else:
            values = [getattr(r, name) for r in results]
        out.append((specs[name], values))
    return out
