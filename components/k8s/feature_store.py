"""Feast: the feature server, the materialization CronJob and the cloud `feature_store.yaml`.

The registry lives on the stack's object store (offline-store), the online store is
the stack's Redis over TLS. `feature_store.yaml` is generated from the cloud layer's
outputs by the workload contract's `feature_store.cloud_config`, so the cluster and
`make demo` share one generator; the Redis password is never in it (Feast expands
`${SMP_REDIS_PASSWORD}` from a Secret-backed environment variable).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
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
    rest = uri[len("abfss://") :]
    container, _, host_path = rest.partition("@")
    host, _, path = host_path.partition("/")
    account = host.split(".", 1)[0]
    return f"https://{account}.blob.core.windows.net/{container}/{path}".rstrip("/")


def store_yaml(
    cloud: CloudPlatform, project: str = store_contract.FEAST_PROJECT
) -> pulumi.Output[str]:
    """The cloud `feature_store.yaml` of Feast project `project`, from the stack's outputs."""

    def render(values: list[Any]) -> str:
        uri, endpoint = str(values[0] or ""), str(values[1] or "")
        host, _, port = endpoint.rpartition(":")
        return store_contract.render(
            store_contract.cloud_config(
                {
                    "cloud": cloud.cloud,
                    "region": cloud.region,
                    "feature_store_uri": blob_uri(uri) + "/feast",
                    "redis_host": host,
                    "redis_port": port,
                },
                project,
            ),
            lambda body: yaml.safe_dump(body, sort_keys=False),
        )

    return pulumi.Output.all(cloud.storage_uris["offline-store"], cloud.redis_endpoint).apply(
        render
    )


def feast_client_objects(
    name: str,
    cloud: CloudPlatform,
    namespace: str,
    opts: pulumi.ResourceOptions,
    project: str = store_contract.FEAST_PROJECT,
    online_store: bool = True,
) -> list[pulumi.Resource]:
    """What a Feast client namespace needs: the store config and (AWS) the Redis token,
    unless its clients read the offline store only (`online_store=False`)."""
    made: list[pulumi.Resource] = [
        k8s.core.v1.ConfigMap(
            f"{name}-feast-config",
            metadata={"name": STORE_CONFIG, "namespace": namespace},
            data={"feature_store.yaml": store_yaml(cloud, project)},
            opts=opts,
        )
    ]
    if online_store and cloud.redis_auth_token is not None:
        made.append(
            k8s.core.v1.Secret(
                f"{name}-online-store-auth",
                metadata={"name": REDIS_SECRET, "namespace": namespace},
                type="Opaque",
                string_data={REDIS_SECRET_KEY: cloud.redis_auth_token},
                opts=opts,
            )
        )
    return made


def feast_env(cloud: CloudPlatform) -> list[dict[str, Any]]:
    """The Redis password for Feast's `${SMP_REDIS_PASSWORD}` (AWS); Azure uses Entra."""
    if cloud.redis_auth_token is None:
        return []
    return [secret_env(store_contract.REDIS_PASSWORD_ENV, REDIS_SECRET, REDIS_SECRET_KEY)]


@dataclass
class FeastClient:
    """A component's Feast client set-up in its workload's namespace: the service account
    bound to the workload's cloud identity, the store config (and Redis token), and the
    options its pods are created with."""

    parent: pulumi.Resource
    namespace: str
    account: k8s.core.v1.ServiceAccount
    objects: list[pulumi.Resource]
    after: list[pulumi.Resource]
    child: pulumi.ResourceOptions

    def ready(self, *more: pulumi.Resource) -> pulumi.ResourceOptions:
        """Options for what may start only once the account, the config and `more` exist."""
        return pulumi.ResourceOptions(
            parent=self.parent, depends_on=[self.account, *more, *self.objects, *self.after]
        )


def feast_client(
    component: pulumi.Resource,
    name: str,
    cloud: CloudPlatform,
    workload: str,
    after: Sequence[pulumi.Resource],
    project: str,
    online_store: bool = True,
) -> FeastClient:
    """The service account and Feast client objects of `workload`, children of `component`
    (without the online store's token where `workload` reads the offline store only)."""
    child = pulumi.ResourceOptions(parent=component, depends_on=list(after))
    namespace, _ = service_account_of(cloud, workload)
    account = workload_service_account(f"{name}-sa", cloud, workload, child)
    objects = feast_client_objects(name, cloud, namespace, child, project, online_store)
    return FeastClient(component, namespace, account, objects, list(after), child)


