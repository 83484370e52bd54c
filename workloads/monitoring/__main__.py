"""CLI: ``python -m workloads.monitoring drift|stream|ab``.

``drift`` (the daily CronJob) exits 1 when drift is detected (0 otherwise), so a
CronJob or CI step fails visibly; ``stream`` (a Deployment) follows the live
prediction log and serves ``/metrics`` until stopped (SIGTERM: checkpoint, exit 0);
``ab`` prints the recommendation. Bad input exits 2.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import tempfile
import threading
from pathlib import Path
from types import FrameType
from typing import Any

import numpy as np
import pandas as pd

from workloads import schema

DEFAULT_METRICS_PORT = 9108
DEFAULT_STREAM_ALPHA = 0.001  # workloads.monitoring.stream.DEFAULT_STREAM_ALPHA (lazy imports)


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


def _floors(args: argparse.Namespace) -> Any:
    from workloads.monitoring.drift import Floors, parse_floor_overrides

    return Floors(
        numeric=args.numeric_floor,
        categorical=args.categorical_floor,
        rate=args.rate_floor,
        psi=args.psi_floor,
        per_test=parse_floor_overrides(args.floor),
    )


def _segments(text: str | None) -> list[str] | None:
    if text is None:
        return None
    if text.strip().lower() in ("", "none"):
        return []
    return [c.strip() for c in text.split(",") if c.strip()]


def _baseline_label(args: argparse.Namespace) -> str:
    if args.baseline:
        return f"file {args.baseline}"
    return f"MLflow model {args.model_name}@{args.alias} ({args.tracking_uri})"


def report_context(
    args: argparse.Namespace, baseline: dict[str, Any], current: pd.DataFrame
) -> Any:
    """The report header: window, model version, baseline, threshold."""
    from workloads.monitoring.performance import as_timestamps
    from workloads.monitoring.report import ReportContext

    window = ("n/a", "n/a")
    if "ts" in current and current["ts"].notna().any():
        ts = as_timestamps(current["ts"].dropna())
        window = (f"{ts.min():%Y-%m-%d %H:%M:%S} UTC", f"{ts.max():%Y-%m-%d %H:%M:%S} UTC")
    versions = "n/a"
    if "model_version" in current:
        champion = current
        if "variant" in current:
            champion = current[current["variant"] == "champion"]
        versions = ", ".join(sorted({str(v) for v in champion["model_version"].dropna()})) or "n/a"
    notes = []
    if baseline.get("upgraded_from") == 1:
        notes.append("version-1 baseline: histograms rebuilt from its sample, no segments")
    return ReportContext(
        window_start=window[0],
        window_end=window[1],
        model_name=args.model_name,
        model_version=versions,
        baseline=_baseline_label(args),
        baseline_rows=baseline.get("n_rows"),
        decision_threshold=(baseline.get("performance") or {}).get("threshold"),
        notes=notes,
    )


def run_drift(args: argparse.Namespace) -> int:
    """The ``drift`` subcommand."""
    from workloads.monitoring import drift
    from workloads.monitoring.performance import performance_timeline
    from workloads.monitoring.report import write_html, write_json, write_prometheus

    floors = _floors(args)
    baseline = _load_baseline(args)
    current = current_window(args.log_uri)
    report = drift.detect_drift(
        baseline,
        current,
        alpha=args.alpha,
        psi_floor=args.psi_floor,
        label_column="label",
        floors=floors,
        segment_by=_segments(args.segment_by),
        min_samples=args.min_samples,
        max_drop=args.max_drop,
    )
    out = Path(args.out)
    timeline = []
    if isinstance(current, pd.DataFrame) and "ts" in current:
        timeline = performance_timeline(
            baseline, current, "ts", args.timeline_freq, "label", args.min_samples
        )
    context = report_context(args, baseline, current) if isinstance(current, pd.DataFrame) else None
    paths = {
        "json": write_json(report, out / "drift.json"),
        "html": write_html(report, out / "drift.html", context=context, timeline=timeline),
        "prometheus": write_prometheus(report, out / "drift.prom", args.pushgateway),
    }
    verdict = "DRIFT" if report.drifted else "no drift"
    flagged = [*report.drifted_names, *report.drifted_segments]
    print(f"{verdict}: {', '.join(flagged) or 'nothing flagged'}")
    for kind, path in paths.items():
        print(f"{kind}: {path}")
    return 1 if report.drifted else 0


def run_stream(args: argparse.Namespace) -> int:
    """The ``stream`` subcommand: follow the log, serve /metrics, until told to stop."""
    from prometheus_client import start_http_server

    from workloads.monitoring.stream import StreamConfig, StreamingMonitor

    config = StreamConfig(
        sliding_seconds=args.sliding_seconds,
        step_seconds=args.step_seconds,
        tumbling_seconds=args.tumbling_seconds,
        lateness_seconds=args.lateness_seconds,
        min_samples=args.min_samples,
        enter_after=args.enter_after,
        exit_after=args.exit_after,
        alpha=args.alpha,
        floors=_floors(args),
        max_drop=args.max_drop,
        segment_by=_segments(args.segment_by),
        poll_seconds=args.poll_seconds,
        checkpoint_seconds=args.checkpoint_seconds,
    )
    if not 0 <= args.port < 65536:
        raise ValueError(f"--port must be a TCP port, got {args.port}")
    baseline = _load_baseline(args)
    monitor = StreamingMonitor(
        baseline,
        args.log_uri,
        config,
        out_dir=Path(args.out) if args.out else None,
        state_path=Path(args.state) if args.state else None,
    )
    server, _thread = start_http_server(
        args.port, addr=args.host, registry=monitor.metrics.registry
    )
    stop = threading.Event()

    def _stop(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    if args.run_seconds:
        threading.Timer(args.run_seconds, stop.set).start()
    print(
        f"streaming monitor on {args.log_uri}: /metrics on {args.host}:{server.server_port}, "
        f"sliding {config.sliding_seconds:g}s every {config.step_seconds:g}s, "
        f"tumbling {config.tumbling_seconds:g}s",
        flush=True,
    )
    try:
        monitor.run(stop.is_set, sleep=stop.wait)
    finally:
        server.shutdown()
    print(f"stopped: {json.dumps(monitor.counters)}", flush=True)
    return 0


def run_ab(args: argparse.Namespace) -> int:
    """The ``ab`` subcommand."""
    from workloads.monitoring.ab_analysis import analyse, join_outcomes
    from workloads.monitoring.report import write_ab_html
    from workloads.serving.prediction_log import read_log

    joined = join_outcomes(
        read_log(args.log_uri, "predictions"), read_log(args.log_uri, "outcomes")
    )
    result = analyse(joined, alpha=args.alpha, min_outcomes=args.min_outcomes)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "ab.json"
    path.write_text(json.dumps(result.as_dict(), indent=2))
    page = write_ab_html(result, out / "ab.html")
    print(f"{result.recommendation}: {result.reason}")
    print(f"json: {path}")
    print(f"html: {page}")
    return 0


def _add_baseline_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--log-uri", required=True, help="prediction log directory or URI")
    parser.add_argument("--baseline", help="baseline.json path")
    parser.add_argument(
        "--tracking-uri", help="MLflow tracking URI (baseline of the aliased model)"
    )
    parser.add_argument("--model-name", default="card-fraud")
    parser.add_argument("--alias", default="champion")


def _add_test_args(parser: argparse.ArgumentParser, min_samples: int, alpha: float) -> None:
    from workloads.monitoring.drift import (
        DEFAULT_CATEGORICAL_FLOOR,
        DEFAULT_NUMERIC_FLOOR,
        DEFAULT_PSI_FLOOR,
        DEFAULT_RATE_FLOOR,
    )

    parser.add_argument(
        "--alpha", type=float, default=alpha, help="false-discovery rate (BH) of one run/window"
    )
    parser.add_argument(
        "--numeric-floor",
        type=float,
        default=DEFAULT_NUMERIC_FLOOR,
        help="Wasserstein distance, in reference SDs, a numeric shift must reach",
    )
    parser.add_argument(
        "--categorical-floor",
        type=float,
        default=DEFAULT_CATEGORICAL_FLOOR,
        help="total variation distance a categorical shift must reach",
    )
    parser.add_argument(
        "--rate-floor",
        type=float,
        default=DEFAULT_RATE_FLOOR,
        help="relative change of the label rate / calibration ratio that counts",
    )
    parser.add_argument(
        "--psi-floor",
        type=float,
        default=DEFAULT_PSI_FLOOR,
        help="PSI reference line shown beside each distribution (PSI no longer decides)",
    )
    parser.add_argument(
        "--floor",
        action="append",
        metavar="TEST=VALUE",
        help="per-test floor override (repeatable), e.g. --floor amount=0.2",
    )
    parser.add_argument(
        "--segment-by",
        help="comma-separated segment columns (default: the baseline's; 'none' for none)",
    )
    parser.add_argument("--min-samples", type=int, default=min_samples)
    parser.add_argument(
        "--max-drop",
        type=float,
        default=None,
        help="estimated precision/recall drop (absolute) that raises the performance signal",
    )


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m workloads.monitoring", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    drift = sub.add_parser("drift", help="compare the prediction log with the training baseline")
    _add_baseline_args(drift)
    drift.add_argument("--out", required=True)
    _add_test_args(drift, min_samples=200, alpha=0.05)
    drift.add_argument("--timeline-freq", default="1h", help="bucket of the estimate timeline")
    drift.add_argument("--pushgateway", help="host:port of a Prometheus Pushgateway")
    stream = sub.add_parser("stream", help="follow the live prediction log; serve /metrics")
    _add_baseline_args(stream)
    _add_test_args(stream, min_samples=500, alpha=DEFAULT_STREAM_ALPHA)
    stream.add_argument("--host", default="0.0.0.0", help="address of the /metrics listener")  # noqa: S104
    stream.add_argument("--port", type=int, default=DEFAULT_METRICS_PORT)
    stream.add_argument("--sliding-seconds", type=float, default=300.0)
    stream.add_argument("--step-seconds", type=float, default=15.0)
    stream.add_argument("--tumbling-seconds", type=float, default=3600.0)
    stream.add_argument("--lateness-seconds", type=float, default=10.0)
    stream.add_argument(
        "--enter-after", type=int, default=2, help="drifted windows to open an episode"
    )
    stream.add_argument("--exit-after", type=int, default=4, help="clear windows to close one")
    stream.add_argument("--poll-seconds", type=float, default=1.0)
    stream.add_argument("--checkpoint-seconds", type=float, default=30.0)
    stream.add_argument("--state", help="checkpoint file (resume without loss or duplicates)")
    stream.add_argument("--out", help="folder for windows.jsonl and episodes.jsonl")
    stream.add_argument("--run-seconds", type=float, default=0.0, help="stop after (0: never)")
    ab = sub.add_parser("ab", help="champion vs challenger on logged outcomes")
    ab.add_argument("--log-uri", required=True)
    ab.add_argument("--out", required=True)
    ab.add_argument("--alpha", type=float, default=0.05)
    ab.add_argument("--min-outcomes", type=int, default=200)
    args = parser.parse_args(argv)
    commands = {"drift": run_drift, "stream": run_stream, "ab": run_ab}
    try:
        return commands[args.command](args)
    except (ValueError, FileNotFoundError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
