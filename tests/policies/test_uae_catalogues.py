"""The UAE catalogues and the rule mapping: every rule mapped, every cited id real.

The catalogue is transcribed from named sources; these tests hold it to the counts
those sources state (Annex B, Table 6 of the NESA UAE IA Standards: 39 P1, 69 P2,
35 P3, 45 P4 controls; 60 management and 128 technical controls) and hold the mapping
to the catalogue: a cited id that does not exist, or a process-only control cited as
if a rule enforced it, fails here.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

import policies.uae_mapping as uae_mapping
from policies.catalogue import all_rules
from policies.framework import Rule
from policies.uae_catalogues import (
    Scope,
    all_catalogues,
    describe,
    resolve,
    rules_enforcing,
)
from policies.uae_ia_regulation import UAE_IA
from policies.uae_mapping import UaeMapping, cited_refs, mapping_problems

RULES = all_rules()
CATALOGUES = all_catalogues()
IA_ID = re.compile(r"^([MT][1-9])\.[1-9]\.[1-9]$")


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.meta.id)
def test_every_rule_carries_a_uae_ia_control_or_says_why_none_applies(r: Rule) -> None:
    uae = r.meta.uae
    assert uae is not None, f"{r.meta.id} has no UAE mapping: add it to policies/uae_mapping.py"
    assert uae.ia or (uae.ia_none and len(uae.ia_none) >= 20)


def test_no_rule_is_left_unmapped() -> None:
    """One list to read when new rules land: every id the pack has and the mapping lacks."""
    unmapped = sorted(r.meta.id for r in RULES if r.meta.uae is None)
    assert unmapped == [], f"map these rules in policies/uae_mapping.py: {unmapped}"


def test_the_mapping_names_no_rule_the_pack_does_not_have() -> None:
    assert sorted(set(uae_mapping.UAE_MAPPING) - {r.meta.id for r in RULES}) == []


def test_every_cited_id_exists_and_is_one_a_rule_can_enforce() -> None:
    assert mapping_problems() == []


@pytest.mark.parametrize(
    ("ref", "problem"),
    [
        ("uae-ia:T9.9.9", "is not in a UAE catalogue"),  # no such control
        ("uae-pdpl:Art. 99", "is not in a UAE catalogue"),
        ("nesa:T3.6.2", "is not in a UAE catalogue"),  # no such catalogue
        ("uae-ia:M2.2.1", "process-only"),  # risk identification: a process
        ("uae-ia:T2.2.1", "physical-only"),  # physical perimeter
        ("difc-dp:Art. 26", "process-only"),
    ],
)
def test_a_wrong_or_unenforceable_citation_is_reported(
    monkeypatch: pytest.MonkeyPatch, ref: str, problem: str
) -> None:
    key, _, requirement = ref.partition(":")
    bad = (
        UaeMapping(ia=(requirement,)) if key == "uae-ia" else UaeMapping(ia=("T6.3.1",), law=(ref,))
    )
    monkeypatch.setitem(uae_mapping.UAE_MAPPING, "RES-001", bad)
    problems = mapping_problems()
    assert len(problems) == 1
    assert problems[0].startswith(f"RES-001: {ref} ")
    assert problem in problems[0]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "not both"),
        ({"ia": ("T6.3.1",), "ia_none": "a reason long enough to be one"}, "not both"),
        ({"ia_none": "n/a"}, "20 characters"),
    ],
    ids=["neither", "both", "reason-too-short"],
)
def test_a_mapping_needs_controls_or_a_reason(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        UaeMapping(**kwargs)


def test_a_mapping_with_a_reason_and_no_control_is_accepted() -> None:
    mapping = UaeMapping(ia_none="tags a cost centre; no IA control is about billing")
    assert mapping.refs == ()


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.meta.id)
def test_the_policy_object_carries_the_uae_references(r: Rule) -> None:
    """`pulumi preview --policy-pack` sees the same UAE claims as the reports."""
    uae = r.meta.uae
    assert uae is not None
    assert set(uae.refs) <= set(r.policy.tags or [])
    assert all(f"uae-ia:{c}" in (r.policy.tags or []) for c in uae.ia)


def test_the_ia_catalogue_has_the_controls_its_source_counts() -> None:
    ids = [r.id for r in UAE_IA.requirements]
    assert len(ids) == len(set(ids)) == 188
    families = Counter(IA_ID.match(i).group(1)[0] for i in ids)  # type: ignore[union-attr]
    assert families == {"M": 60, "T": 128}
    assert [f.id for f in UAE_IA.families] == [
        *(f"M{i}" for i in range(1, 7)),
        *(f"T{i}" for i in range(1, 10)),
    ]


def test_every_ia_control_is_in_the_family_its_id_names() -> None:
    family_ids = {f.id for f in UAE_IA.families}
    for r in UAE_IA.requirements:
        match = IA_ID.match(r.id)
        assert match, r.id
        assert r.family == match.group(1), r.id
        assert r.family in family_ids, r.id


def test_the_priorities_match_annex_b_table_6() -> None:
    counts = Counter(r.priority for r in UAE_IA.requirements)
    assert (counts["P1"], counts["P3"], counts["P4"]) == (39, 35, 45)
    # 69 P2 controls in Table 6: 58 legible in Table 7 and 11 without a priority there.
    assert counts["P2"] + counts[None] == 69
    assert all("Annex B" in (r.note or "") for r in UAE_IA.requirements if r.priority is None)


def test_management_controls_are_out_of_scope_for_code() -> None:
    """M1-M6 are the ISMS: strategy, risk, training, HR, compliance, improvement."""
    assert {r.scope for r in UAE_IA.requirements if r.id.startswith("M")} == {Scope.PROCESS}


def test_policy_controls_are_out_of_scope_for_code() -> None:
    """A control that asks for a policy document is not something a plan can show."""
    policies = [r for r in UAE_IA.requirements if r.title.endswith(" Policy")]
    assert len(policies) >= 10
    # Process, except the clear desk and clear screen policy (a physical-workplace rule).
    assert {r.scope for r in policies} == {Scope.PROCESS, Scope.PHYSICAL}
    assert [r.id for r in policies if r.scope is Scope.PHYSICAL] == ["T2.3.9"]


@pytest.mark.parametrize("catalogue", CATALOGUES.values(), ids=lambda c: c.key)
def test_every_requirement_names_its_source(catalogue) -> None:
    assert catalogue.sources
    assert catalogue.title
    assert catalogue.edition
    assert catalogue.applies_to
    assert catalogue.sectors
    for source in catalogue.sources:
        assert source.title.strip()
        assert source.where.strip()
        assert source.url is None or source.url.startswith("https://"), source.url
    for r in catalogue.requirements:
        assert r.title.strip(), r.id
        assert r.source.title, r.id
        assert r.source.where, r.id
        if r.scope is not Scope.CODE:
            assert r.out_of_scope_reason, r.id
        else:
            assert r.out_of_scope_reason is None


@pytest.mark.parametrize(
    "catalogue", [c for c in CATALOGUES.values() if c.key != "uae-ia"], ids=lambda c: c.key
)
def test_a_law_requirement_marked_enforceable_is_enforced_by_a_rule(catalogue) -> None:
    """For the laws, `code` scope is a claim that rules enforce it: no claim without a rule."""
    cited = {ref for refs in cited_refs().values() for ref in refs}
    unenforced = [
        r.id
        for r in catalogue.requirements
        if r.scope is Scope.CODE and f"{catalogue.key}:{r.id}" not in cited
    ]
    assert unenforced == []


def test_the_issue_s_catalogues_and_articles_are_all_there() -> None:
    """Security of processing, impact assessment and transfer (PDPL); data in the UAE (CBUAE);
    the DIFC and ADGM transfer provisions; health-data localisation and ADHICS."""
    for ref in (
        "uae-pdpl:Art. 20",
        "uae-pdpl:Art. 21",
        "uae-pdpl:Art. 22",
        "uae-pdpl:Art. 23",
        "cbuae-outsourcing:6.1",
        "difc-dp:Art. 26",
        "difc-dp:Art. 27",
        "adgm-dp:s. 41",
        "uae-health-ict:Art. 13",
        "uae-health-ict:MR 51/2021",
        "adhics:CM 4.2",
        "uae-ia:T5.2.3",
        "uae-ia:T3.6.2",
    ):
        assert resolve(ref) is not None, ref


def test_references_resolve_and_read_as_an_auditor_would_write_them() -> None:
    assert describe("uae-pdpl:Art. 22") == "PDPL Art. 22"
    assert describe("cbuae-outsourcing:6.1") == "CBUAE Outsourcing 6.1"
    assert describe("uae-ia:T5.2.3") == "UAE IA T5.2.3"
    assert resolve("uae-ia:T5.2.3")[1].title == "User Security Credentials Management"  # type: ignore[index]
    assert resolve("uae-ia") is None
    assert resolve("uae-ia:") is None
    assert describe("nowhere:1") == "nowhere:1"


def test_a_sector_profile_can_ask_which_rules_enforce_its_requirements() -> None:
    """The hook a later sector profile uses: banking enforces CBUAE 6.1 and 6.3."""
    found = rules_enforcing(["cbuae-outsourcing:6.1", "cbuae-outsourcing:6.4"], cited_refs())
    assert "RES-001" in found["cbuae-outsourcing:6.1"]
    assert found["cbuae-outsourcing:6.4"] == []  # an agreement: no rule can claim it
    assert CATALOGUES["cbuae-outsourcing"].sectors == ("banking",)
    assert "health" in CATALOGUES["uae-health-ict"].sectors
