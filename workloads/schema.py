"""The card-fraud use case's schema: one place that names every column.

Data generation, the Feast feature repo, training, serving and monitoring all
read their column lists from here, so a feature is added or renamed once.
"""

from __future__ import annotations

from workloads.contract.feature_store import FEAST_PROJECT  # noqa: F401 - one definition

ENTITY_KEY = "card_id"
EVENT_TIMESTAMP = "event_timestamp"
CREATED_TIMESTAMP = "created_timestamp"
LABEL = "is_fraud"
OUTCOME_TIMESTAMP = "outcome_timestamp"
TRANSACTION_ID = "transaction_id"

FEATURE_VIEW = "card_activity"
FEATURE_SERVICE = "fraud_model_v1"

MERCHANT_CATEGORIES: tuple[str, ...] = (
    "grocery",
    "fuel",
    "restaurant",
    "electronics",
    "travel",
    "online_retail",
    "gambling",
)
CHANNELS: tuple[str, ...] = ("pos", "online", "atm")
CARD_TIERS: tuple[str, ...] = ("standard", "gold", "platinum")

# Fields the caller sends with each scoring request (known only at request time).
REQUEST_NUMERIC: tuple[str, ...] = ("amount", "hour_of_day", "distance_from_home_km")
REQUEST_CATEGORICAL: tuple[str, ...] = ("merchant_category", "channel")

# Per-card features served by Feast (batch-computed daily snapshots).
CARD_NUMERIC: tuple[str, ...] = (
    "txn_count_7d",
    "avg_amount_30d",
    "chargeback_count_90d",
    "credit_limit",
)
CARD_CATEGORICAL: tuple[str, ...] = ("card_tier",)

NUMERIC_FEATURES: tuple[str, ...] = REQUEST_NUMERIC + CARD_NUMERIC
CATEGORICAL_FEATURES: tuple[str, ...] = REQUEST_CATEGORICAL + CARD_CATEGORICAL
MODEL_FEATURES: tuple[str, ...] = NUMERIC_FEATURES + CATEGORICAL_FEATURES

CATEGORIES: dict[str, tuple[str, ...]] = {
    "merchant_category": MERCHANT_CATEGORIES,
    "channel": CHANNELS,
    "card_tier": CARD_TIERS,
}

# Name of the score column in prediction logs and baselines.
SCORE = "score"
