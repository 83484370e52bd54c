"""Rules fail closed: unknown values, exceptions inside a rule, and policy exceptions.

- An unknown value (`pulumi_policy.proxy.UNKNOWN_*`) that a rule reads to decide
  is a violation naming the property path, never a silent pass (the CLI alone
  would downgrade it to an advisory note).
- A check that raises is a violation naming the rule.
- Configured exceptions need a resource, a reason and an ISO date; an active one
  suppresses, an expired or malformed one is itself a violation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from pulumi_policy.proxy import (
    UNKNOWN_ARRAY_VALUE,
    UNKNOWN_BOOLEAN_VALUE,
    UNKNOWN_NUMBER_VALUE,
    UNKNOWN_OBJECT_VALUE,
    UNKNOWN_STRING_VALUE,
)

from policies import framework
from policies.framework import Rule
from tests.policies import (
    cases_encryption,
    cases_identity,
    cases_kubernetes,
    cases_logging,
    cases_network,
    cases_residency,
)
from tests.policies.builders import (
    AWS_UAE,
    TAGS,
    Res,
    build,
    patched,
    reports,
    rule,
    stack_args,
    violations,
)

Throwaway = Callable[..., Rule]

KEY = Res(
    "aws:kms/key:Key", "data", {"multiRegion": False, "enableKeyRotation": True}, provider=AWS_UAE
)
MR_KEY = KEY.with_props(multiRegion=True)
EKS = cases_network.EKS
BUCKET = cases_network.BUCKET
PAB = cases_network.PAB
SSE = cases_encryption.sse_config("models-sse", "aws:kms")

# (rule id, a compliant subject, dotted input path, unknown sentinel, path in the message)
UNKNOWN_CASES: list[tuple[str, Any, str, str, str]] = [
    ("RES-004", KEY, "multiRegion", UNKNOWN_BOOLEAN_VALUE, ".multiRegion"),
    ("RES-001", cases_residency.BUCKET, "region", UNKNOWN_STRING_VALUE, ".region"),
    (
        "NET-001",
        EKS,
        "vpcConfig.endpointPublicAccess",
        UNKNOWN_BOOLEAN_VALUE,
        ".vpcConfig.endpointPublicAccess",
    ),
    (
        "NET-004",
        cases_encryption.RDS,
        "publiclyAccessible",
        UNKNOWN_BOOLEAN_VALUE,
        ".publiclyAccessible",
    ),
    (
        "ENC-010",
        cases_encryption.STORAGE,
        "minimumTlsVersion",
        UNKNOWN_STRING_VALUE,
        ".minimumTlsVersion",
    ),
    (
        "IAM-003",
        cases_identity.EKS,
        "accessConfig.authenticationMode",
        UNKNOWN_STRING_VALUE,
        ".accessConfig.authenticationMode",
    ),
    (
        "NET-002",
        cases_network.security_group(
            {"protocol": "tcp", "fromPort": 443.0, "toPort": 443.0, "cidrBlocks": ["10.40.0.0/16"]}
        ),
        "ingress",
        UNKNOWN_ARRAY_VALUE,
        ".ingress",
    ),
    (
        "RES-007",
        Res(
            "azure-native:storage:StorageAccount",
            "sa",
            {"location": "uaenorth", "sku": {"name": "Standard_GRS"}},
        ),
        "sku.name",
        UNKNOWN_STRING_VALUE,
        ".sku.name",
    ),
    (
        "LOG-003",
        Res("aws:cloudwatch/logGroup:LogGroup", "lg", {"retentionInDays": 365.0}, provider=AWS_UAE),
        "retentionInDays",
        UNKNOWN_NUMBER_VALUE,
        ".retentionInDays",
    ),
    (
        "IAM-001",
        Res("aws:iam/policy:Policy", "p", {"policy": "{}"}, provider=AWS_UAE),
        "policy",
        UNKNOWN_STRING_VALUE,
        ".policy",
    ),
    ("TAG-001", cases_residency.BUCKET, "tags", UNKNOWN_OBJECT_VALUE, ".tags"),
    (
        "K8S-003",
        cases_kubernetes.deployment(),
        "spec.template.spec.containers",
        UNKNOWN_ARRAY_VALUE,
        ".spec.template.spec.containers",
    ),
    # stack rules: the unknown sits in one resource of a linked set
    ("NET-003", (BUCKET, PAB), "blockPublicPolicy", UNKNOWN_BOOLEAN_VALUE, ".blockPublicPolicy"),
    ("ENC-004", (BUCKET, SSE), "rules", UNKNOWN_ARRAY_VALUE, ".rules"),
    (
        "LOG-002",
        (cases_logging.BUCKET, cases_logging.TRAIL),
        "enableLogFileValidation",
        UNKNOWN_BOOLEAN_VALUE,
        ".enableLogFileValidation",
    ),
    (
        "RES-009",
        (
            Res(
                "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter",
                "sub",
                {
                    "destinationArn": "arn:aws:kinesis:me-central-1:123456789012:stream/a",
                    "logGroup": "/smp/flow",
                },
                provider=AWS_UAE,
            ),
        ),
        "destinationArn",
        UNKNOWN_STRING_VALUE,
        ".destinationArn",
    ),
]


def _with_unknown(subject: Any, path: str, sentinel: str) -> Any:
    """The subject with `path` unknown (in the last resource of a stack set)."""
    if isinstance(subject, Res):
        return patched(subject, path, sentinel)
    *rest, last = subject
    return (*rest, patched(last, path, sentinel))


@pytest.mark.parametrize(
    ("rule_id", "subject", "path", "sentinel", "named"),
    UNKNOWN_CASES,
    ids=[f"{c[0]}-unknown-{c[2]}" for c in UNKNOWN_CASES],
)
def test_an_unknown_deciding_value_is_a_violation_naming_the_property(
    rule_id: str, subject: Any, path: str, sentinel: str, named: str
) -> None:
    the_rule = rule(rule_id)
    assert violations(the_rule, build(subject)) == [], "the known baseline must be compliant"
    messages = violations(the_rule, build(_with_unknown(subject, path, sentinel)))
    assert len(messages) == 1, messages
    assert messages[0].startswith(f"[{rule_id}] ")
    assert f"value at {named} can't be known during preview" in messages[0]
    assert "fail closed" in messages[0]


def test_an_unknown_provider_region_is_a_violation() -> None:
    provider = AWS_UAE.with_props(region=UNKNOWN_STRING_VALUE)
    bucket = Res(BUCKET.type, BUCKET.name, BUCKET.props, provider=provider)
    messages = violations(rule("RES-001"), build(bucket))
    assert len(messages) == 1
    assert "string value at .region can't be known" in messages[0]


def test_an_unknown_dependency_location_is_a_violation_for_sinks() -> None:
    """RES-009 resolves a sink through property dependencies; an unknown location there fails."""
    workspace = cases_residency.WORKSPACE.with_props(location=UNKNOWN_STRING_VALUE)
    subject = (
        workspace,
        cases_residency.CLUSTER_AKS,
        cases_residency.diagnostic_setting(
            "aks-audit", {"workspaceId": ("audit-ws",)}, workspaceId="/ws"
        ),
    )
    messages = violations(rule("RES-009"), build(subject))
    assert len(messages) == 1
    assert "[RES-009] string value at .location can't be known" in messages[0]


def test_an_unknown_value_the_rule_does_not_read_is_no_violation() -> None:
    """Fail closed is about deciding values: an unknown bucket name decides nothing here."""
    bucket = cases_residency.BUCKET.with_props(bucket=UNKNOWN_STRING_VALUE)
    for rule_id in ("RES-001", "TAG-001", "TAG-002"):
        assert violations(rule(rule_id), build(bucket)) == [], rule_id


# ---------------------------------------------------------------------------
# An exception inside a check


def test_a_resource_rule_that_raises_is_a_violation_naming_the_rule(throwaway: Throwaway) -> None:
    def check(args: Any, config: Any) -> Any:
        yield "first finding"
        raise RuntimeError("boom")

    made = throwaway(check, rule_id="TST-901", types=("aws:s3/bucket:Bucket",))
    assert made.kind == "resource"
    messages = violations(made, build(BUCKET))
    assert messages[0] == "[TST-901] first finding"
    assert len(messages) == 2
    assert messages[1].startswith("[TST-901] rule smp-tst-901 raised RuntimeError: boom")
    assert "treated as a violation" in messages[1]


def test_a_rule_that_writes_to_its_props_is_a_violation_and_the_next_rule_reads_the_plan(
    throwaway: Throwaway,
) -> None:
    """The gate hands every rule the same read-only props per resource (built once): a
    rule that writes fails closed, and the rule judged after it still sees the plan."""
    from smp.gate import evaluate_plan
    from smp.offline import Plan, PlannedResource

    def writer(args: Any, config: Any) -> Any:
        args.props["bucket"] = "changed"
        return []

    seen: list[Any] = []

    def reader(args: Any, config: Any) -> Any:
        seen.append(args.props.get("bucket"))
        return []

    rules = [
        throwaway(writer, rule_id="TST-901", types=("aws:s3/bucket:Bucket",)),
        throwaway(reader, rule_id="TST-902", types=("aws:s3/bucket:Bucket",)),
    ]
    bucket = PlannedResource(
        urn="urn:pulumi:dev::p::aws:s3/bucket:Bucket::b",
        type="aws:s3/bucket:Bucket",
        name="b",
        custom=True,
        inputs={"bucket": "original"},
        parent=None,
        provider=None,
        dependencies=[],
        property_dependencies={},
    )
    plan = Plan(stack="dev", project="p", resources=[bucket], outputs={}, secret_outputs=[])
    found = evaluate_plan(plan, rules)
    assert [v.rule_id for v in found] == ["TST-901"]
    assert "read-only" in found[0].message
    assert seen == ["original"]
    assert bucket.inputs == {"bucket": "original"}


def test_a_raising_rule_is_not_run_for_other_types(throwaway: Throwaway) -> None:
    calls: list[str] = []

    def check(args: Any, config: Any) -> Any:
        calls.append(args.resource_type)
        raise RuntimeError("boom")

    made = throwaway(check, rule_id="TST-902", types=("aws:s3/bucket:Bucket",))
    assert violations(made, build(KEY)) == []
    assert calls == []


def test_a_stack_rule_that_raises_is_a_violation_naming_the_rule(throwaway: Throwaway) -> None:
    def check(args: Any, config: Any) -> Any:
        return {r.name: r for r in args.resources}["missing-resource"]

    made = throwaway(check, rule_id="TST-903")
    assert made.kind == "stack"
    found = reports(made, stack_args([BUCKET]))
    assert len(found) == 1
    message, urn = found[0]
    assert message.startswith("[TST-903] rule smp-tst-903 raised KeyError: 'missing-resource'")
    assert urn is None


def test_the_throwaway_rule_is_in_the_pack_only_during_its_test(throwaway: Throwaway) -> None:
    from policies.catalogue import all_rules

    made = throwaway(
        lambda args, config: iter(()), rule_id="TST-904", types=("aws:s3/bucket:Bucket",)
    )
    assert made in all_rules()


def test_no_throwaway_rule_is_left_in_the_pack() -> None:
    from policies.catalogue import all_rules

    assert [r.meta.id for r in all_rules() if r.meta.id.startswith("TST-")] == []


def test_a_real_rule_raising_on_an_unknown_type_token_is_a_violation() -> None:
    """TAG-001 reads the SDK's class for the token; a token it cannot resolve must not pass."""
    thing = Res("aws:nosuchservice/widget:Widget", "w", {"tags": TAGS}, provider=AWS_UAE)
    messages = violations(rule("TAG-001"), build(thing))
    assert len(messages) == 1
    assert messages[0].startswith("[TAG-001] rule smp-tag-001 raised UnknownResourceTypeError")


