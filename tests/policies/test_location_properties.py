"""The generated table of location inputs (policies/location_properties.py) is the installed
SDKs' truth: generated from these very SDK versions, current for them, and it finds the
location inputs of types the platform does not use."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from policies.location_properties import (
    AWS_REGION,
    AZURE_LOCATION,
    GENERATOR_SHA256,
    LOCATION_PROPERTIES,
    REFERENCE,
    REMOTE,
    SDK_VERSIONS,
)
from policies.residency import JUDGED_ELSEWHERE, judged_elsewhere
from tests.policies import cases_residency

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "generate_location_properties.py"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_location_properties", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GENERATOR = _generator()
# Modules whose tables the fast check regenerates: both clouds, every kind.
SAMPLE = {
    "pulumi_aws.dynamodb": "aws:dynamodb/",
    "pulumi_aws.s3": "aws:s3/",
    "pulumi_aws.apigateway": "aws:apigateway/",
    "pulumi_azure_native.cosmosdb": "azure-native:cosmosdb:",
    "pulumi_azure_native.eventhub": "azure-native:eventhub:",
    "pulumi_azure_native.sql": "azure-native:sql:",
}


def test_the_table_was_generated_from_the_installed_sdk_versions() -> None:
    """A lock bump of pulumi-aws or pulumi-azure-native fails here until it is regenerated."""
    assert GENERATOR.sdk_versions() == SDK_VERSIONS


def test_the_table_is_current_for_a_sample_of_modules() -> None:
    fresh = GENERATOR.location_properties(SAMPLE)
    committed = {
        t: e for t, e in LOCATION_PROPERTIES.items() if t.startswith(tuple(SAMPLE.values()))
    }
    assert fresh == committed


def test_the_table_was_written_by_this_very_generator() -> None:
    """The table is a function of the generator and the SDK versions alone (the script
    imports nothing of the project, and the versions are checked above): an edited
    generator fails here until the table is regenerated. The full regeneration, which
    imports every module of both SDKs (minutes and most of a gigabyte), runs in
    `make location-properties-check`; the sample above proves the generator's output on
    both clouds inside the suite."""
    assert GENERATOR.generator_digest() == GENERATOR_SHA256
    assert "import policies" not in SCRIPT.read_text()
    assert "from policies" not in SCRIPT.read_text()


@pytest.mark.parametrize(
    ("token", "path", "kind"),
    [
        ("aws:dynamodb/table:Table", "replicas[].regionName", AWS_REGION),
        ("aws:dynamodb/table:Table", "replicas[].kmsKeyArn", REMOTE),
        ("aws:dynamodb/table:Table", "serverSideEncryption.kmsKeyArn", REFERENCE),
        (
            "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
            "rules[].destination.bucket",
            REMOTE,
        ),
        ("aws:apigateway/stage:Stage", "accessLogSettings.destinationArn", REMOTE),
        ("aws:rds/instance:Instance", "kmsKeyId", REFERENCE),
        ("pulumi:providers:aws", "stsRegion", AWS_REGION),
        ("azure-native:cosmosdb:DatabaseAccount", "locations[].locationName", AZURE_LOCATION),
        ("azure-native:eventhub:DisasterRecoveryConfig", "partnerNamespace", REMOTE),
        ("azure-native:servicebus:DisasterRecoveryConfig", "partnerNamespace", REMOTE),
        ("azure-native:sql:FailoverGroup", "partnerServers[].id", REMOTE),
        ("azure-native:network:VirtualNetworkPeering", "remoteVirtualNetwork.id", REMOTE),
        ("azure-native:dbforpostgresql:Server", "sourceServerResourceId", REMOTE),
        ("azure-native:storage:ObjectReplicationPolicy", "destinationAccount", REMOTE),
        (
            "azure-native:apimanagement:ApiManagementService",
            "additionalLocations[].location",
            AZURE_LOCATION,
        ),
        (
            "azure-native:awsconnector:Ec2VpcPeeringConnection",
            "properties.awsProperties.peerRegion",
            AWS_REGION,
        ),
    ],
)
def test_the_table_names_location_inputs_of_types_the_platform_does_not_use(
    token: str, path: str, kind: str
) -> None:
    assert (path, kind) in LOCATION_PROPERTIES[token]


@pytest.mark.parametrize(
    ("cloud", "path"),
    [
        ("aws", "storageDescriptor.location"),  # Glue: an S3 URI
        ("aws", "source.location"),  # CodeBuild: a repository URL
        ("azure", "buildProperties.appLocation"),  # Static Web Apps: a folder
        ("azure", "locationData.countryOrRegion"),  # a postal address
        ("aws", "roleName"),
        ("azure", "properties.sourceAddressPrefix"),
    ],
)
def test_names_that_hold_no_location_are_not_listed(cloud: str, path: str) -> None:
    assert GENERATOR.classify(cloud, path) is None


def test_inputs_judged_by_a_more_specific_rule_are_named_and_exist() -> None:
    """Each exclusion names an input the table has, and the rule that judges it has a
    non-compliant case on that input's type."""
    from tests.policies.test_rule_cases import ALL_CASES

    for (token, path), rule_id in JUDGED_ELSEWHERE.items():
        assert path in {p for p, _ in LOCATION_PROPERTIES[token]}, (token, path)
        assert judged_elsewhere(token, path) == rule_id
        subjects = [c for c in ALL_CASES if c.rule == rule_id and not c.compliant]
        types = {
            r.type
            for c in subjects
            for r in ((c.subject,) if not isinstance(c.subject, tuple) else c.subject)
        }
        assert token in types, (rule_id, token)


def test_the_cases_exercise_the_table() -> None:
    """The RES-012 cases use types the platform does not deploy."""
    types = {
        r.type
        for c in cases_residency.CASES
        if c.rule == "RES-012"
        for r in (c.subject if isinstance(c.subject, tuple) else (c.subject,))
    }
    assert {
        "aws:dynamodb/table:Table",
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
        "azure-native:cosmosdb:DatabaseAccount",
        "azure-native:eventhub:DisasterRecoveryConfig",
        "aws:apigateway/stage:Stage",
    } <= types
