"""Run a Pulumi program under the mock runtime and record every resource it registers.

`plan_stack_offline("aws-uae-prod")` runs the program that `Pulumi.yaml` names (its
`main`, default `__main__.py`), as the Python language host does, with that stack's
config: no Pulumi CLI, no provider plugins, no cloud credentials. Each run gets a
fresh `contextvars.Context` (so Pulumi's settings, config and root stack start
empty), a fresh event loop and fresh imports of the project's modules, so one plan
never leaks into the next.

Each registration keeps its source position: the innermost frame of the program's
own files (not the SDK's, not a virtualenv's), so reports point at the line that
declared the resource. `pulumi:disable-default-providers` is applied as the engine
applies it: a custom resource of a disabled package without an explicit provider
fails the plan, naming the resource.

Fidelity notes: inputs are camelCase and numbers are floats (as the engine
passes them); provider defaults are not filled in; transforms do not run.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import gc
import json
import logging
import time
import traceback
import tracemalloc
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pulumi
from pulumi.runtime import mocks as pulumi_mocks
from pulumi.runtime import rpc, settings
from pulumi.runtime.config import set_all_config
from pulumi.runtime.stack import Stack, wait_for_rpcs
from pulumi.runtime.sync_await import _sync_await

from platform_spec import PROJECT
from smp.offline.mocks import DeterministicMocks, UnmockedInvokeError
from smp.offline.project import ProjectError, PulumiProject, language_host, load_project
from stacks.stack_files import REPO_ROOT, load_stack_file, read_stack_file

STACK_TYPE = "pulumi:pulumi:Stack"
# Inputs that are unknown at plan time are recorded as this marker.
UNKNOWN = rpc.UNKNOWN
SECRET_MARKER = "[secret]"  # noqa: S105 (a redaction marker, not a password)
DISABLE_DEFAULT_PROVIDERS = "pulumi:disable-default-providers"


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
    # Where the program declared it: (project-relative file, line), when known.
    source: tuple[str, int] | None = None

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
            "propertyDependencies": {
                k: sorted(v) for k, v in sorted(self.property_dependencies.items())
            },
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
        return {
            k: _redact(v, secret_paths, f"{path}.{k}" if path else str(k))
            for k, v in sorted(value.items())
        }
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
        return {k: _unwrap(v, f"{path}.{k}" if path else str(k), secrets) for k, v in value.items()}
    if isinstance(value, list):
        return [_unwrap(v, f"{path}[{i}]", secrets) for i, v in enumerate(value)]
    return value


class RecordingMonitor(pulumi_mocks.MockMonitor):
    """A MockMonitor that also keeps what the engine would see of each registration."""

    def __init__(
        self,
        mocks: DeterministicMocks,
        project: PulumiProject | None = None,
        disabled_default_providers: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(mocks)
        self.recorded: dict[str, PlannedResource] = {}
        self.stack_outputs: dict[str, Any] = {}
        self.stack_secret_outputs: list[str] = []
        self._mocks = mocks
        self._project = project
        self._disabled = disabled_default_providers
        # Resources that would need a default provider the stack has disabled.
        self.denied_default_provider: list[PlannedResource] = []

    def _source(self, request: Any) -> tuple[str, int] | None:
        """The innermost frame of the program's own files that led to this registration."""
        if self._project is None:
            return None
        frames = [f.pc for f in request.stackTrace.frames] if request.HasField("stackTrace") else []
        if request.HasField("sourcePosition"):
            frames.insert(0, request.sourcePosition)
        for pc in frames:
            if not pc.uri.startswith("file://"):
                continue
            filename = urllib.parse.unquote(urllib.parse.urlparse(pc.uri).path)
            if self._project.owns(filename):
                return self._project.relative(filename), int(pc.line)
        return None

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
            property_dependencies={
                k: list(v.urns) for k, v in request.propertyDependencies.items()
            },
            id=response.id or None,
            secret_paths=secrets,
            source=None if request.type == STACK_TYPE else self._source(request),
        )
        package = request.type.split(":", 1)[0]
        if (
            request.custom
            and not request.provider
            and package != "pulumi"
            and ("*" in self._disabled or package in self._disabled)
        ):
            self.denied_default_provider.append(self.recorded[urn])
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


