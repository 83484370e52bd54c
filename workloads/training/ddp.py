"""Data-parallel training of the reference MLP: PyTorch DistributedDataParallel.

One process per GPU (NCCL) or per CPU worker (gloo), launched by ``torchrun`` (the
Indexed Job of ``components/k8s/training.py``) or alone (a world of one):

* every rank reads the settled, labeled transactions and splits them by time
  exactly as the scikit-learn trainer does; rank ``r`` of ``w`` then joins the
  point-in-time features (Feast ``get_historical_features``) of training rows
  ``r, r + w, r + 2w, ...`` only, and rank 0 those of the held-out window;
* the preprocessing statistics and the class balance are all-reduced, so every
  rank scales its shard with the statistics of the whole training set;
* each step every rank takes a batch of the same size from its shard and DDP
  all-reduces (averages) the gradients: one step is a step over the union of
  the ranks' batches, and every rank holds the same weights after it;
* rank 0 checkpoints to the object store (:mod:`workloads.training.checkpoint`)
  every ``checkpoint_every`` steps and after every epoch; a restarted job resumes
  from the newest intact checkpoint and, the data order being a function of
  (seed, epoch, rank), reaches the same weights as an uninterrupted run;
* rank 0 re-hosts the network in scikit-learn (:mod:`workloads.training.mlp_export`),
  evaluates it, and registers it once per training run through the scikit-learn
  trainer's own registration (same signature, baseline and promotion gate).

torch is in the ``training`` dependency group only; it is imported when a
function here runs, so importing this module needs no torch.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import math
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from workloads import schema
from workloads.feature_encoding import encode_frame
from workloads.training.checkpoint import CheckpointStore
from workloads.training.dataset import join_features, time_split, training_entities
from workloads.training.mlp_export import (
    N_INPUTS,
    exported_model,
    numeric_partial_squares,
    numeric_partial_sums,
    numeric_statistics,
    preprocessor,
)

if TYPE_CHECKING:
    from sklearn.compose import ColumnTransformer

    from workloads.training.train import TrainingConfig, TrainingResult

CHECKPOINT_FORMAT = 1
DEVICES = ("auto", "cpu", "cuda")


class TorchNotInstalled(ImportError):
    """PyTorch is needed for this trainer but is not installed."""


class CheckpointMismatch(ValueError):
    """The checkpoint at the given URI belongs to a different training run."""


def import_torch() -> Any:
    """``torch`` and ``torch.distributed``, or :class:`TorchNotInstalled` saying how to get it."""
    try:
        import torch
        import torch.distributed
    except ImportError as exc:
        raise TorchNotInstalled(
            "the data-parallel trainer needs torch, which is in the `training` dependency "
            "group only: use the training image, or `make torch-site` and put .torch-site on "
            "PYTHONPATH (as `make pytest-torch` does)"
        ) from exc
    return torch


@dataclass(frozen=True)
class DDPParams:
    """Hyperparameters of the data-parallel MLP (``--params`` JSON keys)."""

    hidden: int = 64
    epochs: int = 20
    # Rows per rank per step: a step sees batch_size * world_size rows.
    batch_size: int = 128
    learning_rate: float = 1e-3
    # Checkpoint every this many steps (0: only at the end of each epoch).
    checkpoint_every: int = 0

    @classmethod
    def from_mapping(cls, params: Mapping[str, Any]) -> DDPParams:
        """Validated parameters; ``ValueError`` naming the bad key."""
        fields = {f.name: f for f in dataclasses.fields(cls)}
        unknown = sorted(set(params) - set(fields))
        if unknown:
            raise ValueError(
                f"unknown parameters for torch_mlp_ddp: {unknown}; known: {sorted(fields)}"
            )
        values: dict[str, Any] = {}
        for name, value in params.items():
            kind = int if fields[name].type in ("int", int) else float
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or (kind is int and not float(value).is_integer())
            ):
                raise ValueError(
                    f"parameter {name} must be a number ({kind.__name__}), got {value!r}"
                )
            values[name] = kind(value)
        result = cls(**values)
        positive = ("hidden", "epochs", "batch_size", "learning_rate")
        bad = [n for n in positive if getattr(result, n) <= 0]
        if bad or result.checkpoint_every < 0:
            raise ValueError(f"parameters must be positive: {bad or ['checkpoint_every']}")
        return result

    def training_dict(self) -> dict[str, Any]:
        """What determines the trained weights (checkpointing does not)."""
        values = dataclasses.asdict(self)
        values.pop("checkpoint_every")
        return values


# -- process group -------------------------------------------------------------------


@dataclass(frozen=True)
class Worker:
    """This process's place in the job and the device it trains on."""

    rank: int
    world: int
    local_rank: int
    device: Any  # torch.device
    backend: str

    @property
    def is_leader(self) -> bool:
        """Rank 0: reads the held-out window, checkpoints, evaluates and registers."""
        return self.rank == 0


