"""A durable, partitioned, append-only log of predictions and outcomes.

Records are JSON lines.  Each stream (``predictions``, ``outcomes``) is
written to a segment file under ``<stream>/date=YYYY-MM-DD/hour=HH/``; every
append is written and flushed to the operating system before it returns, so a
record that was acknowledged survives the process dying.  Segments are fsynced
and sealed (``.jsonl.open`` → ``.jsonl``) when they reach a size or age limit,
when the hour changes and on close.

With an object-store URI (``s3://bucket/prefix`` or
``abfss://container@account.dfs.core.windows.net/prefix``, see
:mod:`workloads.object_store`) the segments are written to a local spool
directory and each sealed segment is uploaded (SSE-KMS on S3 when a key is
given) and then removed locally; leftovers from a crash are sealed and shipped
at the next start.  :func:`read_log` reads either layout back as a DataFrame.
"""

from __future__ import annotations

import json
import os
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from workloads import object_store
from workloads.object_store import AzureBlobLocation, LocalPath, S3Location

OPEN_SUFFIX = ".jsonl.open"
SEALED_SUFFIX = ".jsonl"


ObjectStoreTarget = S3Location | AzureBlobLocation


def parse_log_uri(uri: str) -> tuple[Path | None, ObjectStoreTarget | None]:
    """Split a log URI into a local directory or an object-store folder (S3 or ADLS Gen2)."""
    location = object_store.parse_uri(uri)
    if isinstance(location, LocalPath):
        return location.path, None
    return None, location


class _Segment:
    def __init__(self, root: Path, stream: str, now: float) -> None:
        stamp = datetime.fromtimestamp(now, tz=UTC)
        self.partition = f"date={stamp:%Y-%m-%d}/hour={stamp:%H}"
        self.hour_key = stamp.strftime("%Y%m%d%H")
        directory = root / stream / self.partition
        directory.mkdir(parents=True, exist_ok=True)
        name = f"part-{stamp:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:12]}"
        self.path = directory / f"{name}{OPEN_SUFFIX}"
        self.file = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - closed in seal()
        self.records = 0
        self.opened_at = now

    def seal(self) -> Path:
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        sealed = self.path.with_name(self.path.name[: -len(OPEN_SUFFIX)] + SEALED_SUFFIX)
        os.replace(self.path, sealed)
        return sealed


class PredictionLog:
    """Append-only JSON-lines log with one open segment per stream.

    Thread-safe; ``append`` returns only after the line reached the OS.
    """

    def __init__(
        self,
        uri: str,
        spool_dir: Path | None = None,
        rotate_records: int = 10_000,
        rotate_seconds: float = 300.0,
        kms_key_id: str | None = None,
    ) -> None:
        local, target = parse_log_uri(uri)
        if target is not None:
            if spool_dir is None:
                raise ValueError(f"a prediction log in {uri} needs a local spool directory")
            self.root = Path(spool_dir)
        else:
            assert local is not None
            self.root = local
        self.target = target
        self.kms_key_id = kms_key_id
        self.rotate_records = rotate_records
        self.rotate_seconds = rotate_seconds
        self._segments: dict[str, _Segment] = {}
        self._lock = threading.Lock()
        self._closed = False
        self.root.mkdir(parents=True, exist_ok=True)
        self._recover()

    # -- writing -----------------------------------------------------------
    def append(self, stream: str, record: dict[str, Any]) -> None:
        """Write one record to ``stream`` and flush it to the OS."""
        line = json.dumps(record, separators=(",", ":"), default=_json_default) + "\n"
        with self._lock:
            if self._closed:
                raise RuntimeError("prediction log is closed")
            segment = self._segment_for(stream, time.time())
            segment.file.write(line)
            segment.file.flush()
            segment.records += 1

    def append_many(self, stream: str, records: list[dict[str, Any]]) -> None:
        """Write several records with one flush."""
        if not records:
            return
        text = "".join(
            json.dumps(r, separators=(",", ":"), default=_json_default) + "\n" for r in records
        )
        with self._lock:
            if self._closed:
                raise RuntimeError("prediction log is closed")
            segment = self._segment_for(stream, time.time())
            segment.file.write(text)
            segment.file.flush()
            segment.records += len(records)

    def _segment_for(self, stream: str, now: float) -> _Segment:
        segment = self._segments.get(stream)
        hour_key = datetime.fromtimestamp(now, tz=UTC).strftime("%Y%m%d%H")
        if segment is not None and (
            segment.records >= self.rotate_records
            or now - segment.opened_at >= self.rotate_seconds
            or segment.hour_key != hour_key
        ):
            self._ship(segment.seal())
            segment = None
        if segment is None:
            segment = _Segment(self.root, stream, now)
            self._segments[stream] = segment
        return segment

    def rotate(self) -> None:
        """Seal (and ship) every open segment now."""
        with self._lock:
            for stream, segment in list(self._segments.items()):
                self._ship(segment.seal())
                del self._segments[stream]

    def close(self) -> None:
        """Seal and ship everything; further appends fail."""
        with self._lock:
            if self._closed:
                return
            for segment in self._segments.values():
                self._ship(segment.seal())
            self._segments.clear()
            self._closed = True

    # -- recovery and shipping ---------------------------------------------
    def _recover(self) -> None:
        for path in sorted(self.root.rglob(f"*{OPEN_SUFFIX}")):
            sealed = path.with_name(path.name[: -len(OPEN_SUFFIX)] + SEALED_SUFFIX)
            os.replace(path, sealed)
            self._ship(sealed)
        if self.target is not None:
            for path in sorted(self.root.rglob(f"*{SEALED_SUFFIX}")):
                self._ship(path)

    def _ship(self, path: Path) -> None:
        if self.target is None:
            return
        destination = self.target.child(path.relative_to(self.root).as_posix())
        object_store.upload_file(path, destination.uri, kms_key_id=self.kms_key_id)
        path.unlink()


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


def _iter_lines_local(root: Path, stream: str) -> Iterator[str]:
    base = root / stream
    if not base.exists():
        return
    for path in sorted(base.rglob("*.jsonl*")):
        if path.name.endswith((SEALED_SUFFIX, OPEN_SUFFIX)):
            yield from path.read_text(encoding="utf-8").splitlines()


def _iter_lines_remote(target: ObjectStoreTarget, stream: str) -> Iterator[str]:
    # Only sealed segments are ever shipped; anything else under the prefix is not ours.
    for uri in object_store.list_keys(target.child(stream).uri):
        if uri.endswith(SEALED_SUFFIX):
            yield from object_store.read_bytes(uri).decode("utf-8").splitlines()


def read_log(uri: str, stream: str = "predictions") -> pd.DataFrame:
    """Every record of ``stream`` (sealed and open segments) as a DataFrame."""
    local, target = parse_log_uri(uri)
    if local is not None:
        lines = _iter_lines_local(local, stream)
    else:
        assert target is not None
        lines = _iter_lines_remote(target, stream)
    records = [json.loads(line) for line in lines if line.strip()]
    return pd.DataFrame.from_records(records)
