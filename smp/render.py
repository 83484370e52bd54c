"""Render a stack's Kubernetes objects from its offline plan: one YAML file per object.

Secret data is never written; Helm releases go to a separate file with chart,
version, repository and values. The output is deterministic (sorted keys and paths).
The output folder is replaced only if `smp render` created it (see
`workloads.output_folder`); anything else is refused before a file is touched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from smp.offline.engine import SECRET_MARKER, Plan, PlannedResource
from workloads.output_folder import OwnedOutputFolder

RENDER_TOOL = "smp render"

REDACTED = "<redacted: set from a Pulumi secret at deploy time>"
HELM_TYPES = ("kubernetes:helm.sh/v3:Release",)
# Validation schemas of the custom resources the platform creates, vendored from the
# CRDs of the pinned chart version (scripts/vendor_crd_schemas.py): one file per API group.
CRD_SCHEMAS = Path(__file__).resolve().parent / "crd_schemas"


@dataclass
class RenderedObject:
    """One Kubernetes object as written."""

    path: Path
    manifest: dict[str, Any]
    resource: PlannedResource


@dataclass
class Rendering:
    """What `render_plan` wrote."""

    objects: list[RenderedObject] = field(default_factory=list)
    helm_releases: list[dict[str, Any]] = field(default_factory=list)
    helm_file: Path | None = None


def _redact_paths(value: Any, secret_paths: set[str], path: str = "") -> Any:
    if path in secret_paths:
        return SECRET_MARKER
    if isinstance(value, dict):
        return {
            k: _redact_paths(v, secret_paths, f"{path}.{k}" if path else k)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_redact_paths(v, secret_paths, f"{path}[{i}]") for i, v in enumerate(value)]
    return value


def manifest_of(resource: PlannedResource) -> dict[str, Any]:
    """The object a Kubernetes API server would receive, with secrets redacted."""
    raw = dict(resource.inputs)
    secret_paths = set(resource.secret_paths)
    if raw.get("kind") == "Secret":
        # Keep the key names (they are not secret), never the values.
        for key in ("data", "stringData"):
            if isinstance(raw.get(key), dict):
                raw[key] = {k: REDACTED for k in raw[key]}
                secret_paths = {p for p in secret_paths if p != key and not p.startswith(f"{key}.")}
    manifest = _redact_paths(raw, secret_paths)
    manifest["metadata"] = dict(manifest.get("metadata") or {})
    manifest["metadata"].setdefault("name", resource.name)
    return _numbers_as_ints(manifest)


def _numbers_as_ints(value: Any) -> Any:
    """The engine passes numbers as floats; Kubernetes schemas want integers where whole."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _numbers_as_ints(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_numbers_as_ints(v) for v in value]
    return value


def kubernetes_resources(plan: Plan) -> list[PlannedResource]:
    """Custom Kubernetes resources of the plan (objects, not providers or Helm releases)."""
    return [
        r
        for r in plan.resources
        if r.type.startswith("kubernetes:") and r.custom and r.type not in HELM_TYPES
    ]


def _helm_release(resource: PlannedResource) -> dict[str, Any]:
    i = resource.inputs
    return _numbers_as_ints(
        {
            "name": i.get("name", resource.name),
            "namespace": i.get("namespace", "default"),
            "chart": i.get("chart"),
            "version": i.get("version"),
            "repository": (i.get("repositoryOpts") or {}).get("repo"),
            "values": _redact_paths(
                i.get("values", {}), {p.removeprefix("values.") for p in resource.secret_paths}
            ),
            "urn": resource.urn,
        }
    )


