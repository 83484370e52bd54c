"""`smp`: exit codes, outputs and the new-stack round trip."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from smp.cli import app
from smp.offline import plan_stack_offline
from stacks.stack_files import STACKS_DIR, load_stack_file

runner = CliRunner()


@pytest.fixture
def stacks_dir(tmp_path: Path) -> Path:
    for path in STACKS_DIR.glob("Pulumi.*.yaml"):
        shutil.copy(path, tmp_path)
    return tmp_path


def test_stacks_answers_from_the_stack_files_without_planning(
    stacks_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import smp.offline.engine as engine

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("`smp stacks` planned a stack without --counts")

    monkeypatch.setattr(engine, "plan_stack_offline", refuse)
    result = runner.invoke(app, ["stacks", "--stacks-dir", str(stacks_dir)])
    assert result.exit_code == 0, result.output
    rows = {}
    for line in result.output.splitlines():
        cells = [c.strip() for c in line.split("│") if c.strip()]
        if len(cells) == 5:
            rows[cells[0]] = cells[1:]
    assert rows["aws-uae-dev"] == ["aws", "me-central-1", "dev", "smb"]
    assert rows["azure-uaecentral-dr"] == ["azure", "uaecentral", "dr", "enterprise"]


def test_stacks_counts_lists_every_stack_with_its_resource_count(stacks_dir: Path) -> None:
    result = runner.invoke(app, ["stacks", "--counts", "--stacks-dir", str(stacks_dir)])
    assert result.exit_code == 0, result.output
    rows = {}
    for line in result.output.splitlines():
        cells = [c.strip() for c in line.split("│") if c.strip()]
        if len(cells) == 6:
            rows[cells[0]] = cells[1:]
    for stack in ("aws-uae-prod", "aws-uae-dev", "azure-uaenorth-prod", "azure-uaecentral-dr"):
        plan = plan_stack_offline(stack, stacks_dir)
        settings = load_stack_file(stack, stacks_dir).platform
        assert rows[stack] == [
            settings.cloud,
            settings.region,
            settings.environment,
            settings.profile,
            str(sum(plan.counts_by_type().values())),
        ]


def test_stacks_exits_2_when_a_stack_is_invalid(stacks_dir: Path) -> None:
    path = stacks_dir / "Pulumi.aws-uae-dev.yaml"
    path.write_text(path.read_text().replace("region: me-central-1", "region: me-south-1"))
    result = runner.invoke(app, ["stacks", "--stacks-dir", str(stacks_dir)])
    assert result.exit_code == 2
    assert "Bahrain" in result.output
    assert "invalid" in result.output


def test_plan_prints_the_tree_and_counts() -> None:
    result = runner.invoke(app, ["plan", "aws-uae-prod"])
    assert result.exit_code == 0, result.output
    assert "smp:platform:SovereignPlatform" in result.output
    assert "resources by type" in result.output


def test_plan_json_is_the_engine_plan(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    result = runner.invoke(app, ["plan", "azure-uaenorth-prod", "--json", str(target)])
    assert result.exit_code == 0, result.output
    written = json.loads(target.read_text())
    assert written == json.loads(json.dumps(plan_stack_offline("azure-uaenorth-prod").to_json()))


def test_plan_of_an_unknown_stack_exits_2_naming_the_known_ones() -> None:
    result = runner.invoke(app, ["plan", "aws-uae-qa"])
    assert result.exit_code == 2
    assert "no stack named 'aws-uae-qa'" in result.output
    assert "aws-uae-prod" in result.output


def test_plan_of_a_malformed_stack_exits_2_naming_the_key(stacks_dir: Path) -> None:
    path = stacks_dir / "Pulumi.aws-uae-dev.yaml"
    path.write_text(path.read_text().replace("maxSize: 4", "maxSize: lots"))
    result = runner.invoke(app, ["plan", "aws-uae-dev", "--stacks-dir", str(stacks_dir)])
    assert result.exit_code == 2
    assert "platform.nodePools.cpu.maxSize" in result.output
    assert "Traceback" not in result.output


def test_new_stack_round_trip_writes_a_stack_that_plans(stacks_dir: Path) -> None:
    result = runner.invoke(
        app,
        [
            "new-stack",
            "azure-uaecentral-staging",
            "--cloud",
            "azure",
            "--region",
            "uaecentral",
            "--env",
            "staging",
            "--stacks-dir",
            str(stacks_dir),
        ],
    )
    assert result.exit_code == 0, result.output
    settings = load_stack_file("azure-uaecentral-staging", stacks_dir)
    assert (settings.platform.region, settings.platform.environment, settings.platform.profile) == (
        "uaecentral",
        "staging",
        "smb",
    )
    # It got its own address range and the personas of the existing Azure stacks.
    cidrs = {
        load_stack_file(s, stacks_dir).platform.network.cidr
        for s in ("azure-uaenorth-prod", "azure-uaecentral-dr", "aws-uae-prod", "aws-uae-dev")
    }
    assert settings.platform.network.cidr not in cidrs
    assert (
        settings.platform.personas
        == load_stack_file("azure-uaenorth-prod", stacks_dir).platform.personas
    )
    plan = plan_stack_offline("azure-uaecentral-staging", stacks_dir)
    assert plan.outputs["region"] == "uaecentral"


@pytest.mark.parametrize(("region", "zones"), [("uaenorth", 3), ("uaecentral", 0)])
def test_new_stack_takes_the_zones_of_its_region(stacks_dir: Path, region: str, zones: int) -> None:
    result = runner.invoke(
        app,
        [
            "new-stack",
            f"azure-{region}-qa",
            "--cloud",
            "azure",
            "--region",
            region,
            "--env",
            "staging",
            "--stacks-dir",
            str(stacks_dir),
        ],
    )
    assert result.exit_code == 0, result.output
    platform = load_stack_file(f"azure-{region}-qa", stacks_dir).platform
    assert platform.network.availability_zones == zones


def test_new_stack_from_an_existing_stack_keeps_its_settings(stacks_dir: Path) -> None:
    result = runner.invoke(
        app,
        [
            "new-stack",
            "aws-uae-dr",
            "--cloud",
            "aws",
            "--region",
            "me-central-1",
            "--env",
            "dr",
            "--from",
            "aws-uae-prod",
            "--stacks-dir",
            str(stacks_dir),
        ],
    )
    assert result.exit_code == 0, result.output
    new = load_stack_file("aws-uae-dr", stacks_dir).platform
    old = load_stack_file("aws-uae-prod", stacks_dir).platform
    assert new.node_pools == old.node_pools
    assert new.environment == "dr"
    # The sector of the copied stack comes along, with what it requires.
    assert (new.sector, new.data_classification) == ("banking", "restricted")


def test_new_stack_takes_its_sector_not_the_template_stacks(stacks_dir: Path) -> None:
    """The Azure template stack is a bank's; a new stack is general unless told, and a
    --sector health dev stack gets what the sector requires (restricted, a year of logs)."""
    base = ["--cloud", "azure", "--region", "uaenorth", "--stacks-dir", str(stacks_dir)]
    result = runner.invoke(app, ["new-stack", "azure-uaenorth-staging", *base, "--env", "staging"])
    assert result.exit_code == 0, result.output
    assert load_stack_file("azure-uaenorth-staging", stacks_dir).platform.sector == "general"
    result = runner.invoke(
        app, ["new-stack", "azure-uaenorth-dev", *base, "--env", "dev", "--sector", "health"]
    )
    assert result.exit_code == 0, result.output
    dev = load_stack_file("azure-uaenorth-dev", stacks_dir).platform
    assert (dev.sector, dev.data_classification) == ("health", "restricted")
    assert dev.monitoring.log_retention_days == 365
    result = runner.invoke(
        app, ["new-stack", "azure-uaenorth-x", *base, "--env", "dev", "--sector", "fintech"]
    )
    assert result.exit_code == 2
    assert "--sector 'fintech' is unknown" in " ".join(result.output.split())
    assert not (stacks_dir / "Pulumi.azure-uaenorth-x.yaml").exists()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ["--cloud", "aws", "--region", "me-south-1", "--env", "dev"],
            ["Bahrain", "allowed: me-central-1"],
        ),
        (
            ["--cloud", "azure", "--region", "westeurope", "--env", "dr"],
            ["allowed: uaenorth, uaecentral"],
        ),
        (["--cloud", "gcp", "--region", "me-central2", "--env", "dev"], ["use one of: aws, azure"]),
        (["--cloud", "aws", "--region", "me-central-1", "--env", "qa"], ["not an environment"]),
        (
            [
                "--cloud",
                "aws",
                "--region",
                "me-central-1",
                "--env",
                "dev",
                "--from",
                "azure-uaenorth-prod",
            ],
            ["is an azure stack"],
        ),
        (
            ["--cloud", "aws", "--region", "me-central-1", "--env", "dev", "--profile", "huge"],
            ["use smb or enterprise"],
        ),
    ],
)
def test_new_stack_refuses_bad_input_and_writes_nothing(
    stacks_dir: Path, args: list[str], words: list[str]
) -> None:
    before = sorted(p.name for p in stacks_dir.iterdir())
    result = runner.invoke(
        app, ["new-stack", "aws-uae-new", *args, "--stacks-dir", str(stacks_dir)]
    )
    assert result.exit_code == 2, result.output
    flat = " ".join(result.output.split())
    for word in words:
        assert word in flat
    assert sorted(p.name for p in stacks_dir.iterdir()) == before


def test_new_stack_refuses_to_overwrite(stacks_dir: Path) -> None:
    original = (stacks_dir / "Pulumi.aws-uae-dev.yaml").read_text()
    result = runner.invoke(
        app,
        [
            "new-stack",
            "aws-uae-dev",
            "--cloud",
            "aws",
            "--region",
            "me-central-1",
            "--env",
            "dev",
            "--stacks-dir",
            str(stacks_dir),
        ],
    )
    assert result.exit_code == 2
    assert "already exists" in result.output
    assert (stacks_dir / "Pulumi.aws-uae-dev.yaml").read_text() == original


def test_new_stack_without_a_template_asks_for_personas(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "new-stack",
            "aws-uae-dev",
            "--cloud",
            "aws",
            "--region",
            "me-central-1",
            "--env",
            "dev",
            "--stacks-dir",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 2
    assert "--persona NAME=PRINCIPAL" in " ".join(result.output.split())
    persona_args = []
    for persona in ("platform-admin", "ml-engineer", "data-scientist", "auditor"):
        persona_args += ["--persona", f"{persona}=arn:aws:iam::123456789012:role/{persona}"]
    result = runner.invoke(
        app,
        [
            "new-stack",
            "aws-uae-dev",
            "--cloud",
            "aws",
            "--region",
            "me-central-1",
            "--env",
            "dev",
            *persona_args,
            "--owner",
            "team@example.ae",
            "--cost-centre",
            "cc-1",
            "--stacks-dir",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    written = yaml.safe_load((tmp_path / "Pulumi.aws-uae-dev.yaml").read_text())
    assert written["config"]["sovereign-ml-platform:platform"]["region"] == "me-central-1"


def test_bad_stack_name_and_usage_errors_exit_2(stacks_dir: Path) -> None:
    result = runner.invoke(
        app,
        [
            "new-stack",
            "Bad_Name",
            "--cloud",
            "aws",
            "--region",
            "me-central-1",
            "--env",
            "dev",
            "--stacks-dir",
            str(stacks_dir),
        ],
    )
    assert result.exit_code == 2
    assert "lower-case" in result.output
    assert runner.invoke(app, ["plan"]).exit_code == 2
    assert runner.invoke(app, ["frobnicate"]).exit_code == 2


def test_the_installed_command_never_prints_a_traceback() -> None:
    smp = Path(sys.executable).parent / "smp"
    result = subprocess.run(
        [str(smp), "plan", "does-not-exist"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "no stack named 'does-not-exist'" in " ".join(result.stderr.split())
