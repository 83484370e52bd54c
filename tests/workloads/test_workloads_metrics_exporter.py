"""The registry's metrics sidecar serves what another process recorded in multiprocess mode."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from workloads.metrics_exporter import main

WRITER = """
from prometheus_client import Counter
c = Counter("mlflow_http_request_total", "requests", ["method", "status"])
c.labels("GET", "200").inc(3)
c.labels("POST", "403").inc()
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _scrape(port: int) -> str:
    deadline = time.monotonic() + 10
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=2) as r:
                return r.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_serves_the_metrics_another_process_recorded(tmp_path: Path) -> None:
    directory = tmp_path / "metrics"
    directory.mkdir()
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(directory)}
    subprocess.run([sys.executable, "-c", WRITER], env=env, check=True)
    port, stop = _free_port(), threading.Event()
    server = threading.Thread(
        target=main,
        args=(["--dir", str(directory), "--port", str(port), "--host", "127.0.0.1"], stop),
    )
    server.start()
    try:
        text = _scrape(port)
        assert 'mlflow_http_request_total{method="GET",status="200"} 3.0' in text
        assert 'mlflow_http_request_total{method="POST",status="403"} 1.0' in text
        # A later write by the server shows up on the next scrape (read per scrape).
        subprocess.run([sys.executable, "-c", WRITER], env=env, check=True)
        assert 'mlflow_http_request_total{method="GET",status="200"} 6.0' in _scrape(port)
    finally:
        stop.set()
        server.join(timeout=10)
    assert not server.is_alive()


def test_creates_a_missing_directory(tmp_path: Path) -> None:
    stop = threading.Event()
    stop.set()  # returns as soon as it is serving
    directory = tmp_path / "not-yet"
    assert (
        main(["--dir", str(directory), "--port", str(_free_port()), "--host", "127.0.0.1"], stop)
        == 0
    )
    assert directory.is_dir()
