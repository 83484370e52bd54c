"""Registry aliases: every new version becomes ``challenger``; ``champion`` moves only on merit."""

from __future__ import annotations

import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mlflow import MlflowClient

CHAMPION = "champion"
CHALLENGER = "challenger"


@dataclass(frozen=True)
class PromotionDecision:
    """Outcome of comparing a candidate version with the current champion."""

    promoted: bool
    candidate_version: str
    champion_version: str | None
    candidate_metric: float
    champion_metric: float | None
    metric: str
    margin: float
    reason: str

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly view."""
        return asdict(self)


def beats_champion(
    candidate: float, champion: float | None, margin: float, higher_is_better: bool = True
) -> bool:
    """The promotion rule: no champion yet, or better than it by at least ``margin``."""
    if margin < 0:
        raise ValueError(f"margin must be non-negative, got {margin}")
    if champion is None:
        return True
    improvement = candidate - champion if higher_is_better else champion - candidate
    return improvement >= margin


def alias_version(client: MlflowClient, name: str, alias: str) -> str | None:
    """The version that ``alias`` points at, or None."""
    from mlflow.exceptions import MlflowException

    try:
        return str(client.get_model_version_by_alias(name, alias).version)
    except MlflowException:
        return None


def load_version_model(tracking_uri: str, name: str, version: str) -> Any:
    """Download a registered version and load it with the safe skops loader."""
    import mlflow.artifacts
    from mlflow import MlflowClient

    from workloads.safe_model_io import load_mlflow_model_dir

    client = MlflowClient(tracking_uri=tracking_uri, registry_uri=tracking_uri)
    with tempfile.TemporaryDirectory() as tmp:
        local = mlflow.artifacts.download_artifacts(
            artifact_uri=client.get_model_version_download_uri(name, version),
            dst_path=tmp,
            tracking_uri=tracking_uri,
        )
        return load_mlflow_model_dir(Path(local))


def promote_if_better(
    client: MlflowClient,
    name: str,
    candidate_version: str,
    candidate_metric: float,
    champion_metric: float | None,
    metric: str,
    margin: float,
    higher_is_better: bool = True,
) -> PromotionDecision:
    """Give ``candidate_version`` the challenger alias; make it champion if it earns it.

    ``champion_metric`` is the current champion's score on the same evaluation
    data (None when there is no champion).  On promotion the challenger alias is
    removed, since the candidate now serves as champion.
    """
    champion_version = alias_version(client, name, CHAMPION)
    if champion_version is None:
        champion_metric = None
    client.set_registered_model_alias(name, CHALLENGER, candidate_version)
    promoted = beats_champion(candidate_metric, champion_metric, margin, higher_is_better)
    if champion_metric is None:
        reason = "no champion yet"
    elif promoted:
        reason = (
            f"{metric} {candidate_metric:.4f} beats champion {champion_metric:.4f} by >= {margin}"
        )
    else:
        reason = (
            f"{metric} {candidate_metric:.4f} does not beat champion {champion_metric:.4f}"
            f" by the margin {margin}"
        )
    if promoted:
        client.set_registered_model_alias(name, CHAMPION, candidate_version)
        client.delete_registered_model_alias(name, CHALLENGER)
    decision = PromotionDecision(
        promoted=promoted,
        candidate_version=candidate_version,
        champion_version=champion_version,
        candidate_metric=candidate_metric,
        champion_metric=champion_metric,
        metric=metric,
        margin=margin,
        reason=reason,
    )
    client.set_model_version_tag(name, candidate_version, "promotion_decision", reason)
    return decision


def judge_against_champion(
    client: MlflowClient,
    name: str,
    candidate_version: str,
    candidate_metric: float,
    champion_metric: float | None,
    metric: str,
    margin: float,
    higher_is_better: bool = True,
) -> PromotionDecision:
    """The promotion rule without moving any alias: whether ``candidate_version`` beats the
    champion by ``margin`` (``promoted`` then means "eligible to be the challenger"), as the
    retraining pipeline's evaluation step records it before its A/B phase."""
    champion_version = alias_version(client, name, CHAMPION)
    if champion_version is None:
        champion_metric = None
    eligible = beats_champion(candidate_metric, champion_metric, margin, higher_is_better)
    if champion_metric is None:
        reason = "no champion yet"
    else:
        verb = "beats" if eligible else "does not beat"
        reason = (
            f"{metric} {candidate_metric:.4f} {verb} champion {champion_metric:.4f} "
            f"by the margin {margin}"
        )
    # The tag registration waits on (train.PROMOTION_TAG) marks the version finished.
    client.set_model_version_tag(
        name, candidate_version, "promotion_decision", f"register only: {reason}"
    )
    return PromotionDecision(
        promoted=eligible,
        candidate_version=candidate_version,
        champion_version=champion_version,
        candidate_metric=candidate_metric,
        champion_metric=champion_metric,
        metric=metric,
        margin=margin,
        reason=reason,
    )
