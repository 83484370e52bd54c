"""Reading a stack's sector from its resources' `sector` tags (what every rule can see).

The sector travels on the resources themselves, as the jurisdiction does on
`data-residency`: `pulumi preview --policy-pack policies` hands the rules the same
tags as `smp check`, so no pack config has to repeat the stack config.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pulumi_policy import PolicyResource

from policies.framework import MISSING, dig
from policies.sectors import SECTOR_TAG, SectorProfile, strictest


def sector_of(tags: Any) -> str | None:
    """A resource's `sector` tag, None when it has none (or no tags)."""
    if tags is MISSING or tags is None:
        return None
    value = dig(tags, SECTOR_TAG)
    return None if value is MISSING else str(value)


def stack_sector(resources: Iterable[PolicyResource]) -> SectorProfile:
    """The profile a stack is judged by: the strictest sector its resources' tags name."""
    return strictest(
        s
        for r in resources
        if r.resource_type.startswith(("aws:", "azure-native:"))
        and (s := sector_of(dig(r.props, "tags"))) is not None
    )
