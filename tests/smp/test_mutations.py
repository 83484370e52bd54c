"""Mutation suite: one known-bad change to a shipped stack's plan at a time; the gate must fail
with the expected rule id, as a mandatory violation."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from pulumi_policy.proxy import UNKNOWN_BOOLEAN_VALUE

from policies import jurisdictions
from policies.catalogue import all_rules
from smp.gate import evaluate_plan
from smp.offline import Plan, PlannedResource

PlanOf = Callable[[str], Plan]
RULES = all_rules()
RULES_BY_ID = {r.meta.id: r for r in RULES}


def _first(plan: Plan, type_: str, name_has: str = "") -> PlannedResource:
    for r in plan.resources:
        if r.type == type_ and name_has in r.name:
            return r
    raise AssertionError(f"{plan.stack} has no {type_} named *{name_has}*")


def _provider(plan: Plan, package: str) -> str:
    return next(r.urn for r in plan.resources if r.type == f"pulumi:providers:{package}")


def _add(
    plan: Plan,
    type_: str,
    name: str,
    inputs: dict[str, Any],
    property_dependencies: dict[str, list[str]] | None = None,
) -> PlannedResource:
    package = (
        "aws"
        if type_.startswith("aws:")
        else ("azure-native" if type_.startswith("azure-native:") else "kubernetes")
    )
    provider = next(
        (r.urn for r in plan.resources if r.type == f"pulumi:providers:{package}"), None
    )
    resource = PlannedResource(
        urn=f"urn:pulumi:{plan.stack}::sovereign-ml-platform::{type_}::{name}",
        type=type_,
        name=name,
        custom=True,
        inputs=inputs,
        parent=plan.root.urn,
        provider=provider,
        dependencies=[u for deps in (property_dependencies or {}).values() for u in deps],
        property_dependencies=property_dependencies or {},
    )
    plan.resources.append(resource)
    return resource


def _policy_json(r: PlannedResource, key: str = "policy") -> Any:
    return json.loads(r.inputs[key])


def _set_policy(r: PlannedResource, document: Any, key: str = "policy") -> None:
    r.inputs[key] = json.dumps(document)


def _pod(image: str, privileged: bool = False) -> dict[str, Any]:
    container = {
        "name": "app",
        "image": image,
        "resources": {
            "requests": {"cpu": "100m", "memory": "128Mi"},
            "limits": {"cpu": "1", "memory": "512Mi"},
        },
        "securityContext": {
            "runAsNonRoot": True,
            "allowPrivilegeEscalation": False,
            "readOnlyRootFilesystem": True,
            "privileged": privileged,
            "capabilities": {"drop": ["ALL"]},
            "seccompProfile": {"type": "RuntimeDefault"},
        },
    }
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": "app", "namespace": "serving"},
        "spec": {
            "selector": {"matchLabels": {"app": "x"}},
            "template": {"metadata": {"labels": {"app": "x"}}, "spec": {"containers": [container]}},
        },
    }


GOOD_IMAGE = "123456789012.dkr.ecr.me-central-1.amazonaws.com/serving@sha256:" + "a" * 64


@dataclass(frozen=True)
class Mutation:
    """A named, known-bad change and the rule that must catch it."""

    id: str
    stack: str
    rule: str
    apply: Callable[[Plan], None]
    pack_config: dict[str, Any] | None = None


def _region(type_: str, region: str, name_has: str = "") -> Callable[[Plan], None]:
    def apply(plan: Plan) -> None:
        _first(plan, type_, name_has).inputs["region"] = region

    return apply


def _location(type_: str, location: str) -> Callable[[Plan], None]:
    def apply(plan: Plan) -> None:
        _first(plan, type_).inputs["location"] = location

    return apply


def _setp(type_: str, path: str, value: Any, name_has: str = "") -> Callable[[Plan], None]:
    def apply(plan: Plan) -> None:
        node = _first(plan, type_, name_has).inputs
        *parents, last = path.split(".")
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return apply


def _delp(type_: str, key: str) -> Callable[[Plan], None]:
    def apply(plan: Plan) -> None:
        _first(plan, type_).inputs.pop(key, None)

    return apply


def _remove_all(type_: str) -> Callable[[Plan], None]:
    def apply(plan: Plan) -> None:
        plan.resources[:] = [r for r in plan.resources if r.type != type_]

    return apply


def _wildcard_role_policy(plan: Plan) -> None:
    r = _first(plan, "aws:iam/rolePolicy:RolePolicy")
    _set_policy(
        r,
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
        },
    )


def _open_key_policy(plan: Plan) -> None:
    r = _first(plan, "aws:kms/key:Key")
    doc = _policy_json(r)
    doc["Statement"].append(
        {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:Decrypt", "Resource": "*"}
    )
    _set_policy(r, doc)


def _no_tls_deny(plan: Plan) -> None:
    for r in plan.of_type("aws:s3/bucketPolicy:BucketPolicy"):
        doc = _policy_json(r)
        doc["Statement"] = [
            s
            for s in doc["Statement"]
            if "aws:SecureTransport" not in json.dumps(s.get("Condition", {}))
        ]
        _set_policy(r, doc)
        return


def _force_ssl_off(plan: Plan) -> None:
    r = _first(plan, "aws:rds/parameterGroup:ParameterGroup")
    r.inputs["parameters"] = [p for p in r.inputs["parameters"] if p["name"] != "rds.force_ssl"]


def _trail_bucket_abroad(plan: Plan) -> None:
    trail = _first(plan, "aws:cloudtrail/trail:Trail")
    bucket_urn = trail.property_dependencies["s3BucketName"][0]
    plan.by_urn()[bucket_urn].inputs["region"] = "eu-west-1"


def _workspace_abroad(plan: Plan) -> None:
    _first(plan, "azure-native:operationalinsights:Workspace").inputs["location"] = "westeurope"


def _drop_audit_category(plan: Plan) -> None:
    for r in plan.of_type("azure-native:monitor:DiagnosticSetting"):
        logs = r.inputs.get("logs", [])
        if any(entry.get("category") == "kube-audit" for entry in logs):
            r.inputs["logs"] = [e for e in logs if e.get("category") != "kube-audit"]


def _unknown(type_: str, key: str) -> Callable[[Plan], None]:
    def apply(plan: Plan) -> None:
        _first(plan, type_).inputs[key] = UNKNOWN_BOOLEAN_VALUE

    return apply


def _add_(type_: str, name: str, inputs: dict[str, Any]) -> Callable[[Plan], None]:
    def apply(plan: Plan) -> None:
        _add(plan, type_, name, copy.deepcopy(inputs))

    return apply


def _subscription_to_abroad(plan: Plan) -> None:
    group = _first(plan, "aws:cloudwatch/logGroup:LogGroup")
    _add(
        plan,
        "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter",
        "exfil",
        {
            "logGroup": group.inputs["name"],
            "filterPattern": "",
            "destinationArn": "arn:aws:firehose:eu-west-1:123456789012:deliverystream/x",
        },
    )


def _on_a_default_provider(plan: Plan) -> None:
    """What the CLI makes of a bucket registered without a provider."""
    default = _add(plan, "pulumi:providers:aws", "default_7_51_1", {"region": "me-central-1"})
    bucket = _add(plan, "aws:s3/bucket:Bucket", "stray", {"bucket": "stray"})
    bucket.provider = default.urn


def _untag(plan: Plan) -> None:
    _first(plan, "aws:s3/bucket:Bucket").inputs["tags"] = {"owner": "x"}


def _residency_tag(plan: Plan) -> None:
    bucket = _first(plan, "aws:s3/bucket:Bucket")
    bucket.inputs["tags"] = {**bucket.inputs["tags"], "data-residency": "bh"}


AWS, AWS_DEV = "aws-uae-prod", "aws-uae-dev"
AZ, AZ_DR = "azure-uaenorth-prod", "azure-uaecentral-dr"
EXPIRED = {
    "smp-res-001": {
        "exceptions": [
            {
                "resource": "*keys-logs*",
                "reason": "migration of the log key, approved by the DPO",
                "expires": "2020-01-31",
            }
        ]
    }
}

MUTATIONS = [
    Mutation("kms-key-in-eu-west-1", AWS, "RES-001", _region("aws:kms/key:Key", "eu-west-1")),
    Mutation("bucket-in-bahrain", AWS, "RES-001", _region("aws:s3/bucket:Bucket", "me-south-1")),
    Mutation(
        "provider-in-bahrain", AWS_DEV, "RES-001", _region("pulumi:providers:aws", "me-south-1")
    ),
    Mutation(
        "s3-replication",
        AWS,
        "RES-002",
        _add_(
            "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
            "repl",
            {
                "bucket": "b",
                "role": "arn:aws:iam::123456789012:role/r",
                "rules": [
                    {"status": "Enabled", "destination": {"bucket": "arn:aws:s3:::elsewhere"}}
                ],
            },
        ),
    ),
    Mutation(
        "ecr-replication-abroad",
        AWS,
        "RES-003",
        _add_(
            "aws:ecr/replicationConfiguration:ReplicationConfiguration",
            "ecr-repl",
            {
                "replicationConfiguration": {
                    "rules": [
                        {"destinations": [{"region": "eu-west-1", "registryId": "123456789012"}]}
                    ]
                }
            },
        ),
    ),
    Mutation("multi-region-key", AWS, "RES-004", _setp("aws:kms/key:Key", "multiRegion", True)),
    Mutation(
        "replica-key-abroad",
        AWS,
        "RES-004",
        _add_(
            "aws:kms/replicaKey:ReplicaKey",
            "replica",
            {
                "primaryKeyArn": "arn:aws:kms:me-central-1:123456789012:key/mrk-1",
                "region": "eu-central-1",
            },
        ),
    ),
    Mutation(
        "rds-replica-of-foreign-db",
        AWS,
        "RES-005",
        _setp(
            "aws:rds/instance:Instance",
            "replicateSourceDb",
            "arn:aws:rds:eu-west-1:123456789012:db:source",
        ),
    ),
    Mutation(
        "secret-replica-abroad",
        AWS,
        "RES-005",
        _add_("aws:secretsmanager/secret:Secret", "s", {"replicas": [{"region": "eu-west-1"}]}),
    ),
    Mutation(
        "backup-copy-abroad",
        AWS,
        "RES-006",
        _add_(
            "aws:backup/plan:Plan",
            "bp",
            {
                "rules": [
                    {
                        "ruleName": "r",
                        "targetVaultName": "v",
                        "copyActions": [
                            {
                                "destinationVaultArn": "arn:aws:backup:eu-west-1:123456789012:"
                                "backup-vault:dr"
                            }
                        ],
                    }
                ]
            },
        ),
    ),
    Mutation("log-subscription-abroad", AWS, "RES-009", _subscription_to_abroad),
    Mutation("trail-bucket-abroad", AWS, "RES-009", _trail_bucket_abroad),
    Mutation("default-provider", AWS, "RES-011", _on_a_default_provider),
    Mutation(
        "table-replica-key-abroad",
        AWS,
        "RES-012",
        _add_(
            "aws:dynamodb/table:Table",
            "features",
            {
                "name": "features",
                "hashKey": "id",
                "attributes": [{"name": "id", "type": "S"}],
                "replicas": [
                    {
                        "regionName": "me-central-1",
                        "kmsKeyArn": "arn:aws:kms:eu-west-1:123456789012:key/mrk-1",
                    }
                ],
            },
        ),
    ),
    Mutation(
        "sts-in-bahrain",
        AWS_DEV,
        "RES-012",
        _setp("pulumi:providers:aws", "stsRegion", "me-south-1"),
    ),
    Mutation(
        "cloudfront",
        AWS,
        "RES-010",
        _add_("aws:cloudfront/distribution:Distribution", "cdn", {"enabled": True}),
    ),
    Mutation(
        "eks-secrets-unencrypted",
        AWS,
        "ENC-001",
        _delp("aws:eks/cluster:Cluster", "encryptionConfig"),
    ),
    Mutation(
        "key-rotation-off", AWS, "ENC-002", _setp("aws:kms/key:Key", "enableKeyRotation", False)
    ),
    Mutation("key-policy-wildcard", AWS, "ENC-003", _open_key_policy),
    Mutation(
        "bucket-sse-s3",
        AWS,
        "ENC-004",
        _setp(
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            "rules.0.applyServerSideEncryptionByDefault",
            {"sseAlgorithm": "AES256"},
        ),
    ),
    Mutation(
        "bucket-without-sse",
        AWS_DEV,
        "ENC-004",
        _remove_all(
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"
        ),
    ),
    Mutation(
        "root-volume-unencrypted",
        AWS,
        "ENC-005",
        _setp(
            "aws:ec2/launchTemplate:LaunchTemplate", "blockDeviceMappings.0.ebs.encrypted", "false"
        ),
    ),
    Mutation(
        "rds-unencrypted",
        AWS,
        "ENC-006",
        _setp("aws:rds/instance:Instance", "storageEncrypted", False),
    ),
    Mutation("rds-ssl-optional", AWS, "ENC-006", _force_ssl_off),
    Mutation(
        "redis-plaintext",
        AWS,
        "ENC-007",
        _setp(
            "aws:elasticache/replicationGroup:ReplicationGroup", "transitEncryptionEnabled", False
        ),
    ),
    Mutation(
        "log-group-no-cmk", AWS, "ENC-008", _delp("aws:cloudwatch/logGroup:LogGroup", "kmsKeyId")
    ),
    Mutation(
        "ecr-aes256",
        AWS,
        "ENC-009",
        _setp(
            "aws:ecr/repository:Repository",
            "encryptionConfigurations",
            [{"encryptionType": "AES256"}],
        ),
    ),
    Mutation("bucket-allows-http", AWS, "ENC-012", _no_tls_deny),
    Mutation(
        "public-api-endpoint",
        AWS,
        "NET-001",
        _setp("aws:eks/cluster:Cluster", "vpcConfig.endpointPublicAccess", True),
    ),
    Mutation(
        "sg-open-to-internet",
        AWS,
        "NET-002",
        _setp(
            "aws:ec2/securityGroup:SecurityGroup",
            "ingress",
            [{"protocol": "tcp", "fromPort": 22, "toPort": 22, "cidrBlocks": ["0.0.0.0/0"]}],
        ),
    ),
    Mutation(
        "public-access-block-off",
        AWS,
        "NET-003",
        _setp("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "blockPublicPolicy", False),
    ),
    Mutation(
        "rds-public", AWS, "NET-004", _setp("aws:rds/instance:Instance", "publiclyAccessible", True)
    ),
    Mutation(
        "node-public-ip",
        AWS,
        "NET-005",
        _setp(
            "aws:ec2/launchTemplate:LaunchTemplate",
            "networkInterfaces",
            [{"associatePublicIpAddress": "true"}],
        ),
    ),
    Mutation("iam-star-star", AWS, "IAM-001", _wildcard_role_policy),
    Mutation(
        "iam-access-key", AWS, "IAM-002", _add_("aws:iam/accessKey:AccessKey", "ak", {"user": "ci"})
    ),
    Mutation(
        "aws-auth-configmap",
        AWS,
        "IAM-003",
        _setp("aws:eks/cluster:Cluster", "accessConfig.authenticationMode", "CONFIG_MAP"),
    ),
    Mutation(
        "no-oidc-or-pod-identity",
        AWS,
        "IAM-004",
        lambda p: [
            _remove_all("aws:iam/openIdConnectProvider:OpenIdConnectProvider")(p),
            _remove_all("aws:eks/podIdentityAssociation:PodIdentityAssociation")(p),
            _remove_all("aws:eks/addon:Addon")(p),
        ],
    ),
    Mutation(
        "audit-log-off",
        AWS,
        "LOG-001",
        _setp("aws:eks/cluster:Cluster", "enabledClusterLogTypes", ["api"]),
    ),
    Mutation(
        "trail-unvalidated",
        AWS,
        "LOG-002",
        _setp("aws:cloudtrail/trail:Trail", "enableLogFileValidation", False),
    ),
    Mutation(
        "single-region-trail",
        AWS,
        "LOG-007",
        _setp("aws:cloudtrail/trail:Trail", "isMultiRegionTrail", False),
    ),
    Mutation(
        "trail-without-global-events",
        AWS_DEV,
        "LOG-007",
        _setp("aws:cloudtrail/trail:Trail", "includeGlobalServiceEvents", False),
    ),
    Mutation(
        "short-retention",
        AWS,
        "LOG-003",
        _setp("aws:cloudwatch/logGroup:LogGroup", "retentionInDays", 7),
    ),
    Mutation("no-flow-logs", AWS, "LOG-004", _remove_all("aws:ec2/flowLog:FlowLog")),
    Mutation(
        "enhanced-monitoring-off",
        AWS,
        "LOG-006",
        _setp("aws:rds/instance:Instance", "monitoringInterval", 0),
    ),
    Mutation(
        "monitoring-role-without-policy",
        AWS_DEV,
        "LOG-006",
        lambda p: p.resources.remove(
            next(
                r
                for r in p.of_type("aws:iam/rolePolicyAttachment:RolePolicyAttachment")
                if r.inputs["policyArn"].endswith("AmazonRDSEnhancedMonitoringRole")
            )
        ),
    ),
    Mutation("untagged-bucket", AWS, "TAG-001", _untag),
    Mutation("wrong-residency-tag", AWS, "TAG-002", _residency_tag),
    Mutation("old-kubernetes", AWS, "K8S-009", _setp("aws:eks/cluster:Cluster", "version", "1.27")),
    Mutation(
        "privileged-pod",
        AWS,
        "K8S-001",
        _add_("kubernetes:apps/v1:Deployment", "priv", _pod(GOOD_IMAGE, privileged=True)),
    ),
    Mutation(
        "image-by-tag",
        AWS,
        "K8S-005",
        _add_(
            "kubernetes:apps/v1:Deployment",
            "tagged",
            _pod("123456789012.dkr.ecr.me-central-1.amazonaws.com/serving:latest"),
        ),
    ),
    Mutation(
        "image-from-docker-hub",
        AWS,
        "K8S-005",
        _add_("kubernetes:apps/v1:Deployment", "hub", _pod("nginx@sha256:" + "b" * 64)),
    ),
    Mutation(
        "namespace-without-default-deny",
        AWS,
        "K8S-006",
        _add_(
            "kubernetes:core/v1:Namespace",
            "ns",
            {
                "metadata": {
                    "name": "scratch",
                    "labels": {
                        f"pod-security.kubernetes.io/{m}": "restricted"
                        for m in ("enforce", "audit", "warn")
                    },
                }
            },
        ),
    ),
    Mutation(
        "cluster-admin-binding",
        AWS,
        "K8S-007",
        _add_(
            "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
            "crb",
            {"roleRef": {"kind": "ClusterRole", "name": "cluster-admin"}, "subjects": []},
        ),
    ),
    Mutation(
        "registry-scans-manually",
        AWS,
        "K8S-010",
        _setp(
            "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration",
            "rules.0.scanFrequency",
            "MANUAL",
        ),
    ),
    Mutation(
        "no-scanning-at-all",
        AWS_DEV,
        "K8S-010",
        lambda p: [
            _remove_all("aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration")(p),
            [
                r.inputs.update(imageScanningConfiguration={"scanOnPush": False})
                for r in p.of_type("aws:ecr/repository:Repository")
            ],
        ],
    ),
    Mutation("unknown-rotation", AWS, "ENC-002", _unknown("aws:kms/key:Key", "enableKeyRotation")),
    Mutation(
        "expired-exception",
        AWS,
        "RES-001",
        _region("aws:kms/key:Key", "eu-west-1", "keys-logs"),
        pack_config=EXPIRED,
    ),
    # Azure
    Mutation(
        "storage-in-westeurope",
        AZ,
        "RES-001",
        _location("azure-native:storage:StorageAccount", "westeurope"),
    ),
    Mutation(
        "acr-replica-abroad",
        AZ,
        "RES-008",
        _add_(
            "azure-native:containerregistry:Replication",
            "rep",
            {"location": "westeurope", "registryName": "r", "resourceGroupName": "g"},
        ),
    ),
    Mutation("diagnostics-to-foreign-workspace", AZ, "RES-009", _workspace_abroad),
    Mutation(
        "cosmos-failover-abroad",
        AZ,
        "RES-012",
        _add_(
            "azure-native:cosmosdb:DatabaseAccount",
            "cosmos",
            {
                "location": "uaenorth",
                "resourceGroupName": "g",
                "locations": [{"locationName": "uaenorth"}, {"locationName": "westeurope"}],
            },
        ),
    ),
    Mutation(
        "event-hub-partner-outside",
        AZ_DR,
        "RES-012",
        _add_(
            "azure-native:eventhub:DisasterRecoveryConfig",
            "dr",
            {
                "alias": "a",
                "namespaceName": "n",
                "resourceGroupName": "g",
                "partnerNamespace": "/subscriptions/x/resourceGroups/g/providers/"
                "Microsoft.EventHub/namespaces/elsewhere",
            },
        ),
    ),
    Mutation(
        "front-door",
        AZ,
        "RES-010",
        _add_(
            "azure-native:cdn:Profile",
            "fd",
            {"location": "global", "sku": {"name": "Premium_AzureFrontDoor"}},
        ),
    ),
    Mutation(
        "aks-public-api",
        AZ,
        "NET-001",
        _setp(
            "azure-native:containerservice:ManagedCluster",
            "apiServerAccessProfile.enablePrivateCluster",
            False,
        ),
    ),
    Mutation(
        "nsg-allow-internet",
        AZ_DR,
        "NET-002",
        _setp(
            "azure-native:network:NetworkSecurityGroup",
            "securityRules",
            [
                {
                    "name": "ssh",
                    "direction": "Inbound",
                    "access": "Allow",
                    "sourceAddressPrefix": "Internet",
                    "destinationPortRange": "22",
                    "priority": 100,
                }
            ],
        ),
    ),
    Mutation(
        "storage-public-network",
        AZ,
        "NET-004",
        _setp("azure-native:storage:StorageAccount", "publicNetworkAccess", "Enabled"),
    ),
    Mutation(
        "vault-no-purge-protection",
        AZ,
        "ENC-011",
        _setp("azure-native:keyvault:Vault", "properties.enablePurgeProtection", False),
    ),
    Mutation(
        "storage-tls10",
        AZ,
        "ENC-010",
        _setp("azure-native:storage:StorageAccount", "minimumTlsVersion", "TLS1_0"),
    ),
    Mutation(
        "redis-non-tls-port",
        AZ_DR,
        "ENC-007",
        _setp("azure-native:redis:Redis", "enableNonSslPort", True),
    ),
    Mutation(
        "aks-local-accounts",
        AZ,
        "IAM-003",
        _setp("azure-native:containerservice:ManagedCluster", "disableLocalAccounts", False),
    ),
    Mutation(
        "acr-admin-user",
        AZ,
        "IAM-002",
        _setp("azure-native:containerregistry:Registry", "adminUserEnabled", True),
    ),
    Mutation(
        "subscription-wide-role",
        AZ,
        "IAM-006",
        _setp(
            "azure-native:authorization:RoleAssignment",
            "scope",
            "/subscriptions/00000000-0000-4000-8000-000000000001",
        ),
    ),
    Mutation("aks-audit-not-exported", AZ, "LOG-001", _drop_audit_category),
    Mutation(
        "defender-for-containers-free",
        AZ,
        "K8S-010",
        _setp("azure-native:security:Pricing", "pricingTier", "Free"),
    ),
    Mutation(
        "no-defender-for-containers", AZ_DR, "K8S-010", _remove_all("azure-native:security:Pricing")
    ),
    Mutation(
        "secret-never-expires",
        AZ,
        "IAM-007",
        lambda p: _first(p, "azure-native:keyvault:Secret").inputs["properties"].pop("attributes"),
    ),
    Mutation(
        "secret-expires-in-a-decade",
        AZ_DR,
        "IAM-007",
        _setp("azure-native:keyvault:Secret", "properties.attributes.expires", 2145916800),
    ),
    Mutation(
        "workspace-short-retention",
        AZ_DR,
        "LOG-003",
        _setp("azure-native:operationalinsights:Workspace", "retentionInDays", 30),
    ),
]


def test_the_suite_is_large_and_covers_every_family() -> None:
    assert len(MUTATIONS) >= 40
    assert len({m.id for m in MUTATIONS}) == len(MUTATIONS)
    families = {r.meta.family for r in RULES if r.meta.id in {m.rule for m in MUTATIONS}}
    assert families == {r.meta.family for r in RULES}


_BASELINE: dict[str, set[str]] = {}


def _baseline(plan_of: PlanOf, stack: str) -> set[str]:
    """Rule ids the unmutated stack already violates (computed once per stack)."""
    if stack not in _BASELINE:
        _BASELINE[stack] = {v.rule_id for v in evaluate_plan(plan_of(stack), RULES) if v.mandatory}
    return _BASELINE[stack]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[f"{m.rule}-{m.id}" for m in MUTATIONS])
def test_the_gate_catches_the_mutation(plan_of: PlanOf, mutation: Mutation) -> None:
    plan = copy.deepcopy(plan_of(mutation.stack))
    before = _baseline(plan_of, mutation.stack)
    assert mutation.rule not in before, f"{mutation.stack} already violates {mutation.rule}"
    mutation.apply(plan)
    # Only the expected rule is judged: rules are independent (each gets its own view of
    # the plan), and judging the whole pack 80 times was a quarter of the suite's time.
    # On a miss, the whole pack says what the mutation did trigger.
    rule = RULES_BY_ID[mutation.rule]
    after = [v for v in evaluate_plan(plan, [rule], mutation.pack_config) if v.mandatory]
    if mutation.rule not in {v.rule_id for v in after}:
        everything = evaluate_plan(plan, RULES, mutation.pack_config)
        found = sorted({v.rule_id for v in everything if v.mandatory})
        pytest.fail(f"{mutation.id}: expected {mutation.rule}, got {found}")


def test_geo_redundancy_follows_the_catalogue_pair(
    plan_of: PlanOf, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = copy.deepcopy(plan_of(AZ))
    account = _first(plan, "azure-native:storage:StorageAccount")
    account.inputs["sku"] = {"name": "Standard_RAGRS"}
    assert "RES-007" not in {v.rule_id for v in evaluate_plan(plan, RULES)}
    uae = jurisdictions.JURISDICTIONS["uae"]
    moved = jurisdictions.Jurisdiction(
        uae.id, uae.name, uae.regions, azure_pairs={"uaenorth": "westeurope"}
    )
    monkeypatch.setitem(jurisdictions.JURISDICTIONS, "uae", moved)
    assert "RES-007" in {v.rule_id for v in evaluate_plan(plan, RULES) if v.mandatory}
