"""What the retraining run does after its A/B phase, as a pure function of what it saw."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

PROMOTE, KEEP, ROLL_BACK = "promote", "keep", "roll back"
# The A/B wait's outcomes (workloads/pipeline/__main__.py `ab-wait`).
ENOUGH, TIMED_OUT, HARM = "enough-outcomes", "time-limit", "harm"
# What decide is told instead when the wait did not run or the workflow failed.
NOT_RUN, FAILED = "not-run", "failed"


@dataclass(frozen=True)
class Decision:
    """The action on the challenger and why."""

    action: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly view."""
        return asdict(self)


def decide(wait: dict[str, Any] | str, analysis: dict[str, Any] | None) -> Decision:
    """Promote, keep or roll back.

    Live harm (the challenger's error ratio or p99 above the SLO) and a failed run roll
    back without a verdict; no challenger (it did not beat the champion offline) keeps the
    champion; otherwise the A/B analysis decides, and without enough outcomes by the time
    limit the champion stays and the challenger leaves traffic (keep, challenger removed).
    """
    outcome = wait if isinstance(wait, str) else str(wait.get("outcome", ""))
    if outcome == FAILED:
        return Decision(ROLL_BACK, "the run failed: the challenger leaves traffic")
    if outcome == NOT_RUN:
        return Decision(KEEP, "no challenger: the new version did not beat the champion")
    if outcome == HARM:
        detail = wait.get("reason", "") if isinstance(wait, dict) else ""
        return Decision(ROLL_BACK, f"live harm during the A/B phase: {detail}".rstrip(": "))
    if outcome not in (ENOUGH, TIMED_OUT):
        raise ValueError(f"unknown A/B wait outcome {outcome!r}")
    if not analysis:
        raise ValueError("the A/B phase ran but there is no analysis to decide on")
    recommendation = str(analysis.get("recommendation", ""))
    reason = str(analysis.get("reason", ""))
    if recommendation == PROMOTE:
        return Decision(PROMOTE, reason)
    if recommendation == ROLL_BACK:
        return Decision(ROLL_BACK, reason)
    if recommendation == KEEP:
        return Decision(KEEP, reason)
    raise ValueError(f"unknown A/B recommendation {recommendation!r}")


def harm(
    error_ratio: float | None, p99_seconds: float | None, max_ratio: float, max_p99: float
) -> str | None:
    """Why the challenger harms live traffic, or None. An unknown value is not harm: the
    wait keeps polling, and the time limit still ends it."""
    if error_ratio is not None and error_ratio > max_ratio:
        return f"server-error ratio {error_ratio:.4f} above the SLO {max_ratio}"
    if p99_seconds is not None and p99_seconds > max_p99:
        return f"p99 latency {p99_seconds * 1000:.0f} ms above the SLO {max_p99 * 1000:.0f} ms"
    return None
