"""The raw, curated and quarantine zones on a file system, written durably.

Raw: one segment per consumed batch and partition, the events exactly as they arrived
(`raw/source=<topic>/ingest_date=<day>/p<partition>-<first>-<last>.jsonl`); a segment
is never rewritten (a redelivered batch may add an overlapping one: raw is
at-least-once). Curated: one parquet file per event day, deduplicated by event id
(the copy with the lowest source position wins), sorted, so it is a function of the set
of events only: a replay writes the same bytes. Quarantine: the rejected events of a
batch with their reason. Every file is written to a temporary name, fsynced, renamed
and its folder fsynced before the consumer commits an offset.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from workloads import schema
from workloads.ingestion.contract import EVENT_FIELDS, SOURCE_FIELDS, Rejected

CURATED_SORT = (schema.EVENT_TIMESTAMP, schema.TRANSACTION_ID)


def write_durably(path: Path, data: bytes) -> None:
    """`data` at `path`, on disk before this returns (temp file, fsync, rename, fsync dir)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


class Zones:
    """The three zones under one root (a local folder; the cluster mounts none: see README)."""

    def __init__(self, root: Path, source: str) -> None:
        self.root = Path(root)
        self.source = source

    def raw_segment(self, day: str, partition: int, first: int, last: int) -> Path:
        """Where one batch of one partition lands in raw."""
        return (
            self.root
            / "raw"
            / f"source={self.source}"
            / f"ingest_date={day}"
            / f"p{partition:04d}-{first:012d}-{last:012d}.jsonl"
        )

    def write_raw(self, day: str, partition: int, first: int, last: int, lines: list[str]) -> None:
        """The batch's events as they arrived, one per line."""
        path = self.raw_segment(day, partition, first, last)
        if path.exists():
            return  # the same batch redelivered: the segment is already durable
        write_durably(path, "".join(f"{line}\n" for line in lines).encode())

    def write_quarantine(
        self, day: str, partition: int, first: int, rejected: list[Rejected]
    ) -> None:
        """The rejected events of a batch, each with why."""
        if not rejected:
            return
        path = (
            self.root
            / "quarantine"
            / f"source={self.source}"
            / f"ingest_date={day}"
            / f"p{partition:04d}-{first:012d}.jsonl"
        )
        write_durably(path, "".join(f"{r.to_json()}\n" for r in rejected).encode())

    def curated_path(self, event_day: str) -> Path:
        """The curated partition of one event day."""
        return (
            self.root
            / "curated"
            / f"source={self.source}"
            / f"event_date={event_day}"
            / ("part-0.parquet")
        )

    def merge_curated(self, valid: pd.DataFrame) -> list[str]:
        """Merge a batch's valid events into their curated day partitions; the days touched."""
        if valid.empty:
            return []
        days = valid[schema.EVENT_TIMESTAMP].dt.strftime("%Y-%m-%d")
        touched = []
        for day, batch in valid.groupby(days, sort=True):
            path = self.curated_path(str(day))
            parts = [batch]
            if path.exists():
                parts.insert(0, pd.read_parquet(path))
            merged = canonical(pd.concat(parts, ignore_index=True))
            write_durably(path, to_parquet(merged))
            touched.append(str(day))
        return touched

    def curated(self) -> pd.DataFrame:
        """Every curated event (all days), in canonical order."""
        files = sorted((self.root / "curated").rglob("*.parquet"))
        if not files:
            return pd.DataFrame(columns=list(EVENT_FIELDS + SOURCE_FIELDS))
        return pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)


def canonical(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per event id (the lowest source position), sorted: independent of how the
    events were batched or how often they were delivered."""
    ordered = frame.sort_values(["source_partition", "source_offset"], kind="stable")
    deduped = ordered.drop_duplicates(subset=[schema.TRANSACTION_ID], keep="first")
    out = deduped.sort_values(list(CURATED_SORT), kind="stable").reset_index(drop=True)
    return out[list(EVENT_FIELDS + SOURCE_FIELDS)]


def to_parquet(frame: pd.DataFrame) -> bytes:
    """Deterministic parquet bytes for a canonical frame (no pandas index metadata)."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    table = table.replace_schema_metadata(None)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd", write_statistics=True)
    return sink.getvalue().to_pybytes()
