"""The EKS control plane: private endpoint, envelope encryption of secrets with a
CMK, all control-plane logs, access entries for the personas, Pod Identity,
managed add-ons and the CMK-encrypted default StorageClass."""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pulumi
import pulumi_aws as aws
import pulumi_kubernetes as k8s

from components.aws import iam_documents
from components.aws.account import AwsAccount
from components.aws.tagging import Tagging

# Every control-plane log type EKS can ship.
CONTROL_PLANE_LOG_TYPES = ("api", "audit", "authenticator", "controllerManager", "scheduler")
# Add-ons nodes need before they can become Ready, and those that need nodes to run on.
BOOTSTRAP_ADDONS = ("vpc-cni", "kube-proxy", "eks-pod-identity-agent")
EBS_CSI_ADDON = "aws-ebs-csi-driver"
EBS_CSI_SERVICE_ACCOUNT = "ebs-csi-controller-sa"
# EKS access policies for personas that get a cluster-wide grant; the other personas
# are bound to namespaced RBAC by the in-cluster layer through their group.
PERSONA_ACCESS_POLICIES = {
    "platform-admin": "AmazonEKSClusterAdminPolicy",
    "auditor": "AmazonEKSViewPolicy",
}
NODE_MANAGED_POLICIES = (
    "AmazonEKSWorkerNodePolicy",
    "AmazonEKS_CNI_Policy",
    "AmazonEC2ContainerRegistryPullOnly",
)
DEFAULT_STORAGE_CLASS = "encrypted-default"


def persona_group(persona: str) -> str:
    """The Kubernetes group a persona's principals are mapped to."""
    return f"smp:{persona}"


@dataclass(frozen=True)
class EndpointAccess:
    """Who may reach the API server; public access needs an allow-list."""

    public: bool
    allowed_cidrs: Sequence[str]

    def __post_init__(self) -> None:
        # The config model already refuses these; the component refuses them too,
        # so no other caller can open the API server to the Internet.
        if self.public and not self.allowed_cidrs:
            raise ValueError("a public API endpoint needs an allow-list of CIDR blocks")
        wide = [
            c for c in self.allowed_cidrs if ipaddress.ip_network(c, strict=False).prefixlen == 0
        ]
        if wide:
            raise ValueError(f"{wide} would open the API server to the whole Internet")


def build_kubeconfig(cluster_name: str, endpoint: str, ca_data: str, region: str) -> str:
    """A kubeconfig (JSON is valid YAML) that authenticates with `aws eks get-token`."""
    user = "smp-aws"
    return json.dumps(
        {
            "apiVersion": "v1",
            "kind": "Config",
            "clusters": [
                {
                    "name": cluster_name,
                    "cluster": {"server": endpoint, "certificate-authority-data": ca_data},
                }
            ],
            "contexts": [
                {"name": cluster_name, "context": {"cluster": cluster_name, "user": user}}
            ],
            "current-context": cluster_name,
            "users": [
                {
                    "name": user,
                    "user": {
                        "exec": {
                            "apiVersion": "client.authentication.k8s.io/v1beta1",
                            "command": "aws",
                            "args": [
                                "eks",
                                "get-token",
                                "--cluster-name",
                                cluster_name,
                                "--region",
                                region,
                                "--output",
                                "json",
                            ],
                            "interactiveMode": "Never",
                        }
                    },
                }
            ],
        },
        sort_keys=True,
    )


def _oidc_issuer(identities: Sequence[aws.eks.outputs.ClusterIdentity]) -> str:
    """The cluster's OIDC issuer URL from its `identities` output."""
    oidcs = identities[0].oidcs or []
    return (oidcs[0].issuer or "") if oidcs else ""


