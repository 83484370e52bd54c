"""A/B analysis of champion vs challenger on logged predictions joined with their outcomes.

Per variant: the number of settled predictions, fraud rate, mean log loss with
a 95% confidence interval, and ROC AUC.  The decision compares the mean
per-prediction log loss (lower is better) with Welch's t-test; entities were
assigned to variants at random (hashing), so the groups are comparable.

* **promote**: the challenger is better and the difference is significant;
* **roll back**: the challenger is worse and the difference is significant;
* **keep**: no significant difference yet, or too few outcomes to judge.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats
from sklearn.metrics import roc_auc_score

from workloads import schema

PROMOTE, KEEP, ROLL_BACK = "promote", "keep", "roll back"
_CLIP = 1e-6


@dataclass
class VariantSummary:
    """Outcome-based quality of one variant."""

    variant: str
    model_versions: list[str]
    n: int
    positive_rate: float
    mean_log_loss: float
    log_loss_ci: tuple[float, float]
    roc_auc: float | None


@dataclass
class AbResult:
    """The comparison and the recommendation."""

    champion: VariantSummary | None
    challenger: VariantSummary | None
    difference: float | None
    difference_ci: tuple[float, float] | None
    p_value: float | None
    alpha: float
    recommendation: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly form."""
        return asdict(self)


def join_outcomes(predictions: pd.DataFrame, outcomes: pd.DataFrame) -> pd.DataFrame:
    """Predictions with their latest outcome label (only settled predictions)."""
    if predictions.empty or outcomes.empty:
        return pd.DataFrame(columns=[*predictions.columns, "label"])
    latest = outcomes.sort_values("ts").drop_duplicates("prediction_id", keep="last")
    joined = predictions.merge(
        latest[["prediction_id", "label"]], on="prediction_id", how="inner", validate="one_to_one"
    )
    return joined


def per_prediction_log_loss(scores: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Log loss of each prediction."""
    p = np.clip(scores, _CLIP, 1 - _CLIP)
    return -(labels * np.log(p) + (1 - labels) * np.log(1 - p))


def _summary(variant: str, frame: pd.DataFrame) -> VariantSummary:
    y = frame["label"].to_numpy(np.float64)
    losses = per_prediction_log_loss(frame[schema.SCORE].to_numpy(np.float64), y)
    n = losses.size
    mean = float(losses.mean())
    half = (
        float(stats.t.ppf(0.975, n - 1) * losses.std(ddof=1) / math.sqrt(n)) if n > 1 else math.inf
    )
    auc = float(roc_auc_score(y, frame[schema.SCORE])) if 0 < y.sum() < n else None
    return VariantSummary(
        variant=variant,
        model_versions=sorted({str(v) for v in frame["model_version"]}),
        n=n,
        positive_rate=float(y.mean()),
        mean_log_loss=mean,
        log_loss_ci=(mean - half, mean + half),
        roc_auc=auc,
    )


def analyse(joined: pd.DataFrame, alpha: float = 0.05, min_outcomes: int = 200) -> AbResult:
    """Compare the variants in ``joined`` (predictions with a ``label`` column)."""
    groups = {v: g for v, g in joined.groupby("variant")} if not joined.empty else {}
    champion = _summary("champion", groups["champion"]) if "champion" in groups else None
    challenger = _summary("challenger", groups["challenger"]) if "challenger" in groups else None
    if champion is None or challenger is None:
        return AbResult(
            champion,
            challenger,
            None,
            None,
            None,
            alpha,
            KEEP,
            "both variants need settled outcomes",
        )
    if min(champion.n, challenger.n) < min_outcomes:
        return AbResult(
            champion,
            challenger,
            None,
            None,
            None,
            alpha,
            KEEP,
            f"too few settled outcomes (need {min_outcomes} per variant)",
        )
    a = per_prediction_log_loss(
        groups["challenger"][schema.SCORE].to_numpy(np.float64),
        groups["challenger"]["label"].to_numpy(np.float64),
    )
    b = per_prediction_log_loss(
        groups["champion"][schema.SCORE].to_numpy(np.float64),
        groups["champion"]["label"].to_numpy(np.float64),
    )
    test = stats.ttest_ind(a, b, equal_var=False)
    diff = float(a.mean() - b.mean())
    va, vb = a.var(ddof=1) / a.size, b.var(ddof=1) / b.size
    dof = (va + vb) ** 2 / (va**2 / (a.size - 1) + vb**2 / (b.size - 1))
    half = float(stats.t.ppf(1 - alpha / 2, dof) * math.sqrt(va + vb))
    p = float(test.pvalue)
    if p < alpha and diff < 0:
        rec, reason = PROMOTE, f"challenger log loss lower by {-diff:.4f} (p={p:.3g})"
    elif p < alpha and diff > 0:
        rec, reason = ROLL_BACK, f"challenger log loss higher by {diff:.4f} (p={p:.3g})"
    else:
        rec, reason = KEEP, f"no significant difference (p={p:.3g})"
    return AbResult(champion, challenger, diff, (diff - half, diff + half), p, alpha, rec, reason)
