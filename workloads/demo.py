"""``python -m workloads.demo``: the whole ML lifecycle on one machine.

generate data → ``feast apply`` + materialize → train champion → train
challenger (both against a real MLflow tracking server) → serve both under
uvicorn with A/B assignment → traffic that drifts part-way, watched live by the
streaming drift monitor (its alert and how long after the shift it came) → batch
scoring of the traffic window with the champion (point-in-time features from the
offline store) → drift reports before/after the shift, with the label-free
performance estimate against the realised value → A/B report → summary.  Everything
is written under ``--out`` (default
``build/demo``), which is replaced only if the demo created it: a folder it did not
create is refused before anything runs (``workloads.output_folder``).  Both servers
are stopped on exit, on error and on SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import secrets
import signal
import sys
import time
import warnings
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import Any

import numpy as np
import pandas as pd
from rich.console import Console
from rich.table import Table

from workloads import schema
from workloads.data import STATED_COVARIATE_SHIFT, DriftSpec, generate, write_dataset
from workloads.output_folder import OutputFolderError, OwnedOutputFolder

console = Console()
DEMO_TOOL = "python -m workloads.demo"

TRAIN_DAYS = 60
TRAFFIC_DAYS = 10
DRIFT_AFTER_DAYS = 5
STEPS = 10
# The generator's default 100-day burn-in leaves chargeback_count_90d still rising
# (about +45% over 80 days): the monitor would rightly call that drift before the
# injected shift. 300 days make the simulated card history stationary.
BURN_IN_DAYS = 300
# The fields the injected covariate shift moves (log amount and log distance).
SHIFTED_FIELDS = ("amount", "distance_from_home_km")
REPLAY_NOTE = (
    "replay: every request is served today's card-feature snapshot (Feast online store), "
    "so card features of requests from before the shift (txn_count_7d, avg_amount_30d) "
    "already reflect the shifted days' spending"
)
# The streaming monitor's windows, sized for the demo's replay (~50 requests/s,
# 10 days of traffic in about a minute): a sliding window holds a few hundred rows.
STREAM_WINDOW = {
    "sliding_seconds": 8.0,
    "step_seconds": 1.0,
    "tumbling_seconds": 20.0,
    "lateness_seconds": 1.0,
    "min_samples": 150,
    "enter_after": 3,
    "exit_after": 3,
}


def _step(n: int, text: str) -> None:
    console.print(f"[bold cyan][{n}/{STEPS}][/] {text}")


def _sigterm(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt("SIGTERM")


async def _send_traffic(
    base_url: str, token: str, requests: list[dict[str, Any]], concurrency: int
) -> tuple[list[dict[str, Any]], list[float], int, float | None]:
    """Send every request, then every outcome; also returns when the first request
    marked ``_drifted`` went out (wall clock), for the streaming alert's latency."""
    import httpx

    results: list[dict[str, Any]] = []
    latencies: list[float] = []
    failures = 0
    first_drifted: float | None = None
    headers = {"Authorization": f"Bearer {token}"}
    queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    for r in requests:
        queue.put_nowait(r)

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal failures, first_drifted
        while not queue.empty():
            body = queue.get_nowait()
            label = body.pop("_label")
            if body.pop("_drifted") and first_drifted is None:
                first_drifted = time.time()
            start = time.perf_counter()
            response = await client.post("/predict", json=body, headers=headers)
            latencies.append(time.perf_counter() - start)
            if response.status_code == 200:
                results.append({**response.json(), "_label": label})
            else:
                failures += 1

    async with httpx.AsyncClient(base_url=base_url, timeout=30) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        for chunk_start in range(0, len(results), 64):
            chunk = results[chunk_start : chunk_start + 64]
            await asyncio.gather(
                *(
                    client.post(
                        "/outcomes",
                        json={"prediction_id": r["prediction_id"], "label": r["_label"]},
                        headers=headers,
                    )
                    for r in chunk
                )
            )
    return results, latencies, failures, first_drifted


