"""Rotation periods for Key Vault secrets: when a secret's value is replaced and when it expires.

Time is cut into fixed windows of `period_days`, counted from the Unix epoch, so
every run of the program inside one window computes the same window (and the
same plan): a generated password keyed on the window start is replaced on the
first `pulumi up` of the next window. The secret expires at the end of the window
after its own, which leaves one whole period for a missed run before it lapses;
Key Vault's `SecretNearExpiry` event fires 30 days before that.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# The date the rotation windows are judged against (SMP_AS_OF pins it).
from components.as_of import today

EPOCH = dt.date(1970, 1, 1)
# Key Vault publishes Microsoft.KeyVault.SecretNearExpiry this long before `exp`.
NEAR_EXPIRY_NOTICE_DAYS = 30


@dataclass(frozen=True)
class RotationWindow:
    """The rotation window a date falls in."""

    period_days: int
    start: dt.date

    @classmethod
    def containing(cls, period_days: int, day: dt.date | None = None) -> RotationWindow:
        """The window of `period_days` that holds `day` (default: today)."""
        if period_days < 1:
            raise ValueError(f"a rotation period must be at least one day, got {period_days}")
        day = today() if day is None else day
        index = (day - EPOCH).days // period_days
        return cls(period_days, EPOCH + dt.timedelta(days=index * period_days))

    @property
    def next_start(self) -> dt.date:
        """When the next rotation is due."""
        return self.start + dt.timedelta(days=self.period_days)

    @property
    def expires(self) -> dt.date:
        """The end of the following window: one period of grace for a missed run."""
        return self.start + dt.timedelta(days=2 * self.period_days)

    @property
    def expires_epoch_seconds(self) -> int:
        """`expires` as Key Vault's `attributes.expires` (seconds since 1970-01-01 UTC)."""
        return (self.expires - EPOCH).days * 86400
