"""The one source of container commands and arguments.

The in-cluster manifests (``components/k8s``) build every container's argv with
these functions, and the lifecycle tests run the same argv lists, so what the
cluster runs is what the tests exercise. Each builder returns a fresh list.

Verbs of ``python -m workloads.entrypoints`` (the materialization job, the
registry's access job, running a command with database credentials) are
dispatched there to the workload that owns them.
"""

from __future__ import annotations

from typing import Any

from workloads.contract import monitoring

PYTHON = "python"


# The scoring service's Open Inference Protocol gRPC port (its HTTP port, for the JSON API
# and OIP over REST, is the in-cluster layer's SERVING_PORT, 8080).
SERVING_GRPC_PORT = 8081


def serving(
    port: int = 8080, *, grpc_port: int | None = None, batch_profile: str = "cpu"
) -> list[str]:
    """The scoring service (settings from ``SMP_*`` environment variables).

    ``grpc_port`` adds the OIP gRPC listener; ``batch_profile="gpu"`` is for the GPU pool
    (bigger batches that wait up to 2 ms to fill); without either the argv is unchanged.
    """
    argv = [PYTHON, "-m", "workloads.serving", "--host", "0.0.0.0", "--port", str(port)]  # noqa: S104
    if grpc_port is not None:
        argv += ["--grpc-port", str(grpc_port)]
    if batch_profile != "cpu":
        argv += ["--batch-profile", batch_profile]
    return argv


def batch_scoring(
    *,
    feature_repo: str,
    tracking_uri: str,
    model_name: str,
    out: str,
    transactions: str | None = None,
    start: str | None = None,
    end: str | None = None,
    entities: str | None = None,
    model_version: str | None = None,
    alias: str = "champion",
    workers: int = 1,
    last_days: int | None = None,
) -> list[str]:
    """Batch scoring of a time window (``transactions`` + ``start``/``end``, or the
    ``last_days`` whole UTC days before the run's day, as a schedule needs) or an entity
    list.

    Run it as an Indexed Job of ``workers`` completions: each pod scores the partitions
    its ``JOB_COMPLETION_INDEX`` picks; a rerun skips the committed ones.
    """
    if (transactions is None) == (entities is None):
        raise ValueError("give exactly one of transactions (with start/end) or entities")
    argv = [
        PYTHON,
        "-m",
        "workloads.batch_scoring",
        "--feature-repo",
        feature_repo,
        "--tracking-uri",
        tracking_uri,
        "--model-name",
        model_name,
        "--out",
        out,
        "--workers",
        str(workers),
    ]
    if transactions is not None:
        if last_days is not None:
            if start is not None or end is not None:
                raise ValueError("give either last_days or start and end, not both")
            argv += ["--transactions", transactions, "--last-days", str(last_days)]
        elif start is None or end is None:
            raise ValueError("a time window needs start and end (or last_days)")
        else:
            argv += ["--transactions", transactions, "--start", start, "--end", end]
    else:
        argv += ["--entities", str(entities)]
    argv += ["--model-version", model_version] if model_version else ["--alias", alias]
    return argv


TRAINING_MODULE = "workloads.training"
# The data-parallel PyTorch trainer's --model-kind (workloads/training/ddp.py); the
# scikit-learn kinds are workloads/training/model.py MODEL_KINDS.
TORCH_DDP_MODEL_KIND = "torch_mlp_ddp"
# Optional SSE-KMS key id for the training checkpoints on S3 (Azure encrypts per account).
CHECKPOINT_KMS_KEY_ENV = "SMP_CHECKPOINT_KMS_KEY"


def training_args(
    *,
    feature_repo: str,
    transactions: str,
    tracking_uri: str,
    model_name: str,
    model_kind: str = "hist_gbt",
    seed: int = 0,
    checkpoint_uri: str | None = None,
) -> list[str]:
    """The training module's arguments, shared by the single-node and torchrun launches.

    ``checkpoint_uri`` (a local path, ``s3://`` or ``abfss://`` folder, one per job) lets a
    restarted ``torch_mlp_ddp`` job resume there; the scikit-learn kinds ignore it.
    """
    argv = [
        "--feature-repo",
        feature_repo,
        "--transactions",
        transactions,
        "--tracking-uri",
        tracking_uri,
        "--model-name",
        model_name,
        "--model-kind",
        model_kind,
        "--seed",
        str(seed),
    ]
    if checkpoint_uri is not None:
        argv += ["--checkpoint-uri", checkpoint_uri]
    return argv


