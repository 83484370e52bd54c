"""Under torchrun only rank 0 of the scikit-learn trainers trains; every rank of the DDP one."""

from __future__ import annotations

from pathlib import Path

import pytest

from workloads.contract import commands as entrypoints
from workloads.contract.commands import TORCH_DDP_MODEL_KIND
from workloads.training.__main__ import TRAINER_KINDS, distributed_rank, main


def _argv(tmp_path: Path) -> list[str]:
    return [
        "--feature-repo",
        str(tmp_path / "no-repo"),
        "--transactions",
        str(tmp_path / "missing.parquet"),
        "--tracking-uri",
        f"file://{tmp_path}/mlruns",
    ]


def test_non_zero_ranks_exit_without_training(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RANK", "1")
    monkeypatch.setenv("WORLD_SIZE", "2")
    assert main(_argv(tmp_path)) == 0
    assert "rank 1 of 2" in capsys.readouterr().out
    assert not (tmp_path / "mlruns").exists()


def test_rank_zero_trains(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RANK", "0")
    monkeypatch.setenv("WORLD_SIZE", "2")
    # Rank 0 goes on to train: here it fails on the missing data, as a single run would.
    assert main(_argv(tmp_path)) == 2
    assert "missing.parquet" in capsys.readouterr().err


def test_rank_environment() -> None:
    assert distributed_rank({}) == (0, 1)
    assert distributed_rank({"RANK": "3", "WORLD_SIZE": "4"}) == (3, 4)
    with pytest.raises(SystemExit, match="RANK/WORLD_SIZE must be integers"):
        distributed_rank({"RANK": "x"})


# -- the data-parallel kind: every rank trains -----------------------------------------


def _ddp_argv(tmp_path: Path, *extra: str) -> list[str]:
    return [*_argv(tmp_path), "--model-kind", TORCH_DDP_MODEL_KIND, *extra]


def test_every_rank_of_the_data_parallel_kind_trains(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    monkeypatch.setenv("RANK", "1")
    monkeypatch.setenv("WORLD_SIZE", "2")
    # Rank 1 does not step aside: it goes on to train, and needs torch for that.
    monkeypatch.setitem(sys.modules, "torch", None)  # makes `import torch` fail
    assert main(_ddp_argv(tmp_path)) == 2
    out, err = capsys.readouterr()
    assert "runs on rank 0 only" not in out
    assert "`training` dependency group" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ('{"epochs": 3, "depth": 2}', "unknown parameters for torch_mlp_ddp: ['depth']"),
        ('{"epochs": 2.5}', "parameter epochs must be a number (int), got 2.5"),
        ('{"batch_size": 0}', "parameters must be positive: ['batch_size']"),
        ('{"learning_rate": "fast"}', "parameter learning_rate must be a number (float)"),
        ("[1, 2]", "--params must be a JSON object"),
        ("{epochs: 3}", "Expecting property name"),
    ],
)
def test_bad_data_parallel_parameters_exit_2_naming_the_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], params: str, message: str
) -> None:
    assert main(_ddp_argv(tmp_path, "--params", params)) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_a_bad_checkpoint_uri_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(_ddp_argv(tmp_path, "--checkpoint-uri", "gs://bucket/ckpt")) == 2
    assert "unsupported object-store URI scheme 'gs'" in capsys.readouterr().err


def test_the_scikit_learn_kinds_ignore_a_checkpoint_uri(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RANK", "1")
    monkeypatch.setenv("WORLD_SIZE", "2")
    assert main([*_argv(tmp_path), "--checkpoint-uri", str(tmp_path / "ckpt")]) == 0
    assert "runs on rank 0 only" in capsys.readouterr().out


def test_the_checkpoint_uri_is_an_optional_training_argument() -> None:
    base = {
        "feature_repo": "/repo",
        "transactions": "s3://b/t.parquet",
        "tracking_uri": "https://mlflow",
        "model_name": "card-fraud",
    }
    # Without one the argv is what the stacks have always rendered.
    assert entrypoints.training_args(**base) == [
        "--feature-repo",
        "/repo",
        "--transactions",
        "s3://b/t.parquet",
        "--tracking-uri",
        "https://mlflow",
        "--model-name",
        "card-fraud",
        "--model-kind",
        "hist_gbt",
        "--seed",
        "0",
    ]
    argv = entrypoints.distributed_training(
        nodes=2,
        gpus_per_node=4,
        master_addr="job-0.workers",
        master_port=29500,
        train_args=entrypoints.training_args(
            **base, model_kind=TORCH_DDP_MODEL_KIND, checkpoint_uri="s3://b/ckpt/job-1"
        ),
    )
    assert argv[:7] == [
        "torchrun",
        "--nnodes=2",
        "--nproc-per-node=4",
        "--node-rank=$(JOB_COMPLETION_INDEX)",
        "--master-addr=job-0.workers",
        "--master-port=29500",
        "-m",
    ]
    assert argv[-6:] == [
        "--model-kind",
        TORCH_DDP_MODEL_KIND,
        "--seed",
        "0",
        "--checkpoint-uri",
        "s3://b/ckpt/job-1",
    ]
    assert TORCH_DDP_MODEL_KIND in TRAINER_KINDS
