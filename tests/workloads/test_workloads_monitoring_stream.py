"""The streaming drift monitor on a live prediction log.

A shift injected into the stream is alerted within the sliding window, and one
episode (however many windows it lasts) gives one alert; a restarted monitor
neither loses nor double-counts records; the CLI serves /metrics and stops
cleanly. Most tests drive the monitor with an explicit clock (event time and
wall time both simulated) so they are exact and fast; one runs the real CLI in
real time.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pandas as pd
import pytest
from prometheus_client.parser import text_string_to_metric_families

from workloads.contract import commands
from workloads.contract import monitor_metrics as mn
from workloads.local_processes import free_port, spawn, stop, wait_http
from workloads.monitoring.baseline import compute_baseline, write_baseline
from workloads.monitoring.stream import LogTailer, StreamConfig, StreamingMonitor, parse_records
from workloads.serving.prediction_log import PredictionLog

CHANNELS = np.array(["pos", "online", "atm"])
LOG_AMOUNT_SD = 0.8


def rows(rng: np.random.Generator, n: int, shift: float | np.ndarray = 0.0) -> pd.DataFrame:
    """Prediction records like the service's; ``shift`` moves log(amount) by SDs."""
    amount = np.exp(rng.normal(3.5 + shift * LOG_AMOUNT_SD, LOG_AMOUNT_SD, n))
    return pd.DataFrame(
        {
            "amount": amount,
            "hour_of_day": rng.integers(0, 24, n).astype(float),
            "channel": CHANNELS[rng.choice(3, n, p=[0.6, 0.32, 0.08])],
            "score": rng.beta(1, 25, n),
            "variant": "champion",
        }
    )


@pytest.fixture(scope="module")
def baseline() -> dict[str, Any]:
    rng = np.random.default_rng(0)
    reference = rows(rng, 40_000)
    labels = (rng.random(len(reference)) < reference["score"]).astype(float)
    return compute_baseline(
        reference,
        ["amount", "hour_of_day"],
        ["channel"],
        scores=reference["score"].to_numpy(),
        labels=labels,
        score_frame=reference,
        score_labels=labels,
        segment_by=["channel"],
    )


CONFIG = StreamConfig(
    sliding_seconds=60,
    step_seconds=5,
    tumbling_seconds=300,
    lateness_seconds=2,
    min_samples=200,
    enter_after=2,
    exit_after=3,
    checkpoint_seconds=1e9,  # only when asked
)
assert CONFIG.alpha == 0.001  # the streaming default
RATE = 40  # records per second
SHIFT_START, SHIFT_END, END = 300, 700, 1000
T0 = 1_700_000_000.0


class Stream:
    """Writes a seeded stream into a real prediction log, second by second (simulated)."""

    def __init__(self, root: Path, seed: int = 1) -> None:
        self.log = PredictionLog(str(root), rotate_records=2_000)
        self.rng = np.random.default_rng(seed)
        self.written = 0

    def write(self, first: int, last: int, shifted: bool | None = None) -> None:
        """Seconds [first, last): shifted inside [SHIFT_START, SHIFT_END) unless told."""
        seconds = np.repeat(np.arange(first, last), RATE)
        inside = (seconds >= SHIFT_START) & (seconds < SHIFT_END)
        shift = np.where(inside if shifted is None else shifted, 0.5, 0.0)
        frame = rows(self.rng, seconds.size, shift)
        frame["ts"] = T0 + seconds + self.rng.random(seconds.size)
        frame["prediction_id"] = [f"{s}-{i}" for i, s in enumerate(seconds)]
        self.log.append_many("predictions", frame.to_dict("records"))
        self.written += seconds.size


def drive(
    monitor: StreamingMonitor,
    stream: Stream,
    first: int,
    last: int,
    chunk: int = 5,
    shifted: bool | None = None,
) -> None:
    """Write seconds [first, last) and poll after each chunk, the clock just past it."""
    for start in range(first, last, chunk):
        end = min(start + chunk, last)
        stream.write(start, end, shifted)
        monitor.poll_once(now=T0 + end)


def _sample(monitor: StreamingMonitor, spec: mn.MetricSpec, **labels: str) -> float:
    name = spec.name
    for family in monitor.metrics.registry.collect():
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                return sample.value
    raise KeyError(f"{name}{labels}")


