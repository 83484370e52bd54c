"""Benchmark: our drift monitor vs Evidently's DataDriftPreset, and the streaming monitor.

1. Side by side on 1,000,000 rows x 20 features: reference and current tables
   each have 1,000,000 rows, 16 numeric and 4 categorical features, of which 6
   are shifted in the current table (known ground truth: four 0.3-SD shifts, two
   category mixes), plus one 0.01-SD shift that huge samples make "significant"
   and that must not count. Both tools see the same parquet files; the time for
   ours includes building the training baseline from the reference table.
   Rounds alternate (ours, Evidently, ours, ...) because the machine is shared;
   the ratio is of the medians. Verdicts are compared feature by feature.
2. The streaming monitor's throughput: a prediction log of card-fraud records
   (7 numeric, 3 categorical features, the score, 3 segment columns: 14 segments)
   read, parsed, bucketed and window-evaluated in one thread; rows per CPU-second.
3. Its alert latency, in real time: a writer appends records to the log at a
   steady rate, shifts ``amount`` by 0.5 SD, and the monitor (its own thread,
   polling every second) is timed from the first shifted record to the episode.

Evidently's pins conflict with the project lock, so it runs in its own
virtualenv (``.bench-venvs/evidently``, ``make evidently-venv``; created here
with uv on first use).

    .venv/bin/python benchmarks/drift.py [--rows 1000000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workloads.monitoring.baseline import compute_baseline  # noqa: E402
from workloads.monitoring.drift import detect_drift  # noqa: E402

EVIDENTLY_VENV = ROOT / ".bench-venvs" / "evidently"
# Evidently 0.7 does not import with pandas 3.
EVIDENTLY_REQUIREMENTS = ["evidently==0.7.23", "pandas<3", "pyarrow"]

_EVIDENTLY_RUNNER = r"""
import json, sys, time
import pandas as pd
from evidently import Report
from evidently.presets import DataDriftPreset
ref = pd.read_parquet(sys.argv[1]); cur = pd.read_parquet(sys.argv[2])
start, cpu = time.perf_counter(), time.process_time()
result = Report([DataDriftPreset()], include_tests=True).run(cur, ref).dict()
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
drifted = sorted(
    t["metric_config"]["params"]["column"] for t in result["tests"]
    if t["metric_config"]["params"].get("type", "").endswith("ValueDrift") and t["status"] == "FAIL"
)
scores = {
    m["config"]["column"]: m["value"] for m in result["metrics"]
    if m["config"].get("type", "").endswith("ValueDrift")
}
methods = sorted({m["config"].get("method") for m in result["metrics"] if "method" in m["config"]})
print(json.dumps({
    "seconds": elapsed, "cpu": cpu, "drifted": drifted, "methods": methods, "scores": scores
}))
"""


def make_tables(rows: int, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame, set[str]]:
    """Reference and current tables and the names of the features that really shifted."""
    rng = np.random.default_rng(seed)
    ref: dict[str, np.ndarray] = {}
    cur: dict[str, np.ndarray] = {}
    shifted: set[str] = set()
    for i in range(16):
        name = f"num_{i:02d}"
        ref[name] = rng.lognormal(0, 0.6, rows) if i % 2 else rng.normal(0, 1, rows)
        shift = 0.3 if i < 4 else 0.0
        if i % 2:
            cur[name] = rng.lognormal(shift, 0.6, rows)
        else:
            cur[name] = rng.normal(shift, 1, rows)
        if shift:
            shifted.add(name)
    # A trivial shift that huge samples make "significant": must NOT count as drift.
    cur["num_15"] = rng.lognormal(0.01, 0.6, rows)
    cats = np.array(["a", "b", "c", "d", "e"])
    for i in range(4):
        name = f"cat_{i}"
        p_ref = np.array([0.3, 0.25, 0.2, 0.15, 0.1])
        p_cur = np.array([0.15, 0.25, 0.2, 0.15, 0.25]) if i < 2 else p_ref
        ref[name] = rng.choice(cats, rows, p=p_ref)
        cur[name] = rng.choice(cats, rows, p=p_cur)
        if i < 2:
            shifted.add(name)
    return pd.DataFrame(ref), pd.DataFrame(cur), shifted


def _uv() -> str:
    found = shutil.which("uv") or str(Path.home() / ".local" / "bin" / "uv")
    if not Path(found).exists():
        raise SystemExit("uv not found: install it (make install does) or run make evidently-venv")
    return found


def ensure_evidently() -> Path:
    """The Evidently virtualenv's interpreter, created with uv if missing."""
    python = EVIDENTLY_VENV / "bin" / "python"
    if not python.exists():
        env = {
            **os.environ,
            "SSL_CERT_FILE": os.environ.get("SSL_CERT_FILE", "/etc/ssl/certs/ca-certificates.crt"),
        }
        uv = _uv()
        subprocess.run(
            [uv, "venv", "-q", str(EVIDENTLY_VENV), "--python", "3.11"], check=True, env=env
        )
        subprocess.run(
            [uv, "pip", "install", "-q", "--python", str(python), *EVIDENTLY_REQUIREMENTS],
            check=True,
            env=env,
        )
    return python