def start_worker(device: str = "auto", env: Mapping[str, str] | None = None) -> Worker:
    """Join the process group torchrun describes in the environment (or form a world of one).

    NCCL when training on CUDA devices, gloo on the CPU.
    """
    torch = import_torch()
    dist = torch.distributed
    env = os.environ if env is None else env
    if device not in DEVICES:
        raise ValueError(f"unknown device {device!r}; choose one of {DEVICES}")
    try:
        rank, world = int(env.get("RANK", "0")), int(env.get("WORLD_SIZE", "1"))
        local_rank = int(env.get("LOCAL_RANK", "0"))
    except ValueError as exc:
        raise ValueError(f"RANK/WORLD_SIZE/LOCAL_RANK must be integers: {exc}") from exc
    cuda = device == "cuda" or (device == "auto" and torch.cuda.is_available())
    if cuda and not torch.cuda.is_available():
        raise ValueError("--device cuda was asked for, but torch sees no CUDA device")
    if cuda:
        if local_rank >= torch.cuda.device_count():
            raise ValueError(
                f"local rank {local_rank} has no GPU: this node has "
                f"{torch.cuda.device_count()}; --nproc-per-node must not exceed it"
            )
        torch.cuda.set_device(local_rank)
        where, backend = torch.device("cuda", local_rank), "nccl"
    else:
        where, backend = torch.device("cpu"), "gloo"
    if not dist.is_initialized():
        if "MASTER_ADDR" in env:
            dist.init_process_group(backend, rank=rank, world_size=world)
        elif world == 1:
            # Alone (no torchrun): a world of one, so the code path is the same DDP one.
            dist.init_process_group(backend, store=dist.HashStore(), rank=0, world_size=1)
        else:
            raise ValueError("WORLD_SIZE > 1 but no MASTER_ADDR: launch with torchrun")
    return Worker(rank=rank, world=world, local_rank=local_rank, device=where, backend=backend)


def stop_worker() -> None:
    """Leave the process group."""
    torch = import_torch()
    if torch.distributed.is_initialized():
        torch.distributed.destroy_process_group()


def _all_reduce(worker: Worker, values: np.ndarray, op: str = "sum") -> np.ndarray:
    torch = import_torch()
    dist = torch.distributed
    tensor = torch.as_tensor(np.asarray(values, dtype=np.float64), device=worker.device)
    dist.all_reduce(tensor, op=dist.ReduceOp.SUM if op == "sum" else dist.ReduceOp.MIN)
    return np.asarray(tensor.cpu().numpy())


def _broadcast_bytes(worker: Worker, data: bytes | None) -> bytes | None:
    """``data`` from rank 0 on every rank, as a byte tensor (no pickle between ranks)."""
    torch = import_torch()
    dist = torch.distributed
    size = torch.tensor(
        [-1 if data is None else len(data)], dtype=torch.int64, device=worker.device
    )
    dist.broadcast(size, src=0)
    if int(size.item()) < 0:
        return None
    if worker.is_leader:
        assert data is not None
        buffer = torch.frombuffer(bytearray(data), dtype=torch.uint8).to(worker.device)
    else:
        buffer = torch.empty(int(size.item()), dtype=torch.uint8, device=worker.device)
    dist.broadcast(buffer, src=0)
    return bytes(buffer.cpu().numpy().tobytes())


