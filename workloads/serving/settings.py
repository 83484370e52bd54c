"""Serving configuration from the environment (the Deployment sets these)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


class SettingsError(ValueError):
    """A serving setting is missing or invalid."""


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
    # Feast online reads grow superlinearly past ~16 entities per call (measured: 1 ms for 16,
    # 15 ms for 64 with SQLite), so batches stay small.
    max_batch: int = 16

    def __post_init__(self) -> None:
        if not 0.0 <= self.challenger_share <= 1.0:
            raise SettingsError(
                f"challenger share must be within [0, 1], got {self.challenger_share}"
            )
        if self.token_file is None and self.token_env is None:
            raise SettingsError(
                "no auth token configured: set SMP_AUTH_TOKEN_FILE or SMP_AUTH_TOKEN"
            )
        if self.max_batch < 1:
            raise SettingsError(f"max batch must be at least 1, got {self.max_batch}")

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
    def from_env(cls, env: dict[str, str] | None = None) -> ServingSettings:
        """Read ``SMP_*`` variables; a :class:`SettingsError` names the bad variable."""
        env = dict(os.environ if env is None else env)

        def need(name: str) -> str:
            value = env.get(name, "").strip()
            if not value:
                raise SettingsError(f"{name} is not set")
            return value

        def number(name: str, default: float, kind: type = float) -> float:
            raw = env.get(name)
            if raw is None or raw.strip() == "":
                return default
            try:
                return kind(raw)
            except ValueError as exc:
                raise SettingsError(f"{name} must be a {kind.__name__}, got {raw!r}") from exc

        token_file = env.get("SMP_AUTH_TOKEN_FILE")
        spool = env.get("SMP_PREDICTION_LOG_SPOOL")
        return cls(
            tracking_uri=env.get("SMP_MLFLOW_TRACKING_URI") or need("MLFLOW_TRACKING_URI"),
            feature_repo=Path(need("SMP_FEATURE_REPO")),
            prediction_log_uri=need("SMP_PREDICTION_LOG_URI"),
            model_name=env.get("SMP_MODEL_NAME", "card-fraud"),
            challenger_share=number("SMP_CHALLENGER_SHARE", 0.1),
            ab_salt=env.get("SMP_AB_SALT", "card-fraud-ab-v1"),
            token_file=Path(token_file) if token_file else None,
            token_env=None
            if token_file
            else ("SMP_AUTH_TOKEN" if "SMP_AUTH_TOKEN" in env else None),
            prediction_log_spool=Path(spool) if spool else None,
            prediction_log_kms_key=env.get("SMP_PREDICTION_LOG_KMS_KEY") or None,
            log_rotate_records=int(number("SMP_LOG_ROTATE_RECORDS", 10_000, int)),
            log_rotate_seconds=number("SMP_LOG_ROTATE_SECONDS", 300.0),
            max_batch=int(number("SMP_MAX_BATCH", 16, int)),
        )
