"""Report outputs: JSON, HTML pages with plots (drift and A/B), and Prometheus metrics.

The HTML drift report opens with what a reader needs to trust it: the time
window, the model version, the baseline it was compared with and every
threshold; then the verdict per feature in words, a heat map of every segment,
the performance estimate against the realised value over time, and one plot per
distribution. Each page is self-contained (plots inlined as PNG); with
``png_dir`` the plots are also written as files.
"""

from __future__ import annotations

import base64
import html
import io
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, write_to_textfile

from workloads.contract import metrics as contract_metrics
from workloads.contract import monitor_metrics as mn
from workloads.monitoring.distances import decile_groups
from workloads.monitoring.drift import WASSERSTEIN_SD, DriftReport, DriftTest
from workloads.monitoring.performance import PerformanceEstimate, TimelinePoint

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from workloads.monitoring.ab_analysis import AbResult

_CSS = (
    "body{font-family:sans-serif;margin:2em;max-width:1200px;color:#222}"
    "td,th{padding:3px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}"
    "th{background:#f4f4f4}table{border-collapse:collapse;margin:0.5em 0 1.5em}"
    "figure{display:inline-block;margin:6px}.drift{background:#fde2e2}"
    ".muted{color:#777}.header td{border:none;padding:1px 12px 1px 0}"
    "h1 .verdict{padding:2px 10px;border-radius:4px}"
    ".bad{background:#c62828;color:white}.good{background:#2e7d32;color:white}"
)


@dataclass
class ReportContext:
    """What the report compares, shown in its header."""

    window_start: str = "n/a"
    window_end: str = "n/a"
    model_name: str = "card-fraud"
    model_version: str = "n/a"
    baseline: str = "n/a"  # where the baseline came from (MLflow model version, file)
    baseline_rows: int | None = None
    decision_threshold: float | None = None
    notes: list[str] = field(default_factory=list)
    drift_start: str | None = None  # marked on the timeline, where known (the demo)


