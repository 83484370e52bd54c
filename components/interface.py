"""The one small interface between a cloud layer and the in-cluster layer.

`components/aws` and `components/azure` each return a `CloudPlatform`; the
cloud-agnostic `components/k8s` layer reads only this, never a cloud module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pulumi

from workloads.contract.images import IMAGE_NAMES

# Workloads that get their own cloud identity (IRSA / pod identity role or an
# Entra workload identity): least privilege, scoped to their own buckets and keys.
# One per workload image (the contract's names).
WORKLOADS = IMAGE_NAMES
# Where each workload runs, as (namespace, service account): the namespaces of the
# in-cluster layer (components/k8s/namespaces.py). A cloud layer binds each
# workload's identity to exactly this service account, and nothing else.
WORKLOAD_SERVICE_ACCOUNTS: dict[str, tuple[str, str]] = {
    "training": ("training", "training"),
    "serving": ("serving", "serving"),
    "drift-monitor": ("monitoring", "drift-monitor"),
    "feature-store": ("features", "feature-store"),
    "registry": ("registry", "registry"),
    "batch-scoring": ("batch", "batch-scoring"),
    "ingestion": ("ingestion", "ingestion"),
}


@dataclass(frozen=True)
class SecretsProvider:
    """A cloud's Secrets Store CSI provider: its chart, and how a SecretProviderClass mounts
    the registry database's credentials with one workload's identity."""

    name: str  # the SecretProviderClass `provider` field
    chart: tuple[str, str, str]  # (chart, version, repository)
    # (workload, credentials reference, file name to mount it as) -> the
    # SecretProviderClass `parameters`.
    parameters: Callable[[str, pulumi.Output[str], str], dict[str, Any]]


@dataclass(frozen=True)
class ExtraPolicy:
    """A Kubernetes object a cloud adds to each namespace whose pods use a workload identity
    (e.g. an FQDN egress rule to an identity provider without a private endpoint)."""

    suffix: str  # appended to the resource name
    api_version: str
    kind: str
    name: str
    spec: Mapping[str, Any]


@dataclass(frozen=True)
class EventStreamEndpoint:
    """How a Kafka client reaches the stack's event stream (MSK / Event Hubs' Kafka
    endpoint): always TLS with a token of the workload identity, never a password."""

    bootstrap_servers: pulumi.Output[str]
    port: int  # the TLS listener the network policies open
    security_protocol: str  # librdkafka `security.protocol`
    sasl_mechanism: str  # librdkafka `sasl.mechanism` (OAUTHBEARER: identity tokens)
    topic: str
    # How the client gets its OAUTHBEARER token: "aws-msk-iam" (the MSK IAM signer) or
    # "entra-workload-identity" (a federated Entra token).
    auth_via: str


@dataclass(frozen=True)
class CloudPlatform:
    """What the in-cluster layer needs from a cloud layer, as attributes."""

    cloud: str
    region: str
    cluster_name: pulumi.Output[str]
    cluster_endpoint: pulumi.Output[str]
    kubeconfig: pulumi.Output[str]  # a secret
    oidc_issuer: pulumi.Output[str]
    # Object-store URIs by purpose: "offline-store", "artifacts", "prediction-logs",
    # "predictions" (batch scoring's results), "raw" and "curated" (ingestion's zones,
    # when ingestion is on).
    storage_uris: dict[str, pulumi.Output[str]]
    registry_url: pulumi.Output[str]  # ECR registry host / ACR login server
    database_endpoint: pulumi.Output[str]
    redis_endpoint: pulumi.Output[str]
    # Workload name -> the identity a Kubernetes service account is annotated with
    # (an IAM role ARN on AWS, a managed identity client id on Azure).
    workload_identities: dict[str, pulumi.Output[str]]
    # Persona -> the Kubernetes group name the cloud layer maps its principals to.
    persona_groups: dict[str, str] = field(default_factory=dict)
    # Policy documents for the organisation's administrators to apply outside this program,
    # by stack-output name (AWS: the service control policy); exported as they are.
    organisation_documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Name of the CMK-encrypted default StorageClass the cloud layer provides.
    storage_class: str = "encrypted-default"
    # Workload image -> full repository URI (without tag or digest), where the
    # registry namespaces repositories (ECR: `<host>/<platform>/<image>`). Empty
    # means `<registry_url>/<image>`.
    image_repositories: dict[str, pulumi.Output[str]] = field(default_factory=dict)
    # The online store's auth token (a secret) where Redis authenticates by token;
    # None where workload identities authenticate to it directly (Entra on Azure).
    redis_auth_token: pulumi.Output[str] | None = None
    # Where the registry database's credentials live (AWS Secrets Manager ARN / Key
    # Vault secret id), readable by the `registry` workload identity; None where the
    # registry authenticates with its workload identity instead.
    database_credentials_ref: pulumi.Output[str] | None = None
    # Changes whenever this program replaces the credentials behind
    # `database_credentials_ref` (a rotation). The registry's pods read them once, at
    # start, so their template carries it and they roll onto the new credentials. None
    # where they are replaced outside the program.
    database_credentials_version: str | None = None
    # Workload -> (namespace, service account) its cloud identity trusts (the IRSA /
    # Pod Identity association or the Entra federated credential subject). The
    # in-cluster layer creates exactly these service accounts; empty means unknown.
    workload_service_accounts: dict[str, tuple[str, str]] = field(default_factory=dict)

    # What differs between clusters of different clouds, as data (the in-cluster layer
    # never asks which cloud it is on):
    # - annotations on a workload's service account that bind it to its cloud identity;
    service_account_annotations: Mapping[str, Mapping[str, pulumi.Input[str]]] = field(
        default_factory=dict
    )
    # - labels every workload pod carries (e.g. opting into the identity webhook);
    pod_labels: Mapping[str, str] = field(default_factory=dict)
    # - the Service annotations that keep a LoadBalancer internal;
    internal_lb_annotations: Mapping[str, str] = field(default_factory=dict)
    # - the port the online store serves TLS on;
    redis_tls_port: int = 6379
    # - the Secrets Store CSI provider (None: the registry reads no mounted secret);
    secrets_provider: SecretsProvider | None = None
    # - objects each workload-identity namespace needs besides the documented flows;
    identity_egress_policies: tuple[ExtraPolicy, ...] = ()
    # - where Argo Workflows keeps artifacts: the chart's `artifactRepository` value, on
    #   the stack's artifacts store, read and written with the workflow pods' workload
    #   identity (useSDKCreds, never a static key); None: no orchestrator artifacts;
    workflow_artifact_repository: Mapping[str, Any] | None = None
    # - the cloud's values for an in-cluster cluster-autoscaler (None: the managed
    #   control plane scales the node pools).
    cluster_autoscaler_values: Mapping[str, Any] | None = None
    # The event stream ingestion consumes (None: ingestion is off).
    event_stream: EventStreamEndpoint | None = None


@dataclass(frozen=True)
class CloudLayer:
    """What a cloud layer hands the composition root: its regional provider, the
    interface for the in-cluster layer and the cluster's Kubernetes provider."""

    provider: pulumi.ProviderResource
    cloud_platform: CloudPlatform
    kubernetes_provider: pulumi.ProviderResource
