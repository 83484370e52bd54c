"""Drift between the training baseline and what the service has seen since.

Per numeric feature (and the score): the population stability index (PSI) on
the baseline's quantile bins and a two-sample Kolmogorov-Smirnov test against
the baseline sample.  Per categorical feature: PSI on category shares and a
chi-square test of homogeneity on the counts.  With outcomes: a label-rate test
(prior shift) and a calibration test, observed vs predicted positives (concept
drift shows up as the model's probabilities no longer matching reality).

The decision accounts for testing many things at once: p-values are adjusted
with Benjamini-Hochberg at ``alpha``, and a test only counts as drift when it
is significant *and* its effect size clears a floor (PSI for distributions,
relative change for rates), so that huge samples do not flag trivial shifts.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from workloads import schema
from workloads.monitoring.baseline import bin_counts

DEFAULT_ALPHA = 0.05
DEFAULT_PSI_FLOOR = 0.1
# A label rate or calibration ratio must move by at least this relative amount.
DEFAULT_RATE_FLOOR = 0.25
_EPS = 1e-4


@dataclass
class DriftTest:
    """One test: what was compared, the statistic, the effect size and the verdict."""

    name: str
    kind: str
    test: str
    statistic: float
    p_value: float
    effect: float
    effect_name: str
    effect_floor: float
    n_reference: int
    n_current: int
    p_adjusted: float = math.nan
    drifted: bool = False
    reference: dict[str, Any] = field(default_factory=dict, repr=False)
    current: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class DriftReport:
    """All tests and the overall verdict."""

    tests: list[DriftTest]
    alpha: float
    psi_floor: float
    n_current: int
    drifted: bool

    @property
    def drifted_names(self) -> list[str]:
        """Names of the tests that flagged drift."""
        return [t.name for t in self.tests if t.drifted]

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly form (without the plot data)."""
        return {
            "drifted": self.drifted,
            "drifted_tests": self.drifted_names,
            "alpha": self.alpha,
            "psi_floor": self.psi_floor,
            "multiple_testing": "benjamini-hochberg",
            "n_current": self.n_current,
            "tests": [
                {k: v for k, v in asdict(t).items() if k not in ("reference", "current")}
                for t in self.tests
            ],
        }


def psi(reference: np.ndarray, current: np.ndarray) -> float:
    """Population stability index between two vectors of proportions."""
    r = np.clip(np.asarray(reference, dtype=np.float64), _EPS, None)
    c = np.clip(np.asarray(current, dtype=np.float64), _EPS, None)
    r, c = r / r.sum(), c / c.sum()
    return float(np.sum((c - r) * np.log(c / r)))


