"""The workload images come from one multi-stage Dockerfile: a final stage per image in
the stack config, each on the shared runtime stage (the training image on the runtime
plus PyTorch), non-root, installed only from the hashed locks and checkov-clean (checkov
in its own virtualenv)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.paths import REPO
from workloads.contract.images import IMAGE_NAMES

WORKLOADS = REPO / "workloads"
DOCKERFILE = WORKLOADS / "Dockerfile"
LOCK = WORKLOADS / "requirements.lock.txt"
TRAINING_LOCK = WORKLOADS / "requirements-training.lock.txt"
UV_LOCK = REPO / "uv.lock"
CHECKOV = REPO / ".checkov-venv" / "bin" / "checkov"
# checkov 3.3.30 passes about 70 Dockerfile checks on this file (its graph checks run per
# stage); far fewer means it parsed or checked little of it.
MIN_CHECKOV_PASSED = 50
RUNTIME = "runtime"
# The training image's base: the runtime plus PyTorch (the `training` dependency group).
RUNTIME_TORCH = "runtime-torch"
RUN_AS = "10001:10001"  # components/k8s/workload_pod.py RUN_AS
PINNED_BASE = re.compile(r"^python:[\w.-]+@sha256:[0-9a-f]{64}$")
HASHED_INSTALL = (
    "/opt/venv/bin/pip install --require-hashes --no-deps -r /tmp/requirements.lock.txt"
)
TORCH_INSTALL = (
    "/opt/venv/bin/pip install --require-hashes --no-deps --target /opt/torch "
    "-r /tmp/requirements-training.lock.txt"
)
# All a target may add on top of the runtime stage.
TARGET_INSTRUCTIONS = {"LABEL", "ENV", "EXPOSE", "HEALTHCHECK", "ENTRYPOINT", "CMD"}
# What `mlflow server` as workloads/entrypoints.py builds it needs beyond MLflow's core:
# --app-name basic-auth (mlflow[auth]), --expose-prometheus (mlflow[extras]) and the
# postgresql:// backend store (SQLAlchemy's default PostgreSQL driver).
REGISTRY_SERVER_NEEDS = {
    "flask-wtf": ("flask-wtf",),
    "prometheus-flask-exporter": ("prometheus-flask-exporter",),
    "psycopg2": ("psycopg2", "psycopg2-binary"),
}


@dataclass
class Stage:
    """One `FROM <base> [AS <name>]` and the instructions that follow it."""

    base: str
    name: str
    instructions: list[tuple[str, str]] = field(default_factory=list)

    def args(self, keyword: str) -> list[str]:
        return [args for kw, args in self.instructions if kw == keyword]


def parse_stages(text: str) -> list[Stage]:
    """Stages of a Dockerfile: comments and blank lines dropped (also inside a
    continuation, as BuildKit does), lines ending in a backslash joined."""
    logical: list[str] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1].rstrip() + " "
            continue
        logical.append(pending + line)
        pending = ""
    assert not pending, "the Dockerfile ends inside a continuation line"
    stages: list[Stage] = []
    for line in logical:
        keyword, _, args = line.partition(" ")
        keyword, args = keyword.upper(), args.strip()
        if keyword == "FROM":
            words = [w for w in args.split() if not w.startswith("--platform=")]
            name = words[2] if len(words) == 3 and words[1].upper() == "AS" else ""
            assert len(words) == (3 if name else 1), line
            stages.append(Stage(base=words[0], name=name or str(len(stages))))
        else:
            assert stages, f"{keyword} before the first FROM"
            stages[-1].instructions.append((keyword, args))
    return stages


def _stages() -> dict[str, Stage]:
    stages = parse_stages(DOCKERFILE.read_text())
    by_name = {stage.name: stage for stage in stages}
    assert len(by_name) == len(stages), "two stages share a name"
    return by_name


def _targets(stages: dict[str, Stage]) -> dict[str, Stage]:
    """The final stages: those no other stage builds on or copies from."""
    used = {stage.base for stage in stages.values()}
    for stage in stages.values():
        for args in stage.args("COPY"):
            used.update(w.removeprefix("--from=") for w in args.split() if w.startswith("--from="))
    return {name: stage for name, stage in stages.items() if name not in used}


def _chain(stages: dict[str, Stage], name: str) -> list[Stage]:
    """The stage and its ancestors within the file, nearest first."""
    chain = [stages[name]]
    while chain[-1].base in stages:
        assert len(chain) <= len(stages), f"{name} builds on itself"
        chain.append(stages[chain[-1].base])
    return chain


def _in_effect(stages: dict[str, Stage], name: str, keyword: str) -> str | None:
    """The last `keyword` a target inherits or sets (None: the base image's own)."""
    for stage in _chain(stages, name):
        if stage.args(keyword):
            return stage.args(keyword)[-1]
    return None


def _env(stage: Stage) -> set[str]:
    """The `KEY=value` pairs a stage's ENV lines set."""
    return {pair for args in stage.args("ENV") for pair in args.split()}


def test_workloads_has_one_dockerfile() -> None:
    assert sorted(WORKLOADS.rglob("Dockerfile")) == [DOCKERFILE]


def test_the_dockerfile_passes_checkov() -> None:
    assert CHECKOV.exists(), "checkov lives in its own virtualenv: run `make checkov-venv`"
    result = subprocess.run(
        [
            str(CHECKOV),
            "-d",
            str(WORKLOADS),
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
    assert sum(r["summary"]["parsing_errors"] for r in reports) == 0
    assert sum(r["summary"]["resource_count"] for r in reports) == 1
    assert sum(r["summary"]["passed"] for r in reports) >= MIN_CHECKOV_PASSED


def test_the_targets_are_exactly_the_images_in_the_stack_config() -> None:
    assert sorted(_targets(_stages())) == sorted(IMAGE_NAMES)


def test_every_base_image_is_the_same_python_pinned_by_digest() -> None:
    stages = _stages()
    external = [stage.base for stage in stages.values() if stage.base not in stages]
    assert len(external) == 2, "the build and runtime stages name the base"
    assert all(PINNED_BASE.match(base) for base in external), external
    assert len(set(external)) == 1, external


def test_every_target_runs_as_the_non_root_workload_user() -> None:
    stages = _stages()
    users = {name: _in_effect(stages, name, "USER") for name in _targets(stages)}
    assert all(u is not None and u.split(":")[0] not in ("root", "0") for u in users.values())
    assert users == {name: RUN_AS for name in IMAGE_NAMES}


def test_every_target_adds_only_its_own_healthcheck_entrypoint_and_metadata() -> None:
    stages = _stages()
    runtime = stages[RUNTIME]
    for name, target in _targets(stages).items():
        assert target.base == (RUNTIME_TORCH if name == "training" else RUNTIME), name
        assert {kw for kw, _ in target.instructions} <= TARGET_INSTRUCTIONS, name
        assert not set(target.instructions) & set(runtime.instructions), name
        assert not _env(target) & _env(runtime), name
        assert len(target.args("HEALTHCHECK")) == 1, name
        assert len(target.args("ENTRYPOINT")) == 1, name
        assert isinstance(json.loads(target.args("ENTRYPOINT")[0]), list), name


def test_the_runtime_is_set_up_once_from_the_build_stage() -> None:
    stages = _stages()
    runtime = stages[RUNTIME]
    assert "--from=build /opt/venv /opt/venv" in runtime.args("COPY")
    assert "--chown=root:root workloads /app/workloads" in runtime.args("COPY")
    assert runtime.args("USER") == [RUN_AS]
    everywhere = [i for stage in stages.values() for i in stage.instructions]
    shared = stages["build"].instructions + runtime.instructions
    assert [i for i in shared if everywhere.count(i) > 1] == []


def test_installs_come_only_from_the_hashed_locks() -> None:
    stages = _stages()
    runs = [args for stage in stages.values() for args in stage.args("RUN")]
    installs = [run for run in runs if "install" in run]
    assert installs == [HASHED_INSTALL, TORCH_INSTALL]
    lock_copy = "workloads/requirements.lock.txt /tmp/requirements.lock.txt"
    assert lock_copy in stages["build"].args("COPY")
    training_copy = "workloads/requirements-training.lock.txt /tmp/requirements-training.lock.txt"
    assert stages["build-torch"].args("COPY") == [training_copy]
    assert stages["build-torch"].args("RUN") == [TORCH_INSTALL]


def test_only_the_training_image_carries_pytorch() -> None:
    stages = _stages()
    torch_stages = {"build-torch", RUNTIME_TORCH}
    for name in _targets(stages):
        chain = {stage.name for stage in _chain(stages, name)}
        assert bool(chain & torch_stages) == (name == "training"), name
    extra = stages[RUNTIME_TORCH]
    assert extra.base == RUNTIME
    assert extra.args("COPY") == ["--from=build-torch /opt/torch /opt/torch"]
    assert {kw for kw, _ in extra.instructions} == {"COPY", "ENV"}
    assert _env(extra) == {"PYTHONPATH=/app:/opt/torch", "PATH=/opt/torch/bin:$PATH"}
    # The runtime's own PYTHONPATH is the one the torch stage extends.
    assert "PYTHONPATH=/app" in _env(stages[RUNTIME])
    # The distributed Job runs `torchrun`: the training image's check imports what it needs.
    check = _in_effect(stages, "training", "HEALTHCHECK")
    assert check is not None
    assert "torch.distributed" in check
    assert "workloads.training.ddp" in check


def test_the_registry_image_runs_mlflow() -> None:
    entrypoint = _in_effect(_stages(), "registry", "ENTRYPOINT")
    assert entrypoint is not None
    assert json.loads(entrypoint) == ["mlflow"]


def _pins(path: Path) -> dict[str, set[str]]:
    """name -> the versions a hashed requirements export pins (one per marker branch)."""
    pins: dict[str, set[str]] = {}
    for line in path.read_text().splitlines():
        if "==" in line and not line.startswith((" ", "#")):
            name, _, rest = line.partition("==")
            pins.setdefault(name.strip().lower(), set()).add(rest.split()[0].rstrip(";"))
    return pins


def test_the_image_locks_are_exports_of_uv_lock() -> None:
    locked: dict[str, set[str]] = {}
    for package in tomllib.loads(UV_LOCK.read_text())["package"]:
        locked.setdefault(package["name"].lower(), set()).add(package["version"])
    workloads, training = _pins(LOCK), _pins(TRAINING_LOCK)
    for export in (workloads, training):
        stale = {n: v for n, v in export.items() if not v <= locked.get(n, set())}
        assert stale == {}, "re-export with `make locks`"
    assert training["torch"] == locked["torch"]
    # PyTorch stays out of the lock the serving and other images install.
    assert not {"torch", "triton", "nvidia-nccl-cu13"} & set(workloads)
    # A package in both goes to /opt/venv and /opt/torch: at the same version.
    assert {n: training[n] for n in set(workloads) & set(training)} == {
        n: workloads[n] for n in set(workloads) & set(training)
    }


def test_the_lock_carries_what_the_registry_server_needs() -> None:
    locked = {
        line.split("==")[0].strip().lower()
        for line in LOCK.read_text().splitlines()
        if "==" in line and not line.startswith((" ", "#"))
    }
    missing = [need for need, names in REGISTRY_SERVER_NEEDS.items() if locked.isdisjoint(names)]
    assert missing == []
