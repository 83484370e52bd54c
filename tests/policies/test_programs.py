"""Small real Pulumi programs, planned under the mock engine and judged by the gate.

These go through the whole path a pull request takes: pulumi-aws /
pulumi-azure-native resource classes -> the engine's recorded inputs
(camelCase, property dependencies, providers) -> `evaluate_plan`, which builds
the real `pulumi_policy` argument objects.
"""

from __future__ import annotations

import dataclasses
import json

import pulumi
import pulumi_aws as aws
import pulumi_azure_native as azure_native
import pytest

from policies.jurisdictions import JURISDICTIONS
from smp.gate import Violation, evaluate_plan
from smp.offline import Plan, plan_program
from tests.policies.builders import TAGS, rule

TLS_DENY = {
    "Sid": "DenyInsecureTransport",
    "Effect": "Deny",
    "Principal": "*",
    "Action": "s3:*",
    "Resource": ["arn:aws:s3:::smp-models", "arn:aws:s3:::smp-models/*"],
    "Condition": {"Bool": {"aws:SecureTransport": "false"}},
}


def _aws(region: str = "me-central-1") -> pulumi.ResourceOptions:
    return pulumi.ResourceOptions(provider=aws.Provider("regional", region=region))


def _azure(location: str = "uaenorth") -> pulumi.ResourceOptions:
    return pulumi.ResourceOptions(provider=azure_native.Provider("regional", location=location))


def _plan(program: object, region: str = "me-central-1") -> Plan:
    return plan_program(program, stack="policy-test", default_region=region)  # type: ignore[arg-type]


def _judge(plan: Plan, *rule_ids: str, pack_config: dict | None = None) -> list[Violation]:
    return evaluate_plan(plan, [rule(r) for r in rule_ids], pack_config)


def _bucket_program(*, block: bool, tls_policy: bool) -> object:
    def program() -> None:
        opts = _aws()
        bucket = aws.s3.Bucket("models", bucket="smp-models", tags=TAGS, opts=opts)
        if block:
            aws.s3.BucketPublicAccessBlock(
                "models-pab",
                bucket=bucket.id,
                block_public_acls=True,
                block_public_policy=True,
                ignore_public_acls=True,
                restrict_public_buckets=True,
                opts=opts,
            )
        if tls_policy:
            aws.s3.BucketPolicy(
                "models-policy",
                bucket=bucket.id,
                policy=json.dumps({"Version": "2012-10-17", "Statement": [TLS_DENY]}),
                opts=opts,
            )

    return program


def test_a_bucket_without_a_public_access_block_is_refused() -> None:
    found = _judge(_plan(_bucket_program(block=False, tls_policy=True)), "NET-003", "ENC-012")
    assert [(v.rule_id, v.message) for v in found] == [
        ("NET-003", "[NET-003] bucket models has no full public-access block")
    ]
    assert found[0].mandatory
    assert found[0].resource_type == "aws:s3/bucket:Bucket"


def test_a_blocked_tls_only_bucket_passes() -> None:
    assert _judge(_plan(_bucket_program(block=True, tls_policy=True)), "NET-003", "ENC-012") == []


def test_a_bucket_without_a_tls_policy_is_refused() -> None:
    found = _judge(_plan(_bucket_program(block=True, tls_policy=False)), "NET-003", "ENC-012")
    assert [v.rule_id for v in found] == ["ENC-012"]
    assert "accepts requests without TLS" in found[0].message


def test_a_multi_region_key_is_refused() -> None:
    def program() -> None:
        opts = _aws()
        aws.kms.Key("single", enable_key_rotation=True, multi_region=False, opts=opts)
        aws.kms.Key("global", enable_key_rotation=True, multi_region=True, opts=opts)

    found = _judge(_plan(program), "RES-004")
    assert len(found) == 1
    assert found[0].urn is not None
    assert found[0].urn.endswith("::global")
    assert "multiRegion is true" in found[0].message


def test_s3_replication_is_refused() -> None:
    def program() -> None:
        opts = _aws()
        bucket = aws.s3.Bucket("models", bucket="smp-models", opts=opts)
        aws.s3.BucketReplicationConfig(
            "models-repl",
            bucket=bucket.id,
            role="arn:aws:iam::123456789012:role/repl",
            rules=[
                aws.s3.BucketReplicationConfigRuleArgs(
                    id="everything",
                    status="Enabled",
                    destination=aws.s3.BucketReplicationConfigRuleDestinationArgs(
                        bucket="arn:aws:s3:::smp-models-replica"
                    ),
                )
            ],
            opts=opts,
        )

    found = _judge(_plan(program), "RES-002")
    assert [v.resource_type for v in found] == [
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig"
    ]
    assert "sends objects outside the bucket's region" in found[0].message


