"""Point-in-time-correct training sets from the Feast offline store."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import pandas as pd

from workloads import schema
from workloads.data.synthetic import LEGIT_CONFIRMATION_DAYS, labels_known_at

if TYPE_CHECKING:
    from feast import FeatureStore

ENTITY_COLUMNS: tuple[str, ...] = (
    schema.TRANSACTION_ID,
    schema.ENTITY_KEY,
    schema.EVENT_TIMESTAMP,
    *schema.REQUEST_NUMERIC,
    *schema.REQUEST_CATEGORICAL,
    schema.LABEL,
)


def mature_labeled_transactions(
    transactions: pd.DataFrame,
    as_of: datetime,
    maturity: timedelta = timedelta(days=LEGIT_CONFIRMATION_DAYS),
) -> pd.DataFrame:
    """Transactions old enough for their outcome to be settled, with the outcome known by ``as_of``.

    Recent transactions are excluded even if a chargeback already arrived:
    frauds are reported sooner than legitimate transactions are confirmed, so
    keeping them would inflate the fraud rate of the newest window.
    """
    as_of_ts = pd.Timestamp(as_of)
    known = labels_known_at(transactions, as_of)
    return known[known[schema.EVENT_TIMESTAMP] <= as_of_ts - pd.Timedelta(maturity)]


def training_entities(
    transactions: pd.DataFrame,
    as_of: datetime,
    maturity: timedelta = timedelta(days=LEGIT_CONFIRMATION_DAYS),
) -> pd.DataFrame:
    """The entity rows of the training set (settled, labeled transactions), in training order.

    The order (event time, then transaction id) is the order of the joined
    training set, so row ``i`` here is row ``i`` of :func:`point_in_time_training_set`;
    the data-parallel trainer shards these rows before it joins any feature.
    """
    missing = [c for c in ENTITY_COLUMNS if c not in transactions.columns]
    if missing:
        raise KeyError(f"transactions lack columns {missing}")
    labeled = mature_labeled_transactions(transactions, as_of, maturity)
    if labeled.empty:
        raise ValueError(f"no transactions with settled outcomes as of {as_of}")
    entities = labeled[list(ENTITY_COLUMNS)]
    entities = entities.sort_values([schema.EVENT_TIMESTAMP, schema.TRANSACTION_ID], kind="stable")
    return entities.reset_index(drop=True)


def join_features(store: FeatureStore, entities: pd.DataFrame) -> pd.DataFrame:
    """``entities`` with the card features as they were at each row's event time.

    ``get_historical_features`` picks, per row, the latest snapshot whose
    timestamp is at or before the transaction (within the view's TTL), so no
    value computed after the transaction (its own chargeback included) leaks in.
    """
    service = store.get_feature_service(schema.FEATURE_SERVICE)
    joined = store.get_historical_features(
        entity_df=entities.reset_index(drop=True), features=service
    ).to_df()
    joined = joined.sort_values([schema.EVENT_TIMESTAMP, schema.TRANSACTION_ID], kind="stable")
    return joined.reset_index(drop=True)


def point_in_time_training_set(
    store: FeatureStore,
    transactions: pd.DataFrame,
    as_of: datetime,
    maturity: timedelta = timedelta(days=LEGIT_CONFIRMATION_DAYS),
) -> pd.DataFrame:
    """Join each labeled transaction with the card features as they were at its event time."""
    return join_features(store, training_entities(transactions, as_of, maturity))


def time_split(frame: pd.DataFrame, eval_days: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split into (train, evaluate): the last ``eval_days`` of event time are held out."""
    if frame.empty:
        raise ValueError("cannot split an empty training set")
    cutoff = frame[schema.EVENT_TIMESTAMP].max() - pd.Timedelta(days=eval_days)
    train = frame[frame[schema.EVENT_TIMESTAMP] <= cutoff]
    evaluate = frame[frame[schema.EVENT_TIMESTAMP] > cutoff]
    if train.empty or evaluate.empty:
        raise ValueError(f"eval window of {eval_days} days leaves an empty train or eval split")
    if evaluate[schema.LABEL].nunique() < 2 or train[schema.LABEL].nunique() < 2:
        raise ValueError("train and eval splits both need positive and negative labels")
    return train.reset_index(drop=True), evaluate.reset_index(drop=True)