class EksCluster(pulumi.ComponentResource):
    """The control plane, its IAM, access entries, OIDC provider and bootstrap add-ons.

    Attributes: `cluster`, `cluster_name`, `endpoint`, `oidc_issuer`, `oidc_provider`,
    `node_role`, `kubeconfig` (secret), `kubernetes_provider`, `bootstrap_addons`.
    """

    def __init__(
        self,
        name: str,
        *,
        account: AwsAccount,
        version: str,
        subnet_ids: Sequence[pulumi.Input[str]],
        endpoint_access: EndpointAccess,
        secrets_key_arn: pulumi.Input[str],
        secrets_key_alias: str,
        logs_key_arn: pulumi.Input[str],
        log_retention_days: int,
        personas: Mapping[str, Sequence[str]],
        deletion_protection: bool,
        tagging: Tagging,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:aws:EksCluster", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        self.cluster_name = name
        self.region = account.region

        role = aws.iam.Role(
            f"{name}-cluster",
            permissions_boundary=account.role_boundary_arn,
            assume_role_policy=iam_documents.plain_service_trust("eks.amazonaws.com"),
            tags=tagging.for_resource(f"{name}-cluster"),
            opts=child,
        )
        policies: list[pulumi.Resource] = [
            aws.iam.RolePolicyAttachment(
                f"{name}-cluster-{policy}",
                role=role.name,
                policy_arn=pulumi.Output.concat(
                    "arn:", account.partition, ":iam::aws:policy/", policy
                ),
                opts=child,
            )
            for policy in ("AmazonEKSClusterPolicy",)
        ]
        policies.append(
            aws.iam.RolePolicy(
                f"{name}-cluster-secrets-key",
                role=role.id,
                policy=iam_documents.document(
                    iam_documents.kms_use(
                        "EnvelopeEncryptSecrets", account, secrets_key_alias, grants=True
                    )
                ),
                opts=child,
            )
        )

        # EKS would create this group itself, unencrypted and kept forever; own it first.
        log_group = aws.cloudwatch.LogGroup(
            f"{name}-control-plane",
            name=f"/aws/eks/{name}/cluster",
            kms_key_id=logs_key_arn,
            retention_in_days=log_retention_days,
            tags=tagging.for_resource(f"{name}-control-plane"),
            opts=child,
        )

        vpc_config = aws.eks.ClusterVpcConfigArgs(
            subnet_ids=list(subnet_ids),
            endpoint_private_access=True,
            endpoint_public_access=endpoint_access.public,
            # Only set with a public endpoint; EKS would otherwise default it to 0.0.0.0/0.
            public_access_cidrs=list(endpoint_access.allowed_cidrs)
            if endpoint_access.public
            else None,
        )
        self.cluster = aws.eks.Cluster(
            name,
            name=name,
            version=version,
            role_arn=role.arn,
            vpc_config=vpc_config,
            encryption_config={"provider": {"key_arn": secrets_key_arn}, "resources": ["secrets"]},
            enabled_cluster_log_types=list(CONTROL_PLANE_LOG_TYPES),
            # Access entries only: the aws-auth ConfigMap is not consulted, and the
            # identity that runs `pulumi up` gets no implicit cluster-admin.
            access_config={
                "authentication_mode": "API",
                "bootstrap_cluster_creator_admin_permissions": False,
            },
            # The managed add-ons below replace the self-managed defaults.
            bootstrap_self_managed_addons=False,
            deletion_protection=deletion_protection,
            tags=tagging.for_resource(name),
            opts=pulumi.ResourceOptions(parent=self, depends_on=[*policies, log_group]),
        )
        self.endpoint = self.cluster.endpoint
        # EKS creates this group; managed nodes (and pods on the VPC CNI) use it.
        self.cluster_security_group_id = self.cluster.vpc_config.apply(
            lambda c: c.cluster_security_group_id or ""
        )
        self.oidc_issuer: pulumi.Output[str] = self.cluster.identities.apply(_oidc_issuer)

        self.access_entries = self._persona_access(name, personas, tagging)

        # IRSA stays available for tools that only speak OIDC; our own workloads use
        # Pod Identity (no per-cluster trust-policy rewrite, no OIDC audience to pin).
        self.oidc_provider = aws.iam.OpenIdConnectProvider(
            f"{name}-oidc",
            url=self.oidc_issuer,
            client_id_lists=["sts.amazonaws.com"],
            tags=tagging.for_resource(f"{name}-oidc"),
            opts=child,
        )

        node_role = aws.iam.Role(
            f"{name}-node",
            permissions_boundary=account.role_boundary_arn,
            assume_role_policy=iam_documents.plain_service_trust("ec2.amazonaws.com"),
            tags=tagging.for_resource(f"{name}-node"),
            opts=child,
        )
        self.node_role_attachments = [
            aws.iam.RolePolicyAttachment(
                f"{name}-node-{policy}",
                role=node_role.name,
                policy_arn=pulumi.Output.concat(
                    "arn:", account.partition, ":iam::aws:policy/", policy
                ),
                opts=child,
            )
            for policy in NODE_MANAGED_POLICIES
        ]
        self.node_role = node_role

        self.bootstrap_addons = [self._addon(name, addon, tagging) for addon in BOOTSTRAP_ADDONS]

        kubeconfig = pulumi.Output.all(
            self.cluster.name,
            self.cluster.endpoint,
            self.cluster.certificate_authority.apply(lambda ca: ca.data),
        ).apply(
            lambda args: build_kubeconfig(str(args[0]), str(args[1]), str(args[2]), account.region)
        )
        self.kubeconfig: pulumi.Output[str] = pulumi.Output.secret(kubeconfig)
        self.kubernetes_provider = k8s.Provider(
            f"{name}-k8s",
            kubeconfig=self.kubeconfig,
            enable_server_side_apply=True,
            opts=pulumi.ResourceOptions(parent=self, depends_on=self.access_entries),
        )
        self.register_outputs(
            {
                "clusterName": self.cluster.name,
                "endpoint": self.endpoint,
                "oidcIssuer": self.oidc_issuer,
            }
        )

    def _persona_access(
        self, name: str, personas: Mapping[str, Sequence[str]], tagging: Tagging
    ) -> list[pulumi.Resource]:
        created: list[pulumi.Resource] = []
        for persona, principals in sorted(personas.items()):
            for i, principal in enumerate(principals):
                entry = aws.eks.AccessEntry(
                    f"{name}-{persona}-{i}",
                    cluster_name=self.cluster.name,
                    principal_arn=principal,
                    type="STANDARD",
                    kubernetes_groups=[persona_group(persona)],
                    tags=tagging.for_resource(f"{name}-{persona}-{i}", persona=persona),
                    opts=pulumi.ResourceOptions(parent=self),
                )
                created.append(entry)
                policy = PERSONA_ACCESS_POLICIES.get(persona)
                if policy:
                    created.append(
                        aws.eks.AccessPolicyAssociation(
                            f"{name}-{persona}-{i}",
                            cluster_name=self.cluster.name,
                            principal_arn=entry.principal_arn,
                            policy_arn=f"arn:aws:eks::aws:cluster-access-policy/{policy}",
                            access_scope={"type": "cluster"},
                            opts=pulumi.ResourceOptions(parent=self),
                        )
                    )
        return created

    def _addon(
        self,
        name: str,
        addon: str,
        tagging: Tagging,
        depends_on: Sequence[pulumi.Resource] = (),
        pod_identity: Sequence[aws.eks.AddonPodIdentityAssociationArgs] = (),
    ) -> aws.eks.Addon:
        return aws.eks.Addon(
            f"{name}-{addon}",
            cluster_name=self.cluster.name,
            addon_name=addon,
            resolve_conflicts_on_create="OVERWRITE",
            resolve_conflicts_on_update="PRESERVE",
            pod_identity_associations=list(pod_identity) or None,
            tags=tagging.for_resource(f"{name}-{addon}"),
            opts=pulumi.ResourceOptions(parent=self, depends_on=list(depends_on)),
        )

    def add_node_dependent_addons(
        self,
        account: AwsAccount,
        storage_key_arn: pulumi.Input[str],
        storage_key_alias: str,
        nodes: Sequence[pulumi.Resource],
        reclaim_policy: str,
        tagging: Tagging,
    ) -> None:
        """CoreDNS, the EBS CSI driver (Pod Identity, CMK grants) and the default
        gp3 StorageClass encrypted with `storage_key_arn`; these need running nodes."""
        name = self.cluster_name
        child = pulumi.ResourceOptions(parent=self)
        self.coredns = self._addon(name, "coredns", tagging, depends_on=nodes)
        csi_role = aws.iam.Role(
            f"{name}-ebs-csi",
            permissions_boundary=account.role_boundary_arn,
            assume_role_policy=iam_documents.pod_identity_trust(
                name, "kube-system", EBS_CSI_SERVICE_ACCOUNT
            ),
            tags=tagging.for_resource(f"{name}-ebs-csi"),
            opts=child,
        )
        csi_policies = [
            aws.iam.RolePolicyAttachment(
                f"{name}-ebs-csi-driver",
                role=csi_role.name,
                policy_arn=pulumi.Output.concat(
                    "arn:",
                    account.partition,
                    ":iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy",
                ),
                opts=child,
            ),
            aws.iam.RolePolicy(
                f"{name}-ebs-csi-storage-key",
                role=csi_role.id,
                policy=iam_documents.document(
                    iam_documents.kms_use(
                        "EncryptVolumesWithStorageKey", account, storage_key_alias, grants=True
                    )
                ),
                opts=child,
            ),
        ]
        self.ebs_csi = self._addon(
            name,
            EBS_CSI_ADDON,
            tagging,
            depends_on=[*nodes, *csi_policies],
            pod_identity=[
                aws.eks.AddonPodIdentityAssociationArgs(
                    role_arn=csi_role.arn, service_account=EBS_CSI_SERVICE_ACCOUNT
                )
            ],
        )
        self.storage_class = k8s.storage.v1.StorageClass(
            f"{name}-{DEFAULT_STORAGE_CLASS}",
            metadata={
                "name": DEFAULT_STORAGE_CLASS,
                "annotations": {"storageclass.kubernetes.io/is-default-class": "true"},
            },
            provisioner="ebs.csi.aws.com",
            parameters={"type": "gp3", "encrypted": "true", "kmsKeyId": storage_key_arn},
            reclaim_policy=reclaim_policy,
            volume_binding_mode="WaitForFirstConsumer",
            allow_volume_expansion=True,
            opts=pulumi.ResourceOptions(
                parent=self, provider=self.kubernetes_provider, depends_on=[self.ebs_csi]
            ),
        )
