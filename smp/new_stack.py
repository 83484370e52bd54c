"""What `smp new-stack` writes: a new stack's platform object, composed from its neighbours.

Sizing comes from the profile (`smp.templates`); personas and ownership tags are
copied from a stack of the same cloud (or `--from` a named one); the address range
is the first one no other stack uses. The result is validated by the caller.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from platform_spec import PERSONAS, PLATFORM_KEY, ConfigError
from policies.sectors import DEFAULT_SECTOR, SECTORS
from policies.sectors import profile as sector_profile
from smp.templates import next_free_cidr, retention_days, sizing, starting_queues
from stacks.stack_files import list_stacks, load_stack_file, read_stack_file


class NewStackError(ValueError):
    """The new stack cannot be composed from what was given; the message says what to add."""


@dataclass(frozen=True)
class NewStack:
    """The options of `smp new-stack`, already checked one by one."""

    name: str
    cloud: str
    region: str
    environment: str
    profile: str
    jurisdiction: str = "uae"
    from_stack: str | None = None
    personas: list[str] = field(default_factory=list)  # NAME=PRINCIPAL
    owner: str | None = None
    cost_centre: str | None = None
    # None: the --from stack's sector, else general (never copied from a template stack).
    sector: str | None = None


def template_source(cloud: str, stacks_dir: Path) -> dict[str, Any] | None:
    """The platform object of an existing stack of the same cloud, if any."""
    for name in list_stacks(stacks_dir):
        try:
            settings = load_stack_file(name, stacks_dir)
        except ConfigError:
            continue
        if settings.platform.cloud == cloud:
            return settings.platform.to_stack_value()
    return None


def parse_personas(values: list[str]) -> dict[str, list[str]]:
    """`NAME=PRINCIPAL` options as persona -> principals."""
    personas: dict[str, list[str]] = {}
    for value in values:
        name, sep, principal = value.partition("=")
        if not sep or name not in PERSONAS or not principal:
            raise NewStackError(
                f"--persona {value!r}: expected NAME=PRINCIPAL with NAME one of "
                f"{', '.join(PERSONAS)}"
            )
        personas.setdefault(name, []).append(principal)
    return personas


def used_cidrs(stacks_dir: Path) -> set[str]:
    """Address ranges the existing stacks use (an unreadable file raises ConfigError)."""
    used = set()
    for other in list_stacks(stacks_dir):
        # A stack file that cannot be read hides an address range: refuse, do not guess.
        network = read_stack_file(other, stacks_dir).project_values.get(PLATFORM_KEY, {})
        if isinstance(network, dict) and isinstance(network.get("network"), dict):
            used.add(str(network["network"].get("cidr", "10.40.0.0/16")))
    return used


def compose_stack_value(new: NewStack, stacks_dir: Path) -> dict[str, Any]:
    """The new stack's `platform` object (not yet validated)."""
    cloud, region, env, chosen_profile = new.cloud, new.region, new.environment, new.profile
    if new.from_stack is not None:
        source = load_stack_file(new.from_stack, stacks_dir).platform
        if source.cloud != cloud:
            raise NewStackError(
                f"--from {new.from_stack} is an {source.cloud} stack; copy from a {cloud} stack"
            )
        base = source.to_stack_value()
    else:
        base = template_source(cloud, stacks_dir) or {}
        # Ownership tags are copied; stack-specific extra tags are not, nor the sector
        # (who operates a stack is not a property of its cloud).
        base.get("tags", {}).pop("extra", None)
        base.pop("sector", None)
    value: dict[str, Any] = dict(base)
    sector_id = new.sector or str(base.get("sector") or DEFAULT_SECTOR)
    if sector_id not in SECTORS:
        raise NewStackError(f"--sector {sector_id!r} is unknown; use one of: {', '.join(SECTORS)}")
    sector = sector_profile(sector_id)
    if new.from_stack is None or base.get("profile") != chosen_profile:
        value.update(sizing(cloud, chosen_profile))
        # The copied queues name the old pools' GPU families: start again from the new ones.
        value["queues"] = starting_queues(value["nodePools"], chosen_profile)
        value["serving"] = {**base.get("serving", {}), **value["serving"]}
        value["serving"].setdefault("registeredModel", "fraud-detector")
        value["serving"].setdefault(
            "variants",
            [
                {"name": "champion", "alias": "champion", "trafficPercent": 90},
                {"name": "challenger", "alias": "challenger", "trafficPercent": 10},
            ],
        )
    value.update(
        {
            "cloud": cloud,
            "region": region.replace(" ", "").lower(),
            "jurisdiction": new.jurisdiction,
            "environment": env,
            "profile": chosen_profile,
            # Zones are a property of the region (the catalogue gives the default), so
            # they are only carried over from a stack in the same region.
            "network": {
                **{
                    k: v
                    for k, v in base.get("network", {}).items()
                    if k != "availabilityZones" or base.get("region") == region
                },
                "cidr": next_free_cidr(used_cidrs(stacks_dir)),
            },
            "monitoring": {
                **base.get("monitoring", {}),
                "logRetentionDays": max(retention_days(env), sector.min_log_retention_days or 0),
            },
        }
    )
    value["sector"] = sector.id
    value.setdefault("kubernetesVersion", "1.33")
    value.setdefault("dataClassification", "confidential")
    if sector.required_classification is not None:
        value["dataClassification"] = sector.required_classification
    if new.personas:
        value["personas"] = {**value.get("personas", {}), **parse_personas(new.personas)}
    missing = [p for p in PERSONAS if p not in value.get("personas", {})]
    if missing:
        raise NewStackError(
            f"no {cloud} stack to copy personas from; give --persona "
            f"NAME=PRINCIPAL for: {', '.join(missing)}"
        )
    tags = dict(value.get("tags", {}))
    if new.owner:
        tags["owner"] = new.owner
    if new.cost_centre:
        tags["costCentre"] = new.cost_centre
    if not tags.get("owner") or not tags.get("costCentre"):
        raise NewStackError("give --owner and --cost-centre (no stack to copy the tags from)")
    value["tags"] = tags
    if env == "prod":
        value["clusterEndpoint"] = {"publicAccess": False, "allowedCidrs": []}
    return value
