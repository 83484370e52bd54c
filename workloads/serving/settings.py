"""Serving configuration from the environment (the Deployment sets these).

:data:`SETTINGS` is the one table of ``SMP_*`` variables: :meth:`ServingSettings.from_env`
reads them and ``python -m workloads.serving --help`` lists them from it.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path


class SettingsError(ValueError):
    """A serving setting is missing or invalid."""


@dataclass(frozen=True)
class Setting:
    """One environment variable: its name, default (None: required or unset) and meaning."""

    env: str
    default: str | None
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "SMP_MLFLOW_TRACKING_URI",
        None,
        "MLflow tracking/registry URI (required; MLFLOW_TRACKING_URI is the fallback)",
    ),
    Setting("SMP_FEATURE_REPO", None, "Feast feature repo folder (required)"),
    Setting(
        "SMP_PREDICTION_LOG_URI",
        None,
        "prediction log: a folder, s3://bucket/prefix or abfss://... (required)",
    ),
    Setting("SMP_PREDICTION_LOG_SPOOL", None, "local spool folder for an object-store log"),
    Setting("SMP_PREDICTION_LOG_KMS_KEY", None, "SSE-KMS key id for the log's S3 uploads"),
    Setting("SMP_AUTH_TOKEN_FILE", None, "file holding the bearer token (a mounted secret)"),
    Setting("SMP_AUTH_TOKEN", None, "the bearer token itself, when no token file is given"),
    Setting("SMP_MODEL_NAME", "card-fraud", "registered model name"),
    Setting("SMP_CHALLENGER_SHARE", "0.1", "share of cards routed to the challenger, 0..1"),
    Setting("SMP_AB_SALT", "card-fraud-ab-v1", "A/B experiment salt (changing it reshuffles)"),
    Setting(
        "SMP_REGISTRY_TIMEOUT_SECONDS",
        "30",
        "how long startup waits for the registry before giving up",
    ),
    Setting("SMP_LOG_ROTATE_RECORDS", "10000", "seal a log segment after this many records"),
    Setting("SMP_LOG_ROTATE_SECONDS", "300", "seal a log segment after this many seconds"),
    Setting("SMP_MAX_REQUEST_BYTES", "1048576", "larger request bodies are refused with 413"),
    Setting("SMP_MAX_ROWS_PER_REQUEST", "1024", "rows one inference request may hold"),
    Setting(
        "SMP_MAX_BATCH",
        None,
        "rows scored together in one batch (default: 16 cpu profile, 256 gpu profile)",
    ),
    Setting(
        "SMP_BATCH_DELAY_MS",
        None,
        "how long a batch waits to fill up (default: 0 cpu profile, 2 gpu profile)",
    ),
    Setting(
        "SMP_QUEUE_LIMIT",
        None,
        "rows waiting to be scored before new ones get 503 (default: 1024 cpu, 8192 gpu)",
    ),
    Setting(
        "SMP_QUEUE_DEADLINE_MS",
        "2000",
        "a row still waiting after this long is refused with 503, never scored late",
    ),
)

# The batching defaults per profile: a CPU scorer gains nothing from waiting, a GPU
# scorer is only efficient on large batches (the gpu profile is for the GPU pool).
BATCH_PROFILES: dict[str, dict[str, float]] = {
    "cpu": {"max_batch": 16, "batch_delay_ms": 0.0, "queue_limit": 1024},
    "gpu": {"max_batch": 256, "batch_delay_ms": 2.0, "queue_limit": 8192},
}


def settings_help() -> str:
    """The ``SMP_*`` table as text, for ``--help``."""
    width = max(len(s.env) for s in SETTINGS)
    lines = ["settings (environment variables):"]
    for s in SETTINGS:
        default = f" [default: {s.default}]" if s.default is not None else ""
        lines.append(f"  {s.env:<{width}}  {s.help}{default}")
    return "\n".join(lines)


@dataclass(frozen=True)
class ServingSettings:
    """What the scoring service needs to start.

    ``prediction_log_uri`` is a local directory or ``s3://bucket/prefix``; for
    S3 the log is spooled in ``prediction_log_spool`` and shipped per segment.
    """

    tracking_uri: str
    feature_repo: Path
    prediction_log_uri: str
    model_name: str = "card-fraud"
    challenger_share: float = 0.1
    ab_salt: str = "card-fraud-ab-v1"
    token_file: Path | None = None
    token_env: str | None = None
    prediction_log_spool: Path | None = None
    prediction_log_kms_key: str | None = None
    log_rotate_records: int = 10_000
    log_rotate_seconds: float = 300.0
    registry_timeout_seconds: float = 30.0
    max_request_bytes: int = 1_048_576
    max_rows_per_request: int = 1024
    # Feast online reads grow superlinearly past ~16 entities per call (measured: 1 ms for 16,
    # 15 ms for 64 with SQLite), so batches stay small.
    max_batch: int = 16
    batch_delay_ms: float = 0.0
    queue_limit: int = 1024
    queue_deadline_ms: float = 2000.0

    def __post_init__(self) -> None:
        if not 0.0 <= self.challenger_share <= 1.0:
            raise SettingsError(
                f"challenger share must be within [0, 1], got {self.challenger_share}"
            )
        if self.token_file is None and self.token_env is None:
            raise SettingsError(
                "no auth token configured: set SMP_AUTH_TOKEN_FILE or SMP_AUTH_TOKEN"
            )
        positive = {
            "SMP_MAX_BATCH": self.max_batch,
            "SMP_QUEUE_LIMIT": self.queue_limit,
            "SMP_MAX_REQUEST_BYTES": self.max_request_bytes,
            "SMP_MAX_ROWS_PER_REQUEST": self.max_rows_per_request,
            "SMP_REGISTRY_TIMEOUT_SECONDS": self.registry_timeout_seconds,
            "SMP_QUEUE_DEADLINE_MS": self.queue_deadline_ms,
            "SMP_LOG_ROTATE_RECORDS": self.log_rotate_records,
            "SMP_LOG_ROTATE_SECONDS": self.log_rotate_seconds,
        }
        for name, value in positive.items():
            if not value > 0 or not math.isfinite(value):
                raise SettingsError(f"{name} must be a positive number, got {value}")
        if not 0 <= self.batch_delay_ms <= 1000:
            raise SettingsError(
                f"SMP_BATCH_DELAY_MS must be within [0, 1000], got {self.batch_delay_ms}"
            )

    def read_token(self) -> str:
        """The bearer token, from the secret file or the environment variable."""
        if self.token_file is not None:
            try:
                token = self.token_file.read_text().strip()
            except OSError as exc:
                raise SettingsError(
                    f"cannot read auth token file {self.token_file}: {exc.strerror}"
                ) from exc
        else:
            token = os.environ.get(self.token_env or "", "").strip()
        if len(token) < 16:
            raise SettingsError("auth token is missing or shorter than 16 characters")
        return token

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, profile: str = "cpu") -> ServingSettings:
        """Read ``SMP_*`` variables; a :class:`SettingsError` names the bad variable.

        ``profile`` (``cpu`` or ``gpu``) picks the batching defaults that the
        ``SMP_MAX_BATCH``/``SMP_BATCH_DELAY_MS``/``SMP_QUEUE_LIMIT`` variables override.
        """
        env = dict(os.environ if env is None else env)
        if profile not in BATCH_PROFILES:
            raise SettingsError(f"batch profile must be one of {sorted(BATCH_PROFILES)}")
        defaults = BATCH_PROFILES[profile]
        known = {s.env: s for s in SETTINGS}

        def need(name: str) -> str:
            value = env.get(name, "").strip()
            if not value:
                raise SettingsError(f"{name} is not set")
            return value

        def number(name: str, kind: type = float, default: float | None = None) -> float:
            raw = env.get(name)
            if raw is None or raw.strip() == "":
                fallback = known[name].default if default is None else default
                assert fallback is not None
                return kind(fallback)
            try:
                value = kind(raw)
            except ValueError as exc:
                raise SettingsError(f"{name} must be a {kind.__name__}, got {raw!r}") from exc
            if isinstance(value, float) and not math.isfinite(value):
                raise SettingsError(f"{name} must be a finite number, got {raw!r}")
            return value

        token_file = env.get("SMP_AUTH_TOKEN_FILE")
        spool = env.get("SMP_PREDICTION_LOG_SPOOL")
        tracking_uri = env.get("SMP_MLFLOW_TRACKING_URI", "").strip()
        if not tracking_uri:
            tracking_uri = env.get("MLFLOW_TRACKING_URI", "").strip()
        if not tracking_uri:
            raise SettingsError("SMP_MLFLOW_TRACKING_URI is not set")
        return cls(
            tracking_uri=tracking_uri,
            feature_repo=Path(need("SMP_FEATURE_REPO")),
            prediction_log_uri=need("SMP_PREDICTION_LOG_URI"),
            model_name=env.get("SMP_MODEL_NAME") or "card-fraud",
            challenger_share=number("SMP_CHALLENGER_SHARE"),
            ab_salt=env.get("SMP_AB_SALT") or "card-fraud-ab-v1",
            token_file=Path(token_file) if token_file else None,
            token_env=None
            if token_file
            else ("SMP_AUTH_TOKEN" if "SMP_AUTH_TOKEN" in env else None),
            prediction_log_spool=Path(spool) if spool else None,
            prediction_log_kms_key=env.get("SMP_PREDICTION_LOG_KMS_KEY") or None,
            log_rotate_records=int(number("SMP_LOG_ROTATE_RECORDS", int)),
            log_rotate_seconds=number("SMP_LOG_ROTATE_SECONDS"),
            registry_timeout_seconds=number("SMP_REGISTRY_TIMEOUT_SECONDS"),
            max_request_bytes=int(number("SMP_MAX_REQUEST_BYTES", int)),
            max_rows_per_request=int(number("SMP_MAX_ROWS_PER_REQUEST", int)),
            max_batch=int(number("SMP_MAX_BATCH", int, defaults["max_batch"])),
            batch_delay_ms=number("SMP_BATCH_DELAY_MS", float, defaults["batch_delay_ms"]),
            queue_limit=int(number("SMP_QUEUE_LIMIT", int, defaults["queue_limit"])),
            queue_deadline_ms=number("SMP_QUEUE_DEADLINE_MS"),
        )
