"""The control matrix, generated from rule metadata and the test suite — never hand-kept.

Each ISO 27001:2022 Annex A and NIST 800-53 r5 control the pack claims, each UAE
catalogue (the UAE IA Regulation's M1-M6/T1-T9 controls, the PDPL, the CBUAE
outsourcing regulation, the DIFC/ADGM transfer provisions, the health-data rules)
with its coverage, the rules that enforce each control, and the tests that prove
each rule (test ids that name the rule id, found by pytest's own collection).
`docs/CONTROLS.md` and `docs/controls.html` are this output; tests fail when
either is stale.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from policies.admission import admission_checks, not_at_admission
from policies.catalogue import all_rules
from policies.framework import Rule
from policies.uae_catalogues import Catalogue, Requirement, Scope, all_catalogues, describe

REPO_ROOT = Path(__file__).resolve().parent.parent
CONTROLS_DOC = REPO_ROOT / "docs" / "CONTROLS.md"
CONTROLS_HTML = REPO_ROOT / "docs" / "controls.html"
_RULE_ID = re.compile(r"\b([A-Z][A-Z0-9]{2}-\d{3})\b")
# ISO/IEC 27001:2022 Annex A themes and their sizes (93 controls).
ISO_THEMES = (
    ("A.5", "Organizational controls", 37),
    ("A.6", "People controls", 8),
    ("A.7", "Physical controls", 14),
    ("A.8", "Technological controls", 34),
)
# Statuses of a catalogue requirement, in the order reports show them.
ENFORCED, GAP, OUT_OF_SCOPE = "enforced", "checkable, no rule yet", "out of scope for code"


@functools.cache
def _collect(cwd: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    try:
        completed = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "--collect-only",
                "-q",
                "-p",
                "no:cacheprovider",
                "tests/policies",
                "tests/smp",
            ],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return ()
    found: dict[str, list[str]] = defaultdict(list)
    for line in completed.stdout.splitlines():
        if "::" not in line:
            continue
        for rule_id in set(_RULE_ID.findall(line.replace("_", "-").upper())):
            found[rule_id].append(line.strip())
    return tuple((k, tuple(sorted(v))) for k, v in sorted(found.items()))


def collect_rule_tests() -> dict[str, list[str]]:
    """Rule id -> pytest node ids that name it (parametrize ids, test names).

    Collected once per process: the markdown and HTML matrices share one collection.
    """
    return {rule_id: list(tests) for rule_id, tests in _collect(REPO_ROOT)}


def _by_control(rules: list[Rule], attribute: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for rule in rules:
        for control in getattr(rule.meta, attribute):
            out[control].append(rule.meta.id)
    return dict(sorted(out.items(), key=lambda kv: _control_key(kv[0])))


def _control_key(control: str) -> tuple[object, ...]:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.\-()]", control) if p)


# ---------------------------------------------------------------------------
# UAE catalogues: which rules enforce each requirement, and coverage per family.


@dataclass(frozen=True)
class RequirementStatus:
    """A catalogue requirement, the rules citing it, and what that makes it."""

    requirement: Requirement
    rules: tuple[str, ...]

    @property
    def status(self) -> str:
        """enforced, checkable with no rule yet, or out of scope for code."""
        if self.rules:
            return ENFORCED
        return GAP if self.requirement.scope is Scope.CODE else OUT_OF_SCOPE


@dataclass
class FamilyCoverage:
    """Counts for one family (or a whole catalogue)."""

    id: str
    title: str
    controls: int = 0
    enforced: int = 0
    gaps: int = 0
    out_of_scope: dict[Scope, int] = field(default_factory=dict)

    @property
    def out_of_scope_total(self) -> int:
        """Requirements no rule over the plan can enforce."""
        return sum(self.out_of_scope.values())

    def add(self, status: RequirementStatus) -> None:
        """Count one requirement."""
        self.controls += 1
        if status.status == ENFORCED:
            self.enforced += 1
        elif status.status == GAP:
            self.gaps += 1
        else:
            scope = status.requirement.scope
            self.out_of_scope[scope] = self.out_of_scope.get(scope, 0) + 1


def catalogue_status(catalogue: Catalogue, rules: list[Rule]) -> list[RequirementStatus]:
    """Every requirement of the catalogue with the rules (in id order) that cite it."""
    citing: dict[str, list[str]] = defaultdict(list)
    for rule in rules:
        uae = rule.meta.uae
        for ref in uae.refs if uae is not None else ():
            citing[ref].append(rule.meta.id)
    return [
        RequirementStatus(r, tuple(sorted(citing.get(f"{catalogue.key}:{r.id}", []))))
        for r in catalogue.requirements
    ]


def family_coverage(
    catalogue: Catalogue, statuses: list[RequirementStatus]
) -> list[FamilyCoverage]:
    """Coverage per family, then a total row (id "total")."""
    rows = {f.id: FamilyCoverage(f.id, f.title) for f in catalogue.families}
    total = FamilyCoverage("total", "all families")
    for status in statuses:
        if status.requirement.family in rows:
            rows[status.requirement.family].add(status)
        total.add(status)
    return [*rows.values(), total]


def _reason_and_note(s: RequirementStatus) -> str:
    """Why a requirement nobody enforces is out of scope, and what its note says."""
    r = s.requirement
    reason = r.out_of_scope_reason if not s.rules else None
    parts = [p for p in (reason, f"note: {r.note}" if r.note else None) if p]
    return "; ".join(parts)


def _uae_line(rule: Rule) -> str:
    uae = rule.meta.uae
    if uae is None:
        return "- UAE: not mapped (add the rule to policies/uae_mapping.py)"
    ia = ", ".join(uae.ia) if uae.ia else f"none applies ({uae.ia_none})"
    law = ", ".join(describe(ref) for ref in uae.law) or "none"
    return f"- UAE IA: {ia}; UAE law and sector rules: {law}"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _scope_word(scope: Scope) -> str:
    return {
        Scope.PROCESS: "process",
        Scope.PHYSICAL: "physical",
        Scope.OTHER_ASSETS: "other assets",
        Scope.CODE: "code",
    }[scope]


def _markdown_uae(rules: list[Rule]) -> list[str]:
    catalogues = all_catalogues()
    ia = catalogues["uae-ia"]
    statuses = catalogue_status(ia, rules)
    lines = [
        "",
        f"## {ia.title}",
        "",
        f"Edition: {ia.edition}. Applies to: {ia.applies_to}.",
        "",
        "### Coverage per family",
        "",
        "Out of scope for code: process (policies, procedures, agreements, reviews, "
        "people), physical, or other assets (technical, about assets the platform does not "
        "provision). Every control with its reason: [controls.html](controls.html).",
        "",
        "| family | controls | enforced by a rule | checkable in code, no rule yet | "
        "out of scope for code (process / physical / other assets) |",
        "|---|---:|---:|---:|---|",
    ]
    for row in family_coverage(ia, statuses):
        name = f"**{row.title}**" if row.id == "total" else f"{row.id} {row.title}"
        split = " / ".join(
            str(row.out_of_scope.get(s, 0))
            for s in (Scope.PROCESS, Scope.PHYSICAL, Scope.OTHER_ASSETS)
        )
        lines.append(
            f"| {name} | {row.controls} | {row.enforced} | {row.gaps} | "
            f"{row.out_of_scope_total} ({split}) |"
        )
    lines += [
        "",
        "### Controls the rules enforce",
        "",
        "| control | title | priority | rules |",
        "|---|---|---|---|",
    ]
    for s in statuses:
        if s.status == ENFORCED:
            r = s.requirement
            lines.append(
                f"| {r.id} | {_md(r.title)} | {r.priority or '—'} | {', '.join(s.rules)} |"
            )
    lines += [
        "",
        "### Controls code could check that no rule enforces yet",
        "",
        "| control | title | priority |",
        "|---|---|---|",
    ]
    for s in statuses:
        if s.status == GAP:
            r = s.requirement
            lines.append(f"| {r.id} | {_md(r.title)} | {r.priority or '—'} |")
    lines += ["", "## UAE law and sector regulation", ""]
    for catalogue in catalogues.values():
        if catalogue.key == "uae-ia":
            continue
        lines += [
            f"### {catalogue.short}: {catalogue.title}",
            "",
            f"Issuer: {catalogue.issuer}. Edition: {catalogue.edition}. "
            f"Applies to: {catalogue.applies_to}.",
            "",
            "| requirement | title | rules | note |",
            "|---|---|---|---|",
        ]
        for s in catalogue_status(catalogue, rules):
            r = s.requirement
            enforced = ", ".join(s.rules) if s.rules else s.status
            lines.append(f"| {r.id} | {_md(r.title)} | {enforced} | {_md(_reason_and_note(s))} |")
        lines.append("")
    lines += ["## Sources of the UAE catalogues", ""]
    for catalogue in catalogues.values():
        lines.append(f"- **{catalogue.short}**")
        lines += [f"  - {_md(source.cite())}" for source in catalogue.sources]
    return lines


def admission_table() -> list[tuple[str, str, str]]:
    """(rule, where it is enforced in the cluster, why not) for every Kubernetes rule."""
    checks, missing = admission_checks(), not_at_admission()
    rows = [(r, f"ValidatingAdmissionPolicy {c.policy_name}", "") for r, c in checks.items()]
    rows += [(r, "not enforceable at admission", n.reason) for r, n in missing.items()]
    return sorted(rows)


def _admission_line(rule_id: str) -> list[str]:
    for rule, where, why in admission_table():
        if rule == rule_id:
            return [f"- in the cluster: {where}" + (f" ({why})" if why else "")]
    return []


def _markdown_admission() -> list[str]:
    lines = [
        "",
        "## Kubernetes rules at admission",
        "",
        "The in-cluster layer deploys each rule that one object decides as a built-in "
        "ValidatingAdmissionPolicy with a binding (deny in prod and dr, warn and audit in "
        "dev and staging); the others cannot be judged at admission, for the reason given.",
        "",
        "| rule | in the cluster | why not at admission |",
        "|---|---|---|",
    ]
    lines += [f"| {r} | {where} | {_md(why)} |" for r, where, why in admission_table()]
    return lines


def render_controls_markdown(tests: dict[str, list[str]] | None = None) -> str:
    """docs/CONTROLS.md."""
    rules = all_rules()
    tests = collect_rule_tests() if tests is None else tests
    lines = [
        "# Control matrix",
        "",
        "Generated by `smp controls` from the policy pack's rule metadata, the UAE "
        "catalogues (`policies/uae_catalogues.py`, `policies/uae_ia_regulation.py`, mapped "
        "in `policies/uae_mapping.py`) and the test suite; do not edit by hand (CI fails "
        "when this file is stale). The same matrix as a page: [controls.html](controls.html).",
        "",
        f"{len(rules)} rules in the pack `sovereign-ml-guardrails`.",
        "",
        "## ISO/IEC 27001:2022 Annex A",
        "",
        "| control | rules |",
        "|---|---|",
    ]
    for control, ids in _by_control(rules, "iso27001").items():
        lines.append(f"| {control} | {', '.join(ids)} |")
    lines += ["", "## NIST SP 800-53 Rev. 5", "", "| control | rules |", "|---|---|"]
    for control, ids in _by_control(rules, "nist80053").items():
        lines.append(f"| {control} | {', '.join(ids)} |")
    lines += _markdown_uae(rules)
    lines += _markdown_admission()
    lines += ["", "## Rules and the tests that prove them", ""]
    for rule in rules:
        m = rule.meta
        proof = tests.get(m.id, [])
        lines += [
            f"### {m.id} — {m.title}",
            "",
            f"{m.description}",
            "",
            f"- family: {m.family}; severity: {m.severity.value}; enforcement: "
            f"{m.enforcement.value}; policy name: `{m.policy_name}`",
            f"- ISO 27001:2022: {', '.join(m.iso27001)}; NIST 800-53 r5: {', '.join(m.nist80053)}",
            _uae_line(rule),
            *_admission_line(m.id),
            f"- remediation: {m.remediation}",
            f"- tests ({len(proof)}):" + ("" if proof else " none found"),
        ]
        lines += [f"  - `{t}`" for t in proof]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# ---------------------------------------------------------------------------
# The HTML page: the same matrix per catalogue, built as a DOM (escaping included).

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1b1f24;
max-width:78rem}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
table{border-collapse:collapse;margin:.8rem 0 1.2rem;font-size:.9rem}
th,td{border:1px solid #d0d7de;padding:.3rem .55rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.total td{font-weight:600;background:#f6f8fa}
.enforced{color:#116329}.gap{color:#9a6700}.out{color:#57606a}
.bar{display:inline-block;height:.7rem;background:#2da44e;vertical-align:middle}
.bar.g{background:#d4a72c}.bar.o{background:#d0d7de}
p.meta{color:#57606a;font-size:.9rem}
"""
_STATUS_CLASS = {ENFORCED: "enforced", GAP: "gap", OUT_OF_SCOPE: "out"}


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, tag, {k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        node.text = text
    return node


def _table(parent: ET.Element, head: Iterable[str]) -> ET.Element:
    table = _el(parent, "table")
    row = _el(_el(table, "thead"), "tr")
    for title in head:
        _el(row, "th", title)
    return _el(table, "tbody")


def _row(
    body: ET.Element, cells: Iterable[str | tuple[str, str]], class_: str | None = None
) -> ET.Element:
    row = _el(body, "tr", **({"class_": class_} if class_ else {}))
    for cell in cells:
        if isinstance(cell, tuple):
            _el(row, "td", cell[0], class_=cell[1])
        else:
            _el(row, "td", cell)
    return row


def _coverage_bar(cell: ET.Element, row: FamilyCoverage) -> None:
    # One bar per status, widths in percent of the family's controls.
    for count, css in (
        (row.enforced, "bar"),
        (row.gaps, "bar g"),
        (row.out_of_scope_total, "bar o"),
    ):
        if count:
            _el(
                cell,
                "span",
                "",
                class_=css,
                style=f"width:{160 * count / row.controls:.0f}px",
                title=f"{count} of {row.controls}",
            )


def _html_uae_ia(body: ET.Element, ia: Catalogue, rules: list[Rule]) -> None:
    statuses = catalogue_status(ia, rules)
    _el(body, "h2", ia.title, id="uae-ia")
    _el(body, "p", f"Edition: {ia.edition}. Applies to: {ia.applies_to}.", class_="meta")
    _el(body, "h3", "Coverage per family")
    table = _table(
        body,
        (
            "family",
            "controls",
            "enforced by a rule",
            "checkable in code, no rule yet",
            "process-only",
            "physical",
            "other assets",
            "coverage",
        ),
    )
    for row in family_coverage(ia, statuses):
        cells: list[str | tuple[str, str]] = [
            f"{row.id} {row.title}" if row.id != "total" else "all families",
            (str(row.controls), "n"),
            (str(row.enforced), "n"),
            (str(row.gaps), "n"),
            *(
                (str(row.out_of_scope.get(s, 0)), "n")
                for s in (Scope.PROCESS, Scope.PHYSICAL, Scope.OTHER_ASSETS)
            ),
        ]
        tr = _row(table, cells, "total" if row.id == "total" else None)
        _coverage_bar(_el(tr, "td"), row)
    for family in ia.families:
        _el(body, "h3", f"{family.id} {family.title}", id=f"uae-ia-{family.id}")
        table = _table(body, ("control", "title", "priority", "status", "rules or reason"))
        for s in statuses:
            r = s.requirement
            if r.family != family.id:
                continue
            detail = "; ".join(p for p in (", ".join(s.rules), _reason_and_note(s)) if p)
            status = (
                s.status if s.status != OUT_OF_SCOPE else f"{OUT_OF_SCOPE}: {_scope_word(r.scope)}"
            )
            _row(
                table, (r.id, r.title, r.priority or "—", (status, _STATUS_CLASS[s.status]), detail)
            )


def _html_law(body: ET.Element, catalogue: Catalogue, rules: list[Rule]) -> None:
    _el(body, "h2", f"{catalogue.short}: {catalogue.title}", id=catalogue.key)
    _el(
        body,
        "p",
        f"Issuer: {catalogue.issuer}. Edition: {catalogue.edition}. Applies to: "
        f"{catalogue.applies_to}.",
        class_="meta",
    )
    table = _table(body, ("requirement", "title", "status", "rules or reason", "source"))
    for s in catalogue_status(catalogue, rules):
        r = s.requirement
        detail = "; ".join(p for p in (", ".join(s.rules), _reason_and_note(s)) if p)
        _row(table, (r.id, r.title, (s.status, _STATUS_CLASS[s.status]), detail, r.source.cite()))


def _html_framework(body: ET.Element, rules: list[Rule], tests: dict[str, list[str]]) -> None:
    _el(body, "h2", "ISO/IEC 27001:2022 Annex A", id="iso27001")
    by_iso = _by_control(rules, "iso27001")
    table = _table(body, ("theme", "controls in the theme", "controls the rules claim"))
    for theme, title, size in ISO_THEMES:
        claimed = [c for c in by_iso if c.startswith(theme + ".")]
        _row(table, (f"{theme} {title}", (str(size), "n"), (str(len(claimed)), "n")))
    table = _table(body, ("control", "rules"))
    for control, ids in by_iso.items():
        _row(table, (control, ", ".join(ids)))
    _el(body, "h2", "NIST SP 800-53 Rev. 5", id="nist800-53")
    by_nist = _by_control(rules, "nist80053")
    families: dict[str, list[str]] = defaultdict(list)
    for control in by_nist:
        families[control.split("-")[0]].append(control)
    table = _table(body, ("family", "controls the rules claim"))
    for family, controls in sorted(families.items()):
        _row(table, (family, ", ".join(controls)))
    table = _table(body, ("control", "rules"))
    for control, ids in by_nist.items():
        _row(table, (control, ", ".join(ids)))
    _el(body, "h2", "Rules", id="rules")
    table = _table(
        body,
        (
            "rule",
            "title",
            "enforcement",
            "ISO 27001:2022",
            "NIST 800-53 r5",
            "UAE IA",
            "UAE law and sector rules",
            "tests",
        ),
    )
    for rule in rules:
        m, uae = rule.meta, rule.meta.uae
        ia = "not mapped" if uae is None else (", ".join(uae.ia) or f"none: {uae.ia_none}")
        law = "" if uae is None else ", ".join(describe(ref) for ref in uae.law)
        _row(
            table,
            (
                m.id,
                m.title,
                m.enforcement.value,
                ", ".join(m.iso27001),
                ", ".join(m.nist80053),
                ia,
                law,
                (str(len(tests.get(m.id, []))), "n"),
            ),
        )


def render_controls_html(tests: dict[str, list[str]] | None = None) -> str:
    """docs/controls.html: the matrix per catalogue with coverage per family."""
    rules = all_rules()
    tests = collect_rule_tests() if tests is None else tests
    catalogues = all_catalogues()
    html = ET.Element("html", lang="en")
    head = _el(html, "head")
    _el(head, "meta", charset="utf-8")
    _el(head, "title", "Control matrix: sovereign-ml-guardrails")
    _el(head, "style", _CSS)
    body = _el(html, "body")
    _el(body, "h1", "Control matrix: sovereign-ml-guardrails")
    _el(
        body,
        "p",
        f"Generated by `smp controls --format html` from the policy pack's "
        f"{len(rules)} rules, the UAE catalogues and the test suite; do not edit "
        "by hand (a test fails when it is stale).",
        class_="meta",
    )
    nav = _el(_el(body, "nav"), "ul")
    for anchor, title in (
        ("uae-ia", catalogues["uae-ia"].short),
        *((c.key, c.short) for c in catalogues.values() if c.key != "uae-ia"),
        ("iso27001", "ISO/IEC 27001:2022"),
        ("nist800-53", "NIST 800-53 r5"),
        ("rules", "Rules"),
        ("admission", "At admission"),
        ("sources", "Sources"),
    ):
        _el(_el(nav, "li"), "a", title, href=f"#{anchor}")
    _html_uae_ia(body, catalogues["uae-ia"], rules)
    for catalogue in catalogues.values():
        if catalogue.key != "uae-ia":
            _html_law(body, catalogue, rules)
    _html_framework(body, rules, tests)
    _el(body, "h2", "Kubernetes rules at admission", id="admission")
    table = _table(body, ("rule", "in the cluster", "why not at admission"))
    for row in admission_table():
        _row(table, row)
    _el(body, "h2", "Sources of the UAE catalogues", id="sources")
    for catalogue in catalogues.values():
        _el(body, "h3", catalogue.title)
        items = _el(body, "ul")
        for source in catalogue.sources:
            item = _el(
                items, "li", f"{source.title}, {source.where}" + (": " if source.url else "")
            )
            if source.url:
                _el(item, "a", source.url, href=source.url)
    ET.indent(html)
    return "<!DOCTYPE html>\n" + ET.tostring(html, encoding="unicode", method="html") + "\n"


def render_controls_csv(tests: dict[str, list[str]] | None = None) -> str:
    """One row per (framework, control, rule) with the rule's test count."""
    tests = collect_rule_tests() if tests is None else tests
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["framework", "control", "rule", "title", "enforcement", "severity", "tests"])
    catalogues = all_catalogues()
    for rule in all_rules():
        m = rule.meta
        claims: list[tuple[str, str]] = [
            *(("ISO 27001:2022", c) for c in m.iso27001),
            *(("NIST 800-53 r5", c) for c in m.nist80053),
        ]
        for ref in m.uae.refs if m.uae is not None else ():
            key, _, requirement_id = ref.partition(":")
            claims.append((catalogues[key].short if key in catalogues else key, requirement_id))
        for framework, control in claims:
            writer.writerow(
                [
                    framework,
                    control,
                    m.id,
                    m.title,
                    m.enforcement.value,
                    m.severity.value,
                    len(tests.get(m.id, [])),
                ]
            )
    return buffer.getvalue()
