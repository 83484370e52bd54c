"""The gate's verdicts as text, JSON, SARIF 2.1.0 (GitHub code scanning) and markdown."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.table import Table

from policies.framework import Rule
from stacks.policy_gate import PACK_NAME, StackResult, Violation

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# GitHub ranks code-scanning alerts by this number (0-10).
SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0"}


def _resource_name(urn: str | None) -> str:
    return urn.rsplit("::", 1)[-1] if urn else "(stack)"


def render_text(results: list[StackResult], console: Console) -> None:
    """Tables for a terminal: one per stack with violations, then a summary."""
    summary = Table(title=f"{PACK_NAME}: policy check", title_justify="left")
    for col in ("stack", "resources", "mandatory", "advisory", "verdict"):
        summary.add_column(col, justify="left" if col in ("stack", "verdict") else "right")
    for result in results:
        if result.violations:
            table = Table(title=f"{result.stack}: violations", title_justify="left")
            for col in ("rule", "level", "resource", "message"):
                table.add_column(col, overflow="fold")
            for v in sorted(result.violations, key=lambda v: (not v.mandatory, v.rule_id)):
                style = "red" if v.mandatory else "yellow"
                table.add_row(v.rule_id, f"[{style}]{v.enforcement}[/]",
                              _resource_name(v.urn), v.message)
            console.print(table)
        advisory = len(result.violations) - len(result.mandatory)
        verdict = "[red]fail[/]" if result.mandatory else "[green]pass[/]"
        summary.add_row(result.stack, str(result.resources), str(len(result.mandatory)),
                        str(advisory), verdict)
    console.print(summary)


def render_json(results: list[StackResult]) -> str:
    """Machine-readable verdicts."""
    return json.dumps({
        "policyPack": PACK_NAME,
        "passed": not any(r.mandatory for r in results),
        "stacks": [{
            "stack": r.stack, "resources": r.resources,
            "mandatory": len(r.mandatory), "advisory": len(r.violations) - len(r.mandatory),
            "violations": [v.__dict__ for v in r.violations],
        } for r in results],
    }, indent=2, sort_keys=True) + "\n"


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    m = rule.meta
    controls = ", ".join([*(f"ISO 27001:2022 {c}" for c in m.iso27001),
                          *(f"NIST 800-53 r5 {c}" for c in m.nist80053)])
    return {
        "id": m.id,
        "name": m.policy_name,
        "shortDescription": {"text": m.title},
        "fullDescription": {"text": m.description},
        "help": {
            "text": f"{m.description}\nRemediation: {m.remediation}\nControls: {controls}",
            "markdown": f"**{m.title}**\n\n{m.description}\n\n**Remediation:** "
                        f"{m.remediation}\n\n**Controls:** {controls}",
        },
        "defaultConfiguration": {"level": "error" if m.enforcement.value == "mandatory"
                                 else "warning"},
        "properties": {
            "tags": ["security", m.family, *m.iso27001, *m.nist80053],
            "security-severity": SECURITY_SEVERITY[m.severity.value],
            "precision": "very-high",
        },
    }


def render_sarif(results: list[StackResult], rules: list[Rule]) -> str:
    """SARIF 2.1.0: rule metadata, results located at the stack file and the resource URN."""
    index = {r.meta.id: i for i, r in enumerate(rules)}
    sarif_results = []
    for result in results:
        for v in result.violations:
            fingerprint = hashlib.sha256(f"{v.stack}|{v.rule_id}|{v.urn}|{v.message}".encode()
                                         ).hexdigest()
            logical: dict[str, Any] = {"fullyQualifiedName": v.urn or f"stack:{v.stack}",
                                       "kind": "resource" if v.urn else "module"}
            if v.urn:
                logical["name"] = _resource_name(v.urn)
            sarif_results.append({
                "ruleId": v.rule_id,
                "ruleIndex": index[v.rule_id],
                "level": "error" if v.mandatory else "warning",
                "message": {"text": f"{v.stack}: {v.message}"},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": f"stacks/Pulumi.{v.stack}.yaml",
                                             "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": 1},
                    },
                    "logicalLocations": [logical],
                }],
                "partialFingerprints": {"smpViolation/v1": fingerprint},
                "properties": {"stack": v.stack, "enforcement": v.enforcement,
                               "resourceType": v.resource_type or ""},
            })
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "smp-check",
                "fullName": f"Sovereign ML Platform policy gate ({PACK_NAME})",
                "informationUri": "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/",
                "version": "0.1.0",
                "rules": [_rule_descriptor(r) for r in rules],
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": "file:///"}},
            "results": sarif_results,
            "properties": {"stacks": [r.stack for r in results]},
        }],
    }
    return json.dumps(document, indent=2) + "\n"


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(results: list[StackResult]) -> str:
    """A pull-request comment: a summary table, then a table per stack with violations."""
    failed = [r for r in results if r.mandatory]
    head = "❌ **Policy check failed**" if failed else "✅ **Policy check passed**"
    lines = [f"### {PACK_NAME}", "", head, "",
             "| stack | resources | mandatory | advisory |", "|---|---:|---:|---:|"]
    for r in results:
        lines.append(f"| `{r.stack}` | {r.resources} | {len(r.mandatory)} | "
                     f"{len(r.violations) - len(r.mandatory)} |")
    for r in results:
        if not r.violations:
            continue
        counts = Counter(v.rule_id for v in r.violations)
        tally = ", ".join(f"{k} x{n}" for k, n in sorted(counts.items()))
        lines += ["", f"#### `{r.stack}` ({tally})",
                  "", "| rule | level | resource | message |", "|---|---|---|---|"]
        for v in sorted(r.violations, key=lambda v: (not v.mandatory, v.rule_id)):
            lines.append(f"| {v.rule_id} | {v.enforcement} | `{_resource_name(v.urn)}` | "
                         f"{_md_escape(v.message)} |")
    return "\n".join(lines) + "\n"


def all_violations(results: Iterable[StackResult]) -> list[Violation]:
    """Every violation of every stack."""
    return [v for r in results for v in r.violations]
