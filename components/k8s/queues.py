"""GPU queueing and quotas with Kueue: the pinned controller, ResourceFlavors, a
ClusterQueue per team and a LocalQueue per team in `training` (and the platform team's
in `serving` when serving runs on GPUs).

- One ResourceFlavor per GPU instance family of the stack's gpu pools, selecting its
  nodes by the family label the pools carry (`smp.io/gpu-family`), and one for CPU and
  memory on any node (GPU nodes are tainted, so CPU pods never land there).
- One ClusterQueue per team of `platform.queues.teams`, all in one cohort: CPU and
  memory in one resource group, GPUs per family in another (a GPU pod gets a family
  flavor for its GPUs and the CPU flavor for the rest); nominal quotas and borrowing
  limits from the stack config, checked against the pools by `platform_spec.checks`.
- One LocalQueue per team in `training`, named after the team; the platform's own
  training Jobs carry `kueue.x-k8s.io/queue-name: <platformTeam>`; so does the serving
  Deployment when `platform.serving.gpu` is on (Kueue's `deployment` integration admits
  each of its pods against the platform team's GPU quota; `serving` is then managed).
- The controller admits a Job only when all its pods can start (waitForPodsReady with
  blockAdmission: the torchrun Indexed Job runs all ranks or none, and is evicted and
  requeued when they are not all ready within the timeout), and holds any Job in
  `training` that names no queue (manageJobsWithoutQueueName there).

Chart pinned and atomic through `pinned_release`, image from the stack's mirror,
restricted pod security (non-root, no privilege escalation, read-only root, no
capabilities, RuntimeDefault seccomp), on the system pool, in `platform`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_kubernetes as k8s
import yaml

from components.k8s.helm import mirror, pinned_release
from platform_spec import PlatformConfig
from platform_spec.gpus import GPU_FAMILY_LABEL, flavor_name, pool_family

KUEUE_CHART = ("kueue", "0.19.2", "oci://registry.k8s.io/kueue/charts")
KUEUE_IMAGE_TAG = "v0.19.2"
KUEUE_NAMESPACE = "platform"
KUEUE_API = "kueue.x-k8s.io/v1beta2"
# The kinds the platform creates and their CRDs' plural names (smp/crd_schemas holds
# their validation schemas for the pinned version: scripts/vendor_crd_schemas.py).
KUEUE_KINDS = {
    "ResourceFlavor": "resourceflavors",
    "ClusterQueue": "clusterqueues",
    "LocalQueue": "localqueues",
}
QUEUE_NAME_LABEL = "kueue.x-k8s.io/queue-name"
GPU_RESOURCE = "nvidia.com/gpu"
CPU_FLAVOR = "cpu-and-memory"
COHORT = "smp-teams"
TRAINING_NAMESPACE = "training"
SERVING_NAMESPACE = "serving"
WEBHOOK_PORT = 9443


def queue_label(platform: PlatformConfig) -> dict[str, str]:
    """The label that submits one of the platform's Jobs through the platform team's
    LocalQueue; empty when the stack has no queues."""
    if platform.queues is None:
        return {}
    return {QUEUE_NAME_LABEL: platform.queues.platform_team}


def queued_namespaces(platform: PlatformConfig) -> tuple[str, ...]:
    """The namespaces Kueue manages: `training`, and `serving` when serving runs on GPUs
    (its Deployment's pods then wait for the platform team's GPU quota like a Job)."""
    return (
        (TRAINING_NAMESPACE, SERVING_NAMESPACE) if platform.serving.gpu else (TRAINING_NAMESPACE,)
    )


def serving_queue_label(platform: PlatformConfig) -> dict[str, str]:
    """The label that queues the serving Deployment (GPU serving with queues only)."""
    return queue_label(platform) if platform.serving.gpu else {}


def _namespace_selector(namespaces: Sequence[str]) -> dict[str, Any]:
    if len(namespaces) == 1:
        return {"matchLabels": {"kubernetes.io/metadata.name": namespaces[0]}}
    return {
        "matchExpressions": [
            {"key": "kubernetes.io/metadata.name", "operator": "In", "values": list(namespaces)}
        ]
    }


def gpu_flavors(platform: PlatformConfig) -> dict[str, str]:
    """GPU family -> its ResourceFlavor name, for the stack's gpu pools (one family each)."""
    flavors: dict[str, str] = {}
    for pool in platform.pools_of_kind("gpu").values():
        family = pool_family(pool.instance_types)
        if family is not None:
            flavors[family] = flavor_name(family)
    return flavors


