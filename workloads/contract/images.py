"""The workload images: one target of workloads/Dockerfile and one registry repository each."""

from __future__ import annotations

# Also the stack config's `images.digests` keys and the ECR/ACR repository names.
IMAGE_NAMES: tuple[str, ...] = (
    "serving",
    "training",
    "feature-store",
    "drift-monitor",
    "registry",
    "batch-scoring",
    "ingestion",
)
