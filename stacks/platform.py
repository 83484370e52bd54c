"""The composition root: wires the components of one stack from its validated config."""

from __future__ import annotations

import importlib
from collections.abc import Callable

import pulumi
import pulumi_random as random

from components.interface import CloudLayer, CloudPlatform
from components.secrets import PlatformSecrets
from platform_spec import StackSettings
from stacks.secrets import read_secrets

CloudLayerBuilder = Callable[
    [str, StackSettings, PlatformSecrets, pulumi.Resource, list[pulumi.ProviderResource]],
    CloudLayer,
]
# The cloud layers by `platform.cloud`: (module, builder). Imported only when used, so a
# stack of one cloud never loads another cloud's SDK. Adding a cloud adds a line here.
CLOUD_LAYERS: dict[str, tuple[str, str]] = {
    "aws": ("components.aws.layer", "build_aws_layer"),
    "azure": ("components.azure.layer", "build_azure_layer"),
}


def cloud_layer_builder(cloud: str) -> CloudLayerBuilder:
    """The builder of `cloud`'s layer (a validated `platform.cloud`)."""
    module, function = CLOUD_LAYERS[cloud]
    builder: CloudLayerBuilder = getattr(importlib.import_module(module), function)
    return builder


class SovereignPlatform(pulumi.ComponentResource):
    """One region's platform. Every resource of the stack is a descendant of this component."""

    provider: pulumi.ProviderResource
    cloud_platform: CloudPlatform

    def __init__(
        self,
        settings: StackSettings,
        secrets: PlatformSecrets | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ):
        p = settings.platform
        name = f"smp-{settings.stack}"
        super().__init__("smp:platform:SovereignPlatform", name, None, opts)
        secrets = secrets if secrets is not None else read_secrets(settings)
        # Default providers are disabled on every stack, so even the provider of
        # generated passwords is explicit; every descendant inherits it.
        self.random_provider = random.Provider(
            f"{name}-random", opts=pulumi.ResourceOptions(parent=self)
        )
        generated: list[pulumi.ProviderResource] = [self.random_provider]
        layer = cloud_layer_builder(p.cloud)(name, settings, secrets, self, generated)
        self.provider = layer.provider
        self.cloud_platform = layer.cloud_platform
        from components.k8s.in_cluster import InClusterArgs, InClusterPlatform
        from stacks.admission import admission_policy_specs

        # The cloud-agnostic in-cluster layer sees only the CloudPlatform interface, and
        # the pack's Kubernetes rules as data.
        self.in_cluster = InClusterPlatform(
            f"{name}-k8s",
            InClusterArgs(
                p,
                layer.cloud_platform,
                layer.kubernetes_provider,
                secrets,
                admission_policies=admission_policy_specs(p, layer.cloud_platform),
            ),
            pulumi.ResourceOptions(parent=self, providers=generated),
        )
        self.register_outputs({"cloud": p.cloud, "region": p.region})


def build_platform(settings: StackSettings) -> SovereignPlatform:
    """Build the stack's platform and export the values operators and later layers read."""
    platform = SovereignPlatform(settings)
    p = settings.platform
    pulumi.export("cloud", p.cloud)
    pulumi.export("region", p.region)
    pulumi.export("jurisdiction", p.jurisdiction)
    pulumi.export("environment", p.environment)
    pulumi.export("profile", p.profile)
    cloud = platform.cloud_platform
    pulumi.export("clusterName", cloud.cluster_name)
    pulumi.export("clusterEndpoint", cloud.cluster_endpoint)
    pulumi.export("kubeconfig", pulumi.Output.secret(cloud.kubeconfig))
    pulumi.export("oidcIssuer", cloud.oidc_issuer)
    pulumi.export("storageUris", cloud.storage_uris)
    pulumi.export("registryUrl", cloud.registry_url)
    pulumi.export("databaseEndpoint", cloud.database_endpoint)
    pulumi.export("redisEndpoint", cloud.redis_endpoint)
    pulumi.export("workloadIdentities", cloud.workload_identities)
    for output, document in sorted(cloud.organisation_documents.items()):
        pulumi.export(output, document)
    return platform
