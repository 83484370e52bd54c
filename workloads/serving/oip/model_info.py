"""Server and model metadata of the Open Inference Protocol, shared by REST and gRPC."""

from __future__ import annotations

import importlib.metadata
from typing import Any

from workloads.serving.oip.tensors import INPUTS, OUTPUTS

SERVER_NAME = "smp-scoring"
PLATFORM = "scikit-learn"
# Each scored row gets an online-feature read, a sticky A/B variant and a durable log
# record; these server extensions say so to a client that asks.
EXTENSIONS = ("smp-online-features", "smp-ab-assignment", "smp-prediction-log")


def server_version() -> str:
    """The version of the installed project (the image's)."""
    try:
        return importlib.metadata.version("sovereign-ml-platform")
    except importlib.metadata.PackageNotFoundError:
        return "0"


def server_metadata() -> dict[str, Any]:
    """The server metadata object."""
    return {"name": SERVER_NAME, "version": server_version(), "extensions": list(EXTENSIONS)}


def model_metadata(model_name: str, versions: list[str]) -> dict[str, Any]:
    """The model metadata object: every input and output is a ``[-1]`` tensor (one per row)."""
    return {
        "name": model_name,
        "versions": versions,
        "platform": PLATFORM,
        "inputs": [{"name": t.name, "datatype": t.datatype, "shape": [-1]} for t in INPUTS],
        "outputs": [{"name": t.name, "datatype": t.datatype, "shape": [-1]} for t in OUTPUTS],
    }
