"""How well the model is doing, before and after the outcomes arrive.

Fraud labels arrive days to weeks after the prediction. Until then the
*confidence-based performance estimate* (CBPE, as NannyML describes it) answers
"how good are today's decisions?" from the scores alone: if the model's
probabilities are calibrated, a prediction with probability ``p`` is a fraud with
probability ``p``, so at the decision threshold ``t``

* expected true positives ``A = sum(p | score >= t)``, expected missed frauds
  ``B = sum(p | score < t)``;
* precision ``A / #flagged``, recall ``A / (A + B)``, fraud rate ``(A + B) / n``.

Each outcome is then a Bernoulli(p) draw, so the realised value has variance
``sum p(1-p)`` over the flagged (``VA``) and unflagged (``VB``) rows; to that the
uncertainty of the calibration itself is added (how precisely the held-out
outcomes pin the probabilities down above and below the threshold: ``(A u_A)^2``
and ``(B u_B)^2``). The 95% interval is the estimate +- 1.96 standard errors
(delta method for recall: ``sqrt(B^2 VA + A^2 VB) / (A + B)^2``). It is the range
the realised value should fall in once the labels arrive *if* P(fraud | features)
has not changed and the traffic stays where the model was fitted.

What it cannot see: concept drift. When P(fraud | features) changes but the
features do not, the scores do not change and neither does the estimate (NannyML:
"CBPE will not work under concept drift ... there is no way to identify concept
drift without any ground truth data"). That is what the comparison with the
realised value, and the calibration test, are for once the labels are in.

Scores are first mapped through the baseline's calibration (identity, or an
isotonic regression fitted on the held-out data when that data shows the scores
are miscalibrated).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from workloads.monitoring.sketch import Layout, Sketch

Z95 = 1.959963984540054
METRICS = ("precision", "recall", "positive_rate")
# Alert when an estimate is this far (absolute) below the reference.
DEFAULT_MAX_DROP = 0.05


@dataclass
class PerformanceEstimate:
    """One metric in one segment: the label-free estimate and, when known, the realised value."""

    segment: str
    metric: str
    estimate: float
    lower: float
    upper: float
    n: int
    reference: float = math.nan
    realised: float = math.nan
    n_labeled: int = 0
    drop_detected: bool = False
    max_drop: float = DEFAULT_MAX_DROP

    @property
    def within_interval(self) -> bool | None:
        """Whether the realised value fell inside the estimate's interval (None: no labels)."""
        if not math.isfinite(self.realised):
            return None
        return self.lower <= self.realised <= self.upper


def cbpe(
    perf_row: np.ndarray, calibration_se: tuple[float, float] = (0.0, 0.0)
) -> dict[str, tuple[float, float]]:
    """Estimate and standard error of each metric from one row of ``Sketch.perf``.

    ``calibration_se`` is the relative uncertainty of the probabilities above and
    below the threshold (from the held-out data): it widens the interval, since a
    calibration known to +-5% moves the expected frauds by as much.
    """
    from workloads.monitoring.sketch import (
        P_FLAGGED,
        P_N,
        P_SUM_FLAGGED,
        P_SUM_UNFLAGGED,
        P_VAR_FLAGGED,
        P_VAR_UNFLAGGED,
    )

    n, n_flagged = perf_row[P_N], perf_row[P_FLAGGED]
    a, va = perf_row[P_SUM_FLAGGED], perf_row[P_VAR_FLAGGED]
    b, vb = perf_row[P_SUM_UNFLAGGED], perf_row[P_VAR_UNFLAGGED]
    # Outcome noise plus calibration uncertainty, for the expected frauds A and B.
    u_a, u_b = calibration_se
    va, vb = va + (a * u_a) ** 2, vb + (b * u_b) ** 2
    nan = (math.nan, math.nan)
    out: dict[str, tuple[float, float]] = {}
    out["precision"] = (a / n_flagged, math.sqrt(va) / n_flagged) if n_flagged > 0 else nan
    total = a + b
    out["recall"] = (a / total, math.sqrt(b * b * va + a * a * vb) / total**2) if total > 0 else nan
    out["positive_rate"] = (total / n, math.sqrt(va + vb) / n) if n > 0 else nan
    return out


def calibration_se(reference: dict[str, Any] | None) -> tuple[float, float]:
    """The baseline's calibration uncertainty (flagged, unflagged); zeros if it has none."""
    u = (reference or {}).get("calibration_uncertainty") or {}
    return float(u.get("flagged", 0.0)), float(u.get("unflagged", 0.0))


def realised(outcome_row: np.ndarray) -> dict[str, tuple[float, int]]:
    """Realised value and its denominator per metric from one row of ``Sketch.outcome``."""
    from workloads.monitoring.sketch import (
        O_FLAGGED,
        O_SCORED,
        O_SCORED_POSITIVE,
        O_TRUE_POSITIVE,
    )

    tp, flagged = outcome_row[O_TRUE_POSITIVE], outcome_row[O_FLAGGED]
    pos, n = outcome_row[O_SCORED_POSITIVE], outcome_row[O_SCORED]
    return {
        "precision": (tp / flagged if flagged > 0 else math.nan, int(n)),
        "recall": (tp / pos if pos > 0 else math.nan, int(n)),
        "positive_rate": (pos / n if n > 0 else math.nan, int(n)),
    }