def _scrape(url: str) -> dict[str, float]:
    """The streaming monitor's episode series: ``{"test[segment]": value}`` per family."""
    import httpx
    from prometheus_client.parser import text_string_to_metric_families

    from workloads.contract import monitor_metrics as mn

    wanted = {mn.STREAM_EPISODES.name, mn.STREAM_EPISODE_ACTIVE.name}
    out: dict[str, float] = {}
    try:
        text = httpx.get(url, timeout=5).text
    except httpx.HTTPError as exc:  # the summary says so; the reports still get written
        console.print(f"[yellow]    could not read the streaming monitor's metrics: {exc}[/]")
        return out
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name in wanted:
                key = f"{sample.name}:{sample.labels['test']}[{sample.labels['segment']}]"
                out[key] = sample.value
    return out


def _performance_summary(before: Any, after: Any) -> dict[str, str]:
    """Estimated vs realised precision and recall, before and after the shift."""
    out = {}
    for name, report in (("before", before), ("after", after)):
        for p in report.performance:
            if p.segment == "all" and p.metric in ("precision", "recall"):
                inside = {True: "inside", False: "OUTSIDE", None: "no labels"}[p.within_interval]
                out[f"{p.metric}_{name}"] = (
                    f"estimate {p.estimate:.3f} [{p.lower:.3f}, {p.upper:.3f}], "
                    f"realised {p.realised:.3f} ({inside})"
                )
    return out


def _batch_score(
    tracking_uri: str, repo: Path, data: Any, as_of: datetime, out: Path
) -> dict[str, Any]:
    """Score every traffic transaction with the champion as the batch job does."""
    from workloads.batch_scoring.job import BatchModel, read_manifests, select_rows
    from workloads.batch_scoring.job import run as batch_run
    from workloads.feature_repo.materialization import open_store
    from workloads.serving.registry_models import load_model

    served = load_model(tracking_uri, "card-fraud", alias="champion")
    rows = select_rows(data.transactions, as_of, data.end + timedelta(days=1))
    started = time.perf_counter()
    results = batch_run(
        rows,
        BatchModel("card-fraud", served.version, served.run_id, served.model),
        open_store(repo),
        str(out),
        progress=lambda text: console.print(f"    {text}"),
    )
    elapsed = time.perf_counter() - started
    manifests = read_manifests(str(out))
    assert {m["model_version"] for m in manifests} == {served.version}
    return {
        "model_version": served.version,
        "partitions": len(results),
        "rows": sum(r.rows for r in results),
        "rows_per_s": round(sum(r.rows for r in results) / elapsed, 1),
        "out": str(out),
    }


