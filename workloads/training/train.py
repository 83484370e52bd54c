"""The training job: Feast features → scikit-learn model → MLflow run, registry and aliases."""

from __future__ import annotations

import importlib.metadata
import json
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, roc_auc_score

from workloads import schema
from workloads.feature_encoding import encode_frame
from workloads.feature_repo.materialization import open_store
from workloads.monitoring.baseline import compute_baseline, write_baseline
from workloads.safe_model_io import TRUSTED_TYPES
from workloads.training.dataset import point_in_time_training_set, time_split
from workloads.training.model import build_model
from workloads.training.promotion import (
    PromotionDecision,
    alias_version,
    judge_against_champion,
    load_version_model,
    promote_if_better,
)

DEFAULT_MODEL_NAME = "card-fraud"
DEFAULT_EXPERIMENT = "card-fraud"
BASELINE_ARTIFACT = "baseline/baseline.json"
# Metrics where a smaller value is better; everything else is higher-is-better.
LOWER_IS_BETTER = {"log_loss", "brier"}


@dataclass
class TrainingConfig:
    """Everything one training run needs."""

    repo_dir: Path
    transactions: pd.DataFrame
    as_of: datetime
    tracking_uri: str
    model_kind: str = "hist_gbt"
    params: dict[str, Any] = field(default_factory=dict)
    seed: int = 0
    eval_days: float = 7.0
    model_name: str = DEFAULT_MODEL_NAME
    experiment: str = DEFAULT_EXPERIMENT
    promotion_metric: str = "roc_auc"
    promotion_margin: float = 0.005
    run_name: str | None = None
    # Where a new experiment stores artifacts when the tracking URI is a database
    # (with a tracking server, leave None: the server decides).
    artifact_location: str | None = None
    # The retraining pipeline registers and judges the version, and moves no alias: its
    # own steps give the challenger alias and decide after the A/B phase.
    register_only: bool = False


@dataclass
class TrainingResult:
    """What a training run produced."""

    run_id: str
    model_version: str
    metrics: dict[str, float]
    decision: PromotionDecision
    model: Any
    eval_scores: np.ndarray


