"""`python -m workloads.entrypoints VERB`: the small jobs, each run by the workload that owns it.

The argv the cluster runs comes from `workloads.contract.commands`; this module
only dispatches its verbs: `materialize` (the feature store's scheduled job,
`workloads.feature_repo.materialization`), `registry-access` (the registry's users
and permissions, `workloads.registry_access`) and `with-db-credentials`
(`workloads.db_credentials`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Parse the verb and its arguments, then hand over to the owning workload."""
    parser = argparse.ArgumentParser(prog="python -m workloads.entrypoints")
    sub = parser.add_subparsers(dest="verb", required=True)
    mat = sub.add_parser("materialize", help="feast apply, then materialize up to now")
    mat.add_argument("--store-yaml", required=True)
    mat.add_argument("--repo-dir", required=True)
    mat.add_argument("--source-uri", required=True)
    access = sub.add_parser(
        "registry-access", help="create the registry's users and permissions (idempotent)"
    )
    access.add_argument("--tracking-uri", required=True)
    access.add_argument("--grants", required=True, help="grants JSON file")
    access.add_argument("--passwords-dir", required=True, help="one file per user name")
    access.add_argument(
        "--wait-seconds",
        type=float,
        default=300.0,
        help="how long to wait for the server to come up",
    )
    creds = sub.add_parser("with-db-credentials", help="exec a command with PGUSER/PGPASSWORD")
    creds.add_argument("--file", required=True)
    creds.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    if args.verb == "with-db-credentials":
        from workloads.db_credentials import exec_with_db_credentials

        command = args.command[1:] if args.command[:1] == ["--"] else args.command
        if not command:
            parser.error("with-db-credentials needs a command after --")
        return exec_with_db_credentials(args.file, command)
    if args.verb == "registry-access":
        from workloads.registry_access import run

        return run(
            args.tracking_uri, Path(args.grants), Path(args.passwords_dir), args.wait_seconds
        )
    from workloads.feature_repo.materialization import run_materialization_job

    return run_materialization_job(Path(args.store_yaml), Path(args.repo_dir), args.source_uri)


if __name__ == "__main__":
    sys.exit(main())
