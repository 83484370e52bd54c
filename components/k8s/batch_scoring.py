"""Batch scoring: the champion over each day's transactions, as an Indexed CronJob.

Every night the CronJob starts an Indexed Job of `workers` pods in the `batch`
namespace; each runs `python -m workloads.batch_scoring` (argv from the workload
contract) over the last `window_days` whole UTC days of the stack's transactions,
scoring the partitions (one per day) its `JOB_COMPLETION_INDEX` picks. Features are
read point-in-time from the Feast offline store (the stack's `feature_store.yaml`; the
online store is never used, so the namespace gets no Redis token and no Redis flow),
the model from MLflow as the `batch-scoring` user (read only), and the results go to
the stack's predictions zone (its own CMK-encrypted bucket / storage account in the
region) under `batch/<model>/`, with a manifest per partition (model version, input
digest). A rerun skips committed partitions, so a retried pod or a rerun of the
CronJob is idempotent. The `batch-scoring` workload identity may read the offline
store and write only the predictions zone.

An ML engineer scores another window or a list of entities on demand from the same
template (`kubectl create job --from=cronjob/batch-scoring rescore-1 -n batch`, then
edit the args) — the argv shape is the contract's `batch_scoring`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_kubernetes as k8s

from components.interface import CloudPlatform
from components.k8s.feature_store import FEAST_VOLUME, REPO_DIR, REPO_MOUNT, feast_client
from components.k8s.registry import TRACKING_URI, mlflow_client_env
from components.k8s.workload_pod import (
    CA_MOUNT,
    Container,
    PodTemplate,
    Resources,
    ca_volume,
    image_ref,
)
from workloads.contract import commands
from workloads.contract.feature_store import FEAST_PROJECT

WORKLOAD = "batch-scoring"
JOB = "batch-scoring"
TRANSACTIONS = "transactions.parquet"  # written by the data pipeline into offline-store
PREDICTIONS_PREFIX = "batch"
# Nightly, after the day closed (and after the materialization's first hours).
DEFAULT_SCHEDULE = "30 2 * * *"


def predictions_uri(cloud: CloudPlatform, model_name: str) -> pulumi.Output[str]:
    """`<predictions zone>/batch/<model>`: where the job's partitions and manifests go."""
    return pulumi.Output.from_input(cloud.storage_uris["predictions"]).apply(
        lambda uri: f"{str(uri or '').rstrip('/')}/{PREDICTIONS_PREFIX}/{model_name}"
    )


@dataclass(frozen=True)
class BatchScoringArgs:
    """The scored model, the image, the schedule and the Job's shape."""

    cloud: CloudPlatform
    digest: str
    model_name: str
    schedule: str = DEFAULT_SCHEDULE
    # Pods of the Indexed Job (partitions are split between them).
    workers: int = 4
    # Whole UTC days before today that each run scores (one partition per day).
    window_days: int = 1
    # What must exist before this component's resources are created.
    after: Sequence[pulumi.Resource] = ()
    # The Feast project the clients' feature_store.yaml names.
    feast_project: str = FEAST_PROJECT


class BatchScoring(pulumi.ComponentResource):
    """The `batch-scoring` service account, its Feast config and the Indexed CronJob."""

    def __init__(
        self, name: str, args: BatchScoringArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__("smp:k8s:BatchScoring", name, None, opts)
        cloud = args.cloud
        client = feast_client(
            self, name, cloud, WORKLOAD, args.after, args.feast_project, online_store=False
        )
        namespace = client.namespace
        labels = {"app.kubernetes.io/name": JOB, "app.kubernetes.io/part-of": "smp"}
        transactions = pulumi.Output.from_input(cloud.storage_uris["offline-store"]).apply(
            lambda uri: f"{str(uri or '').rstrip('/')}/{TRANSACTIONS}"
        )
        env: list[dict[str, Any]] = [
            {"name": "SMP_TRANSACTIONS_URI", "value": transactions},
            {"name": "SMP_PREDICTIONS_URI", "value": predictions_uri(cloud, args.model_name)},
            *mlflow_client_env(),
        ]
        argv = commands.batch_scoring(
            feature_repo=REPO_DIR,
            tracking_uri=TRACKING_URI,
            model_name=args.model_name,
            out="$(SMP_PREDICTIONS_URI)",
            transactions="$(SMP_TRANSACTIONS_URI)",
            last_days=args.window_days,
            workers=args.workers,
        )
        template = PodTemplate(
            cloud,
            WORKLOAD,
            labels,
            [
                Container(
                    "score",
                    image_ref(cloud, WORKLOAD, args.digest),
                    argv,
                    Resources("1", "4Gi", "2", "8Gi"),
                    env=env,
                    mounts=[REPO_MOUNT, CA_MOUNT],
                )
            ],
            volumes=[FEAST_VOLUME, ca_volume(namespace)],
            restart_policy="Never",
        )
        self.job = k8s.batch.v1.CronJob(
            f"{name}-job",
            metadata={"name": JOB, "namespace": namespace, "labels": labels},
            spec={
                "schedule": args.schedule,
                "timeZone": "Etc/UTC",
                "concurrencyPolicy": "Forbid",
                "startingDeadlineSeconds": 3600,
                "successfulJobsHistoryLimit": 3,
                "failedJobsHistoryLimit": 3,
                "jobTemplate": {
                    "metadata": {"labels": labels},
                    "spec": {
                        "completionMode": "Indexed",
                        "completions": args.workers,
                        "parallelism": args.workers,
                        # A retried pod resumes: its committed partitions are skipped.
                        "backoffLimit": 2 * args.workers,
                        "activeDeadlineSeconds": 4 * 3600,
                        "ttlSecondsAfterFinished": 7 * 86400,
                        "template": template.manifest(),
                    },
                },
            },
            opts=client.ready(),
        )
        self.register_outputs({})
