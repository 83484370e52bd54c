"""The Kubernetes rules at admission: each CEL agrees with its rule on every case.

For every K8S rule with an admission check, each compliant and non-compliant case of
tests/policies/cases_kubernetes.py is judged twice: by the rule's real policy object and
by the check's ValidatingAdmissionPolicy CEL (cel-python, with the binding's namespace
exclusions applied first). The verdicts must be the same.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from policies.admission import AdmissionContext, admission_checks, check_digest, not_at_admission
from policies.catalogue import all_rules
from policies.framework import config_with_defaults
from policies.kubernetes import stack_registry_hosts
from tests.policies.builders import Case, Res, build, rule, violations
from tests.policies.cases_kubernetes import CASES
from tests.support.cel_admission import admit, compile_check

CHECKS = admission_checks()
ADMISSION_CASES = [c for c in CASES if c.rule in CHECKS]


def _subjects(case: Case) -> tuple[Res, ...]:
    return (case.subject,) if isinstance(case.subject, Res) else case.subject


def _as_admitted(res: Res) -> dict[str, Any]:
    """The object as the API server admits it: apiVersion and kind are always set (some
    cases leave them to the type token, as pulumi-kubernetes does)."""
    _, group_version, kind = res.type.split(":")
    api_version = group_version.removeprefix("core/")
    return {"apiVersion": api_version, "kind": kind, **res.props}


def _cel_verdict(case: Case, check: Any = None) -> tuple[bool, list[str]]:
    """(compliant, messages) of the admission policy over the case's objects."""
    check = check or CHECKS[case.rule]
    meta = rule(case.rule).meta
    config = config_with_defaults(meta, case.config or {})
    context = AdmissionContext()
    if case.rule == "K8S-005":
        context = AdmissionContext(tuple(sorted(stack_registry_hosts(build(case.subject), config))))
    failed: list[str] = []
    for res in _subjects(case):
        if res.type not in check.types:
            continue
        failed += admit(check, config, _as_admitted(res), context).failed
    return not failed, failed


@pytest.mark.parametrize("case", ADMISSION_CASES, ids=lambda c: c.id)
def test_admission_policy_agrees_with_its_rule(case: Case) -> None:
    rule_compliant = violations(rule(case.rule), build(case.subject, case.config)) == []
    assert rule_compliant == case.compliant  # the case table says what the rule decides
    cel_compliant, failed = _cel_verdict(case)
    assert cel_compliant == rule_compliant, (
        f"CEL denied with {failed}" if failed else "CEL admitted"
    )


def test_every_admission_check_has_both_kinds_of_case() -> None:
    """An equivalence over compliant cases only would let a CEL that admits everything pass."""
    for rule_id in CHECKS:
        kinds = {c.compliant for c in ADMISSION_CASES if c.rule == rule_id}
        assert kinds == {True, False}, rule_id


def test_every_kubernetes_rule_is_enforced_at_admission_or_says_why_not() -> None:
    k8s = {r.meta.id for r in all_rules() if r.meta.family == "kubernetes"}
    missing = not_at_admission()
    assert set(CHECKS) & set(missing) == set()
    assert sorted(k8s - set(CHECKS) - set(missing)) == []
    assert sorted((set(CHECKS) | set(missing)) - k8s) == []
    assert all(len(n.reason) > 30 for n in missing.values())


def test_a_rule_changed_without_its_cel_fails() -> None:
    """Each check pins the digest of its rule's check source: change the rule, review the
    CEL, then update `rule_digest` (and the cases the change needs)."""
    stale = {
        rule_id: check_digest(rule(rule_id).check)
        for rule_id, check in CHECKS.items()
        if check_digest(rule(rule_id).check) != check.rule_digest
    }
    assert stale == {}, "rules changed after their admission CEL; review it, then pin: " + str(
        stale
    )


def test_every_check_compiles_with_its_default_config() -> None:
    for rule_id, check in CHECKS.items():
        config = config_with_defaults(rule(rule_id).meta, {})
        for _, expression in check.variables:
            compile_check(expression)
        for v in check.validations(config, AdmissionContext(("smpuaenprod.azurecr.io",))):
            compile_check(v.expression)
            assert v.message.startswith(f"[{rule_id}] ")


def test_the_equivalence_catches_a_cel_that_admits_everything() -> None:
    """The test above can fail: a K8S-002 policy reduced to `true` disagrees with its rule."""
    lax = dataclasses.replace(
        CHECKS["K8S-002"],
        validations=lambda config, context: [
            dataclasses.replace(v, expression="true")
            for v in CHECKS["K8S-002"].validations(config, context)
        ],
    )
    disagree = [
        c.id
        for c in ADMISSION_CASES
        if c.rule == "K8S-002" and _cel_verdict(c, lax)[0] != c.compliant
    ]
    assert disagree, "a policy that admits everything went unnoticed"
