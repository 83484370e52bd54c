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
        [str(CHECKOV), "-d", str(REPO / "workloads"), "--framework", "dockerfile", "--compact",
         "--quiet", "--skip-download", "-o", "json"],
        capture_output=True, text=True, timeout=600, check=False,
        env={**os.environ, "BC_SKIP_MAPPING": "TRUE"})
    reports = json.loads(result.stdout)
    reports = reports if isinstance(reports, list) else [reports]
    failed = [(f["check_id"], f["file_path"]) for r in reports
              for f in r["results"]["failed_checks"]]
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
