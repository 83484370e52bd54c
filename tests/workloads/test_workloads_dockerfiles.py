"""The workload Dockerfiles pass checkov's Dockerfile checks (checkov in its own virtualenv)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CHECKOV = REPO / ".checkov-venv" / "bin" / "checkov"


def test_every_dockerfile_passes_checkov() -> None:
    assert CHECKOV.exists(), "checkov lives in its own virtualenv: run `make checkov-venv`"
    dockerfiles = sorted((REPO / "workloads").rglob("Dockerfile"))
    assert len(dockerfiles) >= 4
    result = subprocess.run(
        [
            str(CHECKOV),
            "-d",
            str(REPO / "workloads"),
            "--framework",
            "dockerfile",
            "--compact",
            "--quiet",
            "--skip-download",
            "-o",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "BC_SKIP_MAPPING": "TRUE"},
    )
    reports = json.loads(result.stdout)
    reports = reports if isinstance(reports, list) else [reports]
    failed = [
        (f["check_id"], f["file_path"]) for r in reports for f in r["results"]["failed_checks"]
    ]
    assert failed == []
    assert sum(r["summary"]["passed"] for r in reports) >= 10 * len(dockerfiles)


def test_every_dockerfile_pins_its_base_by_digest_and_runs_as_non_root() -> None:
    for dockerfile in sorted((REPO / "workloads").rglob("Dockerfile")):
        text = dockerfile.read_text()
        froms = [line for line in text.splitlines() if line.startswith("FROM ")]
        assert froms, dockerfile
        assert all("@sha256:" in line for line in froms), dockerfile
        users = [line for line in text.splitlines() if line.startswith("USER ")]
        assert users, dockerfile
        assert users[-1].split()[1] not in ("root", "0"), dockerfile


REGISTRY_DOCKERFILE = REPO / "workloads" / "registry" / "Dockerfile"
LOCK = REPO / "workloads" / "requirements.lock.txt"
# What `mlflow server` as workloads/entrypoints.py builds it needs beyond MLflow's core:
# --app-name basic-auth (mlflow[auth]), --expose-prometheus (mlflow[extras]) and the
# postgresql:// backend store (SQLAlchemy's default PostgreSQL driver).
REGISTRY_SERVER_NEEDS = {
    "flask-wtf": ("flask-wtf",),
    "prometheus-flask-exporter": ("prometheus-flask-exporter",),
    "psycopg2": ("psycopg2", "psycopg2-binary"),
}


def _lines(path: Path) -> list[str]:
    return path.read_text().splitlines()


def test_the_registry_image_runs_mlflow_installed_only_from_the_hashed_lock() -> None:
    lines = _lines(REGISTRY_DOCKERFILE)
    entrypoints = [line for line in lines if line.startswith("ENTRYPOINT ")]
    assert [json.loads(e.removeprefix("ENTRYPOINT ")) for e in entrypoints] == [["mlflow"]]
    installs = [line for line in lines if "pip install" in line]
    assert installs
    assert all("--require-hashes" in i and "requirements.lock.txt" in i for i in installs)
    # Same pinned base as the other workload images, and the workloads code (entrypoints).
    training = _lines(REPO / "workloads" / "training" / "Dockerfile")
    assert [f.split()[1] for f in lines if f.startswith("FROM ")] == [
        f.split()[1] for f in training if f.startswith("FROM ")
    ]
    assert "COPY --chown=root:root workloads /app/workloads" in lines
    assert "USER 10001:10001" in lines


def test_the_lock_carries_what_the_registry_server_needs() -> None:
    locked = {
        line.split("==")[0].strip().lower()
        for line in _lines(LOCK)
        if "==" in line and not line.startswith((" ", "#"))
    }
    missing = [need for need, names in REGISTRY_SERVER_NEEDS.items() if locked.isdisjoint(names)]
    assert missing == []
