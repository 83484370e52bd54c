"""Drift between the training baseline and what the service has seen since, per segment.

Every test is run for the whole traffic ("all") and for each segment (each value
of each segment column: channel, card tier and merchant category by default)
against that segment's own reference, so a shift confined to one segment is not
averaged away.

* Numeric features and the score: a two-sample Kolmogorov-Smirnov test decides
  significance; the effect that must clear the floor is the Wasserstein distance
  in reference standard deviations (a 0.3-SD mean shift is 0.3, a 30% change in
  spread about 0.24, whatever the feature's units). PSI on deciles is reported
  beside it.
* Categorical features: chi-square test of homogeneity; the effect is the total
  variation distance (the share of traffic that would have to change category),
  which does not depend on the number of categories. PSI is reported beside it.
* With outcomes: a label-rate test (prior shift) and a calibration test, observed
  vs predicted positives (concept drift: the model's probabilities no longer
  match reality); the effect is the relative change.

The decision accounts for testing many things at once: the p-values of every
test (all segments) are adjusted together with Benjamini-Hochberg at ``alpha``,
and a test counts as drift only when it is significant *and* its effect clears
its floor, so that huge samples do not flag trivial shifts. Floors have defaults
per kind (:class:`Floors`) and can be set per feature. A test of fewer than
``min_samples`` current rows is not run.

The label-free performance estimate rides along (see
:mod:`workloads.monitoring.performance`).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from workloads.contract.monitor_metrics import ALL_SEGMENTS
from workloads.monitoring import distances
from workloads.monitoring.performance import PerformanceEstimate, estimate_performance
from workloads.monitoring.sketch import (
    O_LABELED,
    O_POSITIVE,
    O_SCORE_SUM,
    O_SCORE_VAR,
    O_SCORED,
    O_SCORED_POSITIVE,
    PREDICTION,
    Layout,
    Sketch,
    reference_sketch,
)

DEFAULT_ALPHA = 0.05
# Evidently's default threshold for its normed Wasserstein distance is also 0.1.
DEFAULT_NUMERIC_FLOOR = 0.1
# Five percentage points of the traffic in another category.
DEFAULT_CATEGORICAL_FLOOR = 0.05
DEFAULT_PSI_FLOOR = 0.1
# A label rate or calibration ratio must move by at least this relative amount.
DEFAULT_RATE_FLOOR = 0.25
DEFAULT_MIN_SAMPLES = 200
# A segment whose reference has fewer rows than this is not tested.
MIN_REFERENCE = 100
# A segment's spread can be tiny (a count that is almost always 0 there): its
# Wasserstein distance is scaled by at least this share of the overall spread.
MIN_SEGMENT_SCALE = 0.1

WASSERSTEIN_SD = "wasserstein/sd"
TOTAL_VARIATION = "total variation"
RELATIVE_CHANGE = "relative change"
RELATIVE_ERROR = "relative error"


@dataclass(frozen=True)
class Floors:
    """The effect each kind of test must reach to count as drift; ``per_test`` overrides."""

    numeric: float = DEFAULT_NUMERIC_FLOOR
    categorical: float = DEFAULT_CATEGORICAL_FLOOR
    rate: float = DEFAULT_RATE_FLOOR
    psi: float = DEFAULT_PSI_FLOOR
    per_test: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name, value in (
            ("numeric", self.numeric),
            ("categorical", self.categorical),
            ("rate", self.rate),
            ("psi", self.psi),
            *self.per_test.items(),
        ):
            if not (math.isfinite(value) and value > 0):
                raise ValueError(f"the floor for {name} must be a positive number, got {value}")

    def for_test(self, name: str, kind: str) -> float:
        """The floor of test ``name`` of ``kind`` (numeric, prediction, categorical, outcome)."""
        if name in self.per_test:
            return self.per_test[name]
        if kind == "categorical":
            return self.categorical
        if kind == "outcome":
            return self.rate
        return self.numeric


def parse_floor_overrides(items: list[str] | None) -> dict[str, float]:
    """``["amount=0.2", "channel=0.1"]`` as a dict; a clear error for anything else."""
    out: dict[str, float] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise ValueError(f"a floor override looks like NAME=VALUE, got {item!r}")
        try:
            out[name.strip()] = float(value)
        except ValueError:
            raise ValueError(f"the floor in {item!r} is not a number") from None
    return out


@dataclass
class DriftTest:
    """One test: what was compared, the statistic, the effects and the verdict.

    ``effect`` is the PSI of distribution tests and the relative change of rate
    tests (the historical effect, exported as ``smp_drift_effect``); ``distance``
    is the effect that decides (``measure``: Wasserstein distance in reference SDs,
    total variation, or the relative change), against ``distance_floor``.
    """

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
    segment: str = ALL_SEGMENTS
    measure: str = ""
    distance: float = math.nan
    distance_floor: float = math.nan
    tested: bool = True
    explanation: str = ""
    reference: dict[str, Any] = field(default_factory=dict, repr=False)
    current: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def key(self) -> str:
        """``name`` for the whole traffic, ``name[segment]`` otherwise."""
        return self.name if self.segment == ALL_SEGMENTS else f"{self.name}[{self.segment}]"


@dataclass
class DriftReport:
    """All tests, the performance estimates and the overall verdict."""

    tests: list[DriftTest]
    alpha: float
    psi_floor: float
    n_current: int
    drifted: bool
    floors: Floors = field(default_factory=Floors)
    segments: list[str] = field(default_factory=lambda: [ALL_SEGMENTS])
    performance: list[PerformanceEstimate] = field(default_factory=list)
    min_samples: int = DEFAULT_MIN_SAMPLES

    @property
    def drifted_names(self) -> list[str]:
        """Names of the overall tests that flagged drift."""
        return [t.name for t in self.tests if t.drifted and t.segment == ALL_SEGMENTS]

    @property
    def drifted_segments(self) -> list[str]:
        """``test[segment]`` for every segment test that flagged drift."""
        return [t.key for t in self.tests if t.drifted and t.segment != ALL_SEGMENTS]

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly form (without the plot data)."""
        return {
            "drifted": self.drifted,
            "drifted_tests": self.drifted_names,
            "drifted_segment_tests": self.drifted_segments,
            "alpha": self.alpha,
            "psi_floor": self.psi_floor,
            "floors": asdict(self.floors),
            "min_samples": self.min_samples,
            "multiple_testing": "benjamini-hochberg over every test of every segment",
            "n_current": self.n_current,
            "segments": self.segments,
            "tests": [
                {k: v for k, v in asdict(t).items() if k not in ("reference", "current")}
                for t in self.tests
            ],
            "performance": [asdict(p) for p in self.performance],
        }