def render_plan(plan: Plan, out_dir: Path) -> Rendering:
    """Write every Kubernetes object of `plan` under `out_dir`.

    `out_dir` is created, adopted when empty, or replaced when `smp render` created it;
    any other folder raises `OutputFolderError` and is left as it was.
    """
    OwnedOutputFolder.claim(out_dir, RENDER_TOOL).replace()
    rendering = Rendering()
    for resource in kubernetes_resources(plan):
        manifest = manifest_of(resource)
        namespace = manifest["metadata"].get("namespace") or "_cluster"
        kind = str(manifest.get("kind", resource.type.rsplit(":", 1)[-1])).lower()
        path = out_dir / namespace / f"{kind}-{manifest['metadata']['name']}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            raise ValueError(f"two objects render to {path}: {resource.urn}")
        path.write_text(yaml.safe_dump(manifest, sort_keys=True, default_flow_style=False))
        rendering.objects.append(RenderedObject(path, manifest, resource))
    releases = [_helm_release(r) for r in plan.resources if r.type in HELM_TYPES]
    if releases:
        rendering.helm_releases = sorted(releases, key=lambda h: (h["namespace"], h["name"]))
        rendering.helm_file = out_dir / "helm-releases.yaml"
        rendering.helm_file.write_text(
            yaml.safe_dump({"releases": rendering.helm_releases}, sort_keys=True)
        )
    return rendering


@dataclass
class SchemaReport:
    """Which rendered objects validated against the Kubernetes schemas, and which could not be."""

    version: str
    valid: list[Path] = field(default_factory=list)
    invalid: list[tuple[Path, str]] = field(default_factory=list)
    # Custom resources without a schema offline (cert-manager, Prometheus operator):
    # listed, never silently passed.
    unchecked: list[tuple[Path, str]] = field(default_factory=list)


def _strict(schema: Any) -> Any:
    """A CRD's structural schema made strict, like the built-in kinds' strict schemas: an
    object with declared properties takes no others (the API server would prune them)."""
    if isinstance(schema, dict):
        out = {k: _strict(v) for k, v in schema.items()}
        if (
            out.get("type") == "object"
            and "properties" in out
            and "additionalProperties" not in out
            and not out.get("x-kubernetes-preserve-unknown-fields")
        ):
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [_strict(v) for v in schema]
    return schema


@cache
def _crd_validators() -> dict[tuple[str, str], Any]:
    """(apiVersion, kind) -> a validator, for every vendored CRD schema."""
    import jsonschema

    validators: dict[tuple[str, str], Any] = {}
    for path in sorted(CRD_SCHEMAS.glob("*.json")):
        document = json.loads(path.read_text())
        for kind, crd in document["kinds"].items():
            for version, schema in crd["versions"].items():
                api_version = f"{document['group']}/{version}"
                validators[(api_version, kind)] = jsonschema.Draft7Validator(_strict(schema))
    return validators


def crd_schema_problem(manifest: dict[str, Any]) -> str | None:
    """The first way `manifest` breaks its vendored CRD schema, or None when it fits.
    Raises KeyError when no schema is vendored for its apiVersion and kind. The CRDs' CEL
    rules (x-kubernetes-validations) are not evaluated offline."""
    validator = _crd_validators()[(str(manifest.get("apiVersion")), str(manifest.get("kind")))]
    errors = sorted(validator.iter_errors(manifest), key=lambda e: list(e.absolute_path))
    if not errors:
        return None
    first = errors[0]
    where = ".".join(str(p) for p in first.absolute_path)
    return f"{where or '(root)'}: {first.message}"


def validate_rendering(rendering: Rendering, kubernetes_version: str) -> SchemaReport:
    """Validate every rendered object against the strict schemas of `kubernetes_version`,
    and custom resources against their vendored CRD schemas (`smp/crd_schemas`)."""
    import kubernetes_validate

    report = SchemaReport(version=kubernetes_version)
    crds = _crd_validators()
    for obj in rendering.objects:
        key = (obj.manifest.get("apiVersion"), obj.manifest.get("kind"))
        if key in crds:
            found = crd_schema_problem(obj.manifest)
            if found is None:
                report.valid.append(obj.path)
            else:
                report.invalid.append((obj.path, found))
            continue
        try:
            kubernetes_validate.validate(obj.manifest, kubernetes_version, strict=True)
        except kubernetes_validate.SchemaNotFoundError:
            report.unchecked.append(
                (
                    obj.path,
                    f"no schema for {obj.manifest.get('apiVersion')}"
                    f"/{obj.manifest.get('kind')} (custom resource)",
                )
            )
        except kubernetes_validate.ValidationError as exc:
            where = ".".join(str(p) for p in exc.path)
            report.invalid.append((obj.path, f"{where or '(root)'}: {exc.message}"))
        else:
            report.valid.append(obj.path)
    return report
