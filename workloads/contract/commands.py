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


def training_args(
    *,
    feature_repo: str,
    transactions: str,
    tracking_uri: str,
    model_name: str,
    model_kind: str = "hist_gbt",
    seed: int = 0,
) -> list[str]:
    """The training module's arguments, shared by the single-node and torchrun launches."""
    return [
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
) -> list[str]:
    """The drift monitor over the prediction log (exit 1 on drift)."""
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
    if baseline is not None:
        argv += ["--baseline", baseline]
    if tracking_uri is not None:
        argv += ["--tracking-uri", tracking_uri]
    if pushgateway is not None:
        argv += ["--pushgateway", pushgateway]
    return argv


def ab_analysis(*, log_uri: str, out: str) -> list[str]:
    """Champion vs challenger on the logged outcomes."""
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