def psi(reference: np.ndarray, current: np.ndarray) -> float:
    """Population stability index between two vectors of proportions."""
    return float(
        distances.psi(
            np.atleast_2d(np.asarray(reference, float)), np.atleast_2d(np.asarray(current, float))
        )[0]
    )


def benjamini_hochberg(p_values: list[float] | np.ndarray) -> np.ndarray:
    """BH-adjusted p-values (monotone, capped at 1), via ``scipy.stats.false_discovery_control``."""
    p = np.asarray(p_values, dtype=np.float64)
    if p.size == 0:
        return p
    return np.asarray(stats.false_discovery_control(p, method="bh"))


def _fmt(x: float) -> str:
    return f"{x:.3g}" if math.isfinite(x) else "n/a"


def explain(t: DriftTest, alpha: float) -> str:
    """Why ``t`` is or is not drift, in a sentence."""
    where = "" if t.segment == ALL_SEGMENTS else f" in {t.segment}"
    if not t.tested:
        return t.explanation
    effect = (
        f"{t.measure} {_fmt(t.distance)}"
        + (" reference SDs" if t.measure == WASSERSTEIN_SD else "")
        + f" (floor {_fmt(t.distance_floor)})"
    )
    sig = f"{t.test} p={_fmt(t.p_value)}, BH-adjusted {_fmt(t.p_adjusted)}"
    if t.drifted:
        return f"drift{where}: significant ({sig} < {alpha}) and {effect} clears its floor"
    if t.p_adjusted >= alpha:
        return f"no drift{where}: not significant ({sig} >= {alpha}); {effect}"
    return f"no drift{where}: significant ({sig}) but the change is too small to matter: {effect}"


