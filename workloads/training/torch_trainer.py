"""Optional PyTorch trainer: a small MLP on the encoded features, on a GPU when one is present.

Not used by the demo; torch is not part of the project lock.  Install a torch
build that matches the node (CPU or CUDA) in the training image to use it.
Weights are saved as a plain state dict and must be loaded with
``torch.load(..., weights_only=True)`` (no arbitrary pickle).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np


class TorchNotInstalled(ImportError):
    """PyTorch is needed for this trainer but is not installed."""


def _torch() -> Any:
    try:
        import torch
    except ImportError as exc:
        raise TorchNotInstalled(
            "the PyTorch trainer needs torch, which is not in the project lock; install a build "
            "for this machine (e.g. `uv pip install torch`) or use the scikit-learn trainer"
        ) from exc
    return torch


@dataclass
class TorchFraudModel:
    """A fitted MLP with the scaling it was trained with."""

    network: Any
    mean: np.ndarray
    scale: np.ndarray
    device: str

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities, shaped like scikit-learn's ``predict_proba``."""
        torch = _torch()
        z = (np.nan_to_num(x, nan=0.0) - self.mean) / self.scale
        with torch.no_grad():
            logits = self.network(torch.as_tensor(z, dtype=torch.float32, device=self.device))
            p = torch.sigmoid(logits).squeeze(1).cpu().numpy()
        return np.column_stack([1 - p, p])


def train_mlp(
    x: np.ndarray, y: np.ndarray, seed: int = 0, epochs: int = 20, batch_size: int = 512
) -> TorchFraudModel:
    """Fit a two-layer MLP with class-balanced loss; uses CUDA when available."""
    torch = _torch()
    torch.manual_seed(seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    x = np.nan_to_num(np.asarray(x, dtype=np.float64), nan=0.0)
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    features = torch.as_tensor((x - mean) / scale, dtype=torch.float32, device=device)
    labels = torch.as_tensor(np.asarray(y, dtype=np.float32), device=device).unsqueeze(1)
    network = torch.nn.Sequential(
        torch.nn.Linear(x.shape[1], 64), torch.nn.ReLU(), torch.nn.Linear(64, 1)
    ).to(device)
    positives = float(labels.sum().item())
    pos_weight = torch.tensor([(len(y) - positives) / max(positives, 1.0)], device=device)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimiser = torch.optim.Adam(network.parameters(), lr=1e-3)
    generator = torch.Generator(device="cpu").manual_seed(seed)
    for _ in range(epochs):
        order = torch.randperm(len(features), generator=generator).to(device)
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            optimiser.zero_grad()
            loss_fn(network(features[batch]), labels[batch]).backward()
            optimiser.step()
    network.eval()
    return TorchFraudModel(network=network, mean=mean, scale=scale, device=device)
