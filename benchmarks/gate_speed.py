"""Policy gate speed: plan time against policy-evaluation time, and checkov side by side.

    python benchmarks/gate_speed.py [--resources 5000]

Prints, first, the wall time of `smp check --all` with the stacks judged in parallel
worker processes against the sequential path (`SMP_GATE_WORKERS=1`), alternating
rounds side by side in fresh processes (median and ratio; target: <= 8 s on 2 cores
where the sequential path took 17.5 s, i.e. >= 2.2x), and `smp stacks` against
`smp stacks --counts`. Then, for the shipped stacks and a synthetic 5,000-resource
program: the plan time, the policy-evaluation time and their
ratio (target: policy <= 0.5x plan), and checkov's time on the same stacks'
rendered Kubernetes manifests (checkov runs from its own virtualenv,
.checkov-venv; `make checkov-venv` creates it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=5000)
    parser.add_argument(
        "--rounds", type=int, default=3, help="alternating rounds of the wall-time comparison"
    )
    parser.add_argument(
        "--wall-only", action="store_true", help="only the parallel/sequential wall-time comparison"
    )
    args = parser.parse_args()

    from plan_speed import synthetic_program
    from rich.console import Console
    from rich.table import Table

    from policies.catalogue import all_rules
    from smp.gate import evaluate_plan
    from smp.offline import plan_program, plan_stack_offline
    from smp.render import render_plan
    from stacks.stack_files import list_stacks

    console = Console()
    rules = all_rules()
    smp = Path(sys.executable).parent / "smp"
    variants = {
        "smp check --all (parallel workers)": (
            [str(smp), "check", "--all", "--format", "json"],
            {},
        ),
        "smp check --all (sequential)": (
            [str(smp), "check", "--all", "--format", "json"],
            {"SMP_GATE_WORKERS": "1"},
        ),
        "smp stacks": ([str(smp), "stacks"], {}),
        "smp stacks --counts": ([str(smp), "stacks", "--counts"], {}),
    }
    walls: dict[str, list[float]] = {name: [] for name in variants}
    reports: dict[str, set[str]] = {name: set() for name in variants}
    for round_ in range(args.rounds):
        # Alternate the order each round so drift in machine load hits both sides.
        order = list(variants) if round_ % 2 == 0 else list(reversed(variants))
        for name in order:
            command, env = variants[name]
            with console.status(f"round {round_ + 1}/{args.rounds}: {name}..."):
                started = time.perf_counter()
                done = subprocess.run(
                    command,
                    capture_output=True,
                    text=True,
                    check=False,
                    timeout=1200,
                    env={**os.environ, **env},
                )
                walls[name].append(time.perf_counter() - started)
            if done.returncode not in (0, 1):
                console.print(f"{name} exited {done.returncode}: {done.stderr[-400:]}")
            if "check" in command:
                reports[name].add(done.stdout)
    wall_table = Table(
        title=f"Wall time, median of {args.rounds} alternating rounds ({os.cpu_count()} cores)",
        title_justify="left",
    )
    for col in ("command", "median s", "min s", "max s", "ratio"):
        wall_table.add_column(col, justify="left" if col == "command" else "right")
    medians = {name: statistics.median(values) for name, values in walls.items()}
    peers = {
        "smp check --all (parallel workers)": "smp check --all (sequential)",
        "smp stacks": "smp stacks --counts",
    }
    for name, values in walls.items():
        peer = peers.get(name)
        ratio = f"{medians[peer] / medians[name]:.2f}x faster" if peer else "1.00x (peer)"
        wall_table.add_row(
            name, f"{medians[name]:.1f}", f"{min(values):.1f}", f"{max(values):.1f}", ratio
        )
    console.print(wall_table)
    same = reports["smp check --all (parallel workers)"] == reports["smp check --all (sequential)"]
    console.print(f"identical JSON reports, parallel vs sequential: {'yes' if same else 'NO'}")
    if args.wall_only:
        return

    table = Table(title="Plan time against policy-evaluation time", title_justify="left")
    for col in ("subject", "resources", "plan s", "policy s", "policy/plan", "target <= 0.5"):
        table.add_column(col, justify="left" if col == "subject" else "right")
    rendered = Path(tempfile.mkdtemp(prefix="smp-render-"))
    ours_k8s = 0.0
    for stack in list_stacks():
        with console.status(f"{stack}..."):
            plan = plan_stack_offline(stack)
            started = time.perf_counter()
            evaluate_plan(plan, rules)
            policy = time.perf_counter() - started
            render_plan(plan, rendered / stack)
            k8s_rules = [r for r in rules if r.meta.family == "kubernetes"]
            started = time.perf_counter()
            evaluate_plan(plan, k8s_rules)
            ours_k8s += time.perf_counter() - started
        ratio = policy / plan.seconds
        table.add_row(
            stack,
            str(len(plan.resources) - 1),
            f"{plan.seconds:.2f}",
            f"{policy:.2f}",
            f"{ratio:.2f}x",
            "met" if ratio <= 0.5 else "NOT met",
        )
    with console.status(f"synthetic program, {args.resources} resources..."):
        plan = plan_program(
            lambda: synthetic_program(args.resources), stack="bench", default_region="me-central-1"
        )
        started = time.perf_counter()
        evaluate_plan(plan, rules)
        policy = time.perf_counter() - started
    ratio = policy / plan.seconds
    table.add_row(
        f"synthetic ({args.resources})",
        str(len(plan.resources) - 1),
        f"{plan.seconds:.2f}",
        f"{policy:.2f}",
        f"{ratio:.2f}x",
        "met" if ratio <= 0.5 else "NOT met",
    )
    console.print(table)

    checkov = ROOT / ".checkov-venv" / "bin" / "checkov"
    if not checkov.exists():
        console.print("checkov: not installed; run `make checkov-venv` for the side-by-side")
        return
    files = sorted(rendered.rglob("*.yaml"))
    with console.status(f"checkov on {len(files)} rendered manifests..."):
        started = time.perf_counter()
        subprocess.run(
            [
                str(checkov),
                "--quiet",
                "--compact",
                "--skip-download",
                "--framework",
                "kubernetes",
                "-d",
                str(rendered),
                "--output",
                "json",
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=1200,
        )
        checkov_s = time.perf_counter() - started
    side = Table(title="Kubernetes manifests of the shipped stacks", title_justify="left")
    for col in ("tool", "objects", "seconds", "ratio to ours"):
        side.add_column(col, justify="left" if col == "tool" else "right")
    side.add_row("smp kubernetes rules (in-process)", str(len(files)), f"{ours_k8s:.2f}", "1.00x")
    side.add_row(
        "checkov --framework kubernetes",
        str(len(files)),
        f"{checkov_s:.2f}",
        f"{checkov_s / max(ours_k8s, 1e-9):.1f}x",
    )
    console.print(side)


if __name__ == "__main__":
    main()
