"""The data-parallel MLP re-hosted in scikit-learn objects: what is registered and served.

The PyTorch network is trained with DistributedDataParallel, but what goes to
MLflow is a plain scikit-learn :class:`~sklearn.pipeline.Pipeline`: the feature
preprocessing the network was trained on (mean imputation and standard scaling of
the numeric columns, one-hot encoding of the categorical codes) followed by an
:class:`~sklearn.neural_network.MLPClassifier` carrying the trained weights.
``MLPClassifier`` computes exactly the network's forward pass (affine layers,
ReLU, a logistic output), so serving, the promotion gate and the drift monitor load
it with the skops loader of :mod:`workloads.safe_model_io` like every other model:
no pickle, no TorchScript or ONNX runtime in the serving image, and nothing
torch-specific to trust. Nothing here imports torch.

Why the preprocessing is assembled rather than fitted: its statistics are those of
the whole training set, which no single rank holds. Each rank contributes partial
sums of its shard (:func:`numeric_partial_sums`, :func:`numeric_partial_squares`),
the trainer all-reduces them, and :func:`preprocessor` builds the fitted
transformer from the global figures. Training and serving then use that one
transformer object.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import LabelBinarizer, OneHotEncoder, StandardScaler

from workloads import schema
from workloads.feature_encoding import CATEGORICAL_INDICES, N_FEATURES, NUMERIC_INDICES

# The categorical codes of workloads.feature_encoding, one list per categorical column.
VOCABULARY: list[list[int]] = [
    list(range(len(schema.CATEGORIES[c]))) for c in schema.CATEGORICAL_FEATURES
]
N_INPUTS = len(NUMERIC_INDICES) + sum(len(v) for v in VOCABULARY)


@dataclass(frozen=True)
class NumericStatistics:
    """Per numeric column over the whole training set: values seen, their mean and variance."""

    count: np.ndarray
    mean: np.ndarray
    var: np.ndarray


def numeric_partial_sums(x: np.ndarray) -> np.ndarray:
    """``[count, sum]`` of the finite values per numeric column of the encoded matrix ``x``.

    Summed over all shards (an all-reduce) these give the global means.
    """
    values = np.asarray(x, dtype=np.float64)[:, list(NUMERIC_INDICES)]
    finite = np.isfinite(values)
    return np.stack([finite.sum(axis=0).astype(np.float64), np.where(finite, values, 0.0).sum(0)])


def numeric_partial_squares(x: np.ndarray, mean: np.ndarray) -> np.ndarray:
    """Sum of squared deviations from the global ``mean`` per numeric column of ``x``.

    A second pass over the shard rather than sums of squares: the variance of
    large-valued columns (credit limits) would lose its digits to cancellation.
    """
    values = np.asarray(x, dtype=np.float64)[:, list(NUMERIC_INDICES)]
    deviation = np.where(np.isfinite(values), values - mean, 0.0)
    return np.asarray((deviation**2).sum(axis=0))


def numeric_statistics(sums: np.ndarray, squares: np.ndarray) -> NumericStatistics:
    """Global statistics from all-reduced partial sums; ``ValueError`` for an empty column."""
    count, total = np.asarray(sums[0], dtype=np.float64), np.asarray(sums[1], dtype=np.float64)
    empty = [schema.NUMERIC_FEATURES[i] for i in np.flatnonzero(count == 0)]
    if empty:
        raise ValueError(f"numeric features with no value in the training set: {empty}")
    return NumericStatistics(count=count, mean=total / count, var=np.asarray(squares) / count)


def preprocessor(stats: NumericStatistics) -> ColumnTransformer:
    """The fitted input transformer for the global ``stats``: encoded matrix -> network input.

    Numeric columns: missing values become the mean, then standard scaling (so a
    missing value feeds the network a zero); categorical codes: one-hot over the
    fixed vocabulary, an unknown or missing code is all zeros.
    """
    numeric = Pipeline([("impute", SimpleImputer(strategy="mean")), ("scale", StandardScaler())])
    categorical = OneHotEncoder(categories=VOCABULARY, handle_unknown="ignore", sparse_output=False)
    transformer = ColumnTransformer(
        [
            ("numeric", numeric, list(NUMERIC_INDICES)),
            ("categorical", categorical, list(CATEGORICAL_INDICES)),
        ],
        sparse_threshold=0.0,
    )
    # Fitting on one row of the global means gives the imputer and the scaler's mean
    # exactly those means and every fitted attribute its shape; the variance is then
    # set to the global one (a one-row fit cannot know it).
    prototype = np.zeros((1, N_FEATURES))
    prototype[0, list(NUMERIC_INDICES)] = stats.mean
    transformer.fit(prototype)
    scaler: StandardScaler = transformer.named_transformers_["numeric"].named_steps["scale"]
    scaler.var_ = stats.var.copy()
    # StandardScaler's own rule: a constant column is left unscaled.
    scaler.scale_ = np.where(stats.var > 0, np.sqrt(stats.var), 1.0)
    scaler.n_samples_seen_ = stats.count.astype(np.int64)
    return transformer


def mlp_classifier(weights: Sequence[np.ndarray], biases: Sequence[np.ndarray]) -> MLPClassifier:
    """An ``MLPClassifier`` computing the network ``Linear -> ReLU -> ... -> Linear -> sigmoid``.

    ``weights`` are the ``Linear`` layers' ``(out, in)`` matrices (PyTorch's layout),
    the last with one output (the fraud logit).
    """
    if len(weights) != len(biases) or len(weights) < 2:
        raise ValueError("need the weights and biases of at least two layers, one per layer")
    if weights[-1].shape[0] != 1:
        raise ValueError(f"the last layer must have one output, not {weights[-1].shape[0]}")
    for previous, layer in itertools.pairwise(weights):
        if layer.shape[1] != previous.shape[0]:
            raise ValueError(f"layer shapes do not chain: {previous.shape} then {layer.shape}")
    hidden = tuple(int(w.shape[0]) for w in weights[:-1])
    classifier = MLPClassifier(hidden_layer_sizes=hidden, activation="relu")
    # The fitted state MLPClassifier.predict_proba reads; float64 like its own fits
    # (the float32 weights convert exactly).
    classifier.coefs_ = [np.asarray(w, dtype=np.float64).T.copy() for w in weights]
    classifier.intercepts_ = [np.asarray(b, dtype=np.float64).copy() for b in biases]
    classifier.n_features_in_ = int(weights[0].shape[1])
    classifier.n_layers_ = len(weights) + 1
    classifier.n_outputs_ = 1
    classifier.out_activation_ = "logistic"
    classifier.classes_ = np.array([0, 1])
    classifier._label_binarizer = LabelBinarizer().fit(classifier.classes_)
    return classifier


def exported_model(
    transformer: ColumnTransformer, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray]
) -> Pipeline:
    """The registered model: ``transformer`` then the network as an ``MLPClassifier``."""
    return Pipeline([("prepare", transformer), ("classify", mlp_classifier(weights, biases))])
