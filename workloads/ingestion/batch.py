"""Batch ingestion from a relational source (PostgreSQL): incremental by a watermark column.

Rows are read in keyset order (`watermark`, then the key column) after the saved
position, a page at a time. Per page: the rows land in raw as they were read (one
segment named by the page's first and last position, so a re-read page rewrites the
same name), are checked against the data contract, quarantined or merged into curated
(deduplicated by event id), and only then is the position saved (durably). A failed
page is read again from the saved position: no row is skipped, and none is curated
twice. Rows that arrive later with a watermark equal to the saved one but a larger key
are still read (the key breaks ties), which a plain `watermark > saved` would miss.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workloads import object_store, schema
from workloads.ingestion.contract import EVENT_FIELDS, validate
from workloads.ingestion.zones import Zones

FAIL_AT_ENV = "SMP_INGESTION_FAIL_AT"
FAIL_BATCH_ENV = "SMP_INGESTION_FAIL_BATCH"
_IDENTIFIER = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


@dataclass
class LoadCounts:
    """What one run read."""

    pages: int = 0
    rows_in: int = 0
    valid: int = 0
    quarantined: int = 0


def _identifier(name: str) -> str:
    if not name or not set(name) <= _IDENTIFIER or name[0].isdigit():
        raise ValueError(f"{name!r} is not a plain lower-case SQL identifier")
    return f'"{name}"'


def read_position(zones: Zones) -> tuple[str, str] | None:
    """The saved (watermark, key) after which the next run reads; None before the first."""
    uri = zones.state_uri()
    if not object_store.exists(uri):
        return None
    saved = json.loads(object_store.read_bytes(uri))
    return saved["watermark"], saved["key"]


def _maybe_fail(point: str, page: int) -> None:
    if os.environ.get(FAIL_AT_ENV) == point and int(os.environ.get(FAIL_BATCH_ENV, "1")) == page:
        os._exit(137)


def _event(row: dict[str, Any]) -> str:
    out = {}
    for field in EVENT_FIELDS:
        value = row[field]
        if isinstance(value, dt.datetime):
            value = value.astimezone(dt.UTC).isoformat()
        elif hasattr(value, "__float__") and not isinstance(value, (int, float)):
            value = float(value)  # NUMERIC arrives as Decimal
        out[field] = value
    return json.dumps(out, sort_keys=True)


def load(
    dsn: str,
    table: str,
    zones_root: Path | None,
    *,
    raw: str | None = None,
    curated: str | None = None,
    watermark: str = schema.EVENT_TIMESTAMP,
    key: str = schema.TRANSACTION_ID,
    page_rows: int = 1000,
) -> LoadCounts:
    """Read every row after the saved position into the zones; see the module."""
    import psycopg2
    import psycopg2.extras

    zones = Zones(zones_root, f"pg.{table}", raw=raw, curated=curated)
    columns = ", ".join(_identifier(c) for c in EVENT_FIELDS)
    wm, k, tbl = _identifier(watermark), _identifier(key), _identifier(table)
    counts = LoadCounts()
    with (
        psycopg2.connect(dsn) as conn,
        conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur,
    ):
        conn.set_session(readonly=True)
        while True:
            position = read_position(zones)
            if position is None:
                cur.execute(
                    f"SELECT {columns}, {wm}::text AS _wm, {k}::text AS _key FROM {tbl} "  # noqa: S608
                    f"ORDER BY {wm}, {k} LIMIT %s",
                    (page_rows,),
                )
            else:
                cur.execute(
                    f"SELECT {columns}, {wm}::text AS _wm, {k}::text AS _key FROM {tbl} "  # noqa: S608
                    f"WHERE ({wm}, {k}) > (%s::timestamptz, %s) ORDER BY {wm}, {k} LIMIT %s",
                    (position[0], position[1], page_rows),
                )
            rows = cur.fetchall()
            conn.rollback()  # end the read-only transaction; nothing is held between pages
            if not rows:
                return counts
            counts.pages += 1
            _land_page(zones, rows, counts)
            last = rows[-1]
            _maybe_fail("after-curated", counts.pages)
            object_store.write_bytes(
                zones.state_uri(),
                json.dumps({"watermark": last["_wm"], "key": last["_key"]}).encode(),
            )
            if len(rows) < page_rows:
                return counts


def _land_page(zones: Zones, rows: list[dict[str, Any]], counts: LoadCounts) -> None:
    day = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d")
    values = [_event(r) for r in rows]
    name = f"{_slug(rows[0]['_wm'])}-{_slug(rows[0]['_key'])}"
    segment = f"ingest_date={day}/{name}-{len(rows):06d}.jsonl"
    zones.put_raw(
        f"raw/source={zones.source}/{segment}", "".join(f"{v}\n" for v in values).encode()
    )
    _maybe_fail("after-raw", counts.pages)
    # Source positions for the contract: the page's first row number stands in for a
    # partition, the row's place in the page for the offset (stable for the same page).
    valid, rejected = validate((0, i, v) for i, v in enumerate(values))
    valid = valid.assign(source_partition=0, source_offset=0)
    if rejected:
        zones.put_quarantine(segment, rejected, replace=True)
    zones.merge_curated(valid)
    counts.rows_in += len(rows)
    counts.valid += len(valid)
    counts.quarantined += len(rejected)


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in text)[:40]
