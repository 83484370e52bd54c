"""The offline pull-request gate: the policy pack's own rule objects judged against offline plans.

Each planned resource becomes the `pulumi_policy` argument objects the CLI would
pass (`ResourceValidationArgs`, `StackValidationArgs`, props wrapped by the
unknown-checking proxy), and the pack's policies run in-process. The pack
config file has the format of `pulumi preview --policy-pack-config`.
"""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
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
from pulumi_policy.proxy import unknown_checking_proxy

from policies.catalogue import all_rules
from policies.framework import Rule
from stacks.config import ConfigError
from stacks.offline.engine import STACK_TYPE, Plan, PlannedResource

PACK_NAME = "sovereign-ml-guardrails"
_LEVELS = {level.value: level for level in EnforcementLevel}


@dataclass(frozen=True)
class Violation:
    """One reported violation."""

    stack: str
    rule_id: str
    policy_name: str
    enforcement: str  # "mandatory" | "advisory"
    severity: str
    message: str
    urn: str | None
    resource_type: str | None = None

    @property
    def mandatory(self) -> bool:
        """True when it blocks the update."""
        return self.enforcement == EnforcementLevel.MANDATORY.value


@dataclass
class StackResult:
    """The gate's verdict for one stack."""

    stack: str
    resources: int
    violations: list[Violation] = field(default_factory=list)
    plan_seconds: float = 0.0
    policy_seconds: float = 0.0

    @property
    def mandatory(self) -> list[Violation]:
        """Violations that block."""
        return [v for v in self.violations if v.mandatory]


def load_pack_config(path: Path | None, rules: list[Rule]) -> dict[str, Any]:
    """Read and validate a `--policy-pack-config` JSON file against the rules' schemas."""
    if path is None:
        return {}
    try:
        raw = json.loads(path.read_text())
    except FileNotFoundError:
        raise ConfigError(str(path), ["file not found"]) from None
    except json.JSONDecodeError as exc:
        raise ConfigError(str(path), [f"not valid JSON: {exc}"]) from None
    if not isinstance(raw, dict):
        raise ConfigError(str(path), ["expected an object keyed by policy name"])
    by_name = {r.meta.policy_name: r for r in rules}
    problems = []
    for key, value in raw.items():
        if key == "all":
            level = value.get("enforcementLevel") if isinstance(value, dict) else value
            if level not in _LEVELS:
                problems.append(f"all: enforcement level must be one of {', '.join(_LEVELS)}")
            continue
        rule = by_name.get(key)
        if rule is None:
            problems.append(f"{key}: no such policy in {PACK_NAME} (policy names look like "
                            "smp-res-001)")
            continue
        if isinstance(value, str):
            if value not in _LEVELS:
                problems.append(f"{key}: enforcement level must be one of {', '.join(_LEVELS)}")
            continue
        if not isinstance(value, dict):
            problems.append(f"{key}: expected an enforcement level or an object")
            continue
        level = value.get("enforcementLevel")
        if level is not None and level not in _LEVELS:
            problems.append(f"{key}.enforcementLevel: must be one of {', '.join(_LEVELS)}")
        properties: dict[str, Any] = dict(rule.policy.config_schema.properties) \
            if rule.policy.config_schema else {}
        properties["enforcementLevel"] = {"type": "string"}
        schema = {"type": "object", "properties": properties, "additionalProperties": False}
        for error in jsonschema.Draft7Validator(schema).iter_errors(value):
            where = ".".join(str(p) for p in error.absolute_path)
            problems.append(f"{key}{'.' + where if where else ''}: {error.message}")
    if problems:
        raise ConfigError(str(path), problems)
    return raw


def _rule_settings(rule: Rule, pack_config: Mapping[str, Any]) -> tuple[EnforcementLevel,
                                                                         dict[str, Any]]:
    level = rule.meta.enforcement
    all_value = pack_config.get("all")
    if all_value is not None:
        level = _LEVELS[str(all_value.get("enforcementLevel") if isinstance(all_value, dict)
                            else all_value)]
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
        protect=False, ignore_changes=[], delete_before_replace=None, aliases=[],
        custom_timeouts=PolicyCustomTimeouts(0, 0, 0), additional_secret_outputs=[],
        parent=resource.parent,
    )