def test_a_shift_is_alerted_within_the_window_and_once_per_episode(
    baseline: dict[str, Any], tmp_path: Path
) -> None:
    stream = Stream(tmp_path / "log")
    monitor = StreamingMonitor(baseline, str(tmp_path / "log"), CONFIG, out_dir=tmp_path / "out")
    drive(monitor, stream, 0, END)
    starts = [e for e in monitor.events if e["event"] == "start"]
    ends = [e for e in monitor.events if e["event"] == "end"]
    amount = [e for e in starts if e["test"] == "amount" and e["segment"] == "all"]
    # One episode: one start, one end, however many windows (~80) saw the shift.
    assert len(amount) == 1, monitor.events
    assert len([e for e in ends if e["test"] == "amount" and e["segment"] == "all"]) == 1
    latency = amount[0]["window_end"] - (T0 + SHIFT_START)
    assert 0 < latency <= CONFIG.sliding_seconds, latency
    # Nothing before the shift, and nothing but the shifted feature at any time.
    assert all(e["window_end"] > T0 + SHIFT_START for e in starts)
    assert {e["test"] for e in starts} == {"amount"}
    assert _sample(monitor, mn.STREAM_EPISODES, test="amount", segment="all") == 1
    assert _sample(monitor, mn.STREAM_EPISODE_ACTIVE, test="amount", segment="all") == 0
    sliding = [r for r in monitor.results if r.window == mn.SLIDING]
    flagged = [r for r in sliding if "amount" in [t.key for t in r.tests if t.drifted]]
    assert len(flagged) > 20  # many windows flagged, one alert
    windows = [json.loads(line) for line in (tmp_path / "out" / "windows.jsonl").open()]
    assert [w["end"] - w["start"] for w in windows] == [CONFIG.tumbling_seconds] * len(windows)
    assert len(windows) >= 2
    assert monitor.counters["predictions"] == stream.written


def test_no_episode_on_an_unshifted_stream(baseline: dict[str, Any], tmp_path: Path) -> None:
    stream = Stream(tmp_path / "log", seed=5)
    monitor = StreamingMonitor(baseline, str(tmp_path / "log"), CONFIG)
    drive(monitor, stream, 0, 1800, chunk=30, shifted=False)
    evaluated = [r for r in monitor.results if r.window == mn.SLIDING and r.rows >= 200]
    assert len(evaluated) > 300
    assert monitor.events == []


def test_a_restarted_monitor_loses_and_repeats_nothing(
    baseline: dict[str, Any], tmp_path: Path
) -> None:
    # The reference run, uninterrupted.
    stream = Stream(tmp_path / "a")
    whole = StreamingMonitor(baseline, str(tmp_path / "a"), CONFIG)
    drive(whole, stream, 0, 500)
    # The same stream; checkpoint at 200 s, keep going to 260 s, then the process dies
    # (no checkpoint): the restarted monitor resumes from the 200 s checkpoint.
    stream = Stream(tmp_path / "b")
    state = tmp_path / "state.json"
    first = StreamingMonitor(baseline, str(tmp_path / "b"), CONFIG, state_path=state)
    drive(first, stream, 0, 200)
    first.checkpoint()
    drive(first, stream, 200, 260)
    del first
    second = StreamingMonitor(baseline, str(tmp_path / "b"), CONFIG, state_path=state)
    assert second.counters["predictions"] == 200 * RATE
    drive(second, stream, 260, 500)
    assert second.counters["predictions"] == whole.counters["predictions"] == 500 * RATE
    np.testing.assert_allclose(second.sliding.rows, whole.sliding.rows)
    np.testing.assert_allclose(second.sliding.num_counts[0], whole.sliding.num_counts[0])
    assert [(e["event"], e["test"], e["segment"], e["window_end"]) for e in second.events] == [
        (e["event"], e["test"], e["segment"], e["window_end"])
        for e in whole.events
        if e["window_end"] > T0 + 200
    ]
    # A checkpoint from another baseline is not resumed.
    other = {**baseline, "n_rows": baseline["n_rows"] + 1}
    assert (
        StreamingMonitor(other, str(tmp_path / "b"), CONFIG, state_path=state).next_bucket is None
    )


def test_the_tailer_reads_growing_segments_each_line_once(tmp_path: Path) -> None:
    part = tmp_path / "predictions" / "date=2030-01-01" / "hour=00"
    part.mkdir(parents=True)
    segment = part / "part-x.jsonl.open"
    tailer = LogTailer(str(tmp_path), retention_hours=1e6)
    segment.write_bytes(b'{"ts": 1, "amount": 2.0}\n{"ts": 2, "amo')
    assert parse_records(tailer.poll())[0]["ts"].tolist() == [1]
    with segment.open("ab") as handle:
        handle.write(b'unt": 3.0}\n')
    assert parse_records(tailer.poll())[0]["ts"].tolist() == [2]
    # Sealing renames the file: nothing is read twice.
    segment.rename(part / "part-x.jsonl")
    assert tailer.poll() == b""
    frame, bad = parse_records(b'{"ts": 3}\nnot json\n[1, 2]\n{"ts": 4}\n')
    assert frame["ts"].tolist() == [3, 4]
    assert bad == 2