def _not_tested(
    name: str, kind: str, test: str, segment: str, why: str, n_ref: float, n_cur: float
) -> DriftTest:
    return DriftTest(
        name=name,
        kind=kind,
        test=test,
        statistic=math.nan,
        p_value=math.nan,
        effect=math.nan,
        effect_name="psi",
        effect_floor=math.nan,
        n_reference=int(n_ref),
        n_current=int(n_cur),
        segment=segment,
        tested=False,
        explanation=why,
    )


def _skip_reason(n_ref: float, n_cur: float, min_samples: int, where: str) -> str | None:
    if n_ref < MIN_REFERENCE:
        return f"not tested{where}: the baseline has {int(n_ref)} rows here (< {MIN_REFERENCE})"
    if n_cur < min_samples:
        return f"not tested{where}: {int(n_cur)} current rows (< {min_samples})"
    return None


def _where(segment: str) -> str:
    return "" if segment == ALL_SEGMENTS else f" in {segment}"


def evaluate(
    layout: Layout,
    ref: Sketch,
    ref_stats: dict[str, np.ndarray],
    cur: Sketch,
    alpha: float = DEFAULT_ALPHA,
    floors: Floors | None = None,
    min_samples: int = DEFAULT_MIN_SAMPLES,
    performance_reference: dict[str, Any] | None = None,
    max_drop: float | None = None,
    keep_plot_data: bool = True,
) -> tuple[list[DriftTest], list[PerformanceEstimate]]:
    """Every test for every segment of ``cur`` against ``ref``, BH-adjusted together."""
    floors = floors or Floors()
    tests: list[DriftTest] = []
    labels = [seg.label for seg in layout.segments]
    overall_std = ref_stats["std"][:, 0]
    for i, name in enumerate(layout.numeric):
        kind = "prediction" if name == PREDICTION else "numeric"
        rc, cc = ref.num_counts[i], cur.num_counts[i]
        nr, nc = rc.sum(axis=1), cc.sum(axis=1)
        if kind == "prediction" and nc[0] == 0:
            continue  # no (comparable) scores in the current data
        d = distances.ks_statistic(rc, cc)
        p = distances.ks_p_value(d, nr, nc)
        w = distances.wasserstein(layout.edges[i], rc, ref.num_sums[i], cc, cur.num_sums[i])
        scale = np.maximum(ref_stats["std"][i], MIN_SEGMENT_SCALE * overall_std[i])
        scale = np.where(np.isfinite(scale) & (scale > 0), scale, 1e-3)
        w_sd = w / scale
        psi_values = distances.psi_deciles(rc, cc)
        floor = floors.for_test(name, kind)
        for k, segment in enumerate(labels):
            why = _skip_reason(nr[k], nc[k], min_samples, _where(segment))
            if why:
                tests.append(
                    _not_tested(name, kind, "kolmogorov-smirnov", segment, why, nr[k], nc[k])
                )
                continue
            plot = {}
            if keep_plot_data:
                plot = {
                    "reference": {"edges": layout.edges[i].tolist(), "counts": rc[k].tolist()},
                    "current": {"counts": cc[k].tolist()},
                }
            tests.append(
                DriftTest(
                    name=name,
                    kind=kind,
                    test="kolmogorov-smirnov",
                    statistic=float(d[k]),
                    p_value=float(p[k]),
                    effect=float(psi_values[k]),
                    effect_name="psi",
                    effect_floor=floors.psi,
                    n_reference=int(nr[k]),
                    n_current=int(nc[k]),
                    segment=segment,
                    measure=WASSERSTEIN_SD,
                    distance=float(w_sd[k]),
                    distance_floor=floor,
                    **plot,
                )
            )
    for i, name in enumerate(layout.categorical):
        rc, cc = ref.cat_counts[i], cur.cat_counts[i]
        nr, nc = rc.sum(axis=1), cc.sum(axis=1)
        chi2, p = distances.chi_square(rc, cc)
        tvd = distances.total_variation(rc, cc)
        psi_values = distances.psi(rc + 0.0, cc + 0.0)
        floor = floors.for_test(name, "categorical")
        for k, segment in enumerate(labels):
            seg = layout.segments[k]
            if seg.column == name:
                continue  # a segment of this very column: one category, nothing to compare
            why = _skip_reason(nr[k], nc[k], min_samples, _where(segment))
            if why:
                tests.append(
                    _not_tested(name, "categorical", "chi-square", segment, why, nr[k], nc[k])
                )
                continue
            plot = {}
            if keep_plot_data:
                plot = {
                    "reference": {"categories": layout.categories[i], "counts": rc[k].tolist()},
                    "current": {"counts": cc[k].tolist()},
                }
            tests.append(
                DriftTest(
                    name=name,
                    kind="categorical",
                    test="chi-square",
                    statistic=float(chi2[k]),
                    p_value=float(p[k]),
                    effect=float(psi_values[k]),
                    effect_name="psi",
                    effect_floor=floors.psi,
                    n_reference=int(nr[k]),
                    n_current=int(nc[k]),
                    segment=segment,
                    measure=TOTAL_VARIATION,
                    distance=float(tvd[k]),
                    distance_floor=floor,
                    **plot,
                )
            )
    tests += _outcome_tests(layout, ref_stats, cur, floors, min_samples, labels)

    tested = [t for t in tests if t.tested]
    # A test without a usable p-value cannot flag drift (and must not poison the adjustment).
    adjusted = benjamini_hochberg([t.p_value if math.isfinite(t.p_value) else 1.0 for t in tested])
    for t, p_adj in zip(tested, adjusted, strict=True):
        t.p_adjusted = float(p_adj)
        t.drifted = bool(p_adj < alpha and t.distance >= t.distance_floor)
    for t in tests:
        t.explanation = explain(t, alpha)

    performance = estimate_performance(
        layout, cur, performance_reference, max_drop=max_drop, min_samples=min_samples
    )
    return tests, performance


