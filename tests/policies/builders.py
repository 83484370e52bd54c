"""Build the real `pulumi_policy` argument objects a rule receives, from plain data.

A `Res` is one resource as a test describes it: type token, name, camelCase
inputs, optional provider (another `Res`) and property dependencies (property ->
names of other `Res` in the same stack). `resource_args` and `stack_args` turn
them into `ResourceValidationArgs` / `StackValidationArgs` with the real
constructors, props wrapped by `unknown_checking_proxy` exactly as the CLI
(and `smp.gate`) does. Every build deep-copies the inputs, so a table
entry can be used by any number of tests.

A `Case` is one row of the per-rule tables: compliant (no violation) or
non-compliant (violations, each naming the rule, that mention given fragments,
typically the property path that decided).
"""

from __future__ import annotations

import copy
import functools
import importlib
import inspect
import json
import typing
from collections import abc
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pulumi_policy import (
    PolicyCustomTimeouts,
    PolicyProviderResource,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    StackValidationArgs,
)
from pulumi_policy.proxy import unknown_checking_proxy

from policies.catalogue import all_rules
from policies.framework import Rule

PROJECT = "sovereign-ml-platform"
STACK = "policy-test"

Args = ResourceValidationArgs | StackValidationArgs


@dataclass(frozen=True)
class Res:
    """A resource as a test describes it."""

    type: str
    name: str
    props: Mapping[str, Any] = field(default_factory=dict)
    provider: Res | None = None
    # property name -> names of other resources of the same stack it depends on
    deps: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    parent: str | None = None

    @property
    def urn(self) -> str:
        """A URN of the shape the engine gives (project, stack, type, name)."""
        return f"urn:pulumi:{STACK}::{PROJECT}::{self.type}::{self.name}"

    def with_props(self, **changes: Any) -> Res:
        """A copy with some top-level inputs replaced (None removes one)."""
        props = {k: v for k, v in {**self.props, **changes}.items() if v is not None}
        return Res(self.type, self.name, props, self.provider, self.deps, self.parent)


def patched(res: Res, path: str, value: Any) -> Res:
    """A copy of `res` with the nested input at dotted `path` set to `value`."""
    props = copy.deepcopy(dict(res.props))
    node = props
    *parents, last = path.split(".")
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = value
    return Res(res.type, res.name, props, res.provider, res.deps, res.parent)


def removed(res: Res, path: str) -> Res:
    """A copy of `res` without the nested input at dotted `path`."""
    props = copy.deepcopy(dict(res.props))
    node = props
    *parents, last = path.split(".")
    for part in parents:
        node = node[part]
    del node[last]
    return Res(res.type, res.name, props, res.provider, res.deps, res.parent)


# Exact tokens a rule names that the pinned SDKs (pulumi-aws 7, pulumi-azure-native 3)
# do not register. Harmless (they match nothing), but each one is a rule that
# believes it covers something it does not; remove them from the catalogue/rules.
DEAD_TOKENS = {
    "azure-native:cache:Redis": "the azure-native v2 token; v3 registers azure-native:redis:Redis",
    "azure-native:network:FrontDoor": "v1 token; v3 registers azure-native:frontdoor:FrontDoor "
    "(RES-010 now also names azure-native:frontdoor:*)",
    "azure-native:network:TrafficManagerProfile": "no such token; v3 registers "
    "azure-native:trafficmanager:Profile (RES-010 "
    "now also names azure-native:trafficmanager:*)",
}

_SDK_ROOTS = {
    "aws": "pulumi_aws",
    "azure-native": "pulumi_azure_native",
    "kubernetes": "pulumi_kubernetes",
}


# API groups of CRDs the pack judges (the SDK has no classes for them; the in-cluster layer
# creates their objects as `kubernetes:<group>/<version>:<Kind>` custom resources).
CUSTOM_RESOURCE_GROUPS = ("argoproj.io",)


@functools.cache
def sdk_has_token(token: str) -> bool | None:
    """Whether the pinned provider SDK registers a resource class under `token`.

    None for packages not resolved here (providers, pulumi-random, components) and for
    the custom resources of `CUSTOM_RESOURCE_GROUPS`.
    """
    package, module, name = token.split(":")
    if package == "kubernetes" and module.split("/")[0] in CUSTOM_RESOURCE_GROUPS:
        return None  # created with apiextensions.CustomResource: no class of its own
    root = _SDK_ROOTS.get(package)
    if root is None:
        return None
    head = module.split("/")
    if package == "aws":
        target = root if head[0] == "index" else f"{root}.{head[0]}"
    elif package == "kubernetes":
        group = "core" if head[0] == "core" else head[0].split(".")[0]
        target = f"{root}.{group}.{head[1]}"
    else:
        target = f"{root}.{module}"
    try:
        cls = getattr(importlib.import_module(target), name)
    except (ImportError, AttributeError):
        return False
    return f"'{token}'" in inspect.getsource(cls)


