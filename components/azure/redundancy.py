"""Which redundancy a data service may use, decided by the jurisdiction catalogue.

Geo-redundant storage and geo-redundant backups keep a copy in the Azure paired
region. That is allowed only when the catalogue says the pair lies inside the
jurisdiction (UAE North <-> UAE Central); the code asks the catalogue every time
rather than assuming it.
"""

from __future__ import annotations

from policies.jurisdictions import get_jurisdiction
from stacks.config import PlatformConfig


def paired_region(platform: PlatformConfig) -> str | None:
    """The paired region where geo copies may live, or None when they may not."""
    return get_jurisdiction(platform.jurisdiction).paired_region_in_jurisdiction(platform.region)


def storage_sku(platform: PlatformConfig) -> str:
    """GRS when the pair is in the jurisdiction, else zone-redundant (or local) only."""
    if paired_region(platform) is not None:
        return "Standard_GRS"
    return "Standard_ZRS" if platform.network.availability_zones > 1 else "Standard_LRS"


def geo_redundant_backup(platform: PlatformConfig) -> bool:
    """True when database backups may be copied to the paired region."""
    return paired_region(platform) is not None
