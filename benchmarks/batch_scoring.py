"""Benchmark: batch scoring's rows/s per core against a plain pandas loop, same model.

Both sides score the same transactions with the same registered model:

* ours: ``workloads.batch_scoring.job.run`` end to end (point-in-time features from the
  Feast offline store, encoding, ``predict_proba`` per partition, parquet and manifest
  writes), into a fresh output folder each round;
* the peer: a plain pandas loop over the *already joined* rows (``iterrows``, one
  ``predict_proba`` call per row) — what a notebook would do; it is given the feature
  join for free.

Rows per CPU-second of the process (``time.process_time``: per core, whatever else the
shared machine runs) and wall-clock rows/s, in alternating rounds.

    .venv/bin/python benchmarks/batch_scoring.py [--workdir build/bench-batch]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

from workloads import schema
from workloads.batch_scoring.job import BatchModel, point_in_time_features, run, select_rows
from workloads.data import generate, write_dataset
from workloads.feature_encoding import encode_frame
from workloads.feature_repo import store_config
from workloads.feature_repo.materialization import feast_apply, materialize, open_store
from workloads.serving.registry_models import load_model
from workloads.training.train import TrainingConfig, train_and_register


def main(argv: list[str] | None = None) -> int:
    """Prepare once, then alternate the two sides and print rows/s per core."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workdir", default="build/bench-batch")
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--days", type=int, default=5, help="days of transactions scored")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    workdir = Path(args.workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")
    print("preparing data, feature store and model ...", flush=True)
    start = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    start -= timedelta(days=40)
    data = generate(n_cards=args.cards, days=40, seed=5, start=start)
    source = write_dataset(data, str(workdir / "data"))["card_features"]
    repo = store_config.write_repo(workdir / "repo", store_config.local_config(workdir / "feast"))
    feast_apply(repo, source)
    materialize(repo, start - timedelta(days=1), data.end + timedelta(days=1))
    uri = f"sqlite:///{workdir / 'mlflow.db'}"
    as_of = data.end - timedelta(days=args.days)
    result = train_and_register(
        TrainingConfig(
            repo_dir=repo,
            transactions=data.transactions,
            as_of=as_of,
            tracking_uri=uri,
            artifact_location=str(workdir / "artifacts"),
            eval_days=5,
        )
    )
    served = load_model(uri, "card-fraud", version=result.model_version)
    model = BatchModel("card-fraud", served.version, served.run_id, served.model)
    store = open_store(repo)
    rows = select_rows(data.transactions, as_of, data.end + timedelta(days=1))
    joined = point_in_time_features(store, rows)  # the loop is given the join for free
    print(f"{len(rows)} rows over {args.days} days, model v{model.version}", flush=True)

    def ours() -> tuple[float, float]:
        out = workdir / "out"
        shutil.rmtree(out, ignore_errors=True)
        cpu, wall = time.process_time(), time.perf_counter()
        run(rows, model, store, str(out), progress=lambda _: None)
        return time.process_time() - cpu, time.perf_counter() - wall

    def pandas_loop() -> tuple[float, float]:
        cpu, wall = time.process_time(), time.perf_counter()
        scores = []
        for _, row in joined.iterrows():
            x = encode_frame(row.to_frame().T)
            scores.append(float(model.model.predict_proba(x)[0, 1]))
        out = joined[[schema.TRANSACTION_ID]].assign(score=scores)
        assert len(out) == len(rows)
        return time.process_time() - cpu, time.perf_counter() - wall

    sides = {"batch_scoring": ours, "pandas loop": pandas_loop}
    measured: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
    for n in range(args.rounds):
        order = list(sides) if n % 2 == 0 else list(reversed(sides))
        for name in order:
            measured[name].append(sides[name]())
        print(f"round {n + 1}/{args.rounds} done", flush=True)

    print(
        f"\n{len(rows)} rows, {args.rounds} alternating rounds, {os.cpu_count()} cores "
        "(median of rounds)"
    )
    print(f"{'':16}{'rows/cpu-s':>12}{'rows/s wall':>13}")
    per_core = {}
    for name, values in measured.items():
        per_core[name] = float(np.median([len(rows) / cpu for cpu, _ in values]))
        wall = float(np.median([len(rows) / w for _, w in values]))
        print(f"{name:16}{per_core[name]:12.0f}{wall:13.0f}")
    ratios = [
        len(rows) / a[0] / (len(rows) / b[0])
        for a, b in zip(measured["batch_scoring"], measured["pandas loop"], strict=True)
    ]
    print(
        "rows per core, batch_scoring / pandas loop per round: "
        + ", ".join(f"{r:.1f}x" for r in ratios)
        + f"; median {float(np.median(ratios)):.1f}x"
        " (batch_scoring includes the feature join and the writes)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