def _gather_bytes(worker: Worker, data: bytes) -> list[bytes] | None:
    """Every rank's ``data`` on rank 0 (None elsewhere), as padded byte tensors."""
    torch = import_torch()
    dist = torch.distributed
    size = torch.tensor([len(data)], dtype=torch.int64, device=worker.device)
    sizes = [torch.zeros_like(size) for _ in range(worker.world)]
    dist.all_gather(sizes, size)
    longest = max(int(s.item()) for s in sizes)
    buffer = torch.zeros(longest, dtype=torch.uint8, device=worker.device)
    if data:
        buffer[: len(data)] = torch.frombuffer(bytearray(data), dtype=torch.uint8)
    parts = [torch.empty_like(buffer) for _ in range(worker.world)] if worker.is_leader else None
    dist.gather(buffer, parts, dst=0)
    if parts is None:
        return None
    return [
        bytes(p[: int(n.item())].cpu().numpy().tobytes()) for p, n in zip(parts, sizes, strict=True)
    ]


# -- data ----------------------------------------------------------------------------


@dataclass
class Shard:
    """This rank's share of the point-in-time training set."""

    train: pd.DataFrame  # the rank's training rows, features joined
    held_out: pd.DataFrame | None  # the evaluation window (rank 0 only)
    n_train: int  # training rows over all ranks
    rows_digest: str  # identifies the training rows (a resumed run must see the same)


def shard_entities(entities: pd.DataFrame, rank: int, world: int) -> pd.DataFrame:
    """Rows ``rank, rank + world, ...``: interleaved, so every shard spans the whole period."""
    return entities.iloc[rank::world].reset_index(drop=True)


def load_shard(config: TrainingConfig, worker: Worker) -> Shard:
    """Split by time as the scikit-learn trainer does, then join this rank's features only."""
    from workloads.feature_repo.materialization import open_store

    entities = training_entities(config.transactions, config.as_of)
    train_entities, eval_entities = time_split(entities, config.eval_days)
    if len(train_entities) < worker.world:
        raise ValueError(f"{len(train_entities)} training rows cannot feed {worker.world} ranks")
    digest = hashlib.sha256()
    for column in (schema.TRANSACTION_ID, schema.LABEL):
        digest.update(pd.util.hash_pandas_object(train_entities[column], index=False).to_numpy())
    store = open_store(config.repo_dir)
    mine = join_features(store, shard_entities(train_entities, worker.rank, worker.world))
    held_out = join_features(store, eval_entities) if worker.is_leader else None
    return Shard(
        train=mine, held_out=held_out, n_train=len(train_entities), rows_digest=digest.hexdigest()
    )


def global_preprocessor(worker: Worker, x_local: np.ndarray) -> ColumnTransformer:
    """The input transformer with statistics of the whole training set (two all-reduces)."""
    sums = _all_reduce(worker, numeric_partial_sums(x_local))
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = sums[1] / sums[0]
    squares = _all_reduce(worker, numeric_partial_squares(x_local, mean))
    return preprocessor(numeric_statistics(sums, squares))


def global_pos_weight(worker: Worker, y_local: np.ndarray) -> float:
    """Negatives per positive over all shards: the loss weight that balances the classes."""
    n, positives = _all_reduce(worker, np.array([len(y_local), float(np.sum(y_local))]))
    if positives == 0 or positives == n:
        raise ValueError("the training set needs both positive and negative labels")
    return float((n - positives) / positives)


def common_shard_size(worker: Worker, n_local: int) -> int:
    """The smallest shard's size: the rows every rank uses per epoch."""
    return int(_all_reduce(worker, np.array([n_local]), op="min")[0])


