"""`smp record STACK`: the residency and transfer record of a stack, from its offline plan.

What a data-protection officer needs for an impact assessment (PDPL Art. 21) and
for the transfer articles (Art. 22-23): every data store and stream with where it
lives, its encryption and key, its retention and who may read and write it; every
flow leaving a store with the jurisdiction's verdict; and every exception that
waives a residency result, with its reason and expiry. The content comes from
`policies.data_flows` (the same reading RES-020 judges) and the pack's residency
rules run over the plan (`smp.gate.judge_plan`), so the record and the gate agree.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from policies.data_flows import transfer_record
from policies.jurisdictions import get_jurisdiction
from policies.sectors import profile
from smp.gate import judge_plan, stack_resources
from smp.offline.engine import Plan

FORMATS = {".md": "markdown", ".json": "json", ".html": "html"}
RECORD_RULES = ("RES-020",)


def build_record(
    plan: Plan,
    jurisdiction_id: str,
    sector_id: str,
    pack_config: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The record as data (what the JSON holds; markdown and HTML render it)."""
    from policies.catalogue import all_rules

    j = get_jurisdiction(jurisdiction_id)
    resources = stack_resources(plan)
    record = transfer_record(resources, j)
    residency = [r for r in all_rules() if r.meta.family == "residency"]
    violations, waived = judge_plan(plan, residency, pack_config or {})
    waived_by_urn: dict[str, list[dict[str, Any]]] = {}
    exceptions = []
    for w in waived:
        assert w.waiver is not None
        entry = {
            "rule": w.rule_id,
            "resource": w.urn,
            "pattern": w.waiver.resource,
            "reason": w.waiver.reason,
            "expires": w.waiver.expires,
            "finding": w.message,
        }
        exceptions.append(entry)
        if w.urn:
            waived_by_urn.setdefault(w.urn, []).append(entry)
    flow_violations = {v.urn for v in violations if v.rule_id in RECORD_RULES}
    flows = []
    for f in record.flows:
        item = asdict(f)
        item["leaves"] = f.leaves
        if not f.leaves:
            item["status"] = "stays in jurisdiction"
        elif any(e["rule"] in RECORD_RULES for e in waived_by_urn.get(f.via_urn, [])):
            item["status"] = "leaves: waived by an unexpired exception"
        else:
            item["status"] = "leaves: violation (no unexpired exception)"
            flow_violations.add(f.via_urn)
        flows.append(item)
    sector = profile(sector_id)
    return {
        "stack": plan.stack,
        "jurisdiction": {
            "id": j.id,
            "name": j.name,
            "allowed": {cloud: list(regions) for cloud, regions in j.regions.items()},
        },
        "sector": {
            "id": sector.id,
            "title": sector.title,
            "requirements": list(sector.requirements),
        },
        "stores": [asdict(s) for s in record.stores],
        "flows": flows,
        "exceptions": exceptions,
        "residencyViolations": [
            {"rule": v.rule_id, "resource": v.urn, "message": v.message} for v in violations
        ],
        "verdict": "fail"
        if any(f["status"].startswith("leaves: violation") for f in flows)
        else "pass",
    }


def to_json(record: Mapping[str, Any]) -> str:
    """The record for machines: stable, pretty JSON."""
    return json.dumps(record, indent=2, sort_keys=True) + "\n"


def _cell(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value) or "-"
    text = str(value) if value not in (None, "") else "-"
    return text.replace("|", "\\|").replace("\n", " ")


def _grants_text(store: Mapping[str, Any]) -> str:
    parts = []
    for g in store["grants"]:
        who = g["principal"] + (f" ({', '.join(g['workloads'])})" if g["workloads"] else "")
        parts.append(f"{who}: {g['access']}")
    return "; ".join(parts) or "no grant in the plan"


