"""Ingestion in the cluster: the streaming consumer (a Deployment) and the batch loader
(a CronJob) in the `ingestion` namespace, with their data-quality alerts.

Both run the `ingestion` image with argv from the workload contract
(`commands.ingestion_stream` / `commands.ingestion_batch`) in the hardened pod template,
as the `ingestion` service account bound to the ingestion cloud identity (the only one
that may read the topic and write the raw and curated zones). The namespace's
NetworkPolicies (components/k8s/namespaces.py) let them reach the broker's TLS
listener, the object stores (HTTPS), PostgreSQL and the feature server, nothing else.

The consumer gets the bootstrap servers and topic from `CloudPlatform.event_stream`,
commits offsets only after a batch is durable in its zones (one replica: it assigns
itself every partition) and serves the data-quality metrics on the namespace's metrics
port for Prometheus. The batch loader reads `ingestion.batch.table` of the database
`ingestion.batch.database` on the stack's PostgreSQL server with the credentials of the
Secret `ingestion-source-db` (created by the data owner; never in the stack file).

The zones are the stack's object stores (`CloudPlatform.storage_uris["raw"]` and
`["curated"]`, s3:// or abfss://), written with the workload identity; an object PUT is
durable once it returns, so an offset is committed only after its batch is stored.
The MSK IAM / Entra OAUTHBEARER token callbacks are not built yet (see README): the
endpoint's security settings reach the pod as SMP_KAFKA_* variables for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_kubernetes as k8s

from components.interface import CloudPlatform
from components.k8s.ml_alerts import INGESTION_RULES_NAME, ingestion_rules
from components.k8s.monitoring import MONITORING_NAMESPACE, RELEASE_LABEL
from components.k8s.namespaces import METRICS_PORT
from components.k8s.workload_pod import (
    Container,
    PodTemplate,
    Resources,
    http_probe,
    image_ref,
    service_account_of,
    service_monitor,
    workload_service_account,
)
from platform_spec import IngestionBatch
from workloads.contract import commands

WORKLOAD = "ingestion"
STREAM = "ingestion-stream"
BATCH = "ingestion-batch"
RAW_ZONE, CURATED_ZONE = "$(SMP_RAW_ZONE)", "$(SMP_CURATED_ZONE)"
SOURCE_SECRET = "ingestion-source-db"  # noqa: S105 - the name of a Secret
SOURCE_SECRET_KEY = "credentials.json"  # noqa: S105 - a key name
SOURCE_MOUNT = {"name": "source-db", "mountPath": "/etc/source-db", "readOnly": True}
SOURCE_CREDENTIALS = "/etc/source-db/" + SOURCE_SECRET_KEY
# The Deployment never idles out (the CLI's upper bound): Kubernetes would restart it.
STREAM_MAX_IDLE_SECONDS = 86400.0


def source_dsn(cloud: CloudPlatform, database: str) -> pulumi.Output[str]:
    """A libpq connection string to `database` on the stack's server: TLS, no password."""

    def dsn(endpoint: str) -> str:
        host = endpoint.rsplit(":", 1)[0] if endpoint.count(":") == 1 else endpoint
        return f"host={host} port=5432 dbname={database} sslmode=require"

    return pulumi.Output.from_input(cloud.database_endpoint).apply(dsn)


def zone_env(cloud: CloudPlatform) -> list[dict[str, Any]]:
    """The raw and curated zones' URIs, for `$(SMP_RAW_ZONE)` / `$(SMP_CURATED_ZONE)`."""
    return [
        {"name": "SMP_RAW_ZONE", "value": cloud.storage_uris["raw"]},
        {"name": "SMP_CURATED_ZONE", "value": cloud.storage_uris["curated"]},
    ]


@dataclass(frozen=True)
class IngestionArgs:
    """The image, the batch loader's source and what must exist first."""

    cloud: CloudPlatform
    digest: str
    batch: IngestionBatch
    after: Sequence[pulumi.Resource] = ()


