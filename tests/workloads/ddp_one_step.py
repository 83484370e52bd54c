"""Run under ``torchrun``: the trainer's own functions, one step and then a whole run, per rank.

Each rank joins the process group, takes its shard of the training set, builds the
global preprocessing and takes exactly one DDP step; it writes, for the test to
compare: its weights before and after the step, its batch (network inputs and
labels), the loss weight and the transaction ids of its shard. Then it trains a
fresh network for the whole run without a break or a checkpoint: the reference the
killed-and-resumed job must reach. The training set comes joined (a parquet file
the test wrote with the Feast join) so that these workers need not import Feast:
the job's own test covers the join on each rank.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import torch

from workloads import schema
from workloads.feature_encoding import encode_frame
from workloads.training import ddp
from workloads.training.dataset import time_split
from workloads.training.mlp_export import N_INPUTS


def main() -> int:
    parser = argparse.ArgumentParser()
    for flag in ("--training-set", "--out", "--params"):
        parser.add_argument(flag, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--eval-days", type=float, required=True)
    args = parser.parse_args()
    params = ddp.DDPParams.from_mapping(json.loads(args.params))
    train, _ = time_split(pd.read_parquet(args.training_set), args.eval_days)
    worker = ddp.start_worker("cpu")
    try:
        shard = ddp.shard_entities(train, worker.rank, worker.world)
        x_local = encode_frame(shard)
        y_local = shard[schema.LABEL].to_numpy(np.float32)
        transformer = ddp.global_preprocessor(worker, x_local)
        pos_weight = ddp.global_pos_weight(worker, y_local)
        features = torch.as_tensor(transformer.transform(x_local), dtype=torch.float32)
        labels = torch.as_tensor(y_local).unsqueeze(1)
        network = ddp.build_network(N_INPUTS, params.hidden, args.seed)
        before = {k: v.clone() for k, v in network.state_dict().items()}
        state, report = ddp.train_loop(
            worker, network, features, labels, pos_weight, params, args.seed, max_steps=1
        )
        n_common = ddp.common_shard_size(worker, len(x_local))
        batch = ddp.epoch_batches(
            len(x_local), n_common, params.batch_size, args.seed, 0, worker.rank
        )[0]
        reference = ddp.build_network(N_INPUTS, params.hidden, args.seed)
        final, _ = ddp.train_loop(
            worker, reference, features, labels, pos_weight, params, args.seed
        )
        torch.save(
            {
                "rank": worker.rank,
                "world": worker.world,
                "steps": report.steps,
                "before": before,
                "after": network.state_dict(),
                "final": reference.state_dict(),
                "final_step": final.step,
                "final_epoch_loss": final.last_epoch_loss,
                "inputs": features[batch],
                "labels": labels[batch],
                "pos_weight": pos_weight,
                "learning_rate": params.learning_rate,
                "transaction_ids": shard[schema.TRANSACTION_ID].tolist(),
                "n_train": len(train),
            },
            Path(args.out) / f"rank-{worker.rank}.pt",
        )
        assert state.step == 1
    finally:
        ddp.stop_worker()
    return 0


if __name__ == "__main__":
    sys.exit(main())