def test_a_provider_in_bahrain_is_refused_with_its_resources() -> None:
    def program() -> None:
        aws.s3.Bucket("models", bucket="smp-models", tags=TAGS, opts=_aws("me-south-1"))

    found = _judge(_plan(program, "me-south-1"), "RES-001")
    by_type = {v.resource_type: v.message for v in found}
    assert sorted(by_type) == ["aws:s3/bucket:Bucket", "pulumi:providers:aws"]
    for message in by_type.values():
        assert "region 'me-south-1' (Bahrain, outside United Arab Emirates)" in message
        assert "allowed: me-central-1" in message


def test_a_resource_pinned_outside_overrides_an_in_country_provider() -> None:
    def program() -> None:
        aws.s3.Bucket("models", bucket="smp-models", region="eu-west-1", opts=_aws())

    found = _judge(_plan(program), "RES-001")
    assert [v.resource_type for v in found] == ["aws:s3/bucket:Bucket"]
    assert "region 'eu-west-1'" in found[0].message


def _geo_storage_program() -> None:
    azure_native.storage.StorageAccount(
        "features",
        resource_group_name="smp",
        location="uaenorth",
        kind="StorageV2",
        sku=azure_native.storage.SkuArgs(name="Standard_GRS"),
        opts=_azure(),
    )


def test_grs_storage_passes_while_the_pair_is_in_the_jurisdiction() -> None:
    assert _judge(_plan(_geo_storage_program, "uaenorth"), "RES-007") == []


def test_grs_storage_is_refused_when_the_catalogue_puts_the_pair_outside(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    uae = JURISDICTIONS["uae"]
    monkeypatch.setitem(
        JURISDICTIONS,
        "uae",
        dataclasses.replace(
            uae, azure_pairs={"uaenorth": "qatarcentral", "uaecentral": "qatarcentral"}
        ),
    )
    found = _judge(_plan(_geo_storage_program, "uaenorth"), "RES-007")
    assert len(found) == 1
    assert "sku Standard_GRS keeps a copy in the pair of 'uaenorth'" in found[0].message


def _diagnostics_program(workspace_location: str) -> object:
    def program() -> None:
        opts = _azure()
        workspace = azure_native.operationalinsights.Workspace(
            "audit",
            resource_group_name="smp",
            location=workspace_location,
            retention_in_days=365,
            opts=opts,
        )
        vault = azure_native.keyvault.Vault(
            "kv",
            resource_group_name="smp",
            location="uaenorth",
            properties=azure_native.keyvault.VaultPropertiesArgs(
                tenant_id="00000000-0000-4000-8000-0000000000aa",
                sku=azure_native.keyvault.SkuArgs(family="A", name="premium"),
            ),
            opts=opts,
        )
        azure_native.monitor.DiagnosticSetting(
            "kv-diag",
            resource_uri=vault.id,
            workspace_id=workspace.id,
            logs=[
                azure_native.monitor.DiagnosticsLogSettingsArgs(category="AuditEvent", enabled=True)
            ],
            opts=opts,
        )

    return program


def test_diagnostics_to_an_in_country_workspace_pass() -> None:
    plan = _plan(_diagnostics_program("uaecentral"), "uaenorth")
    assert _judge(plan, "RES-009", "LOG-005") == []


def test_diagnostics_to_a_workspace_abroad_are_refused_through_property_dependencies() -> None:
    plan = _plan(_diagnostics_program("westeurope"), "uaenorth")
    found = _judge(plan, "RES-009")
    assert len(found) == 1
    assert found[0].resource_type == "azure-native:monitor:DiagnosticSetting"
    assert (
        "workspaceId delivers to audit (azure-native:operationalinsights:Workspace) in "
        "'westeurope'" in found[0].message
    )


def test_pack_config_sets_enforcement_and_exceptions() -> None:
    def program() -> None:
        aws.kms.Key("global", enable_key_rotation=True, multi_region=True, opts=_aws())

    plan = _plan(program)
    assert [v.enforcement for v in _judge(plan, "RES-004")] == ["mandatory"]
    assert [
        v.enforcement for v in _judge(plan, "RES-004", pack_config={"smp-res-004": "advisory"})
    ] == ["advisory"]
    assert _judge(plan, "RES-004", pack_config={"smp-res-004": "disabled"}) == []
    excepted = {
        "smp-res-004": {
            "exceptions": [
                {
                    "resource": "global",
                    "reason": "DR key approved by the data owner",
                    "expires": "2099-12-31",
                }
            ]
        }
    }
    assert _judge(plan, "RES-004", pack_config=excepted) == []
    expired = {
        "smp-res-004": {
            "exceptions": [
                {
                    "resource": "global",
                    "reason": "DR key approved by the data owner",
                    "expires": "2020-12-31",
                }
            ]
        }
    }
    found = _judge(plan, "RES-004", pack_config=expired)
    assert [v.mandatory for v in found] == [True, True]
    assert "expired on 2020-12-31" in found[0].message
