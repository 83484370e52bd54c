"""Benchmark: our scoring service vs ``mlflow models serve --env-manager local``.

Same registered model, same machine, loopback only, bounded load:

* closed loop: N concurrent clients, each sending single-row requests back to
  back for a fixed duration;
* fixed rate: requests started on a fixed schedule (open loop) for a fixed
  duration; latency includes any queueing.

Our service does more per request (an online-feature read from Feast, A/B
assignment, a durable log write); MLflow's gets the full feature vector.

    .venv/bin/python benchmarks/serving.py [--workdir build/bench-serving]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import numpy as np

from workloads.data import generate, write_dataset
from workloads.feature_encoding import encode_frame
from workloads.feature_repo import store_config
from workloads.feature_repo.materialization import feast_apply, materialize
from workloads.local_processes import free_port, scoring_service, spawn, stop, wait_http
from workloads.training.train import TrainingConfig, train_and_register


def _percentiles(lat: list[float]) -> tuple[float, float]:
    ms = np.array(lat) * 1000
    return float(np.percentile(ms, 50)), float(np.percentile(ms, 99))


async def closed_loop(
    url: str, bodies: list[Any], headers: dict[str, str], concurrency: int, seconds: float
) -> dict[str, float]:
    """``concurrency`` clients back to back for ``seconds``."""
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async def client(c: httpx.AsyncClient, k: int) -> None:
        nonlocal errors
        i = k
        while time.perf_counter() < deadline:
            t0 = time.perf_counter()
            r = await c.post(url, json=bodies[i % len(bodies)], headers=headers)
            latencies.append(time.perf_counter() - t0)
            errors += r.status_code != 200
            i += concurrency

    start = time.perf_counter()
    async with httpx.AsyncClient(timeout=30, limits=limits) as c:
        await asyncio.gather(*(client(c, k) for k in range(concurrency)))
    elapsed = time.perf_counter() - start
    p50, p99 = _percentiles(latencies)
    return {
        "rps": len(latencies) / elapsed,
        "p50": p50,
        "p99": p99,
        "errors": errors,
        "n": len(latencies),
    }


async def fixed_rate(
    url: str, bodies: list[Any], headers: dict[str, str], rate: float, seconds: float
) -> dict[str, float]:
    """Requests started every ``1/rate`` seconds for ``seconds`` (open loop)."""
    latencies: list[float] = []
    errors = 0
    n = int(rate * seconds)

    async def one(c: httpx.AsyncClient, i: int, at: float) -> None:
        nonlocal errors
        await asyncio.sleep(max(0.0, at - time.perf_counter()))
        t0 = time.perf_counter()
        r = await c.post(url, json=bodies[i % len(bodies)], headers=headers)
        latencies.append(time.perf_counter() - t0)
        errors += r.status_code != 200

    start = time.perf_counter() + 0.2
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(timeout=30, limits=limits) as c:
        await asyncio.gather(*(one(c, i, start + i / rate) for i in range(n)))
    elapsed = time.perf_counter() - start
    p50, p99 = _percentiles(latencies)
    return {
        "rps": len(latencies) / elapsed,
        "p50": p50,
        "p99": p99,
        "errors": errors,
        "n": len(latencies),
    }


def prepare(workdir: Path) -> tuple[Path, str, str, Any]:
    """Data, an applied and materialized feature repo, and one registered model."""
    start = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(
        days=50
    )
    data = generate(n_cards=500, days=50, seed=5, start=start)
    source = write_dataset(data, str(workdir / "data"))["card_features"]
    repo = store_config.write_repo(workdir / "repo", store_config.local_config(workdir / "feast"))
    feast_apply(repo, source)
    materialize(repo, start - timedelta(days=1), data.end + timedelta(days=1))
    uri = f"sqlite:///{workdir / 'mlflow.db'}"
    result = train_and_register(
        TrainingConfig(
            repo_dir=repo,
            transactions=data.transactions,
            as_of=data.end,
            tracking_uri=uri,
            artifact_location=str(workdir / "artifacts"),
            eval_days=5,
        )
    )
    return repo, uri, result.model_version, data


def main(argv: list[str] | None = None) -> int:
    """Run both services under the same loads and print the comparison."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workdir", default="build/bench-serving")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--rate", type=float, default=200.0)
    args = parser.parse_args(argv)
    workdir = Path(args.workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")
    print("preparing data, feature store and model ...", flush=True)
    repo, uri, version, data = prepare(workdir)

    sample = data.transactions_with_features.sample(2000, random_state=0)
    ours_bodies = [
        {
            "card_id": int(r.card_id),
            "amount": float(r.amount),
            "merchant_category": r.merchant_category,
            "channel": r.channel,
            "hour_of_day": int(r.hour_of_day),
            "distance_from_home_km": float(r.distance_from_home_km),
        }
        for r in sample.itertuples()
    ]
    mlflow_bodies = [{"inputs": [row.tolist()]} for row in encode_frame(sample)]
    results: dict[str, dict[str, dict[str, float]]] = {}

    token = secrets.token_urlsafe(32)
    env = {
        "SMP_MLFLOW_TRACKING_URI": uri,
        "SMP_FEATURE_REPO": str(repo),
        "SMP_PREDICTION_LOG_URI": str(workdir / "prediction-log"),
        "SMP_AUTH_TOKEN": token,
        "SMP_CHALLENGER_SHARE": "0",
    }
    headers = {"Authorization": f"Bearer {token}"}
    with scoring_service(env, workdir / "ours.log") as (base, _):
        url = f"{base}/predict"
        asyncio.run(closed_loop(url, ours_bodies, headers, 4, 2.0))  # warm-up
        results["ours"] = {
            "closed": asyncio.run(
                closed_loop(url, ours_bodies, headers, args.concurrency, args.seconds)
            ),
            "fixed": asyncio.run(fixed_rate(url, ours_bodies, headers, args.rate, args.seconds)),
        }

    port = free_port()
    mlflow_bin = str(Path(sys.executable).with_name("mlflow"))
    argv_serve = [
        mlflow_bin,
        "models",
        "serve",
        "-m",
        f"models:/card-fraud/{version}",
        "--env-manager",
        "local",
    ]
    argv_serve += ["-h", "127.0.0.1", "-p", str(port)]
    # mlflow models serve execs `uvicorn` through the shell: it must be on PATH.
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    proc = spawn(
        argv_serve, workdir / "mlflow-serve.log", {"MLFLOW_TRACKING_URI": uri, "PATH": path}
    )
    try:
        wait_http(
            f"http://127.0.0.1:{port}/ping", proc, timeout=180, log=workdir / "mlflow-serve.log"
        )
        url = f"http://127.0.0.1:{port}/invocations"
        asyncio.run(closed_loop(url, mlflow_bodies, {}, 4, 2.0))
        results["mlflow"] = {
            "closed": asyncio.run(
                closed_loop(url, mlflow_bodies, {}, args.concurrency, args.seconds)
            ),
            "fixed": asyncio.run(fixed_rate(url, mlflow_bodies, {}, args.rate, args.seconds)),
        }
    finally:
        stop(proc)

    print(f"\nclosed loop, {args.concurrency} concurrent single-row clients, {args.seconds:.0f}s")
    print(f"{'':8}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}")
    for name in ("ours", "mlflow"):
        r = results[name]["closed"]
        print(f"{name:8}{r['rps']:10.1f}{r['p50']:10.2f}{r['p99']:10.2f}{r['errors']:8.0f}")
    ratio = results["ours"]["closed"]["rps"] / results["mlflow"]["closed"]["rps"]
    print(f"throughput ratio ours/mlflow: {ratio:.2f}x (target >= 3x)")
    print(
        f"\nfixed rate {args.rate:.0f} req/s for {args.seconds:.0f}s (ours reads online features)"
    )
    print(f"{'':8}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}")
    for name in ("ours", "mlflow"):
        r = results[name]["fixed"]
        print(f"{name:8}{r['rps']:10.1f}{r['p50']:10.2f}{r['p99']:10.2f}{r['errors']:8.0f}")
    p99 = results["ours"]["fixed"]["p99"]
    print(f"ours p99 at {args.rate:.0f} req/s: {p99:.2f} ms (target <= 25 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
