"""CLI: ``python -m workloads.pipeline STEP``, the retraining pipeline's own steps.

- ``register``: the ``challenger`` alias for a version the training step found better than
  the champion by the margin; writes ``true``/``false`` (does the A/B phase run).
- ``ab-wait``: polls the prediction log for labelled outcomes per variant and Prometheus
  for the challenger's live SLOs; ends with enough outcomes, at the time limit, or at once
  on harm; writes ``wait.json`` and ``harm`` (``true``/``false``).
- ``decide``: promote (champion alias to the challenger), keep or roll back (challenger
  alias removed in both); writes ``decision.json``.
- ``record``: the decision, workflow run, trigger and drift report as model version tags.

Bad arguments or input exit 2 with a message, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from workloads.contract import metrics
from workloads.pipeline.decision import (
    ENOUGH,
    FAILED,
    HARM,
    KEEP,
    NOT_RUN,
    PROMOTE,
    TIMED_OUT,
    decide,
    harm,
)

CHAMPION, CHALLENGER = "champion", "challenger"
WINDOW = "5m"


def _client(tracking_uri: str) -> Any:
    from mlflow import MlflowClient

    return MlflowClient(tracking_uri=tracking_uri, registry_uri=tracking_uri)


def _json_arg(text: str, what: str) -> dict[str, Any]:
    """A JSON object given inline (an Argo output parameter) or as a file path."""
    candidate = Path(text)
    if not text.lstrip().startswith("{") and candidate.is_file():
        text = candidate.read_text()
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{what} is not JSON: {exc}") from exc
    if not isinstance(value, dict):
        raise ValueError(f"{what} must be a JSON object")
    return value


def run_register(args: argparse.Namespace) -> int:
    """The ``challenger`` alias, only for a version that beat the champion by the margin."""
    summary = _json_arg(args.summary, "--summary")
    version = str(summary["model_version"])
    eligible = bool(summary["promotion"]["promoted"])
    client = _client(args.tracking_uri)
    if eligible:
        client.set_registered_model_alias(args.model_name, CHALLENGER, version)
    client.set_model_version_tag(args.model_name, version, "retraining.challenger", str(eligible))
    Path(args.out).write_text("true" if eligible else "false")
    print(f"version {version}: {'challenger' if eligible else 'not a challenger'}")
    return 0


def prometheus_value(url: str, query: str) -> float | None:
    """The first sample of an instant PromQL query; None when the result is empty or NaN."""
    address = f"{url.rstrip('/')}/api/v1/query?{urllib.parse.urlencode({'query': query})}"
    with urllib.request.urlopen(address, timeout=10) as response:  # noqa: S310 - in-cluster URL
        body = json.load(response)
    result = body.get("data", {}).get("result", [])
    if not result:
        return None
    value = float(result[0]["value"][1])
    return None if value != value else value  # NaN: no traffic in the window


def slo_queries(window: str = WINDOW) -> tuple[str, str]:
    """(server-error ratio, challenger p99 latency in seconds) as PromQL. The error counter
    has no variant label, so the ratio is of all scoring requests while the challenger
    serves its share: an error burst it causes shows there at once."""
    errors = metrics.exported_counter(metrics.PREDICTION_ERRORS)
    requests = metrics.exported_counter(metrics.PREDICTION_REQUESTS)
    ratio = f"sum(rate({errors}[{window}])) / sum(rate({requests}[{window}]))"
    p99 = (
        f"histogram_quantile(0.99, sum by (le) "
        f'(rate({metrics.PREDICTION_LATENCY}_bucket{{variant="{CHALLENGER}"}}[{window}])))'
    )
    return ratio, p99


def settled_outcomes(log_uri: str) -> dict[str, int]:
    """Labelled outcomes per variant in the prediction log."""
    from workloads.monitoring.ab_analysis import join_outcomes
    from workloads.serving.prediction_log import read_log

    joined = join_outcomes(read_log(log_uri, "predictions"), read_log(log_uri, "outcomes"))
    if joined.empty:
        return {}
    return {str(k): int(v) for k, v in joined.groupby("variant").size().items()}


def run_ab_wait(args: argparse.Namespace) -> int:
    """Wait for outcomes or the limit; on harm stop at once."""
    ratio_query, p99_query = slo_queries()
    start = time.monotonic()
    outcome, reason, counts = TIMED_OUT, "the time limit passed", {}
    while True:
        ratio = prometheus_value(args.prometheus_url, ratio_query)
        p99 = prometheus_value(args.prometheus_url, p99_query)
        found = harm(ratio, p99, args.max_error_ratio, args.max_p99_seconds)
        if found is not None:
            outcome, reason = HARM, found
            break
        counts = settled_outcomes(args.log_uri)
        if all(counts.get(v, 0) >= args.min_outcomes for v in (CHAMPION, CHALLENGER)):
            outcome, reason = ENOUGH, f"{args.min_outcomes} outcomes per variant"
            break
        if time.monotonic() - start + args.poll_seconds > args.max_duration_seconds:
            break
        time.sleep(args.poll_seconds)
    out = Path(args.out)
    out.write_text(json.dumps({"outcome": outcome, "reason": reason, "outcomes": counts}))
    (out.parent / "harm").write_text("true" if outcome == HARM else "false")
    print(f"{outcome}: {reason}")
    return 0


def run_decide(args: argparse.Namespace) -> int:
    """Move the aliases as the decision says."""
    wait: dict[str, Any] | str
    wait = args.wait if args.wait in (NOT_RUN, FAILED) else _json_arg(args.wait, "--wait")
    analysis = _json_arg(args.analysis, "--analysis") if args.analysis else None
    decision = decide(wait, analysis)
    client = _client(args.tracking_uri)
    from workloads.training.promotion import alias_version

    challenger = alias_version(client, args.model_name, CHALLENGER)
    if challenger is not None:
        if decision.action == PROMOTE:
            client.set_registered_model_alias(args.model_name, CHAMPION, challenger)
        # Promoted, kept or rolled back: the challenger alias goes (serving then restarts).
        client.delete_registered_model_alias(args.model_name, CHALLENGER)
        client.set_model_version_tag(
            args.model_name, challenger, "retraining.decision", decision.action
        )
    result = {**decision.as_dict(), "version": challenger}
    Path(args.out).write_text(json.dumps(result))
    print(f"{decision.action}: {decision.reason}")
    return 0


def run_record(args: argparse.Namespace) -> int:
    """The run's facts on the model version it trained."""
    summary = _json_arg(args.summary, "--summary")
    decision = _json_arg(args.decision, "--decision")
    version = str(summary["model_version"])
    client = _client(args.tracking_uri)
    for key, value in {
        "retraining.workflow": args.workflow,
        "retraining.trigger": args.trigger,
        "retraining.drift_report": args.drift_report or "none",
        "retraining.decision": str(decision.get("action", KEEP)),
        "retraining.reason": str(decision.get("reason", "")),
    }.items():
        client.set_model_version_tag(args.model_name, version, key, value)
    print(f"recorded on version {version}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Dispatch one step."""
    parser = argparse.ArgumentParser(prog="python -m workloads.pipeline")
    steps = parser.add_subparsers(dest="step", required=True)
    register = steps.add_parser("register")
    for p in (register,):
        p.add_argument("--tracking-uri", required=True)
        p.add_argument("--model-name", required=True)
        p.add_argument("--summary", required=True)
        p.add_argument("--out", required=True)
    wait = steps.add_parser("ab-wait")
    wait.add_argument("--prometheus-url", required=True)
    wait.add_argument("--model-name", required=True)
    wait.add_argument("--log-uri", default="")
    wait.add_argument("--min-outcomes", type=int, required=True)
    wait.add_argument("--max-duration-seconds", type=int, required=True)
    wait.add_argument("--poll-seconds", type=int, required=True)
    wait.add_argument("--max-error-ratio", type=float, required=True)
    wait.add_argument("--max-p99-seconds", type=float, required=True)
    wait.add_argument("--out", required=True)
    choose = steps.add_parser("decide")
    choose.add_argument("--tracking-uri", required=True)
    choose.add_argument("--model-name", required=True)
    choose.add_argument("--wait", required=True)
    choose.add_argument("--analysis", default="")
    choose.add_argument("--out", required=True)
    record = steps.add_parser("record")
    for flag in ("tracking-uri", "model-name", "summary", "decision", "workflow", "trigger"):
        record.add_argument(f"--{flag}", required=True)
    record.add_argument("--drift-report", default="")
    args = parser.parse_args(argv)
    if args.step == "ab-wait" and not args.log_uri:
        import os

        args.log_uri = os.environ.get("SMP_PREDICTION_LOG_URI", "")
        if not args.log_uri:
            print("error: --log-uri or SMP_PREDICTION_LOG_URI is required", file=sys.stderr)
            return 2
    runners = {
        "register": run_register,
        "ab-wait": run_ab_wait,
        "decide": run_decide,
        "record": run_record,
    }
    try:
        return runners[args.step](args)
    except (ValueError, KeyError, OSError) as exc:
        print(f"error: {args.step}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
