"""`python -m workloads.ingestion stream|batch ...`: streaming and batch ingestion.

`stream` consumes a Kafka-protocol topic; `batch` reads a PostgreSQL table incrementally
by a watermark column. Exit codes: 0 done (the topic went idle or SIGTERM after the
batch in hand; every new row read), 1 the broker or database failed, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workloads.contract.commands import INGESTION_GROUP_PREFIX


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {number}")
    return number


def _port(value: str) -> int:
    number = _positive(value)
    if number > 65535:
        raise argparse.ArgumentTypeError(f"expected a port up to 65535, got {number}")
    return number


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected seconds, got {value!r}") from None
    if not 0 < number <= 86400:
        raise argparse.ArgumentTypeError(f"expected 0 < seconds <= 86400, got {number}")
    return number


def _zones_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--zones", type=Path, help="one local root folder for every zone")
    command.add_argument(
        "--raw-zone", help="the raw zone (raw and quarantine): s3://, abfss:// or a folder"
    )
    command.add_argument(
        "--curated-zone", help="the curated zone (curated and state): s3://, abfss:// or a folder"
    )


def _zones(top: argparse.ArgumentParser, args: argparse.Namespace) -> dict[str, object]:
    """`zones_root`, `raw` and `curated` for run/load; exit 2 unless exactly one way is given."""
    split = [uri for uri in (args.raw_zone, args.curated_zone) if uri is not None]
    if (args.zones is not None and split) or (args.zones is None and len(split) != 2):
        top.error("give --zones, or both --raw-zone and --curated-zone")
    from workloads.object_store import parse_uri

    for uri in split:
        if uri is not None:
            try:
                parse_uri(uri)
            except ValueError as exc:
                top.error(str(exc))
    return {"zones_root": args.zones, "raw": args.raw_zone, "curated": args.curated_zone}


def parser() -> argparse.ArgumentParser:
    """The command line."""
    top = argparse.ArgumentParser(prog="python -m workloads.ingestion", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)
    stream = sub.add_parser("stream", help="consume a topic into raw, quarantine and curated")
    stream.add_argument("--bootstrap-servers", required=True)
    stream.add_argument("--topic", required=True)
    stream.add_argument("--group", default=f"{INGESTION_GROUP_PREFIX}-stream")
    _zones_arguments(stream)
    stream.add_argument("--batch-size", type=_positive, default=5000)
    stream.add_argument("--max-idle-seconds", type=_seconds, default=30.0)
    stream.add_argument(
        "--metrics-file", type=Path, help="write the data-quality metrics here (text format)"
    )
    stream.add_argument(
        "--metrics-port", type=_port, help="serve the data-quality metrics on /metrics here"
    )
    batch = sub.add_parser("batch", help="read a PostgreSQL table after its saved watermark")
    batch.add_argument("--dsn", required=True, help="libpq connection string")
    batch.add_argument("--table", required=True)
    _zones_arguments(batch)
    batch.add_argument("--watermark-column", default="event_timestamp")
    batch.add_argument("--key-column", default="transaction_id")
    batch.add_argument("--page-rows", type=_positive, default=1000)
    return top


def main(argv: list[str] | None = None) -> int:
    """Run one command; see the module docstring for exit codes."""
    top = parser()
    args = top.parse_args(argv)
    zones = _zones(top, args)
    if args.command == "batch":
        return _batch(top, args, zones)
    from confluent_kafka import KafkaException

    from workloads.ingestion.stream import run

    try:
        counts = run(
            args.bootstrap_servers,
            args.topic,
            args.group,
            batch_size=args.batch_size,
            max_idle_seconds=args.max_idle_seconds,
            metrics_file=args.metrics_file,
            metrics_port=args.metrics_port,
            **zones,  # type: ignore[arg-type]
        )
    except KafkaException as exc:
        print(f"ingestion: the broker failed: {exc}", file=sys.stderr)
        return 1
    print(
        json.dumps(
            {
                "batches": counts.batches,
                "events_in": counts.events_in,
                "valid": counts.valid,
                "quarantined": counts.quarantined,
                "curated_days": sorted(counts.curated_days),
            }
        )
    )
    return 0


def _batch(top: argparse.ArgumentParser, args: argparse.Namespace, zones: dict[str, object]) -> int:
    import psycopg2

    from workloads.ingestion.batch import load

    try:
        counts = load(
            args.dsn,
            args.table,
            watermark=args.watermark_column,
            key=args.key_column,
            page_rows=args.page_rows,
            **zones,  # type: ignore[arg-type]
        )
    except ValueError as exc:
        top.error(str(exc))  # exits 2
    except psycopg2.Error as exc:
        print(f"ingestion: the database failed: {exc}".strip(), file=sys.stderr)
        return 1
    print(
        json.dumps(
            {
                "pages": counts.pages,
                "rows_in": counts.rows_in,
                "valid": counts.valid,
                "quarantined": counts.quarantined,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
