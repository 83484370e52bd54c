"""The raw, curated and quarantine zones, on a file system or the stack's object stores.

Raw: one segment per consumed batch and partition, the events exactly as they arrived
(`raw/source=<topic>/ingest_date=<day>/p<partition>-<first>-<last>.jsonl`); a segment
is never rewritten (a redelivered batch may add an overlapping one: raw is
at-least-once). Curated: one parquet file per event day, deduplicated by event id
(the copy with the lowest source position wins), sorted, so it is a function of the set
of events only: a replay writes the same bytes. Quarantine: the rejected events of a
batch with their reason.

Where: a local root (local runs, tests) holds `raw/`, `quarantine/`, `curated/` and
`state/` side by side; in the cluster the raw zone (`s3://` / `abfss://`, the stack's
append-only store) holds `raw/` and `quarantine/`, the curated zone `curated/` and the
batch loader's `state/` (its saved position is replaced on every page, which the raw
zone's write-once lock would keep forever). Nothing is acknowledged before it is
durable: a local file is written to a temporary name, fsynced, renamed and its folder
fsynced; an object-store PUT is durable once it returns (workloads/object_store.py).
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from workloads import object_store, schema
from workloads.ingestion.contract import EVENT_FIELDS, SOURCE_FIELDS, Rejected

CURATED_SORT = (schema.EVENT_TIMESTAMP, schema.TRANSACTION_ID)


def write_durably(path: Path, data: bytes) -> None:
    """`data` at `path`, on disk before this returns (temp file, fsync, rename, fsync dir)."""
    object_store.write_bytes(str(path), data)


class Zones:
    """The zones of one source: under one local `root`, or in the `raw` and `curated`
    object-store URIs (either may also be a local folder)."""

    def __init__(
        self,
        root: Path | str | None,
        source: str,
        *,
        raw: str | None = None,
        curated: str | None = None,
    ) -> None:
        if root is None and (raw is None or curated is None):
            raise ValueError("give a zones root, or both the raw and the curated zone")
        self.raw_root = str(raw if raw is not None else root)
        self.curated_root = str(curated if curated is not None else root)
        # Fail on a bad URI now, not after the first batch was read.
        object_store.parse_uri(self.raw_root)
        object_store.parse_uri(self.curated_root)
        self.source = source

    def raw_uri(self, relative: str) -> str:
        """`relative` below the raw zone."""
        return object_store.parse_uri(self.raw_root).child(relative).uri

    def curated_uri(self, relative: str) -> str:
        """`relative` below the curated zone."""
        return object_store.parse_uri(self.curated_root).child(relative).uri

    def raw_segment(self, day: str, partition: int, first: int, last: int) -> str:
        """Where one batch of one partition lands in raw."""
        return self.raw_uri(
            f"raw/source={self.source}/ingest_date={day}/"
            f"p{partition:04d}-{first:012d}-{last:012d}.jsonl"
        )

    def put_raw(self, relative: str, data: bytes) -> None:
        """A raw object, written once: a redelivered one is already durable."""
        uri = self.raw_uri(relative)
        if not object_store.exists(uri):
            object_store.write_bytes(uri, data)

    def write_raw(self, day: str, partition: int, first: int, last: int, lines: list[str]) -> None:
        """The batch's events as they arrived, one per line."""
        uri = self.raw_segment(day, partition, first, last)
        if object_store.exists(uri):
            return  # the same batch redelivered: the segment is already durable
        object_store.write_bytes(uri, "".join(f"{line}\n" for line in lines).encode())

    def write_quarantine(
        self, day: str, partition: int, first: int, rejected: list[Rejected]
    ) -> None:
        """The rejected events of a batch, each with why."""
        if not rejected:
            return
        self.put_quarantine(
            f"ingest_date={day}/p{partition:04d}-{first:012d}.jsonl", rejected, replace=True
        )

    def put_quarantine(self, name: str, rejected: list[Rejected], *, replace: bool) -> None:
        """Rejected events under `quarantine/source=<source>/<name>`."""
        uri = self.raw_uri(f"quarantine/source={self.source}/{name}")
        if replace or not object_store.exists(uri):
            object_store.write_bytes(uri, "".join(f"{r.to_json()}\n" for r in rejected).encode())

    def curated_path(self, event_day: str) -> str:
        """The curated partition of one event day."""
        return self.curated_uri(
            f"curated/source={self.source}/event_date={event_day}/part-0.parquet"
        )

    def state_uri(self) -> str:
        """The batch loader's saved position for this source."""
        return self.curated_uri(f"state/source={self.source}.json")

    def merge_curated(self, valid: pd.DataFrame) -> list[str]:
        """Merge a batch's valid events into their curated day partitions; the days touched."""
        if valid.empty:
            return []
        days = valid[schema.EVENT_TIMESTAMP].dt.strftime("%Y-%m-%d")
        touched = []
        for day, batch in valid.groupby(days, sort=True):
            uri = self.curated_path(str(day))
            parts = [batch]
            if object_store.exists(uri):
                parts.insert(0, pd.read_parquet(io.BytesIO(object_store.read_bytes(uri))))
            merged = canonical(pd.concat(parts, ignore_index=True))
            object_store.write_bytes(uri, to_parquet(merged))
            touched.append(str(day))
        return touched

    def curated(self) -> pd.DataFrame:
        """Every curated event (all days), in canonical order."""
        uris = [
            u
            for u in object_store.list_keys(self.curated_uri("curated"))
            if u.endswith(".parquet") and not u.rsplit("/", 1)[-1].startswith(".")
        ]
        if not uris:
            return pd.DataFrame(columns=list(EVENT_FIELDS + SOURCE_FIELDS))
        return pd.concat(
            [pd.read_parquet(io.BytesIO(object_store.read_bytes(u))) for u in uris],
            ignore_index=True,
        )


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
