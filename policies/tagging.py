"""Tagging and classification: every taggable resource says who owns it and what it holds."""

from __future__ import annotations

import functools
import importlib
import inspect
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from pulumi_policy import PolicyResource, ResourceValidationArgs, Severity, StackValidationArgs

from policies.framework import MISSING, RuleMeta, dig, resource_rule, stack_rule
from policies.residency import JURISDICTION_CONFIG
from policies.sector_tags import sector_of, stack_sector
from policies.sectors import SECTOR_TAG, SECTORS

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


def _tagged(resources: Iterable[PolicyResource]) -> Iterator[tuple[PolicyResource, Any]]:
    """(resource, tags) for every taggable AWS and Azure resource of the stack."""
    for r in resources:
        if not r.resource_type.startswith(("aws:", "azure-native:")):
            continue
        if not is_taggable(r.resource_type):
            continue
        yield r, dig(r.props, "tags")


TAG_003 = RuleMeta(
    id="TAG-003",
    family="tagging",
    title="Sector declared on every resource",
    description="Every taggable AWS and Azure resource carries the `sector` tag (from "
    "platform.sector: general, government, banking or health) and all of a stack's "
    "resources name the same one, so the sector rules judge what the stack declares; "
    "a resource without it would escape them.",
    severity=Severity.HIGH,
    iso27001=("A.5.12", "A.5.31"),
    nist80053=("RA-2", "CM-8"),
    remediation="Merge the stack's mandatory tags (platform_spec settings.mandatory_tags, "
    "which carry `sector`) into the resource's tags; set the sector once, in "
    "platform.sector.",
)


@stack_rule(TAG_003)
def _sector_declared(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    named: dict[str, list[str]] = {}
    for r, tags in _tagged(args.resources):
        value = sector_of(tags)
        if value is None:
            yield f"no {SECTOR_TAG!r} tag: the sector rules cannot tell what it holds", r.urn
        elif value not in SECTORS:
            yield f"{SECTOR_TAG} {value!r} is not one of {', '.join(SECTORS)}", r.urn
        else:
            named.setdefault(value, []).append(r.urn)
    if len(named) > 1:
        judged = stack_sector(args.resources).id
        for value, urns in sorted(named.items()):
            if value != judged:
                for urn in urns:
                    yield (
                        f"{SECTOR_TAG} {value!r} disagrees with the stack's {judged!r} "
                        "resources (one sector per stack; the strictest is applied)",
                        urn,
                    )


TAG_004 = RuleMeta(
    id="TAG-004",
    family="tagging",
    title="Regulated sectors classify their data restricted",
    description="In the government, banking and health sectors every taggable resource's "
    "data-classification is `restricted`: a bank's system of record and customers' "
    "confidential data (CBUAE Outsourcing Regulation, Article 6), health data (Federal "
    "Law No. 2 of 2019, Article 13) and a government entity's information (UAE IA) are "
    "labelled as the most protected class, so every handling rule keyed to it applies.",
    severity=Severity.HIGH,
    iso27001=("A.5.12", "A.5.13"),
    nist80053=("RA-2", "MP-3"),
    remediation="Set platform.dataClassification to restricted (the stack config refuses "
    "anything else for a regulated sector).",
)


@stack_rule(TAG_004)
def _sector_classification(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    sector = stack_sector(args.resources)
    wanted = sector.required_classification
    if wanted is None:
        return
    for r, tags in _tagged(args.resources):
        value = dig(tags, "data-classification") if tags is not MISSING else MISSING
        if value is MISSING or str(value) != wanted:
            shown = "missing" if value is MISSING else repr(str(value))
            yield (
                f"data-classification is {shown}; sector {sector.id!r} requires {wanted!r} "
                f"({', '.join(sector.requirements)})",
                r.urn,
            )
