"""Tagging and classification: every taggable resource says who owns it and what it holds."""

from __future__ import annotations

import functools
import importlib
import inspect
from collections.abc import Iterator, Mapping
from typing import Any

from pulumi_policy import ResourceValidationArgs, Severity

from policies.framework import MISSING, RuleMeta, dig, resource_rule
from policies.residency import JURISDICTION_CONFIG

MANDATORY_TAGS = ("owner", "data-classification", "data-residency", "stack")
CLASSIFICATIONS = ("public", "internal", "confidential", "restricted")


class UnknownResourceTypeError(LookupError):
    """The type token does not name a class of the provider SDK."""


@functools.cache
def is_taggable(type_token: str) -> bool:
    """Whether the provider SDK's resource class takes `tags` (read from its signature)."""
    package, module, name = type_token.split(":")
    root = {"aws": "pulumi_aws", "azure-native": "pulumi_azure_native"}.get(package)
    if root is None:
        return False
    module_path = module.split("/")[0]
    target = root if module_path == "index" else f"{root}.{module_path}"
    try:
        cls = getattr(importlib.import_module(target), name)
    except (ImportError, AttributeError):
        raise UnknownResourceTypeError(f"{type_token} is not a resource of {root}") from None
    init = getattr(cls, "_internal_init", cls.__init__)
    return "tags" in inspect.signature(init).parameters


TAG_001 = RuleMeta(
    id="TAG-001",
    family="tagging",
    title="Mandatory tags",
    description="Every taggable AWS and Azure resource carries owner, data-classification, "
    "data-residency and stack tags (set explicitly; provider default tags are not "
    "seen at plan time).",
    severity=Severity.MEDIUM,
    iso27001=("A.5.9", "A.5.12"),
    nist80053=("CM-8", "RA-2"),
    remediation="Merge the stack's mandatory tags into the resource's tags.",
)


@resource_rule(TAG_001, types=("aws:*", "azure-native:*"))
def _mandatory_tags(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if not is_taggable(args.resource_type):
        return
    tags = dig(args.props, "tags")
    present = set(tags) if isinstance(tags, Mapping) else set()
    missing = [t for t in MANDATORY_TAGS if t not in present]
    if missing:
        yield f"missing mandatory tags: {', '.join(missing)}"


TAG_002 = RuleMeta(
    id="TAG-002",
    family="tagging",
    title="Classification and residency tags are truthful",
    description="data-classification is one of public/internal/confidential/restricted and "
    "data-residency names the configured jurisdiction.",
    severity=Severity.MEDIUM,
    iso27001=("A.5.12", "A.5.13"),
    nist80053=("RA-2",),
    remediation="Use the values computed by the stack (platform_spec/ mandatory_tags).",
    config=JURISDICTION_CONFIG,
)


@resource_rule(TAG_002, types=("aws:*", "azure-native:*"))
def _truthful_tags(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    tags = dig(args.props, "tags")
    if not isinstance(tags, Mapping):
        return
    classification = dig(tags, "data-classification")
    if classification is not MISSING and str(classification) not in CLASSIFICATIONS:
        yield f"data-classification {classification!r} is not one of {', '.join(CLASSIFICATIONS)}"
    residency = dig(tags, "data-residency")
    expected = str(config.get("jurisdiction") or "uae")
    if residency is not MISSING and str(residency) != expected:
        yield f"data-residency {residency!r} does not name the jurisdiction {expected!r}"
