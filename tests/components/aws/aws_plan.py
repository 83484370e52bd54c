"""Readers and checkers over an AWS offline plan, shared by the AWS tests.

The checkers return a list of problems (empty when compliant), so each one is
also tested against a deliberately bad input: a check that cannot fail proves
nothing.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import json
from collections.abc import Callable
from typing import Any

from platform_spec import PlatformConfig, StackSettings
from smp.offline import Plan, PlannedResource, plan_program
from stacks.stack_files import load_stack_file
from tests.support.plans import get, one, resources_of

AWS_STACKS = ("aws-uae-prod", "aws-uae-dev")
REGION = "me-central-1"
MANDATORY_TAG_KEYS = ("owner", "data-classification", "data-residency", "stack")
# Read-only API calls that AWS authorises only on "*".
READ_ONLY_PREFIXES = ("Describe", "Get", "List")


def aws_resources(plan: Plan) -> list[PlannedResource]:
    """Every custom aws:* resource (no providers, no components)."""
    return resources_of(plan, "aws")


def key_arn_of(plan: Plan, purpose: str) -> str:
    """The mock ARN of the platform's CMK for `purpose` (as the engine hands it out)."""
    key = one(plan, "aws:kms/key:Key", f"-keys-{purpose}")
    return f"arn:aws:kms:{REGION}:123456789012:key/{key.id}"


# IAM policies name keys by alias: `key/*` of this account and region, limited by
# `kms:ResourceAliases` (a key's ARN holds a random id, unknown at a first preview).
ANY_KEY = f"arn:aws:kms:{REGION}:123456789012:key/*"


def key_alias_of(plan: Plan, purpose: str) -> str:
    """The alias of the platform's CMK for `purpose`, checked to point at that key."""
    key = one(plan, "aws:kms/key:Key", f"-keys-{purpose}")
    alias = one(plan, "aws:kms/alias:Alias", f"-keys-{purpose}")
    assert key.urn in alias.property_dependencies["targetKeyId"]
    name: str = alias.inputs["name"]
    return name


def key_aliases(statement: dict[str, Any]) -> list[str]:
    """The aliases a statement on `key/*` is limited to (none: not limited)."""
    condition = statement.get("Condition") or {}
    any_value = condition.get("ForAnyValue:StringEquals") or {}
    return [str(a) for a in as_list(any_value.get("kms:ResourceAliases", []))]


def unscoped_key_problems(name: str, document: dict[str, Any]) -> list[str]:
    """Allow statements on KMS keys by pattern that no exact alias limits."""
    problems = []
    for statement in as_list(document.get("Statement", [])):
        if statement.get("Effect") != "Allow":
            continue
        patterns = [
            r
            for r in as_list(statement.get("Resource", []))
            if isinstance(r, str) and ":kms:" in r and r.endswith("*")
        ]
        aliases = key_aliases(statement)
        if patterns and (not aliases or any("*" in a for a in aliases)):
            problems.append(
                f"{name}/{statement.get('Sid', '?')}: keys {patterns} not limited to an exact alias"
            )
    return problems


def policy_of(resource: PlannedResource, field: str = "policy") -> dict[str, Any]:
    """A JSON policy input, parsed."""
    value = resource.inputs[field]
    return json.loads(value) if isinstance(value, str) else value


def as_list(value: Any) -> list[Any]:
    """A policy field that may be a scalar or a list, as a list."""
    return value if isinstance(value, list) else [value]


@functools.cache
def _taggable(type_token: str) -> bool:
    module, cls = type_token.split(":")[1].split("/")[0], type_token.split(":")[2]
    resource = getattr(importlib.import_module(f"pulumi_aws.{module}"), cls)
    return "tags" in inspect.signature(resource._internal_init).parameters


def tag_problems(resource: PlannedResource, expected: dict[str, str]) -> list[str]:
    """Mandatory tags missing or different on a taggable resource."""
    if not _taggable(resource.type):
        return []
    tags = resource.inputs.get("tags") or {}
    return [
        f"{resource.name}: tag {k}={tags.get(k)!r}, expected {v!r}"
        for k, v in expected.items()
        if tags.get(k) != v
    ]


def iam_scope_problems(name: str, document: dict[str, Any], region: str = REGION) -> list[str]:
    """Allow statements with wildcard actions, or `*` resources beyond region-pinned reads."""
    problems = []
    for statement in as_list(document.get("Statement", [])):
        if statement.get("Effect") != "Allow":
            continue
        sid = statement.get("Sid", "?")
        actions = as_list(statement.get("Action", []))
        if "NotAction" in statement or "NotResource" in statement:
            problems.append(f"{name}/{sid}: NotAction/NotResource")
        for action in actions:
            if action == "*" or "*" in action:
                problems.append(f"{name}/{sid}: wildcard action {action}")
        resources = as_list(statement.get("Resource", []))
        if not resources:
            problems.append(f"{name}/{sid}: no resource")
        if "*" in resources:
            reads = all(a.split(":", 1)[-1].startswith(READ_ONLY_PREFIXES) for a in actions)
            pinned = get(statement, "Condition.StringEquals") or {}
            if not reads or pinned.get("aws:RequestedRegion") != region:
                problems.append(f"{name}/{sid}: '*' resource for {actions}")
    return problems


def key_policy_problems(name: str, document: dict[str, Any]) -> list[str]:
    """Key-policy statements that name a wildcard principal or grant kms:*."""
    problems = []
    for statement in as_list(document.get("Statement", [])):
        sid = statement.get("Sid", "?")
        principal = statement.get("Principal")
        values = (
            [principal]
            if isinstance(principal, str)
            else [v for vs in (principal or {}).values() for v in as_list(vs)]
        )
        if not values or any(v == "*" for v in values):
            problems.append(f"{name}/{sid}: wildcard or missing principal")
        for action in as_list(statement.get("Action", [])):
            if "*" in action:
                problems.append(f"{name}/{sid}: wildcard action {action}")
    return problems


def open_ingress_problems(resource: PlannedResource) -> list[str]:
    """Ingress rules of a security group (inline or standalone) open to the Internet."""
    rules = resource.inputs.get("ingress") or []
    if resource.type == "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule":
        rules = [
            {
                "cidrBlocks": [resource.inputs.get("cidrIpv4")],
                "ipv6CidrBlocks": [resource.inputs.get("cidrIpv6")],
            }
        ]
    problems = []
    for rule in rules:
        for cidr in (rule.get("cidrBlocks") or []) + (rule.get("ipv6CidrBlocks") or []):
            if cidr in ("0.0.0.0/0", "::/0"):
                problems.append(f"{resource.name}: ingress from {cidr}")
    return problems


def settings_variant(stack: str, change: Callable[[dict[str, Any]], None]) -> StackSettings:
    """A shipped stack's settings with `change` applied to its platform object."""
    base = load_stack_file(stack)
    raw = base.platform.to_stack_value()
    change(raw)
    return StackSettings(
        stack=stack, platform=PlatformConfig.model_validate(raw), secrets_set=frozenset()
    )


def plan_settings(settings: StackSettings) -> Plan:
    """Plan the platform for settings that exist only in memory."""

    def program() -> None:
        from stacks.platform import build_platform

        build_platform(settings)

    return plan_program(program, stack=settings.stack, default_region=settings.platform.region)
