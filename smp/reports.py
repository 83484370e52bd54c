"""The gate's verdicts as text, JSON, SARIF 2.1.0 (GitHub code scanning) and markdown.

Every format carries the same three kinds of result: violations (at the `.py` line
that declared the resource, with the stack file as a related location), waived
results (an unexpired policy exception covers them: reported with its reason and
expiry, never hidden) and stacks that could not be judged (an error at the
offending key of the stack file).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from policies.framework import Rule
from policies.uae_catalogues import describe
from smp.gate import PACK_NAME, StackResult, Violation

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# GitHub ranks code-scanning alerts by this number (0-10).
SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0"}
# The result id of a stack the gate could not judge (invalid file, failing program).
STACK_ERROR_RULE = "SMP-STACK"


def _where(v: Violation) -> str:
    return f"{v.source_file}:{v.source_line}" if v.source_file else ""


def _verdict(result: StackResult) -> str:
    if result.error is not None:
        return "error"
    return "fail" if result.mandatory else "pass"


def render_text(results: list[StackResult], console: Console) -> None:
    """Tables for a terminal: errors, then violations and waived results per stack, a summary."""
    summary = Table(title=f"{PACK_NAME}: policy check", title_justify="left")
    for col in ("stack", "resources", "mandatory", "advisory", "waived", "verdict"):
        summary.add_column(col, justify="left" if col in ("stack", "verdict") else "right")
    for result in results:
        if result.error is not None:
            e = result.error
            at = f"{e.file}:{e.line}:{e.column}" if e.line else e.file
            console.print(f"[bold red]{escape(result.stack)}: cannot be judged[/] ({escape(at)})")
            console.print(escape(e.message), highlight=False)
        rows = sorted(result.violations, key=lambda v: (not v.mandatory, v.rule_id)) + sorted(
            result.waived, key=lambda v: v.rule_id
        )
        if rows:
            table = Table(title=f"{result.stack}: findings", title_justify="left")
            for col in ("rule", "level", "resource", "declared at", "message"):
                table.add_column(col, overflow="fold")
            for v in rows:
                if v.waiver is not None:
                    level = f"[cyan]waived until {v.waiver.expires}[/]"
                    message = f"{v.detail} — waived: {v.waiver.reason}"
                else:
                    level = f"[{'red' if v.mandatory else 'yellow'}]{v.enforcement}[/]"
                    message = v.detail
                table.add_row(
                    v.rule_id, level, escape(v.resource_name), escape(_where(v)), escape(message)
                )
            console.print(table)
        advisory = len(result.violations) - len(result.mandatory)
        style = {"error": "red", "fail": "red", "pass": "green"}[_verdict(result)]
        summary.add_row(
            result.stack,
            str(result.resources),
            str(len(result.mandatory)),
            str(advisory),
            str(len(result.waived)),
            f"[{style}]{_verdict(result)}[/]",
        )
    console.print(summary)


def _violation_json(v: Violation) -> dict[str, Any]:
    return {
        "ruleId": v.rule_id,
        "policyName": v.policy_name,
        "enforcement": v.enforcement,
        "severity": v.severity,
        "message": v.detail,
        "urn": v.urn,
        "resourceType": v.resource_type,
        "resourceName": v.resource_name,
        "source": {"file": v.source_file, "line": v.source_line} if v.source_file else None,
        "waived": v.waiver is not None,
        **(
            {
                "waiver": {
                    "resource": v.waiver.resource,
                    "reason": v.waiver.reason,
                    "expires": v.waiver.expires,
                }
            }
            if v.waiver is not None
            else {}
        ),
    }


def render_json(results: list[StackResult]) -> str:
    """Machine-readable verdicts: `passed` is false on a mandatory violation or a stack error."""
    return (
        json.dumps(
            {
                "policyPack": PACK_NAME,
                "passed": not any(r.mandatory or r.error for r in results),
                "stacks": [
                    {
                        "stack": r.stack,
                        "stackFile": r.stack_file,
                        "resources": r.resources,
                        "verdict": _verdict(r),
                        "mandatory": len(r.mandatory),
                        "advisory": len(r.violations) - len(r.mandatory),
                        "waived": [_violation_json(v) for v in r.waived],
                        "violations": [_violation_json(v) for v in r.violations],
                        "error": None
                        if r.error is None
                        else {
                            "kind": r.error.kind,
                            "message": r.error.message,
                            "file": r.error.file,
                            "line": r.error.line,
                            "column": r.error.column,
                        },
                    }
                    for r in results
                ],
            },
            indent=2,
            sort_keys=True,
        )
        + "\n"
    )


def _controls(rule: Rule) -> str:
    m = rule.meta
    uae = m.uae
    return ", ".join(
        [
            *(f"ISO 27001:2022 {c}" for c in m.iso27001),
            *(f"NIST 800-53 r5 {c}" for c in m.nist80053),
            *(f"UAE IA {c}" for c in (uae.ia if uae else ())),
            *(describe(ref) for ref in (uae.law if uae else ())),
        ]
    )


def _uae_properties(rule: Rule) -> dict[str, Any]:
    """The rule's UAE claims as a SARIF property: IA controls (or why none), law references."""
    uae = rule.meta.uae
    if uae is None:
        return {"mapped": False}
    return {
        "mapped": True,
        "ia": list(uae.ia),
        "iaNoneApplies": uae.ia_none,
        "law": [{"ref": ref, "cites": describe(ref)} for ref in uae.law],
    }


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    m = rule.meta
    controls = _controls(rule)
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
        "defaultConfiguration": {
            "level": "error" if m.enforcement.value == "mandatory" else "warning"
        },
        "properties": {
            # UAE references carry their catalogue ("uae-ia:T6.3.1", "uae-pdpl:Art. 22"):
            # a bare T-number or article means nothing next to ISO and NIST ids.
            "tags": [
                "security",
                m.family,
                *m.iso27001,
                *m.nist80053,
                *(m.uae.refs if m.uae is not None else ()),
            ],
            "security-severity": SECURITY_SEVERITY[m.severity.value],
            "precision": "very-high",
            "uae": _uae_properties(rule),
        },
    }