def evaluate(model: Any, x: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """Held-out metrics for a fitted binary classifier."""
    p = model.predict_proba(x)[:, 1]
    return {
        "roc_auc": float(roc_auc_score(y, p)),
        "average_precision": float(average_precision_score(y, p)),
        "log_loss": float(log_loss(y, p, labels=[0, 1])),
        "brier": float(brier_score_loss(y, p)),
    }


def fit(config: TrainingConfig) -> tuple[Any, pd.DataFrame, pd.DataFrame]:
    """Build the point-in-time training set and fit the model; no MLflow side effects."""
    store = open_store(config.repo_dir)
    frame = point_in_time_training_set(store, config.transactions, config.as_of)
    train, held_out = time_split(frame, config.eval_days)
    model = build_model(config.model_kind, config.seed, config.params)
    model.fit(encode_frame(train), train[schema.LABEL].to_numpy())
    return model, train, held_out


def _pip_requirements() -> list[str]:
    # Pinned explicitly: faster than MLflow's inference and exactly what we trained with.
    names = ("scikit-learn", "skops", "numpy", "scipy", "mlflow")
    return [f"{n}=={importlib.metadata.version(n)}" for n in names]


def train_and_register(config: TrainingConfig) -> TrainingResult:
    """Train, log the run (params, metrics, model, baseline), register and set aliases."""
    model, train, held_out = fit(config)
    return register_trained_model(config, model, train, held_out)


def register_trained_model(
    config: TrainingConfig,
    model: Any,
    train: pd.DataFrame,
    held_out: pd.DataFrame,
    extra_params: dict[str, Any] | None = None,
    run_tags: dict[str, str] | None = None,
) -> TrainingResult:
    """Evaluate a fitted scikit-learn model on ``held_out``, log and register it, run the gate.

    Every trainer ends here (the data-parallel one with its network re-hosted in a
    scikit-learn pipeline), so each registered version has the same signature,
    input example, baseline statistics and promotion decision. ``run_tags`` are
    set when the run is created (the data-parallel trainer finds its own run by them).
    """
    import mlflow
    from mlflow.models import infer_signature

    x_eval, y_eval = encode_frame(held_out), held_out[schema.LABEL].to_numpy()
    metrics = evaluate(model, x_eval, y_eval)
    eval_scores = model.predict_proba(x_eval)[:, 1]
    all_rows = pd.concat([train, held_out], ignore_index=True)
    baseline = compute_baseline(
        all_rows,
        schema.NUMERIC_FEATURES,
        schema.CATEGORICAL_FEATURES,
        scores=eval_scores,
        labels=all_rows[schema.LABEL].to_numpy(),
        seed=config.seed,
        # The held-out rows' segments and outcomes: per-segment score references and
        # the label-free performance estimate's threshold, calibration and reference.
        score_frame=held_out,
        score_labels=y_eval,
    )

    client = registry_client(config)
    # The current champion is scored on the very same held-out window.
    champion_version = alias_version(client, config.model_name, "champion")
    champion_metric = None
    if champion_version is not None:
        champion_model = load_version_model(
            config.tracking_uri, config.model_name, champion_version
        )
        champion_metric = evaluate(champion_model, x_eval, y_eval)[config.promotion_metric]

    with mlflow.start_run(run_name=config.run_name, tags=run_tags) as run:
        mlflow.log_params(
            {
                "model_kind": config.model_kind,
                "seed": config.seed,
                "eval_days": config.eval_days,
                "as_of": config.as_of.isoformat(),
                "feature_service": schema.FEATURE_SERVICE,
                "feature_order": ",".join(schema.MODEL_FEATURES),
                "train_rows": len(train),
                "eval_rows": len(held_out),
                "train_start": str(train[schema.EVENT_TIMESTAMP].min()),
                "eval_start": str(held_out[schema.EVENT_TIMESTAMP].min()),
                "eval_end": str(held_out[schema.EVENT_TIMESTAMP].max()),
                **{f"model.{k}": v for k, v in model.get_params().items() if _loggable(v)},
                **(extra_params or {}),
            }
        )
        mlflow.log_metrics({f"eval_{k}": v for k, v in metrics.items()})
        mlflow.log_metric("train_positive_rate", float(train[schema.LABEL].mean()))
        example = x_eval[:5]
        signature = infer_signature(example, model.predict_proba(example))
        info = mlflow.sklearn.log_model(
            sk_model=model,
            name="model",
            serialization_format="skops",
            skops_trusted_types=TRUSTED_TYPES,
            signature=signature,
            input_example=example,
            pyfunc_predict_fn="predict_proba",
            pip_requirements=_pip_requirements(),
            registered_model_name=config.model_name,
            metadata={"feature_order": list(schema.MODEL_FEATURES)},
        )
        with tempfile.TemporaryDirectory() as tmp:
            path = write_baseline(baseline, Path(tmp) / "baseline.json")
            mlflow.log_artifact(str(path), artifact_path=Path(BASELINE_ARTIFACT).parent.as_posix())
        version = str(info.registered_model_version)
        decision = (judge_against_champion if config.register_only else promote_if_better)(
            client,
            config.model_name,
            version,
            metrics[config.promotion_metric],
            champion_metric,
            config.promotion_metric,
            config.promotion_margin,
            higher_is_better=config.promotion_metric not in LOWER_IS_BETTER,
        )
        mlflow.set_tags(
            {"promotion.promoted": str(decision.promoted), "promotion.reason": decision.reason}
        )
        mlflow.log_dict(decision.as_dict(), "promotion.json")
    return TrainingResult(
        run_id=run.info.run_id,
        model_version=version,
        metrics=metrics,
        decision=decision,
        model=model,
        eval_scores=eval_scores,
    )


TRAINING_KEY_TAG = "smp.training_key"
PROMOTION_TAG = "promotion_decision"  # set by promote_if_better, its last step


def register_once(
    config: TrainingConfig,
    model: Any,
    train: pd.DataFrame,
    held_out: pd.DataFrame,
    key: str,
    extra_params: dict[str, Any] | None = None,
) -> TrainingResult:
    """:func:`register_trained_model`, at most once per training ``key``.

    A restarted job (the data-parallel trainer resuming from its checkpoint) may
    have registered its model before it was killed. The run is created with
    ``key`` as a tag, so a second call finds the version registered from it and
    only finishes what the first left undone (the promotion gate), instead of
    registering a duplicate.
    """
    client = registry_client(config)
    experiment = client.get_experiment_by_name(config.experiment)
    runs = client.search_runs(
        [experiment.experiment_id],
        filter_string=f"tags.`{TRAINING_KEY_TAG}` = '{key}'",
        order_by=["attributes.start_time ASC"],
    )
    for run in runs:
        versions = [
            v
            for v in client.search_model_versions(f"run_id = '{run.info.run_id}'")
            if v.name == config.model_name
        ]
        if versions:
            return _finish_registration(config, client, model, held_out, run, versions[0])
    return register_trained_model(
        config, model, train, held_out, extra_params, run_tags={TRAINING_KEY_TAG: key}
    )


def _finish_registration(
    config: TrainingConfig,
    client: Any,
    model: Any,
    held_out: pd.DataFrame,
    run: Any,
    version: Any,
) -> TrainingResult:
    """The result of an earlier registration of this model; runs the gate if it never ran."""
    x_eval, y_eval = encode_frame(held_out), held_out[schema.LABEL].to_numpy()
    metrics = evaluate(model, x_eval, y_eval)
    eval_scores = model.predict_proba(x_eval)[:, 1]
    number = str(version.version)
    current = client.get_model_version(config.model_name, number)
    champion_version = alias_version(client, config.model_name, "champion")
    higher = config.promotion_metric not in LOWER_IS_BETTER
    candidate = metrics[config.promotion_metric]
    if PROMOTION_TAG in (current.tags or {}):
        reason = current.tags[PROMOTION_TAG]
        decision = PromotionDecision(
            promoted=champion_version == number,
            candidate_version=number,
            champion_version=None if champion_version == number else champion_version,
            candidate_metric=candidate,
            champion_metric=None,
            metric=config.promotion_metric,
            margin=config.promotion_margin,
            reason=f"already decided: {reason}",
        )
    elif champion_version == number:
        # Killed after the champion alias moved, before the rest of the gate's bookkeeping.
        if alias_version(client, config.model_name, "challenger") == number:
            client.delete_registered_model_alias(config.model_name, "challenger")
        reason = "promoted before the job was restarted"
        client.set_model_version_tag(config.model_name, number, PROMOTION_TAG, reason)
        decision = PromotionDecision(
            promoted=True,
            candidate_version=number,
            champion_version=None,
            candidate_metric=candidate,
            champion_metric=None,
            metric=config.promotion_metric,
            margin=config.promotion_margin,
            reason=reason,
        )
    else:
        champion_metric = None
        if champion_version is not None:
            champion_model = load_version_model(
                config.tracking_uri, config.model_name, champion_version
            )
            champion_metric = evaluate(champion_model, x_eval, y_eval)[config.promotion_metric]
        decision = (judge_against_champion if config.register_only else promote_if_better)(
            client,
            config.model_name,
            number,
            candidate,
            champion_metric,
            config.promotion_metric,
            config.promotion_margin,
            higher_is_better=higher,
        )
        client.set_tag(run.info.run_id, "promotion.promoted", str(decision.promoted))
        client.set_tag(run.info.run_id, "promotion.reason", decision.reason)
    return TrainingResult(
        run_id=run.info.run_id,
        model_version=number,
        metrics=metrics,
        decision=decision,
        model=model,
        eval_scores=eval_scores,
    )


def registry_client(config: TrainingConfig) -> Any:
    """The MLflow client for ``config``, with the experiment created and selected."""
    import mlflow
    from mlflow import MlflowClient

    # Model requirements are pinned explicitly (_pip_requirements): don't copy the repo's
    # uv.lock into every model.
    os.environ.setdefault("MLFLOW_LOG_UV_FILES", "false")
    mlflow.set_tracking_uri(config.tracking_uri)
    mlflow.set_registry_uri(config.tracking_uri)
    client = MlflowClient(tracking_uri=config.tracking_uri, registry_uri=config.tracking_uri)
    if client.get_experiment_by_name(config.experiment) is None:
        client.create_experiment(config.experiment, artifact_location=config.artifact_location)
    mlflow.set_experiment(config.experiment)
    return client


def _loggable(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def download_baseline(tracking_uri: str, model_name: str, alias: str, dst: Path) -> Path:
    """Fetch the training baseline logged with the model version behind ``alias``."""
    import mlflow.artifacts
    from mlflow import MlflowClient

    client = MlflowClient(tracking_uri=tracking_uri, registry_uri=tracking_uri)
    mv = client.get_model_version_by_alias(model_name, alias)
    local = mlflow.artifacts.download_artifacts(
        run_id=mv.run_id,
        artifact_path=BASELINE_ARTIFACT,
        dst_path=str(dst),
        tracking_uri=tracking_uri,
    )
    return Path(local)


def summary_json(result: TrainingResult) -> str:
    """A one-line JSON summary of a training result (for logs and the CLI)."""
    return json.dumps(
        {
            "run_id": result.run_id,
            "model_version": result.model_version,
            "metrics": result.metrics,
            "promotion": result.decision.as_dict(),
        }
    )
