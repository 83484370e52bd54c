"""The offline pull-request gate: the policy pack's own rule objects judged against offline plans.

Each planned resource becomes the `pulumi_policy` argument objects the CLI would
pass (`ResourceValidationArgs`, `StackValidationArgs`, props wrapped by the
unknown-checking proxy), and the pack's policies run in-process. The pack
config file has the format of `pulumi preview --policy-pack-config`.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import jsonschema
from pulumi_policy import (
    EnforcementLevel,
    PolicyCustomTimeouts,
    PolicyProviderResource,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
)
from pulumi_policy.proxy import _DictProxy, _ListProxy

from platform_spec import PLATFORM_KEY, ConfigError
from policies.catalogue import all_rules
from policies.framework import WAIVER_RECORDER, Rule, WaivedResult
from smp.offline.engine import STACK_TYPE, Plan, PlannedResource
from stacks.stack_files import locate_problem, read_stack_file, stack_path

PACK_NAME = "sovereign-ml-guardrails"
_LEVELS = {level.value: level for level in EnforcementLevel}


@dataclass(frozen=True)
class Violation:
    """One reported violation (or, with `waiver`, one result an exception waived)."""

    stack: str
    rule_id: str
    policy_name: str
    enforcement: str  # "mandatory" | "advisory"
    severity: str
    message: str
    urn: str | None
    resource_type: str | None = None
    # Where the program declared the resource: project-relative file and line.
    source_file: str | None = None
    source_line: int | None = None
    waiver: Waiver | None = None

    @property
    def mandatory(self) -> bool:
        """True when it blocks the update (a waived result never does)."""
        return self.waiver is None and self.enforcement == EnforcementLevel.MANDATORY.value

    @property
    def detail(self) -> str:
        """The message without the `[RULE-ID] ` prefix the rule puts in front for the CLI."""
        prefix = f"[{self.rule_id}] "
        return self.message[len(prefix) :] if self.message.startswith(prefix) else self.message

    @property
    def resource_name(self) -> str:
        """The resource's name (the end of its URN), or "(stack)"."""
        return self.urn.rsplit("::", 1)[-1] if self.urn else "(stack)"


@dataclass(frozen=True)
class Waiver:
    """The policy exception that waived a result."""

    resource: str
    reason: str
    expires: str  # YYYY-MM-DD


@dataclass(frozen=True)
class StackError:
    """Why a stack could not be judged: its file is invalid or its program failed."""

    kind: str  # "config" | "program"
    message: str
    file: str  # project-relative stack file
    line: int | None = None
    column: int | None = None


@dataclass
class StackResult:
    """The gate's verdict for one stack."""

    stack: str
    resources: int
    violations: list[Violation] = field(default_factory=list)
    plan_seconds: float = 0.0
    policy_seconds: float = 0.0
    waived: list[Violation] = field(default_factory=list)
    error: StackError | None = None
    stack_file: str = ""

    @property
    def mandatory(self) -> list[Violation]:
        """Violations that block."""
        return [v for v in self.violations if v.mandatory]


