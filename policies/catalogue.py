"""Every rule of the pack, in a stable order (importing the family modules registers them)."""

from __future__ import annotations

from policies.framework import REGISTRY, Rule


def all_rules() -> list[Rule]:
    """The pack's rules, ordered by id."""
    from policies import (  # noqa: F401 - imported for their registrations
        encryption,
        identity,
        kubernetes,
        logging_audit,
        network,
        residency,
        tagging,
    )

    return sorted(REGISTRY, key=lambda r: r.meta.id)
