"""Run the MLflow tracking server and the scoring service as local subprocesses.

Used by the demo, the tests and the benchmarks.  Each process gets its own
session so that it and its workers are stopped together; ``stop`` sends
SIGTERM, waits, then SIGKILL.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import httpx


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stop(proc: subprocess.Popen[bytes], timeout: float = 15.0) -> int | None:
    """Stop ``proc`` and its session: SIGTERM, wait, then SIGKILL."""
    if proc.poll() is not None:
        return proc.returncode
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return proc.poll()
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        return proc.wait(timeout=5)


def wait_http(
    url: str, proc: subprocess.Popen[bytes], timeout: float, log: Path | None = None
) -> None:
    """Poll ``url`` until it answers 200; fail early if ``proc`` exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log.read_text()[-3000:] if log and log.exists() else ""
            raise RuntimeError(f"process exited with {proc.returncode} before {url} was up\n{tail}")
        try:
            if httpx.get(url, timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise TimeoutError(f"{url} not ready after {timeout:.0f}s")


def spawn(argv: list[str], log: Path, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """Start ``argv`` in its own session with stdout/stderr to ``log``."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as out:
        return subprocess.Popen(  # noqa: S603 - argv built by our own code
            argv,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
            start_new_session=True,
        )


@contextmanager
def mlflow_server(workdir: Path, port: int | None = None) -> Iterator[str]:
    """A real MLflow tracking server (SQLite backend, local artifact store); yields its URI."""
    port = port or free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    mlflow_bin = str(Path(sys.executable).with_name("mlflow"))
    argv = [
        mlflow_bin,
        "server",
        "--backend-store-uri",
        f"sqlite:///{(workdir / 'mlflow.db').resolve()}",
        "--artifacts-destination",
        str((workdir / "artifacts").resolve()),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        "1",
    ]
    log = workdir / "mlflow-server.log"
    proc = spawn(argv, log, {"MLFLOW_DISABLE_TELEMETRY": "true"})
    try:
        wait_http(f"http://127.0.0.1:{port}/health", proc, timeout=120, log=log)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(proc)


@contextmanager
def scoring_service(
    env: dict[str, str],
    log: Path,
    port: int | None = None,
    ready_timeout: float = 120,
    grpc_port: int | None = None,
    extra_args: list[str] | None = None,
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``python -m workloads.serving`` under uvicorn on loopback; yields (base URL, process).

    With ``grpc_port`` the Open Inference Protocol's gRPC listener runs on that port too
    (it is up once ``/healthz`` answers: both start before the HTTP server serves).
    """
    port = port or free_port()
    argv = [sys.executable, "-m", "workloads.serving", "--host", "127.0.0.1", "--port", str(port)]
    argv += ["--log-level", "warning"]
    if grpc_port is not None:
        argv += ["--grpc-port", str(grpc_port)]
    argv += extra_args or []
    proc = spawn(argv, log, env)
    try:
        wait_http(f"http://127.0.0.1:{port}/healthz", proc, timeout=ready_timeout, log=log)
        yield f"http://127.0.0.1:{port}", proc
    finally:
        stop(proc)
