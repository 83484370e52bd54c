"""The jurisdiction catalogue is the one table of allowed locations."""

from __future__ import annotations

import pytest

from policies.jurisdictions import (
    CROSS_BORDER_BY_TOKEN,
    GLOBAL_SERVICE_TYPES,
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


def test_unknown_jurisdiction_lists_the_known_ones() -> None:
    with pytest.raises(UnknownJurisdictionError, match="known: uae"):
        get_jurisdiction("eu")


def test_cross_border_types_cover_each_kind_of_flow() -> None:
    flows = {t.flow for t in CROSS_BORDER_BY_TOKEN.values()}
    assert flows == set(DataFlow)
    assert "aws:cloudfront/distribution:Distribution" in GLOBAL_SERVICE_TYPES
    assert CROSS_BORDER_BY_TOKEN["aws:s3/bucketReplicationConfig:BucketReplicationConfig"].flow \
        is DataFlow.REPLICATION
    assert CROSS_BORDER_BY_TOKEN["azure-native:monitor:DiagnosticSetting"].flow \
        is DataFlow.LOG_SINK
