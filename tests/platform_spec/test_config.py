"""The stack config model: the shipped stacks load, bad configs are refused with the right words."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from platform_spec import (
    PROJECT,
    ConfigError,
    PlatformConfig,
    parse_stack_settings,
)
from stacks.stack_files import STACKS_DIR, load_stack_file, read_stack_file


def _base(stack: str = "aws-uae-prod") -> dict[str, Any]:
    return copy.deepcopy(read_stack_file(stack).project_values)


def _problems(
    values: dict[str, Any],
    secret: frozenset[str] = frozenset(),
    provider: dict[str, Any] | None = None,
) -> str:
    with pytest.raises(ConfigError) as info:
        parse_stack_settings("t", values, lambda k: k in secret, "test", provider)
    return info.value.render()


def test_the_four_shipped_stacks_load(shipped_stacks: tuple[str, ...]) -> None:
    loaded = {s: load_stack_file(s) for s in shipped_stacks}
    assert {s: (c.platform.cloud, c.platform.region) for s, c in loaded.items()} == {
        "aws-uae-prod": ("aws", "me-central-1"),
        "aws-uae-dev": ("aws", "me-central-1"),
        "azure-uaenorth-prod": ("azure", "uaenorth"),
        "azure-uaecentral-dr": ("azure", "uaecentral"),
    }
    dev = loaded["aws-uae-dev"].platform
    assert dev.profile == "smb"
    assert [p.min_size for p in dev.pools_of_kind("gpu").values()] == [0]


def test_mandatory_tags_come_from_config_and_stack() -> None:
    tags = load_stack_file("aws-uae-prod").mandatory_tags
    assert tags["data-residency"] == "uae"
    assert tags["data-classification"] == "restricted"
    assert tags["sector"] == "banking"
    assert tags["stack"] == "aws-uae-prod"
    assert tags["owner"] == "ml-platform@example.ae"


def test_a_stack_without_a_sector_is_general() -> None:
    values = _base("aws-uae-dev")
    del values["platform"]["sector"]
    settings = parse_stack_settings("t", values, lambda k: False, "test")
    assert settings.platform.sector == "general"
    assert settings.mandatory_tags["sector"] == "general"


def _set(values: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    node = values["platform"]
    *parents, last = path.split(".")
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if value is _DELETE:
        del node[last]
    elif isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return values


_DELETE = object()

# (description, stack, path, value, words the error must contain)
BAD_CONFIGS = [
    (
        "unknown sector",
        "aws-uae-prod",
        "sector",
        "fintech",
        ["platform.sector", "'general', 'government', 'banking' or 'health'", "'fintech' (str)"],
    ),
    (
        "a bank's data is restricted",
        "aws-uae-prod",
        "dataClassification",
        "confidential",
        ["platform.dataClassification", "sector 'banking' requires dataClassification"],
    ),
    (
        "a regulated sector keeps logs a year",
        "aws-uae-dev",
        "sector",
        "health",
        [
            "platform.dataClassification: sector 'health' requires",
            "platform.monitoring.logRetentionDays: sector 'health' keeps logs at least 365 days",
        ],
    ),
    (
        "non-UAE AWS region",
        "aws-uae-prod",
        "region",
        "eu-west-1",
        ["platform.region", "'eu-west-1'", "allowed: me-central-1"],
    ),
    (
        "Bahrain is not the UAE",
        "aws-uae-prod",
        "region",
        "me-south-1",
        ["Bahrain", "allowed: me-central-1"],
    ),
    (
        "non-UAE Azure region",
        "azure-uaenorth-prod",
        "region",
        "westeurope",
        ["platform.region", "allowed: uaenorth, uaecentral"],
    ),
    (
        "Azure region on an AWS stack",
        "aws-uae-prod",
        "region",
        "uaenorth",
        ["allowed: me-central-1"],
    ),
    ("unknown key", "aws-uae-prod", "nodePool", {"x": 1}, ["platform.nodePool: unknown key"]),
    (
        "wrong type",
        "aws-uae-prod",
        "nodePools.gpu.maxSize",
        "four",
        ["platform.nodePools.gpu.maxSize", "integer", "'four' (str)"],
    ),
    (
        "min greater than max",
        "aws-uae-prod",
        "nodePools.cpu.minSize",
        30,
        ["platform.nodePools.cpu.minSize", "must not exceed maxSize (20)"],
    ),
    (
        "negative count",
        "aws-uae-prod",
        "nodePools.cpu.minSize",
        -1,
        ["platform.nodePools.cpu.minSize", "greater than or equal to 0", "-1 (int)"],
    ),
    (
        "gpu pool without GPU instance type",
        "aws-uae-prod",
        "nodePools.gpu.instanceTypes",
        ["m6i.2xlarge"],
        ["platform.nodePools.gpu.instanceTypes[0]", "NVIDIA GPU"],
    ),
    (
        "azure gpu pool with a D-series",
        "azure-uaenorth-prod",
        "nodePools.gpu.instanceTypes",
        ["Standard_D8s_v5"],
        ["platform.nodePools.gpu.instanceTypes[0]", "NVIDIA GPU"],
    ),
    (
        "missing persona",
        "aws-uae-prod",
        "personas.auditor",
        _DELETE,
        ["platform.personas", "missing: auditor"],
    ),
    (
        "persona that is not a role ARN",
        "aws-uae-prod",
        "personas.auditor",
        ["arn:aws:iam::123:user/bob"],
        ["platform.personas.auditor[0]", "IAM role ARN"],
    ),
    (
        "persona that is not an Entra object id",
        "azure-uaenorth-prod",
        "personas.auditor",
        ["auditors@example.ae"],
        ["platform.personas.auditor[0]", "UUID"],
    ),
    (
        "missing required key",
        "aws-uae-prod",
        "environment",
        _DELETE,
        ["platform.environment: required key is missing"],
    ),
    (
        "unknown environment",
        "aws-uae-prod",
        "environment",
        "production",
        ["platform.environment", "'prod', 'staging', 'dev' or 'dr'"],
    ),
    (
        "kubernetes version as a float",
        "aws-uae-prod",
        "kubernetesVersion",
        1.3,
        ["platform.kubernetesVersion", "--type string"],
    ),
    (
        "unsupported kubernetes version",
        "aws-uae-prod",
        "kubernetesVersion",
        "1.22",
        ["not supported"],
    ),
    (
        "A/B split not adding up",
        "aws-uae-prod",
        "serving.variants.1.trafficPercent",
        20,
        ["platform.serving.variants", "add up to 110"],
    ),
    (
        "GPU serving on smb",
        "aws-uae-dev",
        "serving.gpu",
        True,
        ["platform.serving.gpu", "CPU only"],
    ),
    (
        "smb GPU pool kept warm",
        "aws-uae-dev",
        "nodePools.gpu.minSize",
        1,
        ["platform.nodePools.gpu.minSize", "scaled to zero"],
    ),
    (
        "public endpoint in prod",
        "aws-uae-prod",
        "clusterEndpoint",
        {"publicAccess": True, "allowedCidrs": ["203.0.113.0/24"]},
        ["platform.clusterEndpoint.publicAccess", "private"],
    ),
    (
        "endpoint open to the Internet",
        "aws-uae-dev",
        "clusterEndpoint",
        {"publicAccess": True, "allowedCidrs": ["0.0.0.0/0"]},
        ["platform.clusterEndpoint.allowedCidrs", "whole Internet"],
    ),
    (
        "retention below the prod floor",
        "aws-uae-prod",
        "monitoring.logRetentionDays",
        90,
        ["platform.monitoring.logRetentionDays", "at least 365"],
    ),
    (
        "retention CloudWatch cannot store",
        "aws-uae-prod",
        "monitoring.logRetentionDays",
        366,
        ["CloudWatch accepts only"],
    ),
    ("public VPC range", "aws-uae-prod", "network.cidr", "8.8.0.0/16", ["private"]),
    ("spot system pool", "aws-uae-prod", "nodePools.system.spot", True, ["on-demand"]),
    (
        "enterprise without HA system pool",
        "aws-uae-prod",
        "nodePools.system.minSize",
        1,
        ["at least 2 system nodes"],
    ),
    (
        "plain-text password inside the platform object",
        "aws-uae-prod",
        "registry.database.adminPassword",
        "hunter2",
        ["platform.registry.database.adminPassword", "looks like a secret"],
    ),
    (
        "unknown jurisdiction",
        "aws-uae-prod",
        "jurisdiction",
        "gcc",
        ["unknown jurisdiction 'gcc'", "known: uae"],
    ),
    (
        "more zones than the region has",
        "azure-uaenorth-prod",
        "network.availabilityZones",
        4,
        [
            "platform.network.availabilityZones",
            "uaenorth has 3 available zones",
            "asks for 4",
            "use 2 to 3",
        ],
    ),
    (
        "zones in a region without zones",
        "azure-uaecentral-dr",
        "network.availabilityZones",
        3,
        [
            "platform.network.availabilityZones",
            "uaecentral has 0 available zones",
            "asks for 3",
            "set 0",
        ],
    ),
    (
        "no zones where the region has them",
        "aws-uae-prod",
        "network.availabilityZones",
        0,
        [
            "platform.network.availabilityZones",
            "me-central-1 has 3 available zones",
            "0 is only for regions without zones",
        ],
    ),
    (
        "a single zone",
        "azure-uaenorth-prod",
        "network.availabilityZones",
        1,
        ["platform.network.availabilityZones", "spread over 2 to 3"],
    ),
    (
        "more zones than any region",
        "aws-uae-prod",
        "network.availabilityZones",
        7,
        ["platform.network.availabilityZones", "less than or equal to 6"],
    ),
    (
        "training schedule that is not cron",
        "aws-uae-prod",
        "training.schedule",
        "weekly",
        ["platform.training.schedule", "five-field cron"],
    ),
    (
        "distributed training on one node",
        "aws-uae-prod",
        "training.distributed",
        {"nodes": 1},
        ["platform.training.distributed.nodes", "greater than or equal to 2"],
    ),
    (
        "more training nodes than GPU nodes",
        "aws-uae-prod",
        "training.distributed.nodes",
        9,
        ["platform.training.distributed.nodes", "the gpu pools scale to at most 8"],
    ),
    (
        "a floor for a test the monitors do not run",
        "aws-uae-prod",
        "monitoring.drift",
        {"floors": {"amountt": 0.2}},
        ["platform.monitoring.drift.floors.amountt", "unknown test", "amount, hour_of_day"],
    ),
    (
        "a total variation floor above one",
        "aws-uae-prod",
        "monitoring.drift",
        {"floors": {"channel": 1.5}},
        ["platform.monitoring.drift.floors.channel", "at most 1"],
    ),
    (
        "a segment the baseline has no reference for",
        "aws-uae-prod",
        "monitoring.drift",
        {"segments": ["channel", "region"]},
        ["platform.monitoring.drift.segments[1]", "channel, card_tier, merchant_category"],
    ),
    (
        "a performance drop that cannot happen",
        "aws-uae-prod",
        "monitoring.drift",
        {"estimateAlertDrop": 1},
        ["platform.monitoring.drift.estimateAlertDrop", "less than 1"],
    ),
    (
        "a sliding window that is not a whole number of steps",
        "aws-uae-prod",
        "monitoring.drift",
        {"stream": {"slidingSeconds": 100, "stepSeconds": 15}},
        ["platform.monitoring.drift.stream.slidingSeconds", "whole multiple of stepSeconds (15)"],
    ),
    (
        "an unknown streaming key",
        "aws-uae-prod",
        "monitoring.drift",
        {"stream": {"windowSeconds": 60}},
        ["platform.monitoring.drift.stream.windowSeconds: unknown key"],
    ),
    (
        "an admission exception for both a namespace and a name",
        "aws-uae-prod",
        "admission",
        {
            "exceptions": [
                {
                    "rule": "K8S-002",
                    "namespace": "vendor",
                    "name": "agent",
                    "reason": "vendor agent needs the host network",
                    "expires": "2027-01-31",
                }
            ]
        },
        ["platform.admission.exceptions[0]", "exactly one of namespace"],
    ),
    (
        "an admission exception for a rule that is not a Kubernetes rule",
        "aws-uae-prod",
        "admission",
        {
            "exceptions": [
                {
                    "rule": "RES-001",
                    "namespace": "vendor",
                    "reason": "vendor agent needs the host network",
                    "expires": "2027-01-31",
                }
            ]
        },
        ["platform.admission.exceptions[0].rule", "Kubernetes rule id"],
    ),
    (
        "an admission exception without a date",
        "aws-uae-prod",
        "admission",
        {"exceptions": [{"rule": "K8S-002", "namespace": "vendor", "reason": "a good reason"}]},
        ["platform.admission.exceptions[0].expires"],
    ),
    (
        "unknown training model kind",
        "aws-uae-prod",
        "training.modelKind",
        "xgboost",
        ["platform.training.modelKind", "'hist_gbt' or 'logistic'"],
    ),
]


@pytest.mark.parametrize(
    ("path", "value", "words"),
    [
        ("training.gpu", True, ["platform.training.gpu", "GPU training needs a gpu node pool"]),
        (
            "training.distributed",
            {"nodes": 2},
            ["platform.training.distributed", "runs on the gpu node pool"],
        ),
        ("serving.gpu", True, ["platform.serving.gpu", "GPU serving needs a gpu node pool"]),
    ],
)
def test_gpu_work_without_a_gpu_pool_is_refused(path: str, value: Any, words: list[str]) -> None:
    values = _base("aws-uae-prod")
    platform = values["platform"]
    platform["nodePools"] = {k: v for k, v in platform["nodePools"].items() if v["kind"] != "gpu"}
    message = _problems(_set(values, path, value))
    for word in words:
        assert word in message, f"{word!r} missing from:\n{message}"


def test_training_defaults_to_the_gpu_pool_only_where_there_is_one() -> None:
    values = _base("aws-uae-prod")
    with_gpu = parse_stack_settings("t", values, lambda k: False, "test").platform
    assert with_gpu.training_on_gpu is True
    platform = values["platform"]
    platform["nodePools"] = {k: v for k, v in platform["nodePools"].items() if v["kind"] != "gpu"}
    del platform["training"]["distributed"]
    # Without gpu pools, no team's queue may claim GPUs (test_queues_config.py).
    for team in platform["queues"]["teams"].values():
        team["gpus"] = {}
    without = parse_stack_settings("t", values, lambda k: False, "test").platform
    assert without.training_on_gpu is False


@pytest.mark.parametrize(
    ("stack", "path", "value", "words"),
    [c[1:] for c in BAD_CONFIGS],
    ids=[c[0] for c in BAD_CONFIGS],
)
def test_bad_config_is_refused_with_a_specific_message(
    stack: str, path: str, value: Any, words: list[str]
) -> None:
    message = _problems(_set(_base(stack), path, value))
    for word in words:
        assert word in message, f"{word!r} missing from:\n{message}"


def test_a_secret_key_in_plain_text_is_refused() -> None:
    values = _base()
    values["registryDbPassword"] = "hunter2"
    message = _problems(values)
    assert "registryDbPassword: must be a Pulumi secret" in message
    assert "pulumi config set --secret registryDbPassword" in message
    # ... and never echoes the value.
    assert "hunter2" not in message


def test_a_secret_key_stored_as_a_secret_is_accepted() -> None:
    values = _base()
    values["servingApiToken"] = "[secret]"
    settings = parse_stack_settings("t", values, lambda k: k == "servingApiToken", "test")
    assert settings.secrets_set == {"servingApiToken"}


def test_unknown_project_key_is_refused() -> None:
    values = _base()
    values["region"] = "me-central-1"
    assert "region: unknown project key" in _problems(values)


def test_provider_default_region_that_contradicts_platform_is_refused() -> None:
    message = _problems(_base(), provider={"aws:region": "eu-west-1"})
    assert "aws:region: 'eu-west-1' contradicts platform.region 'me-central-1'" in message


def test_every_problem_is_reported_at_once() -> None:
    values = _set(
        _set(_base(), "region", "eu-west-1"), "nodePools.gpu.instanceTypes", ["m6i.large"]
    )
    message = _problems(values)
    assert "platform.region" in message
    assert "platform.nodePools.gpu.instanceTypes[0]" in message


def test_secure_values_in_a_stack_file_become_placeholders(tmp_path: Any) -> None:
    document = yaml.safe_load((STACKS_DIR / "Pulumi.aws-uae-dev.yaml").read_text())
    document["config"][f"{PROJECT}:servingApiToken"] = {"secure": "v1:abc:ciphertext"}
    (tmp_path / "Pulumi.s1.yaml").write_text(yaml.safe_dump(document))
    stack_file = read_stack_file("s1", tmp_path)
    assert stack_file.secret_keys == {"servingApiToken"}
    assert "ciphertext" not in str(stack_file.pulumi_config())
    assert load_stack_file("s1", tmp_path).secrets_set == {"servingApiToken"}


def test_gpu_and_system_pools_get_their_taints() -> None:
    platform = load_stack_file("aws-uae-prod").platform
    gpu = platform.node_pools["gpu"].effective_taints
    assert [(t.key, t.value, t.effect) for t in gpu] == [
        ("nvidia.com/gpu", "present", "NoSchedule")
    ]
    system = platform.node_pools["system"].effective_taints
    assert [t.key for t in system] == ["CriticalAddonsOnly"]
    assert platform.node_pools["cpu"].effective_taints == []


def test_round_trip_through_the_stack_value_is_lossless() -> None:
    platform = load_stack_file("azure-uaenorth-prod").platform
    assert PlatformConfig.model_validate(platform.to_stack_value()) == platform


def test_the_committed_json_schema_is_current_and_accepts_the_shipped_stacks(
    shipped_stacks: tuple[str, ...],
) -> None:
    import jsonschema

    from smp.schema import SCHEMA_PATH, render, stack_file_schema

    assert SCHEMA_PATH.read_text() == render(), "run `python -m smp.schema` and commit"
    validator = jsonschema.Draft202012Validator(stack_file_schema())
    for stack in shipped_stacks:
        document = yaml.safe_load((STACKS_DIR / f"Pulumi.{stack}.yaml").read_text())
        assert list(validator.iter_errors(document)) == []
    bad = yaml.safe_load((STACKS_DIR / "Pulumi.aws-uae-dev.yaml").read_text())
    bad["config"][f"{PROJECT}:platform"]["nodePools"]["gpu"]["maxSize"] = "four"
    bad["config"][f"{PROJECT}:servingApiToken"] = "plain"
    paths = sorted(".".join(map(str, e.absolute_path)) for e in validator.iter_errors(bad))
    assert paths == [
        f"config.{PROJECT}:platform.nodePools.gpu.maxSize",
        f"config.{PROJECT}:servingApiToken",
    ]


def test_uae_central_has_no_zones_and_says_so_with_zero() -> None:
    dr = load_stack_file("azure-uaecentral-dr").platform
    assert (dr.region, dr.network.availability_zones) == ("uaecentral", 0)
    assert load_stack_file("azure-uaenorth-prod").platform.network.availability_zones == 3


@pytest.mark.parametrize(
    ("stack", "zones"),
    [("azure-uaecentral-dr", 0), ("azure-uaenorth-prod", 3), ("aws-uae-prod", 3)],
)
def test_without_the_key_a_stack_gets_what_its_region_has_up_to_three(
    stack: str,
    zones: int,
) -> None:
    values = _set(_base(stack), "network.availabilityZones", _DELETE)
    settings = parse_stack_settings("t", values, lambda k: False, "test")
    assert settings.platform.network.availability_zones == zones


def test_the_zone_check_names_key_region_and_count_in_the_stack_file_error() -> None:
    values = _set(_base("azure-uaecentral-dr"), "network.availabilityZones", 2)
    message = _problems(values)
    assert "platform.network.availabilityZones: uaecentral has 0 available zones" in message, (
        message
    )
    assert "got 2 (int)" in message


def test_a_path_set_value_is_picked_up(tmp_path: Any) -> None:
    """What `pulumi config set --path platform.nodePools.gpu.maxSize 4` writes: a nested
    YAML integer under the project key, which the program then reads."""
    document = yaml.safe_load((STACKS_DIR / "Pulumi.aws-uae-prod.yaml").read_text())
    document["config"][f"{PROJECT}:platform"]["nodePools"]["gpu"]["maxSize"] = 4
    (tmp_path / "Pulumi.s2.yaml").write_text(yaml.safe_dump(document))
    assert load_stack_file("s2", tmp_path).platform.node_pools["gpu"].max_size == 4


def test_drift_floors_and_segments_from_the_stack_file() -> None:
    values = _base("aws-uae-prod")
    values["platform"]["monitoring"]["drift"] = {
        "floors": {"amount": 0.2},
        "segments": [],
        "estimateAlertDrop": 0.08,
        "stream": {"enabled": False},
    }
    drift = parse_stack_settings("t", values, lambda k: False, "test").platform.monitoring.drift
    assert drift.floors == {"amount": 0.2}
    assert drift.segments == []
    assert drift.estimate_alert_drop == 0.08
    assert drift.stream.enabled is False
    default = parse_stack_settings("t", _base("aws-uae-prod"), lambda k: False, "test").platform
    assert default.monitoring.drift.segments == ["channel", "card_tier", "merchant_category"]
    assert default.monitoring.drift.stream.enabled is True
