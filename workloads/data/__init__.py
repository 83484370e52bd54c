"""Synthetic card-transaction fraud data with injectable drift."""

from workloads.data.synthetic import (
    NO_DRIFT,
    STATED_CONCEPT_DRIFT,
    STATED_COVARIATE_SHIFT,
    STATED_PRIOR_SHIFT,
    DriftSpec,
    FraudRelation,
    SyntheticDataset,
    generate,
    labels_known_at,
    write_dataset,
)

__all__ = [
    "NO_DRIFT",
    "STATED_CONCEPT_DRIFT",
    "STATED_COVARIATE_SHIFT",
    "STATED_PRIOR_SHIFT",
    "DriftSpec",
    "FraudRelation",
    "SyntheticDataset",
    "generate",
    "labels_known_at",
    "write_dataset",
]