def training(**kwargs: Any) -> list[str]:
    """One training run: features from Feast, model registered (and maybe promoted) in MLflow.
    Keyword arguments are those of ``training_args``."""
    return [PYTHON, "-m", TRAINING_MODULE, *training_args(**kwargs)]


def distributed_training(
    *, nodes: int, gpus_per_node: int, master_addr: str, master_port: int, train_args: list[str]
) -> list[str]:
    """``torchrun`` around the training module; the node rank comes from the indexed Job."""
    return [
        "torchrun",
        f"--nnodes={nodes}",
        f"--nproc-per-node={gpus_per_node}",
        "--node-rank=$(JOB_COMPLETION_INDEX)",
        f"--master-addr={master_addr}",
        f"--master-port={master_port}",
        "-m",
        TRAINING_MODULE,
        *train_args,
    ]


def _floor_args(
    numeric_floor: float | None,
    categorical_floor: float | None,
    floors: dict[str, float] | None,
    segment_by: list[str] | None,
    min_samples: int | None,
    max_drop: float | None,
    rate_floor: float | None,
) -> list[str]:
    argv: list[str] = []
    if numeric_floor is not None:
        argv += ["--numeric-floor", str(numeric_floor)]
    if categorical_floor is not None:
        argv += ["--categorical-floor", str(categorical_floor)]
    if rate_floor is not None:
        argv += ["--rate-floor", str(rate_floor)]
    for name, value in sorted((floors or {}).items()):
        argv += ["--floor", f"{name}={value}"]
    if segment_by is not None:
        argv += ["--segment-by", ",".join(segment_by) or "none"]
    if min_samples is not None:
        argv += ["--min-samples", str(min_samples)]
    if max_drop is not None:
        argv += ["--max-drop", str(max_drop)]
    return argv


def _baseline_args(baseline: str | None, tracking_uri: str | None) -> list[str]:
    argv: list[str] = []
    if baseline is not None:
        argv += ["--baseline", baseline]
    if tracking_uri is not None:
        argv += ["--tracking-uri", tracking_uri]
    return argv


def drift(
    *,
    log_uri: str,
    out: str,
    model_name: str,
    tracking_uri: str | None = None,
    baseline: str | None = None,
    alias: str = "champion",
    psi_floor: float = 0.1,
    pushgateway: str | None = None,
    numeric_floor: float | None = None,
    categorical_floor: float | None = None,
    floors: dict[str, float] | None = None,
    segment_by: list[str] | None = None,
    min_samples: int | None = None,
    max_drop: float | None = None,
    rate_floor: float | None = None,
) -> list[str]:
    """The daily drift monitor over the prediction log (exit 1 on drift).

    ``numeric_floor`` (Wasserstein distance in reference SDs), ``categorical_floor``
    (total variation), ``rate_floor`` (relative change of the label rate and the
    calibration ratio) and ``floors`` (per test, e.g. ``{"amount": 0.2}``) set what
    counts as a change big enough; ``segment_by`` the segment columns (``[]``: none);
    ``max_drop`` the estimated precision/recall drop that raises the performance signal;
    unset, the monitor's defaults apply. ``psi_floor`` is the PSI reference line.
    """
    argv = [
        PYTHON,
        "-m",
        "workloads.monitoring",
        "drift",
        "--log-uri",
        log_uri,
        "--out",
        out,
        "--model-name",
        model_name,
        "--alias",
        alias,
        "--psi-floor",
        str(psi_floor),
    ]
    argv += _baseline_args(baseline, tracking_uri)
    if pushgateway is not None:
        argv += ["--pushgateway", pushgateway]
    return argv + _floor_args(
        numeric_floor, categorical_floor, floors, segment_by, min_samples, max_drop, rate_floor
    )


STREAM_METRICS_PORT = monitoring.STREAM_METRICS_PORT


