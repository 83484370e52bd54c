"""Load registered models (by alias or version) from the MLflow registry, within a bounded time.

MLflow's HTTP client retries a failing request with exponential backoff (7
retries, 120 s timeout each, by default): a registry that is down would hold a
starting service for many minutes and then surface as a generic error.  Here the
registry is probed first with a short timeout until ``timeout`` runs out, MLflow's
own retries are bounded by the same budget, and its errors are told apart:
a missing model or alias is :class:`ModelNotFound`, a refused login is
:class:`RegistryAccessDenied`, anything else is :class:`RegistryUnavailable` —
each message names ``SMP_MLFLOW_TRACKING_URI`` and the URI (without credentials).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from workloads.safe_model_io import load_mlflow_model_dir

TRACKING_URI_ENV = "SMP_MLFLOW_TRACKING_URI"
# Model downloads happen at startup; progress bars only clutter the service log.
os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")
# MLflow error codes that mean "no such model / alias / version" rather than a failure.
_MISSING_CODES = {"RESOURCE_DOES_NOT_EXIST", "INVALID_PARAMETER_VALUE"}
_DENIED_CODES = {"PERMISSION_DENIED", "UNAUTHENTICATED"}


class RegistryError(RuntimeError):
    """The model could not be loaded from the registry."""


class RegistryUnavailable(RegistryError):
    """The registry did not answer (down, unreachable, timing out, failing)."""


class RegistryAccessDenied(RegistryError):
    """The registry refused our credentials."""


class ModelNotFound(RegistryError):
    """The registry answered: no such model, alias or version."""


@dataclass(frozen=True)
class ServedModel:
    """A loaded model and the registry version it came from."""

    alias: str
    version: str
    run_id: str
    model: Any


def redact(uri: str) -> str:
    """``uri`` without any user:password part."""
    parts = urlsplit(uri)
    if parts.username is None and parts.password is None:
        return uri
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def probe_registry(tracking_uri: str, timeout: float) -> None:
    """Wait until an HTTP(S) registry answers at all (any status), at most ``timeout`` s.

    Database and file URIs are not probed: they fail fast on their own.
    """
    if urlsplit(tracking_uri).scheme.lower() not in ("http", "https"):
        return
    import httpx

    deadline = time.monotonic() + timeout
    last = "no answer"
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        try:
            # verify: the MLflow client's own CA setting, if any (in-cluster CA bundle).
            verify: Any = os.environ.get("MLFLOW_TRACKING_SERVER_CERT_PATH") or True
            httpx.get(
                tracking_uri.rstrip("/") + "/health",
                timeout=min(5.0, max(remaining, 0.1)),
                verify=verify,
            )
            return
        except httpx.HTTPError as exc:
            last = type(exc).__name__
        time.sleep(min(0.5, max(deadline - time.monotonic(), 0)))
    raise RegistryUnavailable(
        f"the model registry at {TRACKING_URI_ENV}={redact(tracking_uri)} did not answer "
        f"within {timeout:g}s ({last}); check the URI and that the registry is up"
    )


@contextmanager
def bounded_mlflow_http(timeout: float) -> Iterator[None]:
    """MLflow's HTTP retries and per-request timeout bounded by ``timeout`` seconds."""
    wanted = {
        "MLFLOW_HTTP_REQUEST_MAX_RETRIES": "1",
        # MLflow reads this one as an integer (a float string raises ValueError).
        "MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR": "1",
        "MLFLOW_HTTP_REQUEST_TIMEOUT": str(max(1, int(timeout))),
    }
    saved = {k: os.environ.get(k) for k in wanted}
    os.environ.update(wanted)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _classify(exc: Exception, tracking_uri: str, what: str) -> RegistryError:
    code = str(getattr(exc, "error_code", ""))
    where = f"{TRACKING_URI_ENV}={redact(tracking_uri)}"
    if code in _MISSING_CODES:
        return ModelNotFound(f"{what} does not exist in the registry at {where}")
    if code in _DENIED_CODES:
        return RegistryAccessDenied(
            f"the registry at {where} refused our credentials while reading {what} ({code})"
        )
    return RegistryUnavailable(
        f"the registry at {where} failed while reading {what}: {type(exc).__name__}"
        + (f" ({code})" if code else "")
    )


def _download(client: Any, tracking_uri: str, model_name: str, version: str) -> Any:
    import mlflow.artifacts

    with tempfile.TemporaryDirectory() as tmp:
        local = mlflow.artifacts.download_artifacts(
            artifact_uri=client.get_model_version_download_uri(model_name, version),
            dst_path=tmp,
            tracking_uri=tracking_uri,
        )
        return load_mlflow_model_dir(Path(local))


def load_model(
    tracking_uri: str,
    model_name: str,
    *,
    alias: str | None = None,
    version: str | None = None,
    timeout: float = 30.0,
) -> ServedModel:
    """The version behind ``alias`` (or ``version``) loaded with the safe skops loader.

    Raises :class:`ModelNotFound`, :class:`RegistryAccessDenied` or
    :class:`RegistryUnavailable`; the whole call is bounded by about ``timeout`` seconds
    plus the artifact download.
    """
    from mlflow import MlflowClient
    from mlflow.exceptions import MlflowException

    if (alias is None) == (version is None):
        raise ValueError("give exactly one of alias or version")
    what = f"model {model_name!r} " + (f"alias {alias!r}" if alias else f"version {version}")
    probe_registry(tracking_uri, timeout)
    client = MlflowClient(tracking_uri=tracking_uri, registry_uri=tracking_uri)
    with bounded_mlflow_http(timeout):
        try:
            if alias is not None:
                mv = client.get_model_version_by_alias(model_name, alias)
            else:
                mv = client.get_model_version(model_name, str(version))
            model = _download(client, tracking_uri, model_name, str(mv.version))
        except MlflowException as exc:
            raise _classify(exc, tracking_uri, what) from exc
        except OSError as exc:  # connection errors below MLflow's own wrapping
            raise RegistryUnavailable(
                f"the registry at {TRACKING_URI_ENV}={redact(tracking_uri)} failed while "
                f"reading {what}: {type(exc).__name__}"
            ) from exc
    return ServedModel(
        alias=alias or "", version=str(mv.version), run_id=str(mv.run_id), model=model
    )


def load_alias(
    tracking_uri: str, model_name: str, alias: str, timeout: float = 30.0
) -> ServedModel | None:
    """The version behind ``alias``; None only when the alias (or model) does not exist."""
    try:
        return load_model(tracking_uri, model_name, alias=alias, timeout=timeout)
    except ModelNotFound:
        return None