def test_an_unknown_jurisdiction_in_the_config_is_a_violation() -> None:
    messages = violations(rule("RES-001"), build(BUCKET, {"jurisdiction": "atlantis"}))
    assert len(messages) == 1
    assert "[RES-001] rule smp-res-001 raised UnknownJurisdictionError" in messages[0]
    assert "atlantis" in messages[0]


# ---------------------------------------------------------------------------
# Configured exceptions

REASON = "Approved DR key for the sovereign backup vault (risk R-112)"


def _exceptions(*entries: Any) -> dict[str, Any]:
    return {"exceptions": list(entries)}


def _exc(
    resource: str = "data", reason: str | None = REASON, expires: str | None = "2099-12-31"
) -> dict[str, Any]:
    entry: dict[str, Any] = {"resource": resource}
    if reason is not None:
        entry["reason"] = reason
    if expires is not None:
        entry["expires"] = expires
    return entry


@pytest.mark.parametrize(
    "pattern",
    ["data", "d*", MR_KEY.urn, "urn:pulumi:*::aws:kms/key:Key::*"],
    ids=["name", "name-glob", "urn", "urn-glob"],
)
def test_an_active_exception_suppresses_the_violation(pattern: str) -> None:
    assert violations(rule("RES-004"), build(MR_KEY)) != []
    assert violations(rule("RES-004"), build(MR_KEY, _exceptions(_exc(pattern)))) == []