def stream_monitor(
    *,
    log_uri: str,
    model_name: str,
    tracking_uri: str | None = None,
    baseline: str | None = None,
    alias: str = "champion",
    port: int = STREAM_METRICS_PORT,
    sliding_seconds: float = monitoring.DEFAULT_SLIDING_SECONDS,
    step_seconds: float = monitoring.DEFAULT_STEP_SECONDS,
    tumbling_seconds: float = monitoring.DEFAULT_TUMBLING_SECONDS,
    lateness_seconds: float = 10.0,
    min_samples: int | None = None,
    numeric_floor: float | None = None,
    categorical_floor: float | None = None,
    floors: dict[str, float] | None = None,
    segment_by: list[str] | None = None,
    max_drop: float | None = None,
    rate_floor: float | None = None,
    state: str | None = None,
    out: str | None = None,
    enter_after: int | None = None,
    exit_after: int | None = None,
    run_seconds: float | None = None,
    host: str | None = None,
) -> list[str]:
    """The streaming drift monitor: follows the live prediction log, serves ``/metrics``.

    A long-running process (a Deployment): ``port`` is the Prometheus scrape port,
    ``state`` a checkpoint file on a volume that survives restarts (resume without
    loss or double counting); ``out`` collects ``windows.jsonl``/``episodes.jsonl``.
    For an object-store log, ``lateness_seconds`` must cover the scoring service's
    segment rotation (``SMP_LOG_ROTATE_SECONDS``): sealed segments are all it sees.
    """
    argv = [
        PYTHON,
        "-m",
        "workloads.monitoring",
        "stream",
        "--log-uri",
        log_uri,
        "--model-name",
        model_name,
        "--alias",
        alias,
        "--port",
        str(port),
        "--sliding-seconds",
        str(sliding_seconds),
        "--step-seconds",
        str(step_seconds),
        "--tumbling-seconds",
        str(tumbling_seconds),
        "--lateness-seconds",
        str(lateness_seconds),
    ]
    argv += _baseline_args(baseline, tracking_uri)
    argv += _floor_args(
        numeric_floor, categorical_floor, floors, segment_by, min_samples, max_drop, rate_floor
    )
    for flag, value in (
        ("--state", state),
        ("--out", out),
        ("--enter-after", enter_after),
        ("--exit-after", exit_after),
        ("--run-seconds", run_seconds),
        ("--host", host),
    ):
        if value is not None:
            argv += [flag, str(value)]
    return argv


def ab_analysis(*, log_uri: str, out: str) -> list[str]:
    """Champion vs challenger on the logged outcomes (``ab.json`` and ``ab.html``)."""
    return [PYTHON, "-m", "workloads.monitoring", "ab", "--log-uri", log_uri, "--out", out]


def feature_server(*, repo_dir: str, port: int, tls_key: str, tls_cert: str) -> list[str]:
    """The Feast feature server over TLS."""
    return [
        "feast",
        "--chdir",
        repo_dir,
        "serve",
        "--host",
        "0.0.0.0",  # noqa: S104 - in-cluster listener
        "--port",
        str(port),
        "--key",
        tls_key,
        "--cert",
        tls_cert,
        "--no-access-log",
    ]


def materialize(*, store_yaml: str, repo_dir: str, source_uri: str) -> list[str]:
    """``feast apply`` then incremental materialization up to now (this module's CLI)."""
    return [
        PYTHON,
        "-m",
        "workloads.entrypoints",
        "materialize",
        "--store-yaml",
        store_yaml,
        "--repo-dir",
        repo_dir,
        "--source-uri",
        source_uri,
    ]


def mlflow_server(
    *,
    port: int,
    artifacts_destination: str,
    tls_cert: str,
    tls_key: str,
    metrics_dir: str,
    allowed_hosts: list[str],
) -> list[str]:
    """The MLflow tracking server with basic auth, proxied artifacts and TLS.

    The backend store URI comes from ``MLFLOW_BACKEND_STORE_URI`` (no password in it:
    libpq reads ``PGUSER``/``PGPASSWORD`` from the environment).
    """
    return [
        "mlflow",
        "server",
        "--host",
        "0.0.0.0",  # noqa: S104 - in-cluster listener
        "--port",
        str(port),
        "--app-name",
        "basic-auth",
        "--serve-artifacts",
        "--artifacts-destination",
        artifacts_destination,
        "--expose-prometheus",
        metrics_dir,
        "--allowed-hosts",
        ",".join(allowed_hosts),
        "--uvicorn-opts",
        f"--ssl-certfile={tls_cert} --ssl-keyfile={tls_key}",
    ]


