"""The container commands of ``workloads.entrypoints``, run as the cluster runs them.

Every process here is started from the argv a builder returns (only ``python`` becomes
this interpreter; ``mlflow`` is found on PATH, the virtualenv's ``bin`` first): the MLflow
server with basic auth and TLS, the registry-access job, materialization, training, the
drift monitor and the A/B analysis. The registry is then probed over HTTPS with each
user's credentials to prove what the grants allow and deny.

The grants are the cluster's own (``components.k8s.registry.registry_grants``) plus one
test-only user; the server runs the exact argv, basic auth included (the workloads lock
carries Flask-WTF and prometheus-flask-exporter, as the registry image does).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pandas as pd
import pytest

from components.k8s.registry import registry_grants
from workloads import schema
from workloads.contract import commands
from workloads.data import STATED_COVARIATE_SHIFT, DriftSpec, generate, write_dataset
from workloads.local_processes import free_port, spawn, stop

ADMIN = "smp-admin"  # components.k8s.registry.auth_config's admin_username
MODEL = "card-fraud"
GRANTS = registry_grants(MODEL)
# EDIT on the model, to prove what EDIT may not do (delete an alias, as promotion does).
GRANTS["users"]["model-editor"] = {"experiment": "READ", "model": "EDIT"}
STRANGER = "stranger"  # on the server, in no grant
VENV_BIN = str(Path(sys.executable).parent)


def _argv(argv: list[str]) -> list[str]:
    """The builder's argv with ``python`` replaced by this interpreter, nothing else."""
    return [sys.executable if a == commands.PYTHON else a for a in argv]


def _run(argv: list[str], env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        _argv(argv),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, "PATH": f"{VENV_BIN}:{os.environ.get('PATH', '')}", **env},
    )


