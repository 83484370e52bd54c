"""Training baseline statistics: what "no drift" looks like, overall and per segment.

Written at training time as ``baseline.json`` (an MLflow artifact next to the
model) and read by the drift monitors (the daily run and the streaming one).

Every numeric column is summarised as a fine histogram: up to ``N_BINS`` buckets
between reference quantiles, with the count *and the sum of the values* in each
bucket.  That is enough to compute, without the raw rows, the Kolmogorov-Smirnov
statistic at the bucket edges, the PSI on deciles and the Wasserstein distance
(the sums make the integral of the CDF difference exact over every bucket in
which the two CDFs do not cross, see :mod:`workloads.monitoring.distances`).
Histograms over the same edges add up, so the streaming monitor keeps one per
time bucket and sums them into windows.  Categorical columns keep their counts.

The same summaries are kept per *segment* (each value of each segment column,
``DEFAULT_SEGMENTS`` by default), so a shift confined to one segment is compared
with that segment's own reference.  With held-out scores and labels, the baseline
also holds what the label-free performance estimate needs: the decision threshold,
a calibration map and the reference precision and recall.

Version 1 baselines (a 5,000-value sample per column, no segments) are still read:
their histograms are rebuilt from the sample.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

BASELINE_VERSION = 2
N_BINS = 100
DEFAULT_SEGMENTS: tuple[str, ...] = ("channel", "card_tier", "merchant_category")
MAX_SEGMENT_VALUES = 20
MISSING = "<missing>"
# A score calibration that is off by more than this (z of observed vs expected positives
# on the held-out data) is corrected with isotonic regression before estimating.
CALIBRATION_Z = 2.58


def sorted_quantiles(ordered: np.ndarray, levels: np.ndarray) -> np.ndarray:
    """Quantiles of sorted values, interpolated linearly (numpy's default method)."""
    position = levels * (ordered.size - 1)
    lower = np.floor(position).astype(np.int64)
    upper = np.minimum(lower + 1, ordered.size - 1)
    return ordered[lower] + (position - lower) * (ordered[upper] - ordered[lower])


def bin_edges(values: np.ndarray, n_bins: int = N_BINS) -> np.ndarray:
    """Interior quantile edges (deduplicated, so discrete columns get fewer buckets)."""
    finite = np.sort(values[np.isfinite(values)])
    if finite.size == 0:
        return np.array([], dtype=np.float64)
    return np.unique(sorted_quantiles(finite, np.linspace(0, 1, n_bins + 1)[1:-1]))


def bin_counts(values: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Counts per bin: (-inf, e0], (e0, e1], ..., (e_last, inf); NaNs are dropped."""
    return sorted_histogram(np.sort(values[np.isfinite(values)]), edges)[0]


def sorted_histogram(ordered: np.ndarray, edges: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Counts and value sums per bucket of already sorted finite values.

    Sorting once and cutting the sorted array at the edges is several times faster
    than locating every value among the edges (``searchsorted`` of a million values
    into a hundred edges is branch-bound).
    """
    cut = np.searchsorted(ordered, edges, side="right")
    bounds = np.concatenate(([0], cut, [ordered.size]))
    cumulative = np.concatenate(([0.0], np.cumsum(ordered)))
    return np.diff(bounds).astype(np.float64), np.diff(cumulative[bounds])


def histogram(values: np.ndarray, edges: np.ndarray) -> dict[str, Any]:
    """Counts, sums and moments of ``values`` over ``edges`` (NaNs counted as missing)."""
    values = np.asarray(values, dtype=np.float64)
    finite = values[np.isfinite(values)]
    counts, sums = sorted_histogram(np.sort(finite), edges)
    return {
        "n": int(finite.size),
        "missing": int(values.size - finite.size),
        "mean": float(finite.mean()) if finite.size else None,
        "std": float(finite.std()) if finite.size else None,
        "counts": counts.tolist(),
        "sums": sums.tolist(),
    }


def numeric_summary(values: np.ndarray) -> dict[str, Any]:
    """The edges and histogram of one numeric column (one sort serves both)."""
    values = np.asarray(values, dtype=np.float64)
    ordered = np.sort(values[np.isfinite(values)])
    if ordered.size == 0:
        edges = np.array([], dtype=np.float64)
    else:
        edges = np.unique(sorted_quantiles(ordered, np.linspace(0, 1, N_BINS + 1)[1:-1]))
    counts, sums = sorted_histogram(ordered, edges)
    return {
        "edges": edges.tolist(),
        "n": int(ordered.size),
        "missing": int(values.size - ordered.size),
        "mean": float(ordered.mean()) if ordered.size else None,
        "std": float(ordered.std()) if ordered.size else None,
        "counts": counts.tolist(),
        "sums": sums.tolist(),
    }


def category_counts(values: pd.Series) -> dict[str, int]:
    """Counts per category, missing values under ``"<missing>"`` (one hashing pass)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    counts = np.bincount(codes + 1, minlength=len(uniques) + 1)
    out: dict[str, int] = {}
    for key, count in zip([MISSING, *map(str, uniques)], counts.tolist(), strict=True):
        if count:
            out[key] = out.get(key, 0) + int(count)
    return out


def categorical_summary(values: pd.Series) -> dict[str, Any]:
    """Counts per category (missing values counted under ``"<missing>"``)."""
    return {"n": len(values), "counts": category_counts(values)}


def segment_values(values: pd.Series) -> list[str]:
    """The segments of one column: its most frequent values (at most ``MAX_SEGMENT_VALUES``)."""
    counts = values.dropna().astype(str).value_counts()
    return [str(v) for v in counts.index[:MAX_SEGMENT_VALUES]]


def _segment_summary(
    frame: pd.DataFrame,
    numeric: dict[str, dict[str, Any]],
    categorical: Iterable[str],
    skip: str,
) -> dict[str, Any]:
    return {
        "n": len(frame),
        "numeric": {
            name: histogram(frame[name].to_numpy(np.float64), np.asarray(ref["edges"]))
            for name, ref in numeric.items()
        },
        "categorical": {c: categorical_summary(frame[c]) for c in categorical if c != skip},
    }


def calibration_map(scores: np.ndarray, labels: np.ndarray) -> dict[str, Any]:
    """How to turn the model's scores into probabilities for the performance estimate.

    The identity when the held-out data cannot tell the scores from calibrated ones
    (observed vs expected positives within ``CALIBRATION_Z``), else an isotonic
    regression of the labels on the scores (what NannyML's CBPE does by default).
    """
    from sklearn.isotonic import IsotonicRegression

    expected = float(scores.sum())
    variance = float(np.sum(scores * (1 - scores)))
    z = (float(labels.sum()) - expected) / math.sqrt(max(variance, 1e-12))
    if abs(z) <= CALIBRATION_Z:
        return {"method": "identity", "z": z}
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(scores, labels)
    return {
        "method": "isotonic",
        "z": z,
        "x": [float(v) for v in iso.X_thresholds_],
        "y": [float(v) for v in iso.y_thresholds_],
    }


def apply_calibration(calibration: dict[str, Any] | None, scores: np.ndarray) -> np.ndarray:
    """Scores mapped through ``calibration`` (see :func:`calibration_map`)."""
    if not calibration or calibration.get("method") != "isotonic":
        return scores
    return np.interp(scores, calibration["x"], calibration["y"])


def f1_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """The score threshold with the best F1 on the held-out data (the default operating point)."""
    from sklearn.metrics import precision_recall_curve

    precision, recall, thresholds = precision_recall_curve(labels, scores)
    f1 = 2 * precision[:-1] * recall[:-1] / np.maximum(precision[:-1] + recall[:-1], 1e-12)
    return float(thresholds[int(np.argmax(f1))])


def performance_reference(
    scores: np.ndarray, labels: np.ndarray, threshold: float | None = None
) -> dict[str, Any]:
    """Decision threshold, calibration and the held-out precision/recall at that threshold."""
    scores = np.asarray(scores, dtype=np.float64)
    labels = np.asarray(labels, dtype=np.float64)
    keep = np.isfinite(scores) & np.isfinite(labels)
    scores, labels = scores[keep], labels[keep]
    if scores.size == 0 or not 0 < labels.sum() < labels.size:
        raise ValueError("the performance reference needs held-out scores with both outcomes")
    threshold = f1_threshold(scores, labels) if threshold is None else float(threshold)
    flagged = scores >= threshold
    calibration = calibration_map(scores, labels)
    p = apply_calibration(calibration, scores)
    return {
        "threshold": threshold,
        "n": int(scores.size),
        "n_flagged": int(flagged.sum()),
        "calibration": calibration,
        # How precisely the held-out outcomes pin the (calibrated) probabilities down,
        # above and below the threshold: the relative standard error of observed over
        # expected frauds there. The estimate's interval carries it.
        "calibration_uncertainty": {
            "flagged": _relative_se(labels[flagged], p[flagged]),
            "unflagged": _relative_se(labels[~flagged], p[~flagged]),
        },
        "reference": _operating_point(scores, labels, threshold),
        "segments": {},
    }


def _relative_se(labels: np.ndarray, p: np.ndarray) -> float:
    expected = float(p.sum())
    if expected <= 0:
        return 0.0
    return math.sqrt(max(float(labels.sum()), 1.0)) / expected


def _operating_point(scores: np.ndarray, labels: np.ndarray, threshold: float) -> dict[str, Any]:
    """Precision, recall and fraud rate at ``threshold`` (NaN where undefined; JSON has null)."""
    keep = np.isfinite(scores) & np.isfinite(labels)
    scores, labels = scores[keep], labels[keep]
    flagged = scores >= threshold
    tp = float(labels[flagged].sum())
    return {
        "n": int(scores.size),
        "precision": tp / flagged.sum() if flagged.any() else None,
        "recall": tp / labels.sum() if labels.sum() > 0 else None,
        "positive_rate": float(labels.mean()) if labels.size else None,
    }


def compute_baseline(
    features: pd.DataFrame,
    numeric: Iterable[str],
    categorical: Iterable[str],
    scores: np.ndarray | None = None,
    labels: np.ndarray | None = None,
    seed: int = 0,
    *,
    score_frame: pd.DataFrame | None = None,
    score_labels: np.ndarray | None = None,
    segment_by: Sequence[str] | None = None,
    decision_threshold: float | None = None,
) -> dict[str, Any]:
    """The baseline document for ``features`` (and the model's reference ``scores``).

    ``labels`` are the outcomes of ``features`` (label-rate reference). ``scores``
    are the model's scores on held-out rows; ``score_frame`` (those rows' features)
    gives per-segment score references and ``score_labels`` (their outcomes) the
    performance reference. ``segment_by`` defaults to the ``DEFAULT_SEGMENTS`` that
    ``features`` has; segments need categorical columns.
    """
    numeric, categorical = list(numeric), list(categorical)
    del seed  # kept for callers: the summaries are exact, nothing is sampled any more
    if segment_by is None:
        segment_by = [c for c in DEFAULT_SEGMENTS if c in features.columns]
    unknown = [c for c in segment_by if c not in features.columns]
    if unknown:
        raise ValueError(f"segment columns {unknown} are not in the reference data")
    doc: dict[str, Any] = {
        "version": BASELINE_VERSION,
        "n_rows": len(features),
        "numeric": {c: numeric_summary(features[c].to_numpy(np.float64)) for c in numeric},
        "categorical": {c: categorical_summary(features[c]) for c in categorical},
        "segment_by": list(segment_by),
        "segments": {},
    }
    label_array = None if labels is None else np.asarray(labels, dtype=np.float64)
    if label_array is not None:
        doc["label"] = {"n": int(label_array.size), "positive_rate": float(label_array.mean())}
    score_array = None if scores is None else np.asarray(scores, dtype=np.float64)
    if score_array is not None:
        doc["score"] = numeric_summary(score_array)
        if score_labels is not None:
            doc["performance"] = performance_reference(
                score_array, np.asarray(score_labels), decision_threshold
            )
    score_edges = np.asarray(doc["score"]["edges"]) if "score" in doc else None
    for column in segment_by:
        per_value: dict[str, Any] = {}
        as_text = features[column].astype(str)
        scored_text = (
            score_frame[column].astype(str)
            if score_frame is not None and column in score_frame
            else None
        )
        for value in segment_values(features[column]):
            mask = (as_text == value).to_numpy()
            summary = _segment_summary(features[mask], doc["numeric"], categorical, column)
            if label_array is not None:
                part = label_array[mask]
                summary["label"] = {"n": int(part.size), "positive_rate": float(part.mean())}
            if score_array is not None and scored_text is not None and score_edges is not None:
                scored = (scored_text == value).to_numpy()
                summary["score"] = histogram(score_array[scored], score_edges)
                if "performance" in doc and score_labels is not None:
                    doc["performance"]["segments"][f"{column}={value}"] = _operating_point(
                        score_array[scored],
                        np.asarray(score_labels, dtype=np.float64)[scored],
                        doc["performance"]["threshold"],
                    )
            per_value[value] = summary
        doc["segments"][column] = per_value
    return doc


def _upgrade_numeric_v1(ref: dict[str, Any]) -> dict[str, Any]:
    sample = np.asarray(ref.get("sample", []), dtype=np.float64)
    edges = bin_edges(sample)
    hist = histogram(sample, edges)
    scale = float(ref["n"]) / max(sample.size, 1)
    return {
        **hist,
        "edges": edges.tolist(),
        "n": int(ref["n"]),
        "missing": int(ref.get("missing", 0)),
        "mean": ref.get("mean"),
        "std": ref.get("std"),
        "counts": [c * scale for c in hist["counts"]],
        "sums": [s * scale for s in hist["sums"]],
    }


def upgrade_v1(doc: dict[str, Any]) -> dict[str, Any]:
    """A version-1 baseline in the version-2 layout (histograms from its sample, no segments)."""
    upgraded = {
        **doc,
        "version": BASELINE_VERSION,
        "numeric": {k: _upgrade_numeric_v1(v) for k, v in doc["numeric"].items()},
        "segment_by": [],
        "segments": {},
        "upgraded_from": 1,
    }
    if "score" in doc:
        upgraded["score"] = _upgrade_numeric_v1(doc["score"])
    return upgraded


def write_baseline(doc: dict[str, Any], path: Path) -> Path:
    """Write the baseline as JSON."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc))
    return path


def read_baseline(path: Path) -> dict[str, Any]:
    """Read and sanity-check a baseline file (version 1 files are upgraded)."""
    path = Path(path)
    try:
        doc = json.loads(path.read_text())
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"baseline file not found: {path}") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"baseline file is not JSON: {path}: {exc}") from exc
    if not isinstance(doc, dict) or "numeric" not in doc:
        raise ValueError(f"{path} is not a training baseline")
    if doc.get("version") == 1:
        return upgrade_v1(doc)
    if doc.get("version") != BASELINE_VERSION:
        raise ValueError(
            f"{path} is a version-{doc.get('version')} baseline; this monitor reads versions 1 "
            f"and {BASELINE_VERSION}"
        )
    return doc
