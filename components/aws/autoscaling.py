"""The cloud side of cluster-autoscaler: its IAM role, bound by Pod Identity.

Managed node groups tag their Auto Scaling groups for auto-discovery
(`k8s.io/cluster-autoscaler/<cluster>: owned`), so the role may only change the
size of groups carrying that tag; node group details (labels, taints, for
scale-from-zero) are read from the node groups themselves. The GPU limit is the
GPU pool's `maxSize`: the autoscaler cannot grow a group past its maximum.
"""

from __future__ import annotations

from collections.abc import Sequence

import pulumi
import pulumi_aws as aws

from components.aws import iam_documents
from components.aws.account import AwsAccount
from components.aws.tagging import Tagging

AUTOSCALER_NAMESPACE = "kube-system"
AUTOSCALER_SERVICE_ACCOUNT = "cluster-autoscaler"

# Read-only calls AWS authorises only on "*".
_DISCOVERY = [
    "autoscaling:DescribeAutoScalingGroups",
    "autoscaling:DescribeAutoScalingInstances",
    "autoscaling:DescribeLaunchConfigurations",
    "autoscaling:DescribeScalingActivities",
    "autoscaling:DescribeTags",
    "ec2:DescribeImages",
    "ec2:DescribeInstanceTypes",
    "ec2:DescribeLaunchTemplateVersions",
    "ec2:GetInstanceTypesFromInstanceRequirements",
]


class ClusterAutoscalerIdentity(pulumi.ComponentResource):
    """Role + Pod Identity association for kube-system/cluster-autoscaler.

    Attributes: `role`, `role_arn`.
    """

    def __init__(
        self,
        name: str,
        *,
        account: AwsAccount,
        cluster_name: str,
        cluster: aws.eks.Cluster,
        node_group_names: Sequence[str],
        tagging: Tagging,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:aws:ClusterAutoscalerIdentity", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        self.role = aws.iam.Role(
            name,
            permissions_boundary=account.role_boundary_arn,
            assume_role_policy=iam_documents.pod_identity_trust(
                cluster_name, AUTOSCALER_NAMESPACE, AUTOSCALER_SERVICE_ACCOUNT
            ),
            tags=tagging.for_resource(name),
            opts=child,
        )
        owned = {
            "StringEquals": {f"aws:ResourceTag/k8s.io/cluster-autoscaler/{cluster_name}": "owned"}
        }
        aws.iam.RolePolicy(
            name,
            role=self.role.id,
            policy=iam_documents.document(
                [
                    iam_documents.allow_unscoped_reads("Discover", _DISCOVERY, account.region),
                    iam_documents.allow(
                        "ResizeOwnNodeGroups",
                        [
                            "autoscaling:SetDesiredCapacity",
                            "autoscaling:TerminateInstanceInAutoScalingGroup",
                        ],
                        [
                            account.arn(
                                "autoscaling",
                                f"autoScalingGroup:*:autoScalingGroupName/eks-{cluster_name}-*",
                            )
                        ],
                        owned,
                    ),
                    # A node group's ARN ends in a random id; its name and cluster are ours.
                    iam_documents.allow(
                        "ReadNodeGroups",
                        ["eks:DescribeNodegroup"],
                        [
                            account.arn("eks", f"nodegroup/{cluster_name}/{group}/*")
                            for group in node_group_names
                        ],
                    ),
                ]
            ),
            opts=child,
        )
        aws.eks.PodIdentityAssociation(
            name,
            cluster_name=cluster.name,
            namespace=AUTOSCALER_NAMESPACE,
            service_account=AUTOSCALER_SERVICE_ACCOUNT,
            role_arn=self.role.arn,
            tags=tagging.for_resource(name),
            opts=child,
        )
        self.role_arn = self.role.arn
        self.register_outputs({"roleArn": self.role_arn})
