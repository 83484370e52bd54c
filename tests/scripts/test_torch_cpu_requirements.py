"""The CPU-only torch requirements the tests install are derived from the training lock."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from scripts.torch_cpu_requirements import (
    OUT,
    TORCH_CPU,
    TORCH_CPU_SHA256,
    TRAINING_LOCK,
    cpu_requirements,
)

WHEEL = Path("/opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl")


def _pins(text: str) -> dict[str, str]:
    return dict(re.findall(r"^([a-z0-9_.-]+)==(\S+)", text, re.M))


def test_the_committed_file_is_what_the_script_derives() -> None:
    assert OUT.read_text() == cpu_requirements(TRAINING_LOCK.read_text())


def test_the_same_release_without_the_cuda_runtime() -> None:
    training, cpu = _pins(TRAINING_LOCK.read_text()), _pins(OUT.read_text())
    assert f"torch=={training['torch']}+cpu" == TORCH_CPU
    assert cpu.pop("torch") == f"{training['torch']}+cpu"
    assert cpu == {
        name: version
        for name, version in training.items()
        if name != "torch" and not name.startswith(("nvidia-", "cuda-", "triton"))
    }
    assert "sympy" in cpu


@pytest.mark.skipif(not WHEEL.exists(), reason="no local CPU wheel of torch on this machine")
def test_the_pinned_hash_is_the_local_wheels() -> None:
    digest = hashlib.sha256(WHEEL.read_bytes()).hexdigest()
    assert digest == TORCH_CPU_SHA256