def _props(resource: PlannedResource) -> Any:
    # A copy per use: a rule must not be able to change what the next rule sees.
    return unknown_checking_proxy(copy.deepcopy(resource.inputs))


def _provider(resource: PlannedResource, by_urn: Mapping[str, PlannedResource]
              ) -> PolicyProviderResource | None:
    if resource.provider is None or resource.provider not in by_urn:
        return None
    p = by_urn[resource.provider]
    return PolicyProviderResource(p.type, _props(p), p.urn, p.name)


def stack_resources(plan: Plan) -> list[PolicyResource]:
    """The plan as the `PolicyResource` graph a stack policy receives."""
    by_urn = plan.by_urn()
    linked: dict[str, PolicyResource] = {}
    for r in plan.resources:
        linked[r.urn] = PolicyResource(r.type, _props(r), r.urn, r.name, _options(r),
                                       _provider(r, by_urn), None, [], {})
    for r in plan.resources:
        target = linked[r.urn]
        target.parent = linked.get(r.parent) if r.parent else None
        target.dependencies = [linked[d] for d in r.dependencies if d in linked]
        target.property_dependencies = {
            k: [linked[d] for d in v if d in linked] for k, v in r.property_dependencies.items()
        }
    return [linked[r.urn] for r in plan.resources]


def evaluate_plan(plan: Plan, rules: Iterable[Rule] | None = None,
                  pack_config: Mapping[str, Any] | None = None) -> list[Violation]:
    """Run every enabled rule of the pack over one plan."""
    rules = list(rules) if rules is not None else all_rules()
    pack_config = pack_config or {}
    by_urn = plan.by_urn()
    violations: list[Violation] = []
    # What the CLI would hand a resource policy, built once per resource: the
    # unknown-checking proxy is read-only, so rules cannot affect each other.
    subjects = [(r, _props(r), _options(r), _provider(r, by_urn))
                for r in plan.resources if r.type != STACK_TYPE]
    for rule in rules:
        level, config = _rule_settings(rule, pack_config)
        if level is EnforcementLevel.DISABLED:
            continue
        reported = EnforcementLevel.MANDATORY if level is EnforcementLevel.REMEDIATE else level

        def report(message: str, urn: str | None = None, *, _rule: Rule = rule,
                   _level: EnforcementLevel = reported) -> None:
            violations.append(Violation(
                stack=plan.stack, rule_id=_rule.meta.id, policy_name=_rule.meta.policy_name,
                enforcement=_level.value, severity=_rule.meta.severity.value, message=message,
                urn=urn, resource_type=by_urn[urn].type if urn in by_urn else None))

        if isinstance(rule.policy, ResourceValidationPolicy):
            for r, props, options, provider in subjects:
                if not rule.applies_to(r.type):
                    continue
                args = ResourceValidationArgs(r.type, props, r.urn, r.name, options, provider,
                                              config, {})

                def report_for(message: str, _urn: str | None = None, _r: str = r.urn) -> None:
                    report(message, _r)

                rule.policy.validate(args, report_for)
        else:
            rule.policy.validate(StackValidationArgs(stack_resources(plan), config, {}), report)
    return violations


def check_stacks(stacks: Iterable[str], pack_config: Mapping[str, Any] | None = None,
                 stacks_dir: Path | None = None,
                 progress: Callable[[str], None] | None = None) -> list[StackResult]:
    """Plan each stack offline and judge it; raises `ConfigError` for a bad stack file."""
    from stacks.offline.engine import plan_stack_offline
    from stacks.stack_files import STACKS_DIR

    rules = all_rules()
    results = []
    for stack in stacks:
        if progress is not None:
            progress(stack)
        plan = plan_stack_offline(stack, stacks_dir or STACKS_DIR)
        started = time.perf_counter()
        violations = evaluate_plan(plan, rules, pack_config)
        results.append(StackResult(
            stack=stack, resources=sum(1 for r in plan.resources if r.type != STACK_TYPE),
            violations=violations, plan_seconds=plan.seconds,
            policy_seconds=time.perf_counter() - started))
    return results
