"""The cloud-agnostic in-cluster platform, built on the one `CloudPlatform` interface."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pulumi

from components.interface import CloudPlatform
from components.k8s.admission import AdmissionPolicies, AdmissionPoliciesArgs, AdmissionPolicySpec
from components.k8s.batch_scoring import BatchScoring, BatchScoringArgs
from components.k8s.drift_monitoring import DriftMonitoring, DriftMonitoringArgs
from components.k8s.feature_store import FeatureStore, FeatureStoreArgs
from components.k8s.gpu import GpuEnablement, GpuEnablementArgs, sharing_configs
from components.k8s.helm import mirror, pinned_release
from components.k8s.ingestion import IngestionArgs, IngestionWorkloads
from components.k8s.monitoring import MONITORING_NAMESPACE, MonitoringStack, MonitoringStackArgs
from components.k8s.namespaces import (
    BROKER,
    NODE_AGENTS_NAMESPACE,
    NamespacesArgs,
    PlatformNamespaces,
)
from components.k8s.pipelines import Orchestrator, OrchestratorArgs
from components.k8s.queues import TrainingQueues, TrainingQueuesArgs, serving_queue_label
from components.k8s.rbac import PersonaRbac, PersonaRbacArgs
from components.k8s.registry import ModelRegistry, ModelRegistryArgs
from components.k8s.retraining import RetrainingPipeline, RetrainingPipelineArgs
from components.k8s.secrets_csi import SecretsStoreCsi, SecretsStoreCsiArgs
from components.k8s.serving import ModelServing, ModelServingArgs
from components.k8s.tls import CERT_MANAGER_NAMESPACE, InternalTls, InternalTlsArgs
from components.k8s.training import TrainingJobs, TrainingJobsArgs
from components.secrets import PlatformSecrets
from platform_spec import PlatformConfig
from workloads.contract.images import IMAGE_NAMES

# Namespaces whose pods come from third-party Helm charts: the pack never sees their pod
# specs at plan time, so the admission policies do not judge them either (Pod Security
# admission still does: restricted everywhere, privileged enforced only in node-agents).
HELM_CHART_NAMESPACES = {
    CERT_MANAGER_NAMESPACE: "Helm charts cert-manager and Kueue: pod specs not in the plan",
    MONITORING_NAMESPACE: "Helm charts kube-prometheus-stack and Pushgateway: pod specs not "
    "in the plan",
    NODE_AGENTS_NAMESPACE: "Helm charts of the node agents (GPU device plugin, DCGM exporter, "
    "Secrets Store CSI): pod specs not in the plan",
}
CLUSTER_AUTOSCALER_CHART = (
    "cluster-autoscaler",
    "9.46.6",
    "https://kubernetes.github.io/autoscaler",
)


@dataclass(frozen=True)
class InClusterArgs:
    """The validated platform config, the cloud layer's interface and the stack's secrets."""

    platform: PlatformConfig
    cloud: CloudPlatform
    provider: pulumi.ProviderResource  # the cluster's Kubernetes provider
    secrets: PlatformSecrets = field(default_factory=PlatformSecrets)
    # The pack's Kubernetes rules as admission policies (the composition root takes them
    # from policies/kubernetes.py; the in-cluster layer does not import the pack).
    admission_policies: Sequence[AdmissionPolicySpec] = ()


class InClusterPlatform(pulumi.ComponentResource):
    """Namespaces, RBAC personas, TLS, monitoring, GPU enablement, the autoscaler where the
    cloud needs one in the cluster, and the ML services.

    Every Kubernetes resource uses `args.provider`, the cluster's provider from the cloud layer.
    """

    def __init__(
        self, name: str, args: InClusterArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__(
            "smp:k8s:InClusterPlatform",
            name,
            None,
            pulumi.ResourceOptions.merge(
                opts, pulumi.ResourceOptions(providers={"kubernetes": args.provider})
            ),
        )
        p, cloud = args.platform, args.cloud
        child = pulumi.ResourceOptions(parent=self)
        gpu_pools = p.pools_of_kind("gpu")
        # What the gpu pools advertise at most (shared GPUs count once per slice).
        quota = sum(pool.max_size * pool.schedulable_gpus_per_node for pool in gpu_pools.values())
        self.namespaces = PlatformNamespaces(
            f"{name}-ns",
            NamespacesArgs(
                network_cidr=p.network.cidr,
                gpu_quota=quota,
                redis_tls_port=cloud.redis_tls_port,
                broker_port=cloud.event_stream.port if cloud.event_stream else BROKER,
                identity_egress_policies=cloud.identity_egress_policies,
            ),
            child,
        )
        ready = [self.namespaces]
        if args.admission_policies:
            self.admission = AdmissionPolicies(
                f"{name}-admission",
                AdmissionPoliciesArgs(
                    args.admission_policies,
                    deny=p.environment in ("prod", "dr"),
                    unjudged_namespaces=HELM_CHART_NAMESPACES,
                    exceptions=p.admission.exceptions,
                    after=ready,
                ),
                child,
            )
        PersonaRbac(f"{name}-rbac", PersonaRbacArgs(cloud.persona_groups, after=ready), child)
        self.tls = InternalTls(
            f"{name}-tls", InternalTlsArgs(cloud.registry_url, after=ready), child
        )
        self.monitoring = MonitoringStack(
            f"{name}-monitoring",
            MonitoringStackArgs(
                cloud.storage_class,
                retention_days=30 if p.environment in ("prod", "dr") else 15,
                image_registry=cloud.registry_url,
                after=ready,
            ),
            child,
        )
        if gpu_pools:
            GpuEnablement(
                f"{name}-gpu",
                GpuEnablementArgs(
                    cloud.registry_url,
                    after=[self.namespaces, self.monitoring],
                    sharing=sharing_configs(gpu_pools.values()),
                ),
                child,
            )
        if p.queues is not None:
            TrainingQueues(
                f"{name}-queues",
                TrainingQueuesArgs(p, cloud.registry_url, after=ready),
                child,
            )
        if cloud.cluster_autoscaler_values is not None:
            # Where the managed control plane does not scale the node pools (EKS).
            pinned_release(
                f"{name}-cluster-autoscaler",
                CLUSTER_AUTOSCALER_CHART,
                "kube-system",
                values={
                    **cloud.cluster_autoscaler_values,
                    "rbac": {"serviceAccount": {"create": True, "name": "cluster-autoscaler"}},
                    "image": {
                        "repository": mirror(cloud.registry_url, "autoscaling/cluster-autoscaler")
                    },
                    "extraArgs": {
                        "balance-similar-node-groups": True,
                        "expander": "least-waste",
                        "scale-down-utilization-threshold": 0.5,
                        "skip-nodes-with-local-storage": False,
                    },
                    "nodeSelector": {"smp.io/pool-kind": "system"},
                    "tolerations": [{"key": "CriticalAddonsOnly", "operator": "Exists"}],
                    "resources": {
                        "requests": {"cpu": "100m", "memory": "300Mi"},
                        "limits": {"cpu": "500m", "memory": "600Mi"},
                    },
                },
                opts=pulumi.ResourceOptions(parent=self, depends_on=ready),
            )
        if p.images is None:
            pulumi.log.warn(
                "platform.images is not set: the ML services are not deployed "
                "until CI writes the image digests",
                resource=self,
            )
        else:
            self._ml_services(name, args, [self.namespaces, self.tls, self.monitoring])
        self.register_outputs({"namespaces": self.namespaces.names})

    def _ml_services(self, name: str, args: InClusterArgs, ready: list[pulumi.Resource]) -> None:
        """Feast, MLflow, serving, batch scoring, training and drift monitoring, in
        dependency order.

        A service is deployed only when what it needs is switched on: MLflow needs the
        registry, Feast the feature store; serving, batch scoring and training need both;
        the drift monitor needs the registry (its baseline lives with the model).
        """
        p, cloud = args.platform, args.cloud
        assert p.images is not None
        digests = p.images.digests
        child = pulumi.ResourceOptions(parent=self)
        unpushed = [image for image in IMAGE_NAMES if image not in digests]
        if unpushed:
            pulumi.log.warn(
                f"no image digest yet for {', '.join(unpushed)}: the workloads "
                "of those images are not deployed until CI writes them",
                resource=self,
            )
        replicas = 2 if p.profile == "enterprise" else 1  # MLflow and the feature server
        off = [
            key
            for key, on in (
                ("registry", p.registry.enabled),
                ("featureStore", p.feature_store.enabled),
            )
            if not on
        ]
        registry_on = p.registry.enabled and "registry" in digests
        features_on = p.feature_store.enabled and "feature-store" in digests
        if off:
            pulumi.log.warn(
                f"{' and '.join(off)} switched off: MLflow and the drift monitor "
                "need the registry, Feast the feature store, serving, batch scoring "
                "and training both; those without what they need are not deployed",
                resource=self,
            )
        project = p.feature_store.project
        if registry_on:
            csi = SecretsStoreCsi(
                f"{name}-secrets-csi", SecretsStoreCsiArgs(cloud, after=ready), child
            )
            self.registry = ModelRegistry(
                f"{name}-mlflow",
                ModelRegistryArgs(
                    cloud,
                    digests["registry"],
                    replicas=replicas,
                    model_name=p.serving.registered_model,
                    after=[*ready, csi],
                ),
                child,
            )
            if "drift-monitor" in digests:
                DriftMonitoring(
                    f"{name}-drift",
                    DriftMonitoringArgs(
                        cloud,
                        digests["drift-monitor"],
                        model_name=p.serving.registered_model,
                        schedule=p.monitoring.drift_schedule,
                        psi_threshold=p.monitoring.drift_psi_threshold,
                        detection=p.monitoring.drift,
                        after=[*ready, self.registry],
                    ),
                    child,
                )
        if features_on:
            self.feature_store = FeatureStore(
                f"{name}-feast",
                FeatureStoreArgs(
                    cloud,
                    digests["feature-store"],
                    replicas=replicas,
                    schedule=p.feature_store.materialization_schedule,
                    after=ready,
                    project=project,
                ),
                child,
            )
        if p.ingestion.enabled and cloud.event_stream is not None and "ingestion" in digests:
            IngestionWorkloads(
                f"{name}-ingestion",
                IngestionArgs(cloud, digests["ingestion"], p.ingestion.batch, after=ready),
                child,
            )
        if not (registry_on and features_on):
            return
        # The config refuses GPU serving on smb stacks and without a gpu pool.
        if "serving" in digests:
            self.serving = ModelServing(
                f"{name}-serving",
                ModelServingArgs(
                    cloud,
                    p.serving,
                    digests["serving"],
                    gpu=p.serving.gpu,
                    api_token=args.secrets.serving_api_token,
                    after=[*ready, self.registry, self.feature_store],
                    feast_project=project,
                    queue_label=serving_queue_label(p),
                ),
                child,
            )
        if "batch-scoring" in digests:
            BatchScoring(
                f"{name}-batch-scoring",
                BatchScoringArgs(
                    cloud,
                    digests["batch-scoring"],
                    model_name=p.serving.registered_model,
                    after=[*ready, self.registry, self.feature_store],
                    feast_project=project,
                ),
                child,
            )
        if "training" in digests:
            self.training = TrainingJobs(
                f"{name}-training",
                TrainingJobsArgs(
                    cloud,
                    p,
                    digests["training"],
                    after=[*ready, self.registry, self.feature_store],
                    feast_project=project,
                ),
                child,
            )
            self._orchestrator(name, args, [*ready, self.registry, self.feature_store])

    def _orchestrator(self, name: str, args: InClusterArgs, ready: list[pulumi.Resource]) -> None:
        """Argo Workflows and Argo Events, where the pipelines are on and every Argo image
        is mirrored (the retraining runs the training image, so only beside training)."""
        p = args.platform
        if not p.pipelines.enabled:
            return
        if not p.pipelines.deployable:
            pulumi.log.warn(
                "platform.pipelines.imageDigests lacks some Argo images: the orchestrator is "
                "not deployed until the mirror job writes them",
                resource=self,
            )
            return
        self.orchestrator = Orchestrator(
            f"{name}-orchestrator",
            OrchestratorArgs(
                args.cloud,
                p.pipelines,
                replicas=2 if p.profile == "enterprise" else 1,
                after=[*ready, self.training],
            ),
            pulumi.ResourceOptions(parent=self),
        )
        training = self.training
        RetrainingPipeline(
            f"{name}-retraining",
            RetrainingPipelineArgs(
                p,
                training_image=training.image,
                training_env=training.env,
                training_volumes=training.volumes,
                training_mounts=training.mounts,
                training_resources=training.resources,
                prediction_log_uri=args.cloud.storage_uris["prediction-logs"],
                after=[self.orchestrator, training],
            ),
            pulumi.ResourceOptions(parent=self),
        )