def benjamini_hochberg(p_values: list[float]) -> np.ndarray:
    """BH-adjusted p-values (monotone, capped at 1)."""
    p = np.asarray(p_values, dtype=np.float64)
    m = p.size
    if m == 0:
        return p
    order = np.argsort(p)
    ranked = p[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(adjusted, 1.0)
    return out


def _numeric_test(
    name: str, kind: str, ref: dict[str, Any], values: np.ndarray, floor: float
) -> DriftTest:
    values = np.asarray(values, dtype=np.float64)
    values = values[np.isfinite(values)]
    edges = np.asarray(ref["bin_edges"], dtype=np.float64)
    cur_counts = bin_counts(values, edges)
    cur_props = cur_counts / max(cur_counts.sum(), 1.0)
    sample = np.asarray(ref["sample"], dtype=np.float64)
    if values.size == 0 or sample.size == 0:
        ks, p = 0.0, 1.0
    else:
        result = stats.ks_2samp(sample, values, method="asymp")
        ks, p = float(result.statistic), float(result.pvalue)
    return DriftTest(
        name=name,
        kind=kind,
        test="kolmogorov-smirnov",
        statistic=ks,
        p_value=p,
        effect=psi(ref["proportions"], cur_props),
        effect_name="psi",
        effect_floor=floor,
        n_reference=int(ref["n"]),
        n_current=int(values.size),
        reference={"edges": edges.tolist(), "proportions": list(ref["proportions"])},
        current={"proportions": cur_props.tolist()},
    )


def _categorical_test(name: str, ref: dict[str, Any], values: pd.Series, floor: float) -> DriftTest:
    cur = values.fillna("<missing>").astype(str).value_counts()
    categories = sorted(set(ref["counts"]) | set(cur.index))
    r = np.array([ref["counts"].get(c, 0) for c in categories], dtype=np.float64)
    c = np.array([cur.get(k, 0) for k in categories], dtype=np.float64)
    keep = (r + c) > 0
    r, c, categories = r[keep], c[keep], [k for k, m in zip(categories, keep, strict=True) if m]
    if c.sum() == 0 or len(categories) < 2:
        chi2, p = 0.0, 1.0
    else:
        chi2, p, _, _ = stats.chi2_contingency(np.vstack([r, c]))
    return DriftTest(
        name=name,
        kind="categorical",
        test="chi-square",
        statistic=float(chi2),
        p_value=float(p),
        effect=psi(r / r.sum(), c / max(c.sum(), 1.0)),
        effect_name="psi",
        effect_floor=floor,
        n_reference=int(r.sum()),
        n_current=int(c.sum()),
        reference={"categories": categories, "proportions": (r / r.sum()).tolist()},
        current={"proportions": (c / max(c.sum(), 1.0)).tolist()},
    )


def _label_rate_test(ref: dict[str, Any], labels: np.ndarray, floor: float) -> DriftTest:
    n0, p0 = int(ref["n"]), float(ref["positive_rate"])
    n1, p1 = labels.size, float(labels.mean())
    pooled = (p0 * n0 + p1 * n1) / (n0 + n1)
    se = math.sqrt(max(pooled * (1 - pooled) * (1 / n0 + 1 / n1), 1e-300))
    z = (p1 - p0) / se
    return DriftTest(
        name="label_rate",
        kind="outcome",
        test="two-proportion z",
        statistic=z,
        p_value=float(2 * stats.norm.sf(abs(z))),
        effect=abs(p1 / p0 - 1) if p0 > 0 else math.inf,
        effect_name="relative change",
        effect_floor=floor,
        n_reference=n0,
        n_current=n1,
    )


def _calibration_test(scores: np.ndarray, labels: np.ndarray, floor: float) -> DriftTest:
    expected = float(scores.sum())
    observed = float(labels.sum())
    variance = float(np.sum(scores * (1 - scores)))
    z = (observed - expected) / math.sqrt(max(variance, 1e-12))
    return DriftTest(
        name="calibration",
        kind="outcome",
        test="observed vs predicted positives z",
        statistic=z,
        p_value=float(2 * stats.norm.sf(abs(z))),
        effect=abs(observed / expected - 1) if expected > 0 else math.inf,
        effect_name="relative error",
        effect_floor=floor,
        n_reference=0,
        n_current=int(labels.size),
    )


def detect_drift(
    baseline: dict[str, Any],
    current: pd.DataFrame,
    alpha: float = DEFAULT_ALPHA,
    psi_floor: float = DEFAULT_PSI_FLOOR,
    rate_floor: float = DEFAULT_RATE_FLOOR,
    label_column: str | None = None,
) -> DriftReport:
    """Compare ``current`` (one row per prediction) with ``baseline``.

    ``current`` needs the baseline's feature columns; the score column is used
    when present, and ``label_column`` (rows with a known outcome) enables the
    label-rate and calibration tests.
    """
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must be in (0, 1), got {alpha}")
    if current.empty:
        raise ValueError("no current data to compare with the baseline")
    missing = [c for c in [*baseline["numeric"], *baseline["categorical"]] if c not in current]
    if missing:
        raise ValueError(f"current data lacks baseline columns {missing}")
    tests: list[DriftTest] = []
    for name, ref in baseline["numeric"].items():
        tests.append(_numeric_test(name, "numeric", ref, current[name].to_numpy(), psi_floor))
    for name, ref in baseline["categorical"].items():
        tests.append(_categorical_test(name, ref, current[name], psi_floor))
    if "score" in baseline and schema.SCORE in current:
        tests.append(
            _numeric_test(
                "prediction",
                "prediction",
                baseline["score"],
                current[schema.SCORE].to_numpy(),
                psi_floor,
            )
        )
    if label_column and label_column in current:
        labeled = current[current[label_column].notna()]
        if len(labeled) > 0:
            labels = labeled[label_column].to_numpy(np.float64)
            if "label" in baseline:
                tests.append(_label_rate_test(baseline["label"], labels, rate_floor))
            if schema.SCORE in labeled:
                scored = labeled[np.isfinite(labeled[schema.SCORE].to_numpy(np.float64))]
                if len(scored) > 0:
                    scores = scored[schema.SCORE].to_numpy(np.float64)
                    labels = scored[label_column].to_numpy(np.float64)
                    tests.append(_calibration_test(scores, labels, rate_floor))

    # A test without a usable p-value cannot flag drift (and must not poison the adjustment).
    adjusted = benjamini_hochberg([t.p_value if math.isfinite(t.p_value) else 1.0 for t in tests])
    for t, p_adj in zip(tests, adjusted, strict=True):
        t.p_adjusted = float(p_adj)
        t.drifted = bool(p_adj < alpha and t.effect >= t.effect_floor)
    return DriftReport(
        tests=tests,
        alpha=alpha,
        psi_floor=psi_floor,
        n_current=len(current),
        drifted=any(t.drifted for t in tests),
    )
