"""The offline plan engine: real programs under Pulumi's mock runtime, recorded faithfully."""

from __future__ import annotations

import json
from collections.abc import Callable

import pulumi
import pulumi_aws as aws
import pytest

from smp.offline import Plan, plan_program, plan_stack_offline
from smp.offline.engine import SECRET_MARKER, STACK_TYPE, PlanError
from smp.offline.mocks import UnmockedInvokeError

PlanOf = Callable[[str], Plan]


def test_every_shipped_stack_plans(plan_of: PlanOf, shipped_stacks: tuple[str, ...]) -> None:
    for stack in shipped_stacks:
        plan = plan_of(stack)
        assert plan.stack == stack
        assert plan.outputs["region"] in ("me-central-1", "uaenorth", "uaecentral")
        assert plan.root.type == STACK_TYPE
        assert len(plan.resources) > 2


CLOUD_PACKAGES = ("aws:", "azure-native:", "kubernetes:")


def test_every_resource_has_a_parent_and_cloud_resources_an_explicit_provider(
    plan_of: PlanOf, shipped_stacks: tuple[str, ...]
) -> None:
    for stack in shipped_stacks:
        plan = plan_of(stack)
        urns = plan.by_urn()
        for r in plan.resources:
            if r.type == STACK_TYPE:
                assert r.parent is None
                continue
            assert r.parent in urns, f"{r.urn} has no recorded parent"
            # A default provider would take its region from the environment,
            # not from the validated config.
            if r.custom and r.type.startswith(CLOUD_PACKAGES):
                assert r.provider in urns, f"{r.urn} uses a default provider"
                assert urns[r.provider].is_provider


def test_the_platform_provider_is_pinned_to_the_stack_region(plan_of: PlanOf) -> None:
    aws_provider = [
        p
        for p in plan_of("aws-uae-prod").of_type("pulumi:providers:aws")
        if p.name == "smp-aws-uae-prod-aws"
    ]
    assert [p.inputs["region"] for p in aws_provider] == ["me-central-1"]
    # Provider inputs travel as JSON strings, as the engine passes them to a provider.
    tags = json.loads(aws_provider[0].inputs["defaultTags"])["tags"]
    assert tags["data-residency"] == "uae"
    assert tags["stack"] == "aws-uae-prod"
    azure_provider = [
        p
        for p in plan_of("azure-uaecentral-dr").of_type("pulumi:providers:azure-native")
        if p.name == "smp-azure-uaecentral-dr-azure"
    ]
    assert [p.inputs["location"] for p in azure_provider] == ["uaecentral"]


def test_every_provider_stays_in_the_jurisdiction(
    plan_of: PlanOf, shipped_stacks: tuple[str, ...]
) -> None:
    allowed = {"me-central-1", "uaenorth", "uaecentral"}
    for stack in shipped_stacks:
        for provider in plan_of(stack).resources:
            if provider.type in ("pulumi:providers:aws", "pulumi:providers:azure-native"):
                where = provider.inputs.get("region") or provider.inputs.get("location")
                assert where in allowed, f"{provider.urn} is in {where!r}"


def test_two_runs_give_identical_plans() -> None:
    first = plan_stack_offline("aws-uae-prod").to_json()
    second = plan_stack_offline("aws-uae-prod").to_json()
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


def test_a_run_does_not_leak_into_the_next() -> None:
    aws_plan = plan_stack_offline("aws-uae-dev")
    azure_plan = plan_stack_offline("azure-uaenorth-prod")
    assert not any(r.type.startswith("pulumi:providers:aws") for r in azure_plan.resources)
    assert all("aws-uae-dev" not in r.urn for r in azure_plan.resources)
    again = plan_stack_offline("aws-uae-dev")
    assert [r.urn for r in again.resources] == [r.urn for r in aws_plan.resources]
    # Pulumi's ambient state outside a run is untouched.
    assert pulumi.runtime.settings.get_root_resource() is None


