"""`make generate`: rewrite every generated file from its source, so none is kept by hand.

- `stacks/stack-file.schema.json` from the pydantic model (`smp.schema`);
- `docs/CONTROLS.md` and `docs/controls.html` from the rule metadata and the tests;
- `tests/golden/<stack>.plan.json`: each shipped stack's offline plan;
- `docs/guardrails/<stack>.scp.json`: the service control policy an AWS stack exports,
  for the organisation's administrators (they apply it outside the program).

Resource-count snapshots are rewritten by the tests that own them
(`SMP_UPDATE_SNAPSHOTS=1`), which `make generate` also runs. A test fails for each
file that is stale; review the diff before committing what this writes.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from smp.controls import (
    CONTROLS_DOC,
    CONTROLS_HTML,
    collect_rule_tests,
    render_controls_html,
    render_controls_markdown,
)
from smp.offline import plan_stack_offline
from smp.offline.engine import dump_plan
from smp.schema import SCHEMA_PATH
from smp.schema import render as render_schema
from stacks.stack_files import REPO_ROOT, list_stacks

GOLDEN_DIR = REPO_ROOT / "tests" / "golden"
GUARDRAILS_DIR = REPO_ROOT / "docs" / "guardrails"
SCP_OUTPUT = "serviceControlPolicy"
# Plans depend on the date (rotation windows of generated secrets); golden plans are
# made as of this one, so they change only when the program does.
GOLDEN_AS_OF = "2026-12-01"


def golden_path(stack: str) -> Path:
    """Where the golden plan of `stack` lives."""
    return GOLDEN_DIR / f"{stack}.plan.json"


def scp_path(stack: str) -> Path:
    """Where the service control policy document of `stack` is written."""
    return GUARDRAILS_DIR / f"{stack}.scp.json"


def render_scp(document: object) -> str:
    """The SCP document as written: indented, keys sorted, one trailing newline."""
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


def write_golden_plans() -> list[Path]:
    """Plan every shipped stack and write its golden plan (and its SCP document)."""
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    written = []
    with as_of(GOLDEN_AS_OF):
        for stack in list_stacks():
            path = golden_path(stack)
            plan = plan_stack_offline(stack)
            dump_plan(plan, path)
            written.append(path)
            if SCP_OUTPUT in plan.outputs:
                GUARDRAILS_DIR.mkdir(parents=True, exist_ok=True)
                scp_path(stack).write_text(render_scp(plan.outputs[SCP_OUTPUT]))
                written.append(scp_path(stack))
    return written


@contextlib.contextmanager
def as_of(day: str) -> Iterator[None]:
    """Plan as of `day` (`SMP_AS_OF`), restoring the environment afterwards."""
    saved = os.environ.get("SMP_AS_OF")
    os.environ["SMP_AS_OF"] = day
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("SMP_AS_OF", None)
        else:
            os.environ["SMP_AS_OF"] = saved


def main() -> int:
    """Rewrite the schema, the control matrix and the golden plans."""
    SCHEMA_PATH.write_text(render_schema())
    print(f"wrote {SCHEMA_PATH.relative_to(REPO_ROOT)}")
    tests = collect_rule_tests()
    CONTROLS_DOC.write_text(render_controls_markdown(tests))
    CONTROLS_HTML.write_text(render_controls_html(tests))
    print(f"wrote {CONTROLS_DOC.relative_to(REPO_ROOT)}, {CONTROLS_HTML.relative_to(REPO_ROOT)}")
    for path in write_golden_plans():
        print(f"wrote {path.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
