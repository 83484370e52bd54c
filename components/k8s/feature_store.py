"""Feast: the feature server, the materialization CronJob and the cloud `feature_store.yaml`.

The registry lives on the stack's object store (offline-store), the online store is
the stack's Redis over TLS. `feature_store.yaml` is generated from the cloud layer's
outputs by the workload contract's `feature_store.cloud_config`, so the cluster and
`make demo` share one generator; the Redis password is never in it (Feast expands
`${SMP_REDIS_PASSWORD}` from a Secret-backed environment variable).
"""

from __future__ import annotations

from typing import Any

import pulumi
import pulumi_kubernetes as k8s
import yaml

from components.interface import CloudPlatform
from components.k8s.namespaces import FEATURE_SERVER_PORT
from components.k8s.workload_pod import (
    TLS_MOUNT,
    Container,
    PodTemplate,
    Resources,
    disruption_budget,
    https_probe,
    image_ref,
    secret_env,
    service_account_of,
    tls_volume,
    workload_service_account,
    zone_spread,
)
from workloads.contract import commands
from workloads.contract import feature_store as store_contract

WORKLOAD = "feature-store"
SERVICE = "feature-server"
STORE_CONFIG = "feature-store-config"
REDIS_SECRET = "online-store-auth"  # noqa: S105 - the name of a Secret
REDIS_SECRET_KEY = "password"  # noqa: S105 - a key name in the Secret
REPO_MOUNT = {"name": "feast-config", "mountPath": "/etc/feast", "readOnly": True}
REPO_DIR = "/etc/feast"
STORE_YAML = f"{REPO_DIR}/feature_store.yaml"
FEATURES_SOURCE = "card_features.parquet"  # written by the data pipeline into offline-store


def blob_uri(uri: str) -> str:
    """`abfss://<container>@<account>.dfs.core.windows.net/<path>` as the Blob endpoint
    URI Feast's Azure registry store reads; other URIs unchanged."""
    if not uri.startswith("abfss://"):
        return uri.rstrip("/")
    rest = uri[len("abfss://"):]
    container, _, host_path = rest.partition("@")
    host, _, path = host_path.partition("/")
    account = host.split(".", 1)[0]
    return f"https://{account}.blob.core.windows.net/{container}/{path}".rstrip("/")


def store_yaml(cloud: CloudPlatform, project: str = store_contract.FEAST_PROJECT
               ) -> pulumi.Output[str]:
    """The cloud `feature_store.yaml` of Feast project `project`, from the stack's outputs."""
    def render(values: list[Any]) -> str:
        uri, endpoint = str(values[0] or ""), str(values[1] or "")
        host, _, port = endpoint.rpartition(":")
        return store_contract.render(store_contract.cloud_config({
            "cloud": cloud.cloud, "region": cloud.region,
            "feature_store_uri": blob_uri(uri) + "/feast",
            "redis_host": host, "redis_port": port}, project),
            lambda body: yaml.safe_dump(body, sort_keys=False))
    return pulumi.Output.all(cloud.storage_uris["offline-store"],
                             cloud.redis_endpoint).apply(render)


def feast_client_objects(name: str, cloud: CloudPlatform, namespace: str,
                         opts: pulumi.ResourceOptions) -> list[pulumi.Resource]:
    """What a Feast client namespace needs: the store config and (AWS) the Redis token."""
    made: list[pulumi.Resource] = [k8s.core.v1.ConfigMap(
        f"{name}-feast-config", metadata={"name": STORE_CONFIG, "namespace": namespace},
        data={"feature_store.yaml": store_yaml(cloud)}, opts=opts)]
    if cloud.redis_auth_token is not None:
        made.append(k8s.core.v1.Secret(
            f"{name}-online-store-auth",
            metadata={"name": REDIS_SECRET, "namespace": namespace}, type="Opaque",
            string_data={REDIS_SECRET_KEY: cloud.redis_auth_token}, opts=opts))
    return made


def feast_env(cloud: CloudPlatform) -> list[dict[str, Any]]:
    """The Redis password for Feast's `${SMP_REDIS_PASSWORD}` (AWS); Azure uses Entra."""
    if cloud.redis_auth_token is None:
        return []
    return [secret_env(store_contract.REDIS_PASSWORD_ENV, REDIS_SECRET, REDIS_SECRET_KEY)]


