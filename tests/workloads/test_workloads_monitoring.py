"""Drift monitor error rates across seeds, the report outputs, and A/B verdicts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from workloads import schema
from workloads.data import (
    STATED_CONCEPT_DRIFT,
    STATED_COVARIATE_SHIFT,
    STATED_PRIOR_SHIFT,
    DriftSpec,
    generate,
)
from workloads.feature_encoding import encode_frame
from workloads.monitoring.ab_analysis import KEEP, PROMOTE, ROLL_BACK, analyse, join_outcomes
from workloads.monitoring.baseline import compute_baseline
from workloads.monitoring.drift import benjamini_hochberg, detect_drift, psi
from workloads.monitoring.report import write_html, write_json, write_prometheus
from workloads.training.model import build_model

FPR_SEEDS = range(1000, 1040)
POWER_SEEDS = range(2000, 2020)


@pytest.fixture(scope="module")
def reference() -> tuple[Any, dict[str, Any]]:
    """A model and its training baseline, built once."""
    data = generate(n_cards=1000, days=40, seed=1).transactions_with_features
    cut = len(data) * 3 // 4
    train, held_out = data.iloc[:cut], data.iloc[cut:]
    model = build_model("hist_gbt", 0).fit(encode_frame(train), train[schema.LABEL])
    baseline = compute_baseline(
        data,
        schema.NUMERIC_FEATURES,
        schema.CATEGORICAL_FEATURES,
        scores=model.predict_proba(encode_frame(held_out))[:, 1],
        labels=data[schema.LABEL].to_numpy(),
    )
    return model, baseline


def _window(model: Any, seed: int, drift: DriftSpec) -> pd.DataFrame:
    """About 3000 scored transactions from an independent card population."""
    current = generate(n_cards=1500, days=2, seed=seed, drift=drift).transactions_with_features
    return current.assign(**{schema.SCORE: model.predict_proba(encode_frame(current))[:, 1]})


def test_false_positive_rate_on_no_drift_data_is_at_most_5_percent(reference: Any) -> None:
    model, baseline = reference
    flagged = [
        detect_drift(baseline, _window(model, s, DriftSpec()), label_column=schema.LABEL).drifted
        for s in FPR_SEEDS
    ]
    assert np.mean(flagged) <= 0.05, f"{sum(flagged)} of {len(flagged)} no-drift windows flagged"


@pytest.mark.parametrize(
    ("drift", "expected_tests"),
    [
        (DriftSpec(covariate_shift=STATED_COVARIATE_SHIFT), {"amount", "distance_from_home_km"}),
        (DriftSpec(prior_shift=STATED_PRIOR_SHIFT), {"label_rate"}),
        (DriftSpec(concept_drift=STATED_CONCEPT_DRIFT), {"calibration"}),
    ],
    ids=["covariate", "prior", "concept"],
)
def test_power_for_the_stated_shifts_is_at_least_95_percent(
    reference: Any, drift: DriftSpec, expected_tests: set[str]
) -> None:
    model, baseline = reference
    hits = 0
    for s in POWER_SEEDS:
        report = detect_drift(baseline, _window(model, s, drift), label_column=schema.LABEL)
        hits += report.drifted and expected_tests <= set(report.drifted_names)
    assert hits / len(POWER_SEEDS) >= 0.95, f"detected in {hits} of {len(POWER_SEEDS)}"


def test_huge_samples_do_not_flag_trivial_shifts(reference: Any) -> None:
    # A 0.02-sigma shift is "significant" with 200k rows but below the PSI floor.
    _, baseline = reference
    rng = np.random.default_rng(0)
    ref = baseline["numeric"]["amount"]
    values = np.exp(np.log(np.array(ref["sample"])).mean() + rng.normal(0, 1, 200_000))
    tiny = pd.DataFrame({"amount": values})
    only_amount = {**baseline, "numeric": {"amount": ref}, "categorical": {}}
    report = detect_drift(only_amount, tiny)
    assert not report.drifted


def test_benjamini_hochberg_and_psi() -> None:
    adjusted = benjamini_hochberg([0.01, 0.04, 0.03, 0.5])
    # sorted p: .01 .03 .04 .5 -> raw .04 .06 .0533 .5 -> step-up minimum
    np.testing.assert_allclose(adjusted, [0.04, 0.16 / 3, 0.16 / 3, 0.5], rtol=1e-9)
    assert psi([0.5, 0.5], [0.5, 0.5]) == pytest.approx(0.0)
    assert psi([0.5, 0.5], [0.9, 0.1]) > 0.5


def test_reports_are_written(reference: Any, tmp_path: Path) -> None:
    model, baseline = reference
    report = detect_drift(
        baseline, _window(model, 7, DriftSpec(covariate_shift=1.0)), label_column=schema.LABEL
    )
    doc = json.loads(write_json(report, tmp_path / "d.json").read_text())
    assert doc["drifted"]
    assert "amount" in doc["drifted_tests"]
    page = write_html(report, tmp_path / "d.html").read_text()
    assert "DRIFT DETECTED" in page
    assert page.count("<img") >= len(schema.MODEL_FEATURES)
    prom = write_prometheus(report, tmp_path / "d.prom").read_text()
    assert "smp_drift_overall 1.0" in prom
    assert 'smp_drift_detected{test="amount"} 1.0' in prom


def test_drift_cli_exits_1_on_drift_and_2_on_bad_input(reference: Any, tmp_path: Path) -> None:
    from workloads.monitoring.__main__ import main
    from workloads.monitoring.baseline import write_baseline
    from workloads.serving.prediction_log import PredictionLog

    model, baseline = reference
    write_baseline(baseline, tmp_path / "baseline.json")
    log = PredictionLog(str(tmp_path / "log"))
    window = _window(model, 9, DriftSpec(covariate_shift=1.0))
    records = window[[*schema.MODEL_FEATURES, schema.SCORE]].assign(
        prediction_id=[f"p{i}" for i in range(len(window))], variant="champion"
    )
    log.append_many("predictions", records.to_dict("records"))
    log.close()
    args = ["drift", "--log-uri", str(tmp_path / "log"), "--out", str(tmp_path / "out")]
    assert main([*args, "--baseline", str(tmp_path / "baseline.json")]) == 1
    assert (tmp_path / "out" / "drift.html").exists()
    assert main([*args, "--baseline", str(tmp_path / "missing.json")]) == 2


def _ab_log(
    seed: int, challenger_noise: float, n: int = 10_000
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Predictions whose quality is known: scores are the true probability plus logit noise."""
    rng = np.random.default_rng(seed)
    logit_p = rng.normal(-2.5, 1.2, n)
    labels = rng.random(n) < 1 / (1 + np.exp(-logit_p))
    variant = np.where(rng.random(n) < 0.5, "challenger", "champion")
    noise = np.where(variant == "challenger", challenger_noise, 1.2)
    scores = 1 / (1 + np.exp(-(logit_p + rng.normal(0, 1, n) * noise)))
    ids = [f"p{i}" for i in range(n)]
    predictions = pd.DataFrame(
        {
            "prediction_id": ids,
            "variant": variant,
            "model_version": np.where(variant == "champion", "1", "2"),
            schema.SCORE: scores,
        }
    )
    outcomes = pd.DataFrame({"prediction_id": ids, "label": labels.astype(int), "ts": 0.0})
    return predictions, outcomes


@pytest.mark.parametrize(
    ("challenger_noise", "expected"),
    [(0.1, PROMOTE), (1.2, KEEP), (2.4, ROLL_BACK)],
    ids=["better", "same", "worse"],
)
def test_ab_verdicts_on_known_effects(challenger_noise: float, expected: str) -> None:
    verdicts = [
        analyse(join_outcomes(*_ab_log(s, challenger_noise))).recommendation for s in range(10)
    ]
    # "same": at alpha=0.05 at most one false call in 10 seeds is allowed.
    assert verdicts.count(expected) >= (9 if expected == KEEP else 10), verdicts


def test_ab_needs_enough_outcomes() -> None:
    predictions, outcomes = _ab_log(0, 0.2, n=100)
    result = analyse(join_outcomes(predictions, outcomes))
    assert result.recommendation == KEEP
    assert "too few" in result.reason
