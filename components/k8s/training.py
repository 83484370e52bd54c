"""The reference training workload: one concrete single-node job and a distributed option.

Both are CronJobs in `training`: with `training.schedule` set the single-node job
retrains on that schedule; otherwise (and always for the distributed one) they are
suspended templates an ML engineer launches on demand
(`kubectl create job --from=cronjob/reference-training train-1 -n training`), so
`pulumi up` never trains by side effect and never waits on a training run.

The single-node job trains the stack's scikit-learn `modelKind`; the distributed option
runs the data-parallel PyTorch trainer (`torch_mlp_ddp`, workloads/training/ddp.py) on
every rank, checkpointing under the artifacts store so that a Job whose worker was lost
resumes where it stopped.

The single-node job reads point-in-time features through Feast (the stack's
feature_store.yaml, online-store credentials from a Secret on AWS, Entra on Azure),
logs and registers through MLflow as the `training` user, and reaches the object
stores with the `training` workload identity. With a GPU it requests one and
tolerates the GPU pool's taint.

The distributed option is an Indexed Job of `nodes` pods running `torchrun`: pod
`<job>-<index>` gets the node rank from `JOB_COMPLETION_INDEX`, rank 0 is the
rendezvous host, found through a headless Service (the pods' `subdomain`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NotRequired, TypedDict

import pulumi
import pulumi_kubernetes as k8s

from components.interface import CloudPlatform
from components.k8s.feature_store import (
    FEAST_VOLUME,
    REPO_DIR,
    REPO_MOUNT,
    feast_client,
    feast_env,
)
from components.k8s.queues import queue_label
from components.k8s.registry import TRACKING_URI, mlflow_client_env
from components.k8s.workload_pod import (
    CA_MOUNT,
    Container,
    PodTemplate,
    Resources,
    ca_volume,
    image_ref,
    service_account_of,
)
from platform_spec import PlatformConfig
from workloads.contract import commands
from workloads.contract.feature_store import FEAST_PROJECT

WORKLOAD = "training"
JOB = "reference-training"
DISTRIBUTED_JOB = "reference-training-distributed"
WORKERS_SERVICE = "training-workers"
TORCHRUN_PORT = 29500
# CronJob needs a schedule even while suspended; it never fires while suspended.
ON_DEMAND_SCHEDULE = "0 0 1 1 *"
TRANSACTIONS = "transactions.parquet"  # written by the data pipeline into offline-store
DISTRIBUTED_LABEL = {"smp.io/training": "distributed"}
# Under the artifacts store: the distributed trainer's checkpoints, one folder per Job.
CHECKPOINTS_PREFIX = "training-checkpoints"


class TrainingArgs(TypedDict):
    """Keyword arguments of `commands.training_args` (and `commands.training`)."""

    feature_repo: str
    transactions: str
    tracking_uri: str
    model_name: str
    model_kind: str
    checkpoint_uri: NotRequired[str]


def training_args(platform: PlatformConfig) -> TrainingArgs:
    """The training module's arguments (feature repo, data, registry, model)."""
    return {
        "feature_repo": REPO_DIR,
        "transactions": "$(SMP_TRANSACTIONS_URI)",
        "tracking_uri": TRACKING_URI,
        "model_name": platform.serving.registered_model,
        "model_kind": platform.training.model_kind,
    }


def _job_spec(
    template: dict[str, Any], *, deadline: int, backoff: int, indexed: int = 0
) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "backoffLimit": backoff,
        "activeDeadlineSeconds": deadline,
        "ttlSecondsAfterFinished": 7 * 86400,
        "template": template,
    }
    if indexed:
        spec.update({"completionMode": "Indexed", "completions": indexed, "parallelism": indexed})
    return spec


@dataclass(frozen=True)
class TrainingJobsArgs:
    """The stack's training settings and the training image."""

    cloud: CloudPlatform
    platform: PlatformConfig
    digest: str
    # What must exist before this component's resources are created.
    after: Sequence[pulumi.Resource] = ()
    # The Feast project the clients' feature_store.yaml names.
    feast_project: str = FEAST_PROJECT


