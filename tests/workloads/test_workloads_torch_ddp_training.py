"""The data-parallel trainer under ``torchrun --nproc-per-node 2`` on the CPU (gloo).

These tests need torch, which only the ``training`` dependency group has: they run
with ``make pytest-torch`` (``-m torch``; .venv plus .torch-site, the training image's
layout); the main suite deselects them. Data is small and training short. Most of a
torchrun launch's time is its workers importing torch and Feast, so there are three:
the probe (the trainer's functions, no Feast), and the job twice: killed
mid-training, then restarted. The rest runs in this process (a world of one).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from workloads import schema
from workloads.contract import commands as entrypoints
from workloads.local_processes import free_port, mlflow_server

pytestmark = pytest.mark.torch

START = datetime(2025, 1, 1, tzinfo=UTC)
DAYS = 42
AS_OF = START + timedelta(days=DAYS)
EVAL_DAYS = 4.0
SEED = 7
# 918 training rows: 459 per rank, 15 steps of 32 rows per rank and epoch, 225 steps in
# all; a checkpoint every 4 steps and after every epoch.
PARAMS = {
    "hidden": 16,
    "epochs": 15,
    "batch_size": 32,
    "learning_rate": 0.01,
    "checkpoint_every": 4,
}
BIN = Path(sys.executable).parent


def _torchrun() -> str:
    """``torchrun`` from the PATH, as in the training image."""
    found = shutil.which("torchrun")
    if found is None:
        pytest.fail("torchrun is not on PATH: `make pytest-torch` puts .torch-site/bin there")
    return found


def _torch() -> Any:
    try:
        import torch
    except ImportError:
        pytest.fail(
            "these tests need torch (the `training` dependency group): run them with "
            "`make pytest-torch`, which installs it from the lock into .torch-site"
        )
    return torch


@dataclass(frozen=True)
class Repo:
    """An applied feature repo, the labeled transactions and their point-in-time join."""

    repo: Path
    transactions: Path
    training_set: Path


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    import pandas as pd

    from workloads.data import generate, write_dataset
    from workloads.feature_repo import store_config
    from workloads.feature_repo.materialization import feast_apply, open_store
    from workloads.training.dataset import point_in_time_training_set

    _torch()
    root = tmp_path_factory.mktemp("ddp")
    data = generate(n_cards=120, days=DAYS, seed=5, start=START)
    paths = write_dataset(data, str(root / "data"))
    repo_dir = store_config.write_repo(root / "repo", store_config.local_config(root / "feast"))
    # Training reads the offline store only: no materialization into the online store.
    feast_apply(repo_dir, paths["card_features"])
    frame = point_in_time_training_set(
        open_store(repo_dir), pd.read_parquet(paths["transactions"]), AS_OF
    )
    frame.to_parquet(root / "training_set.parquet", index=False)
    return Repo(repo_dir, Path(paths["transactions"]), root / "training_set.parquet")


@pytest.fixture(scope="module")
def tracking(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real MLflow tracking server on loopback."""
    with mlflow_server(tmp_path_factory.mktemp("mlflow")) as uri:
        yield uri


def _torchrun_argv(
    repo: Repo, tracking_uri: str, model_name: str, checkpoint: Path, seed: int = SEED
) -> list[str]:
    """The Indexed Job's command (entrypoints.distributed_training) for one node of two ranks."""
    argv = entrypoints.distributed_training(
        nodes=1,
        gpus_per_node=2,
        master_addr="127.0.0.1",
        master_port=free_port(),
        train_args=[
            *entrypoints.training_args(
                feature_repo=str(repo.repo),
                transactions=str(repo.transactions),
                tracking_uri=tracking_uri,
                model_name=model_name,
                model_kind=entrypoints.TORCH_DDP_MODEL_KIND,
                seed=seed,
                checkpoint_uri=str(checkpoint),
            ),
            "--as-of",
            AS_OF.isoformat(),
            "--eval-days",
            str(EVAL_DAYS),
            "--params",
            json.dumps(PARAMS),
            "--device",
            "cpu",
        ],
    )
    # What Kubernetes does: expand $(JOB_COMPLETION_INDEX); the Job's image has torchrun on PATH.
    argv = [a.replace("$(JOB_COMPLETION_INDEX)", "0") for a in argv]
    assert argv[0] == "torchrun"
    return [_torchrun(), *argv[1:]]


