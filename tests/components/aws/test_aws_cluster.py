"""The EKS cluster, its node pools, add-ons, access entries, StorageClass and outputs."""

from __future__ import annotations

import json

import pytest

from platform_spec import GPU_TAINT_KEY, PERSONAS
from smp.offline.engine import SECRET_MARKER
from stacks.stack_files import load_stack_file
from tests.components.aws.aws_plan import (
    ANY_KEY,
    AWS_STACKS,
    REGION,
    key_alias_of,
    key_aliases,
    key_arn_of,
    one,
    policy_of,
)

NODE_GROUP = "aws:eks/nodeGroup:NodeGroup"


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_the_api_server_is_private_and_logs_everything(plan_of, stack):
    plan = plan_of(stack)
    cluster = one(plan, "aws:eks/cluster:Cluster")
    p = load_stack_file(stack).platform
    assert cluster.inputs["version"] == p.kubernetes_version
    vpc = cluster.inputs["vpcConfig"]
    assert vpc["endpointPrivateAccess"] is True
    assert vpc["endpointPublicAccess"] is False
    assert "publicAccessCidrs" not in vpc
    assert sorted(cluster.inputs["enabledClusterLogTypes"]) == sorted(
        ["api", "audit", "authenticator", "controllerManager", "scheduler"]
    )
    assert cluster.inputs["accessConfig"] == {
        "authenticationMode": "API",
        "bootstrapClusterCreatorAdminPermissions": False,
    }
    assert cluster.inputs["deletionProtection"] is (p.environment == "prod")


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_every_persona_principal_has_an_access_entry(plan_of, stack):
    plan = plan_of(stack)
    personas = load_stack_file(stack).platform.personas
    entries = plan.of_type("aws:eks/accessEntry:AccessEntry")
    by_principal = {e.inputs["principalArn"]: e for e in entries}
    for persona in PERSONAS:
        for principal in personas[persona]:
            entry = by_principal[principal]
            assert entry.inputs["kubernetesGroups"] == [f"smp:{persona}"]
            assert entry.inputs["type"] == "STANDARD"
    policies = {
        a.inputs["principalArn"]: a.inputs["policyArn"].rsplit("/", 1)[1]
        for a in plan.of_type("aws:eks/accessPolicyAssociation:AccessPolicyAssociation")
    }
    assert policies == {
        personas["platform-admin"][0]: "AmazonEKSClusterAdminPolicy",
        personas["auditor"][0]: "AmazonEKSViewPolicy",
    }
    # No aws-auth ConfigMap anywhere: access entries are the only mapping.
    assert not [
        r
        for r in plan.resources
        if r.type.startswith("kubernetes:core/v1:ConfigMap")
        and (r.inputs.get("metadata") or {}).get("name") == "aws-auth"
    ]


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_gpu_pools_use_the_nvidia_ami_taint_labels_and_scale_to_zero(plan_of, stack):
    plan = plan_of(stack)
    p = load_stack_file(stack).platform
    for pool_name, pool in p.pools_of_kind("gpu").items():
        group = one(plan, NODE_GROUP, f"-{pool_name}")
        assert group.inputs["amiType"] == "AL2023_x86_64_NVIDIA"
        assert group.inputs["instanceTypes"] == pool.instance_types
        assert {"key": GPU_TAINT_KEY, "value": "present", "effect": "NO_SCHEDULE"} in group.inputs[
            "taints"
        ]
        labels = group.inputs["labels"]
        assert labels["smp.io/pool-kind"] == "gpu"
        assert labels["nvidia.com/gpu.present"] == "true"
        for key, value in pool.labels.items():
            assert labels[key] == value
        assert group.inputs["scalingConfig"]["minSize"] == 0
        assert group.inputs["scalingConfig"]["maxSize"] == pool.max_size
        assert group.inputs["capacityType"] == ("SPOT" if pool.spot else "ON_DEMAND")


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_system_and_cpu_pools(plan_of, stack):
    plan = plan_of(stack)
    p = load_stack_file(stack).platform
    for pool_name, pool in p.node_pools.items():
        group = one(plan, NODE_GROUP, f"-{pool_name}")
        assert group.inputs["version"] == p.kubernetes_version
        if pool.kind == "system":
            assert group.inputs["capacityType"] == "ON_DEMAND"
            assert {
                "key": "CriticalAddonsOnly",
                "value": "true",
                "effect": "NO_SCHEDULE",
            } in group.inputs["taints"]
        if pool.kind != "gpu":
            assert group.inputs["amiType"] == "AL2023_x86_64_STANDARD"
            assert all(t["key"] != GPU_TAINT_KEY for t in group.inputs["taints"])


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_managed_addons_and_the_encrypted_default_storage_class(plan_of, stack):
    plan = plan_of(stack)
    addons = {a.inputs["addonName"]: a for a in plan.of_type("aws:eks/addon:Addon")}
    assert set(addons) == {
        "vpc-cni",
        "coredns",
        "kube-proxy",
        "aws-ebs-csi-driver",
        "eks-pod-identity-agent",
    }
    csi = addons["aws-ebs-csi-driver"].inputs
    assert csi["podIdentityAssociations"][0]["serviceAccount"] == "ebs-csi-controller-sa"
    classes = plan.of_type("kubernetes:storage.k8s.io/v1:StorageClass")
    assert len(classes) == 1
    sc = classes[0]
    assert (
        sc.inputs["metadata"]["annotations"]["storageclass.kubernetes.io/is-default-class"]
        == "true"
    )
    assert sc.inputs["provisioner"] == "ebs.csi.aws.com"
    assert sc.inputs["parameters"] == {
        "type": "gp3",
        "encrypted": "true",
        "kmsKeyId": key_arn_of(plan, "storage"),
    }
    # Through a Kubernetes provider built from this cluster's kubeconfig, not ambient config.
    k8s_provider = plan.by_urn()[sc.provider]
    assert k8s_provider.type == "pulumi:providers:kubernetes"
    assert "kubeconfig" in k8s_provider.secret_paths
    assert addons["aws-ebs-csi-driver"].urn in sc.dependencies
    # The CSI driver may create grants on the storage key only (named by its alias).
    csi_policy = policy_of(one(plan, "aws:iam/rolePolicy:RolePolicy", "-ebs-csi-storage-key"))
    for statement in csi_policy["Statement"]:
        assert statement["Resource"] == [ANY_KEY]
        assert key_aliases(statement) == [key_alias_of(plan, "storage")]
    grants = {s["Sid"]: s for s in csi_policy["Statement"]}["EncryptVolumesWithStorageKeyGrants"]
    assert grants["Condition"]["Bool"] == {"kms:GrantIsForAWSResource": "true"}
    # So does the cluster role, on the secrets (eks) key.
    cluster_policy = policy_of(one(plan, "aws:iam/rolePolicy:RolePolicy", "-cluster-secrets-key"))
    for statement in cluster_policy["Statement"]:
        assert statement["Resource"] == [ANY_KEY]
        assert key_aliases(statement) == [key_alias_of(plan, "eks")]


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_outputs_for_the_in_cluster_layer(plan_of, stack):
    plan = plan_of(stack)
    out = plan.outputs
    cluster = one(plan, "aws:eks/cluster:Cluster")
    assert out["clusterName"] == cluster.inputs["name"]
    assert out["clusterEndpoint"].endswith(f".{REGION}.eks.amazonaws.com")
    assert "kubeconfig" in plan.secret_outputs
    assert plan.to_json()["outputs"]["kubeconfig"] == SECRET_MARKER
    kubeconfig = json.loads(out["kubeconfig"])
    exec_ = kubeconfig["users"][0]["user"]["exec"]
    assert exec_["command"] == "aws"
    assert exec_["args"][:4] == ["eks", "get-token", "--cluster-name", out["clusterName"]]
    assert "--region" in exec_["args"]
    assert REGION in exec_["args"]
    assert out["oidcIssuer"].startswith(f"https://oidc.eks.{REGION}.amazonaws.com/id/")
    assert set(out["storageUris"]) == {
        "offline-store",
        "artifacts",
        "prediction-logs",
        "predictions",
        "raw",
        "curated",
    }
    assert all(uri.startswith("s3://") for uri in out["storageUris"].values())
    assert out["registryUrl"] == f"123456789012.dkr.ecr.{REGION}.amazonaws.com"
    assert out["databaseEndpoint"].endswith(f".{REGION}.rds.amazonaws.com:5432")
    assert out["redisEndpoint"].endswith(":6379")
    assert set(out["workloadIdentities"]) == {
        "training",
        "serving",
        "drift-monitor",
        "feature-store",
        "registry",
        "batch-scoring",
        "ingestion",
    }


