"""The orchestrator on every stack: Argo Workflows and Argo Events pinned, mirrored by
digest, in a default-deny namespace, the server private with client auth, artifacts
through workload identity, the executor with a namespaced Role only.

There is no Kubernetes API server (nor an Argo controller) on development or CI
machines: what is checked is the plan, the chart values the releases carry (keys as the
pinned charts' values.yaml names them), and the gate's verdict on mutations of it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from components.k8s.pipelines import (
    ARGO_EVENTS_CHART,
    ARGO_WORKFLOWS_CHART,
    EXECUTOR_RULES,
    EXECUTOR_SERVICE_ACCOUNT,
    PIPELINES_NAMESPACE,
    WORKFLOW_NAMESPACE,
)
from smp.gate import evaluate_plan
from smp.offline import Plan
from stacks.stack_files import load_stack_file
from tests.support.plans import get, helm_releases, objects

PlanOf = Callable[[str], Plan]
STACKS = ("aws-uae-prod", "aws-uae-dev", "azure-uaenorth-prod", "azure-uaecentral-dr")
_KEYS = ("accessKeySecret", "secretKeySecret", "sessionTokenSecret", "accountKeySecret")


def _values(plan: Plan, chart: str) -> dict[str, Any]:
    return helm_releases(plan)[chart].inputs["values"]


@pytest.mark.parametrize("stack", STACKS)
def test_both_charts_pinned_atomic_in_their_namespace(plan_of: PlanOf, stack: str) -> None:
    releases = helm_releases(plan_of(stack))
    for chart, version, repo in (ARGO_WORKFLOWS_CHART, ARGO_EVENTS_CHART):
        release = releases[chart].inputs
        assert (release["chart"], release["version"]) == (chart, version)
        assert release["repositoryOpts"] == {"repo": repo}
        assert release["atomic"] is True
        assert release["namespace"] == PIPELINES_NAMESPACE


@pytest.mark.parametrize("stack", STACKS)
def test_every_argo_image_is_the_mirrors_by_digest(plan_of: PlanOf, stack: str) -> None:
    plan = plan_of(stack)
    digests = load_stack_file(stack).platform.pipelines.image_digests
    workflows, events = _values(plan, "argo-workflows"), _values(plan, "argo-events")
    for part, key in (
        ("controller", "workflowController"),
        ("executor", "argoexec"),
        ("server", "argocli"),
    ):
        image = workflows[part]["image"]
        assert image["registry"].endswith("/mirror"), (stack, part)
        assert image["tag"] == f"v4.0.6@{digests[key]}", (stack, part)
    assert events["global"]["image"]["tag"] == f"v1.9.10@{digests['argoEvents']}"
    assert events["global"]["image"]["repository"].endswith("/mirror/argoproj/argo-events")
    (jetstream,) = events["configs"]["jetstream"]["versions"]
    for field, key in (
        ("natsImage", "nats"),
        ("configReloaderImage", "natsConfigReloader"),
        ("metricsExporterImage", "natsMetricsExporter"),
    ):
        assert "/mirror/" in jetstream[field]
        assert jetstream[field].endswith(f"@{digests[key]}")


@pytest.mark.parametrize("stack", STACKS)
def test_the_server_is_private_with_client_auth(plan_of: PlanOf, stack: str) -> None:
    server = _values(plan_of(stack), "argo-workflows")["server"]
    assert server["authModes"] == ["client"]
    assert (server["serviceType"], server["secure"]) == ("ClusterIP", True)
    assert server["ingress"] == {"enabled": False}
    assert "httproute" not in server


@pytest.mark.parametrize("stack", STACKS)
def test_pods_are_restricted_with_limits(plan_of: PlanOf, stack: str) -> None:
    values = _values(plan_of(stack), "argo-workflows")
    for part in ("controller", "server"):
        assert values[part]["podSecurityContext"]["runAsNonRoot"] is True
        assert values[part]["podSecurityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
        assert values[part]["resources"]["limits"].keys() == {"cpu", "memory"}
    for part in ("controller", "server", "executor", "mainContainer"):
        security = values[part]["securityContext"]
        assert security["readOnlyRootFilesystem"] is True, part
        assert security["allowPrivilegeEscalation"] is False, part
        assert security["capabilities"] == {"drop": ["ALL"]}, part
    defaults = values["controller"]["workflowDefaults"]["spec"]
    assert defaults["securityContext"]["runAsNonRoot"] is True
    assert defaults["automountServiceAccountToken"] is False
    assert defaults["executor"] == {"serviceAccountName": EXECUTOR_SERVICE_ACCOUNT}
    events = _values(plan_of(stack), "argo-events")["controller"]
    assert events["containerSecurityContext"]["readOnlyRootFilesystem"] is True
    assert events["rbac"] == {
        "enabled": True,
        "namespaced": True,
        "managedNamespace": PIPELINES_NAMESPACE,
    }


@pytest.mark.parametrize(
    ("stack", "store"),
    [("aws-uae-prod", "s3"), ("aws-uae-dev", "s3"), ("azure-uaenorth-prod", "azure")],
)
def test_artifacts_on_the_stacks_store_through_workload_identity(
    plan_of: PlanOf, stack: str, store: str
) -> None:
    values = _values(plan_of(stack), "argo-workflows")
    assert values["useStaticCredentials"] is False
    repository = values["artifactRepository"]
    assert set(repository) == {store}
    assert repository[store]["useSDKCreds"] is True
    assert not set(_KEYS) & set(repository[store])
    if store == "s3":
        assert repository["s3"]["endpoint"] == "s3.me-central-1.amazonaws.com"
        assert repository["s3"]["bucket"]
        assert "://" not in repository["s3"]["bucket"]
    else:
        assert repository["azure"]["container"] == "artifacts"
        assert repository["azure"]["endpoint"].endswith(".blob.core.windows.net")
    # The pods run as the training identity, which may write the artifacts store.
    defaults = values["controller"]["workflowDefaults"]["spec"]
    assert defaults["serviceAccountName"] == "training"
    assert values["controller"]["workflowNamespaces"] == [WORKFLOW_NAMESPACE]


@pytest.mark.parametrize("stack", STACKS)
def test_the_executor_has_a_namespaced_role_only(plan_of: PlanOf, stack: str) -> None:
    plan = plan_of(stack)
    (role,) = [
        r for r in objects(plan, "Role") if r["metadata"]["name"] == EXECUTOR_SERVICE_ACCOUNT
    ]
    assert role["metadata"]["namespace"] == WORKFLOW_NAMESPACE
    assert role["rules"] == EXECUTOR_RULES
    (binding,) = [
        b for b in objects(plan, "RoleBinding") if b["metadata"]["name"] == EXECUTOR_SERVICE_ACCOUNT
    ]
    assert binding["roleRef"]["kind"] == "Role"
    for cluster_binding in objects(plan, "ClusterRoleBinding"):
        for subject in cluster_binding["subjects"]:
            assert subject.get("namespace") not in (WORKFLOW_NAMESPACE, PIPELINES_NAMESPACE)


def test_the_pipelines_namespace_is_default_deny(plan_of: PlanOf) -> None:
    policies = objects(plan_of("aws-uae-prod"), "NetworkPolicy", PIPELINES_NAMESPACE)
    deny = [p for p in policies if p["metadata"]["name"] == "default-deny-all"]
    assert deny
    assert deny[0]["spec"] == {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}


def _argo(plan: Plan) -> dict[str, Any]:
    return helm_releases(plan)["argo-workflows"].inputs["values"]


def _training_bound_cluster_wide(plan: Plan) -> None:
    binding = copy.deepcopy(
        next(r for r in plan.resources if r.type.endswith(":ClusterRoleBinding"))
    )
    binding.urn += "-mutated"
    binding.inputs["subjects"] = [
        {"kind": "ServiceAccount", "name": "training", "namespace": WORKFLOW_NAMESPACE}
    ]
    plan.resources.append(binding)


# (what, the change, the rule that must catch it)
MUTATIONS: list[tuple[str, Callable[[Plan], None], str]] = [
    ("server auth mode", lambda p: _argo(p)["server"].update(authModes=["server"]), "IAM-010"),
    ("load balancer", lambda p: _argo(p)["server"].update(serviceType="LoadBalancer"), "NET-010"),
    ("static keys", lambda p: _argo(p).update(useStaticCredentials=True), "K8S-014"),
    ("executor unlimited", lambda p: _argo(p)["executor"].pop("resources"), "K8S-011"),
    (
        "controller by tag",
        lambda p: _argo(p)["controller"]["image"].update(tag="v4.0.6"),
        "K8S-013",
    ),
    ("workflow account cluster-wide", _training_bound_cluster_wide, "IAM-011"),
]


def test_the_gate_fails_each_weakness(plan_of: PlanOf) -> None:
    """Every weakness applied to one copy of a shipped plan (which passes: the shipped-stack
    tests), judged once to keep the suite's time: the gate names each rule, and no other."""
    mutated = copy.deepcopy(plan_of("aws-uae-dev"))
    for _, change, _ in MUTATIONS:
        change(mutated)
    found = {v.rule_id for v in evaluate_plan(mutated) if v.mandatory}
    assert found == {rule for _, _, rule in MUTATIONS}


def test_get_reads_the_release_values(plan_of: PlanOf) -> None:
    release = helm_releases(plan_of("aws-uae-dev"))["argo-workflows"].inputs
    assert get(release, "values.server.servicePort") == 2746
