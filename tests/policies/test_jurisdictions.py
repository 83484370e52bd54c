"""The jurisdiction catalogue is the one table of allowed locations."""

from __future__ import annotations

import pytest

from policies.jurisdictions import (
    CLOUDS,
    CROSS_BORDER_BY_TOKEN,
    GLOBAL_SERVICE_TYPES,
    JURISDICTIONS,
    DataFlow,
    UnknownJurisdictionError,
    get_jurisdiction,
    normalize_location,
)


def test_uae_allows_exactly_the_agreed_regions() -> None:
    uae = get_jurisdiction("uae")
    assert uae.allowed_regions("aws") == ("me-central-1",)
    assert uae.allowed_regions("azure") == ("uaenorth", "uaecentral")
    assert uae.allowed_regions("gcp") == ()


@pytest.mark.parametrize("region", ["me-south-1", "eu-west-1", "il-central-1", ""])
def test_uae_refuses_aws_regions_outside(region: str) -> None:
    assert not get_jurisdiction("uae").allows("aws", region)


def test_azure_display_names_are_normalised() -> None:
    uae = get_jurisdiction("uae")
    assert normalize_location("UAE North") == "uaenorth"
    assert uae.allows("azure", "UAE Central")
    assert not uae.allows("azure", "Qatar Central")


def test_bahrain_is_named_in_the_refusal() -> None:
    message = get_jurisdiction("uae").explain_region("aws", "me-south-1")
    assert "Bahrain" in message
    assert "allowed: me-central-1" in message


def test_paired_region_is_only_returned_when_both_halves_are_inside() -> None:
    uae = get_jurisdiction("uae")
    assert uae.paired_region_in_jurisdiction("uaenorth") == "uaecentral"
    assert uae.paired_region_in_jurisdiction("UAE Central") == "uaenorth"
    assert uae.paired_region_in_jurisdiction("westeurope") is None


def test_zone_counts_per_region() -> None:
    uae = get_jurisdiction("uae")
    assert uae.zones == {"me-central-1": 3, "uaenorth": 3, "uaecentral": 0}
    assert uae.zones_in("UAE Central") == 0
    assert uae.zones_in("UAE North") == 3
    assert uae.zones_in("westeurope") is None


@pytest.mark.parametrize("jurisdiction", sorted(JURISDICTIONS))
def test_every_allowed_region_has_a_zone_count(jurisdiction: str) -> None:
    j = get_jurisdiction(jurisdiction)
    for cloud in CLOUDS:
        for region in j.allowed_regions(cloud):
            zones = j.zones_in(region)
            assert zones is not None, region
            # 0 (no zones) or enough to spread over; a lone zone is not a thing we plan for.
            assert zones == 0 or zones >= 2, region


def test_unknown_jurisdiction_lists_the_known_ones() -> None:
    with pytest.raises(UnknownJurisdictionError, match="known: uae"):
        get_jurisdiction("eu")


def test_cross_border_types_cover_each_kind_of_flow() -> None:
    flows = {t.flow for t in CROSS_BORDER_BY_TOKEN.values()}
    assert flows == set(DataFlow)
    assert "aws:cloudfront/distribution:Distribution" in GLOBAL_SERVICE_TYPES
    assert (
        CROSS_BORDER_BY_TOKEN["aws:s3/bucketReplicationConfig:BucketReplicationConfig"].flow
        is DataFlow.REPLICATION
    )
    assert CROSS_BORDER_BY_TOKEN["azure-native:monitor:DiagnosticSetting"].flow is DataFlow.LOG_SINK
