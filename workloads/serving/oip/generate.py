"""Generate the Python gRPC stubs of the Open Inference Protocol from its ``.proto``.

``python -m workloads.serving.oip.generate`` (``make oip-stubs``) rewrites
``grpc_predict_v2_pb2.py`` and ``grpc_predict_v2_pb2_grpc.py`` next to the proto with
grpcio-tools (a dev dependency; the service itself needs only grpcio and protobuf).
The proto is compiled from the repository root, so the stubs import each other as
``workloads.serving.oip...``. A test regenerates them into a temporary folder and
compares, so the committed stubs are always the proto's.
"""

from __future__ import annotations

import sys
from pathlib import Path

PROTO = Path(__file__).resolve().parent / "grpc_predict_v2.proto"
ROOT = PROTO.parents[3]
STUBS = ("grpc_predict_v2_pb2.py", "grpc_predict_v2_pb2_grpc.py")


def generate(out_root: Path) -> list[Path]:
    """Compile the proto into ``out_root`` (mirroring the package path); the stub paths."""
    from grpc_tools import protoc

    out_root.mkdir(parents=True, exist_ok=True)
    relative = PROTO.relative_to(ROOT)
    code = protoc.main(
        [
            "grpc_tools.protoc",
            f"--proto_path={ROOT}",
            f"--python_out={out_root}",
            f"--grpc_python_out={out_root}",
            str(relative),
        ]
    )
    if code != 0:
        raise RuntimeError(f"protoc failed on {relative} with exit code {code}")
    return [out_root / relative.parent / name for name in STUBS]


def main() -> int:
    """Regenerate the committed stubs in place."""
    for path in generate(ROOT):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
