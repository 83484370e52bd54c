"""CLI: ``python -m workloads.serving --host 0.0.0.0 --port 8080`` (settings from SMP_* env)."""

from __future__ import annotations

import argparse
import logging
import sys

from workloads.serving.settings import ServingSettings, SettingsError


def main(argv: list[str] | None = None) -> int:
    """Validate the settings, then run the app under uvicorn until SIGTERM/SIGINT."""
    parser = argparse.ArgumentParser(prog="python -m workloads.serving", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--log-level", default="info")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    try:
        settings = ServingSettings.from_env()
        settings.read_token()  # fail now, with a clear message, rather than at the first request
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    import uvicorn

    from workloads.serving.app import build_components, create_app

    app = create_app(lambda: build_components(settings))
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        access_log=False,
        timeout_graceful_shutdown=30,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
