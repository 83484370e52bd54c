"""Starting the scoring service as a real process: registry down or silent, SIGTERM while
starting, a missing alias, ``--help``. None of these needs the model lifecycle except the
missing-alias case (an empty SQLite registry)."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import TOKEN

from workloads.local_processes import free_port, spawn, stop

pytestmark = pytest.mark.timeout(120)


def _argv() -> list[str]:
    return [
        sys.executable,
        "-m",
        "workloads.serving",
        "--host",
        "127.0.0.1",
        "--port",
        str(free_port()),
        "--log-level",
        "warning",
    ]


def _env(tmp: Path, tracking_uri: str, **extra: str) -> dict[str, str]:
    repo = tmp / "repo"
    repo.mkdir(exist_ok=True)
    return {
        "SMP_MLFLOW_TRACKING_URI": tracking_uri,
        "SMP_FEATURE_REPO": str(repo),
        "SMP_PREDICTION_LOG_URI": str(tmp / "log"),
        "SMP_AUTH_TOKEN": TOKEN,
        **extra,
    }


@pytest.fixture
def silent_registry() -> Iterator[str]:
    """A TCP listener that accepts connections and never answers (a hung registry)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []
    done = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not done.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        done.set()
        thread.join(timeout=5)
        for s in held:
            s.close()
        listener.close()


def _run(argv: list[str], env: dict[str, str], log: Path, timeout: float) -> tuple[int, str, float]:
    started = time.monotonic()
    proc = spawn(argv, log, env)
    try:
        code = proc.wait(timeout=timeout)
    finally:
        stop(proc)
    return code, log.read_text(), time.monotonic() - started


def test_unreachable_registry_fails_fast_naming_the_setting(tmp_path: Path) -> None:
    closed = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    env = _env(tmp_path, closed, SMP_REGISTRY_TIMEOUT_SECONDS="3")
    code, out, elapsed = _run(_argv(), env, tmp_path / "out.log", timeout=60)
    assert code == 1, out
    assert "SMP_MLFLOW_TRACKING_URI" in out
    assert closed in out
    assert "did not answer within 3s" in out
    assert "champion" not in out, "an unreachable registry is not a missing alias"
    assert "Traceback" not in out
    assert elapsed < 25  # 3 s budget plus interpreter start-up and imports on a busy machine


def test_a_registry_that_never_answers_is_bounded_too(tmp_path: Path, silent_registry: str) -> None:
    env = _env(tmp_path, silent_registry, SMP_REGISTRY_TIMEOUT_SECONDS="2")
    code, out, elapsed = _run(_argv(), env, tmp_path / "out.log", timeout=60)
    assert code == 1, out
    assert "did not answer within 2s (ReadTimeout)" in out
    assert elapsed < 25


def test_sigterm_during_startup_stops_at_once(tmp_path: Path, silent_registry: str) -> None:
    env = _env(tmp_path, silent_registry, SMP_REGISTRY_TIMEOUT_SECONDS="300")
    log = tmp_path / "out.log"
    proc = spawn(_argv(), log, env)
    try:
        time.sleep(6)  # imports done, waiting on the registry
        assert proc.poll() is None, log.read_text()
        sent = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=10)
        assert time.monotonic() - sent < 5
    finally:
        stop(proc)
    assert code == 143, log.read_text()
    assert "startup interrupted by SIGTERM" in log.read_text()


def test_a_missing_alias_is_named_as_such(tmp_path: Path) -> None:
    from mlflow import MlflowClient

    uri = f"sqlite:///{tmp_path / 'empty.db'}"
    MlflowClient(tracking_uri=uri, registry_uri=uri).create_registered_model("card-fraud")
    code, out, _ = _run(_argv(), _env(tmp_path, uri), tmp_path / "out.log", timeout=90)
    assert code == 2, out
    assert "model 'card-fraud' alias 'champion' does not exist" in out
    assert "Traceback" not in out


def test_bad_settings_exit_2_naming_the_variable(tmp_path: Path) -> None:
    env = _env(tmp_path, "sqlite:///x.db", SMP_QUEUE_DEADLINE_MS="soon")
    code, out, _ = _run(_argv(), env, tmp_path / "out.log", timeout=60)
    assert code == 2
    assert "SMP_QUEUE_DEADLINE_MS must be a float, got 'soon'" in out


def test_help_lists_every_smp_setting() -> None:
    from workloads.serving.settings import SETTINGS

    out = subprocess.run(
        [sys.executable, "-m", "workloads.serving", "--help"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    for setting in SETTINGS:
        assert setting.env in out, setting.env
    assert "--grpc-port" in out
    assert "--batch-profile" in out
