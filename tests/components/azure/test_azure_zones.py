"""Availability zones: requested only where the region has them.

UAE Central (the DR region) has no availability zones, UAE North has three (the
catalogue's `zones`). A zoned node pool, zone-redundant ACR, ZRS storage or
zone-redundant PostgreSQL HA in UAE Central would fail at deploy time.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import pytest

from components.azure.node_pool import agent_pool_settings
from components.azure.redundancy import (
    database_high_availability,
    storage_sku,
    zone_redundant,
    zones,
)
from platform_spec import NodePool, PlatformConfig
from policies.jurisdictions import JURISDICTIONS
from stacks.stack_files import load_stack_file
from tests.components.azure.plan_queries import azure_resources, one

# Input paths that name private DNS zones (privatelink.*), not availability zones.
_DNS = re.compile(r"dns|privatezone", re.I)
_ZONAL_VALUE = re.compile(r"ZRS|ZoneRedundant|SameZone")


def _leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _leaves(child, f"{path}.{key}")
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _leaves(child, f"{path}[{i}]")
    else:
        yield path, value


def _zone_settings(plan) -> dict[tuple[str, str], Any]:
    """(resource name, input path) -> value of every zone-related input of the Azure layer."""
    found = {}
    for resource in azure_resources(plan):
        for path, value in _leaves(resource.inputs):
            zone_key = re.search("zone", path, re.I) and not _DNS.search(path)
            if zone_key or (isinstance(value, str) and _ZONAL_VALUE.search(value)):
                found[(resource.name, path)] = value
    return found


def _platform(stack: str, **changes: Any) -> PlatformConfig:
    raw = load_stack_file(stack).platform.to_stack_value()
    for path, value in changes.items():
        node = raw
        *parents, last = path.split("__")
        for part in parents:
            node = node[part]
        node[last] = value
    return PlatformConfig.model_validate(raw)


def test_the_dr_stack_asks_for_no_zones_anywhere(plan_of):
    plan = plan_of("azure-uaecentral-dr")
    assert load_stack_file("azure-uaecentral-dr").platform.network.availability_zones == 0
    settings = _zone_settings(plan)
    # What remains is "off": ACR zone redundancy disabled, the server's zone unset.
    assert {value for value in settings.values()} <= {"Disabled", ""}, settings
    assert (
        one(plan, "azure-native:containerregistry:Registry").inputs["zoneRedundancy"] == "Disabled"
    )
    for pool in plan.of_type("azure-native:containerservice:AgentPool"):
        assert "availabilityZones" not in pool.inputs, pool.name
    cluster = one(plan, "azure-native:containerservice:ManagedCluster").inputs
    assert all("availabilityZones" not in p for p in cluster["agentPoolProfiles"])
    for account in plan.of_type("azure-native:storage:StorageAccount"):
        assert not account.inputs["sku"]["name"].endswith("ZRS"), account.name


def test_uae_north_spreads_over_its_three_zones(plan_of):
    plan = plan_of("azure-uaenorth-prod")
    pools = [p.inputs for p in plan.of_type("azure-native:containerservice:AgentPool")]
    cluster = one(plan, "azure-native:containerservice:ManagedCluster").inputs
    pools += cluster["agentPoolProfiles"]
    assert len(pools) >= 3
    assert all(p["availabilityZones"] == ["1", "2", "3"] for p in pools)
    assert (
        one(plan, "azure-native:containerregistry:Registry").inputs["zoneRedundancy"] == "Enabled"
    )
    server = one(plan, "azure-native:dbforpostgresql:Server").inputs
    assert server["highAvailability"]["mode"] == "ZoneRedundant"


def test_ha_in_a_region_without_zones_keeps_the_standby_in_the_same_zone():
    dr_ha = _platform("azure-uaecentral-dr", registry__database__highAvailability=True)
    assert database_high_availability(dr_ha) == "SameZone"
    assert database_high_availability(load_stack_file("azure-uaecentral-dr").platform) == "Disabled"
    assert (
        database_high_availability(load_stack_file("azure-uaenorth-prod").platform)
        == "ZoneRedundant"
    )


def test_zone_helpers_follow_the_config():
    dr = load_stack_file("azure-uaecentral-dr").platform
    north = load_stack_file("azure-uaenorth-prod").platform
    assert (zones(dr), zone_redundant(dr)) == ([], False)
    assert (zones(north), zone_redundant(north)) == (["1", "2", "3"], True)


def test_without_zones_or_an_in_country_pair_storage_is_locally_redundant(monkeypatch):
    uae = JURISDICTIONS["uae"]
    monkeypatch.setitem(
        JURISDICTIONS,
        "uae",
        dataclasses.replace(
            uae, azure_pairs={"uaenorth": "qatarcentral", "uaecentral": "qatarcentral"}
        ),
    )
    assert storage_sku(load_stack_file("azure-uaecentral-dr").platform) == "Standard_LRS"
    assert storage_sku(load_stack_file("azure-uaenorth-prod").platform) == "Standard_ZRS"


@pytest.mark.parametrize(("count", "expected"), [(0, None), (2, ["1", "2"]), (3, ["1", "2", "3"])])
def test_a_pool_lists_zones_only_when_the_region_has_them(count, expected):
    pool = NodePool.model_validate(
        {"kind": "cpu", "instanceTypes": ["Standard_D8s_v5"], "minSize": 1, "maxSize": 3}
    )
    settings = agent_pool_settings(
        "cpu", pool, kubernetes_version="1.33", zones=count, subnet_id="subnet", tags={}
    )
    assert settings.get("availability_zones") == expected
