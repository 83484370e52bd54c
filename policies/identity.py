"""Identity: cluster RBAC, no local admin, least privilege, workload identity, no static keys."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from pulumi_policy import ResourceValidationArgs, Severity, StackValidationArgs
from pulumi_policy.proxy import UnknownValueError

from policies import framework
from policies.encryption import statements
from policies.framework import MISSING, RuleMeta, dig, items, resource_rule, stack_rule
from policies.residency import policy_document

IAM_001 = RuleMeta(
    id="IAM-001",
    family="identity",
    title="Least-privilege IAM",
    description="No IAM policy allows '*' actions, a whole service ('s3:*') on '*' resources, "
    "or any action on '*' for identity and key administration (iam:*, kms:*, sts:*).",
    severity=Severity.CRITICAL,
    iso27001=("A.5.15", "A.8.2"),
    nist80053=("AC-6", "AC-3"),
    remediation="Name the actions and the ARNs (buckets, keys, log groups) a role needs.",
)

_POLICY_TYPES = {
    "aws:iam/policy:Policy": "policy",
    "aws:iam/rolePolicy:RolePolicy": "policy",
    "aws:iam/userPolicy:UserPolicy": "policy",
    "aws:iam/groupPolicy:GroupPolicy": "policy",
    "aws:iam/role:Role": "inlinePolicies",
}
_SENSITIVE_PREFIXES = ("iam:", "kms:", "sts:", "organizations:")


def _as_list(value: Any) -> list[str]:
    if value is None or value is MISSING:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def wildcard_problems(document: Any) -> Iterator[str]:
    """Why a policy document is not least-privilege (nothing when it is)."""
    for i, st in enumerate(statements(document)):
        if not isinstance(st, Mapping) or st.get("Effect") != "Allow":
            continue
        actions = _as_list(st.get("Action"))
        resources = _as_list(st.get("Resource"))
        if st.get("NotAction") is not None:
            yield f"Statement[{i}] uses NotAction (allows everything else)"
        if "*" in actions or any(a == "*:*" for a in actions):
            yield f"Statement[{i}] allows every action ('*')"
            continue
        if "*" in resources:
            for action in actions:
                if action.endswith(":*"):
                    yield f"Statement[{i}] allows {action} on every resource"
                elif action.startswith(_SENSITIVE_PREFIXES) and "Condition" not in st:
                    yield f"Statement[{i}] allows {action} on every resource without a condition"


# AWS-managed policies that grant administration or whole services; attaching one
# bypasses every scoped document.
_BROAD_MANAGED = ("AdministratorAccess", "PowerUserAccess", "IAMFullAccess")
_ATTACHMENT_TYPES = (
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:iam/userPolicyAttachment:UserPolicyAttachment",
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
    "aws:iam/policyAttachment:PolicyAttachment",
)


def _broad_managed(arn: Any) -> str | None:
    name = str(arn).rsplit("/", 1)[-1]
    if str(arn).startswith("arn:aws:iam::aws:policy/") and (
        name in _BROAD_MANAGED or name.endswith("FullAccess")
    ):
        return name
    return None


@resource_rule(IAM_001, types=(*_POLICY_TYPES, *_ATTACHMENT_TYPES))
def _least_privilege(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if args.resource_type in _ATTACHMENT_TYPES:
        broad = _broad_managed(dig(args.props, "policyArn"))
        if broad:
            yield f"attaches the AWS-managed policy {broad}"
        return
    if args.resource_type == "aws:iam/role:Role":
        for arn in items(dig(args.props, "managedPolicyArns")):
            broad = _broad_managed(arn)
            if broad:
                yield f"managedPolicyArns attaches the AWS-managed policy {broad}"
    if args.resource_type == "aws:iam/policy:Policy" and str(dig(args.props, "path")) == (
        BOUNDARY_PATH
    ):
        # A permissions boundary only caps (its `*` grants nothing by itself): IAM-012
        # refuses it attached as a grant, RES-016 judges its region deny.
        return
    key = _POLICY_TYPES[args.resource_type]
    if key == "inlinePolicies":
        for i, inline in enumerate(items(dig(args.props, key))):
            doc = policy_document(dig(inline, "policy"))
            for problem in wildcard_problems(doc):
                yield f"inlinePolicies[{i}]: {problem}"
        return
    raw = dig(args.props, key)
    doc = policy_document(raw)
    if doc is MISSING:
        yield f"{key} is missing or not valid JSON"
        return
    yield from wildcard_problems(doc)


IAM_002 = RuleMeta(
    id="IAM-002",
    family="identity",
    title="No long-lived keys or shared secrets",
    description="No IAM users' access keys; storage accounts without shared-key access; "
    "registries without an admin user; Redis with Entra authentication.",
    severity=Severity.HIGH,
    iso27001=("A.5.17", "A.8.5"),
    nist80053=("IA-5", "AC-2"),
    remediation="Use roles assumed through workload identity; allowSharedKeyAccess false; "
    "adminUserEnabled false; disableAccessKeyAuthentication true.",
)


@resource_rule(
    IAM_002,
    types=(
        "aws:iam/accessKey:AccessKey",
        "aws:iam/user:User",
        "azure-native:storage:StorageAccount",
        "azure-native:containerregistry:Registry",
        "azure-native:redis:Redis",
    ),
)
def _no_static_keys(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    t = args.resource_type
    if t == "aws:iam/accessKey:AccessKey":
        yield "an IAM access key is a long-lived credential; use a role"
    elif t == "aws:iam/user:User":
        yield "IAM users hold long-lived credentials; map people and workloads to roles"
    elif t == "azure-native:storage:StorageAccount":
        if dig(args.props, "allowSharedKeyAccess") is not False:
            yield "allowSharedKeyAccess is not false (account keys grant full access)"
    elif t == "azure-native:containerregistry:Registry":
        if dig(args.props, "adminUserEnabled") is not False:
            yield "adminUserEnabled is not false"
    elif dig(args.props, "disableAccessKeyAuthentication") is not True:
        yield "disableAccessKeyAuthentication is not true (access keys are shared secrets)"


IAM_003 = RuleMeta(
    id="IAM-003",
    family="identity",
    title="Cluster RBAC without local admin",
    description="EKS uses access entries (authentication mode API) without creator admin; AKS "
    "uses Entra ID with Azure RBAC and local accounts disabled.",
    severity=Severity.CRITICAL,
    iso27001=("A.5.15", "A.8.2", "A.8.5"),
    nist80053=("AC-2", "AC-6", "IA-2"),
    remediation="EKS: accessConfig {authenticationMode: API, "
    "bootstrapClusterCreatorAdminPermissions: false}. AKS: disableLocalAccounts "
    "true, enableRBAC true, aadProfile {managed: true, enableAzureRBAC: true}.",
)


@resource_rule(
    IAM_003, types=("aws:eks/cluster:Cluster", "azure-native:containerservice:ManagedCluster")
)
def _cluster_rbac(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if args.resource_type == "aws:eks/cluster:Cluster":
        mode = dig(args.props, "accessConfig.authenticationMode")
        if str(mode) != "API":
            yield f"accessConfig.authenticationMode is {mode!r}; use API (no aws-auth ConfigMap)"
        if dig(args.props, "accessConfig.bootstrapClusterCreatorAdminPermissions") is not False:
            yield "accessConfig.bootstrapClusterCreatorAdminPermissions is not false"
        return
    if dig(args.props, "disableLocalAccounts") is not True:
        yield "disableLocalAccounts is not true"
    if dig(args.props, "enableRBAC") is False:
        yield "enableRBAC is false"
    if dig(args.props, "aadProfile.enableAzureRBAC") is not True:
        yield "aadProfile.enableAzureRBAC is not true"
    if dig(args.props, "aadProfile.managed") is not True:
        yield "aadProfile.managed is not true (Entra ID integration)"


IAM_004 = RuleMeta(
    id="IAM-004",
    family="identity",
    title="Workload identity",
    description="Pods get cloud access through workload identity: AKS has the OIDC issuer and "
    "workload identity on; every EKS cluster has an IAM OIDC provider or pod "
    "identity associations.",
    severity=Severity.HIGH,
    iso27001=("A.5.16", "A.8.5"),
    nist80053=("IA-2", "IA-5", "AC-6"),
    remediation="AKS: oidcIssuerProfile.enabled and securityProfile.workloadIdentity.enabled. "
    "EKS: an aws.iam.OpenIdConnectProvider for the cluster issuer or "
    "aws.eks.PodIdentityAssociation per workload.",
)


@stack_rule(IAM_004)
def _workload_identity(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    clusters = [r for r in args.resources if r.resource_type == "aws:eks/cluster:Cluster"]
    federated = {
        d.urn
        for r in args.resources
        if r.resource_type
        in (
            "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
            "aws:eks/podIdentityAssociation:PodIdentityAssociation",
        )
        for deps in r.property_dependencies.values()
        for d in deps
    }
    for cluster in clusters:
        if cluster.urn not in federated:
            yield (
                f"cluster {cluster.name} has neither an OIDC provider nor pod identity "
                "associations",
                cluster.urn,
            )
    for r in args.resources:
        if r.resource_type != "azure-native:containerservice:ManagedCluster":
            continue
        if dig(r.props, "oidcIssuerProfile.enabled") is not True:
            yield "oidcIssuerProfile.enabled is not true", r.urn
        if dig(r.props, "securityProfile.workloadIdentity.enabled") is not True:
            yield "securityProfile.workloadIdentity.enabled is not true", r.urn


IAM_005 = RuleMeta(
    id="IAM-005",
    family="identity",
    title="Key Vault uses RBAC authorization",
    description="Key vaults authorise with Azure RBAC (auditable role assignments), not access "
    "policies.",
    severity=Severity.MEDIUM,
    iso27001=("A.5.15", "A.8.2"),
    nist80053=("AC-3", "AC-6"),
    remediation="properties.enableRbacAuthorization: true.",
)


@resource_rule(IAM_005, types=("azure-native:keyvault:Vault",))
def _vault_rbac(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if dig(args.props, "properties.enableRbacAuthorization") is not True:
        yield "properties.enableRbacAuthorization is not true"


IAM_006 = RuleMeta(
    id="IAM-006",
    family="identity",
    title="Role assignments below subscription scope",
    description="Azure role assignments are scoped to a resource group or narrower, and never "
    "grant Owner or User Access Administrator.",
    severity=Severity.HIGH,
    iso27001=("A.5.15", "A.8.2"),
    nist80053=("AC-6",),
    remediation="Scope each assignment to the resource it needs (a container, a key, a vault).",
)

_PRIVILEGED_ROLES = {
    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": "Owner",
    "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": "User Access Administrator",
}


@resource_rule(IAM_006, types=("azure-native:authorization:RoleAssignment",))
def _scoped_assignments(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    scope = dig(args.props, "scope")
    if scope is MISSING:
        yield "scope is missing"
    else:
        parts = [p for p in str(scope).split("/") if p]
        if len(parts) <= 2 or parts[0].lower() != "subscriptions":  # tenant or management group
            yield f"scope {scope} is a whole subscription or management group"
    role = str(dig(args.props, "roleDefinitionId")).rsplit("/", 1)[-1].lower()
    if role in _PRIVILEGED_ROLES:
        yield f"grants {_PRIVILEGED_ROLES[role]}"


IAM_007 = RuleMeta(
    id="IAM-007",
    family="identity",
    title="Key Vault secrets expire",
    description="Every Key Vault secret has an expiry (properties.attributes.expires) that has "
    "not passed and is no further away than the configured maximum lifetime, so "
    "a credential is replaced on a schedule instead of living forever.",
    severity=Severity.HIGH,
    iso27001=("A.5.17",),
    nist80053=("IA-5",),
    remediation="Set properties.attributes.expires (seconds since 1970-01-01 UTC) from the "
    "secret's rotation period, rotate the value before it, and alert on "
    "Microsoft.KeyVault.SecretNearExpiry.",
    config={
        "maxSecretLifetimeDays": {
            "type": "integer",
            "minimum": 1,
            "default": 366,
            "description": "Furthest allowed expiry, in days from today",
        }
    },
)


@resource_rule(IAM_007, types=("azure-native:keyvault:Secret",))
def _secret_expiry(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    expires = dig(args.props, "properties.attributes.expires")
    if expires is MISSING:
        yield "properties.attributes.expires is not set: the secret never expires"
        return
    if isinstance(expires, bool) or not isinstance(expires, (int, float)):
        yield f"properties.attributes.expires is {expires!r}, not seconds since 1970-01-01"
        return
    when = dt.datetime.fromtimestamp(float(expires), dt.UTC).date()
    limit = int(config.get("maxSecretLifetimeDays") or 366)
    now = framework.today()
    if when < now:
        yield f"the secret expired on {when.isoformat()}: rotate it"
    elif (when - now).days > limit:
        yield (
            f"the secret expires on {when.isoformat()}, more than {limit} days ahead "
            "(maxSecretLifetimeDays)"
        )


# Where the platform's permissions boundaries live (components/aws/guardrails.py): a
# policy on this path is a cap, never a grant. IAM-001 leaves its `*` cap alone; IAM-012
# refuses it attached as a permission policy and RES-016 judges its region deny.
BOUNDARY_PATH = "/smp-boundary/"

IAM_012 = RuleMeta(
    id="IAM-012",
    family="identity",
    title="Every IAM role carries the platform's permissions boundary",
    description="Every IAM role the stack creates has a permissions boundary, and it is a "
    f"boundary policy of the stack (path {BOUNDARY_PATH}); no boundary policy is attached "
    "to a role, user or group as a permission policy (its Allow is only a cap).",
    severity=Severity.HIGH,
    iso27001=("A.8.2", "A.5.15"),
    nist80053=("AC-6", "AC-3"),
    remediation="Create the boundary (components/aws/guardrails.py RoleBoundary) and pass "
    "its ARN as permissions_boundary of every aws.iam.Role; attach grants, not the boundary.",
)

_GRANT_ATTACHMENTS = {
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:iam/userPolicyAttachment:UserPolicyAttachment",
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
    "aws:iam/policyAttachment:PolicyAttachment",
}


def is_boundary_policy(resource: Any) -> bool:
    """A managed policy on the boundary path."""
    return (
        resource.resource_type == "aws:iam/policy:Policy"
        and str(dig(resource.props, "path")) == BOUNDARY_PATH
    )


def _boundary_arn(value: Any) -> bool:
    return f":policy{BOUNDARY_PATH}" in str(value)


@stack_rule(IAM_012)
def _role_boundaries(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    for r in args.resources:
        if r.resource_type == "aws:iam/role:Role":
            if not framework.reference_set(r.props, "permissionsBoundary"):
                yield f"role {r.name} has no permissionsBoundary", r.urn
                continue
            try:
                boundary = dig(r.props, "permissionsBoundary")
            except UnknownValueError:
                continue  # the boundary created in the same update: a reference to it
            if not _boundary_arn(boundary):
                yield (
                    f"role {r.name}: permissionsBoundary {boundary} is not a boundary policy "
                    f"of the platform (path {BOUNDARY_PATH})",
                    r.urn,
                )
            for arn in items(dig(r.props, "managedPolicyArns")):
                if _boundary_arn(arn):
                    yield f"role {r.name} attaches the boundary {arn} as a permission policy", r.urn
        elif r.resource_type in _GRANT_ATTACHMENTS:
            arn = dig(r.props, "policyArn")
            if _boundary_arn(arn):
                yield f"{r.name} attaches the boundary {arn} as a permission policy", r.urn


# --- The event stream (issue 15) ------------------------------------------------------

IAM_008 = RuleMeta(
    id="IAM-008",
    family="identity",
    title="MSK clients authenticate with IAM, never a password",
    description="An MSK cluster authenticates clients with IAM (SASL/IAM: short-lived "
    "credentials of a workload identity) and offers neither SASL/SCRAM passwords nor "
    "unauthenticated access.",
    severity=Severity.HIGH,
    iso27001=("A.5.17", "A.8.5"),
    nist80053=("IA-2", "IA-5", "AC-3"),
    remediation="clientAuthentication: {sasl: {iam: true, scram: false}, "
    "unauthenticated: false}; grant kafka-cluster actions to the workload's role.",
)


@resource_rule(IAM_008, types=("aws:msk/cluster:Cluster",))
def _msk_iam_auth(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if dig(args.props, "clientAuthentication.sasl.iam") is not True:
        yield "clientAuthentication.sasl.iam is not true: clients do not use IAM identities"
    if dig(args.props, "clientAuthentication.sasl.scram") is True:
        yield "clientAuthentication.sasl.scram is true: SASL/SCRAM authenticates by password"
    if dig(args.props, "clientAuthentication.unauthenticated") is not False:
        yield "clientAuthentication.unauthenticated is not false"


IAM_009 = RuleMeta(
    id="IAM-009",
    family="identity",
    title="Event Hubs without SAS keys",
    description="Event Hubs namespaces have local (SAS key) authentication disabled, and "
    "the stack creates no shared access authorization rules: every client authenticates "
    "with its Entra identity and is authorized by role.",
    severity=Severity.HIGH,
    iso27001=("A.5.17", "A.8.5", "A.5.15"),
    nist80053=("IA-2", "IA-5", "AC-2"),
    remediation="disableLocalAuth: true; remove NamespaceAuthorizationRule / "
    "EventHubAuthorizationRule resources and grant Azure Event Hubs Data Sender/Receiver "
    "to identities instead.",
)


@resource_rule(
    IAM_009,
    types=(
        "azure-native:eventhub:Namespace",
        "azure-native:eventhub:NamespaceAuthorizationRule",
        "azure-native:eventhub:EventHubAuthorizationRule",
    ),
)
def _event_hubs_no_sas(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if args.resource_type == "azure-native:eventhub:Namespace":
        if dig(args.props, "disableLocalAuth") is not True:
            yield "disableLocalAuth is not true: SAS keys would authenticate clients"
        return
    yield f"{args.resource_type.split(':')[-1]} creates a shared access (SAS) key"


ARGO_WORKFLOWS_CHART = "argo-workflows"
HELM_RELEASE = "kubernetes:helm.sh/v3:Release"
_SAFE_ARGO_AUTH_MODES = {"client", "sso"}

IAM_010 = RuleMeta(
    id="IAM-010",
    family="identity",
    title="The Argo server acts with each caller's own identity",
    description="An argo-workflows release that runs the Argo server lists its auth modes "
    "explicitly, only 'client' (the caller's own Kubernetes token) or 'sso', never "
    "'server': in server mode every request, authenticated or not, runs with the server's "
    "service account, so whoever reaches the server gets its rights.",
    severity=Severity.HIGH,
    iso27001=("A.8.5", "A.5.15"),
    nist80053=("IA-2", "AC-3"),
    remediation="Set server.authModes: [client] in the argo-workflows values (and no "
    "server.authMode).",
)


@resource_rule(IAM_010, types=(HELM_RELEASE,))
def _argo_server_auth(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if str(dig(args.props, "chart")).rsplit("/", 1)[-1] != ARGO_WORKFLOWS_CHART:
        return
    if dig(args.props, "values.server.enabled") is False:
        return
    legacy = dig(args.props, "values.server.authMode")
    if legacy not in (MISSING, ""):
        yield f"values.server.authMode is {legacy!r}: use server.authModes: [client]"
    modes = [str(m) for m in items(dig(args.props, "values.server.authModes"))]
    if not modes:
        yield (
            "values.server.authModes is not set: the server's own default decides who it "
            "trusts; set [client]"
        )
    for mode in modes:
        if mode not in _SAFE_ARGO_AUTH_MODES:
            yield (
                f"values.server.authModes includes {mode!r}: requests would run with the "
                "server's rights"
            )


IAM_011 = RuleMeta(
    id="IAM-011",
    family="identity",
    title="Workflow service accounts hold no cluster-wide rights",
    description="No ClusterRoleBinding names a service account that Argo workflows run as "
    "(a workflow object's serviceAccountName or executor.serviceAccountName, at the spec "
    "or a template) or any service account of a namespace an argo-workflows release runs "
    "workflows in (controller.workflowNamespaces): what a workflow may do is granted by "
    "namespaced Roles.",
    severity=Severity.HIGH,
    iso27001=("A.8.2", "A.5.15"),
    nist80053=("AC-6", "AC-6(1)"),
    remediation="Bind the workflow's rights with a RoleBinding in its own namespace (Argo's "
    "executor needs create and patch on workflowtaskresults).",
)
WORKFLOW_SPEC_PATHS = {
    "kubernetes:argoproj.io/v1alpha1:Workflow": "spec",
    "kubernetes:argoproj.io/v1alpha1:WorkflowTemplate": "spec",
    "kubernetes:argoproj.io/v1alpha1:CronWorkflow": "spec.workflowSpec",
}


def _workflow_accounts(spec: Any, namespace: str) -> Iterator[tuple[str, str]]:
    """(namespace, service account) a workflow spec runs its pods or executor as."""
    nodes = [spec, *items(dig(spec, "templates"))]
    for node in nodes:
        for path in ("serviceAccountName", "executor.serviceAccountName"):
            account = dig(node, path)
            if account is not MISSING:
                yield namespace, str(account)
    if dig(spec, "serviceAccountName") is MISSING:
        yield namespace, "default"


@stack_rule(IAM_011)
def _workflow_accounts_are_namespaced(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    accounts: set[tuple[str, str]] = set()
    workflow_namespaces: set[str] = set()
    for r in args.resources:
        path = WORKFLOW_SPEC_PATHS.get(r.resource_type)
        if path is not None:
            namespace = dig(r.props, "metadata.namespace")
            namespace = "default" if namespace is MISSING else str(namespace)
            accounts.update(_workflow_accounts(dig(r.props, path), namespace))
        elif (
            r.resource_type == HELM_RELEASE
            and str(dig(r.props, "chart")).rsplit("/", 1)[-1] == ARGO_WORKFLOWS_CHART
        ):
            found = dig(r.props, "values.controller.workflowNamespaces")
            if found is MISSING:
                workflow_namespaces.add("default")  # the chart's default
            workflow_namespaces.update(str(n) for n in items(found))
            defaults = dig(r.props, "values.controller.workflowDefaults.spec")
            for namespace in items(found):
                if defaults is not MISSING:
                    for account in ("serviceAccountName", "executor.serviceAccountName"):
                        if dig(defaults, account) is not MISSING:
                            accounts.add((str(namespace), str(dig(defaults, account))))
    for r in args.resources:
        if r.resource_type != "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding":
            continue
        for subject in items(dig(r.props, "subjects")):
            if str(dig(subject, "kind")) != "ServiceAccount":
                continue
            key = (str(dig(subject, "namespace")), str(dig(subject, "name")))
            if key in accounts or key[0] in workflow_namespaces:
                yield (
                    f"ClusterRoleBinding {dig(r.props, 'metadata.name')} grants "
                    f"{dig(r.props, 'roleRef.name')} cluster-wide to service account "
                    f"{key[0]}/{key[1]}, which Argo workflows run as or in whose namespace "
                    "they run",
                    r.urn,
                )
