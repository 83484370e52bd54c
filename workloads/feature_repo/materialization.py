"""The Feast verbs users know, callable from Python: ``feast apply`` and materialize."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from feast import FeatureStore

SOURCE_ENV = "SMP_CARD_FEATURES_SOURCE"


class FeastApplyError(RuntimeError):
    """``feast apply`` exited non-zero."""


def feast_apply(repo_dir: Path, source_uri: str, extra_env: dict[str, str] | None = None) -> str:
    """Run the real ``feast apply`` CLI on ``repo_dir`` with the offline source at ``source_uri``.

    It runs as a subprocess because ``feast apply`` changes directory and imports
    the repo's modules; returns the CLI's output.
    """
    env = {**os.environ, SOURCE_ENV: source_uri, **(extra_env or {})}
    proc = subprocess.run(  # noqa: S603 - fixed argv, our own interpreter
        [
            sys.executable,
            "-c",
            "from feast.cli.cli import cli; cli()",
            "-c",
            str(repo_dir),
            "apply",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if proc.returncode != 0:
        raise FeastApplyError(f"feast apply failed in {repo_dir}:\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout


def open_store(repo_dir: Path) -> FeatureStore:
    """A :class:`feast.FeatureStore` for the repo in ``repo_dir``."""
    from feast import FeatureStore

    return FeatureStore(repo_path=str(repo_dir))


def materialize(repo_dir: Path, start: datetime, end: datetime) -> None:
    """Load feature values with timestamps in [start, end] into the online store."""
    open_store(repo_dir).materialize(start_date=start, end_date=end)


def run_materialization_job(store_yaml: Path, repo_dir: Path, source_uri: str) -> int:
    """The scheduled materialization Job (``python -m workloads.entrypoints materialize``).

    Lays out the feature repo (definitions from the image, the cloud
    ``feature_store.yaml`` from a mounted file), runs ``feast apply`` and loads new
    feature values into the online store up to now.
    """
    import shutil
    from datetime import UTC

    from workloads.feature_repo import store_config

    repo_dir.mkdir(parents=True, exist_ok=True)
    for name in store_config.DEFINITION_FILES:
        shutil.copyfile(store_config.REPO_DIR / name, repo_dir / name)
    shutil.copyfile(store_yaml, repo_dir / "feature_store.yaml")
    print(feast_apply(repo_dir, source_uri))
    open_store(repo_dir).materialize_incremental(end_date=datetime.now(UTC))
    return 0
