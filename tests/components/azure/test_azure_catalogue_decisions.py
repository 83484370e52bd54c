"""Geo-redundancy follows the jurisdiction catalogue, and secrets come from config when set.

One variant plan: the catalogue is patched so UAE's Azure pair lies outside the
jurisdiction, and the stack brings `registryDbPassword`. Nothing geo-redundant
may then appear, and no password may be generated.
"""

from __future__ import annotations

import dataclasses

import pytest

from components.azure.redundancy import geo_redundant_backup, paired_region, storage_sku
from platform_spec import PlatformConfig, StackSettings
from policies.jurisdictions import JURISDICTIONS
from smp.offline import Plan, plan_program
from stacks.stack_files import load_stack_file
from tests.components.azure.plan_queries import database_passwords, one

VARIANT_STACK = "azure-pair-outside"


@pytest.fixture
def pair_outside(monkeypatch: pytest.MonkeyPatch) -> None:
    uae = JURISDICTIONS["uae"]
    monkeypatch.setitem(
        JURISDICTIONS,
        "uae",
        dataclasses.replace(
            uae, azure_pairs={"uaenorth": "qatarcentral", "uaecentral": "qatarcentral"}
        ),
    )


def _platform(stack: str, **overrides: object) -> PlatformConfig:
    raw = load_stack_file(stack).platform.to_stack_value()
    return PlatformConfig.model_validate({**raw, **overrides})


def test_shipped_uae_pair_allows_geo_copies():
    prod = _platform("azure-uaenorth-prod")
    assert paired_region(prod) == "uaecentral"
    assert storage_sku(prod) == "Standard_GRS"
    assert geo_redundant_backup(prod) is True


@pytest.mark.usefixtures("pair_outside")
def test_a_pair_outside_the_jurisdiction_means_local_copies_only():
    prod = _platform("azure-uaenorth-prod")
    assert paired_region(prod) is None
    assert storage_sku(prod) == "Standard_ZRS"
    assert geo_redundant_backup(prod) is False
    single_zone = _platform(
        "azure-uaenorth-prod", network={"cidr": "10.50.0.0/16", "availabilityZones": 2}
    )
    assert storage_sku(single_zone) == "Standard_ZRS"


@pytest.fixture(scope="module")
def variant_plan() -> Plan:
    # The patch ends before any other test runs, so cached plans never see it.
    with pytest.MonkeyPatch.context() as patch:
        uae = JURISDICTIONS["uae"]
        patch.setitem(
            JURISDICTIONS,
            "uae",
            dataclasses.replace(
                uae, azure_pairs={"uaenorth": "qatarcentral", "uaecentral": "qatarcentral"}
            ),
        )
        base = load_stack_file("azure-uaenorth-prod")
        settings = StackSettings(
            stack=VARIANT_STACK,
            platform=base.platform,
            secrets_set=frozenset({"registryDbPassword"}),
        )

        def program() -> None:
            from stacks.platform import SovereignPlatform

            SovereignPlatform(settings)

        return plan_program(
            program,
            stack=VARIANT_STACK,
            config={"sovereign-ml-platform:registryDbPassword": "from-config"},
            secret_keys=["sovereign-ml-platform:registryDbPassword"],
            default_region=base.platform.region,
        )


def test_variant_has_no_geo_redundant_storage_or_backup(variant_plan):
    for account in variant_plan.of_type("azure-native:storage:StorageAccount"):
        assert account.inputs["sku"]["name"] in ("Standard_LRS", "Standard_ZRS")
    server = one(variant_plan, "azure-native:dbforpostgresql:Server").inputs
    assert server["backup"]["geoRedundantBackup"] == "Disabled"
    assert "geoBackupKeyURI" not in server["dataEncryption"]
    assert variant_plan.of_type("smp:azure:GeoBackupKey") == []
    providers = variant_plan.of_type("pulumi:providers:azure-native")
    assert [p.inputs["location"] for p in providers] == ["uaenorth"]


@pytest.mark.parametrize("stack", ["azure-uaenorth-prod", "azure-uaecentral-dr"])
def test_shipped_stacks_use_geo_copies_kept_in_the_pair(plan_of, stack):
    plan = plan_of(stack)
    region = load_stack_file(stack).platform.region
    pair = JURISDICTIONS["uae"].azure_pairs[region]
    for account in plan.of_type("azure-native:storage:StorageAccount"):
        assert account.inputs["sku"]["name"] == "Standard_GRS"
    server = one(plan, "azure-native:dbforpostgresql:Server").inputs
    assert server["backup"]["geoRedundantBackup"] == "Enabled"
    geo_vault = next(
        v for v in plan.of_type("azure-native:keyvault:Vault") if v.inputs["location"] == pair
    )
    assert (
        f"https://{geo_vault.inputs['vaultName']}.vault.azure.net/keys/"
        in (server["dataEncryption"]["geoBackupKeyURI"])
    )
    locations = sorted(p.inputs["location"] for p in plan.of_type("pulumi:providers:azure-native"))
    assert locations == sorted([region, pair])


def test_variant_takes_the_password_from_the_stack_secret(variant_plan):
    assert database_passwords(variant_plan) == []
    server = one(variant_plan, "azure-native:dbforpostgresql:Server")
    assert server.inputs["administratorLoginPassword"] == "from-config"
    assert "administratorLoginPassword" in server.secret_paths


def test_shipped_stacks_generate_the_password_as_a_secret(plan_of):
    plan = plan_of("azure-uaecentral-dr")
    assert len(database_passwords(plan)) == 1
    server = one(plan, "azure-native:dbforpostgresql:Server")
    assert "administratorLoginPassword" in server.secret_paths
