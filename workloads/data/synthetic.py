"""Seeded synthetic card-transaction fraud data with injectable drift.

The simulation runs day by day over a card population:

* every card has static attributes (tier, credit limit, a spend level, a latent
  risk that is never exposed as a feature);
* at 00:00 of each day a feature snapshot is taken per card from data strictly
  before that day (7-day transaction count, 30-day average amount, chargebacks
  *reported* in the last 90 days, credit limit, tier);
* during the day each card makes a Poisson number of transactions with request
  time fields (amount, merchant category, channel, hour, distance from home);
* the label follows a known logistic relation (:class:`FraudRelation`) of those
  fields and the snapshot; the outcome is *delayed*: a fraud is reported as a
  chargeback 1 + Exp(mean 10) days later, a legitimate transaction is confirmed
  when the 30-day dispute window closes.  Chargebacks feed the snapshot feature
  only from the day they are reported, which is what makes a careless join leak.

A burn-in period is simulated and discarded so that rolling features are
stationary over the recorded window.

Drift (:class:`DriftSpec`) applies to transactions at or after ``drift.start``:

* covariate shift ``covariate_shift = s``: log(amount) and log(distance) move by
  ``s`` of their standard deviations; P(label | x) is unchanged;
* prior (label) shift ``prior_shift = k``: the odds of fraud are multiplied by
  ``k`` by thinning legitimate transactions with probability ``1 - 1/k``;
  P(x | label) is unchanged;
* concept drift ``concept_drift = c``: ``c`` is added to the logit coefficient of
  the online channel; P(x) is unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import numpy as np
import pandas as pd

from workloads import schema

# Stated drift magnitudes used by the demo and by the detection-power tests.
STATED_COVARIATE_SHIFT = 0.5
STATED_PRIOR_SHIFT = 3.0
STATED_CONCEPT_DRIFT = 1.5

LOG_AMOUNT_SIGMA = 0.8
LOG_DISTANCE_SIGMA = 1.0
LEGIT_CONFIRMATION_DAYS = 30
MEAN_CHARGEBACK_DELAY_DAYS = 10.0

_MERCHANT_P = np.array([0.30, 0.15, 0.20, 0.10, 0.07, 0.15, 0.03])
_CHANNEL_P = np.array([0.60, 0.32, 0.08])
_TIER_P = np.array([0.70, 0.22, 0.08])
# Hour-of-day profile: quiet nights, busy afternoons.
_HOUR_WEIGHTS = np.array(
    [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 3, 4, 4, 5, 6, 5, 5, 5, 5, 6, 6, 5, 4, 3, 2, 1.5]
)
_HOUR_P = _HOUR_WEIGHTS / _HOUR_WEIGHTS.sum()


@dataclass(frozen=True)
class FraudRelation:
    """The known logistic relation between inputs and the fraud label."""

    intercept: float = -6.0
    log_amount_ratio: float = 1.1
    online: float = 0.9
    atm: float = 0.3
    log_distance: float = 0.45
    night: float = 0.8
    chargebacks_90d: float = 0.5
    latent_risk: float = 0.7
    merchant: dict[str, float] = field(
        default_factory=lambda: {
            "grocery": 0.0,
            "fuel": 0.1,
            "restaurant": 0.0,
            "electronics": 0.7,
            "travel": 0.5,
            "online_retail": 0.5,
            "gambling": 1.0,
        }
    )


@dataclass(frozen=True)
class DriftSpec:
    """Drift injected into transactions at or after ``start``.

    ``covariate_shift`` is in standard deviations of log(amount) and
    log(distance); ``prior_shift`` multiplies the fraud odds; ``concept_drift``
    is added (in logit units) to the online-channel coefficient.
    """

    covariate_shift: float = 0.0
    prior_shift: float = 1.0
    concept_drift: float = 0.0
    start: datetime | None = None

    def __post_init__(self) -> None:
        if self.prior_shift <= 0:
            raise ValueError(
                f"prior_shift must be a positive odds multiplier, got {self.prior_shift}"
            )

    @property
    def active(self) -> bool:
        """Whether any drift is configured."""
        return self.covariate_shift != 0.0 or self.prior_shift != 1.0 or self.concept_drift != 0.0


NO_DRIFT = DriftSpec()


@dataclass(frozen=True)
class SyntheticDataset:
    """The generated tables.

    ``card_features`` is the Feast offline source (one snapshot per card per
    day); ``transactions`` holds request-time fields, the label and the time the
    label became known.  ``transactions_with_features`` additionally carries the
    snapshot that was current at each transaction, for tests and benchmarks.
    """

    card_features: pd.DataFrame
    transactions: pd.DataFrame
    transactions_with_features: pd.DataFrame
    start: datetime
    end: datetime


def _as_utc(ts: datetime) -> datetime:
    return ts.replace(tzinfo=UTC) if ts.tzinfo is None else ts.astimezone(UTC)


def generate(
    n_cards: int = 2000,
    days: int = 60,
    seed: int = 7,
    start: datetime | None = None,
    drift: DriftSpec = NO_DRIFT,
    relation: FraudRelation | None = None,
    burn_in_days: int = 100,
    mean_daily_transactions: float = 1.0,
) -> SyntheticDataset:
    """Simulate ``days`` recorded days of card activity for ``n_cards`` cards.

    Deterministic for a given ``seed`` and arguments.
    """
    if n_cards < 1:
        raise ValueError(f"n_cards must be at least 1, got {n_cards}")
    if days < 1:
        raise ValueError(f"days must be at least 1, got {days}")
    relation = relation or FraudRelation()
    start = _as_utc(start or datetime(2025, 1, 1, tzinfo=UTC))
    drift_start = _as_utc(drift.start) if drift.start is not None else start
    rng = np.random.default_rng(seed)
    total_days = burn_in_days + days
    sim_origin = start - timedelta(days=burn_in_days)

    tier_idx = rng.choice(len(schema.CARD_TIERS), size=n_cards, p=_TIER_P)
    credit_limit = np.round(np.exp(rng.normal(np.log(3000) + 0.7 * tier_idx, 0.4)), -2)
    spend_mu = np.log(40.0) + 0.35 * tier_idx + rng.normal(0.0, 0.5, n_cards)
    latent_risk = rng.normal(0.0, 1.0, n_cards)
    rate = rng.gamma(2.0, mean_daily_transactions / 2.0, n_cards)
    home_mu = rng.normal(np.log(6.0), 0.5, n_cards)

    cnt = np.zeros((n_cards, total_days))
    amt_sum = np.zeros((n_cards, total_days))
    reported = np.zeros((n_cards, total_days + 1))
    merchant_effect = np.array([relation.merchant[m] for m in schema.MERCHANT_CATEGORIES])
    card_ids = np.arange(100_000, 100_000 + n_cards, dtype=np.int64)
    tier_names = np.array(schema.CARD_TIERS)

    snapshots: list[pd.DataFrame] = []
    txns: list[pd.DataFrame] = []
    for d in range(total_days):
        day_start = sim_origin + timedelta(days=d)
        c7 = cnt[:, max(0, d - 7) : d].sum(axis=1)
        c30 = cnt[:, max(0, d - 30) : d].sum(axis=1)
        s30 = amt_sum[:, max(0, d - 30) : d].sum(axis=1)
        fallback = np.exp(spend_mu + LOG_AMOUNT_SIGMA**2 / 2)
        avg30 = np.where(c30 > 0, s30 / np.maximum(c30, 1), fallback)
        # Chargebacks reported strictly before this snapshot (00:00 of day d).
        cb90 = reported[:, max(0, d - 90) : d].sum(axis=1)
        recorded = d >= burn_in_days
        if recorded:
            snapshots.append(
                pd.DataFrame(
                    {
                        schema.ENTITY_KEY: card_ids,
                        schema.EVENT_TIMESTAMP: day_start,
                        schema.CREATED_TIMESTAMP: day_start + timedelta(minutes=5),
                        "txn_count_7d": c7.astype(np.int64),
                        "avg_amount_30d": np.round(avg30, 2),
                        "chargeback_count_90d": cb90.astype(np.int64),
                        "credit_limit": credit_limit,
                        "card_tier": tier_names[tier_idx],
                    }
                )
            )

        n_per_card = rng.poisson(rate)
        n = int(n_per_card.sum())
        if n == 0:
            continue
        card = np.repeat(np.arange(n_cards), n_per_card)
        hour = rng.choice(24, size=n, p=_HOUR_P)
        seconds = hour * 3600 + rng.integers(0, 3600, n)
        ts = pd.Timestamp(day_start) + pd.to_timedelta(seconds, unit="s")
        drifted = np.asarray(ts >= pd.Timestamp(drift_start)) & recorded
        shift = np.where(drifted, drift.covariate_shift, 0.0)
        amount = np.exp(spend_mu[card] + LOG_AMOUNT_SIGMA * (rng.normal(0, 1, n) + shift))
        amount = np.round(np.maximum(amount, 0.5), 2)
        merchant = rng.choice(len(schema.MERCHANT_CATEGORIES), size=n, p=_MERCHANT_P)
        channel = rng.choice(len(schema.CHANNELS), size=n, p=_CHANNEL_P)
        distance = np.exp(home_mu[card] + LOG_DISTANCE_SIGMA * (rng.normal(0, 1, n) + shift))
        distance = np.round(distance, 2)
        night = (hour < 6).astype(float)
        online_coef = relation.online + np.where(drifted, drift.concept_drift, 0.0)
        logit = (
            relation.intercept
            + relation.log_amount_ratio * np.log(amount / avg30[card])
            + online_coef * (channel == 1)
            + relation.atm * (channel == 2)
            + relation.log_distance * np.log1p(distance)
            + relation.night * night
            + relation.chargebacks_90d * np.log1p(cb90[card])
            + relation.latent_risk * latent_risk[card]
            + merchant_effect[merchant]
        )
        label = rng.random(n) < 1.0 / (1.0 + np.exp(-logit))
        # Prior shift: thin legitimate transactions so fraud odds scale by k
        # while P(x | label) stays as it was.
        # Always drawn, so the random stream (and every pre-drift row) is the
        # same whether or not drift is configured.
        thin = rng.random(n)
        keep = np.ones(n, dtype=bool)
        if drift.prior_shift > 1.0:
            keep = label | ~drifted | (thin < 1.0 / drift.prior_shift)
        elif drift.prior_shift < 1.0:
            keep = ~label | ~drifted | (thin < drift.prior_shift)

        delay_days = np.where(
            label,
            1.0 + rng.exponential(MEAN_CHARGEBACK_DELAY_DAYS, n),
            float(LEGIT_CONFIRMATION_DAYS),
        )
        outcome_ts = ts + pd.to_timedelta(np.round(delay_days * 86400), unit="s")

        # Card history only counts transactions that happened.
        np.add.at(cnt[:, d], card[keep], 1.0)
        np.add.at(amt_sum[:, d], card[keep], amount[keep])
        fraud_kept = label & keep
        report_day = d + np.floor(seconds[fraud_kept] / 86400 + delay_days[fraud_kept]).astype(int)
        in_range = report_day < total_days
        np.add.at(reported, (card[fraud_kept][in_range], report_day[in_range]), 1.0)

        if recorded:
            k = keep
            txns.append(
                pd.DataFrame(
                    {
                        schema.ENTITY_KEY: card_ids[card[k]],
                        schema.EVENT_TIMESTAMP: ts[k],
                        "amount": amount[k],
                        "merchant_category": np.array(schema.MERCHANT_CATEGORIES)[merchant[k]],
                        "channel": np.array(schema.CHANNELS)[channel[k]],
                        "hour_of_day": hour[k].astype(np.int64),
                        "distance_from_home_km": distance[k],
                        schema.LABEL: label[k].astype(np.int64),
                        schema.OUTCOME_TIMESTAMP: outcome_ts[k],
                        # Snapshot as of this transaction, kept for tests only.
                        "_txn_count_7d": c7[card[k]].astype(np.int64),
                        "_avg_amount_30d": np.round(avg30[card[k]], 2),
                        "_chargeback_count_90d": cb90[card[k]].astype(np.int64),
                        "_credit_limit": credit_limit[card[k]],
                        "_card_tier": tier_names[tier_idx[card[k]]],
                    }
                )
            )

    card_features = pd.concat(snapshots, ignore_index=True)
    full = pd.concat(txns, ignore_index=True).sort_values(schema.EVENT_TIMESTAMP, kind="stable")
    full = full.reset_index(drop=True)
    full.insert(0, schema.TRANSACTION_ID, [f"t{seed}-{i:08d}" for i in range(len(full))])
    hidden = [c for c in full.columns if c.startswith("_")]
    with_features = full.rename(columns={c: c[1:] for c in hidden})
    transactions = full.drop(columns=hidden)
    return SyntheticDataset(
        card_features=card_features,
        transactions=transactions,
        transactions_with_features=with_features,
        start=start,
        end=start + timedelta(days=days),
    )


def labels_known_at(transactions: pd.DataFrame, as_of: datetime) -> pd.DataFrame:
    """The transactions whose outcome had been reported by ``as_of``."""
    return transactions[transactions[schema.OUTCOME_TIMESTAMP] <= pd.Timestamp(_as_utc(as_of))]


def write_dataset(dataset: SyntheticDataset, out_dir: str) -> dict[str, str]:
    """Write the dataset as parquet files under ``out_dir``; returns their paths."""
    from pathlib import Path

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {
        "card_features": str(out / "card_features.parquet"),
        "transactions": str(out / "transactions.parquet"),
    }
    dataset.card_features.to_parquet(paths["card_features"], index=False)
    dataset.transactions.to_parquet(paths["transactions"], index=False)
    return paths
