"""The gate judges exactly what `pulumi up` runs: the program `Pulumi.yaml` names, as a whole.

Each test works on a temporary copy of the project (its tracked files) and changes
only the program, the way a pull request would, then runs `smp check` on that copy.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smp.cli import app
from smp.offline import plan_stack_offline
from smp.offline.engine import PlanError
from stacks.stack_files import REPO_ROOT

runner = CliRunner()

# A bucket on an explicit provider in Ireland: RES-001 must name it, wherever the
# program declares it.
ROGUE = textwrap.dedent("""\
    import pulumi as _pulumi
    import pulumi_aws as _aws

    _ireland = _aws.Provider("rogue-provider", region="eu-west-1")
    _aws.s3.Bucket("rogue-bucket", opts=_pulumi.ResourceOptions(provider=_ireland))
""")


def _copy_project(destination: Path) -> Path:
    """The project's tracked files (what a pull request's checkout holds), nothing else."""
    files = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPO_ROOT,
            check=True,
            capture_output=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, files):
        source = REPO_ROOT / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return destination


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return _copy_project(tmp_path / "checkout")


def _check(project: Path, *args: str) -> tuple[int, str]:
    """Exit code and output; with `--format json` the output is the report (stdout only)."""
    result = runner.invoke(app, ["check", "aws-uae-dev", "--project", str(project), *args])
    if "json" in args:
        return result.exit_code, result.stdout
    return result.exit_code, " ".join(result.output.split())


def _line_of(path: Path, fragment: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if fragment in line)


def test_the_unchanged_copy_passes(project: Path) -> None:
    code, output = _check(project)
    assert code == 0, output


def test_a_resource_appended_to_the_program_fails_the_gate_naming_it(project: Path) -> None:
    main = project / "__main__.py"
    main.write_text(main.read_text() + "\n" + ROGUE)
    code, output = _check(project, "--format", "json")
    assert code == 1, output
    report = json.loads(output)
    found = [v for v in report["stacks"][0]["violations"] if v["resourceName"] == "rogue-bucket"]
    assert {v["ruleId"] for v in found} >= {"RES-001"}
    # The result points at the line of the program that declared it.
    assert found[0]["source"] == {
        "file": "__main__.py",
        "line": _line_of(main, '_aws.s3.Bucket("rogue-bucket"'),
    }


def test_a_resource_in_a_module_only_the_program_imports_fails_the_gate(project: Path) -> None:
    (project / "extra_resources.py").write_text(ROGUE)
    main = project / "__main__.py"
    main.write_text(main.read_text() + "\nimport extra_resources  # noqa: F401,E402\n")
    code, output = _check(project, "--format", "json")
    assert code == 1, output
    found = [
        v
        for v in json.loads(output)["stacks"][0]["violations"]
        if v["resourceName"] == "rogue-bucket"
    ]
    assert found
    assert found[0]["source"]["file"] == "extra_resources.py"


def test_a_module_the_program_imports_is_planned_on_every_run(project: Path) -> None:
    """Under `pulumi up` each run is a new interpreter: a module's top-level code runs
    every time. Planning twice in one process must see its resources twice too."""
    (project / "extra_resources.py").write_text(ROGUE)
    main = project / "__main__.py"
    main.write_text(main.read_text() + "\nimport extra_resources  # noqa: F401,E402\n")
    for _ in range(2):
        plan = plan_stack_offline("aws-uae-dev", project_dir=project)
        assert [
            r.name for r in plan.of_type("aws:s3/bucket:Bucket") if r.name == "rogue-bucket"
        ] == ["rogue-bucket"]


def test_the_main_named_in_pulumi_yaml_is_the_program(project: Path) -> None:
    # The default __main__.py gets the rogue bucket, but Pulumi.yaml names another
    # program: `pulumi up` would never run __main__.py, so neither may the gate.
    main = project / "__main__.py"
    (project / "deploy").mkdir()
    (project / "deploy" / "__main__.py").write_text(main.read_text())
    main.write_text(main.read_text() + "\n" + ROGUE)
    pulumi_yaml = project / "Pulumi.yaml"
    pulumi_yaml.write_text(
        pulumi_yaml.read_text().replace(
            "stackConfigDir: stacks", "stackConfigDir: stacks\nmain: deploy/"
        )
    )
    code, output = _check(project)
    assert code == 0, output
    # ... and what that program declares is judged.
    (project / "deploy" / "__main__.py").write_text(main.read_text())
    code, output = _check(project, "--format", "json")
    assert code == 1, output
    found = [
        v
        for v in json.loads(output)["stacks"][0]["violations"]
        if v["resourceName"] == "rogue-bucket"
    ]
    assert found
    assert found[0]["source"]["file"] == "deploy/__main__.py"


def test_a_resource_on_a_default_provider_fails_the_plan_naming_it(project: Path) -> None:
    main = project / "__main__.py"
    main.write_text(
        main.read_text()
        + textwrap.dedent("""
        import pulumi_aws as _aws
        _aws.s3.Bucket("ambient-bucket")
    """)
    )
    code, output = _check(project)
    assert code == 2, output
    assert "default providers are disabled" in output
    assert "aws:s3/bucket:Bucket 'ambient-bucket'" in output
    assert "Traceback" not in output


# The failing program leaves Pulumi's pending outputs unawaited, as under the CLI.
@pytest.mark.filterwarnings("ignore:coroutine .* was never awaited:RuntimeWarning")
def test_a_program_exception_is_a_clear_error_naming_the_line(project: Path) -> None:
    main = project / "__main__.py"
    main.write_text(main.read_text() + "\nraise ValueError('broken on purpose')\n")
    with pytest.raises(PlanError, match=r"ValueError: broken on purpose \(at __main__.py:\d+\)"):
        plan_stack_offline("aws-uae-dev", project_dir=project)
    code, output = _check(project)
    assert code == 2
    assert "broken on purpose" in output
    assert "Traceback" not in output


def test_a_stack_file_without_default_providers_disabled_is_refused(project: Path) -> None:
    stack_file = project / "stacks" / "Pulumi.aws-uae-dev.yaml"
    stack_file.write_text(
        stack_file.read_text().replace('  pulumi:disable-default-providers: ["*"]\n', "")
    )
    code, output = _check(project, "--format", "json")
    assert code == 2
    error = json.loads(output)["stacks"][0]["error"]
    assert "pulumi:disable-default-providers" in error["message"]
    assert error["file"] == "stacks/Pulumi.aws-uae-dev.yaml"