def test_late_records_are_kept_and_counted(baseline: dict[str, Any], tmp_path: Path) -> None:
    monitor = StreamingMonitor(baseline, str(tmp_path / "log"), CONFIG)
    rng = np.random.default_rng(3)
    on_time = rows(rng, 100).assign(ts=T0 + 1.0)
    monitor.ingest(on_time)
    monitor.close_buckets(T0 + 30)
    late = rows(rng, 10).assign(ts=T0 + 2.0)  # its bucket closed already
    monitor.ingest(late)
    monitor.close_buckets(T0 + 60)
    assert monitor.counters["late"] == 10
    assert monitor.sliding.rows[0] == 110
    assert _sample(monitor, mn.STREAM_LATE_ROWS) == 10


def _scrape(url: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    out = {}
    for family in text_string_to_metric_families(httpx.get(url, timeout=5).text):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


def test_the_cli_alerts_on_a_live_stream_and_stops_cleanly(
    baseline: dict[str, Any], tmp_path: Path
) -> None:
    write_baseline(baseline, tmp_path / "baseline.json")
    port = free_port()
    argv = commands.stream_monitor(
        log_uri=str(tmp_path / "log"),
        model_name="card-fraud",
        baseline=str(tmp_path / "baseline.json"),
        port=port,
        host="127.0.0.1",
        sliding_seconds=4.0,
        step_seconds=1.0,
        tumbling_seconds=10.0,
        lateness_seconds=0.5,
        min_samples=150,
        state=str(tmp_path / "state.json"),
        out=str(tmp_path / "out"),
    )
    assert argv[:4] == ["python", "-m", "workloads.monitoring", "stream"]
    proc = spawn([sys.executable, *argv[1:]], tmp_path / "stream.log")
    url = f"http://127.0.0.1:{port}/metrics"
    episode = (mn.STREAM_EPISODE_ACTIVE.name, (("segment", "all"), ("test", "amount")))
    try:
        wait_http(url, proc, timeout=90, log=tmp_path / "stream.log")
        log = PredictionLog(str(tmp_path / "log"))
        rng = np.random.default_rng(11)
        started = time.time()
        shifted_at: float | None = None
        alerted_at: float | None = None
        while time.time() - started < 40 and alerted_at is None:
            shifted = time.time() - started > 6
            if shifted and shifted_at is None:
                shifted_at = time.time()
            frame = rows(rng, 25, 0.5 if shifted else 0.0).assign(ts=time.time())
            log.append_many("predictions", frame.to_dict("records"))
            time.sleep(0.1)
            if shifted and _scrape(url).get(episode) == 1:
                alerted_at = time.time()
        log.close()
        metrics = _scrape(url)
        assert shifted_at is not None
        assert alerted_at is not None, "no alert in 40 s"
        # Sliding window + enter-after steps + lateness + a poll: ~7 s; allow for load.
        assert alerted_at - shifted_at < 15
        assert metrics[(mn.STREAM_EPISODES.name, episode[1])] == 1
        assert metrics[(mn.STREAM_ROWS.name, (("stream", "predictions"),))] > 1000
    finally:
        code = stop(proc)
    assert code == 0, (tmp_path / "stream.log").read_text()[-2000:]
    state = json.loads((tmp_path / "state.json").read_text())
    assert state["counters"]["predictions"] > 1000


def test_the_cli_refuses_bad_settings(
    tmp_path: Path, baseline: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    from workloads.monitoring.__main__ import main

    write_baseline(baseline, tmp_path / "baseline.json")
    base = ["stream", "--log-uri", str(tmp_path), "--baseline", str(tmp_path / "baseline.json")]
    for extra, message in (
        (["--sliding-seconds", "7", "--step-seconds", "2"], "whole multiple"),
        (["--floor", "amount=-1"], "positive"),
        (["--segment-by", "card_tier"], "no per-segment reference"),
        (["--port", "70000"], "TCP port"),
    ):
        assert main([*base, *extra]) == 2
        err = capsys.readouterr().err
        assert message in err
        assert "Traceback" not in err


def test_the_tailer_reads_an_object_store_log_once_per_sealed_segment(
    moto_server: Any, tmp_path: Path
) -> None:
    moto_server.bucket("smp-prediction-log")
    uri = "s3://smp-prediction-log/serving"
    log = PredictionLog(uri, spool_dir=tmp_path / "spool")
    tailer = LogTailer(uri)
    log.append_many("predictions", [{"ts": 1.0}, {"ts": 2.0}])
    assert tailer.poll() == b""  # still open in the service's spool: not shipped yet
    log.rotate()
    assert parse_records(tailer.poll())[0]["ts"].tolist() == [1.0, 2.0]
    log.append_many("predictions", [{"ts": 3.0}])
    log.close()
    assert parse_records(tailer.poll())[0]["ts"].tolist() == [3.0]
    assert tailer.poll() == b""
