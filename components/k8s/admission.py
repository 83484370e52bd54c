"""The pack's Kubernetes rules inside the cluster: built-in ValidatingAdmissionPolicies.

One `ValidatingAdmissionPolicy` and one binding per rule that a single object decides,
with the CEL the composition root takes from the rule's definition (policies/kubernetes.py).
No controller runs for them: the API server evaluates the CEL itself (GA since 1.30).

The bindings deny in prod and dr and warn and audit in dev and staging. They leave out
the namespaces that the pack never judges at plan time (Kubernetes' own, and the ones
that hold third-party Helm charts whose pod specs are not in the plan), the namespaces a
rule's own config exempts, and the unexpired exceptions of the stack config, each with
its reason in an annotation of the binding; an expired exception excludes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_kubernetes as k8s

from components import as_of
from platform_spec import AdmissionException

# Namespaces of Kubernetes itself (and the managed control plane's add-ons).
KUBERNETES_NAMESPACES = {
    "kube-system": "Kubernetes and the managed control plane's own add-ons",
    "kube-public": "Kubernetes' public cluster information",
    "kube-node-lease": "Kubernetes' node heartbeats",
}
NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name"


@dataclass(frozen=True)
class AdmissionPolicySpec:
    """One rule's policy as data, taken from the pack by the composition root."""

    rule_id: str
    title: str
    resource_rules: Sequence[Mapping[str, Any]]
    variables: Sequence[tuple[str, str]]
    # [{"expression": ..., "message": ...}]; an Output where the CEL names stack outputs
    # (the stack's registry host).
    validations: pulumi.Input[Sequence[Mapping[str, str]]]
    # Namespace -> reason: what the rule's own config exempts.
    exempt_namespaces: Mapping[str, str] = field(default_factory=dict)

    @property
    def policy_name(self) -> str:
        """`smp-k8s-001`, the pack's policy name."""
        return f"smp-{self.rule_id.lower()}"


@dataclass(frozen=True)
class AdmissionPoliciesArgs:
    """The policies, whether they deny, what they leave out, and the stack's exceptions."""

    policies: Sequence[AdmissionPolicySpec]
    deny: bool
    # Namespace -> reason, for every rule (Helm chart namespaces of the in-cluster layer).
    unjudged_namespaces: Mapping[str, str] = field(default_factory=dict)
    exceptions: Sequence[AdmissionException] = ()
    # What "expired" is judged against: today, or the date SMP_AS_OF pins.
    today: dt.date = field(default_factory=as_of.today)
    after: Sequence[pulumi.Resource] = ()


def validation_actions(deny: bool) -> list[str]:
    """Deny where the environment is prod or dr; elsewhere warn the client and audit."""
    return ["Deny"] if deny else ["Warn", "Audit"]


def binding_exclusions(
    spec: AdmissionPolicySpec, args: AdmissionPoliciesArgs
) -> tuple[dict[str, str], dict[str, str]]:
    """(namespace -> reason, object name -> reason) the binding leaves out."""
    namespaces = {**KUBERNETES_NAMESPACES, **args.unjudged_namespaces, **spec.exempt_namespaces}
    names: dict[str, str] = {}
    for e in args.exceptions:
        if e.rule != spec.rule_id or e.expires < args.today:
            continue
        reason = f"exception until {e.expires.isoformat()}: {e.reason}"
        if e.namespace is not None:
            namespaces[e.namespace] = reason
        elif e.name is not None:
            names[e.name] = reason
    return namespaces, names


class AdmissionPolicies(pulumi.ComponentResource):
    """A ValidatingAdmissionPolicy and its binding per rule."""

    def __init__(
        self, name: str, args: AdmissionPoliciesArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__("smp:k8s:AdmissionPolicies", name, None, opts)
        for e in args.exceptions:
            if e.expires < args.today:
                pulumi.log.warn(
                    f"admission exception for {e.rule} ({e.namespace or e.name}) expired on "
                    f"{e.expires.isoformat()}: it no longer excludes anything",
                    resource=self,
                )
        self.policy_names: list[str] = []
        for spec in args.policies:
            self._policy(name, spec, args)
        self.register_outputs({"policies": self.policy_names})

    def _policy(self, name: str, spec: AdmissionPolicySpec, args: AdmissionPoliciesArgs) -> None:
        labels = {"smp.io/managed": "true", "smp.io/rule": spec.rule_id.lower()}
        policy = k8s.admissionregistration.v1.ValidatingAdmissionPolicy(
            f"{name}-{spec.rule_id.lower()}",
            metadata={
                "name": spec.policy_name,
                "labels": labels,
                "annotations": {"smp.io/rule": f"{spec.rule_id}: {spec.title}"},
            },
            spec={
                # An expression that cannot be evaluated denies (fail closed).
                "failurePolicy": "Fail",
                "matchConstraints": {"resourceRules": [dict(r) for r in spec.resource_rules]},
                "variables": [{"name": n, "expression": e} for n, e in spec.variables],
                "validations": pulumi.Output.from_input(spec.validations).apply(
                    lambda found: [{**v, "reason": "Forbidden"} for v in found]
                ),
            },
            opts=pulumi.ResourceOptions(parent=self, depends_on=list(args.after)),
        )
        namespaces, names = binding_exclusions(spec, args)
        # One annotation holds every exclusion with its reason (a key per exclusion could
        # outgrow the 63 characters an annotation name may have).
        exclusions = {f"namespace/{ns}": reason for ns, reason in namespaces.items()}
        exclusions.update({f"name/{n}": reason for n, reason in names.items()})
        annotations = {"smp.io/exclusions": json.dumps(exclusions, sort_keys=True, indent=1)}
        match: dict[str, Any] = {
            "namespaceSelector": {
                "matchExpressions": [
                    {"key": NAMESPACE_NAME_LABEL, "operator": "NotIn", "values": sorted(namespaces)}
                ]
            }
        }
        if names:
            match["excludeResourceRules"] = [
                {**rule, "resourceNames": sorted(names)} for rule in spec.resource_rules
            ]
        k8s.admissionregistration.v1.ValidatingAdmissionPolicyBinding(
            f"{name}-{spec.rule_id.lower()}-binding",
            metadata={"name": spec.policy_name, "labels": labels, "annotations": annotations},
            spec={
                "policyName": spec.policy_name,
                "validationActions": validation_actions(args.deny),
                "matchResources": match,
            },
            opts=pulumi.ResourceOptions(parent=self, depends_on=[policy]),
        )
        self.policy_names.append(spec.policy_name)
