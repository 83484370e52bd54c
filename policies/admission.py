"""The Kubernetes rules as admission checks: CEL that judges one object at admission.

A rule of `policies/kubernetes.py` that can be judged on a single object declares an
`AdmissionCheck` next to its definition: the kinds it matches, the CEL variables and
validations of a `ValidatingAdmissionPolicy`, and the namespaces its configuration
exempts. The in-cluster layer deploys one policy and one binding per check (no extra
controller), so the cluster refuses what the pack refuses at `pulumi preview`.

A rule that needs more than one object (default-deny per namespace) or that judges
cloud resources, not Kubernetes objects, says why it is not enforceable at admission
(`NotAtAdmission`); `smp controls` lists the reason.

`rule_digest` pins the rule's check function: when the check changes and its CEL is
not reviewed with it, `tests/policies/test_admission.py` fails.
"""

from __future__ import annotations

import hashlib
import inspect
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


def resource_of(type_token: str) -> tuple[str, str, str]:
    """`kubernetes:apps/v1:Deployment` -> ("apps", "v1", "deployments")."""
    _, group_version, kind = type_token.split(":")
    group, _, version = group_version.rpartition("/")
    # Every kind the rules name has the regular plural (pods, namespaces, clusterroles).
    return ("" if group == "core" else group), version, kind.lower() + "s"


@dataclass(frozen=True)
class Validation:
    """One CEL validation: `expression` must be true, else `message` is reported."""

    expression: str
    message: str


@dataclass(frozen=True)
class AdmissionContext:
    """What a check's CEL may depend on besides the rule's config."""

    # Registry hosts of the stack itself (its ACR login server, its ECR host).
    own_registries: Sequence[str] = ()


ValidationBuilder = Callable[[Mapping[str, Any], AdmissionContext], list[Validation]]
ExemptionBuilder = Callable[[Mapping[str, Any]], dict[str, str]]


def _no_exemptions(config: Mapping[str, Any]) -> dict[str, str]:
    return {}


@dataclass(frozen=True)
class AdmissionCheck:
    """A rule judged at admission: the kinds it matches and its CEL."""

    rule_id: str
    types: tuple[str, ...]
    variables: tuple[tuple[str, str], ...]
    validations: ValidationBuilder
    # sha256 of the rule's check source (first 16 hex digits) the CEL was written for.
    rule_digest: str
    # Namespace -> reason, from the rule's config: what the rule itself exempts.
    exemptions: ExemptionBuilder = field(default=_no_exemptions)

    @property
    def policy_name(self) -> str:
        """`smp-k8s-001`: the ValidatingAdmissionPolicy and its binding."""
        return f"smp-{self.rule_id.lower()}"

    def resource_rules(self) -> list[dict[str, Any]]:
        """The policy's `matchConstraints.resourceRules`, one per API group and version."""
        grouped: dict[tuple[str, str], list[str]] = {}
        for token in self.types:
            group, version, plural = resource_of(token)
            grouped.setdefault((group, version), []).append(plural)
        return [
            {
                "apiGroups": [group],
                "apiVersions": [version],
                "resources": sorted(plurals),
                "operations": ["CREATE", "UPDATE"],
            }
            for (group, version), plurals in sorted(grouped.items())
        ]


@dataclass(frozen=True)
class NotAtAdmission:
    """Why a Kubernetes rule has no admission policy."""

    rule_id: str
    reason: str


def check_digest(check: Callable[..., Any]) -> str:
    """The digest `AdmissionCheck.rule_digest` pins: the check function's source."""
    source = inspect.getsource(check)
    return hashlib.sha256(source.encode()).hexdigest()[:16]


# -- CEL building blocks -----------------------------------------------------------------


def cel_string(value: str) -> str:
    """A CEL string literal (single-quoted, backslashes and quotes escaped)."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def cel_list(values: Sequence[str]) -> str:
    """A CEL list of string literals."""
    return "[" + ", ".join(cel_string(v) for v in values) + "]"


def has_path(root: str, path: str) -> str:
    """`has(r.a) && has(r.a.b)` for "a.b": true only when every step is present."""
    parts = path.split(".")
    return " && ".join(f"has({root}.{'.'.join(parts[: i + 1])})" for i in range(len(parts)))


def field_is(root: str, path: str, literal: str) -> str:
    """The field at `path` is present and equals the CEL `literal`."""
    return f"({has_path(root, path)} && {root}.{path} == {literal})"


def pod_spec_variables(paths: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """`hasSpec`, `spec` and `containers` for workloads whose pod template lives at the
    given path per type token (the pack's `POD_SPEC_PATHS`)."""
    kinds = [(token.rsplit(":", 1)[-1], path) for token, path in paths.items()]
    has_spec = "false"
    spec = "object"
    for kind, path in reversed(kinds):
        has_spec = f"object.kind == {cel_string(kind)} ? ({has_path('object', path)}) : {has_spec}"
        spec = f"object.kind == {cel_string(kind)} ? object.{path} : {spec}"
    containers = (
        "variables.hasSpec ? ("
        "(has(variables.spec.initContainers) ? variables.spec.initContainers : []) + "
        "(has(variables.spec.containers) ? variables.spec.containers : [])) : []"
    )
    return (("hasSpec", has_spec), ("spec", spec), ("containers", containers))


def glob_regex(pattern: str) -> str:
    """A registry-host glob (fnmatch `*` and `?`) as an RE2 fragment; hosts hold no '/'."""
    out = []
    for ch in pattern:
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


# -- The checks ------------------------------------------------------------------------------


def admission_checks() -> dict[str, AdmissionCheck]:
    """Every rule's admission check, by rule id."""
    from policies import kubernetes

    return dict(kubernetes.ADMISSION_CHECKS)


def not_at_admission() -> dict[str, NotAtAdmission]:
    """The Kubernetes rules without an admission policy, with the reason, by rule id."""
    from policies import kubernetes

    return dict(kubernetes.NOT_AT_ADMISSION)