def run(
    folder: OwnedOutputFolder, n_cards: int, n_requests: int, seed: int, concurrency: int
) -> dict[str, Any]:
    """Run the lifecycle in `folder` (replaced first); returns the summary."""
    from workloads.contract import commands
    from workloads.feature_repo import store_config
    from workloads.feature_repo.materialization import feast_apply, materialize
    from workloads.local_processes import (
        free_port,
        mlflow_server,
        scoring_service,
        spawn,
        stop,
        wait_http,
    )
    from workloads.monitoring.ab_analysis import analyse, join_outcomes
    from workloads.monitoring.baseline import read_baseline
    from workloads.monitoring.drift import detect_drift
    from workloads.monitoring.performance import performance_timeline
    from workloads.monitoring.report import (
        ReportContext,
        write_ab_html,
        write_html,
        write_json,
        write_prometheus,
    )
    from workloads.serving.prediction_log import read_log
    from workloads.training.train import TrainingConfig, download_baseline, train_and_register

    started = time.perf_counter()
    out = folder.replace()
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    start = today - timedelta(days=TRAIN_DAYS + TRAFFIC_DAYS)
    drift_start = start + timedelta(days=TRAIN_DAYS + DRIFT_AFTER_DAYS)
    as_of = start + timedelta(days=TRAIN_DAYS)

    _step(1, f"generating {n_cards} cards x {TRAIN_DAYS + TRAFFIC_DAYS} days (seed {seed})")
    drift = DriftSpec(covariate_shift=STATED_COVARIATE_SHIFT, start=drift_start)
    data = generate(
        n_cards=n_cards,
        days=TRAIN_DAYS + TRAFFIC_DAYS,
        seed=seed,
        start=start,
        drift=drift,
        burn_in_days=BURN_IN_DAYS,
    )
    paths = write_dataset(data, str(out / "data"))
    console.print(f"    {len(data.transactions)} transactions, {len(data.card_features)} snapshots")

    _step(2, "feast apply + materialize (SQLite online store, parquet offline)")
    repo = store_config.write_repo(out / "feature_repo", store_config.local_config(out / "feast"))
    feast_apply(repo, paths["card_features"])
    materialize(repo, start - timedelta(days=1), data.end + timedelta(days=1))

    with ExitStack() as stack:
        _step(3, "starting the MLflow tracking server (SQLite backend, local artifacts)")
        tracking_uri = stack.enter_context(mlflow_server(out / "mlflow"))
        console.print(f"    {tracking_uri}")
        history = data.transactions[data.transactions[schema.EVENT_TIMESTAMP] < pd.Timestamp(as_of)]

        _step(4, "training the champion (histogram gradient boosting)")
        common = {
            "repo_dir": repo,
            "transactions": history,
            "as_of": as_of,
            "tracking_uri": tracking_uri,
        }
        champion = train_and_register(
            TrainingConfig(**common, model_kind="hist_gbt", seed=seed, run_name="champion")
        )
        console.print(
            f"    v{champion.model_version} {champion.metrics} -> {champion.decision.reason}"
        )

        _step(5, "training a challenger (logistic regression)")
        challenger = train_and_register(
            TrainingConfig(**common, model_kind="logistic", seed=seed, run_name="challenger")
        )
        console.print(
            f"    v{challenger.model_version} {challenger.metrics} -> {challenger.decision.reason}"
        )

        _step(6, "starting the scoring service under uvicorn (champion/challenger 50/50)")
        token = secrets.token_urlsafe(32)
        token_file = out / "secrets" / "serving-token"
        token_file.parent.mkdir(mode=0o700)
        token_file.write_text(token)
        token_file.chmod(0o600)
        log_dir = out / "prediction-log"
        env = {
            "SMP_MLFLOW_TRACKING_URI": tracking_uri,
            "SMP_FEATURE_REPO": str(repo),
            "SMP_PREDICTION_LOG_URI": str(log_dir),
            "SMP_AUTH_TOKEN_FILE": str(token_file),
            "SMP_CHALLENGER_SHARE": "0.5",
        }
        base_url, _ = stack.enter_context(
            scoring_service(env, out / "serving.log", port=free_port())
        )
        console.print(f"    {base_url}")

        traffic = data.transactions[
            data.transactions[schema.EVENT_TIMESTAMP] >= pd.Timestamp(as_of)
        ]
        rng = np.random.default_rng(seed)
        idx = np.sort(rng.choice(len(traffic), size=min(n_requests, len(traffic)), replace=False))
        sample = traffic.iloc[idx]
        # Day by day, in a random order within each day: the replay squeezes ten days
        # into a minute, and in time order every few seconds of it would be a few hours
        # of the day (an hour-of-day "shift" in every streaming window).
        day = sample[schema.EVENT_TIMESTAMP].dt.floor("1D").to_numpy()
        sample = sample.iloc[np.lexsort((rng.random(len(sample)), day))]
        drifted = (sample[schema.EVENT_TIMESTAMP] >= pd.Timestamp(drift_start)).to_numpy()
        n_drifted = int(drifted.sum())
        baseline_path = download_baseline(tracking_uri, "card-fraud", "champion", out / "baseline")
        baseline = read_baseline(baseline_path)
        stream_port = free_port()
        stream_argv = commands.stream_monitor(
            log_uri=str(log_dir),
            model_name="card-fraud",
            baseline=str(baseline_path),
            port=stream_port,
            host="127.0.0.1",
            state=str(out / "stream" / "state.json"),
            out=str(out / "stream"),
            **STREAM_WINDOW,
        )
        stream_log = out / "stream.log"
        monitor = spawn([sys.executable, *stream_argv[1:]], stream_log)
        stream_metrics = f"http://127.0.0.1:{stream_port}/metrics"
        try:
            wait_http(stream_metrics, monitor, timeout=60, log=stream_log)
        except BaseException:
            stop(monitor)
            raise
        _step(
            7,
            f"sending {len(sample)} requests ({n_drifted} after the drift starts), then "
            f"outcomes; the streaming monitor watches the log ({stream_metrics})",
        )
        bodies = [
            {
                "card_id": int(row.card_id),
                "amount": float(row.amount),
                "merchant_category": row.merchant_category,
                "channel": row.channel,
                "hour_of_day": int(row.hour_of_day),
                "distance_from_home_km": float(row.distance_from_home_km),
                "transaction_id": row.transaction_id,
                "_label": int(row.is_fraud),
                "_drifted": bool(is_drifted),
            }
            for row, is_drifted in zip(sample.itertuples(), drifted, strict=True)
        ]
        try:
            results, latencies, failures, first_drifted = asyncio.run(
                _send_traffic(base_url, token, bodies, concurrency)
            )
            # The last windows close `lateness` after the traffic; give them a moment.
            time.sleep(STREAM_WINDOW["sliding_seconds"] / 2 + 2 * STREAM_WINDOW["step_seconds"])
            scraped = _scrape(stream_metrics)
        finally:
            stop(monitor)
        lat_ms = np.array(latencies) * 1000
        console.print(
            f"    {len(results)} ok, {failures} failed; p50 {np.percentile(lat_ms, 50):.1f} ms"
        )
        episodes_file = out / "stream" / "episodes.jsonl"
        events = (
            [json.loads(line) for line in episodes_file.read_text().splitlines()]
            if episodes_file.exists()
            else []
        )
        starts = [e for e in events if e["event"] == "start"]
        overall_starts = [e for e in starts if e["segment"] == "all"]
        # The latency of the alert on what the shift moves: the request's own fields.
        first_alert = min(
            (e["wall"] for e in overall_starts if e["test"] in SHIFTED_FIELDS), default=None
        )
        alert_latency = (
            round(first_alert - first_drifted, 1)
            if first_alert is not None and first_drifted is not None
            else None
        )
        console.print(
            f"    streaming monitor: {len(starts)} episodes opened "
            f"({', '.join(sorted({e['test'] for e in overall_starts})) or 'none overall'}); "
            f"alert on {'/'.join(SHIFTED_FIELDS)} {alert_latency} s after the first "
            "shifted request"
        )

        _step(8, "batch scoring: the traffic window with the champion, point-in-time features")
        batch = _batch_score(tracking_uri, repo, data, as_of, out / "batch-predictions")

        _step(9, "drift reports: before and after the drift starts, vs the training baseline")
        predictions = read_log(str(log_dir), "predictions")
        outcomes = read_log(str(log_dir), "outcomes")
        window = predictions.merge(
            outcomes.drop_duplicates("prediction_id", keep="last")[["prediction_id", "label"]],
            on="prediction_id",
            how="left",
        ).merge(sample[[schema.TRANSACTION_ID, schema.EVENT_TIMESTAMP]], on=schema.TRANSACTION_ID)
        # The baseline's scores are the champion's; the challenger's are not comparable.
        window[schema.SCORE] = np.where(
            window["variant"] == "champion", window[schema.SCORE], np.nan
        )
        reports = out / "reports"
        # The estimate as it would have been known each day, against the labels now in.
        timeline = performance_timeline(baseline, window, schema.EVENT_TIMESTAMP, "1D", "label")
        verdicts: dict[str, Any] = {}
        drift_reports = {}
        for name, part in (
            ("before", window[window[schema.EVENT_TIMESTAMP] < pd.Timestamp(drift_start)]),
            ("after", window[window[schema.EVENT_TIMESTAMP] >= pd.Timestamp(drift_start)]),
        ):
            report = detect_drift(baseline, part, label_column="label")
            drift_reports[name] = report
            write_json(report, reports / f"drift-{name}.json")
            context = ReportContext(
                window_start=f"{part[schema.EVENT_TIMESTAMP].min():%Y-%m-%d %H:%M} UTC",
                window_end=f"{part[schema.EVENT_TIMESTAMP].max():%Y-%m-%d %H:%M} UTC",
                model_version=str(champion.model_version),
                baseline=f"MLflow model card-fraud@champion (version {champion.model_version})",
                baseline_rows=baseline.get("n_rows"),
                decision_threshold=(baseline.get("performance") or {}).get("threshold"),
                notes=[
                    "challenger scores are excluded (the baseline is the champion's)",
                    REPLAY_NOTE,
                ],
                drift_start=str(pd.Timestamp(drift_start)),
            )
            html_path = write_html(
                report,
                reports / f"drift-{name}.html",
                f"Drift ({name} the shift)",
                context=context,
                timeline=timeline,
                png_dir=reports / f"plots-{name}",
            )
            verdicts[name] = {
                "drifted": report.drifted,
                "tests": report.drifted_names,
                "segments": report.drifted_segments,
                "html": str(html_path),
            }
            write_prometheus(report, reports / f"drift-{name}.prom")
            console.print(
                f"    {name}: {'DRIFT' if report.drifted else 'no drift'} {report.drifted_names}"
                f" (+{len(report.drifted_segments)} segment tests)"
            )
        performance = _performance_summary(drift_reports["before"], drift_reports["after"])
        for key, value in performance.items():
            console.print(f"    {key}: {value}")

        _step(10, "A/B analysis on logged outcomes")
        ab = analyse(join_outcomes(predictions, outcomes))
        ab_json = reports / "ab.json"
        ab_json.write_text(json.dumps(ab.as_dict(), indent=2))
        ab_html = write_ab_html(ab, reports / "ab.html", png_dir=reports / "plots-ab")
        console.print(f"    {ab.recommendation}: {ab.reason}")

    summary = {
        "champion_version": champion.model_version,
        "challenger_version": challenger.model_version,
        "champion_roc_auc": round(champion.metrics["roc_auc"], 4),
        "challenger_roc_auc": round(challenger.metrics["roc_auc"], 4),
        "requests_ok": len(results),
        "requests_failed": failures,
        "latency_p50_ms": round(float(np.percentile(lat_ms, 50)), 2),
        "latency_p99_ms": round(float(np.percentile(lat_ms, 99)), 2),
        "drift_before": "drift" if verdicts["before"]["drifted"] else "no drift",
        "drift_after": "drift" if verdicts["after"]["drifted"] else "no drift",
        "drifted_after": verdicts["after"]["tests"],
        "drifted_segment_tests_before": len(verdicts["before"]["segments"]),
        "drifted_segment_tests_after": len(verdicts["after"]["segments"]),
        **performance,
        "stream_episodes_opened": len(starts),
        "stream_alerts_overall": sorted({e["test"] for e in overall_starts}),
        "stream_alert_latency_s": alert_latency,
        "stream_episode_series": len(
            [k for k in scraped if k.startswith("smp_drift_stream_episodes")]
        ),
        "ab_verdict": f"{ab.recommendation} ({ab.reason})",
        "drift_report_before": verdicts["before"]["html"],
        "drift_report_after": verdicts["after"]["html"],
        "ab_report_json": str(ab_json),
        "ab_report_html": str(ab_html),
        "stream_episodes_log": str(episodes_file),
        "prediction_log": str(log_dir),
        "batch_model_version": batch["model_version"],
        "batch_partitions": batch["partitions"],
        "batch_rows": batch["rows"],
        "batch_rows_per_s": batch["rows_per_s"],
        "batch_predictions": batch["out"],
        "elapsed_s": round(time.perf_counter() - started, 1),
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2))
    return summary


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(prog="python -m workloads.demo", description=__doc__)
    parser.add_argument(
        "--out",
        default="build/demo",
        help="output folder: new, empty, or one the demo wrote before (then replaced)",
    )
    parser.add_argument("--cards", type=int, default=1200)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.cards < 100 or args.requests < 100:
        print("error: --cards and --requests must be at least 100", file=sys.stderr)
        return 2
    try:
        # Refused before anything runs; `folder.path` is absolute, as Feast needs (it
        # resolves file sources against the repo dir).
        folder = OwnedOutputFolder.claim(Path(args.out), DEMO_TOOL)
    except OutputFolderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _sigterm)
    # MLflow's INFO chatter (run links, environment inference) drowns the progress output.
    logging.getLogger("mlflow").setLevel(logging.WARNING)
    os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    try:
        summary = run(folder, args.cards, args.requests, args.seed, args.concurrency)
    except KeyboardInterrupt:
        console.print("[red]interrupted; servers stopped[/]")
        return 130
    except OutputFolderError as exc:  # something appeared in the folder since the claim
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        console.print(f"[red]demo failed:[/] {type(exc).__name__}: {exc}")
        return 1
    table = Table(title="Sovereign ML Platform demo")
    table.add_column("item")
    table.add_column("value")
    for key, value in summary.items():
        table.add_row(key, str(value))
    console.print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
