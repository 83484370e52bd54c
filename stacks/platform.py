"""The composition root: wires the components of one stack from its validated config."""

from __future__ import annotations

import pulumi
import pulumi_random as random

from components.interface import CloudPlatform
from stacks.config import StackSettings


class SovereignPlatform(pulumi.ComponentResource):
    """One region's platform. Every resource of the stack is a descendant of this component."""

    provider: pulumi.ProviderResource
    cloud_platform: CloudPlatform

    def __init__(self, settings: StackSettings, opts: pulumi.ResourceOptions | None = None):
        p = settings.platform
        name = f"smp-{settings.stack}"
        super().__init__("smp:platform:SovereignPlatform", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        # Every custom resource names its provider, generated secrets too: under the CLI a
        # resource without one gets a default provider, configured from the environment,
        # which the policy pack refuses (RES-011). The layers' children inherit it.
        self.random_provider = random.Provider(f"{name}-random", opts=child)
        generated = {"random": self.random_provider}
        if p.cloud == "aws":
            from components.aws.provider import regional_aws_provider

            self.provider = regional_aws_provider(f"{name}-aws", p.region,
                                                  settings.mandatory_tags, child)
            from components.aws.platform import AwsPlatform

            aws_layer = AwsPlatform(name, settings, pulumi.ResourceOptions(
                parent=self, provider=self.provider, providers=generated))
            self.cloud_platform = aws_layer.cloud_platform
            kubernetes_provider: pulumi.ProviderResource = aws_layer.cluster.kubernetes_provider
        else:
            from components.azure.platform import AzurePlatform
            from components.azure.provider import regional_azure_provider

            self.provider = regional_azure_provider(f"{name}-azure", p.region, child)
            azure = AzurePlatform(f"{name}-az", settings, self.provider,
                                  pulumi.ResourceOptions(parent=self, providers=generated))
            self.cloud_platform = azure.cloud_platform
            kubernetes_provider = azure.kubernetes_provider
        from components.k8s.in_cluster import InClusterPlatform

        # The cloud-agnostic in-cluster layer sees only the CloudPlatform interface.
        self.in_cluster = InClusterPlatform(f"{name}-k8s", settings, self.cloud_platform,
                                            kubernetes_provider,
                                            pulumi.ResourceOptions(parent=self,
                                                                   providers=generated))
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
    return platform