def _read_config_file(path: Path) -> Any:
    try:
        if path.is_dir():
            raise ConfigError(str(path), ["is a folder; expected a JSON file"])
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise ConfigError(str(path), ["file not found"]) from None
    except UnicodeDecodeError:
        raise ConfigError(str(path), ["not a UTF-8 text file; expected JSON"]) from None
    except OSError as exc:
        raise ConfigError(str(path), [f"cannot read it: {exc.strerror}"]) from None
    try:
        return json.loads(text, object_pairs_hook=_refuse_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise ConfigError(str(path), [f"not valid JSON: {exc}"]) from None
    except _DuplicateKeyError as exc:
        raise ConfigError(str(path), [str(exc)]) from None


class _DuplicateKeyError(ValueError):
    pass


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKeyError(f"{key}: given twice (JSON keeps only the last; remove one)")
        seen[key] = value
    return seen


def _date_problems(where: str, value: Any) -> list[str]:
    """`format: date` enforced: a real calendar date written YYYY-MM-DD."""
    if not isinstance(value, str):
        return []  # the schema's type check reports it
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return [f"{where}: {value!r} is not a date; expected YYYY-MM-DD"]
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return [f"{where}: {value!r} is not a calendar date (YYYY-MM-DD)"]
    return []


def load_pack_config(path: Path | None, rules: list[Rule]) -> dict[str, Any]:
    """Read and validate a `--policy-pack-config` JSON file against the rules' schemas.

    Dates (`format: date`, the exceptions' `expires`) must be real calendar dates:
    a typo is a configuration error, not a violation found later.
    """
    if path is None:
        return {}
    raw = _read_config_file(path)
    if not isinstance(raw, dict):
        raise ConfigError(str(path), ["expected an object keyed by policy name"])
    by_name = {r.meta.policy_name: r for r in rules}
    problems = []
    for key, value in raw.items():
        if key == "all":
            level = value.get("enforcementLevel") if isinstance(value, dict) else value
            if not isinstance(level, str) or level not in _LEVELS:
                problems.append(f"all: enforcement level must be one of {', '.join(_LEVELS)}")
            continue
        rule = by_name.get(key)
        if rule is None:
            problems.append(
                f"{key}: no such policy in {PACK_NAME} (policy names look like smp-res-001)"
            )
            continue
        if isinstance(value, str):
            if value not in _LEVELS:
                problems.append(f"{key}: enforcement level must be one of {', '.join(_LEVELS)}")
            continue
        if not isinstance(value, dict):
            problems.append(f"{key}: expected an enforcement level or an object")
            continue
        level = value.get("enforcementLevel")
        if level is not None and (not isinstance(level, str) or level not in _LEVELS):
            problems.append(f"{key}.enforcementLevel: must be one of {', '.join(_LEVELS)}")
        properties: dict[str, Any] = (
            dict(rule.policy.config_schema.properties) if rule.policy.config_schema else {}
        )
        properties["enforcementLevel"] = {"type": "string"}
        schema = {"type": "object", "properties": properties, "additionalProperties": False}
        validator = jsonschema.Draft7Validator(schema)
        for error in validator.iter_errors(value):
            where = ".".join(str(p) for p in error.absolute_path)
            problems.append(f"{key}{'.' + where if where else ''}: {error.message}")
        for i, entry in enumerate(value.get("exceptions") or []):
            if isinstance(entry, dict):
                problems += _date_problems(f"{key}.exceptions.{i}.expires", entry.get("expires"))
    if problems:
        raise ConfigError(str(path), problems)
    return raw


def _rule_settings(
    rule: Rule, pack_config: Mapping[str, Any]
) -> tuple[EnforcementLevel, dict[str, Any]]:
    level = rule.meta.enforcement
    all_value = pack_config.get("all")
    if all_value is not None:
        level = _LEVELS[
            str(all_value.get("enforcementLevel") if isinstance(all_value, dict) else all_value)
        ]
    value = pack_config.get(rule.meta.policy_name)
    config: dict[str, Any] = {}
    if isinstance(value, str):
        level = _LEVELS[value]
    elif isinstance(value, dict):
        if "enforcementLevel" in value:
            level = _LEVELS[value["enforcementLevel"]]
        config = {k: v for k, v in value.items() if k != "enforcementLevel"}
    return level, config


def _options(resource: PlannedResource) -> PolicyResourceOptions:
    return PolicyResourceOptions(
        protect=False,
        ignore_changes=[],
        delete_before_replace=None,
        aliases=[],
        custom_timeouts=PolicyCustomTimeouts(0, 0, 0),
        additional_secret_outputs=[],
        parent=resource.parent,
    )


class _ReadOnlyDictProxy(_DictProxy):
    """pulumi_policy's dict proxy without its `__setitem__`: the gate hands every rule
    the same props (one proxy per resource), so a rule must not be able to change what
    the next one sees. A rule that tries gets a TypeError, which its fail-closed wrapper
    reports as a violation."""

    def __setitem__(self, key: Any, value: Any) -> None:
        raise TypeError(f"policy props are read-only (a rule tried to set {key!r})")


def _proxy(value: Any, path: list[str]) -> Any:
    # What `unknown_checking_proxy` builds (the same proxy classes, the same property
    # paths in its errors), without its per-node copy of the path for every scalar.
    # New containers all the way down, and plan inputs are JSON (immutable scalars),
    # so the plan itself is never reachable from a rule.
    if isinstance(value, dict):
        return _ReadOnlyDictProxy(
            {
                key: _proxy(item, [*path, str(key)]) if isinstance(item, (dict, list)) else item
                for key, item in value.items()
            },
            path,
        )
    if isinstance(value, list):
        return _ListProxy(
            [
                _proxy(item, [*path, str(index)]) if isinstance(item, (dict, list)) else item
                for index, item in enumerate(value)
            ],
            path,
        )
    return value


def _props(resource: PlannedResource) -> Any:
    """The resource's inputs as a rule reads them: unknown-checking and read-only."""
    return _proxy(resource.inputs, [])


def _provider(
    resource: PlannedResource, by_urn: Mapping[str, PlannedResource], props: Mapping[str, Any]
) -> PolicyProviderResource | None:
    if resource.provider is None or resource.provider not in by_urn:
        return None
    p = by_urn[resource.provider]
    return PolicyProviderResource(p.type, props[p.urn], p.urn, p.name)


class _FrozenList(list[Any]):
    """A list a rule can read (and compare with a list) but not change."""

    def _refuse(self, *_: Any, **__: Any) -> Any:
        raise TypeError("the stack graph is read-only")

    append = extend = insert = remove = pop = clear = sort = reverse = _refuse
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse


def _graph(plan: Plan, props: Mapping[str, Any]) -> list[PolicyResource]:
    """The plan as the `PolicyResource` graph a stack policy receives, built on `props`.

    Parents, dependencies and property dependencies link the same objects, as the CLI
    links them; the links are read-only lists and mappings, so rules share the graph
    without being able to change it for each other.
    """
    by_urn = plan.by_urn()
    linked: dict[str, PolicyResource] = {}
    for r in plan.resources:
        linked[r.urn] = PolicyResource(
            r.type,
            props[r.urn],
            r.urn,
            r.name,
            _options(r),
            _provider(r, by_urn, props),
            None,
            [],
            {},
        )
    for r in plan.resources:
        target = linked[r.urn]
        target.parent = linked.get(r.parent) if r.parent else None
        target.dependencies = _FrozenList(linked[d] for d in r.dependencies if d in linked)
        target.property_dependencies = MappingProxyType(  # type: ignore[assignment]
            {
                k: _FrozenList(linked[d] for d in v if d in linked)
                for k, v in r.property_dependencies.items()
            }
        )
    return [linked[r.urn] for r in plan.resources]


def stack_resources(plan: Plan) -> list[PolicyResource]:
    """The plan as the `PolicyResource` graph a stack policy receives."""
    return _graph(plan, {r.urn: _props(r) for r in plan.resources})


def evaluate_plan(
    plan: Plan, rules: Iterable[Rule] | None = None, pack_config: Mapping[str, Any] | None = None
) -> list[Violation]:
    """Run every enabled rule of the pack over one plan; waived results are not included."""
    return judge_plan(plan, rules, pack_config)[0]


def judge_plan(
    plan: Plan, rules: Iterable[Rule] | None = None, pack_config: Mapping[str, Any] | None = None
) -> tuple[list[Violation], list[Violation]]:
    """Every enabled rule over one plan: (violations, results that an exception waived)."""
    rules = list(rules) if rules is not None else all_rules()
    pack_config = pack_config or {}
    by_urn = plan.by_urn()
    violations: list[Violation] = []
    waived: list[Violation] = []
    # What the CLI would hand a resource policy, built once per resource and shared by
    # every rule (the proxies are read-only, so rules cannot affect each other), and the
    # stack graph on the same props, built when the first stack rule needs it.
    props_by_urn = {r.urn: _props(r) for r in plan.resources}
    subjects = [
        (r, props_by_urn[r.urn], _options(r), _provider(r, by_urn, props_by_urn))
        for r in plan.resources
        if r.type != STACK_TYPE
    ]
    graph: list[PolicyResource] | None = None

    def violation(
        rule: Rule,
        level: EnforcementLevel,
        message: str,
        urn: str | None,
        waiver: Waiver | None = None,
    ) -> Violation:
        resource = by_urn.get(urn) if urn else None
        source = resource.source if resource is not None else None
        return Violation(
            stack=plan.stack,
            rule_id=rule.meta.id,
            policy_name=rule.meta.policy_name,
            enforcement=level.value,
            severity=rule.meta.severity.value,
            message=message,
            urn=urn,
            resource_type=resource.type if resource is not None else None,
            source_file=source[0] if source else None,
            source_line=source[1] if source else None,
            waiver=waiver,
        )

    for rule in rules:
        level, config = _rule_settings(rule, pack_config)
        if level is EnforcementLevel.DISABLED:
            continue
        reported = EnforcementLevel.MANDATORY if level is EnforcementLevel.REMEDIATE else level

        def report(
            message: str,
            urn: str | None = None,
            *,
            _rule: Rule = rule,
            _level: EnforcementLevel = reported,
        ) -> None:
            violations.append(violation(_rule, _level, message, urn))

        def record_waived(
            result: WaivedResult, *, _rule: Rule = rule, _level: EnforcementLevel = reported
        ) -> None:
            exc = result.exception
            waived.append(
                violation(
                    _rule,
                    _level,
                    f"[{result.rule_id}] {result.message}",
                    result.urn,
                    Waiver(exc.resource, exc.reason, exc.expires.isoformat()),
                )
            )

        token = WAIVER_RECORDER.set(record_waived)
        try:
            if isinstance(rule.policy, ResourceValidationPolicy):
                for r, props, options, provider in subjects:
                    if not rule.applies_to(r.type):
                        continue
                    args = ResourceValidationArgs(
                        r.type, props, r.urn, r.name, options, provider, config, {}
                    )

                    def report_for(message: str, _urn: str | None = None, _r: str = r.urn) -> None:
                        report(message, _r)

                    rule.policy.validate(args, report_for)
            else:
                if graph is None:
                    graph = _graph(plan, props_by_urn)
                rule.policy.validate(StackValidationArgs(list(graph), config, {}), report)
        finally:
            WAIVER_RECORDER.reset(token)
    return violations, waived


def stack_file_label(stack: str, stacks_dir: Path, project_root: Path) -> str:
    """The stack file's path as a reviewer sees it: relative to the project root if inside."""
    path = stack_path(stack, stacks_dir).resolve()
    return (
        path.relative_to(project_root).as_posix()
        if path.is_relative_to(project_root)
        else str(path)
    )


def _stack_error(
    kind: str, message: str, problems: list[str], stack: str, stacks_dir: Path, project_root: Path
) -> StackError:
    line, column = locate_problem(stack, stacks_dir, problems)
    return StackError(
        kind, message, stack_file_label(stack, stacks_dir, project_root), line, column
    )


def check_stack(
    stack: str,
    pack_config: Mapping[str, Any],
    stacks_dir: Path,
    project_dir: Path,
    rules: list[Rule] | None = None,
) -> StackResult:
    """Plan one stack offline and judge it; an invalid stack becomes an error result."""
    from smp.offline.engine import PlanError, plan_stack_offline
    from smp.offline.mocks import UnmockedInvokeError

    rules = rules if rules is not None else all_rules()
    label = stack_file_label(stack, stacks_dir, project_dir.resolve())
    try:
        plan = plan_stack_offline(stack, stacks_dir, project_dir=project_dir)
    except ConfigError as exc:
        return StackResult(
            stack=stack,
            resources=0,
            stack_file=label,
            error=_stack_error(
                "config", exc.render(), exc.problems, stack, stacks_dir, project_dir.resolve()
            ),
        )
    except (PlanError, UnmockedInvokeError) as exc:
        return StackResult(
            stack=stack,
            resources=0,
            stack_file=label,
            error=StackError("program", f"the program failed while planning {stack}: {exc}", label),
        )
    started = time.perf_counter()
    violations, waived = judge_plan(plan, rules, pack_config)
    return StackResult(
        stack=stack,
        resources=sum(1 for r in plan.resources if r.type != STACK_TYPE),
        violations=violations,
        waived=waived,
        plan_seconds=plan.seconds,
        policy_seconds=time.perf_counter() - started,
        stack_file=label,
    )


def check_stacks(
    stacks: Iterable[str],
    pack_config: Mapping[str, Any] | None = None,
    stacks_dir: Path | None = None,
    progress: Callable[[str], None] | None = None,
    project_dir: Path | None = None,
    workers: int | None = None,
) -> list[StackResult]:
    """Plan and judge each stack, in parallel worker processes; results in the given order.

    Stacks of the same cloud go to the same worker, so each worker imports one
    cloud's SDK once. `workers=1` (or `SMP_GATE_WORKERS=1`) runs them one by one in
    this process. A stack that cannot be judged is an error result; the others are
    still judged.
    """
    from stacks.stack_files import REPO_ROOT

    names = list(stacks)
    project_dir = (project_dir or REPO_ROOT).resolve()
    stacks_dir = stacks_dir if stacks_dir is not None else _project_stacks_dir(project_dir)
    config = dict(pack_config or {})
    rules = all_rules()
    wanted = workers if workers is not None else int(os.environ.get("SMP_GATE_WORKERS") or 0)
    count = min(len(names), wanted or os.cpu_count() or 1)
    if count <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        results = []
        for stack in names:
            if progress is not None:
                progress(stack)
            results.append(check_stack(stack, config, stacks_dir, project_dir, rules))
        return results
    chunks = _chunks_by_cloud(names, stacks_dir, count)
    by_stack = run_in_workers(
        chunks, lambda stack: check_stack(stack, config, stacks_dir, project_dir, rules), progress
    )
    return [by_stack[stack] for stack in names]


def _project_stacks_dir(project_dir: Path) -> Path:
    from smp.offline.engine import PlanError
    from smp.offline.project import ProjectError, load_project

    try:
        return load_project(project_dir).stacks_dir
    except ProjectError as exc:
        raise PlanError(str(exc)) from None


def _cloud_of(stack: str, stacks_dir: Path) -> str:
    """The stack's `platform.cloud` without validating the file (unknown sorts last)."""
    try:
        value = read_stack_file(stack, stacks_dir).project_values.get(PLATFORM_KEY)
    except ConfigError:
        return "~"
    return str(value.get("cloud", "~")) if isinstance(value, Mapping) else "~"


def _chunks_by_cloud(names: list[str], stacks_dir: Path, count: int) -> list[list[str]]:
    """`count` lists of stacks, contiguous by cloud, of near-equal length."""
    ordered = sorted(names, key=lambda n: (_cloud_of(n, stacks_dir), n))
    size, extra = divmod(len(ordered), count)
    chunks, start = [], 0
    for i in range(count):
        end = start + size + (1 if i < extra else 0)
        chunks.append(ordered[start:end])
        start = end
    return [c for c in chunks if c]


def run_in_workers(
    chunks: list[list[str]],
    judge: Callable[[str], StackResult],
    progress: Callable[[str], None] | None = None,
) -> dict[str, StackResult]:
    """Run `judge` over each chunk in its own forked process; results keyed by stack.

    Forking shares what this process already imported (Pulumi, the pack), and each
    worker reports progress and results through a queue. A worker that dies
    without answering turns its remaining stacks into error results.
    """
    context = multiprocessing.get_context("fork")
    queue = context.SimpleQueue()
    processes = []
    for chunk in chunks:
        process = context.Process(target=_worker, args=(chunk, judge, queue), daemon=True)
        process.start()
        processes.append((process, chunk))
    results: dict[str, StackResult] = {}
    finished = 0
    while finished < len(processes):
        kind, payload = queue.get()
        if kind == "progress" and progress is not None:
            progress(payload)
        elif kind == "result":
            results[payload.stack] = payload
        elif kind == "done":
            finished += 1
    for process, chunk in processes:
        process.join()
        for stack in chunk:
            if stack not in results:
                results[stack] = StackResult(
                    stack=stack,
                    resources=0,
                    error=StackError(
                        "program",
                        f"the worker planning {stack} exited with code "
                        f"{process.exitcode} before it answered",
                        "",
                    ),
                )
    return results


def _worker(chunk: list[str], judge: Callable[[str], StackResult], queue: Any) -> None:
    try:
        for stack in chunk:
            queue.put(("progress", stack))
            try:
                result = judge(stack)
            except BaseException as exc:  # a bug, not a verdict: report it, never hang
                result = StackResult(
                    stack=stack,
                    resources=0,
                    error=StackError(
                        "program", f"checking {stack} failed: {type(exc).__name__}: {exc}", ""
                    ),
                )
            queue.put(("result", result))
    finally:
        queue.put(("done", None))


def plan_counts(
    stacks: Iterable[str],
    stacks_dir: Path,
    project_dir: Path,
    progress: Callable[[str], None] | None = None,
) -> dict[str, int | str]:
    """Resources per stack from offline plans (in the gate's workers); a message on failure."""
    from smp.offline.engine import PlanError, plan_stack_offline

    def count(stack: str) -> StackResult:
        try:
            plan = plan_stack_offline(stack, stacks_dir, project_dir=project_dir)
        except (ConfigError, PlanError) as exc:
            return StackResult(
                stack=stack,
                resources=0,
                error=StackError(
                    "program", str(exc), stack_file_label(stack, stacks_dir, project_dir)
                ),
            )
        return StackResult(
            stack=stack, resources=sum(1 for r in plan.resources if r.type != STACK_TYPE)
        )

    names = list(stacks)
    count_workers = min(len(names), os.cpu_count() or 1)
    if count_workers <= 1:
        results = {n: count(n) for n in names}
    else:
        results = run_in_workers(
            _chunks_by_cloud(names, stacks_dir, count_workers), count, progress
        )
    return {n: (r.error.message if r.error else r.resources) for n, r in results.items()}