def _env() -> dict[str, str]:
    return {
        **os.environ,
        "PATH": f"{BIN}:{os.environ.get('PATH', '')}",
        "MLFLOW_DISABLE_TELEMETRY": "true",
        "MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR": "false",
        # One thread per worker (what torchrun sets for more than one process) on two cores.
        "OMP_NUM_THREADS": "1",
    }


def _run(argv: list[str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, capture_output=True, text=True, timeout=timeout, check=False, env=_env()
    )


def _versions(tracking_uri: str, name: str) -> list[Any]:
    from mlflow import MlflowClient

    client = MlflowClient(tracking_uri=tracking_uri, registry_uri=tracking_uri)
    return list(client.search_model_versions(f"name = '{name}'"))


def _final_weights(checkpoint: Path) -> dict[str, Any]:
    from workloads.training.checkpoint import CheckpointStore
    from workloads.training.ddp import read_checkpoint

    latest = CheckpointStore(str(checkpoint)).latest()
    assert latest is not None
    content = read_checkpoint(latest.payload)
    assert content["state"]["done"] is True
    return content


# -- the probe: DDP on two ranks is a single-process step over the global batch ---------


@pytest.fixture(scope="module")
def probe(repo: Repo, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """Each rank's dump from ddp_one_step.py under torchrun (two ranks, gloo)."""
    torch = _torch()
    out = tmp_path_factory.mktemp("probe")
    script = Path(__file__).with_name("ddp_one_step.py")
    result = _run(
        [
            _torchrun(),
            "--nproc-per-node=2",
            "--master-addr=127.0.0.1",
            f"--master-port={free_port()}",
            str(script),
            "--training-set",
            str(repo.training_set),
            "--eval-days",
            str(EVAL_DAYS),
            "--seed",
            str(SEED),
            "--params",
            json.dumps(PARAMS),
            "--out",
            str(out),
        ]
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return [torch.load(out / f"rank-{r}.pt", weights_only=True) for r in (0, 1)]


def test_one_step_on_two_ranks_equals_one_step_over_the_global_batch(
    probe: list[dict[str, Any]],
) -> None:
    torch = _torch()
    from workloads.training.ddp import build_network
    from workloads.training.mlp_export import N_INPUTS

    ranks = probe
    assert [r["world"] for r in ranks] == [2, 2]
    assert [r["steps"] for r in ranks] == [1, 1]
    # Each rank took its own shard: disjoint, together the whole training set.
    ids = [set(r["transaction_ids"]) for r in ranks]
    assert not ids[0] & ids[1]
    assert len(ids[0] | ids[1]) == ranks[0]["n_train"] == 918
    assert abs(len(ids[0]) - len(ids[1])) <= 1
    # Both ranks started from, and hold after the step, exactly the same weights.
    for name, value in ranks[0]["after"].items():
        torch.testing.assert_close(ranks[1]["after"][name], value, rtol=0, atol=0)
        torch.testing.assert_close(
            ranks[1]["before"][name], ranks[0]["before"][name], rtol=0, atol=0
        )

    # The same step in one process over the union of the two ranks' batches.
    network = build_network(N_INPUTS, PARAMS["hidden"], SEED)
    for name, value in network.state_dict().items():
        torch.testing.assert_close(value, ranks[0]["before"][name], rtol=0, atol=0)
    inputs = torch.cat([ranks[0]["inputs"], ranks[1]["inputs"]])
    labels = torch.cat([ranks[0]["labels"], ranks[1]["labels"]])
    assert len(inputs) == 2 * PARAMS["batch_size"]
    optimizer = torch.optim.Adam(network.parameters(), lr=ranks[0]["learning_rate"])
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor([ranks[0]["pos_weight"]]))
    optimizer.zero_grad()
    loss_fn(network(inputs), labels).backward()
    optimizer.step()
    moved = 0.0
    for name, value in network.state_dict().items():
        torch.testing.assert_close(ranks[0]["after"][name], value, rtol=0, atol=1e-6)
        moved = max(moved, float((value - ranks[0]["before"][name]).abs().max()))
    # Adam's first step moves every weight by about the learning rate: a real step was taken.
    assert moved > 0.5 * PARAMS["learning_rate"]
    # The rank that trained one step less than the other would not be in lockstep.
    assert [r["final_step"] for r in ranks] == [225, 225]


# -- the job: a rank killed mid-training, the Job restarted ------------------------------


def _worker_pid(parent: int, rank: int) -> int | None:
    """The torchrun worker of ``rank`` among ``parent``'s descendants."""
    import psutil

    for child in psutil.Process(parent).children(recursive=True):
        try:
            environ = child.environ()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        if environ.get("RANK") == str(rank) and "TORCHELASTIC_RUN_ID" in environ:
            return int(child.pid)
    return None


def _checkpoint_step(folder: Path) -> int:
    steps = [0]
    for manifest in folder.glob("slot-*.json"):
        try:
            steps.append(int(json.loads(manifest.read_text())["step"]))
        except (ValueError, KeyError):  # being written
            continue
    return max(steps)


@dataclass(frozen=True)
class Job:
    """The torchrun job of two ranks: its first attempt killed, then restarted."""

    checkpoint: Path
    killed_at: int  # the step of the last checkpoint the first attempt wrote
    first_attempt: str
    restarted: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def job(repo: Repo, tracking: str, tmp_path_factory: pytest.TempPathFactory) -> Job:
    root = tmp_path_factory.mktemp("job")
    checkpoint = root / "checkpoints"
    argv = _torchrun_argv(repo, tracking, "ddp-job", checkpoint)
    log = root / "first-attempt.log"
    with open(log, "w") as out:
        first = subprocess.Popen(
            argv, stdout=out, stderr=subprocess.STDOUT, env=_env(), start_new_session=True
        )
    try:
        deadline = time.monotonic() + 240
        while _checkpoint_step(checkpoint) < 8:  # two checkpoints in: mid-training
            assert first.poll() is None, log.read_text()[-3000:]
            assert time.monotonic() < deadline, "no checkpoint within 240 s"
            time.sleep(0.01)
        pid = _worker_pid(first.pid, rank=1)
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        assert first.wait(timeout=120) != 0  # torchrun stops the other rank and fails
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
            first.wait()
    killed_at = _checkpoint_step(checkpoint)
    assert _versions(tracking, "ddp-job") == []  # the failed attempt registered nothing
    restarted = _run(argv)  # the Job's next pod: the same command
    assert restarted.returncode == 0, restarted.stdout[-3000:] + restarted.stderr[-3000:]
    return Job(checkpoint, killed_at, log.read_text(), restarted)


def _summary(stdout: str) -> dict[str, Any]:
    lines = [line for line in stdout.splitlines() if line.startswith('{"run_id"')]
    assert len(lines) == 1, stdout[-3000:]
    return dict(json.loads(lines[0]))


def test_a_killed_rank_resumes_from_the_last_checkpoint_and_reaches_the_same_model(
    job: Job, probe: list[dict[str, Any]]
) -> None:
    torch = _torch()
    assert 8 <= job.killed_at < 225, job.first_attempt[-3000:]
    match = re.search(r"resuming from the checkpoint of step (\d+)", job.restarted.stdout)
    assert match is not None, job.restarted.stdout[-3000:]
    assert int(match.group(1)) == job.killed_at
    assert f"trained {225 - job.killed_at} steps on 2 rank(s) (gloo, cpu)" in job.restarted.stdout
    # The same weights as the same training run without a break (the probe's).
    final = _final_weights(job.checkpoint)
    assert final["state"]["step"] == 225
    for name, value in probe[0]["final"].items():
        torch.testing.assert_close(final["model"][name], value, rtol=0, atol=1e-6)
        torch.testing.assert_close(probe[1]["final"][name], value, rtol=0, atol=0)


def test_the_job_registers_exactly_one_version_that_serving_loads(
    job: Job, tracking: str, repo: Repo, probe: list[dict[str, Any]]
) -> None:
    import pandas as pd
    from mlflow import MlflowClient

    from workloads.feature_encoding import encode_frame
    from workloads.monitoring.baseline import read_baseline
    from workloads.serving.registry_models import load_alias
    from workloads.training.dataset import time_split
    from workloads.training.train import download_baseline, evaluate

    summary = _summary(job.restarted.stdout)
    versions = _versions(tracking, "ddp-job")
    assert [v.version for v in versions] == [summary["model_version"]] == ["1"]
    assert summary["promotion"]["promoted"] is True  # the first version: no champion yet
    # Serving's own loader (skops, our trusted types) loads it, as champion.
    served = load_alias(tracking, "ddp-job", "champion")
    assert served is not None
    assert served.version == "1"
    run = MlflowClient(tracking_uri=tracking).get_run(served.run_id)
    assert run.data.params["ddp.world_size"] == "2"
    assert run.data.params["ddp.backend"] == "gloo"
    assert int(run.data.params["train_rows"]) == 918
    # The last epoch's mean loss, kept across the restart (the probe trained without one).
    assert float(run.data.params["ddp.final_epoch_loss"]) == pytest.approx(
        probe[0]["final_epoch_loss"], rel=1e-6
    )
    # The logged metrics are the served model's on the held-out window.
    frame = pd.read_parquet(repo.training_set)
    _, held_out = time_split(frame, EVAL_DAYS)
    metrics = evaluate(served.model, encode_frame(held_out), held_out[schema.LABEL].to_numpy())
    for name, value in metrics.items():
        assert run.data.metrics[f"eval_{name}"] == pytest.approx(value, abs=1e-9)
    assert metrics["roc_auc"] > 0.7  # it learned something
    # The model is the trained network (the checkpoint's weights), re-hosted.
    weights = _final_weights(job.checkpoint)["model"]
    mlp = served.model.named_steps["classify"]
    np.testing.assert_array_equal(mlp.coefs_[0], weights["0.weight"].numpy().T)
    # Baseline statistics over every training row (gathered from both ranks) and held-out row.
    baseline = read_baseline(
        download_baseline(tracking, "ddp-job", "champion", job.checkpoint.parent / "baseline")
    )
    assert baseline["n_rows"] == len(frame)
    assert set(baseline["numeric"]) == set(schema.NUMERIC_FEATURES)


# -- in this process: a world of one ----------------------------------------------------


def _in_process_argv(
    repo: Repo, tracking: str, model_name: str, checkpoint: Path, *extra: str
) -> list[str]:
    return [
        *entrypoints.training_args(
            feature_repo=str(repo.repo),
            transactions=str(repo.transactions),
            tracking_uri=tracking,
            model_name=model_name,
            model_kind=entrypoints.TORCH_DDP_MODEL_KIND,
            seed=SEED,
            checkpoint_uri=str(checkpoint),
        ),
        "--as-of",
        AS_OF.isoformat(),
        "--eval-days",
        str(EVAL_DAYS),
        "--params",
        json.dumps(PARAMS),
        "--device",
        "cpu",
        *extra,
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (["--seed", "8"], "is of another training run (differs in ['seed', 'world_size'])"),
        (
            ["--as-of", (AS_OF + timedelta(days=1)).isoformat()],
            f"trains as of {AS_OF.isoformat()}, this run as of "
            f"{(AS_OF + timedelta(days=1)).isoformat()}",
        ),
    ],
    ids=["other-run", "other-as-of"],
)
def test_a_checkpoint_of_another_run_is_refused(
    job: Job,
    tracking: str,
    repo: Repo,
    change: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from workloads.training.__main__ import main

    _torch()
    # Pointed at the two-rank job's checkpoint.
    assert main(_in_process_argv(repo, tracking, "ddp-job", job.checkpoint, *change)) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert len(_versions(tracking, "ddp-job")) == 1


def test_a_job_restarted_after_it_finished_trains_and_registers_nothing_new(
    repo: Repo, tracking: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workloads.training.__main__ import main

    _torch()
    # Without torchrun: a world of one (gloo), the same code path.
    argv = _in_process_argv(repo, tracking, "ddp-alone", tmp_path / "ckpt")
    assert main(argv) == 0
    first = capsys.readouterr().out
    # 918 rows on one rank: 29 batches of 32 (the last of 22) per epoch.
    assert "trained 435 steps on 1 rank(s) (gloo, cpu)" in first
    assert main(argv) == 0
    again = capsys.readouterr().out
    assert "resuming from the checkpoint of step 435" in again
    assert "trained " not in again  # nothing left to train
    assert _summary(again)["model_version"] == _summary(first)["model_version"] == "1"
    assert _summary(again)["metrics"] == _summary(first)["metrics"]
    assert len(_versions(tracking, "ddp-alone")) == 1
