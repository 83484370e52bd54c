"""Benchmark: streaming ingestion's events/s per core, batched against one event at a time.

Both sides run the consumer's own landing code (`workloads.ingestion.stream._land`: raw
segment written durably, the pandera contract, quarantine, the deduplicating merge into
curated) over the same synthetic transactions (3% invalid, 3% resent), into fresh zones
each round:

* ours: batches of `--batch` events, as the consumer takes them from the broker;
* the peer: one event per batch — validate, fsync and merge each event on its own, what a
  consumer that handles (or pushes) every event as it comes does.

Events per CPU-second of the process (`time.process_time`, i.e. per core, whatever else a
shared machine runs) and wall-clock events/s, side by side. The broker is not in the loop
(its fetches cost both sides the same); end-to-end freshness (event produced -> feature
readable online) is not measured here: the Feast push is not implemented yet.

    .venv/bin/python benchmarks/ingestion.py [--events 20000] [--batch 5000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from workloads.data import generate
from workloads.ingestion.contract import EVENT_FIELDS
from workloads.ingestion.stream import BatchCounts, _land
from workloads.ingestion.zones import Zones

TOPIC = "transactions"


@dataclass(frozen=True)
class Message:
    """What `_land` reads of a confluent-kafka message."""

    _partition: int
    _offset: int
    _value: bytes

    def partition(self) -> int:
        return self._partition

    def offset(self) -> int:
        return self._offset

    def value(self) -> bytes:
        return self._value

    def topic(self) -> str:
        return TOPIC


def _messages(count: int) -> list[Message]:
    data = generate(n_cards=max(200, count // 3), days=4, seed=3).transactions
    rows = data.head(count)
    values = []
    for row in rows.itertuples(index=False):
        event = {f: getattr(row, f) for f in EVENT_FIELDS}
        event["event_timestamp"] = pd.Timestamp(event["event_timestamp"]).isoformat()
        event["card_id"] = int(event["card_id"])
        event["hour_of_day"] = int(event["hour_of_day"])
        values.append(json.dumps(event, sort_keys=True, default=float))
    for i in range(0, len(values), 33):  # 3% break the contract
        values[i] = values[i].replace('"channel": "', '"channel": "x')
    values += values[: len(values) // 33]  # 3% resent
    return [Message(i % 3, i // 3, v.encode()) for i, v in enumerate(values)]


def _run(messages: list[Message], batch: int) -> tuple[float, float, BatchCounts]:
    root = Path(tempfile.mkdtemp(prefix="smp-bench-ingestion-"))
    counts = BatchCounts()
    try:
        zones = Zones(root, TOPIC)
        cpu, wall = time.process_time(), time.perf_counter()
        for start in range(0, len(messages), batch):
            counts.batches += 1
            _land(zones, messages[start : start + batch], counts)
        return time.process_time() - cpu, time.perf_counter() - wall, counts
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Alternate the two sides and print events/s per core."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--batch", type=int, default=5000)
    parser.add_argument("--peer-events", type=int, default=300, help="events the peer lands")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    messages = _messages(args.events)
    peer_messages = messages[: args.peer_events]
    print(f"{len(messages)} events (ours), {len(peer_messages)} (one at a time)", flush=True)
    ours, peer = [], []
    for i in range(args.rounds):
        cpu, wall, counts = _run(messages, args.batch)
        ours.append((len(messages) / cpu, len(messages) / wall))
        pcpu, pwall, _ = _run(peer_messages, 1)
        peer.append((len(peer_messages) / pcpu, len(peer_messages) / pwall))
        print(
            f"round {i + 1}: batched {ours[-1][0]:,.0f} ev/CPU-s ({ours[-1][1]:,.0f} ev/s wall, "
            f"{counts.valid} valid, {counts.quarantined} quarantined) | one at a time "
            f"{peer[-1][0]:,.0f} ev/CPU-s ({peer[-1][1]:,.0f} ev/s wall)",
            flush=True,
        )
    best = max(o[0] for o in ours)
    best_peer = max(p[0] for p in peer)
    print(
        f"best: batched {best:,.0f} events per CPU-second, one at a time {best_peer:,.0f}: "
        f"{best / best_peer:.1f}x (target 20,000 per core: "
        f"{'met' if best >= 20000 else 'NOT met'})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
