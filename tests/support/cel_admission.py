"""Admission as the API server runs it, for one object: binding match, then the policy's CEL.

The CEL is evaluated with cel-python (`celpy`), an implementation of the CEL spec
independent of the one the API server embeds (cel-go): variables are evaluated in order
and bound under `variables`, the object under `object`; a validation that is false or
raises denies, as with `failurePolicy: Fail`. There is no Kubernetes API server here, so
this is the closest faithful evaluation available offline.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import celpy

from policies.admission import AdmissionCheck, AdmissionContext, Validation

CLUSTER_SCOPED_KINDS = {"Namespace", "ClusterRole", "ClusterRoleBinding"}


@functools.cache
def _program(expression: str) -> Any:
    env = celpy.Environment()
    return env.program(env.compile(expression))


def compile_check(expression: str) -> None:
    """Raise when `expression` is not valid CEL."""
    _program(expression)


@dataclass(frozen=True)
class Verdict:
    """What admission decided for one object."""

    matched: bool
    failed: tuple[str, ...]  # messages of the validations that denied

    @property
    def allowed(self) -> bool:
        return not self.failed


def namespace_of(manifest: Mapping[str, Any]) -> str | None:
    """The namespace the binding's namespaceSelector sees (a Namespace: its own name)."""
    kind = manifest.get("kind")
    metadata = manifest.get("metadata") or {}
    if kind == "Namespace":
        return str(metadata.get("name"))
    if kind in CLUSTER_SCOPED_KINDS:
        return None
    return str(metadata.get("namespace") or "default")


def evaluate(
    variables: Sequence[tuple[str, str]],
    validations: Sequence[Validation],
    manifest: Mapping[str, Any],
) -> tuple[str, ...]:
    """The messages of the validations that deny `manifest`."""
    activation: dict[str, Any] = {"object": celpy.json_to_cel(dict(manifest))}
    bound: dict[str, Any] = {}
    for name, expression in variables:
        activation["variables"] = celpy.celtypes.MapType(
            {celpy.celtypes.StringType(k): v for k, v in bound.items()}
        )
        try:
            bound[name] = _program(expression).evaluate(activation)
        except celpy.CELEvalError as exc:  # an error is a value: it surfaces where used
            bound[name] = exc
    activation["variables"] = celpy.celtypes.MapType(
        {celpy.celtypes.StringType(k): v for k, v in bound.items()}
    )
    failed = []
    for v in validations:
        try:
            result = _program(v.expression).evaluate(activation)
        except celpy.CELEvalError:
            result = None
        if result is not True and not (isinstance(result, celpy.celtypes.BoolType) and result):
            failed.append(v.message)
    return tuple(failed)


def admit(
    check: AdmissionCheck,
    config: Mapping[str, Any],
    manifest: Mapping[str, Any],
    context: AdmissionContext | None = None,
    excluded_namespaces: Sequence[str] = (),
) -> Verdict:
    """Run the binding's namespace exclusions, then the policy, on one object."""
    namespace = namespace_of(manifest)
    exempt = set(check.exemptions(config)) | set(excluded_namespaces)
    if namespace is not None and namespace in exempt:
        return Verdict(False, ())
    validations = check.validations(config, context or AdmissionContext())
    return Verdict(True, evaluate(check.variables, validations, manifest))
