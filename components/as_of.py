"""The date a plan is made as of: today (UTC), or `SMP_AS_OF` (YYYY-MM-DD).

Plans depend on the date (secret rotation windows, expiry of admission exceptions);
`SMP_AS_OF` pins it, so a plan can be reproduced (the golden plans are made as of a
fixed date) or previewed as it will be on a later day.
"""

from __future__ import annotations

import datetime as dt
import os

AS_OF_ENV = "SMP_AS_OF"


def today() -> dt.date:
    """Today (UTC), or the date `SMP_AS_OF` pins."""
    pinned = os.environ.get(AS_OF_ENV)
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            raise ValueError(f"{AS_OF_ENV}={pinned!r} is not a date (YYYY-MM-DD)") from None
    return dt.datetime.now(dt.UTC).date()
