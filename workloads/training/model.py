"""The model kinds the training job can fit, all loadable with :mod:`workloads.safe_model_io`."""

from __future__ import annotations

from typing import Any

from sklearn.base import ClassifierMixin
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from workloads import schema
from workloads.contract.models import MODEL_KINDS
from workloads.feature_encoding import CATEGORICAL_INDICES, NUMERIC_INDICES

DEFAULT_PARAMS: dict[str, dict[str, Any]] = {
    "hist_gbt": {
        "learning_rate": 0.1,
        "max_iter": 100,
        "max_leaf_nodes": 15,
        "l2_regularization": 1.0,
    },
    "logistic": {"C": 1.0},
}


def build_model(kind: str, seed: int, params: dict[str, Any] | None = None) -> ClassifierMixin:
    """An unfitted classifier of ``kind`` over the encoded feature matrix.

    Every source of randomness is pinned to ``seed`` so that training on the
    same data reproduces the same model.
    """
    if kind not in MODEL_KINDS:
        raise ValueError(f"unknown model kind {kind!r}; choose one of {MODEL_KINDS}")
    merged = {**DEFAULT_PARAMS[kind], **(params or {})}
    if kind == "hist_gbt":
        return HistGradientBoostingClassifier(
            categorical_features=list(CATEGORICAL_INDICES),
            early_stopping=False,
            random_state=seed,
            **merged,
        )
    vocab = [list(range(len(schema.CATEGORIES[c]))) for c in schema.CATEGORICAL_FEATURES]
    return Pipeline(
        [
            (
                "prepare",
                ColumnTransformer(
                    [
                        (
                            "numeric",
                            Pipeline(
                                [
                                    ("impute", SimpleImputer(strategy="median")),
                                    ("scale", StandardScaler()),
                                ]
                            ),
                            list(NUMERIC_INDICES),
                        ),
                        (
                            "categorical",
                            Pipeline(
                                [
                                    ("impute", SimpleImputer(strategy="most_frequent")),
                                    (
                                        "one_hot",
                                        OneHotEncoder(categories=vocab, handle_unknown="ignore"),
                                    ),
                                ]
                            ),
                            list(CATEGORICAL_INDICES),
                        ),
                    ]
                ),
            ),
            ("classify", LogisticRegression(max_iter=2000, random_state=seed, **merged)),
        ]
    )
