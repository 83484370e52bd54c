"""Two-sample statistics computed from histograms, vectorised over segments.

Every function takes the reference and current counts as ``(segments, buckets)``
arrays (one row per segment) and returns one value per row.

Numeric columns (buckets between the baseline's quantile edges, with value sums):

* Kolmogorov-Smirnov statistic at the bucket edges (never more than the exact
  statistic, so its p-value, Smirnov's asymptotic one as ``scipy.stats.ks_2samp``
  computes it for large samples, is conservative);
* the first Wasserstein distance.  Over a bucket ``(a, b]`` the integral of a CDF
  is ``b F(b) - a F(a) - (sum of the values in the bucket) / n``, exactly, so the
  per-bucket integral of ``F_ref - F_cur`` is exact; summing their absolute values
  gives the distance exactly wherever the CDFs do not cross inside a bucket (they
  cross in at most a few of the 100 buckets, where the result is a lower bound);
* PSI over reference deciles (the buckets merged ten at a time).

Categorical columns: total variation distance (the largest difference in the
share of any set of categories: it does not grow with the number of categories),
the chi-square test of homogeneity and PSI.
"""

from __future__ import annotations

import numpy as np
from scipy import stats

_EPS = 1e-4
_KSTWO_MAX_N = 10_000
N_PSI_GROUPS = 10


def _cdf(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n = counts.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.cumsum(counts, axis=1) / n[:, None], n


def ks_statistic(ref: np.ndarray, cur: np.ndarray) -> np.ndarray:
    """Largest CDF difference at the bucket edges."""
    if ref.shape[1] < 2:
        return np.zeros(ref.shape[0])
    fr, _ = _cdf(ref)
    fc, _ = _cdf(cur)
    # Rows without data (NaN CDFs) are never tested; 0 keeps the reduction quiet.
    return np.nan_to_num(np.abs(fr[:, :-1] - fc[:, :-1])).max(axis=1)


def ks_p_value(d: np.ndarray, n_ref: np.ndarray, n_cur: np.ndarray) -> np.ndarray:
    """Two-sided asymptotic p-value (``kstwo`` at the effective sample size, as scipy does)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        en = np.round(n_ref * n_cur / (n_ref + n_cur))
    p = np.full(d.shape, np.nan)
    exact = np.isfinite(d) & (en >= 1) & (en <= _KSTWO_MAX_N)
    p[exact] = stats.kstwo.sf(d[exact], en[exact])
    # kstwo.sf takes seconds at n = 10^6; there the limiting (Kolmogorov) distribution
    # agrees with it to about 1e-3 relative.
    big = np.isfinite(d) & (en > _KSTWO_MAX_N)
    p[big] = stats.kstwobign.sf(d[big] * np.sqrt(en[big]))
    return p


def _bucket_integrals(edges: np.ndarray, counts: np.ndarray, sums: np.ndarray) -> np.ndarray:
    """Per bucket, the integral of the CDF (minus 1 over the upper tail)."""
    f, n = _cdf(counts)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_part = sums / n[:, None]
    out = np.empty_like(f)
    ef = edges[None, :] * f[:, :-1]
    out[:, 0] = ef[:, 0] - mean_part[:, 0]
    out[:, 1:-1] = ef[:, 1:] - ef[:, :-1] - mean_part[:, 1:-1]
    # Upper tail (e_last, inf): the integral of F - 1 = -(E[X; X > e] - e P(X > e)).
    out[:, -1] = -(mean_part[:, -1] - edges[-1] * (1.0 - f[:, -2]))
    return out


def wasserstein(
    edges: np.ndarray,
    ref_counts: np.ndarray,
    ref_sums: np.ndarray,
    cur_counts: np.ndarray,
    cur_sums: np.ndarray,
) -> np.ndarray:
    """First Wasserstein distance between the two histograms (in the column's units)."""
    if len(edges) == 0:
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.abs(ref_sums[:, 0] / ref_counts[:, 0] - cur_sums[:, 0] / cur_counts[:, 0])
    diff = _bucket_integrals(edges, ref_counts, ref_sums) - _bucket_integrals(
        edges, cur_counts, cur_sums
    )
    return np.abs(diff).sum(axis=1)


def psi(ref: np.ndarray, cur: np.ndarray) -> np.ndarray:
    """Population stability index between rows of counts (or proportions)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        r = np.clip(ref / ref.sum(axis=1, keepdims=True), _EPS, None)
        c = np.clip(cur / cur.sum(axis=1, keepdims=True), _EPS, None)
        r = r / r.sum(axis=1, keepdims=True)
        c = c / c.sum(axis=1, keepdims=True)
        return np.sum((c - r) * np.log(c / r), axis=1)


def decile_groups(ref: np.ndarray) -> np.ndarray:
    """Which reference decile each bucket belongs to, per row: ``(segments, buckets)``."""
    f, _ = _cdf(ref)
    groups = np.ceil(np.nan_to_num(f) * N_PSI_GROUPS - 1e-9) - 1
    return np.clip(groups, 0, N_PSI_GROUPS - 1).astype(np.int64)


def psi_deciles(ref: np.ndarray, cur: np.ndarray) -> np.ndarray:
    """PSI with the fine buckets merged into reference deciles."""
    onehot = (decile_groups(ref)[:, :, None] == np.arange(N_PSI_GROUPS)).astype(np.float64)
    r = np.einsum("sb,sbg->sg", ref, onehot)
    c = np.einsum("sb,sbg->sg", cur, onehot)
    used = r.sum(axis=0) > 0  # discrete columns have fewer deciles
    return psi(r[:, used], c[:, used]) if used.any() else np.zeros(ref.shape[0])


def total_variation(ref: np.ndarray, cur: np.ndarray) -> np.ndarray:
    """Half the L1 distance between the rows' category shares."""
    with np.errstate(invalid="ignore", divide="ignore"):
        r = ref / ref.sum(axis=1, keepdims=True)
        c = cur / cur.sum(axis=1, keepdims=True)
    return 0.5 * np.abs(r - c).sum(axis=1)


def chi_square(ref: np.ndarray, cur: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Chi-square test of homogeneity of each row pair (no continuity correction)."""
    total = ref + cur
    n_ref = ref.sum(axis=1, keepdims=True)
    n_cur = cur.sum(axis=1, keepdims=True)
    n = n_ref + n_cur
    used = total > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        e_ref = n_ref * total / n
        e_cur = n_cur * total / n
        terms = (ref - e_ref) ** 2 / e_ref + (cur - e_cur) ** 2 / e_cur
    statistic = np.where(used, terms, 0.0).sum(axis=1)
    dof = used.sum(axis=1) - 1
    p = np.ones(ref.shape[0])
    ok = (dof >= 1) & (n_cur[:, 0] > 0) & (n_ref[:, 0] > 0)
    p[ok] = stats.chi2.sf(statistic[ok], dof[ok])
    return statistic, p
