"""`smp new-stack --stacks-dir` and `smp controls --output` into places they cannot write."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smp import cli
from stacks.stack_files import STACKS_DIR

runner = CliRunner()
NEW_STACK = [
    "new-stack",
    "aws-uae-qa",
    "--cloud",
    "aws",
    "--region",
    "me-central-1",
    "--env",
    "dev",
]


def _flat(output: str) -> str:
    return " ".join(output.split())


@pytest.fixture
def stacks_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "stacks"
    folder.mkdir()
    for path in STACKS_DIR.glob("Pulumi.*.yaml"):
        shutil.copy(path, folder)
    return folder


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_new_stack_into_a_missing_stacks_dir_exits_2_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "stacks"
    result = runner.invoke(cli.app, [*NEW_STACK, "--stacks-dir", str(missing)])
    assert result.exit_code == 2, result.output
    assert f"--stacks-dir {missing} does not exist" in _flat(result.output)
    assert "Traceback" not in result.output
    assert not missing.exists()


def test_new_stack_into_a_read_only_stacks_dir_exits_2_and_writes_nothing(
    stacks_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _contents(stacks_dir)
    stacks_dir.chmod(0o555)
    try:
        if os.geteuid() == 0:
            # Permission bits do not bind root: answer as the kernel does for everyone else.
            real_access = os.access
            monkeypatch.setattr(
                cli.os,
                "access",
                lambda path, mode: (
                    False
                    if Path(path) == stacks_dir and mode & os.W_OK
                    else real_access(path, mode)
                ),
            )
        result = runner.invoke(cli.app, [*NEW_STACK, "--stacks-dir", str(stacks_dir)])
    finally:
        stacks_dir.chmod(0o755)
    assert result.exit_code == 2, result.output
    assert f"--stacks-dir {stacks_dir} is read-only" in _flat(result.output)
    assert "Traceback" not in result.output
    assert _contents(stacks_dir) == before


def test_new_stack_that_cannot_write_its_file_exits_2(
    stacks_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What a read-only mount does even to root, after every check has passed.
    def refuse(*_args: object) -> Path:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(cli, "write_stack_file", refuse)
    result = runner.invoke(cli.app, [*NEW_STACK, "--stacks-dir", str(stacks_dir)])
    assert result.exit_code == 2, result.output
    assert "cannot write" in result.output
    assert "Read-only file system" in _flat(result.output)
    assert "Traceback" not in result.output


def test_new_stack_next_to_an_unreadable_stack_file_exits_2(stacks_dir: Path) -> None:
    # Its address range is unknown, so a free one cannot be chosen: refuse, name the file.
    bad = stacks_dir / "Pulumi.aws-uae-old.yaml"
    bad.write_bytes(b"config:\n  sovereign-ml-platform:platform:\n    owner: caf\xe9\n")
    before = _contents(stacks_dir)
    result = runner.invoke(cli.app, [*NEW_STACK, "--stacks-dir", str(stacks_dir)])
    assert result.exit_code == 2, result.output
    assert "not UTF-8" in result.output
    assert str(bad) in _flat(result.output)
    assert "Traceback" not in result.output
    assert _contents(stacks_dir) == before


def test_controls_into_a_missing_folder_exits_2(tmp_path: Path) -> None:
    target = tmp_path / "docs" / "CONTROLS.md"
    result = runner.invoke(cli.app, ["controls", "--output", str(target)])
    assert result.exit_code == 2, result.output
    assert f"the folder {target.parent} does not exist" in _flat(result.output)
    assert "Traceback" not in result.output
    assert not target.parent.exists()


def test_controls_onto_a_folder_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(cli.app, ["controls", "--output", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert "Is a directory" in _flat(result.output)
    assert "Traceback" not in result.output


def test_controls_writes_into_an_existing_folder(tmp_path: Path) -> None:
    target = tmp_path / "CONTROLS.md"
    result = runner.invoke(cli.app, ["controls", "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text().startswith("#")
