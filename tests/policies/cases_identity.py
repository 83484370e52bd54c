"""Identity rules (IAM-*): compliant and non-compliant cases."""

from __future__ import annotations

import datetime as dt

from tests.policies.builders import (
    ACCOUNT,
    AWS_UAE,
    AZ_NORTH,
    RG,
    SUB,
    Case,
    Res,
    bad,
    doc,
    ok,
    patched,
)
from tests.policies.stream_fixtures import (
    MSK_CLUSTER,
    NAMESPACE,
)

READ_MODELS = {
    "Effect": "Allow",
    "Action": ["s3:GetObject", "s3:ListBucket"],
    "Resource": ["arn:aws:s3:::smp-models", "arn:aws:s3:::smp-models/*"],
}


def _policy(name: str, *statements: dict, type_: str = "aws:iam/policy:Policy") -> Res:
    return Res(type_, name, {"name": name, "policy": doc(*statements)}, provider=AWS_UAE)


EKS = Res(
    "aws:eks/cluster:Cluster",
    "eks",
    {
        "name": "smp-aws-uae-prod",
        "version": "1.31",
        "accessConfig": {
            "authenticationMode": "API",
            "bootstrapClusterCreatorAdminPermissions": False,
        },
    },
    provider=AWS_UAE,
)
AKS = Res(
    "azure-native:containerservice:ManagedCluster",
    "aks",
    {
        "location": "uaenorth",
        "resourceGroupName": "smp",
        "enableRBAC": True,
        "disableLocalAccounts": True,
        "aadProfile": {
            "managed": True,
            "enableAzureRBAC": True,
            "tenantID": "00000000-0000-4000-8000-0000000000aa",
        },
        "oidcIssuerProfile": {"enabled": True},
        "securityProfile": {"workloadIdentity": {"enabled": True}},
    },
    provider=AZ_NORTH,
)

OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
UAA = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"
BLOB_READER = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"


def _assignment(scope: str, role: str) -> Res:
    return Res(
        "azure-native:authorization:RoleAssignment",
        "ra",
        {
            "scope": scope,
            "principalId": "00000000-0000-4000-8000-0000000000ee",
            "principalType": "ServicePrincipal",
            "roleDefinitionId": f"{SUB}/providers/Microsoft.Authorization/roleDefinitions/{role}",
        },
        provider=AZ_NORTH,
    )


STORAGE_SCOPE = f"{RG}/providers/Microsoft.Storage/storageAccounts/smpfeatures"
VAULT = Res(
    "azure-native:keyvault:Vault",
    "kv",
    {
        "location": "uaenorth",
        "resourceGroupName": "smp",
        "properties": {
            "enableRbacAuthorization": True,
            "tenantId": "t",
            "sku": {"family": "A", "name": "premium"},
        },
    },
    provider=AZ_NORTH,
)


def _secret(days: int | None) -> Res:
    """The registry's credentials secret, expiring `days` from today (None: never)."""
    props: dict = {"value": "{}", "contentType": "application/json"}
    if days is not None:
        when = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=days)
        props["attributes"] = {
            "enabled": True,
            "expires": float((when - dt.date(1970, 1, 1)).days * 86400),
        }
    return Res(
        "azure-native:keyvault:Secret",
        "db-credentials",
        {
            "secretName": "registry-db-credentials",
            "vaultName": "kv",
            "resourceGroupName": "rg",
            "properties": props,
        },
        provider=AZ_NORTH,
    )


