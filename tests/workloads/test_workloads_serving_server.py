"""The scoring service as a real uvicorn process on 127.0.0.1, with Redis as the online store."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import TOKEN, Lifecycle, RedisServer

from workloads.local_processes import free_port, scoring_service
from workloads.serving.prediction_log import read_log

AUTH = {"Authorization": f"Bearer {TOKEN}"}
BODY = {
    "card_id": 100002,
    "amount": 99.0,
    "merchant_category": "electronics",
    "channel": "online",
    "hour_of_day": 2,
    "distance_from_home_km": 120.0,
}

pytestmark = pytest.mark.timeout(240)


@pytest.fixture(scope="module")
def server(
    lifecycle: Lifecycle, redis_repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, subprocess.Popen[bytes], Path, Path]]:
    root = tmp_path_factory.mktemp("server")
    token_file = root / "token"
    token_file.write_text(TOKEN)
    env = {
        "SMP_MLFLOW_TRACKING_URI": lifecycle.tracking_uri,
        "SMP_FEATURE_REPO": str(redis_repo),
        "SMP_PREDICTION_LOG_URI": str(root / "log"),
        "SMP_AUTH_TOKEN_FILE": str(token_file),
        "SMP_CHALLENGER_SHARE": "0.5",
        "SMP_LOG_ROTATE_RECORDS": "200",
    }
    log = root / "server.log"
    with scoring_service(env, log, port=free_port()) as (url, proc):
        yield url, proc, root / "log", log


def test_real_server_scores_with_auth(
    server: tuple[str, subprocess.Popen[bytes], Path, Path],
) -> None:
    url, _, _, log = server
    assert httpx.post(f"{url}/predict", json=BODY).status_code == 401
    r = httpx.post(f"{url}/predict", json=BODY, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["variant"] in ("champion", "challenger")
    bad = httpx.post(f"{url}/predict", json={**BODY, "amount": "lots"}, headers=AUTH)
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "amount"
    assert "smp_prediction_requests_total" in httpx.get(f"{url}/metrics", headers=AUTH).text
    assert TOKEN not in log.read_text()


def test_redis_outage_is_503_and_the_service_recovers(
    server: tuple[str, subprocess.Popen[bytes], Path, Path], redis_server: RedisServer
) -> None:
    url, proc, _, _ = server
    redis_server.stop()
    try:
        started = time.monotonic()
        r = httpx.post(f"{url}/predict", json=BODY, headers=AUTH, timeout=10)
        assert r.status_code == 503
        assert "feature store unavailable" in r.json()["detail"]
        assert time.monotonic() - started < 5
        assert httpx.get(f"{url}/readyz", timeout=10).status_code == 503
        assert proc.poll() is None
    finally:
        redis_server.start()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        r = httpx.post(f"{url}/predict", json=BODY, headers=AUTH, timeout=10)
        if r.status_code == 200:
            break
        time.sleep(0.2)
    assert r.status_code == 200, r.text
    assert httpx.get(f"{url}/readyz").status_code == 200


def test_sigterm_under_load_loses_no_acknowledged_prediction(
    server: tuple[str, subprocess.Popen[bytes], Path, Path],
) -> None:
    url, proc, log_dir, _ = server
    acknowledged: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()

    def client(offset: int) -> None:
        with httpx.Client(base_url=url, headers=AUTH, timeout=10) as c:
            i = 0
            while not stop.is_set():
                try:
                    r = c.post(
                        "/predict", json={**BODY, "card_id": 100000 + (offset * 37 + i) % 300}
                    )
                except httpx.HTTPError:
                    return  # the server went away: nothing more is acknowledged
                if r.status_code == 200:
                    with lock:
                        acknowledged.append(r.json()["prediction_id"])
                i += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 30
    while len(acknowledged) < 300 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGTERM)
    # uvicorn shuts down gracefully, then re-raises the signal it caught: -15 is a clean exit.
    assert proc.wait(timeout=60) in (0, -signal.SIGTERM)
    stop.set()
    for t in threads:
        t.join(timeout=30)
    assert len(acknowledged) >= 300
    logged = set(read_log(str(log_dir), "predictions")["prediction_id"])
    missing = set(acknowledged) - logged
    assert not missing, f"{len(missing)} acknowledged predictions missing from the log"
    assert not list(log_dir.rglob("*.open")), "segments were not sealed on shutdown"
