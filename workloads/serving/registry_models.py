"""Load the ``champion`` and ``challenger`` models by alias from the MLflow registry."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workloads.safe_model_io import load_mlflow_model_dir


@dataclass(frozen=True)
class ServedModel:
    """A loaded model and the registry version it came from."""

    alias: str
    version: str
    run_id: str
    model: Any


def load_alias(tracking_uri: str, model_name: str, alias: str) -> ServedModel | None:
    """The version behind ``alias``, loaded with the safe skops loader; None if unset."""
    import mlflow.artifacts
    from mlflow import MlflowClient
    from mlflow.exceptions import MlflowException

    client = MlflowClient(tracking_uri=tracking_uri, registry_uri=tracking_uri)
    try:
        mv = client.get_model_version_by_alias(model_name, alias)
    except MlflowException:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        local = mlflow.artifacts.download_artifacts(
            artifact_uri=client.get_model_version_download_uri(model_name, mv.version),
            dst_path=tmp,
            tracking_uri=tracking_uri,
        )
        model = load_mlflow_model_dir(Path(local))
    return ServedModel(alias=alias, version=str(mv.version), run_id=str(mv.run_id), model=model)