CASES: list[Case] = [
    # IAM-001 -----------------------------------------------------------------
    ok("IAM-001", "named-actions-and-arns", _policy("read-models", READ_MODELS)),
    ok(
        "IAM-001",
        "service-wildcard-on-one-bucket",
        _policy(
            "rw-models",
            {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::smp-models/*"},
        ),
    ),
    ok(
        "IAM-001",
        "sensitive-action-with-condition",
        _policy(
            "pass-role",
            {
                "Effect": "Allow",
                "Action": "iam:PassRole",
                "Resource": "*",
                "Condition": {"StringEquals": {"iam:PassedToService": "eks.amazonaws.com"}},
            },
        ),
    ),
    ok(
        "IAM-001",
        "deny-everything-else",
        _policy(
            "guard",
            READ_MODELS,
            {
                "Effect": "Deny",
                "Action": "*",
                "Resource": "*",
                "Condition": {"Bool": {"aws:SecureTransport": "false"}},
            },
        ),
    ),
    ok(
        "IAM-001",
        "role-inline-policy",
        Res(
            "aws:iam/role:Role",
            "serving",
            {
                "assumeRolePolicy": doc(
                    {
                        "Effect": "Allow",
                        "Action": "sts:AssumeRole",
                        "Principal": {"Service": "pods.eks.amazonaws.com"},
                    }
                ),
                "inlinePolicies": [{"name": "read", "policy": doc(READ_MODELS)}],
            },
            provider=AWS_UAE,
        ),
    ),
    ok(
        "IAM-001",
        "role-policy",
        _policy("read", READ_MODELS, type_="aws:iam/rolePolicy:RolePolicy"),
    ),
    bad(
        "IAM-001",
        "admin",
        _policy("admin", {"Effect": "Allow", "Action": "*", "Resource": "*"}),
        "Statement[0] allows every action ('*')",
    ),
    bad(
        "IAM-001",
        "service-wildcard-everywhere",
        _policy("s3-all", READ_MODELS, {"Effect": "Allow", "Action": ["s3:*"], "Resource": "*"}),
        "Statement[1] allows s3:* on every resource",
    ),
    bad(
        "IAM-001",
        "kms-on-every-key",
        _policy("kms", {"Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": ["*"]}),
        "Statement[0] allows kms:Decrypt on every resource without a condition",
    ),
    bad(
        "IAM-001",
        "not-action",
        _policy("not-action", {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}),
        "Statement[0] uses NotAction",
    ),
    bad(
        "IAM-001",
        "user-policy-admin",
        _policy(
            "u",
            {"Effect": "Allow", "Action": "*:*", "Resource": "*"},
            type_="aws:iam/userPolicy:UserPolicy",
        ),
        "allows every action",
    ),
    bad(
        "IAM-001",
        "role-inline-admin",
        Res(
            "aws:iam/role:Role",
            "admin",
            {
                "assumeRolePolicy": doc(
                    {
                        "Effect": "Allow",
                        "Action": "sts:AssumeRole",
                        "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
                    }
                ),
                "inlinePolicies": [
                    {"name": "read", "policy": doc(READ_MODELS)},
                    {
                        "name": "all",
                        "policy": doc({"Effect": "Allow", "Action": "*", "Resource": "*"}),
                    },
                ],
            },
            provider=AWS_UAE,
        ),
        "inlinePolicies[1]: Statement[0] allows every action",
    ),
    # Gap: attaching an AWS-managed admin policy bypasses the rule (see the report).
    bad(
        "IAM-001",
        "administrator-access-attached",
        Res(
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            "ci-admin",
            {"role": "smp-ci", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"},
            provider=AWS_UAE,
        ),
        "AdministratorAccess",
    ),
    ok(
        "IAM-001",
        "narrow-managed-policy-attached",
        Res(
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            "node-ecr",
            {
                "role": "smp-nodes",
                "policyArn": "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly",
            },
            provider=AWS_UAE,
        ),
    ),
    bad(
        "IAM-001",
        "power-user-attached-to-user",
        Res(
            "aws:iam/userPolicyAttachment:UserPolicyAttachment",
            "u",
            {"user": "ci", "policyArn": "arn:aws:iam::aws:policy/PowerUserAccess"},
            provider=AWS_UAE,
        ),
        "PowerUserAccess",
    ),
    bad(
        "IAM-001",
        "full-access-attached-to-group",
        Res(
            "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
            "g",
            {"group": "ops", "policyArn": "arn:aws:iam::aws:policy/AmazonS3FullAccess"},
            provider=AWS_UAE,
        ),
        "AmazonS3FullAccess",
    ),
    bad(
        "IAM-001",
        "iam-full-access-policy-attachment",
        Res(
            "aws:iam/policyAttachment:PolicyAttachment",
            "pa",
            {"roles": ["smp-ci"], "policyArn": "arn:aws:iam::aws:policy/IAMFullAccess"},
            provider=AWS_UAE,
        ),
        "IAMFullAccess",
    ),
    bad(
        "IAM-001",
        "policy-missing",
        Res("aws:iam/groupPolicy:GroupPolicy", "g", {"group": "ops"}, provider=AWS_UAE),
        "policy is missing or not valid JSON",
    ),
    # IAM-002 -----------------------------------------------------------------
    ok(
        "IAM-002",
        "storage-no-shared-key",
        Res(
            "azure-native:storage:StorageAccount",
            "sa",
            {"location": "uaenorth", "allowSharedKeyAccess": False},
            provider=AZ_NORTH,
        ),
    ),
    ok(
        "IAM-002",
        "acr-no-admin",
        Res(
            "azure-native:containerregistry:Registry",
            "acr",
            {"location": "uaenorth", "adminUserEnabled": False},
            provider=AZ_NORTH,
        ),
    ),
    ok(
        "IAM-002",
        "redis-entra-only",
        Res(
            "azure-native:redis:Redis",
            "redis",
            {
                "location": "uaenorth",
                "disableAccessKeyAuthentication": True,
                "redisConfiguration": {"aadEnabled": "true"},
            },
            provider=AZ_NORTH,
        ),
    ),
    bad(
        "IAM-002",
        "access-key",
        Res("aws:iam/accessKey:AccessKey", "ci", {"user": "ci"}, provider=AWS_UAE),
        "IAM access key",
    ),
    bad(
        "IAM-002",
        "iam-user",
        Res("aws:iam/user:User", "ci", {"name": "ci"}, provider=AWS_UAE),
        "IAM users hold long-lived credentials",
    ),
    bad(
        "IAM-002",
        "storage-shared-key-default",
        Res(
            "azure-native:storage:StorageAccount", "sa", {"location": "uaenorth"}, provider=AZ_NORTH
        ),
        "allowSharedKeyAccess is not false",
    ),
    bad(
        "IAM-002",
        "acr-admin",
        Res(
            "azure-native:containerregistry:Registry",
            "acr",
            {"location": "uaenorth", "adminUserEnabled": True},
            provider=AZ_NORTH,
        ),
        "adminUserEnabled is not false",
    ),
    bad(
        "IAM-002",
        "redis-access-keys",
        Res("azure-native:redis:Redis", "redis", {"location": "uaenorth"}, provider=AZ_NORTH),
        "disableAccessKeyAuthentication is not true",
    ),
    # IAM-003 -----------------------------------------------------------------
    ok("IAM-003", "eks-access-entries", EKS),
    ok("IAM-003", "aks-entra-rbac", AKS),
    bad(
        "IAM-003",
        "eks-config-map",
        patched(EKS, "accessConfig", {"authenticationMode": "API_AND_CONFIG_MAP"}),
        "accessConfig.authenticationMode is 'API_AND_CONFIG_MAP'",
        "accessConfig.bootstrapClusterCreatorAdminPermissions is not false",
    ),
    bad(
        "IAM-003",
        "eks-default",
        EKS.with_props(accessConfig=None),
        "accessConfig.authenticationMode is <missing>",
    ),
    bad(
        "IAM-003",
        "aks-local-accounts",
        AKS.with_props(disableLocalAccounts=False, enableRBAC=False, aadProfile=None),
        "disableLocalAccounts is not true",
        "enableRBAC is false",
        "aadProfile.enableAzureRBAC is not true",
        "aadProfile.managed is not true",
    ),
    # IAM-004 -----------------------------------------------------------------
    ok(
        "IAM-004",
        "eks-oidc-provider",
        (
            EKS,
            Res(
                "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
                "eks-oidc",
                {
                    "url": "https://oidc.eks.me-central-1.amazonaws.com/id/ABC",
                    "clientIdLists": ["sts.amazonaws.com"],
                },
                provider=AWS_UAE,
                deps={"url": ("eks",)},
            ),
        ),
    ),
    ok(
        "IAM-004",
        "eks-pod-identity",
        (
            EKS,
            Res(
                "aws:eks/podIdentityAssociation:PodIdentityAssociation",
                "serving-pia",
                {
                    "clusterName": "smp-aws-uae-prod",
                    "namespace": "ml-platform",
                    "serviceAccount": "serving",
                    "roleArn": f"arn:aws:iam::{ACCOUNT}:role/serving",
                },
                provider=AWS_UAE,
                deps={"clusterName": ("eks",)},
            ),
        ),
    ),
    ok("IAM-004", "aks-workload-identity", (AKS,)),
    bad(
        "IAM-004",
        "eks-without-federation",
        (EKS,),
        "cluster eks has neither an OIDC provider nor pod identity associations",
    ),
    bad(
        "IAM-004",
        "aks-without-workload-identity",
        (AKS.with_props(oidcIssuerProfile={"enabled": False}, securityProfile=None),),
        "oidcIssuerProfile.enabled is not true",
        "securityProfile.workloadIdentity.enabled is not true",
    ),
    # IAM-005 -----------------------------------------------------------------
    ok("IAM-005", "vault-rbac", VAULT),
    bad(
        "IAM-005",
        "vault-access-policies",
        patched(VAULT, "properties.enableRbacAuthorization", False),
        "properties.enableRbacAuthorization is not true",
    ),
    # IAM-006 -----------------------------------------------------------------
    ok("IAM-006", "storage-account-reader", _assignment(STORAGE_SCOPE, BLOB_READER)),
    ok("IAM-006", "resource-group-reader", _assignment(RG, BLOB_READER)),
    bad(
        "IAM-006",
        "subscription-scope",
        _assignment(SUB, BLOB_READER),
        f"scope {SUB} is a whole subscription",
    ),
    bad("IAM-006", "owner-on-group", _assignment(RG, OWNER), "grants Owner"),
    bad(
        "IAM-006",
        "user-access-admin",
        _assignment(STORAGE_SCOPE, UAA.upper()),
        "grants User Access Administrator",
    ),
    bad(
        "IAM-006",
        "scope-missing",
        Res(
            "azure-native:authorization:RoleAssignment",
            "ra",
            {"principalId": "p", "roleDefinitionId": BLOB_READER},
            provider=AZ_NORTH,
        ),
        "scope is missing",
    ),
    bad(
        "IAM-006",
        "management-group-scope",
        _assignment("/providers/Microsoft.Management/managementGroups/smp-root", BLOB_READER),
        "scope /providers/Microsoft.Management/managementGroups/smp-root",
    ),
    # IAM-007 -----------------------------------------------------------------
    ok("IAM-007", "expires-within-a-year", _secret(days=180)),
    ok("IAM-007", "configured-lifetime", _secret(days=700), config={"maxSecretLifetimeDays": 730}),
    bad(
        "IAM-007",
        "never-expires",
        _secret(days=None),
        "properties.attributes.expires is not set: the secret never expires",
    ),
    bad("IAM-007", "expired", _secret(days=-1), "the secret expired on", "rotate it"),
    bad(
        "IAM-007",
        "expiry-too-far",
        _secret(days=5 * 365),
        "more than 366 days ahead (maxSecretLifetimeDays)",
    ),
    bad(
        "IAM-007",
        "expiry-not-a-timestamp",
        Res(
            "azure-native:keyvault:Secret",
            "db-credentials",
            {
                "secretName": "registry-db-credentials",
                "vaultName": "kv",
                "resourceGroupName": "rg",
                "properties": {"value": "x", "attributes": {"expires": "2027-01-01"}},
            },
            provider=AZ_NORTH,
        ),
        "is '2027-01-01', not seconds since 1970-01-01",
    ),
]

# The event stream (issue 15): MSK, Event Hubs, MSK Replicator and MSK Connect.
CASES += [
    # IAM-008 (issue 15) ------------------------------------------------------------
    ok("IAM-008", "msk-iam-only", MSK_CLUSTER),
    bad(
        "IAM-008",
        "msk-scram-passwords",
        MSK_CLUSTER.with_props(
            clientAuthentication={"sasl": {"iam": False, "scram": True}, "unauthenticated": False}
        ),
        "sasl.iam is not true",
        "SASL/SCRAM",
    ),
    bad(
        "IAM-008",
        "msk-auth-unstated",
        MSK_CLUSTER.with_props(clientAuthentication=None),
        "sasl.iam is not true",
        "unauthenticated is not false",
    ),
    # IAM-009 -------------------------------------------------------------------------
    ok("IAM-009", "event-hubs-entra-only", NAMESPACE),
    bad(
        "IAM-009",
        "event-hubs-local-auth",
        NAMESPACE.with_props(disableLocalAuth=False),
        "disableLocalAuth is not true",
    ),
    bad(
        "IAM-009",
        "sas-rule",
        Res(
            "azure-native:eventhub:NamespaceAuthorizationRule",
            "producer-key",
            {"namespaceName": "evhns", "resourceGroupName": "smp", "rights": ["Send"]},
            provider=AZ_NORTH,
        ),
        "NamespaceAuthorizationRule creates a shared access (SAS) key",
    ),
    bad(
        "IAM-009",
        "event-hub-sas-rule",
        Res(
            "azure-native:eventhub:EventHubAuthorizationRule",
            "consumer-key",
            {
                "namespaceName": "evhns",
                "eventHubName": "transactions",
                "resourceGroupName": "smp",
                "rights": ["Listen"],
            },
            provider=AZ_NORTH,
        ),
        "EventHubAuthorizationRule creates a shared access (SAS) key",
    ),
]


# IAM-012: the permissions boundary on every role ---------------------------------------
BOUNDARY_ARN = f"arn:aws:iam::{ACCOUNT}:policy/smp-boundary/smp-role-boundary"
_TRUST = doc(
    {"Effect": "Allow", "Principal": {"Service": "eks.amazonaws.com"}, "Action": "sts:AssumeRole"}
)


def _role(name: str = "cluster", **props: object) -> Res:
    return Res(
        "aws:iam/role:Role",
        name,
        {"assumeRolePolicy": _TRUST, "permissionsBoundary": BOUNDARY_ARN, **props},
        provider=AWS_UAE,
    )


CASES += [
    ok("IAM-012", "role-with-the-boundary", (_role(), _role("nodes"))),
    bad(
        "IAM-012",
        "role-without-a-boundary",
        (_role(), _role("nodes").with_props(permissionsBoundary=None)),
        "role nodes has no permissionsBoundary",
    ),
    bad(
        "IAM-012",
        "boundary-that-is-not-the-platforms",
        (_role(permissionsBoundary=f"arn:aws:iam::{ACCOUNT}:policy/anything-goes"),),
        "permissionsBoundary arn:aws:iam::123456789012:policy/anything-goes is not a boundary",
    ),
    bad(
        "IAM-012",
        "boundary-attached-as-a-grant",
        (
            _role(),
            Res(
                "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                "cluster-boundary",
                {"role": "cluster", "policyArn": BOUNDARY_ARN},
                provider=AWS_UAE,
            ),
        ),
        "cluster-boundary attaches the boundary",
    ),
    bad(
        "IAM-012",
        "boundary-in-managed-policy-arns",
        (_role(managedPolicyArns=[BOUNDARY_ARN]),),
        "role cluster attaches the boundary",
    ),
]


# Argo: who the server acts as, and what workflow service accounts may do.
from tests.policies.cases_kubernetes import (  # noqa: E402 - the Argo builders live there
    K8S,
    argo_server,
    argo_workflows_release,
    workflow_template,
)


def _cluster_binding(namespace: str, account: str) -> Res:
    return Res(
        "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
        f"crb-{account}",
        {
            "metadata": {"name": f"{account}-view"},
            "roleRef": {
                "apiGroup": "rbac.authorization.k8s.io",
                "kind": "ClusterRole",
                "name": "view",
            },
            "subjects": [{"kind": "ServiceAccount", "name": account, "namespace": namespace}],
        },
        provider=K8S,
    )


CASES += [
    ok("IAM-010", "client-auth", argo_workflows_release()),
    ok(
        "IAM-010",
        "server-off",
        argo_workflows_release(server={"enabled": False, "authModes": ["server"]}),
    ),
    bad(
        "IAM-010",
        "server-auth-mode",
        argo_workflows_release(server=argo_server(authModes=["server"])),
        "values.server.authModes includes 'server'",
    ),
    bad(
        "IAM-010",
        "client-and-server",
        argo_workflows_release(server=argo_server(authModes=["client", "server"])),
        "includes 'server'",
    ),
    bad(
        "IAM-010",
        "auth-modes-unset",
        argo_workflows_release(server=argo_server(authModes=None)),
        "values.server.authModes is not set",
    ),
    bad(
        "IAM-010",
        "legacy-auth-mode",
        argo_workflows_release(server=argo_server(authMode="server")),
        "values.server.authMode is 'server'",
    ),
    ok(
        "IAM-011",
        "cluster-binding-for-another-namespace",
        (
            argo_workflows_release(),
            workflow_template(),
            _cluster_binding("monitoring", "prometheus"),
        ),
    ),
    bad(
        "IAM-011",
        "workflow-account-bound-cluster-wide",
        (workflow_template(), _cluster_binding("training", "training")),
        "grants view cluster-wide to service account training/training",
    ),
    bad(
        "IAM-011",
        "any-account-of-a-workflow-namespace",
        (argo_workflows_release(), _cluster_binding("training", "helper")),
        "service account training/helper",
    ),
    bad(
        "IAM-011",
        "workflow-without-account-runs-as-default",
        (workflow_template(serviceAccountName=None), _cluster_binding("training", "default")),
        "service account training/default",
    ),
]
