"""Turn feature records into the model's input matrix, the same way in training and serving.

The model consumes a float matrix whose columns follow
:data:`workloads.schema.MODEL_FEATURES`; categorical values become their index
in the fixed vocabulary of :data:`workloads.schema.CATEGORIES` (unknown or
missing values become NaN, which both model kinds handle).  Keeping this one
function outside the model avoids custom classes inside the serialized model
(so it loads with skops and a minimal trusted-type list) and avoids pandas on
the serving hot path.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from workloads import schema

N_FEATURES = len(schema.MODEL_FEATURES)
CATEGORICAL_INDICES: tuple[int, ...] = tuple(
    schema.MODEL_FEATURES.index(c) for c in schema.CATEGORICAL_FEATURES
)
NUMERIC_INDICES: tuple[int, ...] = tuple(
    schema.MODEL_FEATURES.index(c) for c in schema.NUMERIC_FEATURES
)
_CODES: dict[str, dict[str, float]] = {
    name: {value: float(i) for i, value in enumerate(values)}
    for name, values in schema.CATEGORIES.items()
}


def encode_frame(frame: pd.DataFrame) -> np.ndarray:
    """Encode a DataFrame holding every column of ``MODEL_FEATURES``."""
    missing = [c for c in schema.MODEL_FEATURES if c not in frame.columns]
    if missing:
        raise KeyError(f"feature columns missing: {missing}")
    out = np.empty((len(frame), N_FEATURES), dtype=np.float64)
    for j, name in enumerate(schema.MODEL_FEATURES):
        column = frame[name]
        if name in _CODES:
            out[:, j] = column.map(_CODES[name]).astype(np.float64).to_numpy()
        else:
            out[:, j] = pd.to_numeric(column, errors="coerce").astype(np.float64).to_numpy()
    return out


def encode_records(records: Sequence[Mapping[str, Any]]) -> np.ndarray:
    """Encode a list of dicts (one per request) without going through pandas."""
    out = np.full((len(records), N_FEATURES), np.nan, dtype=np.float64)
    for i, record in enumerate(records):
        for j, name in enumerate(schema.MODEL_FEATURES):
            value = record.get(name)
            if value is None:
                continue
            codes = _CODES.get(name)
            if codes is not None:
                out[i, j] = codes.get(value, np.nan)
            else:
                out[i, j] = float(value)
    return out
