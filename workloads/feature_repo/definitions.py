"""Feast definitions for the card-fraud use case: entity, feature view, feature service.

``feast apply`` imports this file.  The offline source location comes from
``SMP_CARD_FEATURES_SOURCE`` (a local path or an object-store URI, set by the
job that runs apply); locally it defaults to ``data/card_features.parquet``
next to this file.  ``SMP_S3_ENDPOINT_URL`` overrides the S3 endpoint for
in-country S3-compatible stores.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from feast import Entity, FeatureService, FeatureView, Field, FileSource, ValueType
from feast.types import Float64, Int64, String

from workloads import schema

_DEFAULT_SOURCE = Path(__file__).resolve().parent / "data" / "card_features.parquet"

card = Entity(
    name="card",
    join_keys=[schema.ENTITY_KEY],
    value_type=ValueType.INT64,
    description="A payment card; the unit the fraud model scores.",
)

card_activity_source = FileSource(
    name="card_activity_snapshots",
    path=os.environ.get("SMP_CARD_FEATURES_SOURCE", str(_DEFAULT_SOURCE)),
    timestamp_field=schema.EVENT_TIMESTAMP,
    created_timestamp_column=schema.CREATED_TIMESTAMP,
    s3_endpoint_override=os.environ.get("SMP_S3_ENDPOINT_URL") or None,
    description="Daily per-card snapshots computed from data strictly before the snapshot time.",
)

card_activity = FeatureView(
    name=schema.FEATURE_VIEW,
    entities=[card],
    # Snapshots are daily; a card without a snapshot for two days is stale.
    ttl=timedelta(days=2),
    schema=[
        Field(name="txn_count_7d", dtype=Int64),
        Field(name="avg_amount_30d", dtype=Float64),
        Field(name="chargeback_count_90d", dtype=Int64),
        Field(name="credit_limit", dtype=Float64),
        Field(name="card_tier", dtype=String),
    ],
    online=True,
    source=card_activity_source,
    tags={"owner": "fraud-ml", "data-classification": "confidential"},
)

fraud_model_v1 = FeatureService(
    name=schema.FEATURE_SERVICE,
    features=[card_activity],
    description="Features read by the card-fraud model at training and serving time.",
)
