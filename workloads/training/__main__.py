"""CLI: ``python -m workloads.training`` trains, registers and (maybe) promotes one model."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from workloads.contract.commands import CHECKPOINT_KMS_KEY_ENV, TORCH_DDP_MODEL_KIND
from workloads.training.model import MODEL_KINDS

if TYPE_CHECKING:
    import pandas as pd

# The scikit-learn kinds train on rank 0 only; the data-parallel kind trains on every rank.
TRAINER_KINDS = (*MODEL_KINDS, TORCH_DDP_MODEL_KIND)
DEVICES = ("auto", "cpu", "cuda")  # workloads/training/ddp.py DEVICES


def distributed_rank(env: dict[str, str] | None = None) -> tuple[int, int]:
    """(global rank, world size) from torchrun's environment; (0, 1) outside torchrun."""
    env = dict(os.environ) if env is None else env
    try:
        return int(env.get("RANK", "0")), int(env.get("WORLD_SIZE", "1"))
    except ValueError as exc:
        raise SystemExit(f"error: RANK/WORLD_SIZE must be integers: {exc}") from exc


def read_transactions(uri: str) -> pd.DataFrame:
    """The labeled transactions parquet at ``uri``: a local path, ``s3://`` or ``abfss://``."""
    import io

    import pandas as pd

    from workloads import object_store

    location = object_store.parse_uri(uri)
    if isinstance(location, object_store.LocalPath):
        return pd.read_parquet(location.path)
    # Downloaded through the object store (workload identity / IAM role) rather than
    # pandas' fsspec URLs, which would need s3fs or adlfs.
    return pd.read_parquet(io.BytesIO(object_store.read_bytes(uri)))


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m workloads.training", description=__doc__)
    parser.add_argument("--feature-repo", required=True, help="applied Feast repo directory")
    parser.add_argument("--transactions", required=True, help="labeled transactions (parquet)")
    parser.add_argument("--tracking-uri", required=True)
    parser.add_argument("--as-of", help="ISO timestamp; default now (UTC)")
    parser.add_argument("--model-kind", choices=TRAINER_KINDS, default="hist_gbt")
    parser.add_argument("--params", default="{}", help="JSON hyperparameters")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--eval-days", type=float, default=7.0)
    parser.add_argument("--model-name", default="card-fraud")
    parser.add_argument("--metric", default="roc_auc")
    parser.add_argument("--margin", type=float, default=0.005)
    parser.add_argument(
        "--checkpoint-uri",
        help=f"{TORCH_DDP_MODEL_KIND}: checkpoint folder (local path, s3://, abfss://); a "
        "restarted job resumes from it",
    )
    parser.add_argument(
        "--device",
        choices=DEVICES,
        default="auto",
        help=f"{TORCH_DDP_MODEL_KIND}: auto is CUDA (NCCL) when torch sees a GPU, else CPU (gloo)",
    )
    parser.add_argument(
        "--register-only",
        action="store_true",
        help="register and judge against the champion, move no alias (the retraining pipeline)",
    )
    parser.add_argument("--summary-out", help="also write the JSON summary to this file")
    args = parser.parse_args(argv)
    rank, world = distributed_rank()
    if args.model_kind == TORCH_DDP_MODEL_KIND:
        return _data_parallel(args, rank)
    if args.checkpoint_uri and rank == 0:
        print(
            f"note: --checkpoint-uri is for {TORCH_DDP_MODEL_KIND}; {args.model_kind} "
            "trains in one pass and does not checkpoint"
        )
    if rank != 0:
        # The reference trainers (scikit-learn) are single-process: under torchrun only
        # rank 0 trains and registers, so a distributed launch never registers twice.
        print(f"rank {rank} of {world}: the {args.model_kind} trainer runs on rank 0 only")
        return 0
    try:
        from workloads.training.train import TrainingConfig, summary_json, train_and_register

        as_of = datetime.fromisoformat(args.as_of) if args.as_of else datetime.now(UTC)
        as_of = as_of.replace(tzinfo=UTC) if as_of.tzinfo is None else as_of
        config = TrainingConfig(
            repo_dir=Path(args.feature_repo),
            transactions=read_transactions(args.transactions),
            as_of=as_of,
            tracking_uri=args.tracking_uri,
            model_kind=args.model_kind,
            params=json.loads(args.params),
            seed=args.seed,
            eval_days=args.eval_days,
            model_name=args.model_name,
            promotion_metric=args.metric,
            promotion_margin=args.margin,
            register_only=args.register_only,
        )
        summary = summary_json(train_and_register(config))
        print(summary)
        if args.summary_out:
            Path(args.summary_out).write_text(summary)
    except (ValueError, KeyError, FileNotFoundError, json.JSONDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def _data_parallel(args: argparse.Namespace, rank: int) -> int:
    """Every rank trains its shard; rank 0 prints the registration summary."""
    try:
        from workloads import object_store
        from workloads.training.ddp import (
            DDPParams,
            TorchNotInstalled,
            import_torch,
            train_ddp_and_register,
        )
        from workloads.training.train import TrainingConfig, summary_json

        # What can be wrong with the arguments is found before any data is read.
        params = DDPParams.from_mapping(_json_object(args.params))
        if args.checkpoint_uri:
            object_store.parse_uri(args.checkpoint_uri)
        import_torch()
        as_of = datetime.fromisoformat(args.as_of) if args.as_of else datetime.now(UTC)
        as_of = as_of.replace(tzinfo=UTC) if as_of.tzinfo is None else as_of
        config = TrainingConfig(
            repo_dir=Path(args.feature_repo),
            transactions=read_transactions(args.transactions),
            as_of=as_of,
            tracking_uri=args.tracking_uri,
            model_kind=args.model_kind,
            seed=args.seed,
            eval_days=args.eval_days,
            model_name=args.model_name,
            promotion_metric=args.metric,
            promotion_margin=args.margin,
        )
        result = train_ddp_and_register(
            config,
            params,
            checkpoint_uri=args.checkpoint_uri,
            checkpoint_kms_key=os.environ.get(CHECKPOINT_KMS_KEY_ENV) or None,
            as_of_given=args.as_of is not None,
            device=args.device,
        )
    except TorchNotInstalled as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (ValueError, KeyError, FileNotFoundError) as exc:
        print(f"error (rank {rank}): {exc}", file=sys.stderr)
        return 2
    if result is not None:
        print(summary_json(result))
    return 0


def _json_object(text: str) -> dict[str, object]:
    value = json.loads(text)
    if not isinstance(value, dict):
        raise ValueError(f"--params must be a JSON object, got {text!r}")
    return value


if __name__ == "__main__":
    sys.exit(main())
