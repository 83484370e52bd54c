"""CLI: ``python -m workloads.serving --host 0.0.0.0 --port 8080 [--grpc-port 8081]``.

Serves the JSON API and the Open Inference Protocol over REST on ``--port`` and,
with ``--grpc-port``, the Open Inference Protocol over gRPC. Settings come from the
``SMP_*`` environment variables listed below.

Startup (registry, models, feature store, log) happens before the HTTP server
starts, under a SIGTERM handler of its own: a stop request at any point of startup
ends the process at once (exit 143). The registry gets ``SMP_REGISTRY_TIMEOUT_SECONDS``
to answer; then startup fails with a message naming ``SMP_MLFLOW_TRACKING_URI``.
Exit codes: 0 stopped cleanly, 1 the registry or feature store is unavailable,
2 a setting is wrong (or the model/alias does not exist), 143 stopped during startup.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from types import FrameType
from typing import TYPE_CHECKING

from workloads.serving.settings import BATCH_PROFILES, ServingSettings, SettingsError, settings_help

if TYPE_CHECKING:
    from workloads.serving.components import Components


class _StopRequested(BaseException):
    """SIGTERM arrived while the service was starting."""


def _stop_startup(signum: int, _frame: FrameType | None) -> None:
    raise _StopRequested(signum)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m workloads.serving",
        description=__doc__,
        epilog=settings_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080, help="HTTP port (JSON API, OIP REST)")
    parser.add_argument(
        "--grpc-port",
        type=int,
        default=None,
        help="OIP gRPC port (0: any free port; default: no gRPC listener)",
    )
    parser.add_argument(
        "--batch-profile",
        choices=sorted(BATCH_PROFILES),
        default="cpu",
        help="batching defaults: cpu (no wait) or gpu (bigger batches, 2 ms wait)",
    )
    parser.add_argument("--log-level", default="info")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Validate the settings, load everything, then run uvicorn until SIGTERM/SIGINT."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    previous = signal.signal(signal.SIGTERM, _stop_startup)
    try:
        try:
            settings = ServingSettings.from_env(profile=args.batch_profile)
            settings.read_token()  # fail now, with a clear message, rather than at a request
        except SettingsError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        code, components = _load(settings)
        if components is None:
            return code
    except _StopRequested:
        print("startup interrupted by SIGTERM", file=sys.stderr)
        return 143
    finally:
        signal.signal(signal.SIGTERM, previous)

    import uvicorn

    from workloads.serving.app import create_app

    grpc = None if args.grpc_port is None else (args.host, args.grpc_port)
    loaded: Components = components
    app = create_app(lambda: loaded, grpc_address=grpc)
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        access_log=False,
        timeout_graceful_shutdown=30,
    )
    return 0


def _load(settings: ServingSettings) -> tuple[int, Components | None]:
    from workloads.serving.components import build_components
    from workloads.serving.online_features import FeatureStoreUnavailable
    from workloads.serving.registry_models import ModelNotFound, RegistryError

    try:
        return 0, build_components(settings)
    except ModelNotFound as exc:
        print(f"error: {exc} (SMP_MODEL_NAME={settings.model_name})", file=sys.stderr)
        return 2, None
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2, None
    except RegistryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1, None
    except FeatureStoreUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1, None


if __name__ == "__main__":
    sys.exit(main())
