"""The admission policies the in-cluster layer deploys, read from the shipped stacks' plans.

No Kubernetes API server runs here, so the deployed CEL is evaluated with cel-python
(tests/support/cel_admission.py) and the objects are validated against the strict
Kubernetes JSON schemas of the stack's version (kubernetes-validate).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import kubernetes_validate
import pytest

from components.k8s.admission import (
    KUBERNETES_NAMESPACES,
    AdmissionPoliciesArgs,
    AdmissionPolicySpec,
    binding_exclusions,
)
from components.k8s.in_cluster import HELM_CHART_NAMESPACES
from platform_spec import AdmissionException
from policies.admission import admission_checks
from policies.kubernetes import WORKLOAD_TYPES
from smp.offline import Plan
from smp.render import manifest_of
from stacks.stack_files import load_stack_file
from tests.support.cel_admission import evaluate, namespace_of

PlanOf = Callable[[str], Plan]
STACKS = ("aws-uae-prod", "aws-uae-dev", "azure-uaenorth-prod", "azure-uaecentral-dr")
VAP = "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicy"
BINDING = "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicyBinding"


def _policies(plan: Plan) -> dict[str, tuple[dict, dict]]:
    """policy name -> (policy, binding) manifests."""
    policies = {r.inputs["metadata"]["name"]: manifest_of(r) for r in plan.of_type(VAP)}
    bindings = {r.inputs["spec"]["policyName"]: manifest_of(r) for r in plan.of_type(BINDING)}
    assert set(policies) == set(bindings)
    return {name: (policies[name], bindings[name]) for name in policies}


@pytest.mark.parametrize("stack", STACKS)
def test_one_policy_and_binding_per_admission_rule(plan_of: PlanOf, stack: str) -> None:
    plan = plan_of(stack)
    environment = load_stack_file(stack).platform.environment
    found = _policies(plan)
    assert sorted(found) == sorted(c.policy_name for c in admission_checks().values())
    actions = ["Deny"] if environment in ("prod", "dr") else ["Warn", "Audit"]
    for name, (policy, binding) in found.items():
        assert policy["spec"]["failurePolicy"] == "Fail"
        assert binding["spec"]["validationActions"] == actions, name
        (selector,) = binding["spec"]["matchResources"]["namespaceSelector"]["matchExpressions"]
        assert selector["key"] == "kubernetes.io/metadata.name"
        assert selector["operator"] == "NotIn"
        excluded = set(selector["values"])
        assert set(KUBERNETES_NAMESPACES) | set(HELM_CHART_NAMESPACES) <= excluded
        reasons = json.loads(binding["metadata"]["annotations"]["smp.io/exclusions"])
        assert {k.removeprefix("namespace/") for k in reasons} == excluded


@pytest.mark.parametrize("stack", ["aws-uae-dev", "azure-uaenorth-prod"])
def test_policies_and_bindings_fit_the_kubernetes_schemas(plan_of: PlanOf, stack: str) -> None:
    version = load_stack_file(stack).platform.kubernetes_version
    for policy, binding in _policies(plan_of(stack)).values():
        for manifest in (policy, binding):
            kubernetes_validate.validate(manifest, version, strict=True)


@pytest.mark.parametrize("stack", ["aws-uae-prod", "azure-uaenorth-prod"])
def test_the_deployed_policies_admit_the_platforms_own_workloads(
    plan_of: PlanOf, stack: str
) -> None:
    """What passes the pack at plan time must not be denied at admission: every workload,
    namespace and RBAC object of the plan passes the deployed CEL (with the stack's own
    registry host baked in, as deployed)."""
    plan = plan_of(stack)
    kinds = {t.rsplit(":", 1)[-1] for t in WORKLOAD_TYPES} | {
        "Namespace",
        "Role",
        "ClusterRole",
        "RoleBinding",
        "ClusterRoleBinding",
    }
    judged = 0
    denied = []
    manifests = [manifest_of(r) for r in plan.resources if r.type.startswith("kubernetes:")]
    for policy, binding in _policies(plan).values():
        excluded = set(
            binding["spec"]["matchResources"]["namespaceSelector"]["matchExpressions"][0]["values"]
        )
        resources = {
            res
            for rule in policy["spec"]["matchConstraints"]["resourceRules"]
            for res in rule["resources"]
        }
        variables = [(v["name"], v["expression"]) for v in policy["spec"].get("variables", [])]
        from policies.admission import Validation

        validations = [
            Validation(v["expression"], v["message"]) for v in policy["spec"]["validations"]
        ]
        for m in manifests:
            kind = m.get("kind")
            if kind not in kinds or kind.lower() + "s" not in resources:
                continue
            if namespace_of(m) in excluded:
                continue
            judged += 1
            failed = evaluate(variables, validations, m)
            if failed:
                denied.append((m["metadata"]["name"], failed))
    assert judged > 20
    assert denied == []


def _spec() -> AdmissionPolicySpec:
    return AdmissionPolicySpec(
        "K8S-002", "No host namespaces or host paths", [], [], [], {"node-agents": "agents"}
    )


def test_unexpired_exceptions_are_excluded_with_their_reason_and_expired_ones_are_not() -> None:
    today = dt.date(2026, 12, 2)

    def exception(expires: str, **target: str) -> AdmissionException:
        return AdmissionException.model_validate(
            {
                "rule": "K8S-002",
                "reason": "vendor agent needs the host network",
                "expires": expires,
                **target,
            }
        )

    args = AdmissionPoliciesArgs(
        [_spec()],
        deny=True,
        exceptions=[
            exception("2027-01-31", namespace="vendor-agent"),
            exception("2026-12-01", namespace="old-agent"),
            exception("2027-01-31", name="log-shipper"),
            AdmissionException.model_validate(
                {
                    "rule": "K8S-001",
                    "namespace": "other",
                    "reason": "another rule's exception",
                    "expires": "2027-01-31",
                }
            ),
        ],
        today=today,
    )
    namespaces, names = binding_exclusions(_spec(), args)
    assert namespaces["vendor-agent"] == (
        "exception until 2027-01-31: vendor agent needs the host network"
    )
    assert "old-agent" not in namespaces
    assert "other" not in namespaces
    assert namespaces["node-agents"] == "agents"
    assert set(KUBERNETES_NAMESPACES) <= set(namespaces)
    assert names == {
        "log-shipper": "exception until 2027-01-31: vendor agent needs the host network"
    }
