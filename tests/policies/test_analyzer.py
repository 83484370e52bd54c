"""The pack as the Pulumi CLI drives it: pulumi-policy's own analyzer servicer, over protobuf.

`pulumi preview --policy-pack policies` starts `policies/__main__.py`, whose
`PolicyPack(...)` serves `_PolicyAnalyzerServicer` over gRPC and then blocks. The
servicer is built here exactly as `PolicyPack` builds it (same name, policies,
pack enforcement level) but without the server, and called with the protobuf
requests the engine sends: properties as `Struct`s (numbers as floats, unknowns
as sentinel strings, secrets as signature objects), policy config through
`Configure`. This is what the CLI sees, not our in-process gate.
"""

from __future__ import annotations

from typing import Any

import pytest
from google.protobuf import struct_pb2
from pulumi.runtime import proto
from pulumi_policy import EnforcementLevel
from pulumi_policy.policy import _PolicyAnalyzerServicer
from pulumi_policy.proxy import UNKNOWN_BOOLEAN_VALUE

from policies.catalogue import all_rules
from tests.policies.builders import AWS_BAHRAIN, AWS_UAE, Res
from tests.support.paths import REPO

PACK = "sovereign-ml-guardrails"
SECRET_SIG = {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270"}


@pytest.fixture
def analyzer() -> _PolicyAnalyzerServicer:
    """The servicer `policies/__main__.py` serves (same arguments as its `PolicyPack`)."""
    return _PolicyAnalyzerServicer(
        PACK, "0.0.1", [r.policy for r in all_rules()], EnforcementLevel.MANDATORY
    )


def _struct(props: dict[str, Any]) -> struct_pb2.Struct:
    s = struct_pb2.Struct()
    s.update(props)
    return s


def _provider(res: Res | None) -> proto.AnalyzerProviderResource | None:
    if res is None:
        return None
    return proto.AnalyzerProviderResource(
        type=res.type, properties=_struct(dict(res.props)), urn=res.urn, name=res.name
    )


def _analyze(analyzer: _PolicyAnalyzerServicer, res: Res) -> list[proto.AnalyzeDiagnostic]:
    request = proto.AnalyzeRequest(
        type=res.type,
        properties=_struct(dict(res.props)),
        urn=res.urn,
        name=res.name,
        options=proto.AnalyzerResourceOptions(),
        provider=_provider(res.provider),
    )
    return list(analyzer.Analyze(request, None).diagnostics)


def _analyze_stack(
    analyzer: _PolicyAnalyzerServicer, resources: list[Res]
) -> list[proto.AnalyzeDiagnostic]:
    by_name = {r.name: r for r in resources}
    request = proto.AnalyzeStackRequest(
        resources=[
            proto.AnalyzerResource(
                type=r.type,
                properties=_struct(dict(r.props)),
                urn=r.urn,
                name=r.name,
                options=proto.AnalyzerResourceOptions(),
                provider=_provider(r.provider),
                dependencies=sorted({by_name[n].urn for names in r.deps.values() for n in names}),
                propertyDependencies={
                    k: proto.AnalyzerPropertyDependencies(urns=[by_name[n].urn for n in names])
                    for k, names in r.deps.items()
                },
            )
            for r in resources
        ]
    )
    return list(analyzer.AnalyzeStack(request, None).diagnostics)


def _configure(
    analyzer: _PolicyAnalyzerServicer, policy: str, level: int, properties: dict[str, Any]
) -> None:
    analyzer.Configure(
        proto.ConfigureAnalyzerRequest(
            policyConfig={
                policy: proto.PolicyConfig(enforcementLevel=level, properties=_struct(properties))
            }
        ),
        None,
    )


def _by_policy(diagnostics: list[proto.AnalyzeDiagnostic]) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for d in diagnostics:
        found.setdefault(d.policyName, []).append(d)
    return found


def test_the_cli_sees_every_rule_as_a_mandatory_policy_with_its_metadata(
    analyzer: _PolicyAnalyzerServicer,
) -> None:
    info = analyzer.GetAnalyzerInfo(None, None)
    assert info.name == PACK
    assert info.supportsConfig
    rules = {r.meta.policy_name: r for r in all_rules()}
    assert sorted(p.name for p in info.policies) == sorted(rules)
    for policy in info.policies:
        meta = rules[policy.name].meta
        assert policy.enforcementLevel == proto.MANDATORY, policy.name
        assert policy.severity != proto.POLICY_SEVERITY_UNSPECIFIED, policy.name
        assert "exceptions" in policy.configSchema.properties, policy.name
        assert policy.remediation_steps == meta.remediation
        assert f"nist800-53:{meta.nist80053[0]}" in policy.tags
        kind = (
            proto.PolicyType.POLICY_TYPE_RESOURCE
            if rules[policy.name].kind == "resource"
            else proto.PolicyType.POLICY_TYPE_STACK
        )
        assert policy.policy_type == kind, policy.name


def test_a_bahrain_provider_is_a_mandatory_diagnostic(analyzer: _PolicyAnalyzerServicer) -> None:
    bucket = Res("aws:s3/bucket:Bucket", "models", {"bucket": "smp-models"}, provider=AWS_BAHRAIN)
    found = _by_policy(_analyze(analyzer, bucket))
    assert [d.enforcementLevel for d in found["smp-res-001"]] == [proto.MANDATORY]
    assert "[RES-001] region 'me-south-1' (Bahrain" in found["smp-res-001"][0].message
    assert found["smp-res-001"][0].severity == proto.POLICY_SEVERITY_CRITICAL


def test_a_secret_region_is_still_judged(analyzer: _PolicyAnalyzerServicer) -> None:
    provider = Res(AWS_UAE.type, "secret-region", {"region": {**SECRET_SIG, "value": "me-south-1"}})
    bucket = Res("aws:s3/bucket:Bucket", "models", {"bucket": "smp-models"}, provider=provider)
    found = _by_policy(_analyze(analyzer, bucket))
    assert "region 'me-south-1'" in found["smp-res-001"][0].message


def test_an_unknown_value_is_mandatory_not_the_cli_default_advisory(
    analyzer: _PolicyAnalyzerServicer,
) -> None:
    """Left to pulumi-policy, an UnknownValueError becomes an advisory 'can't run policy' note."""
    key = Res(
        "aws:kms/key:Key",
        "data",
        {"multiRegion": UNKNOWN_BOOLEAN_VALUE, "enableKeyRotation": True},
        provider=AWS_UAE,
    )
    found = _by_policy(_analyze(analyzer, key))
    diagnostics = found["smp-res-004"]
    assert [d.enforcementLevel for d in diagnostics] == [proto.MANDATORY]
    assert "boolean value at .multiRegion can't be known" in diagnostics[0].message
    assert not any("can't run policy" in d.message for d in _analyze(analyzer, key))


def test_a_compliant_resource_gets_no_diagnostic_from_its_rules(
    analyzer: _PolicyAnalyzerServicer,
) -> None:
    key = Res(
        "aws:kms/key:Key",
        "data",
        {
            "multiRegion": False,
            "enableKeyRotation": True,
            "region": "me-central-1",
            "policy": '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": '
            '"arn:aws:iam::123456789012:root"}, "Action": "kms:*", "Resource": "*"}]}',
            "tags": {
                "owner": "ml-platform",
                "data-classification": "restricted",
                "data-residency": "uae",
                "stack": "aws-uae-prod",
            },
        },
        provider=AWS_UAE,
    )
    assert [(d.policyName, d.message) for d in _analyze(analyzer, key)] == []


def test_stack_policies_see_property_dependencies(analyzer: _PolicyAnalyzerServicer) -> None:
    bucket = Res("aws:s3/bucket:Bucket", "models", {"bucket": "smp-models"}, provider=AWS_UAE)
    scratch = Res("aws:s3/bucket:Bucket", "scratch", {"bucket": "smp-scratch"}, provider=AWS_UAE)
    pab = Res(
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        "models-pab",
        {
            "bucket": "smp-models",
            "blockPublicAcls": True,
            "blockPublicPolicy": True,
            "ignorePublicAcls": True,
            "restrictPublicBuckets": True,
        },
        provider=AWS_UAE,
        deps={"bucket": ("models",)},
    )
    found = _by_policy(_analyze_stack(analyzer, [bucket, scratch, pab]))
    assert [(d.urn, d.enforcementLevel) for d in found["smp-net-003"]] == [
        (scratch.urn, proto.MANDATORY)
    ]


def test_config_from_the_cli_sets_exceptions_and_levels(analyzer: _PolicyAnalyzerServicer) -> None:
    key = Res("aws:kms/key:Key", "global", {"multiRegion": True}, provider=AWS_UAE)
    assert "smp-res-004" in _by_policy(_analyze(analyzer, key))
    _configure(
        analyzer,
        "smp-res-004",
        proto.MANDATORY,
        {
            "exceptions": [
                {
                    "resource": "global",
                    "reason": "DR key approved by the data owner (R-7)",
                    "expires": "2099-12-31",
                }
            ]
        },
    )
    assert "smp-res-004" not in _by_policy(_analyze(analyzer, key))
    _configure(
        analyzer,
        "smp-res-004",
        proto.ADVISORY,
        {
            "exceptions": [
                {
                    "resource": "global",
                    "reason": "DR key approved by the data owner (R-7)",
                    "expires": "2021-01-01",
                }
            ]
        },
    )
    diagnostics = _by_policy(_analyze(analyzer, key))["smp-res-004"]
    assert {d.enforcementLevel for d in diagnostics} == {proto.ADVISORY}
    assert any("expired on 2021-01-01" in d.message for d in diagnostics)


def test_numbers_from_the_cli_config_are_floats_and_still_work(
    analyzer: _PolicyAnalyzerServicer,
) -> None:
    """Struct numbers arrive as floats (400.0): the rules must not choke on them."""
    group = Res(
        "aws:cloudwatch/logGroup:LogGroup", "lg", {"retentionInDays": 365}, provider=AWS_UAE
    )
    _configure(analyzer, "smp-log-003", proto.MANDATORY, {"minLogRetentionDays": 400})
    messages = [d.message for d in _analyze(analyzer, group) if d.policyName == "smp-log-003"]
    assert len(messages) == 1
    assert "retentionInDays 365 is below the minimum 400" in messages[0]


def test_the_cli_entry_point_assembles_exactly_these_policies() -> None:
    """`policies/__main__.py` is read, never imported (its `PolicyPack` would serve and block):
    it must hand the CLI every rule of `all_rules()`, under the name the gate reports."""
    import ast

    from smp.gate import PACK_NAME

    tree = ast.parse((REPO / "policies" / "__main__.py").read_text())
    calls = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "PolicyPack"
    ]
    assert len(calls) == 1
    kwargs = {k.arg: k.value for k in calls[0].keywords}
    assert ast.literal_eval(kwargs["name"]) == PACK_NAME == PACK
    assert ast.unparse(kwargs["policies"]) == "[rule.policy for rule in all_rules()]"
    assert ast.unparse(kwargs["enforcement_level"]) == "EnforcementLevel.MANDATORY"
