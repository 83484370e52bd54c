"""`smp render --out`: only a folder smp render created is replaced; user files survive."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smp import cli
from smp.offline import Plan
from smp.render import RENDER_TOOL, render_plan
from tests.support.output_folders import Setup, assert_untouched, refusal_cases
from workloads.output_folder import MARKER, OutputFolderError

runner = CliRunner()
PlanOf = Callable[[str], Plan]


def _no_work(*_args: object) -> None:
    raise AssertionError("smp render did work before refusing the output folder")


@refusal_cases
def test_render_refuses_the_folder_before_planning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setup: Setup, phrase: str
) -> None:
    # Any work past the refusal point fails the test (and never reaches a deletion).
    monkeypatch.setattr(cli, "load_stack_file", _no_work)
    monkeypatch.setattr(cli, "plan_stack_offline", _no_work)
    refusal = setup(tmp_path, monkeypatch, RENDER_TOOL)
    result = runner.invoke(cli.app, ["render", "aws-uae-dev", "--out", refusal.out])
    assert result.exit_code == 2, result.output
    flat = " ".join(result.output.split())
    assert phrase in flat
    assert "refusing to replace it" in flat
    assert "Traceback" not in result.output
    assert_untouched(refusal)


def test_render_into_a_file_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("mine\n")
    result = runner.invoke(cli.app, ["render", "aws-uae-dev", "--out", str(target)])
    assert result.exit_code == 2
    assert "Invalid value for '--out'" in result.output
    assert target.read_text() == "mine\n"


def test_render_plan_refuses_a_folder_it_did_not_create(plan_of: PlanOf, tmp_path: Path) -> None:
    (tmp_path / "keep.yaml").write_text("mine: true\n")
    with pytest.raises(OutputFolderError, match="was not created by `smp render`"):
        render_plan(plan_of("aws-uae-dev"), tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["keep.yaml"]


def test_render_creates_a_missing_folder_adopts_an_empty_one_and_replaces_its_own(
    plan_of: PlanOf, tmp_path: Path
) -> None:
    missing = tmp_path / "a" / "b" / "rendered"
    first = render_plan(plan_of("aws-uae-dev"), missing)
    assert (missing / MARKER).read_text().splitlines()[0] == RENDER_TOOL
    assert all(o.path.is_relative_to(missing) for o in first.objects)

    empty = tmp_path / "empty"
    empty.mkdir()
    render_plan(plan_of("aws-uae-dev"), empty)
    assert (empty / MARKER).is_file()

    stale = missing / "platform" / "deployment-removed-last-week.yaml"
    stale.write_text("kind: Deployment\n")
    render_plan(plan_of("aws-uae-dev"), missing)
    assert not stale.exists()
    assert sorted(p.relative_to(missing) for p in missing.rglob("*") if p.is_file()) == sorted(
        p.relative_to(empty) for p in empty.rglob("*") if p.is_file()
    )


def test_render_command_replaces_its_own_output(
    plan_of: PlanOf, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "plan_stack_offline", lambda stack, _dir, **_kw: plan_of(stack))
    out = tmp_path / "render"
    assert runner.invoke(cli.app, ["render", "aws-uae-dev", "--out", str(out)]).exit_code == 0
    (out / "stale.yaml").write_text("kind: ConfigMap\n")
    result = runner.invoke(cli.app, ["render", "aws-uae-dev", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert not (out / "stale.yaml").exists()
    assert (out / "helm-releases.yaml").is_file()


def test_the_installed_command_refuses_the_current_directory(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine\n")
    smp = Path(sys.executable).parent / "smp"
    result = subprocess.run(
        [str(smp), "render", "aws-uae-dev", "--out", "."],
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
