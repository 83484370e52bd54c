"""Every rule of the pack against its table of compliant and non-compliant cases.

Each case builds the real `pulumi_policy` argument object (resource args for one
resource, stack args for a linked set) and runs the rule's real policy object.
A compliant case reports nothing; a non-compliant one reports violations that
all name the rule and together mention each expected fragment (the property
that decided, the offending value).
"""

from __future__ import annotations

import pytest

from policies.catalogue import all_rules
from tests.policies import (
    cases_encryption,
    cases_identity,
    cases_kubernetes,
    cases_logging,
    cases_network,
    cases_residency,
    cases_tagging,
)
from tests.policies.builders import (
    DEAD_TOKENS,
    Case,
    Res,
    build,
    reports,
    rule,
    sdk_has_token,
    sdk_input_problems,
    violations,
)

ALL_CASES: list[Case] = [
    *cases_residency.CASES,
    *cases_encryption.CASES,
    *cases_network.CASES,
    *cases_identity.CASES,
    *cases_logging.CASES,
    *cases_kubernetes.CASES,
    *cases_tagging.CASES,
]


@pytest.mark.parametrize("case", [c for c in ALL_CASES if c.compliant], ids=lambda c: c.id)
def test_compliant(case: Case) -> None:
    messages = violations(rule(case.rule), build(case.subject, case.config))
    assert messages == []


@pytest.mark.parametrize("case", [c for c in ALL_CASES if not c.compliant], ids=lambda c: c.id)
def test_noncompliant(case: Case) -> None:
    found = reports(rule(case.rule), build(case.subject, case.config))
    messages = [message for message, _ in found]
    # A stack rule points at the offending resource (or at the stack as a whole).
    urns = {r.urn for r in _subjects(case)}
    assert {urn for _, urn in found} - urns <= {None}
    assert messages, f"{case.id}: expected a violation, got none"
    for message in messages:
        assert message.startswith(f"[{case.rule}] "), message
    for fragment in case.expect:
        assert any(fragment in m for m in messages), f"{fragment!r} not in {messages}"


def test_case_ids_are_unique() -> None:
    ids = [c.id for c in ALL_CASES]
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


def test_every_rule_has_a_compliant_and_a_noncompliant_case() -> None:
    """A new rule without both kinds of case breaks the build."""
    ids = {r.meta.id for r in all_rules()}
    compliant = {c.rule for c in ALL_CASES if c.compliant}
    noncompliant = {c.rule for c in ALL_CASES if not c.compliant}
    assert sorted(ids - compliant) == [], "rules without a compliant case"
    assert sorted(ids - noncompliant) == [], "rules without a non-compliant case"
    assert sorted({c.rule for c in ALL_CASES} - ids) == [], "cases for rules that do not exist"


def test_cases_use_the_argument_kind_of_their_rule() -> None:
    """Resource rules get one resource, stack rules a linked set (as the CLI calls them)."""
    wrong = [
        c.id for c in ALL_CASES if isinstance(c.subject, Res) != (rule(c.rule).kind == "resource")
    ]
    assert wrong == []


def test_a_resource_rule_ignores_types_it_does_not_name() -> None:
    """The wrapper runs a check only for its types: an unrelated resource is never judged."""
    unrelated = Res("random:index/randomPassword:RandomPassword", "pw", {"length": 32.0})
    reported = {
        r.meta.id: violations(r, build(unrelated)) for r in all_rules() if r.kind == "resource"
    }
    assert {k: v for k, v in reported.items() if v} == {}


def _subjects(case: Case) -> tuple[Res, ...]:
    resources = (case.subject,) if isinstance(case.subject, Res) else case.subject
    providers = tuple(r.provider for r in resources if r.provider is not None)
    return resources + providers


def test_cases_use_type_tokens_the_pinned_sdks_register() -> None:
    """A case with a made-up token would test nothing a real program can produce."""
    wrong = sorted(
        {
            f"{c.id}: {r.type}"
            for c in ALL_CASES
            for r in _subjects(c)
            if sdk_has_token(r.type) is False
        }
    )
    assert wrong == []


def test_cases_use_input_names_the_pinned_sdks_accept() -> None:
    """Every input of every AWS / Azure case, at every nesting level, is a real input of the
    SDK, spelt as the engine records it (`diskEncryptionSetID`, `enableRBAC`). The compliant
    cases carry exactly what the rules read, so this also checks the rules' property paths."""
    wrong: set[str] = set()
    for case in ALL_CASES:
        for r in _subjects(case):
            wrong.update(f"{r.type}: {p}" for p in sdk_input_problems(r) or [])
    assert sorted(wrong) == []


def test_the_input_check_catches_a_misspelt_nested_input() -> None:
    eks = Res(
        "aws:eks/cluster:Cluster",
        "eks",
        {
            "vpcConfig": {"endpointPublicAcess": False},
            "encryptionConfig": {"provider": {"keyArn": "k"}, "resources": ["secrets"]},
        },
    )
    assert sdk_input_problems(eks) == ["vpcConfig.endpointPublicAcess"]


def test_every_type_a_resource_rule_names_has_a_case() -> None:
    """Each exact type token of a resource rule is exercised by at least one of its cases."""
    used = {(c.rule, r.type) for c in ALL_CASES for r in _subjects(c)}
    missing = sorted(
        f"{r.meta.id}: {t}"
        for r in all_rules()
        if r.kind == "resource"
        for t in r.types
        if not t.endswith("*") and t not in DEAD_TOKENS and (r.meta.id, t) not in used
    )
    assert missing == []
