"""Serve a prometheus_client multiprocess directory on a plain metrics port.

MLflow's ``--expose-prometheus DIR`` records its request metrics in DIR
(prometheus_client multiprocess mode) and serves them on ``/metrics`` of the
tracking server, behind the basic-auth app, which (failing closed) lets only the
admin read it. Prometheus should not hold the registry admin's password, so a
sidecar runs this module over the shared DIR and serves the same metrics on the
namespace's metrics port, where the platform's NetworkPolicies let only
Prometheus in.

``python -m workloads.metrics_exporter --dir /tmp/metrics --port 9090``
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from pathlib import Path

from prometheus_client import CollectorRegistry, start_http_server
from prometheus_client.multiprocess import MultiProcessCollector


def registry_of(directory: Path) -> CollectorRegistry:
    """A registry that reads the multiprocess files in ``directory`` on every scrape."""
    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=str(directory))
    return registry


def main(argv: list[str] | None = None, stop: threading.Event | None = None) -> int:
    """Serve until ``stop`` is set (forever in a container)."""
    parser = argparse.ArgumentParser(prog="python -m workloads.metrics_exporter")
    parser.add_argument("--dir", required=True, help="prometheus_client multiprocess dir")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="0.0.0.0")  # noqa: S104 - a pod's metrics port
    args = parser.parse_args(argv)
    directory = Path(args.dir)
    # The server creates the directory when it starts; the sidecar may start first.
    directory.mkdir(parents=True, exist_ok=True)
    if not os.access(directory, os.R_OK | os.X_OK):
        print(f"error: cannot read the metrics directory {directory}", file=sys.stderr)
        return 2
    server, thread = start_http_server(args.port, addr=args.host, registry=registry_of(directory))
    print(f"serving {directory} on {args.host}:{args.port}/metrics", flush=True)
    (stop or threading.Event()).wait()
    server.shutdown()
    thread.join(timeout=5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
