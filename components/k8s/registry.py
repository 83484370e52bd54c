"""MLflow: the tracking server and model registry on the stack's PostgreSQL and object store.

PostgreSQL credentials come from the cloud secret store (`database_credentials_ref`)
through the Secrets Store CSI driver with the registry's own workload identity;
artifacts are proxied (`--serve-artifacts`) to the artifacts store with that same
identity, so clients never hold storage credentials. MLflow's basic-auth app is on,
denying by default; its admin password is a Pulumi-generated secret. Each client
workload and persona has its own MLflow user with the permissions in `GRANTS`,
applied on every change by an access Job (`workloads/registry_access.py`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_kubernetes as k8s
import pulumi_random as random

from components.interface import CloudPlatform
from components.k8s.namespaces import METRICS_PORT, MLFLOW_PORT
from components.k8s.secrets_csi import (
    CSI_MOUNT,
    DB_CREDENTIALS_FILE,
    csi_volume,
    database_credentials_class,
)
from components.k8s.tls import service_dns_names
from components.k8s.workload_pod import (
    CA_FILE,
    CA_MOUNT,
    TLS_MOUNT,
    Container,
    PodTemplate,
    Resources,
    ca_volume,
    disruption_budget,
    http_probe,
    https_probe,
    image_ref,
    secret_env,
    service_account_of,
    service_monitor,
    tls_volume,
    workload_service_account,
    zone_spread,
)
from workloads.contract import commands

WORKLOAD = "registry"
SERVICE = "mlflow"
DB_NAME = "mlflow"
AUTH_DB_NAME = "mlflow"  # the auth tables live beside the tracking tables
DB_CLASS = "registry-db"
CREDENTIALS_PATH = f"{CSI_MOUNT['mountPath']}/{DB_CREDENTIALS_FILE}"
CREDENTIALS_VERSION_ANNOTATION = "smp.io/db-credentials-version"
AUTH_SECRET = "mlflow-auth"  # noqa: S105 - the name of a Secret
AUTH_MOUNT = {"name": "auth", "mountPath": "/etc/mlflow-auth", "readOnly": True}
# Nobody may read or write until the admin grants it (MLflow's auth app).
DEFAULT_PERMISSION = "NO_PERMISSIONS"
TRACKING_URI = f"https://{SERVICE}.registry.svc:{MLFLOW_PORT}"
ADMIN_USER = "smp-admin"
METRICS_DIR = "/tmp/metrics"  # noqa: S108 - the pod's emptyDir, shared with the sidecar
# Each registry client workload has its own MLflow user; its credentials are the
# Secret `mlflow-client` (keys `username`, `password`) in the workload's namespace.
CLIENT_SECRET = "mlflow-client"  # noqa: S105 - the name of a Secret
CLIENT_WORKLOADS = ("training", "serving", "drift-monitor", "batch-scoring")


def mlflow_client_env() -> list[dict[str, Any]]:
    """What an MLflow client pod needs: its user's credentials (from its namespace's
    `mlflow-client` Secret) and the internal CA to verify the server with."""
    return [
        secret_env("MLFLOW_TRACKING_USERNAME", CLIENT_SECRET, "username"),
        secret_env("MLFLOW_TRACKING_PASSWORD", CLIENT_SECRET, "password"),
        {"name": "MLFLOW_TRACKING_SERVER_CERT_PATH", "value": CA_FILE},
    ]


def artifacts_destination(cloud: CloudPlatform) -> pulumi.Output[str]:
    """Where MLflow proxies artifacts: the artifacts bucket / container."""
    return pulumi.Output.from_input(cloud.storage_uris["artifacts"]).apply(
        lambda uri: uri.rstrip("/") + "/mlflow"
    )


def backend_store_uri(cloud: CloudPlatform, database: str = DB_NAME) -> pulumi.Output[str]:
    """`postgresql://host:5432/<db>?sslmode=verify-full`: no user, no password (libpq env)."""

    def uri(endpoint: str) -> str:
        host = endpoint.rsplit(":", 1)[0] if endpoint.count(":") == 1 else endpoint
        return f"postgresql://{host}:5432/{database}?sslmode=require"

    return pulumi.Output.from_input(cloud.database_endpoint).apply(uri)


# Who may do what in the registry (MLflow auth permissions; the default is none).
# Workloads: training logs runs, registers versions and, through its promotion gate,
# moves the aliases — MANAGE on the model because MLflow lets only MANAGE delete an
# alias (the challenger's, once promoted); serving, the drift monitor and batch scoring
# only read.
# Personas: ML engineers own the model (promotion, aliases), data scientists run
# experiments but cannot touch the registered model, auditors read.
GRANTS: dict[str, tuple[str, str]] = {  # user -> (experiment, registered model)
    "training": ("EDIT", "MANAGE"),
    "serving": ("READ", "READ"),
    "drift-monitor": ("READ", "READ"),
    "batch-scoring": ("READ", "READ"),
    "persona-ml-engineer": ("MANAGE", "MANAGE"),
    "persona-data-scientist": ("EDIT", "READ"),
    "persona-auditor": ("READ", "READ"),
    "persona-platform-admin": ("READ", "READ"),
}
USERS_SECRET = "mlflow-users"  # noqa: S105 - the name of a Secret (one key per user)
USERS_MOUNT = {"name": "users", "mountPath": "/etc/mlflow-users", "readOnly": True}
GRANTS_CONFIG = "mlflow-grants"
GRANTS_MOUNT = {"name": "grants", "mountPath": "/etc/mlflow-grants", "readOnly": True}


def registry_grants(model_name: str) -> dict[str, Any]:
    """The grants file `python -m workloads.entrypoints registry-access` applies: the
    stack's model is both the experiment and the registered model of the reference
    lifecycle (workloads/training/train.py)."""
    return {
        "experiment": model_name,
        "model": model_name,
        "users": {user: {"experiment": e, "model": m} for user, (e, m) in sorted(GRANTS.items())},
    }


def auth_config(database_uri: str, admin_password: str) -> str:
    """`basic_auth.ini` of MLflow's auth app."""
    return (
        "[mlflow]\n"
        f"default_permission = {DEFAULT_PERMISSION}\n"
        f"database_uri = {database_uri}\n"
        f"admin_username = {ADMIN_USER}\n"
        f"admin_password = {admin_password}\n"
        "authorization_function = mlflow.server.auth:authenticate_request_basic_auth\n"
        # Each request re-checks the password hash (~1.7 s measured) without a cache.
        "auth_cache_ttl_seconds = 60\n"
    )