def _outcome_tests(
    layout: Layout,
    ref_stats: dict[str, np.ndarray],
    cur: Sketch,
    floors: Floors,
    min_samples: int,
    labels: list[str],
) -> list[DriftTest]:
    tests: list[DriftTest] = []
    o = cur.outcome
    rate_floor = floors.for_test("label_rate", "outcome")
    calibration_floor = floors.for_test("calibration", "outcome")
    for k, segment in enumerate(labels):
        n1, pos1 = o[k, O_LABELED], o[k, O_POSITIVE]
        n0, p0 = ref_stats["label_n"][k], ref_stats["label_rate"][k]
        if n1 > 0 and n0 > 0 and math.isfinite(p0):
            why = _skip_reason(n0, n1, min_samples, _where(segment))
            if why:
                tests.append(
                    _not_tested("label_rate", "outcome", "two-proportion z", segment, why, n0, n1)
                )
            else:
                p1 = pos1 / n1
                pooled = (p0 * n0 + pos1) / (n0 + n1)
                se = math.sqrt(max(pooled * (1 - pooled) * (1 / n0 + 1 / n1), 1e-300))
                z = (p1 - p0) / se
                change = abs(p1 / p0 - 1) if p0 > 0 else math.inf
                tests.append(
                    DriftTest(
                        name="label_rate",
                        kind="outcome",
                        test="two-proportion z",
                        statistic=z,
                        p_value=float(2 * stats.norm.sf(abs(z))),
                        effect=change,
                        effect_name="relative change",
                        effect_floor=rate_floor,
                        n_reference=int(n0),
                        n_current=int(n1),
                        segment=segment,
                        measure=RELATIVE_CHANGE,
                        distance=change,
                        distance_floor=rate_floor,
                    )
                )
        n_scored = o[k, O_SCORED]
        if n_scored > 0:
            why = _skip_reason(math.inf, n_scored, min_samples, _where(segment))
            if why:
                tests.append(
                    _not_tested(
                        "calibration",
                        "outcome",
                        "observed vs predicted positives z",
                        segment,
                        why,
                        0,
                        n_scored,
                    )
                )
                continue
            expected, observed = o[k, O_SCORE_SUM], o[k, O_SCORED_POSITIVE]
            z = (observed - expected) / math.sqrt(max(o[k, O_SCORE_VAR], 1e-12))
            error = abs(observed / expected - 1) if expected > 0 else math.inf
            tests.append(
                DriftTest(
                    name="calibration",
                    kind="outcome",
                    test="observed vs predicted positives z",
                    statistic=z,
                    p_value=float(2 * stats.norm.sf(abs(z))),
                    effect=error,
                    effect_name="relative error",
                    effect_floor=calibration_floor,
                    n_reference=0,
                    n_current=int(n_scored),
                    segment=segment,
                    measure=RELATIVE_ERROR,
                    distance=error,
                    distance_floor=calibration_floor,
                )
            )
    return tests


