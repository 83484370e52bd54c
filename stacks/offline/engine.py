"""Run a Pulumi program under the mock runtime and record every resource it registers.

`plan_stack_offline("aws-uae-prod")` runs the real program for that stack's file:
no Pulumi CLI, no provider plugins, no cloud credentials. Each run gets a fresh
`contextvars.Context` (so Pulumi's settings, config and root stack start empty)
and a fresh event loop, so one plan never leaks into the next.

Fidelity notes: inputs are camelCase and numbers are floats (as the engine
passes them); provider defaults are not filled in; transforms do not run.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import logging
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pulumi
from pulumi.runtime import mocks as pulumi_mocks
from pulumi.runtime import rpc, settings
from pulumi.runtime.config import set_all_config
from pulumi.runtime.stack import Stack, wait_for_rpcs
from pulumi.runtime.sync_await import _sync_await

from stacks.config import PROJECT, StackSettings
from stacks.offline.mocks import DeterministicMocks
from stacks.stack_files import STACKS_DIR, load_stack_file, read_stack_file

STACK_TYPE = "pulumi:pulumi:Stack"
# Inputs that are unknown at plan time are recorded as this marker.
UNKNOWN = rpc.UNKNOWN
SECRET_MARKER = "[secret]"  # noqa: S105 (a redaction marker, not a password)


class PlanError(RuntimeError):
    """The program failed while it was being planned; the message says where."""


@dataclass
class PlannedResource:
    """One registered resource as the engine saw it."""

    urn: str
    type: str
    name: str
    custom: bool
    inputs: dict[str, Any]
    parent: str | None
    provider: str | None  # the provider resource's URN
    dependencies: list[str]
    property_dependencies: dict[str, list[str]]
    id: str | None = None
    secret_paths: list[str] = field(default_factory=list)

    @property
    def is_provider(self) -> bool:
        """True for provider resources (`pulumi:providers:<pkg>`)."""
        return self.type.startswith("pulumi:providers:")

    def to_json(self) -> dict[str, Any]:
        """A JSON-safe view with secret values redacted."""
        return {
            "urn": self.urn,
            "type": self.type,
            "name": self.name,
            "custom": self.custom,
            "parent": self.parent,
            "provider": self.provider,
            "dependencies": sorted(self.dependencies),
            "propertyDependencies": {k: sorted(v) for k, v in
                                     sorted(self.property_dependencies.items())},
            "inputs": _redact(self.inputs, set(self.secret_paths), ""),
        }


@dataclass
class Plan:
    """Every resource a stack registers, in URN order, plus its stack outputs."""

    stack: str
    project: str
    resources: list[PlannedResource]
    outputs: dict[str, Any]
    secret_outputs: list[str]
    seconds: float = 0.0

    def by_urn(self) -> dict[str, PlannedResource]:
        """Resources keyed by URN."""
        return {r.urn: r for r in self.resources}

    def of_type(self, type_token: str) -> list[PlannedResource]:
        """Resources of one type token."""
        return [r for r in self.resources if r.type == type_token]

    def children(self, urn: str) -> list[PlannedResource]:
        """Direct children of `urn`."""
        return [r for r in self.resources if r.parent == urn]

    @property
    def root(self) -> PlannedResource:
        """The stack resource."""
        return next(r for r in self.resources if r.type == STACK_TYPE)

    def counts_by_type(self) -> dict[str, int]:
        """How many resources of each type, providers and components included."""
        counts = Counter(r.type for r in self.resources if r.type != STACK_TYPE)
        return dict(sorted(counts.items()))

    def walk(self) -> Iterator[tuple[int, PlannedResource]]:
        """Depth-first (depth, resource) over the parent tree, children in URN order."""
        kids: dict[str | None, list[PlannedResource]] = {}
        for r in self.resources:
            kids.setdefault(r.parent, []).append(r)

        def visit(r: PlannedResource, depth: int) -> Iterator[tuple[int, PlannedResource]]:
            yield depth, r
            for child in kids.get(r.urn, []):
                yield from visit(child, depth + 1)

        for top in kids.get(None, []):
            yield from visit(top, 0)

    def to_json(self) -> dict[str, Any]:
        """The plan for machines: deterministic, secrets redacted."""
        return {
            "stack": self.stack,
            "project": self.project,
            "resourceCount": len([r for r in self.resources if r.type != STACK_TYPE]),
            "countsByType": self.counts_by_type(),
            "outputs": _redact(self.outputs, set(self.secret_outputs), ""),
            "resources": [r.to_json() for r in self.resources],
        }


def _redact(value: Any, secret_paths: set[str], path: str) -> Any:
    if path in secret_paths:
        return SECRET_MARKER
    if isinstance(value, Mapping):
        return {k: _redact(v, secret_paths, f"{path}.{k}" if path else str(k))
                for k, v in sorted(value.items())}
    if isinstance(value, list):
        return [_redact(v, secret_paths, f"{path}[{i}]") for i, v in enumerate(value)]
    return value


def _unwrap(value: Any, path: str, secrets: list[str]) -> Any:
    """Replace secret wrappers and unknowns by plain values, remembering secret paths."""
    if rpc.is_rpc_secret(value):
        secrets.append(path)
        return _unwrap(rpc.unwrap_rpc_secret(value), path, [])
    if isinstance(value, pulumi.output.Unknown):
        return UNKNOWN
    if isinstance(value, Mapping):
        return {k: _unwrap(v, f"{path}.{k}" if path else str(k), secrets)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_unwrap(v, f"{path}[{i}]", secrets) for i, v in enumerate(value)]
    return value


class RecordingMonitor(pulumi_mocks.MockMonitor):
    """A MockMonitor that also keeps what the engine would see of each registration."""

    def __init__(self, mocks: DeterministicMocks) -> None:
        super().__init__(mocks)
        self.recorded: dict[str, PlannedResource] = {}
        self.stack_outputs: dict[str, Any] = {}
        self.stack_secret_outputs: list[str] = []
        self._mocks = mocks

    def RegisterResource(self, request: Any) -> Any:
        response = super().RegisterResource(request)
        secrets: list[str] = []
        raw = rpc.deserialize_properties(request.object, keep_unknowns=True)
        inputs = _unwrap(raw, "", secrets)
        urn = response.urn
        provider = request.provider.rsplit("::", 1)[0] if request.provider else None
        self.recorded[urn] = PlannedResource(
            urn=urn,
            type=request.type,
            name=request.name,
            custom=bool(request.custom),
            inputs=inputs if request.type != STACK_TYPE else {},
            parent=request.parent or None,
            provider=provider,
            dependencies=list(request.dependencies),
            property_dependencies={k: list(v.urns) for k, v in
                                   request.propertyDependencies.items()},
            id=response.id or None,
            secret_paths=secrets,
        )
        if request.type.startswith("pulumi:providers:"):
            region = inputs.get("region") or inputs.get("location")
            if isinstance(region, str):
                self._mocks.provider_regions[urn] = region
        return response

    def RegisterResourceOutputs(self, request: Any) -> Any:
        if request.urn.split("::")[2] == STACK_TYPE:
            secrets: list[str] = []
            raw = rpc.deserialize_properties(request.outputs, keep_unknowns=True)
            self.stack_outputs = _unwrap(raw, "", secrets)
            self.stack_secret_outputs = secrets
        return super().RegisterResourceOutputs(request)


def _configure_mock_runtime(monitor: RecordingMonitor, project: str, stack: str) -> None:
    """What `pulumi.runtime.set_mocks` does, minus creating a root stack: the run makes one."""
    features = set(monitor.GetDeploymentInfo(None).supportedFeatures)
    settings.configure(pulumi_mocks.MockSettings(
        monitor=monitor,
        monitor_features=features,
        engine=pulumi_mocks.MockEngine(logging.getLogger("smp.offline")),
        project=project,
        stack=stack,
        dry_run=True,
        organization="organization",
        callbacks=None,
        # MockSettings leaves these out, and their defaults are shared objects:
        # without fresh ones a failed run's pending tasks leak into the next run.
        outputs=set(),
    ))


def plan_program(
    program: Callable[[], None],
    *,
    stack: str,
    config: Mapping[str, str] | None = None,
    secret_keys: list[str] | None = None,
    project: str = PROJECT,
    default_region: str | None = None,
    first_preview: bool = False,
) -> Plan:
    """Run `program` as a Pulumi program of `project`/`stack` and record what it registers.

    `config` is the flat `namespace:key -> string` map the CLI would hand the program.
    With `first_preview`, ids and computed outputs are unknown, as at a stack's first
    `pulumi preview` (every reference to another new resource is then unknown).
    """

    def run() -> Plan:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        started = time.perf_counter()
        try:
            set_all_config(dict(config or {}), list(secret_keys or []))
            mocks = DeterministicMocks(default_region, first_preview)
            monitor = RecordingMonitor(mocks)
            _configure_mock_runtime(monitor, project, stack)
            # As the language host does: a root stack, the program's top-level code,
            # then register the stack outputs and wait for every outstanding RPC.
            # Running the program outside the event loop (rather than inside
            # `run_in_stack`) lets registrations resolve as they are issued, which
            # keeps Pulumi's output bookkeeping from growing quadratically.
            root = Stack()
            try:
                program()
            finally:
                root._finish()
            _sync_await(wait_for_rpcs())
        finally:
            loop.run_until_complete(loop.shutdown_default_executor())
            loop.close()
            asyncio.set_event_loop(None)
        resources = sorted(monitor.recorded.values(), key=lambda r: r.urn)
        return Plan(stack=stack, project=project, resources=resources,
                    outputs=monitor.stack_outputs,
                    secret_outputs=monitor.stack_secret_outputs,
                    seconds=time.perf_counter() - started)

    # A brand-new Context: Pulumi keeps its settings, config and root stack in
    # context variables, so nothing from an earlier run is visible here.
    try:
        return contextvars.Context().run(run)
    except pulumi.RunError as exc:
        raise PlanError(str(exc)) from None


def _platform_program(settings_: StackSettings) -> Callable[[], None]:
    def program() -> None:
        from stacks.platform import build_platform
        from stacks.stack_files import load_from_pulumi

        # Validate through the same path `pulumi up` takes, then build.
        loaded = load_from_pulumi()
        if loaded.platform != settings_.platform:  # pragma: no cover - defensive
            raise PlanError("the runtime config differs from the stack file")
        build_platform(loaded)

    return program


def plan_stack_offline(stack: str, stacks_dir: Path = STACKS_DIR,
                       first_preview: bool = False) -> Plan:
    """Plan one stack from its `Pulumi.<stack>.yaml`; `secure:` values become placeholders."""
    settings_ = load_stack_file(stack, stacks_dir)  # raises ConfigError with every problem
    stack_file = read_stack_file(stack, stacks_dir)
    return plan_program(
        _platform_program(settings_),
        stack=stack,
        config=stack_file.pulumi_config(),
        secret_keys=stack_file.pulumi_secret_keys(),
        default_region=settings_.platform.region,
        first_preview=first_preview,
    )


def measure(fn: Callable[[], Plan]) -> tuple[Plan, float, int]:
    """Run `fn`, returning the plan, seconds taken and peak traced memory in bytes."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        plan = fn()
    finally:
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return plan, elapsed, peak


def dump_plan(plan: Plan, path: Path) -> None:
    """Write the plan as stable, pretty JSON."""
    path.write_text(json.dumps(plan.to_json(), indent=2, sort_keys=True) + "\n")
