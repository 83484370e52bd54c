"""Fixtures for the workload tests: one small lifecycle per session, a real Redis server."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.support.azurite import AZURITE_INSTALL_HINT, AzuriteUnavailable, azurite_binary
from workloads.data import SyntheticDataset, generate, write_dataset
from workloads.feature_repo import store_config
from workloads.feature_repo.materialization import feast_apply, materialize
from workloads.local_processes import free_port, spawn, stop
from workloads.training.train import TrainingConfig, TrainingResult, train_and_register

START = datetime(2025, 1, 1, tzinfo=UTC)
DAYS = 45
AS_OF = START + timedelta(days=DAYS)
TOKEN = "test-token-" + "s3cr3t" * 4

os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")
os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")


@dataclass
class Lifecycle:
    """A small applied feature repo with two registered models."""

    root: Path
    data: SyntheticDataset
    source: str
    repo: Path
    tracking_uri: str
    champion: TrainingResult
    challenger: TrainingResult


@pytest.fixture(scope="session")
def lifecycle(tmp_path_factory: pytest.TempPathFactory) -> Lifecycle:
    """Data → feast apply → materialize (SQLite) → champion + challenger in a SQLite registry."""
    root = tmp_path_factory.mktemp("lifecycle")
    data = generate(n_cards=250, days=DAYS, seed=11, start=START)
    source = write_dataset(data, str(root / "data"))["card_features"]
    repo = store_config.write_repo(root / "repo", store_config.local_config(root / "feast"))
    feast_apply(repo, source)
    materialize(repo, START - timedelta(days=1), AS_OF + timedelta(days=1))
    tracking_uri = f"sqlite:///{root / 'mlflow.db'}"
    common = {
        "repo_dir": repo,
        "transactions": data.transactions,
        "as_of": AS_OF,
        "tracking_uri": tracking_uri,
        "artifact_location": str(root / "artifacts"),
        "seed": 3,
        "eval_days": 5,
    }
    champion = train_and_register(TrainingConfig(**common, model_kind="hist_gbt"))
    # A margin no model can clear keeps the second model a challenger, so serving has two variants.
    challenger = train_and_register(
        TrainingConfig(**common, model_kind="logistic", promotion_margin=1.0)
    )
    return Lifecycle(root, data, source, repo, tracking_uri, champion, challenger)


@dataclass
class RedisServer:
    """A redis-server process on a loopback port with its own data directory."""

    port: int
    workdir: Path
    proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start (or restart) the server; data persists across restarts (AOF)."""
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.fail(
                "redis-server is not on PATH; the Feast online-store tests need a real Redis: "
                "apt-get install redis-server"
            )
        argv = [
            binary,
            "--port", str(self.port),
            "--bind", "127.0.0.1",
            "--dir", str(self.workdir),
            "--save", "",
            "--appendonly", "yes",
            "--appendfsync", "always",
        ]  # fmt: skip
        self.proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        import redis

        while time.monotonic() < deadline:
            try:
                if redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=0.5).ping():
                    return
            except redis.exceptions.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not come up")

    def stop(self) -> None:
        """Kill the server (abruptly, like an outage)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.proc = None


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """A real Redis on a free loopback port; killed after the session."""
    server = RedisServer(port=free_port(), workdir=tmp_path_factory.mktemp("redis"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def redis_repo(
    lifecycle: Lifecycle, redis_server: RedisServer, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The feature repo with Redis as its online store: applied and materialized."""
    root = tmp_path_factory.mktemp("redis-repo")
    config = store_config.redis_config(root / "feast", "127.0.0.1", redis_server.port)
    repo = store_config.write_repo(root / "repo", config)
    feast_apply(repo, lifecycle.source)
    materialize(repo, START - timedelta(days=1), AS_OF + timedelta(days=1))
    return repo


# -- Azurite (the Azure Blob emulator) ---------------------------------------------

# Azurite's single built-in account and its published, well-known development key.
AZURITE_ACCOUNT = "devstoreaccount1"
AZURITE_KEY = (
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
)


@dataclass(frozen=True)
class AzuriteBlob:
    """A running Azurite blob service on a loopback port."""

    port: int

    @property
    def connection_string(self) -> str:
        """The emulator's connection string (plain HTTP, the well-known account key)."""
        return (
            f"DefaultEndpointsProtocol=http;AccountName={AZURITE_ACCOUNT};"
            f"AccountKey={AZURITE_KEY};"
            f"BlobEndpoint=http://127.0.0.1:{self.port}/{AZURITE_ACCOUNT};"
        )


def _azurite_binary() -> Path:
    """``azurite-blob``, installed into build/azurite when missing; fails (never skips)."""
    try:
        return azurite_binary()
    except AzuriteUnavailable as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="session")
def azurite_blob(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AzuriteBlob]:
    """A real Azurite blob service (in-memory); a missing emulator fails, never skips."""
    binary = _azurite_binary()
    log = tmp_path_factory.mktemp("azurite-blob") / "azurite.log"
    port = free_port()
    proc = spawn(
        [
            str(binary),
            "--blobHost",
            "127.0.0.1",
            "--blobPort",
            str(port),
            "--inMemoryPersistence",
            "--skipApiVersionCheck",
            "--loose",
        ],
        log,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(
                    f"Azurite exited with {proc.returncode}: {log.read_text()[-2000:]}; "
                    f"{AZURITE_INSTALL_HINT}"
                )
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if time.monotonic() > deadline:
                pytest.fail(f"Azurite did not listen on {port} within 60s; {AZURITE_INSTALL_HINT}")
            time.sleep(0.2)
        yield AzuriteBlob(port)
    finally:
        stop(proc)


MOTO_REGION = "me-central-1"


@dataclass(frozen=True)
class MotoServer:
    """moto's AWS server on a loopback port, with the test credentials in the environment."""

    endpoint: str

    @property
    def env(self) -> dict[str, str]:
        """What a subprocess needs to reach it (our code and MLflow's S3 client)."""
        return {
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": MOTO_REGION,
            "SMP_S3_ENDPOINT_URL": self.endpoint,
            "MLFLOW_S3_ENDPOINT_URL": self.endpoint,
        }

    def client(self, service: str = "s3") -> Any:
        """A boto3 client of ``service`` in the stack's region, against this server."""
        import boto3

        return boto3.client(service, region_name=MOTO_REGION, endpoint_url=self.endpoint)

    def bucket(self, name: str) -> Any:
        """An in-region bucket (created once; moto keeps one backend per process)."""
        client = self.client()
        if name not in {b["Name"] for b in client.list_buckets().get("Buckets", [])}:
            client.create_bucket(
                Bucket=name, CreateBucketConfiguration={"LocationConstraint": MOTO_REGION}
            )
        return client


@pytest.fixture(scope="module")
def moto_server() -> Iterator[MotoServer]:
    """A real moto server for one test module; the environment is restored afterwards."""
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    moto = MotoServer(f"http://127.0.0.1:{port}")
    try:
        with pytest.MonkeyPatch.context() as patch:
            for key, value in moto.env.items():
                patch.setenv(key, value)
            yield moto
    finally:
        server.stop()