def detect_drift(
    baseline: dict[str, Any],
    current: pd.DataFrame,
    alpha: float = DEFAULT_ALPHA,
    psi_floor: float = DEFAULT_PSI_FLOOR,
    rate_floor: float = DEFAULT_RATE_FLOOR,
    label_column: str | None = None,
    *,
    floors: Floors | None = None,
    segment_by: list[str] | None = None,
    min_samples: int = DEFAULT_MIN_SAMPLES,
    max_drop: float | None = None,
) -> DriftReport:
    """Compare ``current`` (one row per prediction) with ``baseline``.

    ``current`` needs the baseline's feature and segment columns; the score column
    is used when present, and ``label_column`` (rows with a known outcome) enables
    the label-rate and calibration tests and the realised performance. ``floors``
    (default: :class:`Floors` with ``psi_floor`` and ``rate_floor``) sets what
    counts as a change big enough; ``segment_by`` defaults to the baseline's
    segments (``[]`` for none).
    """
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must be in (0, 1), got {alpha}")
    if min_samples < 1:
        raise ValueError(f"min_samples must be at least 1, got {min_samples}")
    if current.empty:
        raise ValueError("no current data to compare with the baseline")
    missing = [c for c in [*baseline["numeric"], *baseline["categorical"]] if c not in current]
    if missing:
        raise ValueError(f"current data lacks baseline columns {missing}")
    if floors is None:
        floors = Floors(psi=psi_floor, rate=rate_floor)
    layout = Layout.from_baseline(baseline, segment_by)
    ref, ref_stats = reference_sketch(layout, baseline)
    cur = Sketch.of_frame(layout, current, label_column)
    tests, performance = evaluate(
        layout,
        ref,
        ref_stats,
        cur,
        alpha=alpha,
        floors=floors,
        min_samples=min_samples,
        performance_reference=baseline.get("performance"),
        max_drop=max_drop,
    )
    return DriftReport(
        tests=tests,
        alpha=alpha,
        psi_floor=floors.psi,
        n_current=len(current),
        drifted=any(t.drifted for t in tests),
        floors=floors,
        segments=[s.label for s in layout.segments],
        performance=performance,
        min_samples=min_samples,
    )
