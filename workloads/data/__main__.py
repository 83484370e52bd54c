"""CLI: ``python -m workloads.data --out DIR`` writes the synthetic parquet files."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from workloads.data.synthetic import DriftSpec, generate, write_dataset


def _parse_date(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date: {value!r}") from exc


def main(argv: list[str] | None = None) -> int:
    """Generate the dataset; returns the process exit code."""
    parser = argparse.ArgumentParser(prog="python -m workloads.data", description=__doc__)
    parser.add_argument("--out", required=True, help="output directory")
    parser.add_argument("--cards", type=int, default=2000)
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--start", type=_parse_date, default=None, help="first day (ISO date)")
    parser.add_argument("--covariate-shift", type=float, default=0.0)
    parser.add_argument("--prior-shift", type=float, default=1.0)
    parser.add_argument("--concept-drift", type=float, default=0.0)
    parser.add_argument("--drift-start", type=_parse_date, default=None)
    args = parser.parse_args(argv)
    try:
        drift = DriftSpec(
            covariate_shift=args.covariate_shift,
            prior_shift=args.prior_shift,
            concept_drift=args.concept_drift,
            start=args.drift_start,
        )
        dataset = generate(
            n_cards=args.cards, days=args.days, seed=args.seed, start=args.start, drift=drift
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for name, path in write_dataset(dataset, args.out).items():
        print(f"{name}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
