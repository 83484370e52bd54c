"""Training baseline statistics: what "no drift" looks like for each feature and the score.

Written at training time as ``baseline.json`` (an MLflow artifact next to the
model) and read by the drift monitor.  Per numeric column: quantile bin edges
and the reference proportions (for PSI), plus a seeded random sample (for the
Kolmogorov-Smirnov test); per categorical column: counts per category; plus the
label prevalence for outcome-based checks.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

BASELINE_VERSION = 1
N_BINS = 10
SAMPLE_SIZE = 5000


def bin_edges(values: np.ndarray, n_bins: int = N_BINS) -> np.ndarray:
    """Interior quantile edges (deduplicated, so discrete columns get fewer bins)."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return np.array([], dtype=np.float64)
    qs = np.quantile(finite, np.linspace(0, 1, n_bins + 1)[1:-1])
    return np.unique(qs)


def bin_counts(values: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Counts per bin: (-inf, e0], (e0, e1], ..., (e_last, inf); NaNs are dropped."""
    finite = values[np.isfinite(values)]
    idx = np.searchsorted(edges, finite, side="left")
    return np.bincount(idx, minlength=len(edges) + 1).astype(np.float64)


def numeric_summary(values: np.ndarray, rng: np.random.Generator) -> dict[str, Any]:
    """Bins, proportions, a sample and moments of one numeric column."""
    values = np.asarray(values, dtype=np.float64)
    finite = values[np.isfinite(values)]
    edges = bin_edges(finite)
    counts = bin_counts(finite, edges)
    sample = (
        finite if finite.size <= SAMPLE_SIZE else rng.choice(finite, SAMPLE_SIZE, replace=False)
    )
    return {
        "n": int(finite.size),
        "missing": int(values.size - finite.size),
        "mean": float(finite.mean()) if finite.size else None,
        "std": float(finite.std()) if finite.size else None,
        "bin_edges": edges.tolist(),
        "proportions": (counts / max(counts.sum(), 1.0)).tolist(),
        "sample": np.sort(sample).tolist(),
    }


def categorical_summary(values: pd.Series) -> dict[str, Any]:
    """Counts per category (missing values counted under ``"<missing>"``)."""
    counts = values.fillna("<missing>").astype(str).value_counts()
    return {"n": len(values), "counts": {str(k): int(v) for k, v in counts.items()}}


def compute_baseline(
    features: pd.DataFrame,
    numeric: Iterable[str],
    categorical: Iterable[str],
    scores: np.ndarray | None = None,
    labels: np.ndarray | None = None,
    seed: int = 0,
) -> dict[str, Any]:
    """The baseline document for ``features`` (and the model's reference ``scores``)."""
    rng = np.random.default_rng(seed)
    doc: dict[str, Any] = {
        "version": BASELINE_VERSION,
        "n_rows": len(features),
        "numeric": {c: numeric_summary(features[c].to_numpy(np.float64), rng) for c in numeric},
        "categorical": {c: categorical_summary(features[c]) for c in categorical},
    }
    if scores is not None:
        doc["score"] = numeric_summary(np.asarray(scores, dtype=np.float64), rng)
    if labels is not None:
        labels = np.asarray(labels, dtype=np.float64)
        doc["label"] = {"n": int(labels.size), "positive_rate": float(labels.mean())}
    return doc


def write_baseline(doc: dict[str, Any], path: Path) -> Path:
    """Write the baseline as JSON."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc))
    return path


def read_baseline(path: Path) -> dict[str, Any]:
    """Read and sanity-check a baseline file."""
    path = Path(path)
    try:
        doc = json.loads(path.read_text())
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"baseline file not found: {path}") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"baseline file is not JSON: {path}: {exc}") from exc
    if doc.get("version") != BASELINE_VERSION or "numeric" not in doc:
        raise ValueError(f"{path} is not a version-{BASELINE_VERSION} training baseline")
    return doc
