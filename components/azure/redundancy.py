"""Which redundancy a data service may use, decided by the jurisdiction catalogue.

Geo-redundant storage and geo-redundant backups keep a copy in the Azure paired
region. That is allowed only when the catalogue says the pair lies inside the
jurisdiction (UAE North <-> UAE Central); the validated config answers it
(`PlatformConfig.paired_region`) rather than the code assuming it.

Zonal placement and zone redundancy (zoned node pools, ZRS, zone-redundant ACR and
PostgreSQL HA) exist only in a region with availability zones; the validated config
holds 0 zones for a region the catalogue lists without them (UAE Central).
"""

from __future__ import annotations

from platform_spec import PlatformConfig


def paired_region(platform: PlatformConfig) -> str | None:
    """The paired region where geo copies may live, or None when they may not."""
    return platform.paired_region


def zones(platform: PlatformConfig) -> list[str]:
    """The zones to place zonal resources in ("1".."n"); empty in a region without zones."""
    count = platform.network.availability_zones
    return [str(z) for z in range(1, count + 1)] if count > 1 else []


def zone_redundant(platform: PlatformConfig) -> bool:
    """True when services may spread replicas over zones (ZRS, zone-redundant ACR/HA)."""
    return bool(zones(platform))


def storage_sku(platform: PlatformConfig) -> str:
    """GRS when the pair is in the jurisdiction, else zone-redundant (or local) only."""
    if paired_region(platform) is not None:
        return "Standard_GRS"
    return "Standard_ZRS" if zone_redundant(platform) else "Standard_LRS"


def database_high_availability(platform: PlatformConfig) -> str:
    """PostgreSQL HA mode: standby in another zone where there are zones, else the same one."""
    if not platform.registry.database.high_availability:
        return "Disabled"
    return "ZoneRedundant" if zone_redundant(platform) else "SameZone"


def geo_redundant_backup(platform: PlatformConfig) -> bool:
    """True when database backups may be copied to the paired region."""
    return paired_region(platform) is not None