def write_json(report: DriftReport, path: Path, extra: dict[str, Any] | None = None) -> Path:
    """The report as JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**report.as_dict(), **(extra or {})}, indent=2, default=_json))
    return path


def _json(value: Any) -> Any:
    if isinstance(value, float | np.floating) and not math.isfinite(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


# --- plots ------------------------------------------------------------------------------------


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


class _Figures:
    """Renders figures to inline PNGs (and to files under ``png_dir`` if given)."""

    def __init__(self, png_dir: Path | None) -> None:
        self.png_dir = png_dir
        if png_dir is not None:
            png_dir.mkdir(parents=True, exist_ok=True)

    def img(self, fig: Figure, name: str, alt: str) -> str:
        plt = _pyplot()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=90)
        plt.close(fig)
        data = buffer.getvalue()
        if self.png_dir is not None:
            safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name)
            (self.png_dir / f"{safe}.png").write_bytes(data)
        src = "data:image/png;base64," + base64.b64encode(data).decode()
        return f'<figure><img alt="{html.escape(alt)}" src="{src}"></figure>'


def _fmt_value(v: float) -> str:
    if not math.isfinite(v):
        return "n/a"
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    return f"{v:.3g}"


def _shares(test: DriftTest) -> tuple[list[str], np.ndarray, np.ndarray, str] | None:
    """Labels, reference and current shares: per reference decile or per category."""
    ref = np.asarray(test.reference.get("counts", []), dtype=np.float64)
    cur = np.asarray(test.current.get("counts", []), dtype=np.float64)
    if ref.size == 0 or cur.size == 0 or ref.sum() == 0 or cur.sum() == 0:
        return None
    if "categories" in test.reference:
        labels = [str(c) for c in test.reference["categories"]]
        keep = (ref + cur) > 0
        labels = [lab for lab, k in zip(labels, keep, strict=True) if k]
        r, c = ref[keep] / ref.sum(), cur[keep] / cur.sum()
        order = np.argsort(-r)
        return [labels[i] for i in order], r[order], c[order], "category"
    edges = np.asarray(test.reference["edges"], dtype=np.float64)
    groups = decile_groups(ref[None, :])[0]
    used = sorted(set(groups.tolist()))
    r = np.array([ref[groups == g].sum() for g in used]) / ref.sum()
    c = np.array([cur[groups == g].sum() for g in used]) / cur.sum()
    labels = []
    for g in used:
        members = np.flatnonzero(groups == g)
        lo = "-inf" if members[0] == 0 else _fmt_value(edges[members[0] - 1])
        hi = "inf" if members[-1] >= len(edges) else _fmt_value(edges[members[-1]])
        labels.append(f"{lo} to {hi}")
    return labels, r, c, "reference decile (value range)"


def distributions_figure(tests: Sequence[DriftTest], columns: int = 3) -> Figure | None:
    """Small multiples, one panel per test: reference vs current shares per reference
    decile (numeric; 10% each by construction) or per category. One figure, one legend."""
    panels = [(t, shares) for t in tests if t.tested and (shares := _shares(t)) is not None]
    if not panels:
        return None
    plt = _pyplot()
    rows = math.ceil(len(panels) / columns)
    fig, axes = plt.subplots(rows, columns, figsize=(5.0 * columns, 3.3 * rows), squeeze=False)
    for ax in axes.flat[len(panels) :]:
        ax.set_visible(False)
    for ax, (test, (labels, r, c, xlabel)) in zip(axes.flat, panels, strict=False):
        x = np.arange(len(labels))
        ax.bar(x - 0.2, r, width=0.4, label="training baseline", color="#9e9e9e")
        ax.bar(
            x + 0.2, c, width=0.4, label="current", color="#c62828" if test.drifted else "#1565c0"
        )
        ax.set_xticks(x, labels, rotation=40, ha="right", fontsize=7)
        ax.set_xlabel(xlabel, fontsize=8)
        ax.set_ylabel("share of rows", fontsize=8)
        ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:.0%}")
        ax.tick_params(axis="y", labelsize=7)
        unit = " SD" if test.measure == WASSERSTEIN_SD else ""
        ax.set_title(
            f"{test.key}: {'DRIFT' if test.drifted else 'no drift'}\n{test.measure} "
            f"{test.distance:.3f}{unit} (floor {test.distance_floor:g}), PSI {test.effect:.3f}",
            fontsize=8,
            color="#c62828" if test.drifted else "black",
        )
        ax.grid(axis="y", alpha=0.3)
    from matplotlib.patches import Patch

    handles = [
        Patch(color="#9e9e9e", label="training baseline"),
        Patch(color="#1565c0", label="current (no drift)"),
        Patch(color="#c62828", label="current (drift)"),
    ]
    # Fixed margins in inches (tight_layout costs seconds on a grid this size): room
    # for the rotated tick labels under each panel and the legend at the bottom.
    height = 3.3 * rows
    fig.subplots_adjust(
        left=0.06,
        right=0.99,
        top=1 - 0.55 / height,
        bottom=1.3 / height,
        hspace=1.3 / 3.3 * 2.2,
        wspace=0.28,
    )
    fig.legend(handles=handles, loc="lower center", ncol=3, fontsize=8, frameon=False)
    return fig


def heatmap_figure(report: DriftReport) -> Figure | None:
    """Segments x tests: the deciding effect as a multiple of its floor; drift outlined."""
    tests = [t for t in report.tests if t.kind != "outcome" or t.tested]
    names = list(dict.fromkeys(t.name for t in tests))
    segments = list(dict.fromkeys(t.segment for t in tests))
    if len(segments) < 2 or not names:
        return None
    plt = _pyplot()
    from matplotlib.patches import Rectangle

    grid = np.full((len(segments), len(names)), np.nan)
    drifted = np.zeros_like(grid, dtype=bool)
    for t in tests:
        if t.tested and math.isfinite(t.distance) and t.distance_floor > 0:
            i, j = segments.index(t.segment), names.index(t.name)
            grid[i, j] = t.distance / t.distance_floor
            drifted[i, j] = t.drifted
    fig, ax = plt.subplots(figsize=(1.0 + 0.75 * len(names), 1.2 + 0.38 * len(segments)))
    cmap = plt.get_cmap("Reds").with_extremes(bad="#eeeeee")
    image = ax.imshow(np.ma.masked_invalid(grid), cmap=cmap, vmin=0, vmax=3, aspect="auto")
    for i in range(grid.shape[0]):
        for j in range(grid.shape[1]):
            if math.isfinite(grid[i, j]):
                ax.text(
                    j,
                    i,
                    f"{grid[i, j]:.1f}",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if grid[i, j] > 2 else "black",
                )
            if drifted[i, j]:
                ax.add_patch(
                    Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, edgecolor="black", linewidth=2)
                )
    ax.set_xticks(range(len(names)), names, rotation=40, ha="right", fontsize=8)
    ax.set_yticks(range(len(segments)), segments, fontsize=8)
    ax.set_title(
        "effect / floor per segment (outlined: drift = significant after BH and >= floor; "
        "grey: not tested)",
        fontsize=9,
    )
    bar = fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02)
    bar.set_label("effect / floor", fontsize=8)
    fig.tight_layout()
    return fig


def timeline_figure(
    points: Sequence[TimelinePoint],
    references: dict[str, float],
    drift_start: str | None = None,
    metrics: Sequence[str] = ("precision", "recall"),
) -> Figure | None:
    """Label-free estimate (with its 95% interval) against the realised value, per bucket."""
    if not points:
        return None
    import pandas as pd

    plt = _pyplot()
    fig, axes = plt.subplots(1, len(metrics), figsize=(5.2 * len(metrics), 3.4), squeeze=False)
    for ax, metric in zip(axes[0], metrics, strict=True):
        rows = [p for p in points if p.metric == metric]
        if not rows:
            ax.set_visible(False)
            continue
        x = pd.to_datetime([p.start for p in rows])
        est = np.array([p.estimate for p in rows])
        ax.fill_between(
            x,
            [p.lower for p in rows],
            [p.upper for p in rows],
            color="#90caf9",
            alpha=0.5,
            label="estimate, 95% interval",
        )
        ax.plot(x, est, color="#1565c0", marker="o", ms=3, label="label-free estimate")
        real = np.array([p.realised for p in rows])
        if np.isfinite(real).any():
            ax.plot(x, real, color="#c62828", marker="s", ms=4, ls="--", label="realised (labels)")
        ref = references.get(metric)
        if ref is not None and math.isfinite(ref):
            ax.axhline(ref, color="#555", ls=":", label="held-out reference")
        if drift_start:
            ax.axvline(pd.to_datetime(drift_start), color="#ef6c00", lw=1.2, label="drift starts")
        ax.set_title(metric, fontsize=10)
        ax.set_ylabel(metric, fontsize=9)
        ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:.0%}")
        ax.tick_params(axis="x", labelrotation=35, labelsize=8)
        ax.grid(alpha=0.3)
    handles, labels = axes[0][0].get_legend_handles_labels()
    # Below the panels, in a strip kept free for it: never over the data.
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    fig.legend(handles, labels, loc="lower center", ncol=len(labels), fontsize=8, frameon=False)
    return fig


# --- HTML -------------------------------------------------------------------------------------


def _header(context: ReportContext, report: DriftReport) -> str:
    floors = report.floors
    per_test = ", ".join(f"{k}={v:g}" for k, v in sorted(floors.per_test.items())) or "none"
    rows = [
        ("time window", f"{context.window_start} to {context.window_end}"),
        ("model", f"{context.model_name} version {context.model_version}"),
        (
            "baseline",
            f"{context.baseline}"
            + (f" ({context.baseline_rows:,} training rows)" if context.baseline_rows else ""),
        ),
        ("current rows", f"{report.n_current:,}"),
        (
            "thresholds",
            f"Benjamini-Hochberg false-discovery rate {report.alpha} over all "
            f"{sum(t.tested for t in report.tests)} tests; floors: numeric Wasserstein "
            f"{floors.numeric:g} reference SDs, categorical total variation "
            f"{floors.categorical:g}, "
            f"label rate / calibration relative change {floors.rate:g}; per-feature overrides: "
            f"{per_test}; PSI shown against {floors.psi:g} (it no longer decides); "
            f"at least {report.min_samples} rows per test",
        ),
        ("segments", ", ".join(report.segments)),
    ]
    if context.decision_threshold is not None:
        rows.append(("decision threshold", f"score >= {context.decision_threshold:.4g} is flagged"))
    for note in context.notes:
        rows.append(("note", note))
    body = "".join(
        f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>" for k, v in rows
    )
    return f'<table class="header">{body}</table>'


def _tests_table(tests: Sequence[DriftTest]) -> str:
    rows = []
    for t in tests:
        cls = ' class="drift"' if t.drifted else (' class="muted"' if not t.tested else "")
        unit = " SD" if t.measure == WASSERSTEIN_SD else ""
        effect = (
            f"{t.measure} {t.distance:.3f}{unit} (floor {t.distance_floor:g})" if t.tested else ""
        )
        psi = f"{t.effect:.3f}" if t.tested and t.effect_name == "psi" else ""
        rows.append(
            f"<tr{cls}><td>{html.escape(t.key)}</td><td>{html.escape(t.test)}</td>"
            f"<td>{_fmt_value(t.p_adjusted)}</td><td>{html.escape(effect)}</td><td>{psi}</td>"
            f"<td>{t.n_current:,}</td><td>{html.escape(t.explanation)}</td></tr>"
        )
    return (
        "<table><tr><th>test</th><th>statistical test</th><th>p (BH)</th><th>effect</th>"
        "<th>PSI</th><th>rows</th><th>verdict, in words</th></tr>" + "".join(rows) + "</table>"
    )


def _performance_table(estimates: Sequence[PerformanceEstimate]) -> str:
    if not estimates:
        return (
            "<p class='muted'>No performance estimate: the baseline has no held-out outcomes.</p>"
        )
    rows = []
    for p in estimates:
        within = p.within_interval
        agreement = "" if within is None else ("inside interval" if within else "OUTSIDE interval")
        cls = ' class="drift"' if p.drop_detected or within is False else ""
        rows.append(
            f"<tr{cls}><td>{html.escape(p.segment)}</td><td>{p.metric}</td>"
            f"<td>{p.estimate:.3f} [{p.lower:.3f}, {p.upper:.3f}]</td>"
            f"<td>{_fmt_value(p.reference)}</td><td>{_fmt_value(p.realised)}</td>"
            f"<td>{agreement}</td><td>{'DROP' if p.drop_detected else ''}</td><td>{p.n:,}</td></tr>"
        )
    return (
        "<table><tr><th>segment</th><th>metric</th><th>label-free estimate [95%]</th>"
        "<th>held-out reference</th><th>realised</th><th>realised vs estimate</th>"
        "<th>drop alert</th><th>rows</th></tr>" + "".join(rows) + "</table>"
    )


def write_html(
    report: DriftReport,
    path: Path,
    title: str = "Drift report",
    context: ReportContext | None = None,
    timeline: Sequence[TimelinePoint] = (),
    png_dir: Path | None = None,
) -> Path:
    """A self-contained HTML page: header, verdicts in words, heat map, performance, plots."""
    context = context or ReportContext()
    figures = _Figures(png_dir)
    overall = [t for t in report.tests if t.segment == mn.ALL_SEGMENTS]
    segment_drift = [t for t in report.tests if t.segment != mn.ALL_SEGMENTS and t.drifted]
    heat = heatmap_figure(report)
    heat_html = figures.img(heat, "segment-heatmap", "segment heat map") if heat else ""
    refs = {p.metric: p.reference for p in report.performance if p.segment == mn.ALL_SEGMENTS}
    line = timeline_figure(timeline, refs, context.drift_start)
    line_html = (
        figures.img(line, "estimate-vs-realised", "estimated vs realised performance")
        if line
        else "<p class='muted'>No timeline (no scored rows with timestamps).</p>"
    )
    plots = []
    fig = distributions_figure(overall)
    if fig is not None:
        plots.append(figures.img(fig, "distributions", "distributions, whole traffic"))
    fig = distributions_figure(segment_drift[:6])
    if fig is not None:
        plots.append(figures.img(fig, "distributions-segments", "segments that drifted"))
    verdict = "DRIFT DETECTED" if report.drifted else "no drift"
    badge = "bad" if report.drifted else "good"
    summary = (
        "<p><b>Drifted (whole traffic):</b> "
        f"{html.escape(', '.join(report.drifted_names) or 'none')}"
        f"<br><b>Drifted in a segment only or too:</b> "
        f"{html.escape(', '.join(report.drifted_segments) or 'none')}</p>"
    )
    drops = [p for p in report.performance if p.drop_detected]
    if drops:
        summary += (
            "<p><b>Estimated performance drop:</b> "
            + html.escape(
                ", ".join(
                    f"{p.metric}[{p.segment}] {p.estimate:.3f} vs {p.reference:.3f}" for p in drops
                )
            )
            + "</p>"
        )
    page = f"""<!doctype html><html><head><meta charset="utf-8">
