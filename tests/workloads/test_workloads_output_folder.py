"""`python -m workloads.demo --out`: only a folder the demo created is replaced."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.output_folders import Setup, assert_untouched, refusal_cases
from workloads import demo
from workloads.output_folder import MARKER, OutputFolderError, OwnedOutputFolder


class _StopAfterThePreparedFolder(Exception):
    pass


def _stop(*_args: object, **_kwargs: object) -> None:
    raise _StopAfterThePreparedFolder("stopped once the output folder was prepared")


@refusal_cases
def test_demo_refuses_the_folder_before_any_work(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    setup: Setup,
    phrase: str,
) -> None:
    def no_work(*_args: object) -> None:
        raise AssertionError("the demo did work before refusing the output folder")

    # Any work past the refusal point fails the test (and never reaches a deletion).
    monkeypatch.setattr(demo, "run", no_work)
    refusal = setup(tmp_path, monkeypatch, demo.DEMO_TOOL)
    assert demo.main(["--out", refusal.out]) == 2
    stderr = " ".join(capsys.readouterr().err.split())
    assert phrase in stderr
    assert "refusing to replace it" in stderr
    assert_untouched(refusal)


@pytest.mark.parametrize("state", ["missing", "empty", "its-own"])
def test_demo_creates_adopts_or_replaces_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state: str
) -> None:
    out = tmp_path / "build" / "demo"
    if state != "missing":
        out.mkdir(parents=True)
    if state == "its-own":
        (out / MARKER).write_text(f"{demo.DEMO_TOOL}\n")
        (out / "summary.json").write_text("{}")
    # The real `run` prepares the folder first; stop it at the first step after that.
    monkeypatch.setattr(demo, "generate", _stop)
    assert demo.main(["--out", str(out)]) == 1
    assert [p.name for p in out.iterdir()] == [MARKER]
    assert (out / MARKER).read_text().splitlines()[0] == demo.DEMO_TOOL


def test_replace_checks_again(tmp_path: Path) -> None:
    folder = OwnedOutputFolder.claim(tmp_path / "out", demo.DEMO_TOOL)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "arrived-meanwhile.txt").write_text("mine\n")
    with pytest.raises(OutputFolderError, match="is not empty"):
        folder.replace()
    assert (tmp_path / "out" / "arrived-meanwhile.txt").read_text() == "mine\n"


def test_an_output_folder_that_cannot_be_created_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "plain-file").write_text("mine\n")
    folder = OwnedOutputFolder.claim(tmp_path / "plain-file" / "out", demo.DEMO_TOOL)
    with pytest.raises(OutputFolderError, match="cannot create output folder"):
        folder.replace()
    assert (tmp_path / "plain-file").read_text() == "mine\n"


def test_the_demo_command_refuses_the_current_directory(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine\n")
    result = subprocess.run(
        [sys.executable, "-m", "workloads.demo", "--out", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "is the current directory" in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr
    assert (tmp_path / "keep.txt").read_text() == "mine\n"
