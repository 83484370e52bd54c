"""What an auditor reads about each rule: ids, controls, severity, enforcement, names."""

from __future__ import annotations

import re

import pytest
from pulumi_policy import (
    EnforcementLevel,
    ResourceValidationPolicy,
    Severity,
    StackValidationPolicy,
)

from policies.catalogue import all_rules
from policies.framework import FAMILIES, RuleMeta, resource_rule
from policies.framework import Rule as RuleT
from tests.policies.builders import DEAD_TOKENS, sdk_has_token

RULES = all_rules()

# Rule ids are three upper-case characters and three digits. The brief's pattern was
# ^[A-Z]{3}-\d{3}$; the pack's Kubernetes family is "K8S", so the second and third
# characters may be digits. The prefix is pinned to the family below.
ID_PATTERN = re.compile(r"^[A-Z][A-Z0-9]{2}-\d{3}$")
PREFIX_OF_FAMILY = {
    "residency": "RES",
    "encryption": "ENC",
    "network": "NET",
    "identity": "IAM",
    "logging": "LOG",
    "kubernetes": "K8S",
    "tagging": "TAG",
}
# ISO/IEC 27001:2022 Annex A: A.5.1-A.5.37, A.6.1-A.6.8, A.7.1-A.7.14, A.8.1-A.8.34.
ANNEX_A_SIZE = {5: 37, 6: 8, 7: 14, 8: 34}
ISO_PATTERN = re.compile(r"^A\.([5-8])\.(\d{1,2})$")
# NIST SP 800-53 r5 control families.
NIST_FAMILIES = {
    "AC",
    "AT",
    "AU",
    "CA",
    "CM",
    "CP",
    "IA",
    "IR",
    "MA",
    "MP",
    "PE",
    "PL",
    "PM",
    "PS",
    "PT",
    "RA",
    "SA",
    "SC",
    "SI",
    "SR",
}
NIST_PATTERN = re.compile(r"^([A-Z]{2})-(\d{1,2})(\((\d{1,2})\))?$")


def test_the_pack_has_at_least_thirty_rules() -> None:
    assert len(RULES) >= 30


def test_the_pack_covers_every_family() -> None:
    assert {r.meta.family for r in RULES} == set(FAMILIES)


def test_rule_ids_and_policy_names_are_unique() -> None:
    ids = [r.meta.id for r in RULES]
    names = [r.policy.name for r in RULES]
    assert len(set(ids)) == len(ids)
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.meta.id)
def test_rule_metadata(r: RuleT) -> None:
    m = r.meta
    assert ID_PATTERN.match(m.id), m.id
    assert m.id.startswith(PREFIX_OF_FAMILY[m.family] + "-")
    assert m.title.strip()
    assert len(m.description.strip()) >= 20
    assert isinstance(m.severity, Severity)
    assert len(m.remediation.strip()) >= 10
    if m.advisory_reason is None:
        assert m.enforcement is EnforcementLevel.MANDATORY


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.meta.id)
def test_rule_maps_to_iso27001_annex_a(r: RuleT) -> None:
    assert r.meta.iso27001, "no ISO 27001:2022 Annex A control"
    for control in r.meta.iso27001:
        match = ISO_PATTERN.match(control)
        assert match, control
        theme, number = int(match.group(1)), int(match.group(2))
        assert 1 <= number <= ANNEX_A_SIZE[theme], f"{control} is not an Annex A control"


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.meta.id)
def test_rule_maps_to_nist_800_53(r: RuleT) -> None:
    assert r.meta.nist80053, "no NIST 800-53 r5 control"
    for control in r.meta.nist80053:
        match = NIST_PATTERN.match(control)
        assert match, control
        assert match.group(1) in NIST_FAMILIES, control


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.meta.id)
def test_the_policy_object_carries_the_metadata(r: RuleT) -> None:
    """What `pulumi preview --policy-pack` shows comes from the same metadata."""
    p = r.policy
    assert p.name == r.meta.policy_name == f"smp-{r.meta.id.lower()}"
    assert p.enforcement_level is r.meta.enforcement
    assert p.severity is r.meta.severity
    assert p.remediation_steps == r.meta.remediation
    assert r.meta.title in p.description
    tags = set(p.tags or [])
    assert r.meta.family in tags
    assert {f"iso27001:{c}" for c in r.meta.iso27001} <= tags
    assert {f"nist800-53:{c}" for c in r.meta.nist80053} <= tags
    assert p.config_schema is not None
    assert "exceptions" in p.config_schema.properties
    expected = ResourceValidationPolicy if r.kind == "resource" else StackValidationPolicy
    assert isinstance(p, expected)


@pytest.mark.parametrize("r", [r for r in RULES if r.kind == "resource"], ids=lambda r: r.meta.id)
def test_a_resource_rule_names_the_types_it_judges(r: RuleT) -> None:
    assert r.types
    for token in r.types:
        assert token.count(":") >= 1, token


@pytest.mark.parametrize("r", [r for r in RULES if r.kind == "resource"], ids=lambda r: r.meta.id)
def test_the_types_a_rule_names_exist_in_the_pinned_sdks(r: RuleT) -> None:
    """A misspelt or outdated token silently exempts the real resource type."""
    unknown = [
        t
        for t in r.types
        if not t.endswith("*") and sdk_has_token(t) is False and t not in DEAD_TOKENS
    ]
    assert unknown == []


def test_global_edge_services_of_the_pinned_sdks_are_judged() -> None:
    """RES-010 must match the tokens real programs produce for edge services."""
    res_010 = next(r for r in RULES if r.meta.id == "RES-010")
    from policies.framework import _matches_type

    for token in (
        "aws:cloudfront/distribution:Distribution",
        "aws:globalaccelerator/accelerator:Accelerator",
        "azure-native:cdn:Profile",
        "azure-native:cdn:AFDEndpoint",
        "azure-native:frontdoor:FrontDoor",
        "azure-native:trafficmanager:Profile",
    ):
        assert sdk_has_token(token) is True, token
        assert _matches_type(res_010.types, token), token


def _meta(**changes: object) -> RuleMeta:
    base: dict = {
        "id": "TST-990",
        "family": "tagging",
        "title": "t",
        "description": "a rule that is never registered",
        "severity": Severity.LOW,
        "iso27001": ("A.5.9",),
        "nist80053": ("CM-8",),
        "remediation": "none at all",
    }
    return RuleMeta(**{**base, **changes})


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"enforcement": EnforcementLevel.ADVISORY}, "advisory_reason"),
        ({"iso27001": ()}, "ISO 27001"),
        ({"nist80053": ()}, "NIST"),
        ({"family": "misc"}, "unknown family"),
        ({"id": "RES-001"}, "duplicate rule id"),
    ],
    ids=["advisory-without-reason", "no-iso", "no-nist", "bad-family", "duplicate-id"],
)
def test_the_framework_refuses_incomplete_metadata(changes: dict, message: str) -> None:
    before = len(all_rules())
    with pytest.raises(ValueError, match=message):
        resource_rule(_meta(**changes), types=("aws:s3/bucket:Bucket",))
    assert len(all_rules()) == before


def test_the_control_matrix_recognises_every_rule_id() -> None:
    """`smp controls` finds a rule's tests by its id in test node ids; an id its pattern
    cannot match is listed to the auditor as having no tests."""
    from smp.controls import _RULE_ID

    unmatched = [r.meta.id for r in RULES if not _RULE_ID.fullmatch(r.meta.id)]
    assert unmatched == []