<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>
<h1>{html.escape(title)}: <span class="verdict {badge}">{verdict}</span></h1>
{_header(context, report)}
{summary}
<h2>Every feature, whole traffic</h2>{_tests_table(overall)}
<h2>Segments</h2>
<p>Every test is repeated per segment against that segment's own baseline; all p-values
(every segment) are adjusted together.</p>{heat_html}
{_tests_table(segment_drift) if segment_drift else "<p>No segment-only drift.</p>"}
<h2>Performance before and after the labels</h2>
<p>The label-free estimate comes from the model's confidence on the current traffic
(confidence-based performance estimation); the interval is where the realised value should
land if P(fraud | features) is unchanged. Concept drift moves the realised value, not the
estimate: a realised value outside the interval is that signal.</p>
{line_html}{_performance_table(report.performance)}
<h2>Distributions</h2>
<p>Each panel: the share of current rows in each decile of the training baseline (or in
each category); a flat grey profile is the baseline.</p>{"".join(plots)}</body></html>"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page)
    return path


def write_ab_html(
    result: AbResult, path: Path, title: str = "A/B analysis", png_dir: Path | None = None
) -> Path:
    """The A/B comparison as a page: recommendation, per-variant table, log-loss plot."""
    figures = _Figures(png_dir)
    variants = [v for v in (result.champion, result.challenger) if v is not None]
    rows = "".join(
        f"<tr><td>{v.variant}</td><td>{', '.join(v.model_versions)}</td><td>{v.n:,}</td>"
        f"<td>{v.positive_rate:.2%}</td><td>{v.mean_log_loss:.4f} "
        f"[{v.log_loss_ci[0]:.4f}, {v.log_loss_ci[1]:.4f}]</td>"
        f"<td>{_fmt_value(v.roc_auc) if v.roc_auc is not None else 'n/a'}</td></tr>"
        for v in variants
    )
    plot = ""
    if variants:
        plt = _pyplot()
        fig, ax = plt.subplots(figsize=(6, 2.2 + 0.2 * len(variants)))
        for i, v in enumerate(variants):
            lo, hi = v.log_loss_ci
            ax.errorbar(
                v.mean_log_loss,
                i,
                xerr=[[v.mean_log_loss - lo], [hi - v.mean_log_loss]],
                fmt="o",
                capsize=4,
                color="#1565c0" if v.variant == "champion" else "#ef6c00",
            )
        ax.set_yticks(range(len(variants)), [f"{v.variant} (n={v.n:,})" for v in variants])
        ax.set_xlabel("mean log loss per settled prediction (lower is better), 95% CI", fontsize=9)
        ax.set_ylim(-0.6, len(variants) - 0.4)
        ax.grid(axis="x", alpha=0.3)
        fig.tight_layout()
        plot = figures.img(fig, "ab-log-loss", "log loss per variant")
    diff = (
        f"{result.difference:+.4f} [{result.difference_ci[0]:+.4f}, {result.difference_ci[1]:+.4f}]"
        if result.difference is not None and result.difference_ci is not None
        else "n/a"
    )
    p = f"{result.p_value:.3g}" if result.p_value is not None else "n/a"
    page = f"""<!doctype html><html><head><meta charset="utf-8">
<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>
<h1>{html.escape(title)}: {html.escape(result.recommendation)}</h1>
<p>{html.escape(result.reason)}</p>
<table class="header">
<tr><td><b>test</b></td>
<td>Welch's t-test on per-prediction log loss, alpha {result.alpha}</td></tr>
<tr><td><b>challenger - champion</b></td><td>{diff} (negative: the challenger is better)</td></tr>
<tr><td><b>p-value</b></td><td>{p}</td></tr></table>
<table><tr><th>variant</th><th>model versions</th><th>settled predictions</th><th>fraud rate</th>
<th>mean log loss [95% CI]</th><th>ROC AUC</th></tr>{rows}</table>
{plot}</body></html>"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page)
    return path


# --- Prometheus -------------------------------------------------------------------------------


def make_family(spec: mn.MetricSpec, registry: CollectorRegistry, **kwargs: Any) -> Any:
    """The prometheus_client family for ``spec`` (a counter's ``_total`` is prometheus_client's)."""
    factory: Callable[..., Any]
    name = spec.name
    if spec.kind == "gauge":
        factory = Gauge
    elif spec.kind == "counter":
        factory = Counter
        name = name.removesuffix("_total")
    elif spec.kind == "histogram":
        factory = Histogram
    else:  # pragma: no cover - the registry only holds these three
        raise ValueError(f"unknown metric kind {spec.kind}")
    return factory(name, spec.help, list(spec.labels), registry=registry, **kwargs)


def _finite(x: float) -> float:
    return x if math.isfinite(x) else math.nan


def fill_batch_metrics(report: DriftReport, registry: CollectorRegistry) -> None:
    """Every batch family of :mod:`workloads.contract.monitor_metrics`, set from ``report``."""
    f = {spec.name: make_family(spec, registry) for spec in mn.BATCH_METRICS}
    for t in report.tests:
        if not t.tested:
            continue
        if t.segment == mn.ALL_SEGMENTS:
            # The historical families: the overall population only, as before.
            f[mn.DRIFT_EFFECT.name].labels(t.name).set(_finite(t.effect))
            f[mn.DRIFT_P_ADJUSTED.name].labels(t.name).set(_finite(t.p_adjusted))
            f[mn.DRIFT_DETECTED.name].labels(t.name).set(1 if t.drifted else 0)
        if t.measure:
            f[mn.DRIFT_DISTANCE.name].labels(t.name, t.segment, t.measure).set(_finite(t.distance))
            f[mn.DRIFT_DISTANCE_FLOOR.name].labels(t.name, t.segment, t.measure).set(
                t.distance_floor
            )
        f[mn.DRIFT_SEGMENT_P_ADJUSTED.name].labels(t.name, t.segment).set(_finite(t.p_adjusted))
        f[mn.DRIFT_SEGMENT_DETECTED.name].labels(t.name, t.segment).set(1 if t.drifted else 0)
    rows_by_segment: dict[str, int] = {}
    for t in report.tests:
        rows_by_segment[t.segment] = max(rows_by_segment.get(t.segment, 0), t.n_current)
    for segment, rows in rows_by_segment.items():
        f[mn.DRIFT_SEGMENT_ROWS.name].labels(segment).set(rows)
    f[mn.DRIFT_OVERALL.name].set(1 if report.drifted else 0)
    f[mn.DRIFT_ROWS.name].set(report.n_current)
    for p in report.performance:
        for bound, value in ((mn.ESTIMATE, p.estimate), (mn.LOWER, p.lower), (mn.UPPER, p.upper)):
            f[mn.PERFORMANCE_ESTIMATED.name].labels(p.metric, p.segment, bound).set(value)
        if math.isfinite(p.realised):
            f[mn.PERFORMANCE_REALISED.name].labels(p.metric, p.segment).set(p.realised)
        if p.segment == mn.ALL_SEGMENTS and math.isfinite(p.reference):
            f[mn.PERFORMANCE_REFERENCE.name].labels(p.metric).set(p.reference)
        f[mn.PERFORMANCE_DROP.name].labels(p.metric, p.segment).set(1 if p.drop_detected else 0)


def write_prometheus(report: DriftReport, path: Path, pushgateway: str | None = None) -> Path:
    """Metrics in the textfile-collector format (and pushed to a Pushgateway if given)."""
    registry = CollectorRegistry()
    fill_batch_metrics(report, registry)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_to_textfile(str(path), registry)
    if pushgateway:
        from prometheus_client import push_to_gateway

        push_to_gateway(pushgateway, job=contract_metrics.DRIFT_PUSH_JOB, registry=registry)
    return path
