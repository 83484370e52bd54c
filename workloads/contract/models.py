"""Model kinds the reference trainer builds, and the registry aliases serving splits between."""

from __future__ import annotations

# `training.modelKind` in the stack config; workloads/training/model.py builds them.
MODEL_KINDS: tuple[str, ...] = ("hist_gbt", "logistic")
# The serving image splits traffic between these registry aliases (sticky A/B).
SERVING_ALIASES: tuple[str, ...] = ("champion", "challenger")