_STACK_ERROR_DESCRIPTOR: dict[str, Any] = {
    "id": STACK_ERROR_RULE,
    "name": "stack-could-not-be-judged",
    "shortDescription": {"text": "The stack could not be planned and judged"},
    "fullDescription": {
        "text": "The stack file is invalid or the program failed while it was "
        "planned offline, so no rule could judge it; the gate fails."
    },
    "help": {
        "text": "Fix the configuration key or program error named in the message, then "
        "run `smp check` again.",
        "markdown": "Fix the configuration key or program error named in the message, "
        "then run `smp check` again.",
    },
    "defaultConfiguration": {"level": "error"},
    "properties": {"tags": ["configuration"], "precision": "very-high"},
}


def _artifact(uri: str) -> dict[str, Any]:
    # Relative paths resolve against the checkout (%SRCROOT%); a stack file outside
    # the project is given as an absolute file URI.
    if uri.startswith("/"):
        return {"uri": Path(uri).as_uri()}
    return {"uri": uri, "uriBaseId": "%SRCROOT%"}


def _region(line: int | None, column: int | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": line or 1}
    if column:
        region["startColumn"] = column
    return region


def _sarif_result(v: Violation, stack_file: str, index: dict[str, int]) -> dict[str, Any]:
    fingerprint = hashlib.sha256(f"{v.stack}|{v.rule_id}|{v.urn}|{v.detail}".encode()).hexdigest()
    logical: dict[str, Any] = {
        "fullyQualifiedName": v.urn or f"stack:{v.stack}",
        "kind": "resource" if v.urn else "module",
    }
    if v.urn:
        logical["name"] = v.resource_name
    stack_location: dict[str, Any] = {
        "id": 1,
        "physicalLocation": {"artifactLocation": _artifact(stack_file), "region": _region(1)},
        "message": {"text": f"stack {v.stack}"},
    }
    primary: dict[str, Any]
    related: list[dict[str, Any]]
    if v.source_file:
        primary = {
            "physicalLocation": {
                "artifactLocation": _artifact(v.source_file),
                "region": _region(v.source_line),
            },
            "logicalLocations": [logical],
        }
        related = [stack_location]
    else:
        primary = {
            "physicalLocation": stack_location["physicalLocation"],
            "logicalLocations": [logical],
        }
        related = []
    what = f"{v.resource_type} '{v.resource_name}'" if v.urn else "the stack"
    result: dict[str, Any] = {
        "ruleId": v.rule_id,
        "ruleIndex": index[v.rule_id],
        "level": "error" if v.enforcement == "mandatory" else "warning",
        "message": {"text": f"{v.stack}: {what}: {v.detail}"},
        "locations": [primary],
        "partialFingerprints": {"smpViolation/v1": fingerprint},
        "properties": {
            "stack": v.stack,
            "enforcement": v.enforcement,
            "resourceType": v.resource_type or "",
        },
    }
    if related:
        result["relatedLocations"] = related
    if v.waiver is not None:
        result["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": f"{v.waiver.reason} (policy exception for "
                f"'{v.waiver.resource}', expires {v.waiver.expires})",
            }
        ]
    return result


