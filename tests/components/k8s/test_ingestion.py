"""Ingestion in the cluster: the consumer Deployment, the loader CronJob and their alerts,
read from the offline plans of the shipped stacks (no Kubernetes API server runs here:
what the API server would accept is checked by the schema and checkov tests of
test_in_cluster.py over the same rendering)."""

from __future__ import annotations

from typing import Any

import pytest

from components.interface import WORKLOAD_SERVICE_ACCOUNTS
from components.k8s import ingestion, ml_alerts
from components.k8s.workload_pod import CONTAINER_SECURITY
from stacks.stack_files import load_stack_file
from tests.components.k8s.test_ml_services import STACKS, pod_spec
from tests.support.paths import REPO
from tests.support.plans import objects
from tests.support.plans import one_object as one
from tests.support.promql import parse_promql
from workloads.contract import commands
from workloads.contract import monitoring as names
from workloads.ingestion.__main__ import parser


@pytest.mark.parametrize("stack", STACKS)
def test_the_consumer_is_one_hardened_deployment_running_the_contract_argv(
    plan_of: Any, stack: str
) -> None:
    plan = plan_of(stack)
    p = load_stack_file(stack).platform
    namespace, account = WORKLOAD_SERVICE_ACCOUNTS["ingestion"]
    deployment = one(plan, "Deployment", ingestion.STREAM)
    assert deployment["metadata"]["namespace"] == namespace == "ingestion"
    assert deployment["spec"]["replicas"] == 1
    assert deployment["spec"]["strategy"] == {"type": "Recreate"}
    spec = pod_spec(deployment)
    assert spec["serviceAccountName"] == account
    assert spec["automountServiceAccountToken"] is False
    (container,) = spec["containers"]
    assert container["command"] == commands.ingestion_stream(
        bootstrap_servers="$(SMP_BOOTSTRAP_SERVERS)",
        topic=p.ingestion.stream.topic,
        raw_zone="$(SMP_RAW_ZONE)",
        curated_zone="$(SMP_CURATED_ZONE)",
        max_idle_seconds=ingestion.STREAM_MAX_IDLE_SECONDS,
        metrics_port=9090,
    )
    # The argv is one the workload's own parser accepts.
    args = parser().parse_args(container["command"][3:])
    assert (args.command, args.metrics_port, args.topic) == (
        "stream",
        9090,
        p.ingestion.stream.topic,
    )
    assert container["securityContext"] == CONTAINER_SECURITY
    assert p.images is not None
    assert container["image"].endswith("@" + p.images.digests["ingestion"])
    env = {e["name"]: e["value"] for e in container["env"]}
    # The cloud's broker endpoint, on its TLS listener.
    port = 9098 if p.cloud == "aws" else 9093
    servers = env["SMP_BOOTSTRAP_SERVERS"].split(",")
    assert servers
    assert all(s.endswith(f":{port}") for s in servers)
    assert env["SMP_KAFKA_SECURITY_PROTOCOL"] == "SASL_SSL"
    assert container["readinessProbe"]["httpGet"]["port"] == 9090
    # The zones are the stack's raw and curated stores (written with the identity).
    uris = plan.outputs["storageUris"]
    assert (env["SMP_RAW_ZONE"], env["SMP_CURATED_ZONE"]) == (uris["raw"], uris["curated"])
    assert uris["raw"] != uris["curated"]
    assert uris["raw"].startswith("s3://" if p.cloud == "aws" else "abfss://")
    assert {v["name"] for v in spec["volumes"]} == {"tmp"}
    # Prometheus finds the metrics port.
    monitor = one(plan, "ServiceMonitor", ingestion.STREAM)
    assert monitor["spec"]["endpoints"][0]["port"] == "metrics"
    service = one(plan, "Service", ingestion.STREAM)
    assert service["spec"]["ports"][0]["port"] == 9090


@pytest.mark.parametrize("stack", ["aws-uae-dev", "azure-uaenorth-prod"])
def test_the_loader_is_a_cronjob_reading_the_source_with_secret_credentials(
    plan_of: Any, stack: str
) -> None:
    plan = plan_of(stack)
    batch = load_stack_file(stack).platform.ingestion.batch
    cron = one(plan, "CronJob", ingestion.BATCH)
    assert cron["metadata"]["namespace"] == "ingestion"
    assert (cron["spec"]["schedule"], cron["spec"]["concurrencyPolicy"]) == (
        batch.schedule,
        "Forbid",
    )
    spec = pod_spec(cron)
    assert spec["serviceAccountName"] == WORKLOAD_SERVICE_ACCOUNTS["ingestion"][1]
    assert spec["restartPolicy"] == "Never"
    (container,) = spec["containers"]
    inner = commands.ingestion_batch(
        dsn="$(SMP_SOURCE_DSN)",
        table=batch.table,
        raw_zone="$(SMP_RAW_ZONE)",
        curated_zone="$(SMP_CURATED_ZONE)",
        watermark_column=batch.watermark_column,
        key_column=batch.key_column,
        page_rows=batch.page_rows,
    )
    assert container["command"] == commands.with_db_credentials(ingestion.SOURCE_CREDENTIALS, inner)
    assert parser().parse_args(inner[3:]).table == batch.table
    (dsn,) = [e["value"] for e in container["env"] if e["name"] == "SMP_SOURCE_DSN"]
    zones = {e["name"]: e["value"] for e in container["env"] if e["name"].endswith("_ZONE")}
    uris = plan.outputs["storageUris"]
    assert zones == {"SMP_RAW_ZONE": uris["raw"], "SMP_CURATED_ZONE": uris["curated"]}
    assert f"dbname={batch.database}" in dsn
    assert "sslmode=require" in dsn
    assert "password" not in dsn.lower()
    source = next(v for v in spec["volumes"] if v["name"] == "source-db")
    assert source["secret"]["secretName"] == ingestion.SOURCE_SECRET
    # The stack never creates (so never holds) the source's credentials.
    assert not [
        s
        for s in objects(plan, "Secret", "ingestion")
        if s["metadata"]["name"] == ingestion.SOURCE_SECRET
    ]


def test_the_data_quality_alerts_read_what_the_consumer_exports(plan_of: Any) -> None:
    rules = one(plan_of("aws-uae-dev"), "PrometheusRule", ml_alerts.INGESTION_RULES_NAME)
    assert rules["metadata"]["namespace"] == "monitoring"
    alerts = [r for g in rules["spec"]["groups"] for r in g["rules"]]
    exported = {
        names.INGESTION_ROWS_IN,
        names.INGESTION_ROWS_VALID,
        names.INGESTION_ROWS_QUARANTINED,
        names.INGESTION_LAG,
        names.INGESTION_FRESHNESS,
    }
    used: set[str] = set()
    for alert in alerts:
        parsed = parse_promql(alert["expr"])
        assert parsed.metrics <= exported, alert["alert"]
        used |= parsed.metrics
        path, _, anchor = alert["annotations"]["runbook_url"].partition("#")
        assert f"\n## {anchor}\n" in (REPO / path).read_text(), alert["alert"]
    assert used == exported  # every data-quality series is alerted on
