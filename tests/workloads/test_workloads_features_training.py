"""Feature repo, point-in-time training sets, reproducible training, safe model files, aliases."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
import skops.io
import yaml
from conftest import AS_OF, Lifecycle

from workloads import schema
from workloads.feature_encoding import NUMERIC_INDICES, encode_frame
from workloads.feature_repo import store_config
from workloads.feature_repo.materialization import open_store
from workloads.safe_model_io import TRUSTED_TYPES, UnsafeModelError, load_mlflow_model_dir
from workloads.training.dataset import point_in_time_training_set
from workloads.training.model import MODEL_KINDS, build_model
from workloads.training.promotion import (
    CHALLENGER,
    CHAMPION,
    alias_version,
    beats_champion,
    promote_if_better,
)
from workloads.training.train import TrainingConfig, fit

FEATURES = ["txn_count_7d", "avg_amount_30d", "chargeback_count_90d", "credit_limit", "card_tier"]


@pytest.fixture(scope="module")
def training_set(lifecycle: Lifecycle) -> pd.DataFrame:
    return point_in_time_training_set(
        open_store(lifecycle.repo), lifecycle.data.transactions, AS_OF
    )


def test_training_set_has_the_features_as_of_each_transaction(
    lifecycle: Lifecycle, training_set: pd.DataFrame
) -> None:
    truth = lifecycle.data.transactions_with_features.set_index(schema.TRANSACTION_ID)
    joined = training_set.set_index(schema.TRANSACTION_ID)
    assert len(joined) > 1000
    for column in FEATURES:
        expected = truth.loc[joined.index, column]
        assert (joined[column].to_numpy() == expected.to_numpy()).all(), column


def test_no_label_leakage_into_features(lifecycle: Lifecycle, training_set: pd.DataFrame) -> None:
    # Each fraud is reported as a chargeback only after it happened; the feature
    # value at the fraud's own time must not count it.  A naive join with the
    # latest snapshot does count later chargebacks - which this test would catch.
    snapshots = lifecycle.data.card_features
    latest = snapshots.sort_values(schema.EVENT_TIMESTAMP).groupby(schema.ENTITY_KEY).last()
    frauds = training_set[training_set[schema.LABEL] == 1]
    txns = lifecycle.data.transactions.set_index(schema.TRANSACTION_ID)
    reported_at = txns[schema.OUTCOME_TIMESTAMP]
    naive = latest.loc[frauds[schema.ENTITY_KEY], "chargeback_count_90d"].to_numpy()
    assert (naive != frauds["chargeback_count_90d"].to_numpy()).any()
    for row in frauds.itertuples():
        card = snapshots[snapshots[schema.ENTITY_KEY] == row.card_id]
        used = card[card[schema.EVENT_TIMESTAMP] <= row.event_timestamp].iloc[-1]
        assert used.chargeback_count_90d == row.chargeback_count_90d
        later = card[card[schema.EVENT_TIMESTAMP] > reported_at[row.transaction_id]]
        if not later.empty:  # once reported, the chargeback shows up in later snapshots
            assert later.iloc[0].chargeback_count_90d >= 1


def test_training_set_only_holds_settled_outcomes(
    training_set: pd.DataFrame, lifecycle: Lifecycle
) -> None:
    outcomes = lifecycle.data.transactions.set_index(schema.TRANSACTION_ID)[
        schema.OUTCOME_TIMESTAMP
    ]
    assert (outcomes.loc[training_set[schema.TRANSACTION_ID]] <= pd.Timestamp(AS_OF)).all()


def test_training_with_the_same_seed_reproduces_the_model(lifecycle: Lifecycle) -> None:
    # The session's champion was trained with exactly this configuration.
    config = TrainingConfig(
        repo_dir=lifecycle.repo,
        transactions=lifecycle.data.transactions,
        as_of=AS_OF,
        tracking_uri="unused",
        seed=3,
        eval_days=5,
    )
    model, _, held_out = fit(config)
    x = encode_frame(held_out)
    np.testing.assert_array_equal(model.predict_proba(x), lifecycle.champion.model.predict_proba(x))
    np.testing.assert_array_equal(
        held_out_scores := model.predict_proba(x)[:, 1], lifecycle.champion.eval_scores
    )
    assert held_out_scores.std() > 0


@pytest.mark.parametrize(
    ("candidate", "champion", "margin", "higher", "expected"),
    [
        (0.80, None, 0.01, True, True),
        (0.82, 0.80, 0.01, True, True),
        (0.805, 0.80, 0.01, True, False),
        (0.79, 0.80, 0.0, True, False),
        (0.10, 0.12, 0.01, False, True),
        (0.115, 0.12, 0.01, False, False),
    ],
)
def test_promotion_rule(
    candidate: float, champion: float | None, margin: float, higher: bool, expected: bool
) -> None:
    assert beats_champion(candidate, champion, margin, higher) is expected


def test_aliases_follow_the_promotion_rule_in_the_registry(lifecycle: Lifecycle) -> None:
    from mlflow import MlflowClient

    client = MlflowClient(tracking_uri=lifecycle.tracking_uri, registry_uri=lifecycle.tracking_uri)
    name = "card-fraud"
    # The session's first model had no champion to beat; the second had to clear a margin of 1.0.
    assert lifecycle.champion.decision.promoted
    assert lifecycle.champion.decision.reason == "no champion yet"
    assert not lifecycle.challenger.decision.promoted
    assert lifecycle.challenger.decision.champion_version == lifecycle.champion.model_version
    assert alias_version(client, name, CHAMPION) == lifecycle.champion.model_version
    assert alias_version(client, name, CHALLENGER) == lifecycle.challenger.model_version

    champion_metric = lifecycle.champion.metrics["roc_auc"]
    version = lifecycle.challenger.model_version
    kept = promote_if_better(
        client, name, version, champion_metric + 0.004, champion_metric, "roc_auc", 0.005
    )
    assert not kept.promoted
    assert alias_version(client, name, CHAMPION) == lifecycle.champion.model_version
    promoted = promote_if_better(
        client, name, version, champion_metric + 0.02, champion_metric, "roc_auc", 0.005
    )
    assert promoted.promoted
    assert alias_version(client, name, CHAMPION) == version
    assert alias_version(client, name, CHALLENGER) is None
    # Restore the session's aliases for the serving tests.
    client.set_registered_model_alias(name, CHAMPION, lifecycle.champion.model_version)
    client.set_registered_model_alias(name, CHALLENGER, lifecycle.challenger.model_version)


def test_trusted_types_are_exactly_what_our_models_need(lifecycle: Lifecycle) -> None:
    x = encode_frame(lifecycle.data.transactions_with_features.head(3000))
    y = lifecycle.data.transactions_with_features.head(3000)[schema.LABEL].to_numpy()
    needed: set[str] = set()
    for kind in MODEL_KINDS:
        blob = skops.io.dumps(build_model(kind, 0).fit(x, y))
        needed |= set(skops.io.get_untrusted_types(data=blob))
    # The data-parallel trainer's network, re-hosted in scikit-learn (workloads/training/ddp.py).
    blob = skops.io.dumps(_mlp_export(x))
    needed |= set(skops.io.get_untrusted_types(data=blob))
    assert needed == set(TRUSTED_TYPES)


def _mlp_export(x: np.ndarray, hidden: int = 8, seed: int = 0) -> Any:
    from workloads.training import mlp_export

    rng = np.random.default_rng(seed)
    stats = mlp_export.numeric_statistics(
        mlp_export.numeric_partial_sums(x),
        mlp_export.numeric_partial_squares(x, np.nanmean(x[:, list(NUMERIC_INDICES)], axis=0)),
    )
    weights = [
        rng.normal(size=(hidden, mlp_export.N_INPUTS)).astype(np.float32),
        rng.normal(size=(1, hidden)).astype(np.float32),
    ]
    biases = [rng.normal(size=hidden).astype(np.float32), rng.normal(size=1).astype(np.float32)]
    return mlp_export.exported_model(mlp_export.preprocessor(stats), weights, biases)


def _model_dir(lifecycle: Lifecycle, version: str, dst: Path) -> Path:
    import mlflow.artifacts
    from mlflow import MlflowClient

    client = MlflowClient(tracking_uri=lifecycle.tracking_uri, registry_uri=lifecycle.tracking_uri)
    uri = client.get_model_version_download_uri("card-fraud", version)
    return Path(mlflow.artifacts.download_artifacts(artifact_uri=uri, dst_path=str(dst)))


def test_logged_model_is_skops_with_signature_example_and_baseline(
    lifecycle: Lifecycle, tmp_path: Path
) -> None:
    model_dir = _model_dir(lifecycle, lifecycle.champion.model_version, tmp_path)
    mlmodel = yaml.safe_load((model_dir / "MLmodel").read_text())
    assert mlmodel["flavors"]["sklearn"]["serialization_format"] == "skops"
    assert "signature" in mlmodel
    assert "saved_input_example_info" in mlmodel
    assert not list(model_dir.rglob("*.pkl"))
    loaded = load_mlflow_model_dir(model_dir)
    x = encode_frame(lifecycle.data.transactions_with_features.head(50))
    np.testing.assert_allclose(loaded.predict_proba(x), lifecycle.champion.model.predict_proba(x))

    from workloads.monitoring.baseline import read_baseline
    from workloads.training.train import download_baseline

    baseline = read_baseline(
        download_baseline(lifecycle.tracking_uri, "card-fraud", "champion", tmp_path / "b")
    )
    assert set(baseline["numeric"]) == set(schema.NUMERIC_FEATURES)
    assert set(baseline["categorical"]) == set(schema.CATEGORICAL_FEATURES)
    assert "score" in baseline
    assert 0 < baseline["label"]["positive_rate"] < 0.2


def test_pickled_models_are_refused(lifecycle: Lifecycle, tmp_path: Path) -> None:
    model_dir = _model_dir(lifecycle, lifecycle.champion.model_version, tmp_path)
    mlmodel_path = model_dir / "MLmodel"
    mlmodel = yaml.safe_load(mlmodel_path.read_text())
    mlmodel["flavors"]["sklearn"]["serialization_format"] = "cloudpickle"
    mlmodel_path.write_text(yaml.safe_dump(mlmodel))
    with pytest.raises(UnsafeModelError, match="only skops"):
        load_mlflow_model_dir(model_dir)


def test_untrusted_types_are_refused(tmp_path: Path) -> None:
    from sklearn.preprocessing import FunctionTransformer

    from workloads.safe_model_io import load_skops_file

    # A "model" that would run a shell command: exactly what blanket trust lets in.
    path = tmp_path / "model.skops"
    skops.io.dump(FunctionTransformer(func=os.system), str(path))
    with pytest.raises(UnsafeModelError, match="trusted"):
        load_skops_file(path)


def test_cloud_feature_store_yaml_from_stack_outputs(tmp_path: Path) -> None:
    from feast.repo_config import RepoConfig

    outputs = {
        "cloud": "aws",
        "region": "me-central-1",
        "feature_store_uri": "s3://smp-uae-features/feast",
        "redis_host": "master.smp.cache.amazonaws.com",
        "redis_port": 6379,
        "kms_key_arn": "arn:aws:kms:me-central-1:111122223333:key/abc",
    }
    text = store_config.render(store_config.cloud_config(outputs))
    assert "me-central-1" in text
    assert "${SMP_REDIS_PASSWORD}" in text
    assert "ssl=true" in text
    parsed = yaml.safe_load(text)
    assert parsed["registry"]["path"] == "s3://smp-uae-features/feast/registry.pb"
    assert parsed["registry"]["s3_additional_kwargs"]["ServerSideEncryption"] == "aws:kms"
    config = RepoConfig(repo_path=tmp_path, **parsed)
    assert config.online_store.type == "redis"

    azure = store_config.cloud_config(
        {
            "cloud": "azure",
            "region": "uaenorth",
            "feature_store_uri": "https://smpfeat.blob.core.windows.net/feast",
            "redis_host": "smp.redis.cache.windows.net",
            "redis_port": "6380",
        }
    )
    assert azure["registry"]["registry_store_type"] == "AzBlobRegistryStore"
    assert "smp.redis.cache.windows.net:6380,ssl=true" in azure["online_store"]["connection_string"]


@pytest.mark.parametrize(
    ("outputs", "message"),
    [
        (
            {"cloud": "aws", "region": "me-central-1", "redis_host": "h", "redis_port": 1},
            "feature_store_uri",
        ),
        (
            {
                "cloud": "gcp",
                "region": "x",
                "feature_store_uri": "gs://b",
                "redis_host": "h",
                "redis_port": 1,
            },
            "aws",
        ),
        (
            {
                "cloud": "aws",
                "region": "r",
                "feature_store_uri": "https://x",
                "redis_host": "h",
                "redis_port": 1,
            },
            "s3://",
        ),
        (
            {
                "cloud": "aws",
                "region": "r",
                "feature_store_uri": "s3://b",
                "redis_host": "h",
                "redis_port": "x",
            },
            "port",
        ),
    ],
)
def test_bad_stack_outputs_are_refused(outputs: dict[str, object], message: str) -> None:
    with pytest.raises(store_config.StackOutputsError, match=message):
        store_config.cloud_config(outputs)


def test_the_retraining_evaluation_judges_without_moving_aliases(lifecycle: Lifecycle) -> None:
    """`--register-only` (the retraining pipeline's train step): the promotion rule is
    applied and recorded on the version, and no alias moves before the A/B phase."""
    from mlflow import MlflowClient

    from workloads.training.promotion import judge_against_champion

    client = MlflowClient(tracking_uri=lifecycle.tracking_uri, registry_uri=lifecycle.tracking_uri)
    name, version = "card-fraud", lifecycle.challenger.model_version
    champion_metric = lifecycle.champion.metrics["roc_auc"]
    before = (alias_version(client, name, CHAMPION), alias_version(client, name, CHALLENGER))
    for better_by, eligible in ((0.02, True), (0.004, False)):
        decision = judge_against_champion(
            client, name, version, champion_metric + better_by, champion_metric, "roc_auc", 0.005
        )
        assert decision.promoted is eligible
        assert (
            alias_version(client, name, CHAMPION),
            alias_version(client, name, CHALLENGER),
        ) == before
        tags = client.get_model_version(name, version).tags
        assert tags["promotion_decision"] == f"register only: {decision.reason}"
    assert "does not beat champion" in decision.reason
    # Leave the session's version as the other tests know it.
    client.set_model_version_tag(
        name, version, "promotion_decision", lifecycle.challenger.decision.reason
    )
