"""Benchmark: our scoring service vs ``mlflow models serve --env-manager local``.

Same registered model, same machine, loopback only, bounded load:

* closed loop: N concurrent clients, each sending single-row requests back to
  back for a fixed duration;
* fixed rate: requests started on a fixed schedule (open loop) for a fixed
  duration; latency includes any queueing.

Both sides are driven by the same small client (pre-encoded HTTP/1.1
keep-alive requests on asyncio streams; a client library would cost about as
much CPU per request as the servers do, on the same cores).  The two servers
run side by side and the phases alternate between them for ``--rounds``
rounds, so background load on a shared machine lands on both sides of each
ratio.

Our service does more per request (an online-feature read from Feast, A/B
assignment, a durable log write); MLflow's gets the full feature vector.

    .venv/bin/python benchmarks/serving.py [--workdir build/bench-serving]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from workloads.data import generate, write_dataset
from workloads.feature_encoding import encode_frame
from workloads.feature_repo import store_config
from workloads.feature_repo.materialization import feast_apply, materialize
from workloads.local_processes import free_port, scoring_service, spawn, stop, wait_http
from workloads.training.train import TrainingConfig, train_and_register


def _summary(latencies: list[float], errors: int, elapsed: float) -> dict[str, float]:
    """Throughput, p50/p99 latency (ms), errors and count of one load run."""
    ms = np.array(latencies) * 1000
    return {
        "rps": len(latencies) / elapsed,
        "p50": float(np.percentile(ms, 50)),
        "p99": float(np.percentile(ms, 99)),
        "errors": errors,
        "n": len(latencies),
    }


def encode_requests(url: str, bodies: list[Any], headers: dict[str, str]) -> list[bytes]:
    """Each body as a complete HTTP/1.1 keep-alive POST, encoded once before the run.

    The generator shares the machine's cores with the server under test, so it
    does as little as it can per request: no client library, no per-request
    JSON encoding, no header parsing beyond the status line and Content-Length.
    """
    parsed = urlsplit(url)
    head = f"POST {parsed.path} HTTP/1.1\r\nHost: {parsed.netloc}\r\n"
    head += "Content-Type: application/json\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    out = []
    for body in bodies:
        payload = json.dumps(body, separators=(",", ":")).encode()
        out.append(f"{head}Content-Length: {len(payload)}\r\n\r\n".encode() + payload)
    return out


# Servers close idle keep-alive connections (uvicorn after 5 s): older idle ones are replaced.
_STALE_SECONDS = 2.0


class _Connection:
    """One keep-alive connection; ``call`` sends a pre-encoded request, returns the status."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.last_used = time.perf_counter()

    @classmethod
    async def open(cls, url: str) -> _Connection:
        parsed = urlsplit(url)
        reader, writer = await asyncio.open_connection(parsed.hostname, parsed.port)
        return cls(reader, writer)

    async def call(self, request: bytes) -> int:
        self.last_used = time.perf_counter()
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = 0
        for line in head.split(b"\r\n"):
            if line[:15].lower() == b"content-length:":
                length = int(line[15:])
                break
        else:
            raise RuntimeError("response without Content-Length")
        await self.reader.readexactly(length)
        return status

    def close(self) -> None:
        self.writer.close()


async def closed_loop(
    url: str, bodies: list[Any], headers: dict[str, str], concurrency: int, seconds: float
) -> dict[str, float]:
    """``concurrency`` clients back to back for ``seconds`` (bounded by time)."""
    requests = encode_requests(url, bodies, headers)
    latencies: list[float] = []
    errors = 0
    connections = [await _Connection.open(url) for _ in range(concurrency)]
    deadline = time.perf_counter() + seconds

    async def client(conn: _Connection, k: int) -> None:
        nonlocal errors
        i = k
        while time.perf_counter() < deadline:
            t0 = time.perf_counter()
            try:
                status = await asyncio.wait_for(conn.call(requests[i % len(requests)]), 30)
            except (OSError, TimeoutError, asyncio.IncompleteReadError, RuntimeError):
                conn.close()  # counted as an error; the connection is replaced
                latencies.append(time.perf_counter() - t0)
                errors += 1
                try:  # a server that stopped answering ends this client, within the bound
                    conn = connections[k] = await asyncio.wait_for(_Connection.open(url), 5)
                except (OSError, TimeoutError):
                    return
                i += concurrency
                continue
            latencies.append(time.perf_counter() - t0)
            errors += status != 200
            i += concurrency

    start = time.perf_counter()
    try:
        await asyncio.gather(*(client(c, k) for k, c in enumerate(connections)))
    finally:
        for c in connections:
            c.close()
    return _summary(latencies, errors, time.perf_counter() - start)


