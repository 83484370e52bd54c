"""What the in-cluster layer needs to know about an EKS cluster, as `CloudPlatform` values.

EKS Pod Identity binds a service account to its role without annotations or pod labels;
ElastiCache serves TLS on 6379; the AWS Load Balancer Controller keeps a Service internal
by its scheme annotation; the Secrets Store CSI AWS provider reads Secrets Manager with
the pod's identity; and EKS needs the cluster-autoscaler in the cluster.
"""

from __future__ import annotations

from typing import Any

import pulumi

from components.interface import SecretsProvider

REDIS_TLS_PORT = 6379
INTERNAL_LB_ANNOTATIONS = {
    "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal",
    "service.beta.kubernetes.io/aws-load-balancer-type": "external",
    "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip",
}
SECRETS_PROVIDER_CHART = (
    "secrets-store-csi-driver-provider-aws",
    "1.0.1",
    "https://aws.github.io/secrets-store-csi-driver-provider-aws",
)


def secrets_provider(region: str) -> SecretsProvider:
    """The AWS provider: the secret's ARN, read with the pod's Pod Identity role."""

    def parameters(_workload: str, ref: pulumi.Output[str], alias: str) -> dict[str, Any]:
        return {
            "usePodIdentity": "true",
            "region": region,
            "objects": ref.apply(
                lambda arn: (
                    f'- objectName: "{arn}"\n  objectType: "secretsmanager"\n'
                    f'  objectAlias: "{alias}"\n'
                )
            ),
        }

    return SecretsProvider(name="aws", chart=SECRETS_PROVIDER_CHART, parameters=parameters)


def cluster_autoscaler_values(cluster_name: pulumi.Output[str], region: str) -> dict[str, Any]:
    """The chart values only the cloud knows: which cluster's node groups, in which region."""
    return {"autoDiscovery": {"clusterName": cluster_name}, "awsRegion": region}


def workflow_artifact_repository(artifacts_uri: pulumi.Output[str], region: str) -> dict[str, Any]:
    """Argo's S3 artifact repository on the artifacts bucket (`s3://<bucket>`), credentials
    from the AWS SDK chain of the workflow pod (its Pod Identity role): no access keys.
    The bucket encrypts with its own KMS key by default."""
    return {
        "s3": {
            "bucket": artifacts_uri.apply(lambda uri: uri.removeprefix("s3://").strip("/")),
            "endpoint": f"s3.{region}.amazonaws.com",
            "region": region,
            "insecure": False,
            "useSDKCreds": True,
            "keyFormat": "workflows/{{workflow.namespace}}/{{workflow.name}}/{{pod.name}}",
        }
    }