def run_ours(ref: pd.DataFrame, cur: pd.DataFrame) -> tuple[float, float, Any]:
    """Baseline from the reference, then the drift report: wall and CPU seconds."""
    numeric = [c for c in ref.columns if c.startswith("num_")]
    categorical = [c for c in ref.columns if c.startswith("cat_")]
    start, cpu = time.perf_counter(), time.process_time()
    baseline = compute_baseline(ref, numeric, categorical)
    report = detect_drift(baseline, cur)
    return time.perf_counter() - start, time.process_time() - cpu, report


def run_evidently(python: Path, workdir: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [
            str(python),
            "-c",
            _EVIDENTLY_RUNNER,
            str(workdir / "reference.parquet"),
            str(workdir / "current.parquet"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def side_by_side(rows: int, rounds: int, workdir: Path) -> dict[str, Any]:
    """Part 1: alternate rounds; per-feature verdicts; the ratio of the medians."""
    python = ensure_evidently()
    print(f"generating {rows:,} rows x 20 features ...", flush=True)
    ref, cur, truth = make_tables(rows)
    ref.to_parquet(workdir / "reference.parquet")
    cur.to_parquet(workdir / "current.parquet")
    ours_s, theirs_s, ours_cpu, theirs_cpu = [], [], [], []
    report, evidently = None, None
    for r in range(rounds):
        seconds, cpu, report = run_ours(ref, cur)
        ours_s.append(seconds)
        ours_cpu.append(cpu)
        evidently = run_evidently(python, workdir)
        theirs_s.append(evidently["seconds"])
        theirs_cpu.append(evidently["cpu"])
        print(
            f"  round {r + 1}: ours {seconds:.2f} s ({cpu:.2f} CPU-s), evidently "
            f"{evidently['seconds']:.2f} s ({evidently['cpu']:.2f} CPU-s)",
            flush=True,
        )
    assert report is not None
    assert evidently is not None
    by_name = {t.name: t for t in report.tests}
    ours, theirs = set(report.drifted_names), set(evidently["drifted"])
    columns = list(ref.columns)
    print(
        f"\n{'feature':9}{'truth':>7}{'ours':>7}{'effect (ours)':>22}{'evidently':>11}{'score':>9}"
    )
    for c in columns:
        t = by_name[c]
        print(
            f"{c:9}{'shift' if c in truth else '':>7}{'DRIFT' if c in ours else '-':>7}"
            f"{t.measure + ' ' + format(t.distance, '.3f'):>22}"
            f"{'DRIFT' if c in theirs else '-':>11}{evidently['scores'].get(c, float('nan')):9.3f}"
        )
    agree = sum((c in ours) == (c in theirs) for c in columns)
    ratio = statistics.median(theirs_s) / statistics.median(ours_s)
    print(f"\n{'':10}{'median s':>10}{'drifted':>9}{'true +':>8}{'false +':>9}{'missed':>8}")
    for name, flagged, secs in (
        ("ours", ours, statistics.median(ours_s)),
        ("evidently", theirs, statistics.median(theirs_s)),
    ):
        print(
            f"{name:10}{secs:10.2f}{len(flagged):9d}{len(flagged & truth):8d}"
            f"{len(flagged - truth):9d}{len(truth - flagged):8d}"
        )
    cpu_ratio = statistics.median(theirs_cpu) / statistics.median(ours_cpu)
    print(f"speed ratio evidently/ours (medians of {rounds} alternating rounds): {ratio:.1f}x")
    print(f"CPU-time ratio evidently/ours (less sensitive to a shared machine): {cpu_ratio:.1f}x")
    print(f"agreement on drifted features: {agree}/{len(columns)}")
    print(f"evidently methods: {evidently['methods']}")
    return {"ratio": ratio, "cpu_ratio": cpu_ratio, "agree": agree}


# --- the streaming monitor -------------------------------------------------------------------

CHANNELS = np.array(["pos", "online", "atm"])
TIERS = np.array(["standard", "gold", "platinum"])
MERCHANTS = np.array(
    ["grocery", "fuel", "restaurant", "electronics", "travel", "online_retail", "gambling"]
)


def card_records(rng: np.random.Generator, n: int, shift: float = 0.0) -> pd.DataFrame:
    """Prediction records with the card-fraud schema (independent rows)."""
    return pd.DataFrame(
        {
            "amount": np.exp(rng.normal(3.7 + 0.8 * shift, 0.8, n)),
            "hour_of_day": rng.integers(0, 24, n).astype(float),
            "distance_from_home_km": np.exp(rng.normal(1.8, 1.0, n)),
            "txn_count_7d": rng.poisson(7, n).astype(float),
            "avg_amount_30d": np.exp(rng.normal(3.8, 0.5, n)),
            "chargeback_count_90d": rng.poisson(0.3, n).astype(float),
            "credit_limit": np.round(np.exp(rng.normal(8.2, 0.5, n)), -2),
            "merchant_category": MERCHANTS[
                rng.choice(7, n, p=[0.3, 0.15, 0.2, 0.1, 0.07, 0.15, 0.03])
            ],
            "channel": CHANNELS[rng.choice(3, n, p=[0.6, 0.32, 0.08])],
            "card_tier": TIERS[rng.choice(3, n, p=[0.7, 0.22, 0.08])],
            "score": rng.beta(1, 25, n),
            "variant": "champion",
        }
    )


def card_baseline() -> dict[str, Any]:
    rng = np.random.default_rng(0)
    reference = card_records(rng, 60_000)
    labels = (rng.random(len(reference)) < reference["score"]).astype(float)
    numeric = list(reference.columns[:7])
    return compute_baseline(
        reference,
        numeric,
        ["merchant_category", "channel", "card_tier"],
        scores=reference["score"].to_numpy(),
        labels=labels,
        score_frame=reference,
        score_labels=labels,
    )


def streaming_throughput(baseline: dict[str, Any], rows: int, workdir: Path) -> dict[str, Any]:
    """Part 2: rows per CPU-second of reading, parsing, bucketing and evaluating."""
    from workloads.monitoring.stream import StreamConfig, StreamingMonitor
    from workloads.serving.prediction_log import PredictionLog

    rng = np.random.default_rng(1)
    log_dir = workdir / "throughput-log"
    shutil.rmtree(log_dir, ignore_errors=True)
    log = PredictionLog(str(log_dir), rotate_records=50_000)
    t0 = 1_700_000_000.0
    rate = 200  # records per simulated second
    frame = card_records(rng, rows)
    frame["ts"] = t0 + np.arange(rows) / rate
    frame["prediction_id"] = [f"p{i}" for i in range(rows)]
    for start in range(0, rows, 50_000):
        log.append_many("predictions", frame.iloc[start : start + 50_000].to_dict("records"))
    log.close()
    config = StreamConfig(
        sliding_seconds=300, step_seconds=15, tumbling_seconds=3600, lateness_seconds=0
    )
    monitor = StreamingMonitor(baseline, str(log_dir), config)
    monitor.tailer.retention = pd.Timedelta(days=3650).to_pytimedelta()
    from workloads.monitoring.stream import parse_records

    cpu = time.process_time()
    frame, _ = parse_records(monitor.tailer.poll())
    monitor.ingest(frame)
    ingest_cpu = time.process_time() - cpu
    cpu = time.process_time()
    results = monitor.close_buckets(t0 + rows / rate + 1)
    evaluate_cpu = time.process_time() - cpu
    windows = len(results)
    per_window = evaluate_cpu / max(windows, 1)
    print(
        f"\nstreaming monitor, {rows:,} records (14 segments x 13 tests per window): "
        f"read + parse + bucket {ingest_cpu:.2f} CPU-s -> {rows / ingest_cpu:,.0f} rows/s per "
        f"core; {windows} window evaluations {evaluate_cpu:.2f} CPU-s -> "
        f"{1000 * per_window:.0f} ms per window. At the defaults (a 15 s step) one core keeps "
        f"up with {rows / ingest_cpu * (1 - per_window / config.step_seconds):,.0f} rows/s."
    )
    return {
        "rows": rows,
        "rows_per_cpu_s": rows / ingest_cpu,
        "ms_per_window": 1000 * per_window,
        "windows": windows,
    }


def alert_latency(baseline: dict[str, Any], workdir: Path, rate: int = 400) -> dict[str, Any]:
    """Part 3: a real-time stream, a 0.5-SD shift in amount; seconds to the episode."""
    from workloads.contract import monitor_metrics as mn
    from workloads.monitoring.stream import StreamConfig, StreamingMonitor
    from workloads.serving.prediction_log import PredictionLog

    log_dir = workdir / "latency-log"
    shutil.rmtree(log_dir, ignore_errors=True)
    config = StreamConfig(
        sliding_seconds=30,
        step_seconds=2,
        tumbling_seconds=60,
        lateness_seconds=1,
        min_samples=500,
        poll_seconds=1,
    )
    monitor = StreamingMonitor(baseline, str(log_dir), config)
    stop = threading.Event()
    thread = threading.Thread(target=monitor.run, args=(stop.is_set, stop.wait), daemon=True)
    log = PredictionLog(str(log_dir))
    rng = np.random.default_rng(2)
    started = time.time()
    shift_at = started + 45
    alert: float | None = None
    thread.start()
    try:
        while time.time() < shift_at + 60 and alert is None:
            now = time.time()
            frame = card_records(rng, rate // 10, 0.5 if now >= shift_at else 0.0).assign(ts=now)
            log.append_many("predictions", frame.to_dict("records"))
            starts = [
                e
                for e in monitor.events
                if e["event"] == "start"
                and e["test"] == "amount"
                and e["segment"] == mn.ALL_SEGMENTS
            ]
            if starts:
                alert = starts[0]["wall"]
            time.sleep(0.1)
    finally:
        stop.set()
        thread.join(timeout=30)
        log.close()
    early = [e for e in monitor.events if e["event"] == "start" and e["wall"] < shift_at]
    latency = None if alert is None else alert - shift_at
    print(
        f"alert latency (real time, {rate} records/s, sliding {config.sliding_seconds:g} s every "
        f"{config.step_seconds:g} s, lateness {config.lateness_seconds:g} s, enter after "
        f"{config.enter_after} windows): "
        + (f"{latency:.1f} s after the shift" if latency is not None else "NO ALERT in 60 s")
        + f"; episodes before the shift: {len(early)}"
    )
    return {"latency_s": latency, "false_episodes": len(early)}


def main(argv: list[str] | None = None) -> int:
    """Run the three parts and print the figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--stream-rows", type=int, default=200_000)
    parser.add_argument("--workdir", default="build/bench-drift")
    parser.add_argument("--skip-evidently", action="store_true", help="streaming parts only")
    args = parser.parse_args(argv)
    if args.rows < 1000 or args.rounds < 1 or args.stream_rows < 10_000:
        print("error: --rows >= 1000, --rounds >= 1, --stream-rows >= 10000", file=sys.stderr)
        return 2
    workdir = ROOT / args.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    if not args.skip_evidently:
        side_by_side(args.rows, args.rounds, workdir)
    baseline = card_baseline()
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        streaming_throughput(baseline, args.stream_rows, Path(tmp))
        alert_latency(baseline, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
