"""Streaming ingestion: consume the transactions topic into raw, quarantine and curated.

Per batch: the events land in raw exactly as they arrived (durable), each is checked
against the data contract, the rejected go to quarantine with the reason, the valid are
merged into curated (deduplicated by event id), and only then are the offsets
committed. A crash anywhere before the commit redelivers the batch: raw may hold it
twice (at-least-once), curated holds each event once (the merge is idempotent), and
nothing acknowledged is lost, because an offset is committed only after everything
it covers is on disk.

The consumer takes every partition of the topic itself (`assign`, starting from the
group's committed offsets): one consumer per topic, so a restarted pod resumes at once
instead of waiting out a rebalance.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaException, Producer, TopicPartition

from workloads import schema
from workloads.ingestion.contract import validate
from workloads.ingestion.quality import QualityMetrics
from workloads.ingestion.zones import Zones

# Fault injection for the tests of what survives a crash (the process dies with no
# cleanup, as under SIGKILL): "after-raw" or "after-curated", in batch FAIL_BATCH.
FAIL_AT_ENV = "SMP_INGESTION_FAIL_AT"
FAIL_BATCH_ENV = "SMP_INGESTION_FAIL_BATCH"


@dataclass
class BatchCounts:
    """What one run consumed (the data-quality metrics' sources)."""

    batches: int = 0
    events_in: int = 0
    valid: int = 0
    quarantined: int = 0
    curated_days: set[str] = field(default_factory=set)
    newest: dt.datetime | None = None  # the newest valid event's timestamp


def _maybe_fail(point: str, batch: int) -> None:
    if os.environ.get(FAIL_AT_ENV) == point and int(os.environ.get(FAIL_BATCH_ENV, "1")) == batch:
        os._exit(137)


def consumer_config(
    bootstrap: str, group: str, extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    """librdkafka settings: manual commits only, read committed, start at the beginning."""
    return {
        "bootstrap.servers": bootstrap,
        "group.id": group,
        "enable.auto.commit": False,
        "enable.auto.offset.store": False,
        "auto.offset.reset": "earliest",
        "isolation.level": "read_committed",
        **(extra or {}),
    }


def _assign(consumer: Consumer, topic: str, timeout: float) -> list[TopicPartition]:
    metadata = consumer.list_topics(topic, timeout=timeout)
    info = metadata.topics.get(topic)
    if info is None or info.error is not None or not info.partitions:
        raise KafkaException(f"topic {topic!r} not found on the broker")
    partitions = [TopicPartition(topic, p) for p in sorted(info.partitions)]
    committed = consumer.committed(partitions, timeout=timeout)
    start = [
        TopicPartition(topic, tp.partition, tp.offset if tp.offset >= 0 else OFFSET_BEGINNING)
        for tp in committed
    ]
    consumer.assign(start)
    return start


def run(
    bootstrap: str,
    topic: str,
    group: str,
    zones_root: Path | None,
    *,
    batch_size: int = 5000,
    poll_seconds: float = 1.0,
    max_idle_seconds: float = 10.0,
    kafka: dict[str, Any] | None = None,
    metrics_file: Path | None = None,
    metrics_port: int | None = None,
    raw: str | None = None,
    curated: str | None = None,
) -> BatchCounts:
    """Consume until the topic has been idle `max_idle_seconds` (or SIGTERM); see module."""
    zones = Zones(zones_root, topic, raw=raw, curated=curated)
    consumer = Consumer(consumer_config(bootstrap, group, kafka))
    stopping = {"now": False}

    def _stop(*_: Any) -> None:
        stopping["now"] = True  # finish the batch in hand, commit, leave

    previous = signal.signal(signal.SIGTERM, _stop)
    counts = BatchCounts()
    metrics = None
    if metrics_file is not None or metrics_port is not None:
        metrics = QualityMetrics(topic, metrics_file)
        if metrics_port is not None:
            metrics.serve(metrics_port)
    try:
        _assign(consumer, topic, timeout=30)
        idle_since = time.monotonic()
        while not stopping["now"]:
            messages = consumer.consume(batch_size, timeout=poll_seconds)
            records = [m for m in messages if m.error() is None]
            errors = [e for e in (m.error() for m in messages) if e is not None]
            fatal = [e for e in errors if e.fatal()]
            if fatal:
                raise KafkaException(fatal[0])
            if not records:
                if time.monotonic() - idle_since >= max_idle_seconds:
                    break
                continue
            idle_since = time.monotonic()
            counts.batches += 1
            before = (counts.events_in, counts.valid, counts.quarantined)
            _land(zones, records, counts)
            offsets = _next_offsets(records)
            _maybe_fail("after-curated", counts.batches)
            consumer.commit(offsets=offsets, asynchronous=False)
            if metrics is not None:
                metrics.record(
                    counts.events_in - before[0],
                    counts.valid - before[1],
                    counts.quarantined - before[2],
                    _lag(consumer, offsets),
                    counts.newest,
                )
    finally:
        signal.signal(signal.SIGTERM, previous)
        consumer.close()
    return counts


def _land(zones: Zones, records: list[Any], counts: BatchCounts) -> None:
    day = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d")
    by_partition: dict[int, list[Any]] = defaultdict(list)
    for m in records:
        by_partition[m.partition()].append(m)
    batch: list[tuple[int, int, str]] = []
    for partition, messages in sorted(by_partition.items()):
        lines = []
        for m in messages:
            value = (m.value() or b"").decode("utf-8", errors="replace")
            lines.append(
                json.dumps(
                    {"partition": partition, "offset": m.offset(), "value": value},
                    sort_keys=True,
                )
            )
            batch.append((partition, m.offset(), value))
        zones.write_raw(day, partition, messages[0].offset(), messages[-1].offset(), lines)
    _maybe_fail("after-raw", counts.batches)
    valid, rejected = validate(batch)
    first = {p: ms[0].offset() for p, ms in by_partition.items()}
    by_rejected_partition: dict[int, list[Any]] = defaultdict(list)
    for r in rejected:
        by_rejected_partition[r.partition].append(r)
    for partition, items in sorted(by_rejected_partition.items()):
        zones.write_quarantine(day, partition, first[partition], items)
    counts.curated_days.update(zones.merge_curated(valid))
    if not valid.empty:
        newest = valid[schema.EVENT_TIMESTAMP].max().to_pydatetime()
        counts.newest = newest if counts.newest is None else max(counts.newest, newest)
    counts.events_in += len(batch)
    counts.valid += len(valid)
    counts.quarantined += len(rejected)


def _lag(consumer: Consumer, committed: list[TopicPartition]) -> int:
    """Events on the committed partitions past the committed offsets (high watermarks)."""
    behind = 0
    for tp in committed:
        _low, high = consumer.get_watermark_offsets(tp, timeout=5, cached=False)
        behind += max(high - tp.offset, 0)
    return behind


def _next_offsets(records: list[Any]) -> list[TopicPartition]:
    last: dict[tuple[str, int], int] = {}
    for m in records:
        key = (m.topic(), m.partition())
        last[key] = max(last.get(key, -1), m.offset())
    return [TopicPartition(t, p, o + 1) for (t, p), o in sorted(last.items())]


def produce(bootstrap: str, topic: str, events: Iterable[tuple[str, str]]) -> int:
    """Send (key, JSON value) pairs, acknowledged by the broker; the count sent."""
    producer = Producer({"bootstrap.servers": bootstrap, "acks": "all", "linger.ms": 5})
    failures: list[str] = []

    def _delivered(err: Any, _msg: Any) -> None:
        if err is not None:
            failures.append(str(err))

    sent = 0
    for key, value in events:
        while True:
            try:
                producer.produce(
                    topic, key=key.encode(), value=value.encode(), on_delivery=_delivered
                )
                break
            except BufferError:
                producer.poll(0.1)
        sent += 1
        if sent % 1000 == 0:
            producer.poll(0)
    remaining = producer.flush(60)
    if remaining or failures:
        raise KafkaException(f"{remaining} events unacknowledged, {len(failures)} failed")
    return sent
