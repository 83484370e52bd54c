"""The data-parallel MLP's serving form (scikit-learn objects, no torch) and its registration.

What the DDP trainer registers must be exactly the network it trained, computed
with statistics no single rank holds, loadable by serving's skops loader; and a
restarted job must not register it twice.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import skops.io
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler

from workloads import schema
from workloads.data import generate
from workloads.feature_encoding import NUMERIC_INDICES, encode_frame
from workloads.safe_model_io import TRUSTED_TYPES, load_skops_file
from workloads.training import mlp_export
from workloads.training.model import build_model

START = datetime(2025, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    data = generate(n_cards=60, days=20, seed=3, start=START)
    rows = data.transactions_with_features.sort_values(schema.EVENT_TIMESTAMP)
    return rows.reset_index(drop=True)


def _shard_statistics(x: np.ndarray, world: int) -> mlp_export.NumericStatistics:
    """What the trainer's two all-reduces compute, with the sums done here."""
    shards = [x[r::world] for r in range(world)]
    sums = sum(mlp_export.numeric_partial_sums(s) for s in shards)
    with np.errstate(invalid="ignore"):
        mean = sums[1] / sums[0]
    squares = sum(mlp_export.numeric_partial_squares(s, mean) for s in shards)
    return mlp_export.numeric_statistics(sums, squares)


def test_statistics_from_shards_are_those_of_the_whole_training_set(frame: pd.DataFrame) -> None:
    x = encode_frame(frame)
    x[::7, NUMERIC_INDICES[0]] = np.nan  # missing values are left out of the statistics
    transformer = mlp_export.preprocessor(_shard_statistics(x, world=3))
    numeric = x[:, list(NUMERIC_INDICES)]
    imputer = SimpleImputer(strategy="mean").fit(numeric)
    scaler = StandardScaler().fit(imputer.transform(numeric))
    ours = transformer.named_transformers_["numeric"]
    np.testing.assert_allclose(
        ours.named_steps["impute"].statistics_, imputer.statistics_, rtol=1e-12
    )
    np.testing.assert_allclose(
        ours.named_steps["scale"].mean_, np.nanmean(numeric, axis=0), rtol=1e-12
    )
    # Variance of the observed values (imputed values would shrink it).
    np.testing.assert_allclose(
        ours.named_steps["scale"].var_, np.nanvar(numeric, axis=0), rtol=1e-10
    )
    assert not np.allclose(ours.named_steps["scale"].var_, scaler.var_)
    out = transformer.transform(x)
    assert out.shape == (len(x), mlp_export.N_INPUTS)
    # A missing numeric value feeds the network a zero; every row has one hot per category.
    assert (out[::7, 0] == 0).all()
    assert (out[:, len(NUMERIC_INDICES) :].sum(axis=1) == len(schema.CATEGORICAL_FEATURES)).all()


def test_a_column_with_no_values_is_refused(frame: pd.DataFrame) -> None:
    x = encode_frame(frame)
    x[:, NUMERIC_INDICES[2]] = np.nan
    with pytest.raises(ValueError, match=schema.NUMERIC_FEATURES[2]):
        _shard_statistics(x, world=2)


def _network(hidden: tuple[int, ...], seed: int) -> tuple[list[np.ndarray], list[np.ndarray]]:
    rng = np.random.default_rng(seed)
    sizes = [mlp_export.N_INPUTS, *hidden, 1]
    weights = [
        rng.normal(scale=0.5, size=(o, i)).astype(np.float32) for i, o in itertools.pairwise(sizes)
    ]
    biases = [rng.normal(size=o).astype(np.float32) for o in sizes[1:]]
    return weights, biases


