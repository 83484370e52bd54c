"""Render ``feature_store.yaml`` for a local run, a single host with Redis, or a cloud stack.

The cloud variant (built from a stack's outputs, how each cloud's online store
authenticates) is part of the workload contract, :mod:`workloads.contract.feature_store`,
because the in-cluster layer renders the same file; this module adds the local
stores and lays out a runnable feature repo.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from workloads.contract import feature_store as contract
from workloads.contract.feature_store import (  # noqa: F401 - this module's public names
    ENTRA_REDIS_STORE_TYPE,
    REDIS_PASSWORD_ENV,
    REDIS_TIMEOUT_SECONDS,
    StackOutputsError,
    cloud_config,
)

REPO_DIR = Path(__file__).resolve().parent
DEFINITION_FILES = ("definitions.py", ".feastignore")


def local_config(data_dir: Path) -> dict[str, Any]:
    """The local store: SQLite online store and file registry under ``data_dir``."""
    data_dir = Path(data_dir).resolve()
    return {
        "project": contract.FEAST_PROJECT,
        "provider": "local",
        "registry": str(data_dir / "registry.db"),
        "online_store": {"type": "sqlite", "path": str(data_dir / "online_store.db")},
        "offline_store": {"type": "file"},
        "entity_key_serialization_version": 3,
    }


def redis_config(
    data_dir: Path, host: str, port: int, *, ssl: bool = False, password_env: str | None = None
) -> dict[str, Any]:
    """A store with a Redis online store and a local file registry (tests, single hosts)."""
    config = local_config(data_dir)
    config["online_store"] = {
        "type": "redis",
        "connection_string": contract.redis_connection_string(host, port, ssl, password_env),
    }
    return config


def render(config: Mapping[str, Any]) -> str:
    """``config`` as feature_store.yaml text (region kept as a comment)."""
    return contract.render(config, lambda body: yaml.safe_dump(body, sort_keys=False))


def write_repo(repo_dir: Path, config: Mapping[str, Any]) -> Path:
    """Create a runnable feature repo in ``repo_dir``: definitions plus ``feature_store.yaml``."""
    repo_dir = Path(repo_dir)
    repo_dir.mkdir(parents=True, exist_ok=True)
    for name in DEFINITION_FILES:
        shutil.copyfile(REPO_DIR / name, repo_dir / name)
    (repo_dir / "feature_store.yaml").write_text(render(config))
    return repo_dir
