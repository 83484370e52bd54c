"""Under torchrun only rank 0 of the reference (single-process) trainers trains."""

from __future__ import annotations

from pathlib import Path

import pytest

from workloads.training.__main__ import distributed_rank, main


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
