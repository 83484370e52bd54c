"""The registry database credentials on Azure: an expiry from the configured rotation period,
a generated password replaced each period, and alerts before and at expiry."""

from __future__ import annotations

import datetime as dt

import pytest

from components.azure import secret_rotation
from components.azure.secret_rotation import RotationWindow
from components.k8s.registry import CREDENTIALS_VERSION_ANNOTATION
from platform_spec import StackSettings
from smp.offline import Plan, plan_program
from stacks.stack_files import load_stack_file
from tests.components.azure.plan_queries import AZURE_STACKS, database_passwords, one

SECRET = "azure-native:keyvault:Secret"
SUBSCRIPTION = "azure-native:eventgrid:SystemTopicEventSubscription"


def test_a_window_holds_every_day_from_its_start_to_the_next():
    first = RotationWindow.containing(90, dt.date(2026, 3, 1))
    assert first.start <= dt.date(2026, 3, 1) < first.next_start
    assert first.next_start - first.start == dt.timedelta(days=90)
    assert first.expires == first.start + dt.timedelta(days=180)
    assert RotationWindow.containing(90, first.next_start - dt.timedelta(days=1)) == first
    second = RotationWindow.containing(90, first.next_start)
    assert second.start == first.next_start
    assert second.expires > first.expires
    assert first.expires_epoch_seconds == int(
        dt.datetime(
            first.expires.year, first.expires.month, first.expires.day, tzinfo=dt.UTC
        ).timestamp()
    )


def test_a_period_below_one_day_is_refused():
    with pytest.raises(ValueError, match="at least one day"):
        RotationWindow.containing(0)


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_the_credentials_secret_expires_one_period_after_the_current_one(plan_of, stack):
    plan = plan_of(stack)
    period = load_stack_file(stack).platform.registry.database.password_rotation_days
    window = RotationWindow.containing(period)
    secret = one(plan, SECRET).inputs
    assert secret["properties"]["attributes"] == {
        "enabled": True,
        "expires": window.expires_epoch_seconds,
    }
    assert secret["tags"]["rotation-period-days"] == str(period)
    assert secret["tags"]["rotation-due"] == window.next_start.isoformat()
    assert secret["tags"]["rotated-by"] == "pulumi-up"
    # The generated password is keyed on the window: a new period, a new password.
    [password] = database_passwords(plan)
    assert password.inputs["keepers"] == {"rotation-window": window.start.isoformat()}


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_near_expiry_and_expiry_raise_an_azure_monitor_alert(plan_of, stack):
    plan = plan_of(stack)
    topic = one(plan, "azure-native:eventgrid:SystemTopic").inputs
    assert topic["topicType"] == "Microsoft.KeyVault.vaults"
    assert topic["location"] == load_stack_file(stack).platform.region
    vault = next(
        v
        for v in plan.of_type("azure-native:keyvault:Vault")
        if v.inputs["vaultName"] == one(plan, SECRET).inputs["vaultName"]
    )
    assert topic["source"].endswith(f"/vaults/{vault.inputs['vaultName']}")
    subscription = one(plan, SUBSCRIPTION).inputs
    assert subscription["systemTopicName"] == topic["systemTopicName"]
    assert subscription["filter"]["includedEventTypes"] == [
        "Microsoft.KeyVault.SecretNearExpiry",
        "Microsoft.KeyVault.SecretExpired",
    ]
    assert subscription["filter"]["subjectBeginsWith"] == "registry-db-credentials"
    assert subscription["destination"]["endpointType"] == "MonitorAlert"
    assert subscription["destination"]["severity"] == "Sev2"


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_the_registry_rolls_onto_a_rotated_password(plan_of, stack):
    plan = plan_of(stack)
    period = load_stack_file(stack).platform.registry.database.password_rotation_days
    deployment = next(
        d
        for d in plan.of_type("kubernetes:apps/v1:Deployment")
        if d.inputs["metadata"]["name"] == "mlflow"
    )
    annotations = deployment.inputs["spec"]["template"]["metadata"]["annotations"]
    assert (
        annotations[CREDENTIALS_VERSION_ANNOTATION]
        == RotationWindow.containing(period).start.isoformat()
    )


def _plan_on(
    day: dt.date, monkeypatch: pytest.MonkeyPatch, *, configured_password: bool = False
) -> Plan:
    monkeypatch.setattr(secret_rotation, "today", lambda: day)
    base = load_stack_file("azure-uaecentral-dr")
    secrets = frozenset({"registryDbPassword"}) if configured_password else frozenset()
    settings = StackSettings(stack="azure-rotation", platform=base.platform, secrets_set=secrets)

    def program() -> None:
        from stacks.platform import SovereignPlatform

        SovereignPlatform(settings)

    config = (
        {"sovereign-ml-platform:registryDbPassword": "from-config"} if configured_password else {}
    )
    return plan_program(
        program,
        stack="azure-rotation",
        config=config,
        secret_keys=list(config),
        default_region=base.platform.region,
    )


def test_the_next_period_replaces_the_password_and_moves_the_expiry(monkeypatch):
    now = RotationWindow.containing(90, dt.date(2026, 5, 1))
    later = _plan_on(now.next_start, monkeypatch)
    before = _plan_on(now.next_start - dt.timedelta(days=1), monkeypatch)
    keepers = [database_passwords(p)[0].inputs["keepers"] for p in (before, later)]
    assert keepers == [
        {"rotation-window": now.start.isoformat()},
        {"rotation-window": now.next_start.isoformat()},
    ]
    expiries = [
        one(p, SECRET).inputs["properties"]["attributes"]["expires"] for p in (before, later)
    ]
    assert expiries[1] - expiries[0] == 90 * 86400


def test_a_configured_password_is_the_operators_to_rotate(monkeypatch):
    plan = _plan_on(dt.date(2026, 5, 1), monkeypatch, configured_password=True)
    assert database_passwords(plan) == []
    secret = one(plan, SECRET).inputs
    assert secret["tags"]["rotated-by"] == "operator-registryDbPassword"
    assert "expires" in secret["properties"]["attributes"]
    deployment = next(
        d
        for d in plan.of_type("kubernetes:apps/v1:Deployment")
        if d.inputs["metadata"]["name"] == "mlflow"
    )
    assert CREDENTIALS_VERSION_ANNOTATION not in deployment.inputs["spec"]["template"][
        "metadata"
    ].get("annotations", {})