@functools.cache
def sdk_args_class(token: str) -> type | None:
    """The SDK's input type for a resource or provider token (None where not resolved).

    Where a nested input type has the resource's name, the SDK calls the resource's
    own input type `<Name>InitArgs`, else `<Name>Args`; providers use `ProviderArgs`.
    """
    package, module, name = token.split(":")
    if package == "pulumi" and module == "providers":
        root = _SDK_ROOTS.get(name)
        if root is None or name == "kubernetes":
            return None
        return getattr(importlib.import_module(root), "ProviderArgs", None)
    if package not in ("aws", "azure-native") or not sdk_has_token(token):
        return None
    root = _SDK_ROOTS[package]
    head = module.split("/")[0]
    target = (
        (root if head == "index" else f"{root}.{head}") if package == "aws" else f"{root}.{module}"
    )
    sdk_module = importlib.import_module(target)
    return getattr(sdk_module, f"{name}InitArgs", None) or getattr(sdk_module, f"{name}Args", None)


def _nested_input_type(typ: Any) -> tuple[type | None, bool]:
    """(X, is_list) for X, Sequence[Union[X, Awaitable[X], Output]] or Union[X, ...]."""
    from pulumi._types import is_input_type

    if isinstance(typ, type) and is_input_type(typ):
        return typ, False
    origin = typing.get_origin(typ)
    if origin in (abc.Sequence, list):
        inner, _ = _nested_input_type(typing.get_args(typ)[0])
        return inner, True
    if origin is typing.Union:
        for arg in typing.get_args(typ):
            inner, is_list = _nested_input_type(arg)
            if inner is not None:
                return inner, is_list
    return None, False


def _input_problems(args_cls: type, props: Mapping[str, Any], path: str) -> list[str]:
    from pulumi._types import input_type_types

    types = input_type_types(args_cls)
    found: list[str] = []
    for key, value in props.items():
        if key not in types:
            found.append(f"{path}{key}")
            continue
        inner, is_list = _nested_input_type(types[key])
        if inner is None:
            continue
        if is_list and isinstance(value, list):
            for i, element in enumerate(value):
                if isinstance(element, Mapping):
                    found += _input_problems(inner, element, f"{path}{key}[{i}].")
        elif isinstance(value, Mapping):
            found += _input_problems(inner, value, f"{path}{key}.")
    return found


def sdk_input_problems(res: Res) -> list[str] | None:
    """Input paths of `res` that its SDK input type does not have, at every nesting level.

    Names are compared as the engine records them (`diskEncryptionSetID`, `enableRBAC`);
    None where the token is not resolved (Kubernetes manifests, pulumi-random).
    """
    args_cls = sdk_args_class(res.type)
    if args_cls is None:
        return None
    return _input_problems(args_cls, res.props, "")


def options(parent: str | None = None) -> PolicyResourceOptions:
    """Resource options as the engine reports them for a plain resource."""
    return PolicyResourceOptions(
        protect=False,
        ignore_changes=[],
        delete_before_replace=None,
        aliases=[],
        custom_timeouts=PolicyCustomTimeouts(0, 0, 0),
        additional_secret_outputs=[],
        parent=parent,
    )


def proxied(props: Mapping[str, Any]) -> Any:
    """A private, unknown-checking copy of `props`."""
    return unknown_checking_proxy(copy.deepcopy(dict(props)))


def provider_of(res: Res | None) -> PolicyProviderResource | None:
    """The `PolicyProviderResource` for a provider `Res` (None for none)."""
    if res is None:
        return None
    return PolicyProviderResource(res.type, proxied(res.props), res.urn, res.name)


def resource_args(res: Res, config: Mapping[str, Any] | None = None) -> ResourceValidationArgs:
    """`ResourceValidationArgs` for one resource, built with the real constructor."""
    return ResourceValidationArgs(
        res.type,
        proxied(res.props),
        res.urn,
        res.name,
        options(res.parent),
        provider_of(res.provider),
        dict(config or {}),
        {},
    )