class TrainingJobs(pulumi.ComponentResource):
    """The `training` service account, Feast client config and the training CronJobs."""

    def __init__(
        self, name: str, args: TrainingJobsArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        cloud = args.cloud
        platform = args.platform
        digest = args.digest
        depends_on = args.after
        super().__init__("smp:k8s:TrainingJobs", name, None, opts)
        client = feast_client(self, name, cloud, WORKLOAD, depends_on, args.feast_project)
        namespace, ready = client.namespace, client.ready()
        training = platform.training
        gpu = platform.training_on_gpu
        image = image_ref(cloud, WORKLOAD, digest)
        transactions = pulumi.Output.from_input(cloud.storage_uris["offline-store"]).apply(
            lambda uri: f"{str(uri or '').rstrip('/')}/{TRANSACTIONS}"
        )
        env: list[dict[str, Any]] = [
            {"name": "SMP_TRANSACTIONS_URI", "value": transactions},
            *mlflow_client_env(),
            *feast_env(cloud),
        ]
        volumes = [FEAST_VOLUME, ca_volume(namespace)]
        mounts = [REPO_MOUNT, CA_MOUNT]
        schedule = training.schedule or ON_DEMAND_SCHEDULE
        suspended = training.schedule is None
        labels = {"app.kubernetes.io/name": JOB, "app.kubernetes.io/part-of": "smp"}
        resources = (
            Resources("4", "16Gi", "8", "32Gi", gpus=1)
            if gpu
            else Resources("2", "8Gi", "4", "16Gi")
        )
        # The retraining WorkflowTemplate runs its steps as this workload, alike.
        self.image, self.env, self.volumes, self.mounts = image, env, volumes, mounts
        self.resources = resources
        single = PodTemplate(
            cloud,
            WORKLOAD,
            labels,
            [
                Container(
                    "train",
                    image,
                    commands.training(**training_args(platform)),
                    resources,
                    env=env,
                    mounts=mounts,
                )
            ],
            volumes=volumes,
            gpu=gpu,
            restart_policy="Never",
        )
        self.job = k8s.batch.v1.CronJob(
            f"{name}-job",
            metadata={"name": JOB, "namespace": namespace, "labels": labels},
            spec={
                "schedule": schedule,
                "suspend": suspended,
                "concurrencyPolicy": "Forbid",
                "successfulJobsHistoryLimit": 3,
                "failedJobsHistoryLimit": 3,
                "jobTemplate": {
                    # Submitted through the platform team's Kueue LocalQueue.
                    "metadata": {"labels": {**labels, **queue_label(platform)}},
                    "spec": _job_spec(single.manifest(), deadline=6 * 3600, backoff=1),
                },
            },
            opts=ready,
        )
        self.distributed: k8s.batch.v1.CronJob | None = None
        if training.distributed is not None:
            self.distributed = self._distributed(
                name, cloud, platform, image, env, volumes, mounts, ready
            )
        self.register_outputs({})

    def _distributed(
        self,
        name: str,
        cloud: CloudPlatform,
        platform: PlatformConfig,
        image: pulumi.Output[str],
        env: list[dict[str, Any]],
        volumes: list[dict[str, Any]],
        mounts: list[dict[str, Any]],
        ready: pulumi.ResourceOptions,
    ) -> k8s.batch.v1.CronJob:
        dist = platform.training.distributed
        assert dist is not None
        namespace, _ = service_account_of(cloud, WORKLOAD)
        labels = {
            "app.kubernetes.io/name": DISTRIBUTED_JOB,
            "app.kubernetes.io/part-of": "smp",
            **DISTRIBUTED_LABEL,
        }
        child = pulumi.ResourceOptions(parent=self)
        # Pods of an Indexed Job are `<job>-<index>`; with `subdomain` they resolve as
        # `<job>-<index>.<service>` through this headless Service.
        k8s.core.v1.Service(
            f"{name}-workers",
            metadata={"name": WORKERS_SERVICE, "namespace": namespace, "labels": labels},
            spec={
                "clusterIP": "None",
                "publishNotReadyAddresses": True,
                "selector": DISTRIBUTED_LABEL,
                "ports": [
                    {
                        "name": "rendezvous",
                        "port": TORCHRUN_PORT,
                        "targetPort": TORCHRUN_PORT,
                        "protocol": "TCP",
                    }
                ],
            },
            opts=child,
        )
        # torchrun's rendezvous and the collective's (NCCL/gloo) connections go between
        # the workers of a job only: any TCP port, but only to and from those pods.
        peers = [{"podSelector": {"matchLabels": DISTRIBUTED_LABEL}}]
        k8s.networking.v1.NetworkPolicy(
            f"{name}-workers-mesh",
            metadata={"name": "allow-training-workers-mesh", "namespace": namespace},
            spec={
                "podSelector": {"matchLabels": DISTRIBUTED_LABEL},
                "policyTypes": ["Ingress", "Egress"],
                "ingress": [
                    {"from": peers, "ports": [{"protocol": "TCP", "port": 1024, "endPort": 65535}]}
                ],
                "egress": [
                    {"to": peers, "ports": [{"protocol": "TCP", "port": 1024, "endPort": 65535}]}
                ],
            },
            opts=child,
        )
        # Every rank runs the data-parallel trainer (workloads/training/ddp.py); rank 0
        # checkpoints under the artifacts store, one folder per Job, so the Job's
        # replacement pods (after a worker is lost) resume there and register once.
        ddp_args = training_args(platform)
        ddp_args["model_kind"] = commands.TORCH_DDP_MODEL_KIND
        ddp_args["checkpoint_uri"] = "$(SMP_CHECKPOINTS_URI)/$(SMP_JOB_NAME)"
        command = commands.distributed_training(
            nodes=dist.nodes,
            gpus_per_node=dist.gpus_per_node,
            master_addr=f"$(SMP_JOB_NAME)-0.{WORKERS_SERVICE}",
            master_port=TORCHRUN_PORT,
            train_args=commands.training_args(**ddp_args),
        )
        checkpoints = pulumi.Output.from_input(cloud.storage_uris["artifacts"]).apply(
            lambda uri: f"{str(uri or '').rstrip('/')}/{CHECKPOINTS_PREFIX}"
        )
        job_env: list[Mapping[str, Any]] = [
            {
                "name": "SMP_JOB_NAME",
                "valueFrom": {
                    "fieldRef": {"fieldPath": "metadata.labels['batch.kubernetes.io/job-name']"}
                },
            },
            {"name": "SMP_CHECKPOINTS_URI", "value": checkpoints},
            *env,
        ]
        template = PodTemplate(
            cloud,
            WORKLOAD,
            labels,
            [
                Container(
                    "train",
                    image,
                    command,
                    Resources("4", "16Gi", "8", "32Gi", gpus=dist.gpus_per_node),
                    env=job_env,
                    ports=[TORCHRUN_PORT],
                    mounts=mounts,
                )
            ],
            volumes=volumes,
            gpu=True,
            restart_policy="Never",
            extra_spec={"subdomain": WORKERS_SERVICE},
        )
        # Always on demand: the schedule (if any) belongs to the single-node job.
        return k8s.batch.v1.CronJob(
            f"{name}-distributed",
            metadata={"name": DISTRIBUTED_JOB, "namespace": namespace, "labels": labels},
            spec={
                "schedule": ON_DEMAND_SCHEDULE,
                "suspend": True,
                "concurrencyPolicy": "Forbid",
                "successfulJobsHistoryLimit": 3,
                "failedJobsHistoryLimit": 3,
                "jobTemplate": {
                    # Queued and admitted all or nothing (Kueue's waitForPodsReady).
                    "metadata": {"labels": {**labels, **queue_label(platform)}},
                    # A lost worker fails every rank's torchrun: the replacement pods
                    # resume from the checkpoint, up to three times per rank.
                    "spec": _job_spec(
                        template.manifest(),
                        deadline=12 * 3600,
                        backoff=3 * dist.nodes,
                        indexed=dist.nodes,
                    ),
                },
            },
            opts=ready,
        )
