"""Sector profiles: what a stack's declared sector adds to the pack, in one table.

A stack declares `platform.sector` (`general` by default, or `government`, `banking`,
`health`). Three layers read this table, as they read the jurisdiction catalogue:
the stack config model refuses a config the sector forbids at load time
(`platform_spec.checks.check_sector_requirements`), every taggable resource carries
the sector as its `sector` tag (so `pulumi preview --policy-pack policies`, `smp
check` and the live audit all see it on the resources themselves, with no pack
config to forget), and the sector rules (TAG-003, TAG-004, LOG-013, ENC-018,
RES-019) judge the plan against it.

Each tightening names the catalogue requirements it serves (`"<catalogue>:<id>"`,
only ids of `policies/uae_catalogues.py`): the CBUAE outsourcing regulation's
Article 6 for banks, Article 13 of the federal health-data law for health, the UAE
IA Regulation (which applies to government entities) for government. The one-year
log retention is this pack's baseline for regulated sectors, not a period any of
those catalogues sets (none of their entries names one).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Sector = Literal["general", "government", "banking", "health"]
SECTORS: tuple[Sector, ...] = ("general", "government", "banking", "health")
DEFAULT_SECTOR: Sector = "general"
# The tag every taggable resource carries, computed from `platform.sector`.
SECTOR_TAG = "sector"
# One year: the retention floor of every regulated sector (the general floor is LOG-003's).
REGULATED_MIN_LOG_RETENTION_DAYS = 365


@dataclass(frozen=True)
class SectorProfile:
    """What one sector requires beyond the general pack, and why."""

    id: Sector
    title: str
    # The classification every resource must carry (TAG-004); None: any.
    required_classification: str | None
    # The shortest log retention accepted (LOG-013); None: LOG-003's floor only.
    min_log_retention_days: int | None
    # Whether an exception may waive a residency rule (RES-019).
    residency_exceptions_allowed: bool
    # Whether keys must live in an HSM-backed tier (ENC-018).
    hsm_keys_required: bool
    # The catalogue requirements the sector's tightenings serve.
    requirements: tuple[str, ...]

    @property
    def regulated(self) -> bool:
        """Whether the sector tightens anything."""
        return self.id != "general"


_BANKING_REFS = ("cbuae-outsourcing:6.1", "cbuae-outsourcing:6.3")
_HEALTH_REFS = ("uae-health-ict:Art. 13",)
_GOVERNMENT_REFS = ("uae-ia:T6.3.1", "uae-ia:T7.4.2")

PROFILES: dict[Sector, SectorProfile] = {
    "general": SectorProfile("general", "General", None, None, True, False, ()),
    "government": SectorProfile(
        "government",
        "UAE government entity (UAE IA Regulation)",
        "restricted",
        REGULATED_MIN_LOG_RETENTION_DAYS,
        False,
        True,
        _GOVERNMENT_REFS,
    ),
    "banking": SectorProfile(
        "banking",
        "Bank licensed by the Central Bank of the UAE (Outsourcing Regulation, Article 6)",
        "restricted",
        REGULATED_MIN_LOG_RETENTION_DAYS,
        False,
        True,
        _BANKING_REFS,
    ),
    "health": SectorProfile(
        "health",
        "Health-sector entity (Federal Law No. 2 of 2019, Article 13)",
        "restricted",
        REGULATED_MIN_LOG_RETENTION_DAYS,
        False,
        True,
        _HEALTH_REFS,
    ),
}

# The strictest first: when resources disagree, the rules judge by the strictest.
_STRICTNESS: tuple[Sector, ...] = ("banking", "health", "government", "general")


def profile(sector: str) -> SectorProfile:
    """The profile of a sector id (raises KeyError naming the known ones)."""
    if sector not in PROFILES:
        raise KeyError(f"unknown sector {sector!r}; known: {', '.join(SECTORS)}")
    return PROFILES[sector]


def strictest(sectors: Iterable[str]) -> SectorProfile:
    """The profile the rules judge a stack by: the strictest known sector its resources name.

    Resources that disagree (TAG-003 reports them) never loosen the rules: a stack
    with one `banking` resource is judged as banking throughout. No sector named at
    all is `general`, and TAG-003 reports every taggable resource without one.
    """
    named = {s for s in sectors if s in PROFILES}
    for sector in _STRICTNESS:
        if sector in named:
            return PROFILES[sector]
    return PROFILES[DEFAULT_SECTOR]