def _small_program() -> None:
    provider = aws.Provider("p", region="me-central-1")
    opts = pulumi.ResourceOptions(provider=provider)
    key = aws.kms.Key("k", enable_key_rotation=True, opts=opts)
    aws.s3.Bucket("b", bucket="smp-bucket", opts=opts)
    aws.ssm.Parameter(
        "token",
        type="SecureString",
        value=pulumi.Output.secret("s3cr3t"),
        key_id=key.arn,
        opts=opts,
    )
    zones = aws.get_availability_zones_output(opts=pulumi.InvokeOutputOptions(provider=provider))
    pulumi.export("zones", zones.names)
    pulumi.export("keyArn", key.arn)


def test_inputs_dependencies_and_property_dependencies_are_recorded() -> None:
    plan = plan_program(_small_program, stack="t", default_region="me-central-1")
    key = plan.of_type("aws:kms/key:Key")[0]
    param = plan.of_type("aws:ssm/parameter:Parameter")[0]
    assert key.inputs["enableKeyRotation"] is True
    assert param.property_dependencies["keyId"] == [key.urn]
    assert key.urn in param.dependencies
    assert param.provider == plan.of_type("pulumi:providers:aws")[0].urn
    assert plan.outputs["zones"] == ["me-central-1a", "me-central-1b", "me-central-1c"]
    assert plan.outputs["keyArn"].startswith("arn:aws:kms:me-central-1:123456789012:key/")


def test_secret_inputs_are_redacted_in_the_json_plan() -> None:
    plan = plan_program(_small_program, stack="t", default_region="me-central-1")
    param = plan.of_type("aws:ssm/parameter:Parameter")[0]
    assert param.secret_paths == ["value"]
    rendered = json.dumps(plan.to_json())
    assert "s3cr3t" not in rendered
    assert param.to_json()["inputs"]["value"] == SECRET_MARKER


def test_an_unmocked_invoke_fails_loudly_with_its_token() -> None:
    def program() -> None:
        aws.ec2.get_vpc(default=True)

    with pytest.raises(UnmockedInvokeError, match="aws:ec2/getVpc:getVpc"):
        plan_program(program, stack="t", default_region="me-central-1")


def test_a_program_error_is_reported_without_a_traceback() -> None:
    def program() -> None:
        raise pulumi.RunError("bad things")

    with pytest.raises(PlanError, match="bad things"):
        plan_program(program, stack="t")


def test_config_reaches_the_program_and_secrets_stay_secret() -> None:
    seen: dict[str, object] = {}

    def program() -> None:
        cfg = pulumi.Config("proj")
        seen["plain"] = cfg.get("plain")
        pulumi.export("token", cfg.require_secret("token"))

    plan = plan_program(
        program,
        stack="t",
        project="proj",
        config={"proj:plain": "hello", "proj:token": "tok"},
        secret_keys=["proj:token"],
    )
    assert seen["plain"] == "hello"
    assert plan.secret_outputs == ["token"]
    assert plan.to_json()["outputs"]["token"] == SECRET_MARKER


def test_skipping_unread_alias_urns_changes_no_registration() -> None:
    """azure-native resources carry dozens of type aliases; the engine skips the URNs the
    SDK computes for them only for monitors without alias specs. The plan is identical."""
    fast = plan_stack_offline("azure-uaecentral-dr")
    full = plan_stack_offline("azure-uaecentral-dr", fast_aliases=False)
    assert json.dumps(fast.to_json(), sort_keys=True) == json.dumps(full.to_json(), sort_keys=True)
    assert [r.source for r in fast.resources] == [r.source for r in full.resources]


def test_every_resource_records_where_the_program_declared_it(plan_of: PlanOf) -> None:
    from stacks.stack_files import REPO_ROOT

    plan = plan_of("azure-uaenorth-prod")
    for r in plan.resources:
        if r.type == STACK_TYPE:
            continue
        assert r.source is not None, f"{r.urn} has no source position"
        file, line = r.source
        assert file.endswith(".py")
        assert not file.startswith((".venv", "smp/")), file
        assert 1 <= line <= len((REPO_ROOT / file).read_text().splitlines())
