"""Offline plan speed and memory: our engine against Pulumi's bare mock runtime, side by side.

Each measurement runs in a fresh child process (so peak RSS is that run's own),
and the engine and the peer alternate, so machine noise hits both alike.
Prints resources per second, peak memory, and the engine/peer ratios.

    python benchmarks/plan_speed.py [--resources 5000] [--repeat 3]

Targets (issue 2): at least 200 resources/s, under 1 GiB at 5,000 resources.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def synthetic_program(count: int) -> None:
    """`count` resources: components of 50 (a KMS key and parameters that depend on it)."""
    import pulumi
    import pulumi_aws as aws

    provider = aws.Provider("synthetic", region="me-central-1")
    made = 1
    group = 0
    while made < count:
        component = pulumi.ComponentResource("smp:bench:Group", f"g{group}")
        opts = pulumi.ResourceOptions(parent=component, provider=provider)
        key = aws.kms.Key(
            f"g{group}-key", enable_key_rotation=True, tags={"stack": "bench"}, opts=opts
        )
        made += 2
        for i in range(min(48, count - made)):
            aws.ssm.Parameter(
                f"g{group}-p{i}",
                type="String",
                value=f"v{i}",
                key_id=key.arn,
                tags={"stack": "bench"},
                opts=opts,
            )
            made += 1
        component.register_outputs({})
        group += 1


def child(mode: str, target: str) -> None:
    """Run one measurement and print a JSON line."""
    started = time.perf_counter()
    if mode == "engine":
        from smp.offline import plan_program, plan_stack_offline

        if target.isdigit():
            plan = plan_program(
                lambda: synthetic_program(int(target)), stack="bench", default_region="me-central-1"
            )
        else:
            plan = plan_stack_offline(target)
        count = len(plan.resources) - 1
    else:
        import pulumi
        from pulumi.runtime.stack import wait_for_rpcs
        from pulumi.runtime.sync_await import _sync_await

        class Echo(pulumi.runtime.Mocks):
            def new_resource(self, args: pulumi.runtime.MockResourceArgs):  # type: ignore[no-untyped-def]
                return f"{args.name}-id", dict(args.inputs)

            def call(self, args: pulumi.runtime.MockCallArgs):  # type: ignore[no-untyped-def]
                return {}

        monitor = pulumi.runtime.mocks.MockMonitor(Echo())
        pulumi.runtime.set_mocks(Echo(), "bench", "bench", preview=True, monitor=monitor)
        synthetic_program(int(target))
        _sync_await(wait_for_rpcs())
        count = len(monitor.resources)
    elapsed = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"resources": count, "seconds": elapsed, "peak_mib": peak_kib / 1024}))


def measure(mode: str, target: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, target],
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("MODE", "TARGET"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return

    from rich.console import Console
    from rich.table import Table

    from stacks.stack_files import list_stacks

    console = Console()
    stacks = Table(title="Offline plan of each shipped stack (engine)", title_justify="left")
    for col in ("stack", "resources", "seconds", "resources/s", "peak MiB"):
        stacks.add_column(col, justify="left" if col == "stack" else "right")
    for stack in list_stacks():
        r = measure("engine", stack)
        stacks.add_row(
            stack,
            str(r["resources"]),
            f"{r['seconds']:.2f}",
            f"{r['resources'] / r['seconds']:.0f}",
            f"{r['peak_mib']:.0f}",
        )
    console.print(stacks)

    runs: dict[str, list[dict[str, float]]] = {"engine": [], "peer": []}
    with console.status("synthetic program...") as status:
        for i in range(args.repeat):
            for mode in ("peer", "engine") if i % 2 else ("engine", "peer"):
                status.update(f"synthetic {args.resources} resources: {mode} run {i + 1}")
                runs[mode].append(measure(mode, str(args.resources)))
    table = Table(
        title=f"Synthetic program, {args.resources} resources, median of "
        f"{args.repeat} alternating runs",
        title_justify="left",
    )
    for col in ("runner", "resources", "seconds", "resources/s", "peak MiB"):
        table.add_column(col, justify="left" if col == "runner" else "right")
    medians = {}
    for mode, label in (("peer", "Pulumi mock runtime alone"), ("engine", "smp offline engine")):
        secs = statistics.median(r["seconds"] for r in runs[mode])
        mem = statistics.median(r["peak_mib"] for r in runs[mode])
        n = runs[mode][0]["resources"]
        medians[mode] = (n / secs, mem)
        table.add_row(label, f"{n:.0f}", f"{secs:.2f}", f"{n / secs:.0f}", f"{mem:.0f}")
    console.print(table)
    speed = medians["engine"][0] / medians["peer"][0]
    memory = medians["engine"][1] / medians["peer"][1]
    console.print(f"engine/peer throughput ratio: {speed:.2f}x; memory ratio: {memory:.2f}x")
    ok_speed = medians["engine"][0] >= 200
    ok_mem = medians["engine"][1] < 1024
    console.print(
        f"target >= 200 resources/s: {'met' if ok_speed else 'NOT met'}; "
        f"target < 1024 MiB: {'met' if ok_mem else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
