"""The CPU-only torch requirements the tests install are derived from the training lock.

The pinned sha256 of the CPU wheel needs no test of its own: `make pytest-torch` installs
it with `uv pip install --require-hashes`, which refuses a wheel whose digest differs."""

from __future__ import annotations

import re

from scripts.torch_cpu_requirements import (
    OUT,
    TORCH_CPU,
    TRAINING_LOCK,
    cpu_requirements,
)


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
