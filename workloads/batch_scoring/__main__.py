"""``python -m workloads.batch_scoring``: score a time window or an entity list in batch.

    python -m workloads.batch_scoring --feature-repo REPO --tracking-uri URI \\
        --transactions s3://raw/transactions.parquet --start 2025-02-01 --end 2025-02-08 \\
        --out s3://predictions/batch/card-fraud [--alias champion | --model-version 7]

    python -m workloads.batch_scoring ... --entities rows.csv --out ./predictions

Features are read point-in-time from the Feast offline store of ``REPO``; results are
parquet partitions (one per UTC day) with a manifest each under ``--out`` (a folder,
``s3://`` or ``abfss://``). Rerunning resumes: committed partitions are skipped. In an
Indexed Job, ``--workers N`` splits the partitions and ``JOB_COMPLETION_INDEX`` picks
this pod's share. Progress goes to stderr, a JSON summary to stdout.
Exit codes: 0 done, 1 the registry or a store failed, 2 bad arguments or input.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from datetime import UTC, datetime
from pathlib import Path


def _when(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date or time: {text!r}") from exc
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m workloads.batch_scoring",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--feature-repo", required=True, type=Path, help="Feast repo folder")
    parser.add_argument(
        "--tracking-uri",
        default=os.environ.get("SMP_MLFLOW_TRACKING_URI"),
        help="MLflow registry URI (default: SMP_MLFLOW_TRACKING_URI)",
    )
    parser.add_argument("--model-name", default="card-fraud")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--alias", default=None, help="registry alias (default: champion)")
    which.add_argument("--model-version", default=None, help="a registered version")
    rows = parser.add_mutually_exclusive_group(required=True)
    rows.add_argument("--transactions", help="transactions parquet/CSV, filtered to the window")
    rows.add_argument("--entities", help="an entity list: rows to score (parquet or CSV)")
    parser.add_argument("--start", type=_when, help="window start (inclusive), ISO 8601")
    parser.add_argument("--end", type=_when, help="window end (exclusive), ISO 8601")
    parser.add_argument(
        "--out", required=True, help="predictions location (folder, s3://, abfss://)"
    )
    parser.add_argument("--workers", type=int, default=1, help="pods of the Indexed Job")
    parser.add_argument(
        "--worker-index",
        type=int,
        default=None,
        help="this pod's index (default: JOB_COMPLETION_INDEX, else 0)",
    )
    parser.add_argument(
        "--registry-timeout", type=float, default=30.0, help="seconds to wait for the registry"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse, load the model once, score this worker's partitions, print a summary."""
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("mlflow").setLevel(logging.WARNING)
    if args.transactions and not (args.start and args.end):
        parser.error("--transactions needs a window: --start and --end")
    if args.start and args.end and args.start >= args.end:
        parser.error("--start must be before --end")
    if not args.tracking_uri:
        parser.error("--tracking-uri (or SMP_MLFLOW_TRACKING_URI) is required")
    index_env = os.environ.get("JOB_COMPLETION_INDEX")
    try:
        index = args.worker_index if args.worker_index is not None else int(index_env or 0)
    except ValueError:
        parser.error(f"JOB_COMPLETION_INDEX is not an integer: {index_env!r}")
    if args.workers < 1 or not 0 <= index < args.workers:
        parser.error(f"worker index {index} is not within 0..{args.workers - 1}")
    if not (args.feature_repo / "feature_store.yaml").is_file():
        parser.error(f"{args.feature_repo} is not a Feast repo (no feature_store.yaml)")

    from workloads.batch_scoring.job import BatchInputError, BatchModel, read_rows, run, select_rows
    from workloads.feature_repo.materialization import open_store
    from workloads.serving.registry_models import ModelNotFound, RegistryError, load_model

    try:
        frame = select_rows(read_rows(args.transactions or args.entities), args.start, args.end)
    except BatchInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if frame.empty:
        print("error: no rows to score in the given window or list", file=sys.stderr)
        return 2
    try:
        loaded = load_model(
            args.tracking_uri,
            args.model_name,
            alias=None if args.model_version else (args.alias or "champion"),
            version=args.model_version,
            timeout=args.registry_timeout,
        )
    except ModelNotFound as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except RegistryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    model = BatchModel(args.model_name, loaded.version, loaded.run_id, loaded.model)
    try:
        results = run(
            frame,
            model,
            open_store(args.feature_repo),
            args.out,
            workers=args.workers,
            worker_index=index,
        )
    except ValueError as exc:  # e.g. an unsupported --out URI
        print(f"error: {exc}", file=sys.stderr)
        return 2
    summary = {
        "model_name": model.name,
        "model_version": model.version,
        "out": args.out,
        "worker": index,
        "workers": args.workers,
        "partitions": len(results),
        "scored": sum(r.status == "scored" for r in results),
        "skipped": sum(r.status == "skipped" for r in results),
        "rows": sum(r.rows for r in results),
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
