"""Deterministic, valid names for Azure resources whose names are globally unique.

Key Vault, storage account and container registry names live in one global DNS
namespace, so two stacks (or two tenants using this blueprint) must not collide,
and a re-run must produce the same name. Each name is `<prefix><stack><purpose>`
squeezed into the service's charset and length, plus a short hash of the full
stack + purpose so truncation never makes two names equal.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class NameRule:
    """A service's naming limits."""

    prefix: str
    min_len: int
    max_len: int
    hyphens: bool  # may the name contain single hyphens (never leading/trailing)
    pattern: re.Pattern[str]


KEY_VAULT = NameRule(
    "kv", 3, 24, True, re.compile(r"^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$")
)
STORAGE_ACCOUNT = NameRule("st", 3, 24, False, re.compile(r"^[a-z0-9]{3,24}$"))
CONTAINER_REGISTRY = NameRule("acr", 5, 50, False, re.compile(r"^[a-zA-Z0-9]{5,50}$"))
# PostgreSQL flexible servers and Redis caches get a public DNS name too
# (<name>.postgres.database.azure.com, <name>.redis.cache.windows.net).
POSTGRES_SERVER = NameRule(
    "psql", 3, 63, True, re.compile(r"^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")
)
REDIS_CACHE = NameRule(
    "redis", 1, 63, True, re.compile(r"^[a-zA-Z0-9](?!.*--)[a-zA-Z0-9-]{0,61}[a-zA-Z0-9]$")
)
# Event Hubs namespaces: <name>.servicebus.windows.net; 6-50 characters, a letter first.
EVENT_HUBS_NAMESPACE = NameRule(
    "evhns", 6, 50, True, re.compile(r"^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{4,48}[a-zA-Z0-9]$")
)

HASH_LEN = 6


def short_hash(*parts: str, length: int = HASH_LEN) -> str:
    """A stable hex digest of `parts`."""
    return hashlib.sha256("/".join(parts).encode()).hexdigest()[:length]


def global_name(rule: NameRule, stack: str, purpose: str) -> str:
    """A name for `purpose` in `stack` that satisfies `rule`, the same on every run.

    The purpose keeps up to half of the readable part, the stack the rest, so
    `offline-store` and `artifacts` of one stack stay tellable apart by eye.
    """
    digest = short_hash(stack, purpose)
    sep = "-" if rule.hyphens else ""

    def words(text: str) -> str:
        return sep.join(w for w in re.split(r"[^a-z0-9]+", text.lower()) if w)

    budget = rule.max_len - len(rule.prefix) - len(digest) - 3 * len(sep)
    what = words(purpose)[: max(budget // 2, budget - len(words(stack)))].strip("-")
    where = words(stack)[: budget - len(what)].strip("-")
    name = sep.join(part for part in (rule.prefix, where, what, digest) if part)
    if not rule.pattern.match(name):  # pragma: no cover - guarded by tests
        raise ValueError(f"derived name {name!r} does not satisfy {rule}")
    return name
