"""Sticky A/B assignment: the same entity always lands in the same variant."""

from __future__ import annotations

import hashlib

CHAMPION = "champion"
CHALLENGER = "challenger"


def bucket(entity_id: int | str, salt: str) -> float:
    """A uniform number in [0, 1) derived from the entity id and the experiment salt."""
    digest = hashlib.sha256(f"{salt}:{entity_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def assign_variant(entity_id: int | str, challenger_share: float, salt: str) -> str:
    """``challenger`` for a ``challenger_share`` fraction of entities, else ``champion``.

    Changing the salt reshuffles everyone; changing the share only moves the
    entities near the boundary.
    """
    return CHALLENGER if bucket(entity_id, salt) < challenger_share else CHAMPION
