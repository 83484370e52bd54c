"""Drift report outputs: JSON, an HTML page with plots, and Prometheus metrics."""

from __future__ import annotations

import base64
import html
import io
import json
from pathlib import Path
from typing import Any

from prometheus_client import CollectorRegistry, Gauge, write_to_textfile

from workloads.contract import metrics as names
from workloads.monitoring.drift import DriftReport, DriftTest


def write_json(report: DriftReport, path: Path, extra: dict[str, Any] | None = None) -> Path:
    """The report as JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**report.as_dict(), **(extra or {})}, indent=2))
    return path


def _plot(test: DriftTest) -> str | None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ref = test.reference.get("proportions")
    cur = test.current.get("proportions")
    if not ref or not cur:
        return None
    if "categories" in test.reference:
        labels = [str(c) for c in test.reference["categories"]]
    else:
        edges = test.reference.get("edges", [])
        bounds = ["-inf", *[f"{e:.3g}" for e in edges], "inf"]
        labels = [f"({bounds[i]}, {bounds[i + 1]}]" for i in range(len(bounds) - 1)]
    fig, ax = plt.subplots(figsize=(6, 2.6))
    x = range(len(ref))
    ax.bar([i - 0.2 for i in x], ref, width=0.4, label="training baseline")
    ax.bar([i + 0.2 for i in x], cur, width=0.4, label="current")
    ax.set_xticks(list(x), labels, rotation=45, ha="right", fontsize=7)
    ax.set_ylabel("share")
    ax.set_title(f"{test.name}: {test.effect_name} {test.effect:.3f}", fontsize=9)
    ax.legend(fontsize=7)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=80)
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode()


def write_html(report: DriftReport, path: Path, title: str = "Drift report") -> Path:
    """A self-contained HTML page: verdict, a table of tests and one plot per distribution."""
    rows = []
    for t in report.tests:
        style = ' style="background:#fdd"' if t.drifted else ""
        rows.append(
            f"<tr{style}><td>{html.escape(t.name)}</td><td>{t.kind}</td><td>{t.test}</td>"
            f"<td>{t.statistic:.4g}</td><td>{t.p_value:.3g}</td><td>{t.p_adjusted:.3g}</td>"
            f"<td>{t.effect_name} {t.effect:.4f} (floor {t.effect_floor})</td>"
            f"<td>{t.n_current}</td><td>{'DRIFT' if t.drifted else 'ok'}</td></tr>"
        )
    plots = []
    for t in report.tests:
        img = _plot(t)
        if img:
            src = f"data:image/png;base64,{img}"
            plots.append(f'<figure><img alt="{html.escape(t.name)}" src="{src}"></figure>')
    verdict = "DRIFT DETECTED" if report.drifted else "no drift"
    css = (
        "body{font-family:sans-serif;margin:2em}"
        "td,th{padding:2px 8px;border-bottom:1px solid #ddd}figure{display:inline-block;margin:4px}"
    )
    page = f"""<!doctype html><html><head><meta charset="utf-8">
<title>{html.escape(title)}</title><style>{css}</style></head><body>
<h1>{html.escape(title)}: {verdict}</h1>
<p>{report.n_current} current rows; Benjamini-Hochberg at alpha={report.alpha};
a test flags drift only if significant and its effect clears the floor.</p>
<table><tr><th>name</th><th>kind</th><th>test</th><th>statistic</th><th>p</th><th>p (BH)</th>
<th>effect</th><th>n</th><th>verdict</th></tr>{"".join(rows)}</table>
<h2>Distributions</h2>{"".join(plots)}</body></html>"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page)
    return path


def write_prometheus(report: DriftReport, path: Path, pushgateway: str | None = None) -> Path:
    """Metrics in the textfile-collector format (and pushed to a Pushgateway if given)."""
    registry = CollectorRegistry()
    effect = Gauge(
        names.DRIFT_EFFECT,
        "Effect size per test (PSI or relative change).",
        ["test"],
        registry=registry,
    )
    p_adj = Gauge(
        names.DRIFT_P_ADJUSTED, "BH-adjusted p-value per test.", ["test"], registry=registry
    )
    flagged = Gauge(
        names.DRIFT_DETECTED, "1 if the test flagged drift.", ["test"], registry=registry
    )
    overall = Gauge(names.DRIFT_OVERALL, "1 if any test flagged drift.", registry=registry)
    rows = Gauge(names.DRIFT_CURRENT_ROWS, "Rows in the current window.", registry=registry)
    for t in report.tests:
        effect.labels(t.name).set(t.effect)
        p_adj.labels(t.name).set(t.p_adjusted)
        flagged.labels(t.name).set(1 if t.drifted else 0)
    overall.set(1 if report.drifted else 0)
    rows.set(report.n_current)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_to_textfile(str(path), registry)
    if pushgateway:
        from prometheus_client import push_to_gateway

        push_to_gateway(pushgateway, job=names.DRIFT_PUSH_JOB, registry=registry)
    return path
