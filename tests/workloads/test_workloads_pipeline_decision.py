"""The retraining run's decision after its A/B phase, and what counts as live harm."""

from __future__ import annotations

import pytest

from workloads.pipeline.decision import (
    ENOUGH,
    FAILED,
    HARM,
    KEEP,
    NOT_RUN,
    PROMOTE,
    ROLL_BACK,
    TIMED_OUT,
    decide,
    harm,
)


@pytest.mark.parametrize(
    ("wait", "analysis", "action"),
    [
        ({"outcome": ENOUGH}, {"recommendation": "promote", "reason": "better"}, PROMOTE),
        ({"outcome": ENOUGH}, {"recommendation": "roll back", "reason": "worse"}, ROLL_BACK),
        ({"outcome": TIMED_OUT}, {"recommendation": "keep", "reason": "too few"}, KEEP),
        # Harm rolls back whatever an analysis would have said.
        ({"outcome": HARM, "reason": "p99"}, {"recommendation": "promote"}, ROLL_BACK),
        (FAILED, None, ROLL_BACK),
        (NOT_RUN, None, KEEP),
    ],
)
def test_decide(wait: object, analysis: object, action: str) -> None:
    assert decide(wait, analysis).action == action  # type: ignore[arg-type]


def test_decide_refuses_what_it_cannot_judge() -> None:
    with pytest.raises(ValueError, match="unknown A/B wait outcome"):
        decide({"outcome": "maybe"}, None)
    with pytest.raises(ValueError, match="no analysis"):
        decide({"outcome": ENOUGH}, None)
    with pytest.raises(ValueError, match="unknown A/B recommendation"):
        decide({"outcome": ENOUGH}, {"recommendation": "ship it"})


def test_harm() -> None:
    assert harm(0.05, 0.1, 0.02, 0.3) == "server-error ratio 0.0500 above the SLO 0.02"
    assert harm(0.0, 0.45, 0.02, 0.3) == "p99 latency 450 ms above the SLO 300 ms"
    assert harm(0.01, 0.2, 0.02, 0.3) is None
    assert harm(None, None, 0.02, 0.3) is None