FEAST_VOLUME = {"name": "feast-config", "configMap": {"name": STORE_CONFIG}}


@dataclass(frozen=True)
class FeatureStoreArgs:
    """Feast's image, replicas and materialization schedule."""

    cloud: CloudPlatform
    digest: str
    replicas: int
    schedule: str
    # What must exist before this component's resources are created.
    after: Sequence[pulumi.Resource] = ()
    # The Feast project its feature_store.yaml names (`platform.featureStore.project`).
    project: str = store_contract.FEAST_PROJECT


class FeatureStore(pulumi.ComponentResource):
    """The Feast feature server (TLS, ClusterIP) and the materialization CronJob."""

    def __init__(
        self, name: str, args: FeatureStoreArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        cloud = args.cloud
        digest = args.digest
        replicas = args.replicas
        schedule = args.schedule
        depends_on = args.after
        super().__init__("smp:k8s:FeatureStore", name, None, opts)
        client = feast_client(self, name, cloud, WORKLOAD, depends_on, args.project)
        namespace, child, ready = client.namespace, client.child, client.ready()
        labels = {"app.kubernetes.io/name": SERVICE, "app.kubernetes.io/part-of": "smp"}
        image = image_ref(cloud, WORKLOAD, digest)
        server = Container(
            SERVICE,
            image,
            commands.feature_server(
                repo_dir=REPO_DIR,
                port=FEATURE_SERVER_PORT,
                tls_key="/etc/tls/tls.key",
                tls_cert="/etc/tls/tls.crt",
            ),
            Resources("500m", "1Gi", "2", "2Gi"),
            env=feast_env(cloud),
            ports=[FEATURE_SERVER_PORT],
            mounts=[REPO_MOUNT, TLS_MOUNT],
            probe=https_probe("/health", FEATURE_SERVER_PORT),
        )
        self.deployment = k8s.apps.v1.Deployment(
            f"{name}-server",
            metadata={"name": SERVICE, "namespace": namespace, "labels": labels},
            spec={
                "replicas": replicas,
                "selector": {"matchLabels": labels},
                "template": PodTemplate(
                    cloud,
                    WORKLOAD,
                    labels,
                    [server],
                    volumes=[FEAST_VOLUME, tls_volume(SERVICE)],
                    extra_spec={"topologySpreadConstraints": zone_spread(labels)},
                ).manifest(),
            },
            opts=ready,
        )
        k8s.core.v1.Service(
            f"{name}-service",
            metadata={"name": SERVICE, "namespace": namespace, "labels": labels},
            spec={
                "type": "ClusterIP",
                "selector": labels,
                "ports": [
                    {
                        "name": "https",
                        "port": FEATURE_SERVER_PORT,
                        "targetPort": FEATURE_SERVER_PORT,
                        "protocol": "TCP",
                    }
                ],
            },
            opts=child,
        )
        disruption_budget(f"{name}-pdb", SERVICE, namespace, labels, child)
        job_labels = {
            "app.kubernetes.io/name": "feast-materialize",
            "app.kubernetes.io/part-of": "smp",
        }
        source = pulumi.Output.from_input(cloud.storage_uris["offline-store"]).apply(
            lambda uri: f"{str(uri or '').rstrip('/')}/{FEATURES_SOURCE}"
        )
        materialize = Container(
            "materialize",
            image,
            commands.materialize(
                store_yaml=STORE_YAML,
                repo_dir="/tmp/feature-repo",  # noqa: S108 - emptyDir
                source_uri="$(SMP_CARD_FEATURES_SOURCE_URI)",
            ),
            Resources("500m", "2Gi", "2", "4Gi"),
            env=[*feast_env(cloud), {"name": "SMP_CARD_FEATURES_SOURCE_URI", "value": source}],
            mounts=[REPO_MOUNT],
        )
        self.materialization = k8s.batch.v1.CronJob(
            f"{name}-materialize",
            metadata={"name": "feast-materialize", "namespace": namespace, "labels": job_labels},
            spec={
                "schedule": schedule,
                "concurrencyPolicy": "Forbid",
                "successfulJobsHistoryLimit": 3,
                "failedJobsHistoryLimit": 3,
                "jobTemplate": {
                    "spec": {
                        "backoffLimit": 2,
                        "activeDeadlineSeconds": 3600,
                        "template": PodTemplate(
                            cloud,
                            WORKLOAD,
                            job_labels,
                            [materialize],
                            volumes=[FEAST_VOLUME],
                            restart_policy="Never",
                        ).manifest(),
                    }
                },
            },
            opts=ready,
        )
        self.register_outputs({})
