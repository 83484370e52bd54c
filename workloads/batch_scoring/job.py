"""Asynchronous batch scoring: a time window or an entity list, partition by partition.

Rows to score come from a transactions dataset filtered to ``[start, end)`` or from an
entity list (a parquet/CSV file of rows: ``card_id``, ``event_timestamp`` and the
request fields). They are split into one partition per UTC day of ``event_timestamp``;
each partition is joined with the card features *as they were at each row's event
time* (Feast ``get_historical_features`` on the offline store, exactly as training
reads them), scored with one model version (the alias's, resolved once per run, or a
named version) and written as ``<out>/date=YYYY-MM-DD/predictions.parquet``.

A partition is committed by its manifest, ``<out>/_manifests/date=YYYY-MM-DD.json``,
written after the output: model name, version and run id, the digest of the source
rows and of the model's inputs (rows + point-in-time features), the output's digest
and row count. A run skips every partition whose manifest already records the same
source digest and model version, and rescores (overwriting) any other, so a killed
run resumes where it stopped and a finished one is a no-op: the output is the same
bytes as an uninterrupted run's. Workers of an Indexed Job share the partitions:
worker ``i`` of ``n`` takes every partition whose position is ``i`` modulo ``n``
(``i`` from ``--worker-index`` or ``JOB_COMPLETION_INDEX``).
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from workloads import object_store, schema
from workloads.feature_encoding import encode_frame

_log = logging.getLogger("workloads.batch_scoring")
MANIFESTS = "_manifests"
OUTPUT_FILE = "predictions.parquet"
KEY_COLUMNS = (schema.TRANSACTION_ID, schema.ENTITY_KEY, schema.EVENT_TIMESTAMP)
INPUT_COLUMNS = (
    schema.ENTITY_KEY, schema.EVENT_TIMESTAMP, *schema.REQUEST_NUMERIC,
    *schema.REQUEST_CATEGORICAL,
)  # fmt: skip
OUTPUT_COLUMNS = (*KEY_COLUMNS, schema.SCORE, "model_name", "model_version")


class BatchInputError(ValueError):
    """The rows to score cannot be read or lack a column (the message says which)."""


@dataclass(frozen=True)
class BatchModel:
    """The model a run scores with and the registry version it came from."""

    name: str
    version: str
    run_id: str
    model: Any


@dataclass(frozen=True)
class PartitionResult:
    """What happened to one partition."""

    partition: str
    rows: int
    status: str  # "scored" or "skipped"
    seconds: float


def read_rows(uri: str) -> pd.DataFrame:
    """A parquet or CSV file (local, ``s3://`` or ``abfss://``) as a DataFrame."""
    try:
        data = object_store.read_bytes(uri)
    except FileNotFoundError as exc:
        raise BatchInputError(f"no input at {uri}") from exc
    except ValueError as exc:  # an unsupported URI
        raise BatchInputError(str(exc)) from exc
    if uri.lower().endswith(".csv"):
        frame = pd.read_csv(io.BytesIO(data))
    else:
        try:
            frame = pd.read_parquet(io.BytesIO(data))
        except Exception as exc:  # pyarrow raises several types for a non-parquet file
            raise BatchInputError(f"{uri} is not a parquet file ({type(exc).__name__})") from exc
    return frame


def select_rows(
    frame: pd.DataFrame, start: datetime | None = None, end: datetime | None = None
) -> pd.DataFrame:
    """Check the columns, keep ``[start, end)`` and order the rows deterministically."""
    missing = [c for c in INPUT_COLUMNS if c not in frame.columns]
    if missing:
        raise BatchInputError(f"the rows to score lack columns: {', '.join(missing)}")
    frame = frame.copy()
    frame[schema.EVENT_TIMESTAMP] = pd.to_datetime(frame[schema.EVENT_TIMESTAMP], utc=True)
    if schema.TRANSACTION_ID not in frame.columns:
        # An entity list without transaction ids: the row's position in the file is its key.
        frame[schema.TRANSACTION_ID] = [f"row-{i}" for i in range(len(frame))]
    frame[schema.TRANSACTION_ID] = frame[schema.TRANSACTION_ID].astype(str)
    if start is not None:
        frame = frame[frame[schema.EVENT_TIMESTAMP] >= pd.Timestamp(start)]
    if end is not None:
        frame = frame[frame[schema.EVENT_TIMESTAMP] < pd.Timestamp(end)]
    frame = frame.sort_values([schema.EVENT_TIMESTAMP, schema.TRANSACTION_ID], kind="stable")
    return frame.reset_index(drop=True)


def partitions(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """One partition per UTC day of the event time, keyed ``date=YYYY-MM-DD``, in order."""
    days = frame[schema.EVENT_TIMESTAMP].dt.strftime("date=%Y-%m-%d")
    return {str(day): part.reset_index(drop=True) for day, part in frame.groupby(days, sort=True)}


def digest(frame: pd.DataFrame, columns: tuple[str, ...] | list[str]) -> str:
    """sha256 of the columns' values as canonical CSV (stable across runs and machines)."""
    text = frame[list(columns)].to_csv(
        index=False, float_format="%.17g", date_format="%Y-%m-%dT%H:%M:%S.%fZ"
    )
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def point_in_time_features(store: Any, rows: pd.DataFrame) -> pd.DataFrame:
    """The rows joined with the card features as of each row's event time, in row order."""
    entity_df = rows[[*KEY_COLUMNS, *schema.REQUEST_NUMERIC, *schema.REQUEST_CATEGORICAL]]
    service = store.get_feature_service(schema.FEATURE_SERVICE)
    joined = store.get_historical_features(entity_df=entity_df, features=service).to_df()
    joined[schema.EVENT_TIMESTAMP] = pd.to_datetime(joined[schema.EVENT_TIMESTAMP], utc=True)
    joined = joined.sort_values([schema.EVENT_TIMESTAMP, schema.TRANSACTION_ID], kind="stable")
    return joined.reset_index(drop=True)


def score_partition(model: BatchModel, joined: pd.DataFrame) -> pd.DataFrame:
    """The output rows of one partition."""
    scores = model.model.predict_proba(encode_frame(joined))[:, 1]
    out = joined[list(KEY_COLUMNS)].copy()
    out[schema.SCORE] = np.asarray(scores, dtype=np.float64)
    out["model_name"] = model.name
    out["model_version"] = model.version
    return out[list(OUTPUT_COLUMNS)]


def _parquet_bytes(frame: pd.DataFrame) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    buffer = io.BytesIO()
    # No timestamps or random ids in the file: the same rows give the same bytes.
    pq.write_table(table, buffer, compression="zstd")
    return buffer.getvalue()


def _put(uri: str, data: bytes) -> None:
    """Write ``data`` at ``uri`` whole: a local file is replaced atomically, an object put
    replaces the object at once."""
    location = object_store.parse_uri(uri)
    if isinstance(location, object_store.LocalPath):
        location.path.parent.mkdir(parents=True, exist_ok=True)
        staged = location.path.with_name(location.path.name + ".part")
        with open(staged, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(staged, location.path)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "object"
        path.write_bytes(data)
        object_store.upload_file(path, uri)


def _read_manifest(uri: str) -> dict[str, Any] | None:
    try:
        return json.loads(object_store.read_bytes(uri))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def worker_share(names: list[str], workers: int, index: int) -> list[str]:
    """The partitions worker ``index`` of ``workers`` owns (every ``workers``-th one)."""
    if workers < 1 or not 0 <= index < workers:
        raise ValueError(f"worker index {index} is not within 0..{workers - 1}")
    return [name for i, name in enumerate(names) if i % workers == index]


def run(
    rows: pd.DataFrame,
    model: BatchModel,
    store: Any,
    out: str,
    *,
    workers: int = 1,
    worker_index: int = 0,
    progress: Callable[[str], None] | None = None,
) -> list[PartitionResult]:
    """Score this worker's partitions of ``rows`` into ``out``; resumable and idempotent."""
    say = progress or (lambda text: print(text, file=sys.stderr, flush=True))
    base = object_store.parse_uri(out)
    parts = partitions(rows)
    mine = worker_share(list(parts), workers, worker_index)
    say(
        f"{len(rows)} rows in {len(parts)} partitions; worker {worker_index}/{workers} has "
        f"{len(mine)}; model {model.name} v{model.version}"
    )
    results = []
    for n, name in enumerate(mine, start=1):
        started = time.perf_counter()
        part = parts[name]
        source = digest(part, [*KEY_COLUMNS, *schema.REQUEST_NUMERIC, *schema.REQUEST_CATEGORICAL])
        manifest_uri = base.child(f"{MANIFESTS}/{name}.json").uri
        output_uri = base.child(f"{name}/{OUTPUT_FILE}").uri
        done = _read_manifest(manifest_uri)
        if (
            done is not None
            and done.get("source_digest") == source
            and done.get("model_version") == model.version
        ):
            results.append(PartitionResult(name, len(part), "skipped", 0.0))
            say(
                f"[{n}/{len(mine)}] {name}: {len(part)} rows already scored with "
                f"v{model.version}, skipped"
            )
            continue
        joined = point_in_time_features(store, part)
        if len(joined) != len(part):
            raise RuntimeError(
                f"{name}: the feature join returned {len(joined)} of {len(part)} rows"
            )
        scored = score_partition(model, joined)
        data = _parquet_bytes(scored)
        _put(output_uri, data)
        manifest = {
            "partition": name,
            "rows": len(scored),
            "model_name": model.name,
            "model_version": model.version,
            "model_run_id": model.run_id,
            "source_digest": source,
            "input_digest": digest(joined, [*KEY_COLUMNS, *schema.MODEL_FEATURES]),
            "output": output_uri,
            "output_digest": "sha256:" + hashlib.sha256(data).hexdigest(),
            "scored_at": datetime.now(UTC).isoformat(),
        }
        _put(manifest_uri, (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode())
        elapsed = time.perf_counter() - started
        results.append(PartitionResult(name, len(scored), "scored", elapsed))
        say(f"[{n}/{len(mine)}] {name}: {len(scored)} rows scored in {elapsed:.1f}s")
    return results


def read_predictions(out: str) -> pd.DataFrame:
    """Every committed partition's predictions (those with a manifest), in order."""
    base = object_store.parse_uri(out)
    frames = []
    for uri in object_store.list_keys(base.child(MANIFESTS).uri):
        manifest = _read_manifest(uri)
        if manifest is None:
            continue
        frames.append(pd.read_parquet(io.BytesIO(object_store.read_bytes(manifest["output"]))))
    if not frames:
        return pd.DataFrame(columns=list(OUTPUT_COLUMNS))
    return pd.concat(frames, ignore_index=True)


def read_manifests(out: str) -> list[dict[str, Any]]:
    """Every partition manifest under ``out``, in partition order."""
    base = object_store.parse_uri(out)
    found = [_read_manifest(u) for u in object_store.list_keys(base.child(MANIFESTS).uri)]
    return [m for m in found if m is not None]