def test_an_exception_for_another_resource_does_not_suppress() -> None:
    messages = violations(rule("RES-004"), build(MR_KEY, _exceptions(_exc("logs"))))
    assert messages == [
        "[RES-004] multiRegion is true: the key material can be replicated to other regions"
    ]


def test_an_expired_exception_is_a_violation() -> None:
    messages = violations(rule("RES-004"), build(MR_KEY, _exceptions(_exc(expires="2020-01-01"))))
    expired = [m for m in messages if "expired" in m]
    assert len(expired) == 1
    assert expired[0].startswith("[RES-004] the exception for 'data' expired on 2020-01-01")
    assert REASON in expired[0]
    assert any("multiRegion is true" in m for m in messages)


def test_an_expired_exception_is_a_violation_even_for_a_compliant_resource() -> None:
    messages = violations(rule("RES-004"), build(KEY, _exceptions(_exc(expires="2020-01-01"))))
    assert messages == [
        "[RES-004] the exception for 'data' expired on 2020-01-01 "
        f"({REASON}); renew it or fix the resource"
    ]


def test_an_exception_is_active_through_its_expiry_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(framework, "today", lambda: dt.date(2026, 6, 1))
    on_the_day = build(MR_KEY, _exceptions(_exc(expires="2026-06-01")))
    day_before = build(MR_KEY, _exceptions(_exc(expires="2026-05-31")))
    assert violations(rule("RES-004"), on_the_day) == []
    assert any("expired on 2026-05-31" in m for m in violations(rule("RES-004"), day_before))