class IngestionWorkloads(pulumi.ComponentResource):
    """The `ingestion` service account, the consumer Deployment, the loader CronJob and
    the `smp-ingestion` PrometheusRule."""

    def __init__(
        self, name: str, args: IngestionArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__("smp:k8s:IngestionWorkloads", name, None, opts)
        cloud = args.cloud
        if cloud.event_stream is None:
            raise ValueError("ingestion needs the cloud layer's event stream")
        child = pulumi.ResourceOptions(parent=self, depends_on=list(args.after))
        namespace, _ = service_account_of(cloud, WORKLOAD)
        account = workload_service_account(f"{name}-sa", cloud, WORKLOAD, child)
        ready = pulumi.ResourceOptions(parent=self, depends_on=[*args.after, account])
        image = image_ref(cloud, WORKLOAD, args.digest)
        self.stream = self._stream(name, cloud, namespace, image, ready)
        self.batch = self._batch(name, cloud, namespace, image, args.batch, ready)
        self.rules = k8s.apiextensions.CustomResource(
            f"{name}-rules",
            api_version="monitoring.coreos.com/v1",
            kind="PrometheusRule",
            metadata={
                "name": INGESTION_RULES_NAME,
                "namespace": MONITORING_NAMESPACE,
                "labels": dict(RELEASE_LABEL),
            },
            spec={"groups": ingestion_rules()},
            opts=ready,
        )
        self.register_outputs({})

    def _stream(
        self,
        name: str,
        cloud: CloudPlatform,
        namespace: str,
        image: pulumi.Output[str],
        opts: pulumi.ResourceOptions,
    ) -> k8s.apps.v1.Deployment:
        stream = cloud.event_stream
        assert stream is not None
        labels = {"app.kubernetes.io/name": STREAM, "app.kubernetes.io/part-of": "smp"}
        argv = commands.ingestion_stream(
            bootstrap_servers="$(SMP_BOOTSTRAP_SERVERS)",
            topic=stream.topic,
            raw_zone=RAW_ZONE,
            curated_zone=CURATED_ZONE,
            max_idle_seconds=STREAM_MAX_IDLE_SECONDS,
            metrics_port=METRICS_PORT,
        )
        template = PodTemplate(
            cloud,
            WORKLOAD,
            labels,
            [
                Container(
                    "consume",
                    image,
                    argv,
                    Resources("1", "2Gi", "2", "4Gi"),
                    env=[
                        {"name": "SMP_BOOTSTRAP_SERVERS", "value": stream.bootstrap_servers},
                        # How the client authenticates (the token callback is not built yet).
                        {"name": "SMP_KAFKA_SECURITY_PROTOCOL", "value": stream.security_protocol},
                        {"name": "SMP_KAFKA_SASL_MECHANISM", "value": stream.sasl_mechanism},
                        {"name": "SMP_KAFKA_AUTH_VIA", "value": stream.auth_via},
                        *zone_env(cloud),
                    ],
                    ports=[METRICS_PORT],
                    probe=http_probe("/metrics", METRICS_PORT),
                )
            ],
        )
        deployment = k8s.apps.v1.Deployment(
            f"{name}-stream",
            metadata={"name": STREAM, "namespace": namespace, "labels": labels},
            spec={
                # One consumer assigns itself every partition (two would race on curated);
                # the old pod stops (finishing and committing its batch) before the new one.
                "replicas": 1,
                "strategy": {"type": "Recreate"},
                "selector": {"matchLabels": labels},
                "template": {
                    **template.manifest(),
                    "spec": {
                        **template.manifest()["spec"],
                        "terminationGracePeriodSeconds": 120,
                    },
                },
            },
            opts=opts,
        )
        k8s.core.v1.Service(
            f"{name}-stream-metrics",
            metadata={"name": STREAM, "namespace": namespace, "labels": labels},
            spec={
                "selector": labels,
                "ports": [{"name": "metrics", "port": METRICS_PORT, "targetPort": METRICS_PORT}],
            },
            opts=opts,
        )
        service_monitor(f"{name}-stream-monitor", STREAM, namespace, labels, "metrics", opts)
        return deployment

    def _batch(
        self,
        name: str,
        cloud: CloudPlatform,
        namespace: str,
        image: pulumi.Output[str],
        batch: IngestionBatch,
        opts: pulumi.ResourceOptions,
    ) -> k8s.batch.v1.CronJob:
        labels = {"app.kubernetes.io/name": BATCH, "app.kubernetes.io/part-of": "smp"}
        argv = commands.with_db_credentials(
            SOURCE_CREDENTIALS,
            commands.ingestion_batch(
                dsn="$(SMP_SOURCE_DSN)",
                table=batch.table,
                raw_zone=RAW_ZONE,
                curated_zone=CURATED_ZONE,
                watermark_column=batch.watermark_column,
                key_column=batch.key_column,
                page_rows=batch.page_rows,
            ),
        )
        template = PodTemplate(
            cloud,
            WORKLOAD,
            labels,
            [
                Container(
                    "load",
                    image,
                    argv,
                    Resources("500m", "1Gi", "1", "2Gi"),
                    env=[
                        {"name": "SMP_SOURCE_DSN", "value": source_dsn(cloud, batch.database)},
                        *zone_env(cloud),
                    ],
                    mounts=[SOURCE_MOUNT],
                )
            ],
            volumes=[
                {
                    "name": "source-db",
                    "secret": {
                        "secretName": SOURCE_SECRET,
                        "defaultMode": 0o440,
                        "items": [{"key": SOURCE_SECRET_KEY, "path": SOURCE_SECRET_KEY}],
                    },
                },
            ],
            restart_policy="Never",
        )
        return k8s.batch.v1.CronJob(
            f"{name}-batch",
            metadata={"name": BATCH, "namespace": namespace, "labels": labels},
            spec={
                "schedule": batch.schedule,
                "timeZone": "Etc/UTC",
                # One loader at a time: the saved watermark is its position.
                "concurrencyPolicy": "Forbid",
                "startingDeadlineSeconds": 600,
                "successfulJobsHistoryLimit": 3,
                "failedJobsHistoryLimit": 3,
                "jobTemplate": {
                    "metadata": {"labels": labels},
                    "spec": {
                        # A retried pod resumes after the last saved page.
                        "backoffLimit": 3,
                        "activeDeadlineSeconds": 3600,
                        "ttlSecondsAfterFinished": 86400,
                        "template": template.manifest(),
                    },
                },
            },
            opts=opts,
        )
