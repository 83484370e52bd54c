"""The cloud-agnostic in-cluster platform, built on the one `CloudPlatform` interface."""

from __future__ import annotations

import pulumi

from components.interface import CloudPlatform
from components.k8s.drift_monitoring import DriftMonitoring
from components.k8s.feature_store import FeatureStore
from components.k8s.gpu import GpuEnablement, gpu_quota
from components.k8s.helm import mirror, pinned_release
from components.k8s.monitoring import MonitoringStack
from components.k8s.namespaces import PlatformNamespaces
from components.k8s.rbac import PersonaRbac
from components.k8s.registry import ModelRegistry
from components.k8s.secrets_csi import SecretsStoreCsi
from components.k8s.serving import ModelServing
from components.k8s.tls import InternalTls
from components.k8s.training import TrainingJobs
from platform_spec import StackSettings

CLUSTER_AUTOSCALER_CHART = ("cluster-autoscaler", "9.46.6",
                            "https://kubernetes.github.io/autoscaler")


class InClusterPlatform(pulumi.ComponentResource):
    """Namespaces, RBAC personas, TLS, monitoring, GPU enablement and (EKS) the autoscaler.

    Every Kubernetes resource uses `provider`, the cluster's provider from the cloud layer.
    """

    def __init__(self, name: str, settings: StackSettings, cloud: CloudPlatform,
                 provider: pulumi.ProviderResource,
                 opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("smp:k8s:InClusterPlatform", name, None,
                         pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(
                             providers={"kubernetes": provider})))
        p = settings.platform
        child = pulumi.ResourceOptions(parent=self)
        gpu_pools = p.pools_of_kind("gpu")
        quota = gpu_quota([(pool.instance_types, pool.max_size) for pool in gpu_pools.values()])
        self.namespaces = PlatformNamespaces(f"{name}-ns", p.cloud, p.network.cidr, quota,
                                             child)
        ready = [self.namespaces]
        PersonaRbac(f"{name}-rbac", cloud.persona_groups, child, depends_on=ready)
        self.tls = InternalTls(f"{name}-tls", cloud.registry_url, child, depends_on=ready)
        self.monitoring = MonitoringStack(
            f"{name}-monitoring", cloud.storage_class,
            retention_days=30 if p.environment in ("prod", "dr") else 15,
            image_registry=cloud.registry_url, opts=child, depends_on=ready)
        if gpu_pools:
            GpuEnablement(f"{name}-gpu", cloud.registry_url, child,
                          depends_on=[self.namespaces, self.monitoring])
        if p.cloud == "aws":
            # AKS runs its autoscaler in the managed control plane; EKS needs it in-cluster.
            pinned_release(
                f"{name}-cluster-autoscaler", CLUSTER_AUTOSCALER_CHART, "kube-system",
                values={
                    "autoDiscovery": {"clusterName": cloud.cluster_name},
                    "awsRegion": p.region,
                    "rbac": {"serviceAccount": {"create": True,
                                                "name": "cluster-autoscaler"}},
                    "image": {"repository": mirror(cloud.registry_url,
                                                   "autoscaling/cluster-autoscaler")},
                    "extraArgs": {"balance-similar-node-groups": True,
                                  "expander": "least-waste",
                                  "scale-down-utilization-threshold": 0.5,
                                  "skip-nodes-with-local-storage": False},
                    "nodeSelector": {"smp.io/pool-kind": "system"},
                    "tolerations": [{"key": "CriticalAddonsOnly", "operator": "Exists"}],
                    "resources": {"requests": {"cpu": "100m", "memory": "300Mi"},
                                  "limits": {"cpu": "500m", "memory": "600Mi"}},
                },
                opts=pulumi.ResourceOptions(parent=self, depends_on=ready))
        if p.images is None:
            pulumi.log.warn("platform.images is not set: the ML services are not deployed "
                            "until CI writes the image digests", resource=self)
        else:
            self._ml_services(name, settings, cloud, [self.namespaces, self.tls,
                                                      self.monitoring])
        self.register_outputs({"namespaces": self.namespaces.names})

    def _ml_services(self, name: str, settings: StackSettings, cloud: CloudPlatform,
                     ready: list[pulumi.Resource]) -> None:
        """Feast, MLflow, serving, training and drift monitoring, in dependency order.

        A service is deployed only when what it needs is switched on: MLflow needs the
        registry, Feast the feature store; serving and training need both; the drift
        monitor needs the registry (its baseline lives with the model).
        """
        p = settings.platform
        assert p.images is not None
        digests = p.images.digests
        child = pulumi.ResourceOptions(parent=self)
        replicas = 2 if p.profile == "enterprise" else 1  # MLflow and the feature server
        registry_on, features_on = p.registry.enabled, p.feature_store.enabled
        off = [key for key, on in (("registry", registry_on), ("featureStore", features_on))
               if not on]
        if off:
            pulumi.log.warn(f"{' and '.join(off)} switched off: MLflow and the drift monitor "
                            "need the registry, Feast the feature store, serving and "
                            "training both; those without what they need are not deployed",
                            resource=self)
        if registry_on:
            csi = SecretsStoreCsi(f"{name}-secrets-csi", cloud, child, depends_on=ready)
            self.registry = ModelRegistry(
                f"{name}-mlflow", cloud, digests["registry"], replicas=replicas,
                model_name=p.serving.registered_model, opts=child, depends_on=[*ready, csi])
            DriftMonitoring(
                f"{name}-drift", cloud, digests["drift-monitor"],
                model_name=p.serving.registered_model, schedule=p.monitoring.drift_schedule,
                psi_threshold=p.monitoring.drift_psi_threshold, opts=child,
                depends_on=[*ready, self.registry])
        if features_on:
            self.feature_store = FeatureStore(
                f"{name}-feast", cloud, digests["feature-store"],
                replicas=replicas,
                schedule=p.feature_store.materialization_schedule, opts=child,
                depends_on=ready)
        if not (registry_on and features_on):
            return
        token = (pulumi.Config().require_secret("servingApiToken")
                 if "servingApiToken" in settings.secrets_set else None)
        # The config refuses GPU serving on smb stacks and without a gpu pool.
        self.serving = ModelServing(
            f"{name}-serving", cloud, p.serving, digests["serving"], gpu=p.serving.gpu,
            api_token=token, opts=child,
            depends_on=[*ready, self.registry, self.feature_store])
        TrainingJobs(f"{name}-training", cloud, p, digests["training"], opts=child,
                     depends_on=[*ready, self.registry, self.feature_store])