async def fixed_rate(
    url: str,
    bodies: list[Any],
    headers: dict[str, str],
    rate: float,
    seconds: float,
    max_connections: int = 64,
) -> dict[str, float]:
    """``rate * seconds`` requests, each due at ``start + i/rate`` (open loop).

    Latency is measured from when a request was due, so time spent waiting for
    a free connection (the server falling behind) counts, as it would for a
    real caller.  At most ``max_connections`` requests are in flight.
    """
    requests = encode_requests(url, bodies, headers)
    latencies: list[float] = []
    errors = 0
    n = int(rate * seconds)
    idle: list[_Connection] = [await _Connection.open(url) for _ in range(8)]
    opened = len(idle)
    slots = asyncio.Semaphore(max_connections)

    async def one(i: int, due: float) -> None:
        nonlocal errors, opened
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        async with slots:
            conn = idle.pop() if idle else None
            if conn is not None and time.perf_counter() - conn.last_used > _STALE_SECONDS:
                conn.close()  # the server may have closed it (keep-alive timeout)
                conn = None
            try:
                if conn is None:
                    opened += 1
                    conn = await asyncio.wait_for(_Connection.open(url), 5)
                status = await asyncio.wait_for(conn.call(requests[i % len(requests)]), 30)
                conn.last_used = time.perf_counter()
                idle.append(conn)
            except (OSError, TimeoutError, asyncio.IncompleteReadError, RuntimeError):
                status = 0  # counted as an error; the connection is dropped
                if conn is not None:
                    conn.close()
        latencies.append(time.perf_counter() - due)
        errors += status != 200

    start = time.perf_counter() + 0.2
    try:
        await asyncio.gather(*(one(i, start + i / rate) for i in range(n)))
    finally:
        for c in idle:
            c.close()
    return _summary(latencies, errors, time.perf_counter() - start)


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
    parser.add_argument("--rounds", type=int, default=3)
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
    token = secrets.token_urlsafe(32)
    env = {
        "SMP_MLFLOW_TRACKING_URI": uri,
        "SMP_FEATURE_REPO": str(repo),
        "SMP_PREDICTION_LOG_URI": str(workdir / "prediction-log"),
        "SMP_AUTH_TOKEN": token,
        "SMP_CHALLENGER_SHARE": "0",
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
    # Both servers run side by side and the phases alternate between them, so a change
    # in background load on the shared cores hits both sides of each ratio alike.
    runs: dict[str, dict[str, list[dict[str, float]]]] = {
        "ours": {"closed": [], "fixed": []},
        "mlflow": {"closed": [], "fixed": []},
    }
    with scoring_service(env, workdir / "ours.log") as (base, _):
        proc = spawn(
            argv_serve, workdir / "mlflow-serve.log", {"MLFLOW_TRACKING_URI": uri, "PATH": path}
        )
        try:
            wait_http(
                f"http://127.0.0.1:{port}/ping",
                proc,
                timeout=180,
                log=workdir / "mlflow-serve.log",
            )
            targets = {
                "ours": (f"{base}/predict", ours_bodies, {"Authorization": f"Bearer {token}"}),
                "mlflow": (f"http://127.0.0.1:{port}/invocations", mlflow_bodies, {}),
            }
            for url, bodies, headers in targets.values():
                asyncio.run(closed_loop(url, bodies, headers, 4, 2.0))  # warm-up
            for n in range(args.rounds):
                order = ("ours", "mlflow") if n % 2 == 0 else ("mlflow", "ours")
                for name in order:
                    url, bodies, headers = targets[name]
                    r = asyncio.run(
                        closed_loop(url, bodies, headers, args.concurrency, args.seconds)
                    )
                    runs[name]["closed"].append({**r, "load": os.getloadavg()[0]})
                for name in order:
                    url, bodies, headers = targets[name]
                    r = asyncio.run(fixed_rate(url, bodies, headers, args.rate, args.seconds))
                    runs[name]["fixed"].append({**r, "load": os.getloadavg()[0]})
        finally:
            stop(proc)

    def table(kind: str) -> None:
        print(
            f"{'':8}{'round':>6}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}{'load1':>7}"
        )
        for name in ("ours", "mlflow"):
            for n, r in enumerate(runs[name][kind]):
                print(
                    f"{name:8}{n + 1:6d}{r['rps']:10.1f}{r['p50']:10.2f}{r['p99']:10.2f}"
                    f"{r['errors']:8.0f}{r['load']:7.2f}"
                )

    print(
        f"\nclosed loop, {args.concurrency} concurrent single-row clients, {args.seconds:.0f}s"
        f" per round ({os.cpu_count()} cores, load1 = 1-minute load average after the phase)"
    )
    table("closed")
    ratios = [
        o["rps"] / m["rps"]
        for o, m in zip(runs["ours"]["closed"], runs["mlflow"]["closed"], strict=True)
    ]
    print(
        "throughput ratio ours/mlflow per round: "
        + ", ".join(f"{r:.2f}x" for r in ratios)
        + f"; median {float(np.median(ratios)):.2f}x (target >= 3x)"
    )
    print(
        f"\nfixed rate {args.rate:.0f} req/s for {args.seconds:.0f}s per round"
        " (ours reads online features; latency from when each request was due)"
    )
    table("fixed")
    p99s = [r["p99"] for r in runs["ours"]["fixed"]]
    print(
        f"ours p99 at {args.rate:.0f} req/s per round: "
        + ", ".join(f"{p:.2f}" for p in p99s)
        + f" ms; median {float(np.median(p99s)):.2f} ms (target <= 25 ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