@pytest.mark.parametrize("stack", AWS_STACKS)
def test_cluster_autoscaler_may_resize_only_this_clusters_node_groups(plan_of, stack):
    plan = plan_of(stack)
    cluster_name = one(plan, "aws:eks/cluster:Cluster").inputs["name"]
    policy = policy_of(one(plan, "aws:iam/rolePolicy:RolePolicy", "-cluster-autoscaler"))
    statements = {s["Sid"]: s for s in policy["Statement"]}
    resize = statements["ResizeOwnNodeGroups"]
    assert resize["Condition"] == {
        "StringEquals": {f"aws:ResourceTag/k8s.io/cluster-autoscaler/{cluster_name}": "owned"}
    }
    assert resize["Resource"][0].startswith(f"arn:aws:autoscaling:{REGION}:123456789012:")
    node_groups = {g.inputs["nodeGroupName"] for g in plan.of_type(NODE_GROUP)}
    # Each of this cluster's node groups by name (their ARNs end in a random id).
    assert sorted(statements["ReadNodeGroups"]["Resource"]) == sorted(
        f"arn:aws:eks:{REGION}:123456789012:nodegroup/{cluster_name}/{group}/*"
        for group in node_groups
    )
    association = one(
        plan, "aws:eks/podIdentityAssociation:PodIdentityAssociation", "-cluster-autoscaler"
    )
    assert (association.inputs["namespace"], association.inputs["serviceAccount"]) == (
        "kube-system",
        "cluster-autoscaler",
    )