MALFORMED: list[tuple[str, Any, str]] = [
    ("missing-reason", [_exc(reason=None)], "exceptions[0] needs reason"),
    ("empty-reason", [_exc(reason="")], "exceptions[0] needs reason"),
    ("missing-expiry", [_exc(expires=None)], "exceptions[0] needs expires"),
    (
        "bad-date",
        [_exc(expires="31/12/2099")],
        "exceptions[0].expires must be YYYY-MM-DD, got '31/12/2099'",
    ),
    ("impossible-date", [_exc(), _exc(expires="2026-02-30")], "exceptions[1].expires"),
    ("not-a-list", _exc(), "exceptions must be a list"),
    ("entry-not-an-object", ["data"], "exceptions[0] must be an object"),
    (
        "missing-resource",
        [{"reason": REASON, "expires": "2099-12-31"}],
        "exceptions[0] needs resource",
    ),
]


@pytest.mark.parametrize(
    ("raw", "fragment"), [(m[1], m[2]) for m in MALFORMED], ids=[m[0] for m in MALFORMED]
)
def test_a_malformed_exception_is_a_violation(raw: Any, fragment: str) -> None:
    """Malformed config is reported even where the resource itself is compliant."""
    for subject in (KEY, MR_KEY):
        messages = violations(rule("RES-004"), build(subject, {"exceptions": raw}))
        assert len(messages) == 1
        assert messages[0].startswith("[RES-004] invalid policy config: ")
        assert fragment in messages[0]


def test_a_malformed_exception_on_a_stack_rule_is_a_violation() -> None:
    messages = violations(
        rule("NET-003"), build((BUCKET, PAB), _exceptions(_exc("models", expires="soon")))
    )
    assert len(messages) == 1
    assert "[NET-003] invalid policy config: exceptions[0].expires" in messages[0]


def test_a_stack_rule_exception_suppresses_only_the_named_resource() -> None:
    other = Res(BUCKET.type, "scratch", {"bucket": "smp-scratch"}, provider=AWS_UAE)
    subject = (BUCKET, other)
    found = reports(rule("NET-003"), build(subject, _exceptions(_exc("models"))))
    assert found == [("[NET-003] bucket scratch has no full public-access block", other.urn)]


def test_an_expired_stack_rule_exception_is_a_violation_on_the_resource() -> None:
    found = reports(
        rule("NET-003"), build((BUCKET,), _exceptions(_exc("models", expires="2024-12-31")))
    )
    assert [urn for _, urn in found] == [BUCKET.urn, BUCKET.urn]
    assert found[0][0].startswith("[NET-003] the exception for 'models' expired on 2024-12-31")
    assert found[1][0] == "[NET-003] bucket models has no full public-access block"
