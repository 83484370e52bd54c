"""Benchmark: our scoring service vs MLServer (REST and gRPC) and ``mlflow models serve``.

Peers, same registered model, same machine, loopback only:

* ours: the JSON API (``/predict``), the Open Inference Protocol over REST
  (``/v2/models/card-fraud/infer``) and over gRPC, one process;
* MLServer (Seldon's runtime, what KServe runs scikit-learn models on; OIP v2) from its
  own virtualenv (``make mlserver-venv``), in its best configuration for this load:
  adaptive batching on, debug logging off, native thread pools at one thread, and the
  faster of 0 or 1 parallel inference workers, picked by a short trial before the rounds;
* ``mlflow models serve --env-manager local`` (native thread pools at one thread too).

Bounded load:

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
assignment, a durable log write); MLServer and MLflow get the full feature vector.
gRPC is driven the same way: pre-serialized requests on a ``grpc.aio`` channel per
client, no per-call encoding.

    make mlserver-venv
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
from workloads.serving.oip import client as oip
from workloads.training.train import TrainingConfig, train_and_register

MLSERVER_VENV = Path(__file__).resolve().parents[1] / ".mlserver-venv"
# Native thread pools (OpenMP in the gradient-boosting predictor, BLAS) at one thread for
# the peers, as our service limits its scoring thread: with the default pools, idle
# OpenMP workers spin on the shared cores and MLServer fell from ~36 to ~1-5 req/s
# (measured on this 2-core machine).
ONE_NATIVE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
INFER_METHOD = "/inference.GRPCInferenceService/ModelInfer"


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


async def grpc_closed_loop(
    target: str, payloads: list[bytes], metadata: Any, concurrency: int, seconds: float
) -> dict[str, float]:
    """``concurrency`` gRPC clients (one channel each) back to back for ``seconds``."""
    import grpc

    latencies: list[float] = []
    errors = 0
    channels = [grpc.aio.insecure_channel(target) for _ in range(concurrency)]
    calls = [c.unary_unary(INFER_METHOD) for c in channels]  # bytes in, bytes out
    deadline = time.perf_counter() + seconds

    async def client(call: Any, k: int) -> None:
        nonlocal errors
        i = k
        while time.perf_counter() < deadline:
            t0 = time.perf_counter()
            try:
                await call(payloads[i % len(payloads)], metadata=metadata, timeout=30)
            except grpc.aio.AioRpcError:
                errors += 1
            latencies.append(time.perf_counter() - t0)
            i += concurrency

    start = time.perf_counter()
    try:
        await asyncio.gather(*(client(c, k) for k, c in enumerate(calls)))
    finally:
        for c in channels:
            await c.close()
    return _summary(latencies, errors, time.perf_counter() - start)


async def grpc_fixed_rate(
    target: str, payloads: list[bytes], metadata: Any, rate: float, seconds: float
) -> dict[str, float]:
    """``rate * seconds`` gRPC calls, each due at ``start + i/rate``, on 8 channels."""
    import grpc

    latencies: list[float] = []
    errors = 0
    channels = [grpc.aio.insecure_channel(target) for _ in range(8)]
    calls = [c.unary_unary(INFER_METHOD) for c in channels]
    n = int(rate * seconds)

    async def one(i: int, due: float) -> None:
        nonlocal errors
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        try:
            await calls[i % len(calls)](payloads[i % len(payloads)], metadata=metadata, timeout=30)
        except grpc.aio.AioRpcError:
            errors += 1
        latencies.append(time.perf_counter() - due)

    for c in channels:
        await c.channel_ready()
    start = time.perf_counter() + 0.2
    try:
        await asyncio.gather(*(one(i, start + i / rate) for i in range(n)))
    finally:
        for c in channels:
            await c.close()
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


def export_for_mlserver(uri: str, version: str, folder: Path) -> Path:
    """The registered version as ``model.joblib``, the file MLServer's sklearn runtime loads.

    The model is our own, just trained: unpickling it in the peer's process is safe here.
    """
    import joblib

    from workloads.serving.registry_models import load_model

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "model.joblib"
    joblib.dump(load_model(uri, "card-fraud", version=version).model, path)
    return path


def mlserver_config(root: Path, version: str, parallel_workers: int) -> tuple[Path, int, int]:
    """settings.json + model-settings.json for MLServer: (folder, http port, grpc port)."""
    http_port, grpc_port, metrics_port = free_port(), free_port(), free_port()
    (root / "settings.json").write_text(
        json.dumps(
            {
                "debug": False,  # the default is True: per-request debug logging
                "parallel_workers": parallel_workers,
                "host": "127.0.0.1",
                "http_port": http_port,
                "grpc_port": grpc_port,
                "metrics_port": metrics_port,
            }
        )
    )
    (root / "card-fraud" / "model-settings.json").write_text(
        json.dumps(
            {
                "name": "card-fraud",
                "implementation": "mlserver_sklearn.SKLearnModel",
                # Adaptive batching: up to 16 requests, waiting at most 1 ms to fill a batch.
                "max_batch_size": 16,
                "max_batch_time": 0.001,
                "parameters": {
                    "uri": "./model.joblib",
                    "version": version,
                    "extra": {"predict_fn": "predict_proba"},
                },
            }
        )
    )
    return root, http_port, grpc_port


def start_mlserver(root: Path, log: Path) -> Any:
    """``mlserver start`` from its own virtualenv (its pins conflict with ours)."""
    binary = MLSERVER_VENV / "bin" / "mlserver"
    if not binary.exists():
        raise SystemExit("MLServer is not installed: run `make mlserver-venv` first")
    path = f"{binary.parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return spawn([str(binary), "start", str(root)], log, {"PATH": path, **ONE_NATIVE_THREAD})


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and all its children (MLServer's workers,
    mlflow's uvicorn): per request, a cost the load on a shared machine hardly moves."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0.0
    for proc in procs:
        try:
            times = proc.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            continue
    return total


def _median(runs: list[dict[str, float]], key: str) -> float:
    return float(np.median([r[key] for r in runs]))


def main(argv: list[str] | None = None) -> int:
    """Run every peer under the same loads, alternating, and print the comparison."""
    import grpc

    from workloads.serving.oip import grpc_predict_v2_pb2 as pb

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workdir", default="build/bench-serving")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10.0)
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
    vectors = encode_frame(sample)
    mlflow_bodies = [{"inputs": [row.tolist()]} for row in vectors]
    mlserver_bodies = [
        {
            "inputs": [
                {
                    "name": "input-0",
                    "shape": [1, len(row)],
                    "datatype": "FP64",
                    "data": row.tolist(),
                }
            ],
            "outputs": [{"name": "predict_proba"}],
        }
        for row in vectors
    ]
    mlserver_grpc = [
        pb.ModelInferRequest(
            model_name="card-fraud",
            inputs=[
                pb.ModelInferRequest.InferInputTensor(
                    name="input-0",
                    datatype="FP64",
                    shape=[1, len(row)],
                    contents=pb.InferTensorContents(fp64_contents=row.tolist()),
                )
            ],
            outputs=[pb.ModelInferRequest.InferRequestedOutputTensor(name="predict_proba")],
        ).SerializeToString()
        for row in vectors
    ]
    ours_rest = [oip.rest_request([b]) for b in ours_bodies]
    ours_grpc = [oip.grpc_request([b], "card-fraud").SerializeToString() for b in ours_bodies]
    token = secrets.token_urlsafe(32)
    auth = {"Authorization": f"Bearer {token}"}
    env = {
        "SMP_MLFLOW_TRACKING_URI": uri,
        "SMP_FEATURE_REPO": str(repo),
        "SMP_PREDICTION_LOG_URI": str(workdir / "prediction-log"),
        "SMP_AUTH_TOKEN": token,
        "SMP_CHALLENGER_SHARE": "0",
    }
    mlflow_port = free_port()
    mlflow_bin = str(Path(sys.executable).with_name("mlflow"))
    argv_serve = [
        mlflow_bin,
        "models",
        "serve",
        "-m",
        f"models:/card-fraud/{version}",
        "--env-manager",
        "local",
        "-h",
        "127.0.0.1",
        "-p",
        str(mlflow_port),
    ]
    # mlflow models serve execs `uvicorn` through the shell: it must be on PATH.
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    ml_root = workdir / "mlserver"
    export_for_mlserver(uri, version, ml_root / "card-fraud")

    # MLServer's best configuration for this load: 0 or 1 parallel inference workers,
    # whichever serves more single-row requests in a short trial.
    trial: dict[int, float] = {}
    for workers in (0, 1):
        root, http_port, _ = mlserver_config(ml_root, version, workers)
        log = workdir / f"mlserver-trial-{workers}.log"
        proc = start_mlserver(root, log)
        try:
            url = f"http://127.0.0.1:{http_port}"
            try:
                wait_http(f"{url}/v2/models/card-fraud/ready", proc, timeout=180, log=log)
            except (RuntimeError, TimeoutError) as exc:
                print(
                    f"MLServer with parallel_workers={workers} did not start: "
                    f"{str(exc).splitlines()[0]} (see {log})",
                    flush=True,
                )
                continue
            target = f"{url}/v2/models/card-fraud/infer"
            asyncio.run(closed_loop(target, mlserver_bodies, {}, 4, 2.0))
            trial[workers] = asyncio.run(
                closed_loop(target, mlserver_bodies, {}, args.concurrency, args.seconds / 2)
            )["rps"]
        finally:
            stop(proc)
    if not trial:
        raise SystemExit("MLServer did not start in any configuration")
    best_workers = max(trial, key=lambda w: trial[w])
    print(
        "MLServer trial, req/s by parallel_workers: "
        + ", ".join(f"{w}: {r:.0f}" for w, r in trial.items())
        + f" -> using {best_workers}",
        flush=True,
    )

    kinds = ("closed", "fixed")
    names = (
        "ours-json",
        "ours-oip-rest",
        "ours-oip-grpc",
        "mlserver-rest",
        "mlserver-grpc",
        "mlflow",
    )
    runs: dict[str, dict[str, list[dict[str, float]]]] = {n: {k: [] for k in kinds} for n in names}
    grpc_port = free_port()
    with scoring_service(env, workdir / "ours.log", grpc_port=grpc_port) as (base, ours_proc):
        root, ml_http, ml_grpc = mlserver_config(ml_root, version, best_workers)
        ml_proc = start_mlserver(root, workdir / "mlserver.log")
        mlflow_proc = spawn(
            argv_serve,
            workdir / "mlflow-serve.log",
            {"MLFLOW_TRACKING_URI": uri, "PATH": path, **ONE_NATIVE_THREAD},
        )
        try:
            wait_http(
                f"http://127.0.0.1:{ml_http}/v2/models/card-fraud/ready",
                ml_proc,
                timeout=180,
                log=workdir / "mlserver.log",
            )
            wait_http(
                f"http://127.0.0.1:{mlflow_port}/ping",
                mlflow_proc,
                timeout=180,
                log=workdir / "mlflow-serve.log",
            )
            grpc_auth = (("authorization", f"Bearer {token}"),)
            http_targets = {
                "ours-json": (f"{base}/predict", ours_bodies, auth),
                "ours-oip-rest": (f"{base}/v2/models/card-fraud/infer", ours_rest, auth),
                "mlserver-rest": (
                    f"http://127.0.0.1:{ml_http}/v2/models/card-fraud/infer",
                    mlserver_bodies,
                    {},
                ),
                "mlflow": (f"http://127.0.0.1:{mlflow_port}/invocations", mlflow_bodies, {}),
            }
            grpc_targets = {
                "ours-oip-grpc": (f"127.0.0.1:{grpc_port}", ours_grpc, grpc_auth),
                "mlserver-grpc": (f"127.0.0.1:{ml_grpc}", mlserver_grpc, None),
            }

            pids = {
                "ours-json": ours_proc.pid,
                "ours-oip-rest": ours_proc.pid,
                "ours-oip-grpc": ours_proc.pid,
                "mlserver-rest": ml_proc.pid,
                "mlserver-grpc": ml_proc.pid,
                "mlflow": mlflow_proc.pid,
            }

            def load(name: str, kind: str, seconds: float, concurrency: int) -> dict[str, float]:
                before = tree_cpu_seconds(pids[name])
                result = drive(name, kind, seconds, concurrency)
                spent = tree_cpu_seconds(pids[name]) - before
                return {**result, "cpu_ms": 1000 * spent / max(result["n"], 1)}

            def drive(name: str, kind: str, seconds: float, concurrency: int) -> dict[str, float]:
                if name in http_targets:
                    url, bodies, headers = http_targets[name]
                    if kind == "closed":
                        return asyncio.run(closed_loop(url, bodies, headers, concurrency, seconds))
                    return asyncio.run(fixed_rate(url, bodies, headers, args.rate, seconds))
                target, payloads, metadata = grpc_targets[name]
                if kind == "closed":
                    return asyncio.run(
                        grpc_closed_loop(target, payloads, metadata, concurrency, seconds)
                    )
                return asyncio.run(grpc_fixed_rate(target, payloads, metadata, args.rate, seconds))

            for name in names:  # warm-up, and a check that every peer answers
                warm = load(name, "closed", 2.0, 4)
                if warm["errors"]:
                    raise SystemExit(f"{name}: {warm['errors']:.0f} errors during warm-up")
            for n in range(args.rounds):
                order = names if n % 2 == 0 else tuple(reversed(names))
                for kind in kinds:
                    for name in order:
                        r = load(name, kind, args.seconds, args.concurrency)
                        runs[name][kind].append({**r, "load": os.getloadavg()[0]})
                print(f"round {n + 1}/{args.rounds} done", flush=True)
        finally:
            stop(mlflow_proc)
            stop(ml_proc)
    _ = grpc  # imported for the aio client above
    report(runs, names, args, best_workers)
    return 0


def report(
    runs: dict[str, dict[str, list[dict[str, float]]]],
    names: tuple[str, ...],
    args: argparse.Namespace,
    mlserver_workers: int,
) -> None:
    """Tables of every peer (median of the rounds) and the ratios per round."""
    print(
        f"\n{os.cpu_count()} cores, {args.rounds} alternating rounds of {args.seconds:.0f}s "
        f"per peer and load; MLServer: adaptive batching (16 rows, 1 ms), debug off, "
        f"parallel_workers={mlserver_workers}"
    )
    for kind, title in (
        ("closed", f"closed loop, {args.concurrency} concurrent single-row clients"),
        ("fixed", f"fixed rate {args.rate:.0f} req/s (latency from when due)"),
    ):
        print(f"\n{title} (median of rounds)")
        print(
            f"{'':16}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}"
            f"{'server CPU ms/req':>19}"
        )
        for name in names:
            rs = runs[name][kind]
            print(
                f"{name:16}{_median(rs, 'rps'):10.1f}{_median(rs, 'p50'):10.2f}"
                f"{_median(rs, 'p99'):10.2f}{sum(r['errors'] for r in rs):8.0f}"
                f"{_median(rs, 'cpu_ms'):19.2f}"
            )

    def ratios(a: str, b: str) -> list[float]:
        return [
            x["rps"] / y["rps"] for x, y in zip(runs[a]["closed"], runs[b]["closed"], strict=True)
        ]

    print("\nthroughput ratios per round (closed loop):")
    for a, b, target in (
        ("ours-json", "mlserver-rest", 2.0),
        ("ours-oip-rest", "mlserver-rest", 2.0),
        ("ours-oip-grpc", "mlserver-grpc", 2.0),
        ("ours-json", "mlflow", 5.0),
    ):
        rs = ratios(a, b)
        med = float(np.median(rs))
        cpu = float(
            np.median(
                [
                    y["cpu_ms"] / x["cpu_ms"]
                    for x, y in zip(runs[a]["closed"], runs[b]["closed"], strict=True)
                ]
            )
        )
        print(
            f"  {a} / {b}: "
            + ", ".join(f"{r:.2f}x" for r in rs)
            + f"; median {med:.2f}x (target >= {target:.0f}x: "
            + ("met" if med >= target else "NOT met")
            + f"); server CPU per request "
            f"{cpu:.2f}x less"
        )
    print("\nlatency targets (ours, median of rounds; target p99 <= 10 ms):")
    for name in ("ours-json", "ours-oip-rest", "ours-oip-grpc"):
        closed = _median(runs[name]["closed"], "p99")
        fixed = _median(runs[name]["fixed"], "p99")
        print(
            f"  {name}: closed-loop p99 {closed:.2f} ms ("
            + ("met" if closed <= 10 else "NOT met")
            + f"), p99 at {args.rate:.0f} req/s "
            + f"{fixed:.2f} ms ("
            + ("met" if fixed <= 10 else "NOT met")
            + ")"
        )


if __name__ == "__main__":
    sys.exit(main())