def epoch_batches(
    n_local: int, n_common: int, batch_size: int, seed: int, epoch: int, rank: int
) -> list[np.ndarray]:
    """This rank's batches (row indices into its shard) for ``epoch``.

    A fresh permutation per (seed, epoch, rank), cut to the smallest shard's
    size so every rank takes as many batches, of the same sizes, in lockstep:
    averaging equal-sized batches' gradients is the gradient over their union.
    """
    order = np.random.default_rng([seed, epoch, rank]).permutation(n_local)[:n_common]
    return [order[start : start + batch_size] for start in range(0, n_common, batch_size)]


# -- model ---------------------------------------------------------------------------


def build_network(n_inputs: int, hidden: int, seed: int) -> Any:
    """``Linear -> ReLU -> Linear``: one logit; initialised from ``seed`` alone."""
    torch = import_torch()
    torch.manual_seed(seed)
    return torch.nn.Sequential(
        torch.nn.Linear(n_inputs, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 1)
    )


def network_layers(network: Any) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The ``Linear`` layers' weights and biases as numpy arrays (for the export)."""
    torch = import_torch()
    linears = [m for m in network.modules() if isinstance(m, torch.nn.Linear)]
    weights = [m.weight.detach().cpu().numpy() for m in linears]
    biases = [m.bias.detach().cpu().numpy() for m in linears]
    return weights, biases


@dataclass
class TrainingState:
    """Where training stands: the next (epoch, batch) to run and the steps taken."""

    epoch: int = 0
    batch: int = 0
    step: int = 0
    done: bool = False
    # The current epoch's loss summed over its rows on all ranks, up to the last checkpoint.
    epoch_loss_sum: float = 0.0
    last_epoch_loss: float = math.nan


@dataclass
class LoopReport:
    """What one call of :func:`train_loop` did (for logs and the benchmark)."""

    steps: int
    samples: int
    seconds: float
    resumed_at_step: int


def _checkpoint_payload(
    state: TrainingState, fingerprint: dict[str, Any], network: Any, optimizer: Any
) -> bytes:
    torch = import_torch()
    buffer = io.BytesIO()
    torch.save(
        {
            "format": CHECKPOINT_FORMAT,
            "fingerprint": fingerprint,
            "state": dataclasses.asdict(state),
            "model": network.state_dict(),
            "optimizer": optimizer.state_dict(),
        },
        buffer,
    )
    return buffer.getvalue()


def read_checkpoint(payload: bytes, device: Any = "cpu") -> dict[str, Any]:
    """A checkpoint's content; ``torch.load(weights_only=True)``: tensors and plain data only."""
    torch = import_torch()
    content = torch.load(io.BytesIO(payload), map_location=device, weights_only=True)
    if not isinstance(content, dict) or content.get("format") != CHECKPOINT_FORMAT:
        raise CheckpointMismatch(
            f"the checkpoint is not a torch_mlp_ddp checkpoint of format {CHECKPOINT_FORMAT}"
        )
    return content


