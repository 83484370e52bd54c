"""Benchmark: our drift monitor vs Evidently's DataDriftPreset on 1,000,000 rows x 20 features.

Reference and current tables each have 1,000,000 rows: 16 numeric and 4
categorical features, of which 6 are shifted in the current table (known
ground truth).  Both tools see the same parquet files; the time for ours
includes building the training baseline from the reference table.

Evidently pins conflict with the project lock, so it runs in its own
virtualenv (``.bench-venvs/evidently``, created on first use with uv).

    .venv/bin/python benchmarks/drift.py [--rows 1000000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from workloads.monitoring.baseline import compute_baseline
from workloads.monitoring.drift import detect_drift

ROOT = Path(__file__).resolve().parent.parent
EVIDENTLY_VENV = ROOT / ".bench-venvs" / "evidently"
# Evidently 0.7 does not import with pandas 3.
EVIDENTLY_REQUIREMENTS = ["evidently==0.7.23", "pandas<3", "pyarrow"]

_EVIDENTLY_RUNNER = r"""
import json, sys, time
import pandas as pd
from evidently import Report
from evidently.presets import DataDriftPreset
ref = pd.read_parquet(sys.argv[1]); cur = pd.read_parquet(sys.argv[2])
start = time.perf_counter()
result = Report([DataDriftPreset()], include_tests=True).run(cur, ref).dict()
elapsed = time.perf_counter() - start
drifted = sorted(
    t["metric_config"]["params"]["column"] for t in result["tests"]
    if t["metric_config"]["params"].get("type", "").endswith("ValueDrift") and t["status"] == "FAIL"
)
methods = sorted({m["config"].get("method") for m in result["metrics"] if "method" in m["config"]})
print(json.dumps({"seconds": elapsed, "drifted": drifted, "methods": methods}))
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


def ensure_evidently() -> Path:
    """The Evidently virtualenv's interpreter, created with uv if missing."""
    python = EVIDENTLY_VENV / "bin" / "python"
    if not python.exists():
        env = {
            **os.environ,
            "SSL_CERT_FILE": os.environ.get("SSL_CERT_FILE", "/etc/ssl/certs/ca-certificates.crt"),
        }
        subprocess.run(
            ["uv", "venv", "-q", str(EVIDENTLY_VENV), "--python", "3.11"], check=True, env=env
        )
        subprocess.run(
            ["uv", "pip", "install", "-q", "--python", str(python), *EVIDENTLY_REQUIREMENTS],
            check=True,
            env=env,
        )
    return python


def main(argv: list[str] | None = None) -> int:
    """Run both monitors on the same data and print the comparison."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--workdir", default="build/bench-drift")
    args = parser.parse_args(argv)
    workdir = ROOT / args.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    python = ensure_evidently()
    print(f"generating {args.rows} rows x 20 features ...", flush=True)
    ref, cur, truth = make_tables(args.rows)
    ref.to_parquet(workdir / "reference.parquet")
    cur.to_parquet(workdir / "current.parquet")
    numeric = [c for c in ref.columns if c.startswith("num_")]
    categorical = [c for c in ref.columns if c.startswith("cat_")]

    start = time.perf_counter()
    baseline = compute_baseline(ref, numeric, categorical)
    report = detect_drift(baseline, cur)
    ours_seconds = time.perf_counter() - start
    ours = set(report.drifted_names)

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
    evidently = json.loads(proc.stdout.strip().splitlines()[-1])
    theirs = set(evidently["drifted"])
    columns = set(ref.columns)
    agree = sum((c in ours) == (c in theirs) for c in columns)

    print(f"\n{'':10}{'seconds':>10}{'drifted':>9}{'true +':>8}{'false +':>9}{'missed':>8}")
    for name, flagged, secs in (
        ("ours", ours, ours_seconds),
        ("evidently", theirs, evidently["seconds"]),
    ):
        print(
            f"{name:10}{secs:10.2f}{len(flagged):9d}{len(flagged & truth):8d}"
            f"{len(flagged - truth):9d}{len(truth - flagged):8d}"
        )
    print(f"speed ratio evidently/ours: {evidently['seconds'] / ours_seconds:.1f}x (target >= 10x)")
    print(f"agreement on drifted features: {agree}/{len(columns)}")
    print(f"only ours: {sorted(ours - theirs)}  only evidently: {sorted(theirs - ours)}")
    print(f"evidently methods: {evidently['methods']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