def metrics_exporter(*, metrics_dir: str, port: int) -> list[str]:
    """The registry's metrics sidecar: MLflow's multiprocess metrics on a plain port."""
    return [PYTHON, "-m", "workloads.metrics_exporter", "--dir", metrics_dir, "--port", str(port)]


def mlflow_db_upgrade(backend_store_uri: str) -> list[str]:
    """Schema migration of the registry database (the URI carries no password)."""
    return ["mlflow", "db", "upgrade", backend_store_uri]


def registry_access(*, tracking_uri: str, grants_file: str, passwords_dir: str) -> list[str]:
    """Create the registry's users and their permissions (MLflow auth app), idempotently.

    Admin credentials come from ``MLFLOW_TRACKING_USERNAME``/``MLFLOW_TRACKING_PASSWORD``;
    ``grants_file`` is the JSON of ``components.k8s.registry.registry_grants``;
    ``passwords_dir`` holds one file per user name with that user's password.
    """
    return [
        PYTHON,
        "-m",
        "workloads.entrypoints",
        "registry-access",
        "--tracking-uri",
        tracking_uri,
        "--grants",
        grants_file,
        "--passwords-dir",
        passwords_dir,
    ]


def with_db_credentials(credentials_file: str, argv: list[str]) -> list[str]:
    """Run ``argv`` with ``PGUSER``/``PGPASSWORD`` taken from a JSON credentials file
    (``{"username": ..., "password": ...}``, as the cloud secret stores hold them)."""
    return [
        PYTHON,
        "-m",
        "workloads.entrypoints",
        "with-db-credentials",
        "--file",
        credentials_file,
        "--",
        *argv,
    ]


# Ingestion (workloads/ingestion): consumer groups start with this prefix (the AWS role
# may use groups of that prefix only).
INGESTION_MODULE = "workloads.ingestion"
INGESTION_GROUP_PREFIX = "ingestion"


def _zones_args(zones: str | None, raw_zone: str | None, curated_zone: str | None) -> list[str]:
    if zones is not None:
        if raw_zone is not None or curated_zone is not None:
            raise ValueError("give zones or raw_zone and curated_zone, not both")
        return ["--zones", zones]
    if raw_zone is None or curated_zone is None:
        raise ValueError("give zones, or both raw_zone and curated_zone")
    return ["--raw-zone", raw_zone, "--curated-zone", curated_zone]


def ingestion_stream(
    *,
    bootstrap_servers: str,
    topic: str,
    zones: str | None = None,
    raw_zone: str | None = None,
    curated_zone: str | None = None,
    group: str = f"{INGESTION_GROUP_PREFIX}-stream",
    batch_size: int = 5000,
    max_idle_seconds: float = 30.0,
    metrics_file: str | None = None,
    metrics_port: int | None = None,
) -> list[str]:
    """The streaming consumer: topic -> raw, quarantine and curated zones.

    Give ``zones`` (one local root) or ``raw_zone`` and ``curated_zone`` (the stack's
    object-store URIs, as the cluster runs it).

    ``metrics_port`` serves the data-quality metrics on ``/metrics`` (the Deployment's
    scrape port); ``metrics_file`` writes them to a text file instead or as well.
    """
    metrics = ["--metrics-file", metrics_file] if metrics_file else []
    if metrics_port is not None:
        metrics += ["--metrics-port", str(metrics_port)]
    return [
        PYTHON,
        "-m",
        INGESTION_MODULE,
        "stream",
        "--bootstrap-servers",
        bootstrap_servers,
        "--topic",
        topic,
        "--group",
        group,
        *_zones_args(zones, raw_zone, curated_zone),
        "--batch-size",
        str(batch_size),
        "--max-idle-seconds",
        str(max_idle_seconds),
        *metrics,
    ]


