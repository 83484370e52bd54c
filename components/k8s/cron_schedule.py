"""The period of a five-field cron schedule, for alerts on a job that should have run.

A stale-monitor alert must wait one period of the stack's own schedule (plus slack)
before it fires, so the period is computed from the expression itself.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

_FIELDS = ((0, 59), (0, 23), (1, 31), (1, 12), (0, 7))  # minute hour dom month dow
_NAMES = {
    **{
        m: i + 1
        for i, m in enumerate(
            ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
        )
    },
    **{d: i for i, d in enumerate(("sun", "mon", "tue", "wed", "thu", "fri", "sat"))},
}


def _cron_field(text: str, low: int, high: int) -> set[int]:
    values: set[int] = set()
    for part in text.lower().split(","):
        span, _, step_text = part.partition("/")
        step = int(step_text) if step_text else 1
        if span == "*":
            first, last = low, high
        else:
            a, _, b = span.partition("-")
            first = int(_NAMES.get(a, a))
            last = int(_NAMES.get(b, b)) if b else (high if step_text else first)
        if step < 1 or not low <= first <= last <= high:
            raise ValueError(f"cron field {text!r} is outside {low}-{high}")
        values.update(range(first, last + 1, step))
    return values


def schedule_period_seconds(schedule: str) -> int:
    """The longest gap between two runs of a five-field cron schedule, in seconds."""
    fields = schedule.split()
    if len(fields) != 5:
        raise ValueError(f"expected five cron fields, got {schedule!r}")
    minutes, hours, doms, months, dows = (
        _cron_field(f, lo, hi) for f, (lo, hi) in zip(fields, _FIELDS, strict=True)
    )
    dows = {d % 7 for d in dows}
    # Vixie cron: with both day fields restricted, a day matches either of them.
    either = not fields[2].startswith("*") and not fields[4].startswith("*")
    times = sorted(h * 60 + m for h in hours for m in minutes)
    gaps = [b - a for a, b in itertools.pairwise(times)]
    start, previous = date(2024, 1, 1), None
    for offset in range(8 * 366):  # two leap cycles: 29 February schedules too
        day = start + timedelta(days=offset)
        dom, dow = day.day in doms, (day.isoweekday() % 7) in dows
        if day.month in months and ((dom or dow) if either else (dom and dow)):
            if previous is not None:
                gaps.append(offset * 1440 + times[0] - (previous * 1440 + times[-1]))
            previous = offset
    if not gaps:
        raise ValueError(f"cron schedule {schedule!r} never runs twice")
    return max(gaps) * 60


def prom_duration(seconds: int) -> str:
    """A Prometheus duration (`2h`, `90m`, `45s`)."""
    for unit, size in (("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"
