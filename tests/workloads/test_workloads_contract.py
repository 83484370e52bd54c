"""The workload contract: standard library only, one definition per fact, used where it is meant."""

from __future__ import annotations

import subprocess
import sys

from tests.support.paths import REPO
from workloads.contract import commands, feature_store, images, metrics, models

MODULES = ("commands", "feature_store", "images", "metrics", "models", "monitor_metrics")


def test_the_contract_imports_in_an_interpreter_without_site_packages() -> None:
    # -S: no site-packages, so any third-party import (pulumi, yaml, pandas) fails.
    code = "import sys; sys.path.insert(0, sys.argv[1]); " + "; ".join(
        f"import workloads.contract.{m}" for m in MODULES
    )
    done = subprocess.run(
        [sys.executable, "-S", "-c", code, str(REPO)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_the_stack_config_takes_its_workload_facts_from_the_contract() -> None:
    from typing import get_args

    from platform_spec import FeatureStore, Training

    assert get_args(Training.model_fields["model_kind"].annotation) == models.MODEL_KINDS
    assert FeatureStore.model_fields["project"].default == feature_store.FEAST_PROJECT


def test_workloads_export_the_metric_names_the_alerts_query() -> None:
    from workloads.serving.metrics import ServingMetrics

    exported = {m.name for m in ServingMetrics.create().registry.collect()}
    for name in (
        metrics.PREDICTION_LATENCY,
        metrics.PREDICTION_REQUESTS,
        metrics.PREDICTION_ERRORS,
        metrics.FEATURE_FETCH_LATENCY,
        metrics.PREDICTION_SCORE,
        metrics.MODEL_INFO,
    ):
        assert name in exported


def test_every_image_has_a_dockerfile_target_and_every_builder_a_fresh_list() -> None:
    dockerfile = (REPO / "workloads" / "Dockerfile").read_text()
    for name in images.IMAGE_NAMES:
        assert f" AS {name}\n" in dockerfile or f" AS {name}\r\n" in dockerfile, name
    first, second = commands.serving(), commands.serving()
    assert first == second
    assert first is not second