def train_loop(
    worker: Worker,
    network: Any,
    features: Any,
    labels: Any,
    pos_weight: float,
    params: DDPParams,
    seed: int,
    *,
    state: TrainingState | None = None,
    optimizer_state: dict[str, Any] | None = None,
    save: Any = None,
    max_steps: int | None = None,
) -> tuple[TrainingState, LoopReport]:
    """Run (or resume) the data-parallel optimisation of ``network`` in place.

    ``features``/``labels`` are this rank's shard as tensors on the worker's device;
    ``save(state, network, optimizer)`` is called at each checkpoint (every
    ``checkpoint_every`` steps and at each epoch's end) on every rank (the caller
    writes on rank 0 only); ``max_steps`` stops early (tests take one step).
    """
    torch = import_torch()
    from torch.nn.parallel import DistributedDataParallel

    state = dataclasses.replace(state) if state is not None else TrainingState()
    resumed_at = state.step
    model = DistributedDataParallel(
        network, device_ids=[worker.local_rank] if worker.device.type == "cuda" else None
    )
    optimizer = torch.optim.Adam(model.parameters(), lr=params.learning_rate)
    if optimizer_state is not None:
        optimizer.load_state_dict(optimizer_state)
    loss_fn = torch.nn.BCEWithLogitsLoss(
        pos_weight=torch.tensor([pos_weight], dtype=torch.float32, device=worker.device)
    )
    n_local = int(features.shape[0])
    n_common = common_shard_size(worker, n_local)
    steps = samples = 0
    started = time.perf_counter()
    while not state.done and state.epoch < params.epochs:
        batches = epoch_batches(
            n_local, n_common, params.batch_size, seed, state.epoch, worker.rank
        )
        order = torch.as_tensor(np.concatenate(batches), device=worker.device)
        bounds = np.cumsum([0, *(len(b) for b in batches)])
        # This rank's loss since the last checkpoint, kept on the device (no sync per step).
        local_loss = torch.zeros((), dtype=torch.float64, device=worker.device)
        for batch in range(state.batch, len(batches)):
            index = order[bounds[batch] : bounds[batch + 1]]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(features[index]), labels[index])
            loss.backward()  # DDP all-reduces (averages) the gradients here
            optimizer.step()
            local_loss += loss.detach().double() * len(index)
            state.batch, state.step = batch + 1, state.step + 1
            steps += 1
            samples += len(index) * worker.world
            epoch_end = state.batch == len(batches)
            every = params.checkpoint_every
            # Checkpoint steps are the same on every rank: each joins this all-reduce.
            if epoch_end or (every and state.step % every == 0):
                state.epoch_loss_sum += float(_all_reduce(worker, np.array([local_loss.item()]))[0])
                local_loss.zero_()
                if epoch_end:
                    state.last_epoch_loss = state.epoch_loss_sum / (n_common * worker.world)
                    state.epoch, state.batch, state.epoch_loss_sum = state.epoch + 1, 0, 0.0
                    state.done = state.epoch >= params.epochs
                if save is not None:
                    save(state, network, optimizer)
            if max_steps is not None and steps >= max_steps:
                return state, LoopReport(steps, samples, time.perf_counter() - started, resumed_at)
    if worker.device.type == "cuda":
        torch.cuda.synchronize(worker.device)
    return state, LoopReport(steps, samples, time.perf_counter() - started, resumed_at)


# -- the training job ----------------------------------------------------------------


def _fingerprint(
    config: TrainingConfig, params: DDPParams, worker: Worker, shard: Shard
) -> dict[str, Any]:
    return {
        "model_kind": config.model_kind,
        "seed": config.seed,
        "as_of": config.as_of.isoformat(),
        "eval_days": config.eval_days,
        "params": json.dumps(params.training_dict(), sort_keys=True),
        "world_size": worker.world,
        "train_rows": shard.n_train,
        "rows_digest": shard.rows_digest,
        "feature_order": ",".join(schema.MODEL_FEATURES),
    }


def _gather_train_rows(worker: Worker, shard: Shard) -> pd.DataFrame | None:
    """All ranks' training rows on rank 0, in training order (for the baseline statistics)."""
    columns = [schema.TRANSACTION_ID, schema.EVENT_TIMESTAMP, *schema.MODEL_FEATURES, schema.LABEL]
    buffer = io.BytesIO()
    shard.train[columns].to_parquet(buffer, index=False)
    parts = _gather_bytes(worker, buffer.getvalue())
    if parts is None:
        return None
    rows = pd.concat([pd.read_parquet(io.BytesIO(p)) for p in parts], ignore_index=True)
    rows = rows.sort_values([schema.EVENT_TIMESTAMP, schema.TRANSACTION_ID], kind="stable")
    return rows.reset_index(drop=True)


def _resolve_as_of(
    config: TrainingConfig, as_of_given: bool, checkpoint: dict[str, Any] | None, uri: str | None
) -> TrainingConfig:
    if checkpoint is None:
        return config
    saved = datetime.fromisoformat(checkpoint["fingerprint"]["as_of"])
    if not as_of_given:
        # A restarted job resumes the training set it started with, not "now".
        return dataclasses.replace(config, as_of=saved)
    if saved != config.as_of:
        raise CheckpointMismatch(
            f"the checkpoint at {uri} trains as of {saved.isoformat()}, this run as of "
            f"{config.as_of.isoformat()}: resume without --as-of or use another "
            "--checkpoint-uri"
        )
    return config