def manager_config(
    pods_ready_timeout_minutes: int, namespaces: Sequence[str] = (TRAINING_NAMESPACE,)
) -> str:
    """The controller's Configuration (config.kueue.x-k8s.io/v1beta2) as the chart takes it.

    Jobs are always integrated; Deployments (Kueue's pod-based `deployment` integration,
    no separate `pod` integration needed since v0.15) when `serving` is managed too."""
    timeout = f"{pods_ready_timeout_minutes}m"
    frameworks = ["batch/job", *(["deployment"] if SERVING_NAMESPACE in namespaces else [])]
    config = {
        "apiVersion": "config.kueue.x-k8s.io/v1beta2",
        "kind": "Configuration",
        "health": {"healthProbeBindAddress": ":8081"},
        "metrics": {"bindAddress": ":8443"},
        "webhook": {"port": WEBHOOK_PORT},
        "leaderElection": {"leaderElect": True, "resourceName": "c1f6bfd2.kueue.x-k8s.io"},
        # All or nothing: a Job is admitted, then must have every pod ready within the
        # timeout or it is evicted and requeued; admission waits meanwhile, so two
        # distributed Jobs never hold half the GPUs each.
        "waitForPodsReady": {
            "timeout": timeout,
            "recoveryTimeout": timeout,
            "blockAdmission": True,
            "requeuingStrategy": {
                "timestamp": "Eviction",
                "backoffLimitCount": 5,
                "backoffBaseSeconds": 60,
                "backoffMaxSeconds": 3600,
            },
        },
        # In `training` (and a queued `serving`), a workload that names no queue is held
        # (suspended), never run around the quotas.
        "manageJobsWithoutQueueName": True,
        "managedJobsNamespaceSelector": _namespace_selector(namespaces),
        "integrations": {"frameworks": frameworks},
    }
    return yaml.safe_dump(config, sort_keys=False)


def cluster_queue_spec(platform: PlatformConfig, team: str) -> dict[str, Any]:
    """The ClusterQueue of `team`: its quotas from the stack config, in the shared cohort."""
    assert platform.queues is not None
    queue = platform.queues.teams[team]
    groups: list[dict[str, Any]] = [
        {
            "coveredResources": ["cpu", "memory"],
            "flavors": [
                {
                    "name": CPU_FLAVOR,
                    "resources": [
                        {
                            "name": "cpu",
                            "nominalQuota": queue.cpu.nominal,
                            "borrowingLimit": queue.cpu.borrowing_limit,
                        },
                        {
                            "name": "memory",
                            "nominalQuota": f"{queue.memory_gi.nominal}Gi",
                            "borrowingLimit": f"{queue.memory_gi.borrowing_limit}Gi",
                        },
                    ],
                }
            ],
        }
    ]
    flavors = gpu_flavors(platform)
    gpu_entries = [
        {
            "name": flavors[family],
            "resources": [
                {
                    "name": GPU_RESOURCE,
                    "nominalQuota": quota.nominal,
                    "borrowingLimit": quota.borrowing_limit,
                }
            ],
        }
        for family, quota in queue.gpus.items()
        if family in flavors
    ]
    if gpu_entries:
        groups.append({"coveredResources": [GPU_RESOURCE], "flavors": gpu_entries})
    return {
        "cohortName": COHORT,
        # The platform team's queue also admits GPU serving's pods when serving is queued.
        "namespaceSelector": _namespace_selector(
            queued_namespaces(platform)
            if team == platform.queues.platform_team
            else (TRAINING_NAMESPACE,)
        ),
        "queueingStrategy": "BestEffortFIFO",
        # A team gets back what it lent before it borrows; within a team, priority wins.
        "preemption": {
            "reclaimWithinCohort": "Any",
            "borrowWithinCohort": {"policy": "Never"},
            "withinClusterQueue": "LowerPriority",
        },
        "flavorFungibility": {"whenCanBorrow": "TryNextFlavor", "whenCanPreempt": "TryNextFlavor"},
        "resourceGroups": groups,
    }


@dataclass(frozen=True)
class TrainingQueuesArgs:
    """The stack's queues and pools, and the registry Kueue's image is mirrored in."""

    platform: PlatformConfig
    image_registry: pulumi.Input[str]
    # What must exist before this component's resources are created.
    after: Sequence[pulumi.Resource] = ()


