"""The synthetic generator: determinism and each drift kind at its stated magnitude."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pandas as pd
import pytest

from workloads.data import (
    STATED_CONCEPT_DRIFT,
    STATED_COVARIATE_SHIFT,
    STATED_PRIOR_SHIFT,
    DriftSpec,
    generate,
)
from workloads.data.synthetic import LOG_AMOUNT_SIGMA

START = datetime(2025, 1, 1, tzinfo=UTC)


def test_same_seed_same_data_and_different_seed_different_data() -> None:
    a = generate(n_cards=100, days=5, seed=1, start=START)
    b = generate(n_cards=100, days=5, seed=1, start=START)
    c = generate(n_cards=100, days=5, seed=2, start=START)
    pd.testing.assert_frame_equal(a.transactions, b.transactions)
    pd.testing.assert_frame_equal(a.card_features, b.card_features)
    assert not a.transactions["amount"].equals(c.transactions["amount"])


def test_drift_leaves_rows_before_its_start_untouched() -> None:
    plain = generate(n_cards=200, days=6, seed=4, start=START)
    drifted = generate(
        n_cards=200,
        days=6,
        seed=4,
        start=START,
        drift=DriftSpec(covariate_shift=1.0, prior_shift=3.0, start=START + timedelta(days=3)),
    )
    cut = pd.Timestamp(START + timedelta(days=3))
    before_a = plain.transactions[plain.transactions.event_timestamp < cut]
    before_b = drifted.transactions[drifted.transactions.event_timestamp < cut]
    pd.testing.assert_frame_equal(before_a.reset_index(drop=True), before_b.reset_index(drop=True))


def test_covariate_shift_moves_log_amount_by_the_stated_standard_deviations() -> None:
    base = generate(n_cards=800, days=4, seed=5, start=START).transactions
    shifted = generate(
        n_cards=800,
        days=4,
        seed=5,
        start=START,
        drift=DriftSpec(covariate_shift=STATED_COVARIATE_SHIFT),
    ).transactions
    delta = np.log(shifted.amount).mean() - np.log(base.amount).mean()
    assert delta == pytest.approx(STATED_COVARIATE_SHIFT * LOG_AMOUNT_SIGMA, rel=0.05)


def test_prior_shift_multiplies_fraud_odds_and_keeps_class_conditionals() -> None:
    base = generate(n_cards=2000, days=5, seed=6, start=START).transactions
    shifted = generate(
        n_cards=2000, days=5, seed=6, start=START, drift=DriftSpec(prior_shift=STATED_PRIOR_SHIFT)
    ).transactions
    odds = lambda p: p / (1 - p)  # noqa: E731
    ratio = odds(shifted.is_fraud.mean()) / odds(base.is_fraud.mean())
    assert ratio == pytest.approx(STATED_PRIOR_SHIFT, rel=0.2)
    # P(x | fraud) unchanged: the frauds are the very same rows.
    assert base.is_fraud.sum() == pytest.approx(shifted.is_fraud.sum(), rel=0.1)


def test_concept_drift_changes_labels_not_inputs() -> None:
    base = generate(n_cards=2000, days=5, seed=8, start=START).transactions
    drifted = generate(
        n_cards=2000,
        days=5,
        seed=8,
        start=START,
        drift=DriftSpec(concept_drift=STATED_CONCEPT_DRIFT),
    ).transactions
    assert base.channel.value_counts(normalize=True).to_dict() == pytest.approx(
        drifted.channel.value_counts(normalize=True).to_dict(), abs=0.02
    )
    online = lambda t: t[t.channel == "online"].is_fraud.mean()  # noqa: E731
    pos = lambda t: t[t.channel == "pos"].is_fraud.mean()  # noqa: E731
    assert online(drifted) > 2.5 * online(base)
    assert pos(drifted) == pytest.approx(pos(base), rel=0.35)


def test_bad_arguments_are_refused_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match="n_cards"):
        generate(n_cards=0)
    with pytest.raises(ValueError, match="prior_shift"):
        DriftSpec(prior_shift=0)


def test_torch_trainer_explains_a_missing_torch(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from workloads.training.ddp import TorchNotInstalled, build_network

    monkeypatch.setitem(sys.modules, "torch", None)  # makes `import torch` fail
    with pytest.raises(TorchNotInstalled, match="`training` dependency group"):
        build_network(4, 2, seed=0)