def train_ddp_and_register(
    config: TrainingConfig,
    params: DDPParams,
    *,
    checkpoint_uri: str | None = None,
    checkpoint_kms_key: str | None = None,
    as_of_given: bool = True,
    device: str = "auto",
) -> TrainingResult | None:
    """The ``torch_mlp_ddp`` training job on this rank; rank 0 returns the registration.

    With ``checkpoint_uri`` the job resumes from the newest checkpoint there (a
    checkpoint of another run is refused: :class:`CheckpointMismatch`) and a job
    restarted after training registers the model once.
    """
    from workloads.training.train import register_once

    torch = import_torch()
    worker = start_worker(device)
    try:
        store = CheckpointStore(checkpoint_uri, checkpoint_kms_key) if checkpoint_uri else None
        latest = store.latest() if store is not None and worker.is_leader else None
        payload = _broadcast_bytes(worker, latest.payload if latest is not None else None)
        checkpoint = read_checkpoint(payload, worker.device) if payload is not None else None
        config = _resolve_as_of(config, as_of_given, checkpoint, checkpoint_uri)
        shard = load_shard(config, worker)
        fingerprint = _fingerprint(config, params, worker, shard)
        if checkpoint is not None and checkpoint["fingerprint"] != fingerprint:
            differ = sorted(
                k for k in fingerprint if checkpoint["fingerprint"].get(k) != fingerprint[k]
            )
            raise CheckpointMismatch(
                f"the checkpoint at {checkpoint_uri} is of another training run (differs in "
                f"{differ}): use a fresh --checkpoint-uri for a new run"
            )
        x_local = encode_frame(shard.train)
        y_local = shard.train[schema.LABEL].to_numpy(np.float32)
        transformer = global_preprocessor(worker, x_local)
        pos_weight = global_pos_weight(worker, y_local)
        features = torch.as_tensor(
            transformer.transform(x_local), dtype=torch.float32, device=worker.device
        )
        labels = torch.as_tensor(y_local, device=worker.device).unsqueeze(1)
        network = build_network(N_INPUTS, params.hidden, config.seed).to(worker.device)
        state, optimizer_state = TrainingState(), None
        if checkpoint is not None:
            network.load_state_dict(checkpoint["model"])
            state = TrainingState(**checkpoint["state"])
            optimizer_state = checkpoint["optimizer"]
            if worker.is_leader:
                print(
                    f"resuming from the checkpoint of step {state.step} (epoch {state.epoch}, "
                    f"batch {state.batch}) at {checkpoint_uri}",
                    flush=True,
                )

        def save(at: TrainingState, net: Any, optimizer: Any) -> None:
            if store is not None and worker.is_leader:
                store.save(at.step, _checkpoint_payload(at, fingerprint, net, optimizer))

        state, report = train_loop(
            worker,
            network,
            features,
            labels,
            pos_weight,
            params,
            config.seed,
            state=state,
            optimizer_state=optimizer_state,
            save=save,
        )
        if worker.is_leader and report.steps:
            print(
                f"trained {report.steps} steps on {worker.world} rank(s) ({worker.backend}, "
                f"{worker.device.type}): {report.samples / max(report.seconds, 1e-9):,.0f} "
                f"samples/s",
                flush=True,
            )
        all_train = _gather_train_rows(worker, shard)
        if not worker.is_leader:
            return None
        assert all_train is not None
        assert shard.held_out is not None
        weights, biases = network_layers(network)
        model = exported_model(transformer, weights, biases)
        key = hashlib.sha256(json.dumps(fingerprint, sort_keys=True).encode()).hexdigest()[:32]
        extra = {f"ddp.{k}": v for k, v in dataclasses.asdict(params).items()}
        extra.update(
            {
                "ddp.world_size": worker.world,
                "ddp.backend": worker.backend,
                "ddp.device": worker.device.type,
                "ddp.final_epoch_loss": state.last_epoch_loss,
            }
        )
        return register_once(config, model, all_train, shard.held_out, key, extra)
    finally:
        stop_worker()