FEAST_VOLUME = {"name": "feast-config", "configMap": {"name": STORE_CONFIG}}


class FeatureStore(pulumi.ComponentResource):
    """The Feast feature server (TLS, ClusterIP) and the materialization CronJob."""

    def __init__(self, name: str, cloud: CloudPlatform, digest: str, replicas: int,
                 schedule: str, opts: pulumi.ResourceOptions | None = None,
                 depends_on: list[pulumi.Resource] | None = None) -> None:
        super().__init__("smp:k8s:FeatureStore", name, None, opts)
        after = list(depends_on or [])
        child = pulumi.ResourceOptions(parent=self, depends_on=after)
        namespace, _ = service_account_of(cloud, WORKLOAD)
        labels = {"app.kubernetes.io/name": SERVICE, "app.kubernetes.io/part-of": "smp"}
        account = workload_service_account(f"{name}-sa", cloud, WORKLOAD, child)
        config = feast_client_objects(name, cloud, namespace, child)
        ready = pulumi.ResourceOptions(parent=self, depends_on=[account, *config, *after])
        image = image_ref(cloud, WORKLOAD, digest)
        server = Container(
            SERVICE, image,
            commands.feature_server(repo_dir=REPO_DIR, port=FEATURE_SERVER_PORT,
                                       tls_key="/etc/tls/tls.key",
                                       tls_cert="/etc/tls/tls.crt"),
            Resources("500m", "1Gi", "2", "2Gi"), env=feast_env(cloud),
            ports=[FEATURE_SERVER_PORT], mounts=[REPO_MOUNT, TLS_MOUNT],
            probe=https_probe("/health", FEATURE_SERVER_PORT))
        self.deployment = k8s.apps.v1.Deployment(
            f"{name}-server",
            metadata={"name": SERVICE, "namespace": namespace, "labels": labels},
            spec={"replicas": replicas, "selector": {"matchLabels": labels},
                  "template": PodTemplate(
                      cloud, WORKLOAD, labels, [server],
                      volumes=[FEAST_VOLUME, tls_volume(SERVICE)],
                      extra_spec={"topologySpreadConstraints": zone_spread(labels)},
                  ).manifest()},
            opts=ready)
        k8s.core.v1.Service(
            f"{name}-service",
            metadata={"name": SERVICE, "namespace": namespace, "labels": labels},
            spec={"type": "ClusterIP", "selector": labels,
                  "ports": [{"name": "https", "port": FEATURE_SERVER_PORT,
                             "targetPort": FEATURE_SERVER_PORT, "protocol": "TCP"}]},
            opts=child)
        disruption_budget(f"{name}-pdb", SERVICE, namespace, labels, child)
        job_labels = {"app.kubernetes.io/name": "feast-materialize",
                      "app.kubernetes.io/part-of": "smp"}
        source = pulumi.Output.from_input(cloud.storage_uris["offline-store"]).apply(
            lambda uri: f"{str(uri or '').rstrip('/')}/{FEATURES_SOURCE}")
        materialize = Container(
            "materialize", image,
            commands.materialize(store_yaml=STORE_YAML,
                                    repo_dir="/tmp/feature-repo",  # noqa: S108 - emptyDir
                                    source_uri="$(SMP_CARD_FEATURES_SOURCE_URI)"),
            Resources("500m", "2Gi", "2", "4Gi"),
            env=[*feast_env(cloud), {"name": "SMP_CARD_FEATURES_SOURCE_URI", "value": source}],
            mounts=[REPO_MOUNT])
        self.materialization = k8s.batch.v1.CronJob(
            f"{name}-materialize",
            metadata={"name": "feast-materialize", "namespace": namespace,
                      "labels": job_labels},
            spec={"schedule": schedule, "concurrencyPolicy": "Forbid",
                  "successfulJobsHistoryLimit": 3, "failedJobsHistoryLimit": 3,
                  "jobTemplate": {"spec": {"backoffLimit": 2, "activeDeadlineSeconds": 3600,
                                           "template": PodTemplate(
                                               cloud, WORKLOAD, job_labels, [materialize],
                                               volumes=[FEAST_VOLUME],
                                               restart_policy="Never").manifest()}}},
            opts=ready)
        self.register_outputs({})
