"""Benchmark: the data-parallel MLP trainer on the GPU against the same trainer on the CPU.

The trainer's own functions (workloads/training/ddp.py: the preprocessing with global
statistics, the DDP network and loop, the scikit-learn export that is registered and
served) train the same model from the same seed on the same rows, once on the CPU
(gloo) and once on the first CUDA device (NCCL), each a DDP world of one. It prints
training samples/s side by side and checks that the GPU model scores the held-out
window like the CPU one (metrics within a tolerance: float32 kernels differ, the
arithmetic is the same). Without a CUDA device it says so and runs the CPU part.

The rows are the synthetic card-fraud data with its features already joined (the Feast
join is not what is measured here). Needs torch (the `training` group in .torch-site):

    make bench-gpu
    PYTHONPATH=.torch-site .venv/bin/python benchmarks/gpu_training.py [--cards 4000]

Exit status: 0, or 1 when the GPU's metrics differ from the CPU's beyond --tolerance.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import pandas as pd
from rich.console import Console
from rich.table import Table

from workloads import schema
from workloads.data import generate
from workloads.feature_encoding import encode_frame
from workloads.training import ddp
from workloads.training.dataset import time_split
from workloads.training.mlp_export import N_INPUTS, exported_model
from workloads.training.train import evaluate

START = datetime(2025, 1, 1, tzinfo=UTC)
METRICS = ("roc_auc", "average_precision", "log_loss", "brier")


@dataclass(frozen=True)
class DeviceRun:
    """One device's training: throughput and the held-out metrics of the exported model."""

    device: str
    name: str
    samples_per_second: float
    seconds: float
    steps: int
    metrics: dict[str, float]
    scores: np.ndarray


def training_rows(
    cards: int, days: int, eval_days: float, seed: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(train, held-out) synthetic transactions with their features, split by time."""
    data = generate(n_cards=cards, days=days, seed=seed, start=START)
    rows = data.transactions_with_features.sort_values(
        [schema.EVENT_TIMESTAMP, schema.TRANSACTION_ID], kind="stable"
    ).reset_index(drop=True)
    return time_split(rows, eval_days)


def train_on(
    device: str,
    train: pd.DataFrame,
    held_out: pd.DataFrame,
    params: ddp.DDPParams,
    seed: int,
    warmup_steps: int,
) -> DeviceRun:
    """Train from ``seed`` on ``device`` ("cpu" or "cuda"), time the loop, evaluate the export."""
    torch = ddp.import_torch()
    worker = ddp.start_worker(device)
    try:
        x = encode_frame(train)
        y = train[schema.LABEL].to_numpy(np.float32)
        transformer = ddp.global_preprocessor(worker, x)
        pos_weight = ddp.global_pos_weight(worker, y)
        features = torch.as_tensor(
            transformer.transform(x), dtype=torch.float32, device=worker.device
        )
        labels = torch.as_tensor(y, device=worker.device).unsqueeze(1)
        # Kernels, allocator and (on the GPU) the CUDA context warm up on a throwaway network.
        warm = ddp.build_network(N_INPUTS, params.hidden, seed).to(worker.device)
        ddp.train_loop(
            worker, warm, features, labels, pos_weight, params, seed, max_steps=warmup_steps
        )
        network = ddp.build_network(N_INPUTS, params.hidden, seed).to(worker.device)
        _, report = ddp.train_loop(worker, network, features, labels, pos_weight, params, seed)
        weights, biases = ddp.network_layers(network)
        name = torch.cuda.get_device_name(worker.device) if device == "cuda" else "CPU"
    finally:
        ddp.stop_worker()
    model = exported_model(transformer, weights, biases)
    x_eval, y_eval = encode_frame(held_out), held_out[schema.LABEL].to_numpy()
    return DeviceRun(
        device=device,
        name=name,
        samples_per_second=report.samples / report.seconds,
        seconds=report.seconds,
        steps=report.steps,
        metrics=evaluate(model, x_eval, y_eval),
        scores=model.predict_proba(x_eval)[:, 1],
    )


def _table(runs: list[DeviceRun], train_rows: int, params: ddp.DDPParams) -> Table:
    table = Table(
        title=f"torch_mlp_ddp: {train_rows:,} training rows, {params.epochs} epochs, "
        f"batch {params.batch_size}, hidden {params.hidden}"
    )
    table.add_column("device")
    table.add_column("steps", justify="right")
    table.add_column("seconds", justify="right")
    table.add_column("samples/s", justify="right")
    table.add_column("vs CPU", justify="right")
    for metric in METRICS:
        table.add_column(metric, justify="right")
    cpu = runs[0].samples_per_second
    for run in runs:
        table.add_row(
            f"{run.device} ({run.name})",
            f"{run.steps:,}",
            f"{run.seconds:.2f}",
            f"{run.samples_per_second:,.0f}",
            f"{run.samples_per_second / cpu:.2f}x",
            *(f"{run.metrics[m]:.5f}" for m in METRICS),
        )
    return table


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, default=4000, help="synthetic cards (data size)")
    parser.add_argument("--days", type=int, default=45)
    parser.add_argument("--eval-days", type=float, default=5.0)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=1024)
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--warmup-steps", type=int, default=20)
    parser.add_argument(
        "--tolerance",
        type=float,
        default=2e-3,
        help="largest accepted |GPU - CPU| of each held-out metric",
    )
    args = parser.parse_args(argv)
    console = Console(width=150)  # the table, whole, also when piped to a file
    try:
        torch = ddp.import_torch()
    except ddp.TorchNotInstalled as exc:
        console.print(f"error: {exc}")
        return 2
    params = ddp.DDPParams(hidden=args.hidden, epochs=args.epochs, batch_size=args.batch_size)
    console.print(f"generating {args.cards:,} cards x {args.days} days of transactions ...")
    train, held_out = training_rows(args.cards, args.days, args.eval_days, args.seed)
    console.print(f"torch {torch.__version__}, {torch.get_num_threads()} CPU threads")
    gpu = torch.cuda.is_available()
    if not gpu:
        console.print(
            "[bold yellow]NO GPU: torch.cuda.is_available() is False on this machine; "
            "the GPU part is skipped, only the CPU part runs.[/]"
        )
    runs = [train_on("cpu", train, held_out, params, args.seed, args.warmup_steps)]
    if gpu:
        runs.append(train_on("cuda", train, held_out, params, args.seed, args.warmup_steps))
    console.print(_table(runs, len(train), params))
    if not gpu:
        console.print("GPU vs CPU: not measured (no CUDA device).")
        return 0
    cpu_run, gpu_run = runs
    diffs = {m: abs(gpu_run.metrics[m] - cpu_run.metrics[m]) for m in METRICS}
    score_diff = float(np.max(np.abs(gpu_run.scores - cpu_run.scores)))
    console.print(
        f"GPU {gpu_run.samples_per_second / cpu_run.samples_per_second:.2f}x the CPU's "
        f"samples/s; largest |GPU - CPU| held-out score: {score_diff:.2e}"
    )
    failed = {m: d for m, d in diffs.items() if d > args.tolerance}
    if failed:
        console.print(
            f"[bold red]GPU metrics differ from the CPU's beyond {args.tolerance}: {failed}[/]"
        )
        return 1
    console.print(
        f"GPU metrics match the CPU's within {args.tolerance} "
        f"(largest difference {max(diffs.values()):.2e})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
