"""CLI: ``python -m workloads.monitoring drift|ab``.

``drift`` exits 1 when drift is detected (0 otherwise), so a CronJob or CI
step fails visibly; ``ab`` prints the recommendation.  Bad input exits 2.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from workloads import schema


def _load_baseline(args: argparse.Namespace) -> dict[str, Any]:
    from workloads.monitoring.baseline import read_baseline

    if args.baseline:
        return read_baseline(Path(args.baseline))
    if not args.tracking_uri:
        raise ValueError("give --baseline PATH or --tracking-uri (with --model-name/--alias)")
    from workloads.training.train import download_baseline

    with tempfile.TemporaryDirectory() as tmp:
        return read_baseline(
            download_baseline(args.tracking_uri, args.model_name, args.alias, Path(tmp))
        )


def current_window(log_uri: str, champion_only_scores: bool = True) -> pd.DataFrame:
    """Predictions from the log, with outcome labels joined where known."""
    from workloads.serving.prediction_log import read_log

    predictions = read_log(log_uri, "predictions")
    if predictions.empty:
        raise ValueError(f"no predictions in {log_uri}")
    outcomes = read_log(log_uri, "outcomes")
    if not outcomes.empty:
        latest = outcomes.sort_values("ts").drop_duplicates("prediction_id", keep="last")
        predictions = predictions.merge(
            latest[["prediction_id", "label"]], on="prediction_id", how="left"
        )
    if champion_only_scores and "variant" in predictions:
        # The baseline's scores come from the champion; other variants' scores are not comparable.
        predictions[schema.SCORE] = np.where(
            predictions["variant"] == "champion", predictions[schema.SCORE], np.nan
        )
    return predictions


def run_drift(args: argparse.Namespace) -> int:
    """The ``drift`` subcommand."""
    from workloads.monitoring.drift import detect_drift
    from workloads.monitoring.report import write_html, write_json, write_prometheus

    baseline = _load_baseline(args)
    current = current_window(args.log_uri)
    report = detect_drift(
        baseline, current, alpha=args.alpha, psi_floor=args.psi_floor, label_column="label"
    )
    out = Path(args.out)
    paths = {
        "json": write_json(report, out / "drift.json"),
        "html": write_html(report, out / "drift.html"),
        "prometheus": write_prometheus(report, out / "drift.prom", args.pushgateway),
    }
    verdict = "DRIFT" if report.drifted else "no drift"
    print(f"{verdict}: {', '.join(report.drifted_names) or 'nothing flagged'}")
    for kind, path in paths.items():
        print(f"{kind}: {path}")
    return 1 if report.drifted else 0


def run_ab(args: argparse.Namespace) -> int:
    """The ``ab`` subcommand."""
    from workloads.monitoring.ab_analysis import analyse, join_outcomes
    from workloads.serving.prediction_log import read_log

    joined = join_outcomes(
        read_log(args.log_uri, "predictions"), read_log(args.log_uri, "outcomes")
    )
    result = analyse(joined, alpha=args.alpha, min_outcomes=args.min_outcomes)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "ab.json"
    path.write_text(json.dumps(result.as_dict(), indent=2))
    print(f"{result.recommendation}: {result.reason}")
    print(f"json: {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m workloads.monitoring", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    drift = sub.add_parser("drift", help="compare the prediction log with the training baseline")
    drift.add_argument("--log-uri", required=True, help="prediction log directory or s3:// URI")
    drift.add_argument("--baseline", help="baseline.json path")
    drift.add_argument("--tracking-uri", help="MLflow tracking URI (baseline of the aliased model)")
    drift.add_argument("--model-name", default="card-fraud")
    drift.add_argument("--alias", default="champion")
    drift.add_argument("--out", required=True)
    drift.add_argument("--alpha", type=float, default=0.05)
    drift.add_argument("--psi-floor", type=float, default=0.1)
    drift.add_argument("--pushgateway", help="host:port of a Prometheus Pushgateway")
    ab = sub.add_parser("ab", help="champion vs challenger on logged outcomes")
    ab.add_argument("--log-uri", required=True)
    ab.add_argument("--out", required=True)
    ab.add_argument("--alpha", type=float, default=0.05)
    ab.add_argument("--min-outcomes", type=int, default=200)
    args = parser.parse_args(argv)
    try:
        return run_drift(args) if args.command == "drift" else run_ab(args)
    except (ValueError, FileNotFoundError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