@contextlib.contextmanager
def _no_client_side_alias_urns(monitor: RecordingMonitor) -> Iterator[None]:
    """Skip URNs the SDK computes for aliases only for engines without alias specs.

    `Resource.__init__` turns every alias into a URN Output (`collapse_alias_to_urn`)
    and keeps them in `Resource._aliases`, which only `all_aliases` reads: the path
    for a monitor that cannot take alias specs. Ours (and the Pulumi engine) can, so
    the aliases sent with each registration come from the options by `prepare_aliases`
    and those URNs are never used. azure-native gives each resource up to ~60 type
    aliases, so computing them doubled an Azure plan's time. Registrations are
    unchanged (tests compare plans with and without this).
    """
    import pulumi.resource as sdk_resource
    from pulumi.runtime.proto import resource_pb2

    features = set(monitor.GetDeploymentInfo(None).supportedFeatures)
    if resource_pb2.RESOURCE_MONITOR_FEATURE_ALIAS_SPECS not in features:
        yield
        return
    original = sdk_resource.collapse_alias_to_urn

    def keep_alias(alias: Any, _name: str, _type: str, _parent: Any) -> Any:
        return alias

    sdk_resource.collapse_alias_to_urn = cast(Any, keep_alias)
    try:
        yield
    finally:
        sdk_resource.collapse_alias_to_urn = original


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Cyclic GC tuned for one plan: what is already loaded is frozen, collections rarer.

    A plan allocates hundreds of thousands of short-lived Outputs and futures; with
    the default thresholds the collector walks every module and class loaded so far
    many times per plan (a third of an AWS plan's time). Settings are restored after.
    """
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], 50_000), threshold[1], threshold[2])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _configure_mock_runtime(monitor: RecordingMonitor, project: str, stack: str) -> None:
    """What `pulumi.runtime.set_mocks` does, minus creating a root stack: the run makes one."""
    features = set(monitor.GetDeploymentInfo(None).supportedFeatures)
    settings.configure(
        pulumi_mocks.MockSettings(
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
        )
    )


def plan_program(
    program: Callable[[], None],
    *,
    stack: str,
    config: Mapping[str, str] | None = None,
    secret_keys: list[str] | None = None,
    project: str = PROJECT,
    default_region: str | None = None,
    first_preview: bool = False,
    source_project: PulumiProject | None = None,
    fast_aliases: bool = True,
) -> Plan:
    """Run `program` as a Pulumi program of `project`/`stack` and record what it registers.

    `config` is the flat `namespace:key -> string` map the CLI would hand the program;
    its `pulumi:disable-default-providers` is enforced as the engine enforces it.
    With `first_preview`, ids and computed outputs are unknown, as at a stack's first
    `pulumi preview` (every reference to another new resource is then unknown).
    `source_project` is the project whose files count as the program's when
    recording source positions. `fast_aliases=False` lets the SDK compute alias URNs
    that nothing reads (see `_no_client_side_alias_urns`), for comparison.
    """
    disabled = _disabled_default_providers(dict(config or {}))

    def run() -> Plan:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        started = time.perf_counter()
        try:
            set_all_config(dict(config or {}), list(secret_keys or []))
            mocks = DeterministicMocks(default_region, first_preview)
            monitor = RecordingMonitor(mocks, source_project, disabled)
            _configure_mock_runtime(monitor, project, stack)
            # As the language host does: a root stack, the program's top-level code,
            # then register the stack outputs and wait for every outstanding RPC.
            # Running the program outside the event loop (rather than inside
            # `run_in_stack`) lets registrations resolve as they are issued, which
            # keeps Pulumi's output bookkeeping from growing quadratically.
            with (
                _fewer_collections(),
                _no_client_side_alias_urns(monitor) if fast_aliases else contextlib.nullcontext(),
            ):
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
        if monitor.denied_default_provider:
            names = "; ".join(
                f"{r.type} {r.name!r}" + (f" ({r.source[0]}:{r.source[1]})" if r.source else "")
                for r in monitor.denied_default_provider
            )
            raise PlanError(
                f"default providers are disabled ({DISABLE_DEFAULT_PROVIDERS}) but these "
                f"resources have no explicit provider, so `pulumi up` would refuse them: "
                f"{names}"
            )
        resources = sorted(monitor.recorded.values(), key=lambda r: r.urn)
        return Plan(
            stack=stack,
            project=project,
            resources=resources,
            outputs=monitor.stack_outputs,
            secret_outputs=monitor.stack_secret_outputs,
            seconds=time.perf_counter() - started,
        )

    # A brand-new Context: Pulumi keeps its settings, config and root stack in
    # context variables, so nothing from an earlier run is visible here.
    try:
        return contextvars.Context().run(run)
    except (PlanError, UnmockedInvokeError):
        raise
    except pulumi.RunError as exc:
        raise PlanError(str(exc)) from None
    except Exception as exc:
        # Under `pulumi up` this is "Program failed with an unhandled exception".
        raise PlanError(_describe_program_exception(exc, source_project)) from exc


def _describe_program_exception(exc: BaseException, project: PulumiProject | None) -> str:
    """`TypeError: ... (at components/aws/eks.py:42)`: the innermost frame of the program."""
    where = ""
    if project is not None:
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if project.owns(frame.filename):
                where = f" (at {project.relative(frame.filename)}:{frame.lineno})"
                break
    return f"{type(exc).__name__}: {exc}{where}"


def _disabled_default_providers(config: Mapping[str, str]) -> frozenset[str]:
    """Packages named by `pulumi:disable-default-providers` (a JSON list; '*' for all)."""
    raw = config.get(DISABLE_DEFAULT_PROVIDERS)
    if raw is None:
        return frozenset()
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        value = raw
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PlanError(
            f"{DISABLE_DEFAULT_PROVIDERS}: expected a list of package names or '*', got {raw!r}"
        )
    return frozenset(value)


def plan_stack_offline(
    stack: str,
    stacks_dir: Path | None = None,
    first_preview: bool = False,
    project_dir: Path = REPO_ROOT,
    fast_aliases: bool = True,
) -> Plan:
    """Plan one stack: the program `Pulumi.yaml` names, with `Pulumi.<stack>.yaml`'s config.

    The stack file is validated first (a `ConfigError` names every problem and where
    it is); then the program runs exactly as `pulumi preview` would run it, and every
    resource it registers is recorded. `secure:` values become placeholders.
    """
    try:
        project = load_project(project_dir)
    except ProjectError as exc:
        raise PlanError(str(exc)) from None
    stacks_dir = stacks_dir if stacks_dir is not None else project.stacks_dir
    settings_ = load_stack_file(stack, stacks_dir)  # raises ConfigError with every problem
    stack_file = read_stack_file(stack, stacks_dir)
    with language_host(project):
        return plan_program(
            project.program(),
            stack=stack,
            project=project.name,
            config=stack_file.pulumi_config(),
            secret_keys=stack_file.pulumi_secret_keys(),
            default_region=settings_.platform.region,
            first_preview=first_preview,
            source_project=project,
            fast_aliases=fast_aliases,
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
