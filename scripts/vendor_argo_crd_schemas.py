"""Vendor the validation schemas of the Argo kinds the platform creates, for the pinned charts.

    python scripts/vendor_argo_crd_schemas.py ARGO_WORKFLOWS_CHECKOUT ARGO_EVENTS_CHECKOUT

Both are git checkouts (argoproj/argo-workflows, argoproj/argo-events). At the tag of each
pinned chart's app version (`components/k8s/pipelines.py`):

- Argo Workflows: `manifests/base/crds/full/argoproj.io_<plural>.yaml`, the full CRDs'
  served `openAPIV3Schema` without descriptions (structure, types, enums, required fields);
- Argo Events: its CRDs carry no structure (`spec` preserves unknown fields), so the
  project's own JSON schema `api/jsonschema/schema.json` is used instead: the definition
  of each kind and every definition it reaches, without descriptions.

Writes `smp/crd_schemas/argoproj.io.json` (compact: the full CRDs are large), which
`smp.render.validate_rendering` checks custom resources against. The schema data only.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from components.k8s.pipelines import (  # noqa: E402
    ARGO_EVENTS_KINDS,
    ARGO_EVENTS_TAG,
    ARGO_WORKFLOWS_KINDS,
    ARGO_WORKFLOWS_TAG,
)

OUT = REPO / "smp" / "crd_schemas" / "argoproj.io.json"
EVENTS_DEFINITIONS = "io.argoproj.events.v1alpha1"


def _git(checkout: str, *args: str) -> str:
    """Output of git in a checkout the user names."""
    done = subprocess.run(  # noqa: S603
        ["git", "-C", checkout, *args],  # noqa: S607 - git from PATH, as a developer runs it
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def _strip(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _strip(v) for k, v in node.items() if k != "description"}
    if isinstance(node, list):
        return [_strip(v) for v in node]
    return node


def _refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"].rsplit("/", 1)[-1]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(_refs(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(v) for v in node))
    return set()


def _reachable(definitions: dict[str, Any], root: str) -> dict[str, Any]:
    """`root` and every definition it reaches through `$ref`."""
    seen: dict[str, Any] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen[name] = _strip(definitions[name])
        todo.extend(_refs(seen[name]) - set(seen))
    return seen


def main(workflows_checkout: str, events_checkout: str) -> int:
    kinds: dict[str, Any] = {}
    sources = []
    tag = ARGO_WORKFLOWS_TAG
    commit = _git(workflows_checkout, "rev-parse", f"{tag}^{{commit}}").strip()
    sources.append(f"argoproj/argo-workflows {tag} ({commit}) manifests/base/crds/full")
    for kind, plural in ARGO_WORKFLOWS_KINDS.items():
        text = _git(
            workflows_checkout, "show", f"{tag}:manifests/base/crds/full/argoproj.io_{plural}.yaml"
        )
        crd = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
        kinds[kind] = {
            "scope": crd["spec"]["scope"],
            "versions": {
                v["name"]: _strip(v["schema"]["openAPIV3Schema"])
                for v in crd["spec"]["versions"]
                if v.get("served")
            },
        }
    tag = ARGO_EVENTS_TAG
    commit = _git(events_checkout, "rev-parse", f"{tag}^{{commit}}").strip()
    sources.append(f"argoproj/argo-events {tag} ({commit}) api/jsonschema/schema.json")
    definitions = json.loads(_git(events_checkout, "show", f"{tag}:api/jsonschema/schema.json"))[
        "definitions"
    ]
    for kind, plural in ARGO_EVENTS_KINDS.items():
        crd = yaml.safe_load(
            _git(events_checkout, "show", f"{tag}:manifests/base/crds/argoproj.io_{plural}.yaml")
        )
        root = f"{EVENTS_DEFINITIONS}.{kind}"
        kinds[kind] = {
            "scope": crd["spec"]["scope"],
            "versions": {
                v["name"]: {
                    "$ref": f"#/definitions/{root}",
                    "definitions": _reachable(definitions, root),
                }
                for v in crd["spec"]["versions"]
                if v.get("served")
            },
        }
    document = {"group": "argoproj.io", "source": "; ".join(sources), "kinds": kinds}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(document, separators=(",", ":"), sort_keys=True) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
