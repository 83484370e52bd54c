"""Run a command with the registry database's credentials from a mounted JSON file.

The cloud secret stores hold `{"username": ..., "password": ...}`; libpq reads
`PGUSER`/`PGPASSWORD` from the environment, so nothing lands in an argv or a URI.
"""

from __future__ import annotations

import json
import os
from pathlib import Path


def exec_with_db_credentials(path: str, argv: list[str]) -> int:
    """Replace this process with `argv`, `PGUSER`/`PGPASSWORD` set from the file at `path`."""
    credentials = json.loads(Path(path).read_text())
    env = {
        **os.environ,
        "PGUSER": str(credentials["username"]),
        "PGPASSWORD": str(credentials["password"]),
    }
    os.execvpe(argv[0], argv, env)  # noqa: S606 - argv built by the contract's callers
    return 1  # not reached