class TrainingQueues(pulumi.ComponentResource):
    """Kueue (pinned chart) and the stack's flavors, team ClusterQueues and LocalQueues."""

    def __init__(
        self, name: str, args: TrainingQueuesArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__("smp:k8s:TrainingQueues", name, None, opts)
        platform = args.platform
        queues = platform.queues
        assert queues is not None, "TrainingQueues needs platform.queues"
        child = pulumi.ResourceOptions(parent=self, depends_on=list(args.after))
        self.release = pinned_release(
            f"{name}-kueue",
            KUEUE_CHART,
            KUEUE_NAMESPACE,
            {
                "enablePrometheus": False,
                "enableCertManager": False,
                "enableKueueViz": False,
                "controllerManager": {
                    "replicas": 2,
                    "podDisruptionBudget": {"enabled": True, "minAvailable": 1},
                    "nodeSelector": {"smp.io/pool-kind": "system"},
                    "tolerations": [{"key": "CriticalAddonsOnly", "operator": "Exists"}],
                    "manager": {
                        "image": {
                            "repository": mirror(args.image_registry, "kueue/kueue"),
                            "tag": KUEUE_IMAGE_TAG,
                            "pullPolicy": "IfNotPresent",
                        },
                        "podSecurityContext": {
                            "runAsNonRoot": True,
                            "seccompProfile": {"type": "RuntimeDefault"},
                        },
                        "containerSecurityContext": {
                            "readOnlyRootFilesystem": True,
                            "allowPrivilegeEscalation": False,
                            "capabilities": {"drop": ["ALL"]},
                        },
                        "resources": {
                            "requests": {"cpu": "500m", "memory": "512Mi"},
                            "limits": {"cpu": "2", "memory": "1Gi"},
                        },
                    },
                },
                "managerConfig": {
                    "controllerManagerConfigYaml": manager_config(
                        queues.pods_ready_timeout_minutes, queued_namespaces(platform)
                    )
                },
            },
            child,
        )
        after_kueue = pulumi.ResourceOptions(parent=self, depends_on=[self.release])
        self.flavors: dict[str, k8s.apiextensions.CustomResource] = {}
        self.flavors[CPU_FLAVOR] = k8s.apiextensions.CustomResource(
            f"{name}-flavor-{CPU_FLAVOR}",
            api_version=KUEUE_API,
            kind="ResourceFlavor",
            metadata={"name": CPU_FLAVOR},
            spec={},
            opts=after_kueue,
        )
        for family, flavor in gpu_flavors(platform).items():
            self.flavors[flavor] = k8s.apiextensions.CustomResource(
                f"{name}-flavor-{flavor}",
                api_version=KUEUE_API,
                kind="ResourceFlavor",
                metadata={"name": flavor, "labels": {GPU_FAMILY_LABEL: family}},
                spec={"nodeLabels": {GPU_FAMILY_LABEL: family}},
                opts=after_kueue,
            )
        after_flavors = pulumi.ResourceOptions(parent=self, depends_on=list(self.flavors.values()))
        self.cluster_queues: dict[str, k8s.apiextensions.CustomResource] = {}
        self.local_queues: dict[str, k8s.apiextensions.CustomResource] = {}
        for team in queues.teams:
            labels = {"smp.io/team": team}
            cluster_queue = k8s.apiextensions.CustomResource(
                f"{name}-cq-{team}",
                api_version=KUEUE_API,
                kind="ClusterQueue",
                metadata={"name": team, "labels": labels},
                spec=cluster_queue_spec(platform, team),
                opts=after_flavors,
            )
            self.cluster_queues[team] = cluster_queue
            self.local_queues[team] = k8s.apiextensions.CustomResource(
                f"{name}-lq-{team}",
                api_version=KUEUE_API,
                kind="LocalQueue",
                metadata={"name": team, "namespace": TRAINING_NAMESPACE, "labels": labels},
                spec={"clusterQueue": team},
                opts=pulumi.ResourceOptions(parent=self, depends_on=[cluster_queue]),
            )
            if team == queues.platform_team and SERVING_NAMESPACE in queued_namespaces(platform):
                self.local_queues[f"{SERVING_NAMESPACE}/{team}"] = k8s.apiextensions.CustomResource(
                    f"{name}-lq-{SERVING_NAMESPACE}-{team}",
                    api_version=KUEUE_API,
                    kind="LocalQueue",
                    metadata={"name": team, "namespace": SERVING_NAMESPACE, "labels": labels},
                    spec={"clusterQueue": team},
                    opts=pulumi.ResourceOptions(parent=self, depends_on=[cluster_queue]),
                )
        self.register_outputs({})
