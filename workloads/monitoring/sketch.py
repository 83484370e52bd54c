"""Mergeable summaries of prediction rows: what the drift tests and the estimate need.

A :class:`Layout` fixes, from the training baseline, which columns are summarised
and how (the baseline's bucket edges per numeric column, its categories per
categorical column, the segments, the decision threshold and calibration).  A
:class:`Sketch` holds, for every segment at once ("all" first), the histogram
counts and value sums per numeric column, the category counts, the sums the
confidence-based performance estimate needs and, where outcomes are known, the
counts the realised performance and calibration tests need.

Sketches over the same layout add and subtract, so the daily run summarises a
whole table in one pass (a few ``searchsorted``/``bincount`` calls per column),
and the streaming monitor keeps one per time bucket and sums them into windows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from workloads import schema
from workloads.contract.monitor_metrics import ALL_SEGMENTS
from workloads.monitoring.baseline import MISSING, apply_calibration, sorted_histogram

PREDICTION = "prediction"  # the test name of the score distribution
OTHER = "<other>"  # categories the baseline never saw

# Columns of Sketch.perf (every scored row, calibrated probability p, flagged = score >= t).
P_N, P_FLAGGED, P_SUM_FLAGGED, P_VAR_FLAGGED, P_SUM_UNFLAGGED, P_VAR_UNFLAGGED = range(6)
# Columns of Sketch.outcome (rows with a known outcome y; s is the raw score).
(
    O_LABELED,
    O_POSITIVE,
    O_SCORED,
    O_SCORED_POSITIVE,
    O_TRUE_POSITIVE,
    O_FLAGGED,
    O_SCORE_SUM,
    O_SCORE_VAR,
) = range(8)


def _as_float(values: pd.Series) -> np.ndarray:
    """A column as float64, anything that is not a number as NaN."""
    if pd.api.types.is_float_dtype(values.dtype) or pd.api.types.is_integer_dtype(values.dtype):
        return values.to_numpy(np.float64, na_value=np.nan)
    return pd.to_numeric(values, errors="coerce").to_numpy(np.float64, na_value=np.nan)


@dataclass(frozen=True)
class Segment:
    """One slice of the traffic: everything, or the rows where ``column == value``."""

    label: str
    column: str | None = None
    value: str | None = None


@dataclass
class Layout:
    """What is summarised, as fixed by the training baseline."""

    numeric: list[str]
    columns: dict[str, str]  # test name -> frame column (the prediction reads the score)
    edges: list[np.ndarray]
    categorical: list[str]
    categories: list[list[str]]  # the baseline's categories, then OTHER
    segments: list[Segment]
    segment_columns: list[tuple[str, int, list[str]]]  # column, first segment index, values
    threshold: float | None = None
    calibration: dict[str, Any] | None = None

    @property
    def n_segments(self) -> int:
        """Segments including "all"."""
        return len(self.segments)

    @classmethod
    def from_baseline(cls, baseline: dict[str, Any], segment_by: list[str] | None = None) -> Layout:
        """The layout of ``baseline``, with ``segment_by`` (default: the baseline's segments)."""
        available = list(baseline.get("segment_by", []))
        if segment_by is None:
            segment_by = available
        missing = [c for c in segment_by if c not in available]
        if missing:
            raise ValueError(
                f"the baseline has no per-segment reference for {missing} "
                f"(it has {available or 'none'}); retrain with those segments or choose others"
            )
        numeric = list(baseline["numeric"])
        columns = {name: name for name in numeric}
        edges = [np.asarray(baseline["numeric"][n]["edges"], dtype=np.float64) for n in numeric]
        if "score" in baseline:
            numeric.append(PREDICTION)
            columns[PREDICTION] = schema.SCORE
            edges.append(np.asarray(baseline["score"]["edges"], dtype=np.float64))
        categorical = list(baseline["categorical"])
        categories = [[*sorted(baseline["categorical"][c]["counts"]), OTHER] for c in categorical]
        segments = [Segment(ALL_SEGMENTS)]
        segment_columns = []
        for column in segment_by:
            values = list(baseline["segments"][column])
            segment_columns.append((column, len(segments), values))
            segments += [Segment(f"{column}={v}", column, v) for v in values]
        performance = baseline.get("performance") or {}
        return cls(
            numeric=numeric,
            columns=columns,
            edges=edges,
            categorical=categorical,
            categories=categories,
            segments=segments,
            segment_columns=segment_columns,
            threshold=performance.get("threshold"),
            calibration=performance.get("calibration"),
        )

    def segment_codes(self, frame: pd.DataFrame) -> list[tuple[int, int, np.ndarray]]:
        """Per segment column: first index, number of values, and each row's value code."""
        out = []
        for column, first, values in self.segment_columns:
            if column not in frame:
                raise ValueError(f"the current data has no segment column {column!r}")
            out.append((first, len(values), category_codes(frame[column], values, -1)))
        return out


def category_codes(values: pd.Series, categories: list[str], unknown: int) -> np.ndarray:
    """The index of each value in ``categories`` (compared as text; missing values as
    ``"<missing>"``), ``unknown`` for anything else. One hashing pass over the rows,
    then a lookup over the distinct values."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    where = {c: i for i, c in enumerate(categories)}
    lookup = np.array(
        [where.get(MISSING, unknown), *(where.get(str(u), unknown) for u in uniques)],
        dtype=np.int64,
    )
    return lookup[codes + 1]


@dataclass
class _RowSegments:
    """Each row's place among the segments (and groups), worked out once per frame."""

    n_segments: int
    n_groups: int
    groups: np.ndarray | None
    # Per segment column: first segment index, number of values, the rows that have one
    # of the values, and (group * count + value) for those rows.
    columns: list[tuple[int, int, np.ndarray, np.ndarray]]

    @classmethod
    def of(
        cls,
        n_segments: int,
        codes: list[tuple[int, int, np.ndarray]],
        groups: np.ndarray | None,
        n_groups: int,
    ) -> _RowSegments:
        columns = []
        for first, count, all_codes in codes:
            inside = np.flatnonzero(all_codes >= 0)
            key = all_codes[inside]
            if groups is not None:
                key = key + groups[inside] * count
            columns.append((first, count, inside, key))
        return cls(n_segments, n_groups, groups, columns)

    def bincount(
        self, keys: np.ndarray, width: int, weights: np.ndarray | None = None
    ) -> np.ndarray:
        """``bincount`` of every row's key (< ``width``) per group and segment:
        ``(n_groups, n_segments, width)``. To leave rows out, give them key ``width - 1``
        in a ``width`` one larger than needed and drop that column."""
        out = np.zeros((self.n_groups, self.n_segments, width))
        base = keys if self.groups is None else self.groups * width + keys
        out[:, 0] = np.bincount(base, weights=weights, minlength=self.n_groups * width).reshape(
            self.n_groups, width
        )
        for first, count, inside, key in self.columns:
            combined = key * width + keys[inside]
            w = None if weights is None else weights[inside]
            out[:, first : first + count] += np.bincount(
                combined, weights=w, minlength=self.n_groups * count * width
            ).reshape(self.n_groups, count, width)
        return out

    def sums(self, weights: list[np.ndarray], valid: np.ndarray) -> np.ndarray:
        """Per group and segment, the sum of each weight over the ``valid`` rows:
        ``(n_groups, n_segments, len(weights))``."""
        keys = np.where(valid, 0, 1)
        return np.stack(
            [self.bincount(keys, 2, np.where(valid, w, 0.0))[..., 0] for w in weights], axis=-1
        )


def _accumulate(
    layout: Layout,
    frame: pd.DataFrame,
    label_column: str | None,
    groups: np.ndarray | None,
    n_groups: int,
) -> Sketch:
    """The sketch arrays of ``frame`` with a leading group axis (``n_groups`` deep)."""
    out = Sketch.zeros(layout, n_groups)
    if frame.empty:
        return out
    codes = layout.segment_codes(frame)
    segments = _RowSegments.of(layout.n_segments, codes, groups, n_groups)
    n = len(frame)
    out.rows += segments.bincount(np.zeros(n, dtype=np.int64), 1)[..., 0]
    for i, name in enumerate(layout.numeric):
        column = layout.columns[name]
        if column not in frame:
            if name == PREDICTION:
                continue  # a log without scores: no prediction test
            raise ValueError(f"the current data has no column {column!r}")
        x = _as_float(frame[column])
        finite = np.isfinite(x)
        width = len(layout.edges[i]) + 1
        if not codes and groups is None:
            counts, sums = sorted_histogram(np.sort(x[finite]), layout.edges[i])
            out.num_counts[i][0, 0] += counts
            out.num_sums[i][0, 0] += sums
            continue
        idx = np.searchsorted(layout.edges[i], x, side="left")
        if finite.all():
            out.num_counts[i] += segments.bincount(idx, width)
            out.num_sums[i] += segments.bincount(idx, width, x)
        else:  # missing values go to an extra bucket that is dropped
            idx[~finite] = width
            xz = np.where(finite, x, 0.0)
            out.num_counts[i] += segments.bincount(idx, width + 1)[..., :width]
            out.num_sums[i] += segments.bincount(idx, width + 1, xz)[..., :width]
    for i, name in enumerate(layout.categorical):
        if name not in frame:
            raise ValueError(f"the current data has no column {name!r}")
        cats = layout.categories[i]
        code = category_codes(frame[name], cats[:-1], len(cats) - 1)
        out.cat_counts[i] += segments.bincount(code, len(cats))
    score = None
    if schema.SCORE in frame and layout.threshold is not None:
        score = _as_float(frame[schema.SCORE])
        valid = np.isfinite(score)
        raw = np.where(valid, score, 0.0)
        p = np.clip(apply_calibration(layout.calibration, raw), 0.0, 1.0)
        flagged = (raw >= layout.threshold).astype(np.float64)
        q = p * (1 - p)
        # In the order of the columns P_N ... P_VAR_UNFLAGGED.
        weights = [np.ones(n), flagged, p * flagged, q * flagged, p * (1 - flagged)]
        out.perf += segments.sums([*weights, q * (1 - flagged)], valid)
    if label_column and label_column in frame:
        y = _as_float(frame[label_column])
        labeled = np.isfinite(y)
        y0 = np.where(labeled, y, 0.0)
        out.outcome[..., [O_LABELED, O_POSITIVE]] += segments.sums([np.ones(n), y0], labeled)
        if score is not None:
            assert layout.threshold is not None
            both = labeled & np.isfinite(score)
            s0 = np.where(both, score, 0.0)
            flagged = (s0 >= layout.threshold).astype(np.float64)
            columns = [O_SCORED, O_SCORED_POSITIVE, O_TRUE_POSITIVE, O_FLAGGED, O_SCORE_SUM]
            weights = [np.ones(n), y0, y0 * flagged, flagged, s0]
            out.outcome[..., [*columns, O_SCORE_VAR]] += segments.sums(
                [*weights, s0 * (1 - s0)], both
            )
    return out


@dataclass
class Sketch:
    """Counts and sums per segment (row 0 is "all"); add and subtract like numbers."""

    rows: np.ndarray
    num_counts: list[np.ndarray]
    num_sums: list[np.ndarray]
    cat_counts: list[np.ndarray]
    perf: np.ndarray
    outcome: np.ndarray

    @classmethod
    def zeros(cls, layout: Layout, n_groups: int | None = None) -> Sketch:
        """An empty sketch (with a leading axis of ``n_groups`` when given)."""
        lead: tuple[int, ...] = () if n_groups is None else (n_groups,)
        s = layout.n_segments
        return cls(
            rows=np.zeros((*lead, s)),
            num_counts=[np.zeros((*lead, s, len(e) + 1)) for e in layout.edges],
            num_sums=[np.zeros((*lead, s, len(e) + 1)) for e in layout.edges],
            cat_counts=[np.zeros((*lead, s, len(c))) for c in layout.categories],
            perf=np.zeros((*lead, s, 6)),
            outcome=np.zeros((*lead, s, 8)),
        )

    @classmethod
    def of_frame(
        cls, layout: Layout, frame: pd.DataFrame, label_column: str | None = None
    ) -> Sketch:
        """The sketch of ``frame`` (one row per prediction)."""
        sketch = cls.zeros(layout)
        sketch.add_frame(layout, frame, label_column)
        return sketch

    @classmethod
    def of_groups(
        cls,
        layout: Layout,
        frame: pd.DataFrame,
        groups: np.ndarray,
        n_groups: int,
        label_column: str | None = None,
    ) -> list[Sketch]:
        """One sketch per group of rows (``groups``: each row's group, 0 to n_groups - 1),
        in one pass over ``frame``: replicates of a study, time buckets of a window."""
        groups = np.asarray(groups, dtype=np.int64)
        if groups.shape != (len(frame),) or (
            groups.size and not 0 <= groups.min() <= groups.max() < n_groups
        ):
            raise ValueError("groups must give every row a group in [0, n_groups)")
        stacked = _accumulate(layout, frame, label_column, groups, n_groups)
        return [stacked.take(g) for g in range(n_groups)]

    def take(self, g: int) -> Sketch:
        """Group ``g`` of a sketch with a leading group axis."""
        return Sketch(
            rows=self.rows[g].copy(),
            num_counts=[a[g].copy() for a in self.num_counts],
            num_sums=[a[g].copy() for a in self.num_sums],
            cat_counts=[a[g].copy() for a in self.cat_counts],
            perf=self.perf[g].copy(),
            outcome=self.outcome[g].copy(),
        )

    def add_frame(
        self, layout: Layout, frame: pd.DataFrame, label_column: str | None = None
    ) -> None:
        """Add the rows of ``frame``; columns the layout names must be present."""
        if frame.empty:
            return
        self += _accumulate(layout, frame, label_column, None, 1).take(0)

    # -- arithmetic -----------------------------------------------------------------------
    def _arrays(self) -> list[np.ndarray]:
        return [
            self.rows,
            *self.num_counts,
            *self.num_sums,
            *self.cat_counts,
            self.perf,
            self.outcome,
        ]

    def __iadd__(self, other: Sketch) -> Sketch:
        for a, b in zip(self._arrays(), other._arrays(), strict=True):
            a += b
        return self

    def __isub__(self, other: Sketch) -> Sketch:
        for a, b in zip(self._arrays(), other._arrays(), strict=True):
            a -= b
        # Float sums added and subtracted back can leave -1e-12 where nothing is left;
        # counts (unlike value sums) are never negative.
        for a in (self.rows, *self.num_counts, *self.cat_counts):
            np.maximum(a, 0.0, out=a)
        return self

    def copy(self) -> Sketch:
        """A deep copy."""
        return Sketch(
            rows=self.rows.copy(),
            num_counts=[a.copy() for a in self.num_counts],
            num_sums=[a.copy() for a in self.num_sums],
            cat_counts=[a.copy() for a in self.cat_counts],
            perf=self.perf.copy(),
            outcome=self.outcome.copy(),
        )

    def to_json(self) -> dict[str, Any]:
        """JSON-friendly form (for the streaming monitor's checkpoint)."""
        return {
            "rows": self.rows.tolist(),
            "num_counts": [a.tolist() for a in self.num_counts],
            "num_sums": [a.tolist() for a in self.num_sums],
            "cat_counts": [a.tolist() for a in self.cat_counts],
            "perf": self.perf.tolist(),
            "outcome": self.outcome.tolist(),
        }

    @classmethod
    def from_json(cls, doc: dict[str, Any], layout: Layout) -> Sketch:
        """Read :meth:`to_json` output back, checking it fits ``layout``."""
        sketch = cls(
            rows=np.asarray(doc["rows"], dtype=np.float64),
            num_counts=[np.asarray(a, dtype=np.float64) for a in doc["num_counts"]],
            num_sums=[np.asarray(a, dtype=np.float64) for a in doc["num_sums"]],
            cat_counts=[np.asarray(a, dtype=np.float64) for a in doc["cat_counts"]],
            perf=np.asarray(doc["perf"], dtype=np.float64),
            outcome=np.asarray(doc["outcome"], dtype=np.float64),
        )
        empty = cls.zeros(layout)
        if [a.shape for a in sketch._arrays()] != [a.shape for a in empty._arrays()]:
            raise ValueError("the saved window state does not match the baseline's layout")
        return sketch


def reference_sketch(
    layout: Layout, baseline: dict[str, Any]
) -> tuple[Sketch, dict[str, np.ndarray]]:
    """The baseline as a sketch over ``layout``, and per-segment reference statistics.

    The statistics are ``std`` (numeric tests x segments, the Wasserstein scale),
    ``label_rate`` and ``label_n`` (per segment; NaN/0 where the baseline has none).
    Cells the baseline has no reference for stay empty and are not tested.
    """
    ref = Sketch.zeros(layout)
    s = layout.n_segments
    std = np.full((len(layout.numeric), s), np.nan)
    label_rate = np.full(s, np.nan)
    label_n = np.zeros(s)

    def numeric_doc(name: str, where: dict[str, Any]) -> dict[str, Any] | None:
        if name == PREDICTION:
            return where.get("score")
        return where.get("numeric", {}).get(name)

    def fill(k: int, where: dict[str, Any]) -> None:
        ref.rows[k] = float(where.get("n", where.get("n_rows", 0)))
        for i, name in enumerate(layout.numeric):
            doc = numeric_doc(name, where)
            if doc is None or not doc.get("counts"):
                continue
            ref.num_counts[i][k] = doc["counts"]
            ref.num_sums[i][k] = doc["sums"]
            std[i, k] = doc.get("std") if doc.get("std") is not None else np.nan
        for i, name in enumerate(layout.categorical):
            doc = where.get("categorical", {}).get(name)
            if doc is None:
                continue
            cats = layout.categories[i]
            ref.cat_counts[i][k] = [doc["counts"].get(c, 0) for c in cats[:-1]] + [0.0]
        label = where.get("label")
        if label:
            label_rate[k] = float(label["positive_rate"])
            label_n[k] = float(label["n"])

    fill(0, baseline)
    for column, first, values in layout.segment_columns:
        for j, value in enumerate(values):
            fill(first + j, baseline["segments"][column][value])
    return ref, {"std": std, "label_rate": label_rate, "label_n": label_n}