def test_ami_types_follow_the_pool_kind_and_architecture():
    from components.aws.node_pool import ami_type
    from platform_spec import NodePool

    def pool(kind: str, *types: str) -> NodePool:
        return NodePool.model_validate(
            {"kind": kind, "instanceTypes": list(types), "minSize": 1, "maxSize": 2}
        )

    assert ami_type(pool("gpu", "g5.xlarge")) == "AL2023_x86_64_NVIDIA"
    assert ami_type(pool("cpu", "m7g.large", "c6gn.xlarge")) == "AL2023_ARM_64_STANDARD"
    assert ami_type(pool("system", "t4g.large")) == "AL2023_ARM_64_STANDARD"
    assert ami_type(pool("cpu", "m6i.large", "m6a.large")) == "AL2023_x86_64_STANDARD"
    # One node group runs one AMI: mixed architectures are refused before AWS would.
    with pytest.raises(ValueError, match="cannot mix ARM"):
        ami_type(pool("cpu", "m6i.large", "m7g.large"))


def test_the_cluster_component_refuses_an_open_public_endpoint():
    from components.aws.eks import EndpointAccess

    with pytest.raises(ValueError, match="allow-list"):
        EndpointAccess(public=True, allowed_cidrs=[])
    with pytest.raises(ValueError, match="whole Internet"):
        EndpointAccess(public=True, allowed_cidrs=["203.0.113.0/24", "::/0"])
    assert EndpointAccess(public=False, allowed_cidrs=[]).public is False


def test_the_cloud_platform_names_the_service_accounts_the_roles_trust():
    from components.interface import WORKLOAD_SERVICE_ACCOUNTS, CloudPlatform
    from smp.offline import plan_program
    from stacks.stack_files import load_stack_file

    settings = load_stack_file("aws-uae-dev")
    captured: dict[str, CloudPlatform] = {}

    def program() -> None:
        from stacks.platform import build_platform

        captured["cloud"] = build_platform(settings).cloud_platform

    plan = plan_program(program, stack="aws-uae-dev", default_region=REGION)
    cloud = captured["cloud"]
    assert cloud.workload_service_accounts == WORKLOAD_SERVICE_ACCOUNTS
    assert cloud.persona_groups == {p: f"smp:{p}" for p in PERSONAS}
    assert cloud.storage_class == "encrypted-default"
    assert set(cloud.image_repositories) == set(WORKLOAD_SERVICE_ACCOUNTS)
    assert cloud.redis_auth_token is not None
    assert cloud.database_credentials_ref is not None
    # Each association binds exactly the service account the interface names.
    bound = {
        (a.inputs["namespace"], a.inputs["serviceAccount"])
        for a in plan.of_type("aws:eks/podIdentityAssociation:PodIdentityAssociation")
        if "-workload-" in a.name
    }
    assert bound == set(WORKLOAD_SERVICE_ACCOUNTS.values())
