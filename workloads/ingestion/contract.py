"""The transactions data contract: what an event must be to enter the curated zone.

One pandera schema (types, ranges, allowed values, nullability, uniqueness of the event
id within a batch) checked on every batch; an event that breaks it is quarantined with
the reason, never dropped silently and never curated.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pandera.pandas as pa

from workloads import schema

# The fields an event carries, in curated column order (then the source position).
EVENT_FIELDS: tuple[str, ...] = (
    schema.TRANSACTION_ID,
    schema.ENTITY_KEY,
    schema.EVENT_TIMESTAMP,
    "amount",
    "merchant_category",
    "channel",
    "hour_of_day",
    "distance_from_home_km",
)
SOURCE_FIELDS: tuple[str, ...] = ("source_partition", "source_offset")

TRANSACTIONS = pa.DataFrameSchema(
    {
        schema.TRANSACTION_ID: pa.Column(str, pa.Check.str_length(1, 64), nullable=False),
        schema.ENTITY_KEY: pa.Column("int64", pa.Check.ge(0), nullable=False),
        schema.EVENT_TIMESTAMP: pa.Column("datetime64[ns, UTC]", nullable=False),
        "amount": pa.Column(float, pa.Check.in_range(0.0, 1_000_000.0), nullable=False),
        "merchant_category": pa.Column(str, pa.Check.isin(schema.MERCHANT_CATEGORIES)),
        "channel": pa.Column(str, pa.Check.isin(schema.CHANNELS)),
        "hour_of_day": pa.Column("int64", pa.Check.in_range(0, 23), nullable=False),
        "distance_from_home_km": pa.Column(float, pa.Check.in_range(0.0, 20_037.5)),
        "source_partition": pa.Column("int64", pa.Check.ge(0)),
        "source_offset": pa.Column("int64", pa.Check.ge(0)),
    },
    strict=True,
    coerce=False,
    ordered=True,
)


@dataclass(frozen=True)
class Rejected:
    """An event that is not curated, and why."""

    partition: int
    offset: int
    value: str
    reason: str

    def to_json(self) -> str:
        """One quarantine line (stable key order)."""
        return json.dumps(
            {
                "partition": self.partition,
                "offset": self.offset,
                "reason": self.reason,
                "value": self.value,
            },
            sort_keys=True,
        )


def _parse(partition: int, offset: int, value: str) -> dict[str, Any] | Rejected:
    try:
        event = json.loads(value)
    except json.JSONDecodeError as exc:
        return Rejected(partition, offset, value, f"not JSON: {exc.msg}")
    except UnicodeDecodeError as exc:
        return Rejected(partition, offset, value, f"not JSON: {exc.reason}")
    if not isinstance(event, dict):
        return Rejected(partition, offset, value, "not a JSON object")
    missing = [f for f in EVENT_FIELDS if f not in event]
    extra = sorted(set(event) - set(EVENT_FIELDS))
    if missing:
        return Rejected(partition, offset, value, f"missing fields: {', '.join(missing)}")
    if extra:
        return Rejected(partition, offset, value, f"unknown fields: {', '.join(extra)}")
    texts = (schema.TRANSACTION_ID, schema.EVENT_TIMESTAMP)
    numbers = (schema.ENTITY_KEY, "amount", "hour_of_day", "distance_from_home_km")
    if not all(isinstance(event[f], str) for f in texts) or any(
        isinstance(event[f], bool) or not isinstance(event[f], (int, float)) for f in numbers
    ):
        return Rejected(partition, offset, value, "wrong JSON types")
    for whole in (schema.ENTITY_KEY, "hour_of_day"):
        if isinstance(event[whole], float) and not event[whole].is_integer():
            return Rejected(partition, offset, value, f"{whole} is not a whole number")
    return {**event, "source_partition": partition, "source_offset": offset}


def validate(records: Iterable[tuple[int, int, str]]) -> tuple[pd.DataFrame, list[Rejected]]:
    """Valid events as a typed frame (contract column order) and the rejected ones.

    `records` are (partition, offset, value) of one batch. Events that parse are checked
    by the pandera schema as one frame (lazily, so every failing row is named); each
    failure case quarantines its row with the check that failed.
    """
    rows: list[dict[str, Any]] = []
    rejected: list[Rejected] = []
    for partition, offset, value in records:
        parsed = _parse(partition, offset, value)
        if isinstance(parsed, Rejected):
            rejected.append(parsed)
        else:
            rows.append({**parsed, "_value": value})
    if not rows:
        return _empty(), rejected
    frame = pd.DataFrame(rows)
    values = frame.pop("_value")
    frame[schema.EVENT_TIMESTAMP] = pd.to_datetime(
        frame[schema.EVENT_TIMESTAMP], utc=True, errors="coerce", format="ISO8601"
    )
    for column in ("amount", "distance_from_home_km"):
        frame[column] = frame[column].astype(float)
    for column in (schema.ENTITY_KEY, "hour_of_day", "source_partition", "source_offset"):
        frame[column] = frame[column].astype("int64")
    frame = frame[list(EVENT_FIELDS + SOURCE_FIELDS)]
    reasons: dict[int, list[str]] = {}
    try:
        TRANSACTIONS.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        for case in exc.failure_cases.itertuples():
            if case.index is None or pd.isna(case.index):
                continue
            reasons.setdefault(int(case.index), []).append(
                f"{case.column}: {case.check} (got {case.failure_case!r})"
            )
    bad = sorted(reasons)
    for i in bad:
        row = frame.loc[i]
        rejected.append(
            Rejected(
                int(row["source_partition"]),
                int(row["source_offset"]),
                str(values.loc[i]),
                "; ".join(sorted(set(reasons[i]))),
            )
        )
    return frame.drop(index=bad).reset_index(drop=True), rejected


def _empty() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in EVENT_FIELDS + SOURCE_FIELDS})
    frame[schema.EVENT_TIMESTAMP] = pd.Series(dtype="datetime64[ns, UTC]")
    for column in ("amount", "distance_from_home_km"):
        frame[column] = frame[column].astype(float)
    for column in (schema.ENTITY_KEY, "hour_of_day", "source_partition", "source_offset"):
        frame[column] = frame[column].astype("int64")
    return frame


def event_json(row: Sequence[Any] | dict[str, Any]) -> str:
    """An event as producers send it (for the demo producer and the tests)."""
    return json.dumps(dict(row), sort_keys=True, default=str)