@dataclass(frozen=True)
class ModelRegistryArgs:
    """MLflow's image, replicas and the registered model its grants name."""

    cloud: CloudPlatform
    digest: str
    replicas: int
    model_name: str
    # What must exist before this component's resources are created.
    after: Sequence[pulumi.Resource] = ()


class ModelRegistry(pulumi.ComponentResource):
    """MLflow server Deployment, database migration Job, TLS Service and metrics scrape."""

    def __init__(
        self, name: str, args: ModelRegistryArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        cloud = args.cloud
        digest = args.digest
        replicas = args.replicas
        model_name = args.model_name
        depends_on = args.after
        super().__init__("smp:k8s:ModelRegistry", name, None, opts)
        child = pulumi.ResourceOptions(parent=self, depends_on=list(depends_on))
        namespace, _ = service_account_of(cloud, WORKLOAD)
        labels = {"app.kubernetes.io/name": SERVICE, "app.kubernetes.io/part-of": "smp"}
        account = workload_service_account(f"{name}-sa", cloud, WORKLOAD, child)
        credentials = database_credentials_class(
            f"{name}-db-class", cloud, namespace, DB_CLASS, WORKLOAD, child
        )
        admin = random.RandomPassword(f"{name}-admin", length=32, special=False, opts=child)
        flask_key = random.RandomPassword(f"{name}-flask-key", length=48, special=False, opts=child)
        auth = k8s.core.v1.Secret(
            f"{name}-auth",
            metadata={"name": AUTH_SECRET, "namespace": namespace},
            type="Opaque",
            string_data={
                "basic_auth.ini": pulumi.Output.all(
                    backend_store_uri(cloud, AUTH_DB_NAME), admin.result
                ).apply(lambda a: auth_config(a[0], a[1])),
                "flask-secret-key": flask_key.result,
                "admin-password": admin.result,
            },
            opts=child,
        )
        self.admin_password = admin.result
        image = image_ref(cloud, WORKLOAD, digest)
        ready = pulumi.ResourceOptions(
            parent=self, depends_on=[account, credentials, auth, *depends_on]
        )
        db_env: list[dict[str, Any]] = [
            {"name": "MLFLOW_BACKEND_STORE_URI", "value": backend_store_uri(cloud)},
            {"name": "PGSSLMODE", "value": "require"},
        ]
        volumes = [csi_volume(DB_CLASS)]
        # The migration Job is named after the image, so a new image migrates once
        # before the Deployment rolls (Pulumi replaces a Job whose spec changes).
        migrate = k8s.batch.v1.Job(
            f"{name}-db-upgrade",
            metadata={
                "name": f"mlflow-db-upgrade-{digest.removeprefix('sha256:')[:12]}",
                "namespace": namespace,
                "labels": labels,
            },
            spec={
                "backoffLimit": 3,
                "ttlSecondsAfterFinished": 86400,
                "template": PodTemplate(
                    cloud,
                    WORKLOAD,
                    {**labels, "app.kubernetes.io/component": "migration"},
                    [
                        Container(
                            "db-upgrade",
                            image,
                            commands.with_db_credentials(
                                CREDENTIALS_PATH,
                                commands.mlflow_db_upgrade("$(MLFLOW_BACKEND_STORE_URI)"),
                            ),
                            Resources("100m", "256Mi", "500m", "512Mi"),
                            env=db_env,
                            mounts=[CSI_MOUNT],
                        )
                    ],
                    volumes=volumes,
                    restart_policy="Never",
                ).manifest(),
            },
            opts=ready,
        )
        server = Container(
            SERVICE,
            image,
            commands.with_db_credentials(
                CREDENTIALS_PATH,
                commands.mlflow_server(
                    port=MLFLOW_PORT,
                    artifacts_destination="$(SMP_ARTIFACTS_DESTINATION)",
                    tls_cert="/etc/tls/tls.crt",
                    tls_key="/etc/tls/tls.key",
                    metrics_dir=METRICS_DIR,
                    allowed_hosts=service_dns_names(SERVICE, namespace)
                    + [f"{h}:{MLFLOW_PORT}" for h in service_dns_names(SERVICE, namespace)],
                ),
            ),
            Resources("500m", "1Gi", "2", "2Gi"),
            env=[
                *db_env,
                # prometheus_client's multiprocess mode, read by the metrics sidecar.
                {"name": "PROMETHEUS_MULTIPROC_DIR", "value": METRICS_DIR},
                {"name": "SMP_ARTIFACTS_DESTINATION", "value": artifacts_destination(cloud)},
                {"name": "MLFLOW_AUTH_CONFIG_PATH", "value": "/etc/mlflow-auth/basic_auth.ini"},
                {
                    "name": "MLFLOW_FLASK_SERVER_SECRET_KEY",
                    "valueFrom": {"secretKeyRef": {"name": AUTH_SECRET, "key": "flask-secret-key"}},
                },
            ],
            ports=[MLFLOW_PORT],
            mounts=[CSI_MOUNT, TLS_MOUNT, AUTH_MOUNT],
            probe=https_probe("/health", MLFLOW_PORT),
        )
        # /metrics of the server sits behind basic auth (admin only, failing closed);
        # the sidecar serves the same multiprocess files on the metrics port, which the
        # NetworkPolicies open to Prometheus only. Both share the pod's /tmp emptyDir.
        exporter = Container(
            "metrics",
            image,
            commands.metrics_exporter(metrics_dir=METRICS_DIR, port=METRICS_PORT),
            Resources("20m", "64Mi", "200m", "128Mi"),
            ports=[METRICS_PORT],
            probe=http_probe("/metrics", METRICS_PORT),
        )
        # A rotated database password rolls the server onto it (it reads it at start).
        rollover = (
            {CREDENTIALS_VERSION_ANNOTATION: cloud.database_credentials_version}
            if cloud.database_credentials_version
            else {}
        )
        template = PodTemplate(
            cloud,
            WORKLOAD,
            labels,
            [server, exporter],
            annotations=rollover,
            volumes=[
                *volumes,
                tls_volume(SERVICE),
                {
                    "name": "auth",
                    "secret": {
                        "secretName": AUTH_SECRET,
                        "defaultMode": 0o440,
                        "items": [{"key": "basic_auth.ini", "path": "basic_auth.ini"}],
                    },
                },
            ],
            extra_spec={"topologySpreadConstraints": zone_spread(labels)},
        )
        self.deployment = k8s.apps.v1.Deployment(
            f"{name}-server",
            metadata={"name": SERVICE, "namespace": namespace, "labels": labels},
            spec={
                "replicas": replicas,
                "selector": {"matchLabels": labels},
                "template": template.manifest(),
            },
            opts=pulumi.ResourceOptions(parent=self, depends_on=[migrate]),
        )
        self.service = k8s.core.v1.Service(
            f"{name}-service",
            metadata={"name": SERVICE, "namespace": namespace, "labels": labels},
            spec={
                "type": "ClusterIP",
                "selector": labels,
                "ports": [
                    {
                        "name": "https",
                        "port": MLFLOW_PORT,
                        "targetPort": MLFLOW_PORT,
                        "protocol": "TCP",
                    },
                    {
                        "name": "metrics",
                        "port": METRICS_PORT,
                        "targetPort": METRICS_PORT,
                        "protocol": "TCP",
                    },
                ],
            },
            opts=child,
        )
        if replicas > 1:
            disruption_budget(f"{name}-pdb", SERVICE, namespace, labels, child)
        service_monitor(f"{name}-metrics", SERVICE, namespace, labels, "metrics", child)
        self.client_secrets = self._access(
            name,
            cloud,
            namespace,
            image,
            digest,
            model_name,
            labels,
            after=[self.deployment, self.service],
        )
        self.tracking_uri = TRACKING_URI
        self.register_outputs({"trackingUri": TRACKING_URI})

    def _access(
        self,
        name: str,
        cloud: CloudPlatform,
        namespace: str,
        image: pulumi.Input[str],
        digest: str,
        model_name: str,
        labels: dict[str, str],
        after: list[pulumi.Resource],
    ) -> list[pulumi.Resource]:
        """One MLflow user per client workload and persona, their permissions applied by
        a Job (as the admin), and each client workload's credentials as the Secret
        `mlflow-client` in its own namespace."""
        child = pulumi.ResourceOptions(parent=self)
        passwords = {
            user: random.RandomPassword(
                f"{name}-user-{user}", length=32, special=False, opts=child
            ).result
            for user in GRANTS
        }
        users = k8s.core.v1.Secret(
            f"{name}-users",
            metadata={"name": USERS_SECRET, "namespace": namespace},
            type="Opaque",
            string_data=passwords,
            opts=child,
        )
        grants = registry_grants(model_name)
        grants_text = json.dumps(grants, indent=2, sort_keys=True)
        config = k8s.core.v1.ConfigMap(
            f"{name}-grants",
            metadata={"name": GRANTS_CONFIG, "namespace": namespace},
            data={"grants.json": grants_text},
            opts=child,
        )
        made: list[pulumi.Resource] = []
        for workload in CLIENT_WORKLOADS:
            client_ns, _ = service_account_of(cloud, workload)
            made.append(
                k8s.core.v1.Secret(
                    f"{name}-client-{workload}",
                    metadata={
                        "name": CLIENT_SECRET,
                        "namespace": client_ns,
                        "labels": {"app.kubernetes.io/part-of": "smp"},
                    },
                    type="Opaque",
                    string_data={"username": workload, "password": passwords[workload]},
                    opts=child,
                )
            )
        # Named after the grants and the image: a change of either re-applies them.
        version = hashlib.sha256(f"{grants_text}{digest}".encode()).hexdigest()[:10]
        job_labels = {**labels, "app.kubernetes.io/component": "access"}
        k8s.batch.v1.Job(
            f"{name}-access",
            metadata={
                "name": f"mlflow-access-{version}",
                "namespace": namespace,
                "labels": job_labels,
            },
            spec={
                "backoffLimit": 4,
                "ttlSecondsAfterFinished": 86400,
                "activeDeadlineSeconds": 900,
                "template": PodTemplate(
                    cloud,
                    WORKLOAD,
                    job_labels,
                    [
                        Container(
                            "access",
                            image,
                            commands.registry_access(
                                tracking_uri=TRACKING_URI,
                                grants_file=f"{GRANTS_MOUNT['mountPath']}/grants.json",
                                passwords_dir=str(USERS_MOUNT["mountPath"]),
                            ),
                            Resources("100m", "256Mi", "500m", "512Mi"),
                            env=[
                                {"name": "MLFLOW_TRACKING_USERNAME", "value": ADMIN_USER},
                                secret_env(
                                    "MLFLOW_TRACKING_PASSWORD", AUTH_SECRET, "admin-password"
                                ),
                                {"name": "MLFLOW_TRACKING_SERVER_CERT_PATH", "value": CA_FILE},
                            ],
                            mounts=[USERS_MOUNT, GRANTS_MOUNT, CA_MOUNT],
                        )
                    ],
                    volumes=[
                        {
                            "name": "users",
                            "secret": {"secretName": USERS_SECRET, "defaultMode": 0o440},
                        },
                        {"name": "grants", "configMap": {"name": GRANTS_CONFIG}},
                        ca_volume(namespace),
                    ],
                    restart_policy="Never",
                ).manifest(),
            },
            opts=pulumi.ResourceOptions(parent=self, depends_on=[*after, users, config]),
        )
        return made