def to_markdown(record: Mapping[str, Any]) -> str:
    """The record as a markdown page."""
    j = record["jurisdiction"]
    lines = [
        f"# Residency and transfer record: {record['stack']}",
        "",
        f"Jurisdiction: **{j['name']}** ({j['id']}; allowed: "
        + ", ".join(f"{c} {', '.join(r)}" for c, r in j["allowed"].items())
        + f"). Sector: **{record['sector']['id']}** ({record['sector']['title']}). "
        f"Verdict: **{record['verdict']}**.",
        "",
        f"## Data stores and streams ({len(record['stores'])})",
        "",
        "| kind | name | type | location | encryption | keys | retention | read / write |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for s in record["stores"]:
        lines.append(
            "| "
            + " | ".join(
                _cell(v)
                for v in (
                    s["kind"],
                    s["name"],
                    s["type"],
                    s["location"],
                    s["encryption"],
                    s["keys"],
                    s["retention"],
                    _grants_text(s),
                )
            )
            + " |"
        )
    lines += [
        "",
        f"## Flows leaving a store ({len(record['flows'])})",
        "",
        "| kind | from | to | lands in | verdict | status |",
        "|---|---|---|---|---|---|",
    ]
    for f in record["flows"]:
        lines.append(
            "| "
            + " | ".join(
                _cell(v)
                for v in (
                    f["kind"],
                    f["source"],
                    f["destination"],
                    f["location"],
                    f"{f['verdict']}: {f['reason']}" if f["reason"] else f["verdict"],
                    f["status"],
                )
            )
            + " |"
        )
    lines += ["", f"## Waived exceptions ({len(record['exceptions'])})", ""]
    if record["exceptions"]:
        lines += ["| rule | resource | reason | expires |", "|---|---|---|---|"]
        for e in record["exceptions"]:
            lines.append(
                f"| {_cell(e['rule'])} | {_cell(e['resource'])} | {_cell(e['reason'])} | "
                f"{_cell(e['expires'])} |"
            )
    else:
        lines.append("No exception waives a residency result.")
    return "\n".join(lines) + "\n"


def to_html(record: Mapping[str, Any]) -> str:
    """The record as one self-contained HTML page."""
    e = html.escape

    def table(headers: list[str], rows: list[list[Any]]) -> str:
        head = "".join(f"<th>{e(h)}</th>" for h in headers)
        body = "".join(
            "<tr>" + "".join(f"<td>{e(_cell(c))}</td>" for c in row) + "</tr>" for row in rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    j = record["jurisdiction"]
    stores = table(
        ["kind", "name", "type", "location", "encryption", "keys", "retention", "read / write"],
        [
            [
                s["kind"],
                s["name"],
                s["type"],
                s["location"],
                s["encryption"],
                s["keys"],
                s["retention"],
                _grants_text(s),
            ]
            for s in record["stores"]
        ],
    )
    flows = table(
        ["kind", "from", "to", "lands in", "verdict", "status"],
        [
            [f["kind"], f["source"], f["destination"], f["location"], f["verdict"], f["status"]]
            for f in record["flows"]
        ],
    )
    exceptions = table(
        ["rule", "resource", "reason", "expires"],
        [[x["rule"], x["resource"], x["reason"], x["expires"]] for x in record["exceptions"]],
    )
    title = f"Residency and transfer record: {record['stack']}"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{e(title)}</title><style>body{{font-family:sans-serif;margin:2em}}"
        "table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #ccc;"
        "padding:4px 8px;text-align:left;vertical-align:top;font-size:0.9em}</style></head>"
        f"<body><h1>{e(title)}</h1><p>Jurisdiction: <strong>{e(j['name'])}</strong> "
        f"({e(j['id'])}). Sector: <strong>{e(record['sector']['id'])}</strong>. Verdict: "
        f"<strong>{e(record['verdict'])}</strong>.</p>"
        f"<h2>Data stores and streams ({len(record['stores'])})</h2>{stores}"
        f"<h2>Flows leaving a store ({len(record['flows'])})</h2>{flows}"
        f"<h2>Waived exceptions ({len(record['exceptions'])})</h2>{exceptions}"
        "</body></html>\n"
    )


RENDERERS = {"markdown": to_markdown, "json": to_json, "html": to_html}
