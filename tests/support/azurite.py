"""Azurite (the Azure Storage emulator) for the tests: the pinned version in build/azurite.

``python -m tests.support.azurite`` (``make azurite``, part of ``make test``'s install
step) installs it with npm; the tests' fixture calls the same ``azurite_binary`` and
finds it there. Parallel test workers share build/azurite: one installs, the others
wait on a file lock.
"""

from __future__ import annotations

import fcntl
import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.paths import REPO

AZURITE_VERSION = "3.37.0"
AZURITE_DIR = REPO / "build" / "azurite"
AZURITE_INSTALL_HINT = (
    f"install it with `npm install --prefix build/azurite azurite@{AZURITE_VERSION}` "
    "(node and npm: `apt-get install -y nodejs npm` on Debian)"
)


class AzuriteUnavailable(RuntimeError):
    """Azurite is not installed and cannot be installed here."""


def _installed(binary: Path) -> bool:
    manifest = AZURITE_DIR / "node_modules" / "azurite" / "package.json"
    return (
        binary.exists()
        and manifest.exists()
        and json.loads(manifest.read_text())["version"] == AZURITE_VERSION
    )


def azurite_binary() -> Path:
    """``azurite-blob`` from build/azurite, installed there (pinned) when missing."""
    binary = AZURITE_DIR / "node_modules" / ".bin" / "azurite-blob"
    if _installed(binary):
        return binary
    AZURITE_DIR.mkdir(parents=True, exist_ok=True)
    with (AZURITE_DIR / ".install.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not _installed(binary):
            _install(binary)
    return binary


def _install(binary: Path) -> None:
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        raise AzuriteUnavailable(
            f"Azurite is needed and node/npm are not on PATH: {AZURITE_INSTALL_HINT}"
        )
    proc = subprocess.run(
        [
            npm,
            "install",
            "--prefix",
            str(AZURITE_DIR),
            "--no-save",
            "--no-audit",
            "--no-fund",
            f"azurite@{AZURITE_VERSION}",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=240,
    )
    if proc.returncode != 0 or not _installed(binary):
        raise AzuriteUnavailable(
            f"could not install Azurite ({proc.stderr[-2000:]}); {AZURITE_INSTALL_HINT}"
        )


def main() -> int:
    try:
        binary = azurite_binary()
    except AzuriteUnavailable as exc:
        print(f"azurite: {exc}", file=sys.stderr)
        return 1
    print(f"azurite: {AZURITE_VERSION} at {binary.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