def stack_args(
    resources: Iterable[Res], config: Mapping[str, Any] | None = None
) -> StackValidationArgs:
    """`StackValidationArgs` over linked `PolicyResource`s (parents, dependencies)."""
    listed = list(resources)
    by_name: dict[str, PolicyResource] = {}
    for r in listed:
        if r.name in by_name:
            raise ValueError(f"two resources named {r.name} in one test stack")
        by_name[r.name] = PolicyResource(
            r.type,
            proxied(r.props),
            r.urn,
            r.name,
            options(r.parent),
            provider_of(r.provider),
            None,
            [],
            {},
        )
    for r in listed:
        target = by_name[r.name]
        try:
            target.property_dependencies = {
                k: [by_name[n] for n in names] for k, names in r.deps.items()
            }
        except KeyError as exc:
            raise ValueError(f"{r.name} depends on {exc}, which is not in the stack") from None
        seen: list[PolicyResource] = []
        for deps in target.property_dependencies.values():
            seen.extend(d for d in deps if d not in seen)
        target.dependencies = seen
        parent = next((p for p in by_name.values() if p.urn == r.parent), None)
        target.parent = parent
    return StackValidationArgs([by_name[r.name] for r in listed], dict(config or {}), {})


def reports(rule: Rule, args: Args) -> list[tuple[str, str | None]]:
    """Run the rule's real policy object; every (message, urn) it reports."""
    found: list[tuple[str, str | None]] = []

    def report(message: str, urn: str | None = None) -> None:
        found.append((message, urn))

    rule.policy.validate(args, report)  # type: ignore[arg-type]
    return found


def violations(rule: Rule, args: Args) -> list[str]:
    """The messages the rule reports for `args`."""
    return [message for message, _ in reports(rule, args)]


def rule(rule_id: str) -> Rule:
    """The pack's rule with this id."""
    for r in all_rules():
        if r.meta.id == rule_id:
            return r
    raise LookupError(f"no rule {rule_id}")


def build(subject: Res | tuple[Res, ...], config: Mapping[str, Any] | None = None) -> Args:
    """Resource args for one `Res`, stack args for a tuple of them."""
    if isinstance(subject, Res):
        return resource_args(subject, config)
    return stack_args(subject, config)


def doc(*statements: Mapping[str, Any]) -> str:
    """An IAM-style policy document as the JSON text pulumi-aws inputs carry."""
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


@dataclass(frozen=True)
class Case:
    """One row of a rule table."""

    rule: str
    label: str
    subject: Res | tuple[Res, ...]
    # Empty: compliant. Otherwise fragments that must each appear in a violation.
    expect: tuple[str, ...] = ()
    config: Mapping[str, Any] = field(default_factory=dict)

    @property
    def compliant(self) -> bool:
        """True when the case expects no violation."""
        return not self.expect

    @property
    def id(self) -> str:
        """`ENC-004-compliant-sse-kms` / `ENC-004-noncompliant-aes256`."""
        verdict = "compliant" if self.compliant else "noncompliant"
        return f"{self.rule}-{verdict}-{self.label}"


def ok(
    rule_id: str,
    label: str,
    subject: Res | tuple[Res, ...],
    config: Mapping[str, Any] | None = None,
) -> Case:
    """A compliant case."""
    return Case(rule_id, label, subject, (), dict(config or {}))


def bad(
    rule_id: str,
    label: str,
    subject: Res | tuple[Res, ...],
    *expect: str,
    config: Mapping[str, Any] | None = None,
) -> Case:
    """A non-compliant case: each of `expect` appears in some violation message."""
    if not expect:
        raise ValueError(f"{rule_id} {label}: say what the violation must mention")
    return Case(rule_id, label, subject, tuple(expect), dict(config or {}))


# ---------------------------------------------------------------------------
# Shared fixtures of the tables: providers and tags as the platform sets them.

AWS_UAE = Res("pulumi:providers:aws", "aws-uae", {"region": "me-central-1"})
AWS_BAHRAIN = Res("pulumi:providers:aws", "aws-bahrain", {"region": "me-south-1"})
AWS_IRELAND = Res("pulumi:providers:aws", "aws-ireland", {"region": "eu-west-1"})
AZ_NORTH = Res("pulumi:providers:azure-native", "azure-uaenorth", {"location": "uaenorth"})
AZ_CENTRAL = Res("pulumi:providers:azure-native", "azure-uaecentral", {"location": "uaecentral"})
AZ_WESTEUROPE = Res("pulumi:providers:azure-native", "azure-westeurope", {"location": "westeurope"})

TAGS = {
    "owner": "ml-platform",
    "data-classification": "confidential",
    "data-residency": "uae",
    "stack": "aws-uae-prod",
}

# As a regulated (banking) and a general stack tag their resources (policies/sectors.py).
BANKING_TAGS = {**TAGS, "data-classification": "restricted", "sector": "banking"}
GENERAL_TAGS = {**TAGS, "sector": "general"}

ACCOUNT = "123456789012"
KEY_ARN = f"arn:aws:kms:me-central-1:{ACCOUNT}:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
SUB = "/subscriptions/00000000-0000-4000-8000-000000000001"
RG = f"{SUB}/resourceGroups/smp-uaenorth-prod"
VAULT_KEY_ID = "https://smp-uaen-kv.vault.azure.net/keys/storage/0123456789abcdef"