def render_sarif(
    results: list[StackResult], rules: list[Rule], project_root: Path | None = None
) -> str:
    """SARIF 2.1.0: results at the declaring `.py` line, waivers as suppressions, errors too."""
    index = {r.meta.id: i for i, r in enumerate(rules)}
    index[STACK_ERROR_RULE] = len(rules)
    sarif_results = []
    for result in results:
        if result.error is not None:
            e = result.error
            sarif_results.append(
                {
                    "ruleId": STACK_ERROR_RULE,
                    "ruleIndex": index[STACK_ERROR_RULE],
                    "level": "error",
                    "message": {"text": f"{result.stack}: {e.message}"},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": _artifact(e.file or result.stack_file),
                                "region": _region(e.line, e.column),
                            }
                        }
                    ],
                    "partialFingerprints": {
                        "smpViolation/v1": hashlib.sha256(
                            f"{result.stack}|{STACK_ERROR_RULE}|{e.message}".encode()
                        ).hexdigest()
                    },
                    "properties": {"stack": result.stack, "errorKind": e.kind},
                }
            )
        for v in [*result.violations, *result.waived]:
            sarif_results.append(_sarif_result(v, result.stack_file, index))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "smp-check",
                "fullName": f"Sovereign ML Platform policy gate ({PACK_NAME})",
                "informationUri": "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/",
                "version": "0.1.0",
                "rules": [*(_rule_descriptor(r) for r in rules), _STACK_ERROR_DESCRIPTOR],
            }
        },
        "results": sarif_results,
        "properties": {"stacks": [r.stack for r in results]},
    }
    if project_root is not None:
        # The checkout's root, so relative artifact URIs resolve inside it.
        run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": project_root.resolve().as_uri() + "/"}}
    document = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, indent=2) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(results: list[StackResult], rules: list[Rule] | None = None) -> str:
    """A pull-request comment: a summary, then per stack and rule what to fix and where."""
    by_id = {r.meta.id: r for r in rules or []}
    failed = [r for r in results if r.mandatory or r.error]
    head = "❌ **Policy check failed**" if failed else "✅ **Policy check passed**"
    lines = [
        f"### {PACK_NAME}",
        "",
        head,
        "",
        "| stack | resources | mandatory | advisory | waived | verdict |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in results:
        lines.append(
            f"| `{r.stack}` | {r.resources} | {len(r.mandatory)} | "
            f"{len(r.violations) - len(r.mandatory)} | {len(r.waived)} | "
            f"{_verdict(r)} |"
        )
    for r in results:
        if r.error is not None:
            e = r.error
            at = f"{e.file}:{e.line}" if e.line else e.file
            lines += [
                "",
                f"#### `{r.stack}`: cannot be judged (`{at}`)",
                "",
                "```text",
                e.message,
                "```",
            ]
        if not r.violations and not r.waived:
            continue
        groups: dict[str, list[Violation]] = defaultdict(list)
        for v in [*r.violations, *r.waived]:
            groups[v.rule_id].append(v)
        lines += ["", f"#### `{r.stack}`"]
        for rule_id in sorted(groups, key=lambda i: (not any(v.mandatory for v in groups[i]), i)):
            rule = by_id.get(rule_id)
            title = rule.meta.title if rule else rule_id
            found = groups[rule_id]
            level = found[0].enforcement
            lines += ["", f"**{rule_id} — {_md(title)}** ({level}, {len(found)})"]
            if rule is not None:
                lines += [
                    "",
                    f"Remediation: {_md(rule.meta.remediation)}",
                    "",
                    f"Controls: {_md(_controls(rule))}",
                ]
            lines += [
                "",
                "| resource type | resource | declared at | finding |",
                "|---|---|---|---|",
            ]
            for v in sorted(found, key=lambda v: (v.waiver is not None, v.resource_name)):
                finding = _md(v.detail)
                if v.waiver is not None:
                    finding = (
                        f"_waived until {v.waiver.expires}: {_md(v.waiver.reason)}_ — {finding}"
                    )
                where = f"`{_where(v)}`" if v.source_file else ""
                lines.append(
                    f"| `{v.resource_type or 'stack'}` | `{v.resource_name}` | "
                    f"{where} | {finding} |"
                )
    return "\n".join(lines) + "\n"


def all_violations(results: Iterable[StackResult]) -> list[Violation]:
    """Every violation of every stack."""
    return [v for r in results for v in r.violations]
