"""Vendor the validation schemas of Kueue's CRDs for the pinned chart version.

    python scripts/vendor_crd_schemas.py KUEUE_CHECKOUT   # a git checkout of kubernetes-sigs/kueue

Reads `config/components/crd/bases/kueue.x-k8s.io_<plural>.yaml` at the tag of the pinned
chart (`components/k8s/queues.py` KUEUE_CHART) for the kinds the platform creates, keeps
the served versions' `openAPIV3Schema` without descriptions (the structure, types,
patterns, enums, bounds and required fields), and writes `smp/crd_schemas/<group>.json`,
which `smp.render.validate_rendering` checks custom resources against.
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

from components.k8s.queues import KUEUE_CHART, KUEUE_KINDS  # noqa: E402

OUT = REPO / "smp" / "crd_schemas" / "kueue.x-k8s.io.json"


def _git(checkout: str, *args: str) -> str:
    """Output of git in the Kueue checkout (a local clone the user names)."""
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


def main(checkout: str) -> int:
    _, version, _ = KUEUE_CHART
    tag = f"v{version}"
    commit = _git(checkout, "rev-parse", f"{tag}^{{commit}}").strip()
    kinds: dict[str, Any] = {}
    for kind, plural in KUEUE_KINDS.items():
        path = f"config/components/crd/bases/kueue.x-k8s.io_{plural}.yaml"
        text = _git(checkout, "show", f"{tag}:{path}")
        crd = yaml.safe_load(text)
        kinds[kind] = {
            "scope": crd["spec"]["scope"],
            "versions": {
                v["name"]: _strip(v["schema"]["openAPIV3Schema"])
                for v in crd["spec"]["versions"]
                if v.get("served")
            },
        }
    document = {
        "group": "kueue.x-k8s.io",
        "source": f"kubernetes-sigs/kueue {tag} ({commit}) config/components/crd/bases",
        "kinds": kinds,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(document, indent=1, sort_keys=True) + "\n")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