@pytest.mark.parametrize("hidden", [(16,), (8, 4)])
def test_the_exported_pipeline_computes_the_network(
    frame: pd.DataFrame, tmp_path: Path, hidden: tuple[int, ...]
) -> None:
    x = encode_frame(frame)
    transformer = mlp_export.preprocessor(_shard_statistics(x, world=2))
    weights, biases = _network(hidden, seed=1)
    model = mlp_export.exported_model(transformer, weights, biases)
    # The network by hand: affine layers, ReLU between, sigmoid on the last.
    activation = transformer.transform(x)
    for i, (w, b) in enumerate(zip(weights, biases, strict=True)):
        activation = activation @ w.T.astype(np.float64) + b
        if i < len(weights) - 1:
            activation = np.maximum(activation, 0.0)
    expected = 1.0 / (1.0 + np.exp(-activation[:, 0]))
    proba = model.predict_proba(x)
    np.testing.assert_allclose(proba[:, 1], expected, rtol=1e-12)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert expected.std() > 0.01
    # Serving's loader (skops, only our trusted types) gives back the same model.
    path = tmp_path / "model.skops"
    skops.io.dump(model, str(path))
    assert set(skops.io.get_untrusted_types(file=str(path))) <= set(TRUSTED_TYPES)
    np.testing.assert_array_equal(load_skops_file(path).predict_proba(x), proba)


def test_malformed_networks_are_refused() -> None:
    weights, biases = _network((4,), seed=0)
    with pytest.raises(ValueError, match="one output"):
        mlp_export.mlp_classifier([weights[0], weights[0]], [biases[0], biases[0]])
    with pytest.raises(ValueError, match="do not chain"):
        mlp_export.mlp_classifier([weights[0], np.zeros((1, 3))], biases)
    with pytest.raises(ValueError, match="at least two layers"):
        mlp_export.mlp_classifier(weights[:1], biases[:1])


# -- registering once per training run -------------------------------------------------


def test_a_restarted_registration_finishes_the_first_instead_of_duplicating_it(
    frame: pd.DataFrame, tmp_path: Path
) -> None:
    from mlflow import MlflowClient

    from workloads.training.promotion import CHALLENGER, CHAMPION, alias_version
    from workloads.training.train import PROMOTION_TAG, TrainingConfig, register_once

    cutoff = frame[schema.EVENT_TIMESTAMP].max() - pd.Timedelta(days=5)
    train, held_out = frame[frame.event_timestamp <= cutoff], frame[frame.event_timestamp > cutoff]
    model = build_model("logistic", 0).fit(encode_frame(train), train[schema.LABEL].to_numpy())
    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    config = TrainingConfig(
        repo_dir=tmp_path,
        transactions=frame,
        as_of=START + timedelta(days=20),
        tracking_uri=uri,
        model_kind="logistic",
        model_name="once",
        artifact_location=str(tmp_path / "artifacts"),
    )
    client = MlflowClient(tracking_uri=uri, registry_uri=uri)

    first = register_once(config, model, train, held_out, key="run-a")
    assert first.decision.promoted
    assert alias_version(client, "once", CHAMPION) == first.model_version
    # The job is restarted after it registered: nothing new is registered.
    again = register_once(config, model, train, held_out, key="run-a")
    assert again.model_version == first.model_version
    assert again.run_id == first.run_id
    assert again.metrics == first.metrics
    assert len(client.search_model_versions("name = 'once'")) == 1

    # A second training run, killed after registering but before the promotion gate ran.
    second = register_once(config, model, train, held_out, key="run-b")
    assert second.model_version == "2"
    assert not second.decision.promoted  # the same model does not beat itself by the margin
    client.delete_model_version_tag("once", "2", PROMOTION_TAG)
    client.delete_registered_model_alias("once", CHALLENGER)
    resumed = register_once(config, model, train, held_out, key="run-b")
    assert resumed.model_version == "2"
    assert not resumed.decision.promoted
    assert alias_version(client, "once", CHALLENGER) == "2"
    assert alias_version(client, "once", CHAMPION) == first.model_version
    assert PROMOTION_TAG in client.get_model_version("once", "2").tags
    assert len(client.search_model_versions("name = 'once'")) == 2