def _write_tls(directory: Path) -> tuple[Path, Path, Path]:
    """A throwaway CA and a server certificate for 127.0.0.1/localhost: (ca, cert, key)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "smp-test-ca")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(True, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "mlflow")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = directory / "ca.crt", directory / "tls.crt", directory / "tls.key"
    directory.mkdir(parents=True, exist_ok=True)
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


@dataclass
class Registry:
    """The running server and everything a client of it needs."""

    uri: str
    ca: Path
    admin_password: str
    grants_file: Path
    passwords_dir: Path
    log: Path

    def env(self, user: str) -> dict[str, str]:
        """MLflow's standard client environment for ``user``."""
        password = (
            self.admin_password
            if user == ADMIN
            else (self.passwords_dir / user).read_text().rstrip("\n")
        )
        return {
            "MLFLOW_TRACKING_USERNAME": user,
            "MLFLOW_TRACKING_PASSWORD": password,
            "MLFLOW_TRACKING_SERVER_CERT_PATH": str(self.ca),
        }

    def tls(self) -> ssl.SSLContext:
        """A client TLS context trusting the test CA."""
        return ssl.create_default_context(cafile=str(self.ca))

    def call(self, user: str, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """One REST call as ``user`` (HTTPS, verified against the test CA)."""
        env = self.env(user)
        auth = (env["MLFLOW_TRACKING_USERNAME"], env["MLFLOW_TRACKING_PASSWORD"])
        return httpx.request(
            method,
            f"{self.uri}{path}",
            auth=auth,
            verify=self.tls(),
            timeout=60,
            **kwargs,
        )

    def access(self, grants_file: Path | None = None) -> subprocess.CompletedProcess:
        """The registry-access job as the admin."""
        argv = commands.registry_access(
            tracking_uri=self.uri,
            grants_file=str(grants_file or self.grants_file),
            passwords_dir=str(self.passwords_dir),
        )
        return _run(argv, self.env(ADMIN))


def _password(user: str, generation: int = 0) -> str:
    return f"pw-{user}-{generation}-" + "x" * 12


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    """``mlflow server`` from ``commands.mlflow_server``: basic auth, TLS, SQLite stores."""
    from components.k8s.registry import auth_config

    root = tmp_path_factory.mktemp("registry")
    ca, cert, key = _write_tls(root / "tls")
    admin_password = "admin-" + "s3cr3t" * 4
    # The cluster's auth config (with its credential cache) on a local database.
    config = auth_config(f"sqlite:///{root / 'auth.db'}", admin_password)
    (root / "basic_auth.ini").write_text(config)
    port = free_port()
    argv = commands.mlflow_server(
        port=port,
        artifacts_destination=str(root / "artifacts"),
        tls_cert=str(cert),
        tls_key=str(key),
        metrics_dir=str(root / "metrics"),
        allowed_hosts=[f"127.0.0.1:{port}", f"localhost:{port}"],
    )
    env = {
        "PATH": f"{VENV_BIN}:{os.environ.get('PATH', '')}",
        "MLFLOW_BACKEND_STORE_URI": f"sqlite:///{root / 'mlflow.db'}",
        "MLFLOW_AUTH_CONFIG_PATH": str(root / "basic_auth.ini"),
        "MLFLOW_FLASK_SERVER_SECRET_KEY": "flask-" + "k" * 32,
        # One uvicorn worker instead of four: the test machine has two shared cores.
        "MLFLOW_WORKERS": "1",
        "MLFLOW_DISABLE_TELEMETRY": "true",
    }
    log = root / "server.log"
    proc = spawn(_argv(argv), log, env)
    uri = f"https://127.0.0.1:{port}"
    passwords = root / "passwords"
    passwords.mkdir()
    for user in [*GRANTS["users"], STRANGER]:
        (passwords / user).write_text(_password(user) + "\n")  # Secrets often end in a newline
    grants_file = root / "grants.json"
    grants_file.write_text(json.dumps(GRANTS))
    tls = ssl.create_default_context(cafile=str(ca))
    try:
        deadline = dt.datetime.now() + dt.timedelta(seconds=240)
        while True:  # wait_http has no CA; poll /health over verified TLS instead
            if proc.poll() is not None:
                raise RuntimeError(f"mlflow server exited: {log.read_text()[-3000:]}")
            try:
                if httpx.get(f"{uri}/health", verify=tls, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if dt.datetime.now() > deadline:
                raise TimeoutError(log.read_text()[-3000:])
            time.sleep(0.5)
        yield Registry(uri, ca, admin_password, grants_file, passwords, log)
    finally:
        stop(proc)


@pytest.fixture(scope="module")
def granted(registry: Registry) -> subprocess.CompletedProcess:
    """A user the grants do not name, then the first registry-access run."""
    created = registry.call(
        ADMIN,
        "POST",
        "/api/2.0/mlflow/users/create",
        json={"username": STRANGER, "password": _password(STRANGER)},
    )
    assert created.status_code == 200, created.text
    return registry.access()


def _actions(stdout: str) -> dict[str, str]:
    """user -> action, from the registry-access table."""
    cells = [[c.strip() for c in line.split("│")[1:-1]] for line in stdout.splitlines()]
    return {row[0]: row[3] for row in cells if len(row) == 4 and row[0] != "user"}


def _secrets(registry: Registry) -> list[str]:
    return [registry.admin_password] + [
        p.read_text().strip() for p in registry.passwords_dir.iterdir()
    ]


def test_registry_access_creates_users_grants_and_resources(
    registry: Registry, granted: subprocess.CompletedProcess
) -> None:
    assert granted.returncode == 0, granted.stderr[-3000:]
    assert _actions(granted.stdout) == dict.fromkeys(GRANTS["users"], "created"), granted.stdout
    assert f"users not in the grants, left alone: {STRANGER}" in granted.stderr
    assert not any(s in granted.stdout + granted.stderr for s in _secrets(registry))
    # The admin created the experiment and the registered model.
    experiment = registry.call(
        ADMIN,
        "GET",
        "/api/2.0/mlflow/experiments/get-by-name",
        params={"experiment_name": MODEL},
    )
    assert experiment.status_code == 200
    model = registry.call(
        ADMIN, "GET", "/api/2.0/mlflow/registered-models/get", params={"name": MODEL}
    )
    assert model.status_code == 200


def test_registry_access_is_idempotent_and_converges_changes(
    registry: Registry, granted: subprocess.CompletedProcess, tmp_path: Path
) -> None:
    assert granted.returncode == 0
    again = registry.access()
    assert again.returncode == 0, again.stderr[-3000:]
    assert _actions(again.stdout) == dict.fromkeys(GRANTS["users"], "unchanged"), again.stdout
    # A rotated password and changed grants are brought in line on the next run.
    auditor = "persona-auditor"
    (registry.passwords_dir / auditor).write_text(_password(auditor, 1))
    changed = json.loads(json.dumps(GRANTS))
    changed["users"][auditor] = {"experiment": "NO_PERMISSIONS", "model": "EDIT"}
    grants = tmp_path / "grants.json"
    grants.write_text(json.dumps(changed))
    result = registry.access(grants)
    assert result.returncode == 0, result.stderr[-3000:]
    actions = _actions(result.stdout)
    assert actions.pop(auditor) == "updated (password, experiment, model)", result.stdout
    assert set(actions.values()) == {"unchanged"}
    old = httpx.get(
        f"{registry.uri}/api/2.0/mlflow/registered-models/get",
        params={"name": MODEL},
        auth=(auditor, _password(auditor)),
        verify=registry.tls(),
    )
    assert old.status_code == 401
    path = "/api/2.0/mlflow/registered-models/get"
    assert registry.call(auditor, "GET", path, params={"name": MODEL}).status_code == 200
    experiment = registry.call(
        auditor, "GET", "/api/2.0/mlflow/experiments/get-by-name", params={"experiment_name": MODEL}
    )
    assert experiment.status_code == 403


def test_grants_decide_who_reads_and_who_registers(
    registry: Registry, granted: subprocess.CompletedProcess
) -> None:
    assert granted.returncode == 0
    read = ("GET", "/api/2.0/mlflow/registered-models/get")
    assert registry.call("serving", *read, params={"name": MODEL}).status_code == 200
    assert registry.call(STRANGER, *read, params={"name": MODEL}).status_code == 403
    experiment = registry.call(
        STRANGER,
        "GET",
        "/api/2.0/mlflow/experiments/get-by-name",
        params={"experiment_name": MODEL},
    )
    assert experiment.status_code == 403
    register = {"name": MODEL, "source": "mlflow-artifacts:/0/none/artifacts/model"}
    denied = registry.call(
        "serving", "POST", "/api/2.0/mlflow/model-versions/create", json=register
    )
    assert denied.status_code == 403, denied.text
    # Wrong credentials are refused outright.
    wrong = httpx.get(
        f"{registry.uri}/api/2.0/mlflow/registered-models/get",
        params={"name": MODEL},
        auth=("serving", "not-the-password"),
        verify=registry.tls(),
    )
    assert wrong.status_code == 401


def test_registry_access_rejects_bad_grants_and_missing_passwords(tmp_path: Path) -> None:
    passwords = tmp_path / "passwords"
    passwords.mkdir()
    (passwords / "serving").write_text("pw")
    env = {"MLFLOW_TRACKING_USERNAME": ADMIN, "MLFLOW_TRACKING_PASSWORD": "unused"}
    uri = f"https://127.0.0.1:{free_port()}"

    def access(users: dict[str, Any]) -> subprocess.CompletedProcess:
        grants = {"experiment": MODEL, "model": MODEL, "users": users}
        (tmp_path / "grants.json").write_text(json.dumps(grants))
        argv = commands.registry_access(
            tracking_uri=uri,
            grants_file=str(tmp_path / "grants.json"),
            passwords_dir=str(passwords),
        )
        return _run([*argv, "--wait-seconds", "2"], env, timeout=120)

    bad = access({"serving": {"experiment": "READ", "model": "WRITE"}})
    assert bad.returncode == 2
    assert "user 'serving', key 'model'" in bad.stderr
    assert "WRITE" in bad.stderr
    missing = access({"training": {"experiment": "EDIT", "model": "EDIT"}})
    assert missing.returncode == 2
    assert str(passwords / "training") in missing.stderr
    # A good file against a server that never comes up: progress, then a timeout.
    down = access({"serving": {"experiment": "READ", "model": "READ"}})
    assert down.returncode == 1
    assert "waiting for" in down.stdout
    assert "not ready after 2s" in down.stderr


@dataclass
class FeatureRepo:
    """A feature repo laid out and materialized by the materialize entrypoint."""

    repo: Path
    transactions: Path
    online_store: Path


@pytest.fixture(scope="module")
def feature_repo(tmp_path_factory: pytest.TempPathFactory) -> FeatureRepo:
    from workloads.feature_repo import store_config

    root = tmp_path_factory.mktemp("feature-repo")
    today = dt.datetime.now(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    # Outcomes settle after 30 days, so training as of now needs older history too.
    data = generate(n_cards=150, days=60, seed=5, start=today - dt.timedelta(days=59))
    paths = write_dataset(data, str(root / "data"))
    store_yaml = root / "feature_store.yaml"
    store_yaml.write_text(store_config.render(store_config.local_config(root / "feast")))
    argv = commands.materialize(
        store_yaml=str(store_yaml), repo_dir=str(root / "repo"), source_uri=paths["card_features"]
    )
    result = _run(argv, {})
    assert result.returncode == 0, result.stderr[-3000:]
    return FeatureRepo(
        root / "repo", Path(paths["transactions"]), root / "feast" / "online_store.db"
    )


def test_materialize_entrypoint_fills_the_online_store(feature_repo: FeatureRepo) -> None:
    assert (feature_repo.repo / "feature_store.yaml").exists()
    with sqlite3.connect(feature_repo.online_store) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        rows = sum(db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables)
    assert any(schema.FEATURE_VIEW in t for t in tables), tables
    assert rows > 0


@pytest.fixture(scope="module")
def trained(
    registry: Registry, granted: subprocess.CompletedProcess, feature_repo: FeatureRepo
) -> subprocess.CompletedProcess:
    """One training run with the training user's credentials."""
    assert granted is None or granted.returncode == 0
    argv = commands.training(
        feature_repo=str(feature_repo.repo),
        transactions=str(feature_repo.transactions),
        tracking_uri=registry.uri,
        model_name=MODEL,
        seed=1,
    )
    return _run(argv, registry.env("training"), timeout=420)


def test_training_entrypoint_registers_a_version_as_the_training_user(
    registry: Registry, trained: subprocess.CompletedProcess
) -> None:
    assert trained.returncode == 0, trained.stderr[-3000:]
    summary = json.loads(trained.stdout.strip().splitlines()[-1])
    version = registry.call(
        "serving",
        "GET",
        "/api/2.0/mlflow/registered-models/alias",
        params={"name": MODEL, "alias": "champion"},
    )
    assert version.status_code == 200, version.text
    model_version = version.json()["model_version"]
    assert model_version["version"] == str(summary["model_version"])
    run = registry.call(
        "serving", "GET", "/api/2.0/mlflow/runs/get", params={"run_id": model_version["run_id"]}
    )
    assert run.status_code == 200
    experiment = registry.call(
        ADMIN, "GET", "/api/2.0/mlflow/experiments/get-by-name", params={"experiment_name": MODEL}
    ).json()["experiment"]
    assert run.json()["run"]["info"]["experiment_id"] == experiment["experiment_id"]
    # EDIT on the model may move an alias but not delete one (promotion deletes one).
    alias = "/api/2.0/mlflow/registered-models/alias"
    moved = registry.call(
        "model-editor", "POST", alias,
        json={"name": MODEL, "alias": "champion", "version": model_version["version"]},
    )  # fmt: skip
    assert moved.status_code == 200, moved.text
    removed = registry.call(
        "model-editor", "DELETE", alias, json={"name": MODEL, "alias": "champion"}
    )
    assert removed.status_code == 403, removed.text
    # The same REST call the training user made is refused to the serving user.
    denied = registry.call(
        "serving",
        "POST",
        "/api/2.0/mlflow/model-versions/create",
        json={"name": MODEL, "source": model_version["source"], "run_id": model_version["run_id"]},
    )
    assert denied.status_code == 403


def _log_window(root: Path, drift: DriftSpec, seed: int) -> Path:
    """Scored transactions (random scores) and their outcomes in a prediction log."""
    from workloads.serving.prediction_log import PredictionLog

    window = generate(n_cards=800, days=2, seed=seed, drift=drift).transactions_with_features
    rng = np.random.default_rng(seed)
    ids = [f"p{i}" for i in range(len(window))]
    records = window[list(schema.MODEL_FEATURES)].assign(
        prediction_id=ids,
        variant="champion",
        model_version="1",
        **{schema.SCORE: rng.beta(1, 30, len(window))},
    )
    log = PredictionLog(str(root / "log"))
    log.append_many("predictions", records.to_dict("records"))
    outcomes = pd.DataFrame(
        {"prediction_id": ids, "label": window[schema.LABEL].astype(int), "ts": time.time()}
    )
    log.append_many("outcomes", outcomes.to_dict("records"))
    log.close()
    return root / "log"


def test_drift_entrypoint_reads_the_champion_baseline_with_its_grant(
    registry: Registry, trained: subprocess.CompletedProcess, tmp_path: Path
) -> None:
    assert trained.returncode == 0, trained.stderr[-3000:]
    log = _log_window(tmp_path, DriftSpec(covariate_shift=STATED_COVARIATE_SHIFT), seed=21)
    argv = commands.drift(
        log_uri=str(log), out=str(tmp_path / "out"), model_name=MODEL, tracking_uri=registry.uri
    )
    result = _run(argv, registry.env("drift-monitor"))
    assert result.returncode == 1, result.stderr[-3000:]  # 1: drift found
    report = json.loads((tmp_path / "out" / "drift.json").read_text())
    assert {"amount", "distance_from_home_km"} <= set(report["drifted_tests"])
    # Without a grant the baseline cannot be read: a failure, and no report.
    denied_argv = commands.drift(
        log_uri=str(log), out=str(tmp_path / "denied"), model_name=MODEL, tracking_uri=registry.uri
    )
    denied = _run(denied_argv, registry.env(STRANGER))
    assert denied.returncode != 0
    assert "PERMISSION_DENIED" in denied.stderr or "403" in denied.stderr
    assert not (tmp_path / "denied" / "drift.json").exists()


def test_ab_entrypoint_recommends_the_better_variant(tmp_path: Path) -> None:
    from workloads.serving.prediction_log import PredictionLog

    rng = np.random.default_rng(4)
    n = 6000
    logit = rng.normal(-2.5, 1.2, n)
    labels = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    variant = np.where(rng.random(n) < 0.5, "challenger", "champion")
    noise = np.where(variant == "challenger", 0.1, 1.2)  # the challenger is the sharper model
    scores = 1 / (1 + np.exp(-(logit + rng.normal(0, 1, n) * noise)))
    ids = [f"p{i}" for i in range(n)]
    log = PredictionLog(str(tmp_path / "log"))
    log.append_many(
        "predictions",
        [
            {
                "prediction_id": i,
                "variant": v,
                "model_version": "2" if v == "challenger" else "1",
                schema.SCORE: float(s),
            }
            for i, v, s in zip(ids, variant, scores, strict=True)
        ],
    )
    log.append_many(
        "outcomes",
        [
            {"prediction_id": i, "label": int(y), "ts": time.time()}
            for i, y in zip(ids, labels, strict=True)
        ],
    )
    log.close()
    argv = commands.ab_analysis(log_uri=str(tmp_path / "log"), out=str(tmp_path / "out"))
    result = _run(argv, {})
    assert result.returncode == 0, result.stderr[-3000:]
    ab = json.loads((tmp_path / "out" / "ab.json").read_text())
    assert ab["recommendation"] == "promote", ab
    assert ab["champion"]["n"] == int((variant == "champion").sum())
    assert ab["challenger"]["n"] == int((variant == "challenger").sum())
