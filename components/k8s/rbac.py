"""RBAC personas: platform-admin, ml-engineer, data-scientist, auditor — no wildcards anywhere.

Each persona is a ClusterRole bound to the Kubernetes group the cloud layer maps
that persona's principals to (EKS access entries / Entra groups on AKS).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_kubernetes as k8s

READ = ["get", "list", "watch"]
WRITE = ["create", "update", "patch", "delete"]

_WORKLOADS: list[dict[str, Any]] = [
    {
        "apiGroups": [""],
        "resources": [
            "pods",
            "pods/log",
            "services",
            "endpoints",
            "configmaps",
            "persistentvolumeclaims",
            "events",
            "serviceaccounts",
        ],
    },
    {
        "apiGroups": ["apps"],
        "resources": ["deployments", "statefulsets", "daemonsets", "replicasets"],
    },
    {"apiGroups": ["batch"], "resources": ["jobs", "cronjobs"]},
    {"apiGroups": ["autoscaling"], "resources": ["horizontalpodautoscalers"]},
    {"apiGroups": ["policy"], "resources": ["poddisruptionbudgets"]},
]
_PLATFORM: list[dict[str, Any]] = [
    {
        "apiGroups": [""],
        "resources": ["namespaces", "nodes", "resourcequotas", "limitranges", "persistentvolumes"],
    },
    {"apiGroups": ["networking.k8s.io"], "resources": ["networkpolicies"]},
    {"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles", "rolebindings"]},
    {"apiGroups": ["storage.k8s.io"], "resources": ["storageclasses"]},
    {"apiGroups": ["cert-manager.io"], "resources": ["certificates", "issuers", "clusterissuers"]},
    {
        "apiGroups": ["monitoring.coreos.com"],
        "resources": ["prometheusrules", "servicemonitors", "podmonitors"],
    },
]
ML_NAMESPACES = ("features", "registry", "serving", "training", "monitoring", "batch")
DATA_SCIENCE_NAMESPACES = ("training", "features")


def _rules(groups: list[dict[str, Any]], verbs: list[str]) -> list[dict[str, Any]]:
    return [{**g, "verbs": list(verbs)} for g in groups]


def persona_rules() -> dict[str, list[dict[str, Any]]]:
    """The ClusterRole rules of each persona (namespace scoping comes from the bindings)."""
    return {
        # Runs the platform: everything the platform owns, including Secrets, but
        # never wildcards (new resource types need a deliberate change here).
        "platform-admin": [
            *_rules(_WORKLOADS + _PLATFORM, READ + WRITE),
            {"apiGroups": [""], "resources": ["secrets"], "verbs": READ + WRITE},
        ],
        # Deploys and operates the ML services in the ML namespaces.
        "ml-engineer": [
            *_rules(_WORKLOADS, READ + WRITE),
            {
                "apiGroups": [""],
                "resources": ["pods/exec", "pods/portforward"],
                "verbs": ["create"],
            },
        ],
        # Runs training jobs and reads feature-store state; no exec, no Secrets.
        "data-scientist": [
            *_rules(_WORKLOADS, READ),
            {"apiGroups": ["batch"], "resources": ["jobs"], "verbs": ["create", "delete"]},
        ],
        # Reads everything except Secrets (and pod exec, which would reach them).
        "auditor": _rules(_WORKLOADS + _PLATFORM, READ),
    }


# Where each persona's role applies: None = cluster-wide binding.
PERSONA_SCOPES: dict[str, Sequence[str] | None] = {
    "platform-admin": None,
    "ml-engineer": ML_NAMESPACES,
    "data-scientist": DATA_SCIENCE_NAMESPACES,
    "auditor": None,
}


@dataclass(frozen=True)
class PersonaRbacArgs:
    """What the persona roles need: the Kubernetes group each persona maps to."""

    persona_groups: Mapping[str, str]
    # What must exist before this component's resources are created.
    after: Sequence[pulumi.Resource] = ()


class PersonaRbac(pulumi.ComponentResource):
    """ClusterRoles for the personas and their bindings to the cloud-mapped groups."""

    def __init__(
        self, name: str, args: PersonaRbacArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        persona_groups = args.persona_groups
        depends_on = args.after
        super().__init__("smp:k8s:PersonaRbac", name, None, opts)
        child = pulumi.ResourceOptions(parent=self, depends_on=list(depends_on))
        for persona, rules in persona_rules().items():
            group = persona_groups.get(persona, f"smp:{persona}")
            role_name = f"smp-{persona}"
            k8s.rbac.v1.ClusterRole(
                f"{name}-{persona}",
                metadata={"name": role_name, "labels": {"smp.io/persona": persona}},
                rules=rules,
                opts=child,
            )
            subjects = [{"kind": "Group", "name": group, "apiGroup": "rbac.authorization.k8s.io"}]
            role_ref = {
                "kind": "ClusterRole",
                "name": role_name,
                "apiGroup": "rbac.authorization.k8s.io",
            }
            scope = PERSONA_SCOPES[persona]
            if scope is None:
                k8s.rbac.v1.ClusterRoleBinding(
                    f"{name}-{persona}",
                    metadata={"name": role_name, "labels": {"smp.io/persona": persona}},
                    role_ref=role_ref,
                    subjects=subjects,
                    opts=child,
                )
                continue
            for namespace in scope:
                k8s.rbac.v1.RoleBinding(
                    f"{name}-{persona}-{namespace}",
                    metadata={
                        "name": role_name,
                        "namespace": namespace,
                        "labels": {"smp.io/persona": persona},
                    },
                    role_ref=role_ref,
                    subjects=subjects,
                    opts=child,
                )
        self.register_outputs({})