def estimate_performance(
    layout: Layout,
    sketch: Sketch,
    reference: dict[str, Any] | None,
    max_drop: float | None = None,
    min_samples: int = 200,
) -> list[PerformanceEstimate]:
    """Estimates (and realised values) per segment, with the drop signal.

    ``reference`` is the baseline's ``performance`` section (its ``reference`` for
    "all", its ``segments`` per segment label); without it, or without a decision
    threshold, there is nothing to estimate.
    """
    if layout.threshold is None or reference is None:
        return []
    max_drop = DEFAULT_MAX_DROP if max_drop is None else max_drop
    if not 0 < max_drop < 1:
        raise ValueError(f"the allowed performance drop must be in (0, 1), got {max_drop}")
    segment_refs = reference.get("segments", {})
    out: list[PerformanceEstimate] = []
    for k, segment in enumerate(layout.segments):
        n = sketch.perf[k, 0]
        if n < min_samples:
            continue
        estimates = cbpe(sketch.perf[k], calibration_se(reference))
        known = realised(sketch.outcome[k])
        ref = reference.get("reference", {}) if k == 0 else segment_refs.get(segment.label, {})
        for metric in METRICS:
            value, se = estimates[metric]
            if not math.isfinite(value):
                continue
            lower, upper = max(0.0, value - Z95 * se), min(1.0, value + Z95 * se)
            raw_ref = ref.get(metric) if ref else None
            ref_value = float(raw_ref) if raw_ref is not None else math.nan
            real, n_labeled = known[metric]
            # Only a drop in precision or recall is a degradation; the fraud rate is context.
            drop = (
                metric != "positive_rate"
                and math.isfinite(ref_value)
                and value < ref_value - max_drop
                and upper < ref_value
            )
            out.append(
                PerformanceEstimate(
                    segment=segment.label,
                    metric=metric,
                    estimate=float(value),
                    lower=float(lower),
                    upper=float(upper),
                    n=int(n),
                    reference=ref_value,
                    realised=float(real) if n_labeled >= min_samples else math.nan,
                    n_labeled=n_labeled,
                    drop_detected=bool(drop),
                    max_drop=max_drop,
                )
            )
    return out


@dataclass
class TimelinePoint:
    """The estimate and the realised value of one metric over one time bucket."""

    start: str
    metric: str
    n: int
    estimate: float
    lower: float
    upper: float
    realised: float
    n_labeled: int


def as_timestamps(values: Any) -> Any:
    """A column of datetimes or of epoch seconds (the log's ``ts``) as UTC timestamps."""
    import pandas as pd

    series = pd.Series(values)
    if pd.api.types.is_numeric_dtype(series.dtype):
        return pd.to_datetime(series, unit="s", utc=True)
    return pd.to_datetime(series, utc=True)


def performance_timeline(
    baseline: dict[str, Any],
    frame: Any,
    time_column: str,
    freq: str = "1D",
    label_column: str | None = None,
    min_samples: int = 200,
) -> list[TimelinePoint]:
    """Estimate and realised precision/recall/fraud rate per ``freq`` bucket of ``time_column``.

    The estimate uses every scored row of the bucket (what was known the day it
    happened); the realised value uses the rows whose outcome is known now.
    """
    from workloads.monitoring.sketch import Layout, Sketch

    if "performance" not in baseline or frame.empty:
        return []
    import pandas as pd

    layout = Layout.from_baseline(baseline, segment_by=[])
    buckets = as_timestamps(frame[time_column]).dt.floor(freq)
    codes, starts = pd.factorize(buckets, sort=True)
    if (codes < 0).any():
        raise ValueError(f"{time_column} has missing timestamps")
    sketches = Sketch.of_groups(layout, frame, codes, len(starts), label_column)
    se = calibration_se(baseline["performance"])
    out: list[TimelinePoint] = []
    for start, sketch in zip(starts, sketches, strict=True):
        n = int(sketch.perf[0, 0])
        if n < min_samples:
            continue
        estimates = cbpe(sketch.perf[0], se)
        known = realised(sketch.outcome[0])
        for metric in METRICS:
            value, se_metric = estimates[metric]
            real, n_labeled = known[metric]
            out.append(
                TimelinePoint(
                    start=str(start),
                    metric=metric,
                    n=n,
                    estimate=float(value),
                    lower=float(max(0.0, value - Z95 * se_metric)),
                    upper=float(min(1.0, value + Z95 * se_metric)),
                    realised=float(real) if n_labeled >= min_samples else math.nan,
                    n_labeled=n_labeled,
                )
            )
    return out