def ingestion_batch(
    *,
    dsn: str,
    table: str,
    zones: str | None = None,
    raw_zone: str | None = None,
    curated_zone: str | None = None,
    watermark_column: str = "event_timestamp",
    key_column: str = "transaction_id",
    page_rows: int = 1000,
) -> list[str]:
    """The batch loader: a PostgreSQL table after its saved watermark -> raw, curated.

    ``dsn`` is a libpq connection string without a password (``PGUSER``/``PGPASSWORD``
    come from ``with_db_credentials``).
    """
    return [
        PYTHON,
        "-m",
        INGESTION_MODULE,
        "batch",
        "--dsn",
        dsn,
        "--table",
        table,
        *_zones_args(zones, raw_zone, curated_zone),
        "--watermark-column",
        watermark_column,
        "--key-column",
        key_column,
        "--page-rows",
        str(page_rows),
    ]


# The retraining pipeline's own steps (``python -m workloads.pipeline STEP``); the
# WorkflowTemplate (components/k8s/retraining.py) and the local runner (workloads/demo.py)
# take every step's argv from here. The DAG's order is RETRAINING_STEPS.
PIPELINE_MODULE = "workloads.pipeline"
RETRAINING_STEPS = (
    "materialize",
    "train",
    "register",
    "ab-start",
    "ab-wait",
    "ab-analysis",
    "decide",
    "record",
)


def _pipeline(step: str, options: dict[str, Any]) -> list[str]:
    argv = [PYTHON, "-m", PIPELINE_MODULE, step]
    for key, value in options.items():
        if value is not None:
            argv += [f"--{key.replace('_', '-')}", str(value)]
    return argv


def retraining_train(
    *, out: str, margin: float, metric: str = "roc_auc", **training_kwargs: Any
) -> list[str]:
    """Point-in-time training set, train, evaluate against the champion on the held-out
    window: the training module with ``--register-only`` (the version is registered and
    judged with the promotion margin, no alias moves) and its summary written to ``out``."""
    return [
        *training(**training_kwargs),
        "--metric",
        metric,
        "--margin",
        str(margin),
        "--register-only",
        "--summary-out",
        out,
    ]


def retraining_register(*, tracking_uri: str, model_name: str, summary: str, out: str) -> list[str]:
    """Give the evaluated version the ``challenger`` alias when it beat the champion by the
    margin (else record why not); writes whether the A/B phase runs to ``out``."""
    return _pipeline(
        "register",
        {"tracking_uri": tracking_uri, "model_name": model_name, "summary": summary, "out": out},
    )


def retraining_ab_wait(
    *,
    prometheus_url: str,
    model_name: str,
    min_outcomes: int,
    max_duration_seconds: int,
    poll_seconds: int,
    max_error_ratio: float,
    max_p99_seconds: float,
    out: str,
) -> list[str]:
    """Wait for ``min_outcomes`` labelled outcomes per variant or the time limit, checking the
    challenger's live server-error ratio and p99 latency at every poll: above either SLO the
    wait ends at once with ``harm`` (the run rolls back without a verdict)."""
    return _pipeline(
        "ab-wait",
        {
            "prometheus_url": prometheus_url,
            "model_name": model_name,
            "min_outcomes": min_outcomes,
            "max_duration_seconds": max_duration_seconds,
            "poll_seconds": poll_seconds,
            "max_error_ratio": max_error_ratio,
            "max_p99_seconds": max_p99_seconds,
            "out": out,
        },
    )


def retraining_decide(
    *, tracking_uri: str, model_name: str, wait: str, analysis: str | None, out: str
) -> list[str]:
    """Promote (alias swap), keep or roll back (challenger alias removed) from the wait's
    outcome and the A/B analysis (``ab.json``); writes the decision to ``out``."""
    return _pipeline(
        "decide",
        {
            "tracking_uri": tracking_uri,
            "model_name": model_name,
            "wait": wait,
            "analysis": analysis,
            "out": out,
        },
    )


def retraining_record(
    *,
    tracking_uri: str,
    model_name: str,
    summary: str,
    decision: str,
    workflow: str,
    trigger: str,
    drift_report: str,
) -> list[str]:
    """Record the run on the model version: decision, workflow run, trigger, drift report."""
    return _pipeline(
        "record",
        {
            "tracking_uri": tracking_uri,
            "model_name": model_name,
            "summary": summary,
            "decision": decision,
            "workflow": workflow,
            "trigger": trigger,
            "drift_report": drift_report,
        },
    )
