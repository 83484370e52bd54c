"""AKS: private, Entra-only, encrypted, audited; node pools from the config map."""

from __future__ import annotations

import pytest

from components.azure.node_pool import SPOT_TAINT, agent_pool_settings
from platform_spec import GPU_TAINT_KEY, GPU_TAINT_VALUE, NodePool
from stacks.stack_files import load_stack_file
from tests.components.azure.plan_queries import AZURE_STACKS, get, one

CLUSTER = "azure-native:containerservice:ManagedCluster"
AGENT_POOL = "azure-native:containerservice:AgentPool"


def _pools(plan):  # every pool: the inline system pool and the AgentPool resources
    cluster = one(plan, CLUSTER)
    inline = list(cluster.inputs["agentPoolProfiles"])
    return inline + [r.inputs for r in plan.of_type(AGENT_POOL)]


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_cluster_is_private_entra_only_and_rbac(plan_of, stack):
    cluster = one(plan_of(stack), CLUSTER).inputs
    access = cluster["apiServerAccessProfile"]
    assert access["enablePrivateCluster"] is True
    assert access["enablePrivateClusterPublicFQDN"] is False
    assert "authorizedIPRanges" not in access
    assert cluster["publicNetworkAccess"] == "Disabled"
    assert cluster["disableLocalAccounts"] is True
    assert cluster["enableRBAC"] is True
    assert cluster["aadProfile"]["managed"] is True
    assert cluster["aadProfile"]["enableAzureRBAC"] is True
    assert cluster["oidcIssuerProfile"] == {"enabled": True}
    assert cluster["securityProfile"]["workloadIdentity"] == {"enabled": True}


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_cluster_encrypts_etcd_and_disks_with_our_keys(plan_of, stack):
    plan = plan_of(stack)
    cluster = one(plan, CLUSTER).inputs
    kms = cluster["securityProfile"]["azureKeyVaultKms"]
    assert kms["enabled"] is True
    assert kms["keyVaultNetworkAccess"] == "Private"
    kms_key = next(
        r for r in plan.of_type("azure-native:keyvault:Key") if r.inputs["keyName"] == "aks-kms-cmk"
    )
    assert kms["keyId"].startswith(
        f"https://{kms_key.inputs['vaultName']}.vault.azure.net/keys/aks-kms-cmk/"
    )
    vault = next(
        r
        for r in plan.of_type("azure-native:keyvault:Vault")
        if r.inputs["vaultName"] == kms_key.inputs["vaultName"]
    )
    assert kms["keyVaultResourceId"].endswith(f"/vaults/{vault.inputs['vaultName']}")
    assert vault.inputs["location"] == cluster["location"]
    des = one(plan, "azure-native:compute:DiskEncryptionSet").inputs
    assert cluster["diskEncryptionSetID"].endswith(
        f"/diskEncryptionSets/{des['diskEncryptionSetName']}"
    )
    assert des["encryptionType"] == "EncryptionAtRestWithCustomerKey"


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_cluster_network_upgrade_addons_and_insights(plan_of, stack):
    plan = plan_of(stack)
    cluster = one(plan, CLUSTER).inputs
    assert cluster["networkProfile"]["networkPolicy"] in ("azure", "cilium")
    assert cluster["autoUpgradeProfile"]["upgradeChannel"] in ("patch", "stable")
    assert cluster["addonProfiles"]["azurepolicy"]["enabled"] is True
    oms = cluster["addonProfiles"]["omsagent"]
    workspace = one(plan, "azure-native:operationalinsights:Workspace")
    assert oms["enabled"] is True
    assert oms["config"]["logAnalyticsWorkspaceResourceID"].endswith(
        f"/workspaces/{workspace.inputs['workspaceName']}"
    )
    assert workspace.inputs["location"] == cluster["location"]


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_every_pool_encrypts_at_host_has_no_public_ip_and_uses_the_cluster_des(plan_of, stack):
    plan = plan_of(stack)
    settings = load_stack_file(stack)
    pools = _pools(plan)
    assert len(pools) == len(settings.platform.node_pools)
    cluster = one(plan, CLUSTER).inputs
    # The disk encryption set is a cluster property that covers every pool's disks;
    # each AgentPool must therefore belong to that cluster.
    assert cluster["diskEncryptionSetID"]
    for agent_pool in plan.of_type(AGENT_POOL):
        assert agent_pool.inputs["resourceName"] == cluster["resourceName"]
    for pool in pools:
        assert pool["enableEncryptionAtHost"] is True
        assert pool["enableNodePublicIP"] is False
        assert pool["osDiskType"] == "Managed"  # managed OS disks are the ones DES encrypts
        assert pool["vnetSubnetID"].endswith("/subnets/snet-nodes")
        assert pool["tags"]["stack"] == stack


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_gpu_pool_is_tainted_scales_from_zero_and_system_pool_is_critical_only(plan_of, stack):
    pools = {p.get("agentPoolName") or p.get("name"): p for p in _pools(plan_of(stack))}
    gpu = pools["gpu"]
    assert f"{GPU_TAINT_KEY}={GPU_TAINT_VALUE}:NoSchedule" in gpu["nodeTaints"]
    assert gpu["minCount"] == 0
    assert gpu["enableAutoScaling"] is True
    assert gpu["vmSize"].startswith("Standard_NC")
    assert gpu["mode"] == "User"
    system = pools["system"]
    assert system["mode"] == "System"
    assert "CriticalAddonsOnly=true:NoSchedule" in system["nodeTaints"]
    assert pools["cpu"]["nodeTaints"] == []


def _pool(**overrides):
    base = {"kind": "gpu", "instanceTypes": ["Standard_ND96asr_v4"], "minSize": 0, "maxSize": 2}
    return NodePool.model_validate({**base, **overrides})


def test_spot_gpu_pool_uses_spot_priority_and_keeps_the_gpu_taint():
    settings = agent_pool_settings(
        "gpuspot", _pool(spot=True), kubernetes_version="1.33", zones=3, subnet_id="subnet", tags={}
    )
    assert settings["scale_set_priority"] == "Spot"
    assert settings["scale_set_eviction_policy"] == "Delete"
    assert SPOT_TAINT in settings["node_taints"]
    assert "nvidia.com/gpu=present:NoSchedule" in settings["node_taints"]


def test_on_demand_pool_has_no_spot_settings():
    settings = agent_pool_settings(
        "gpu", _pool(), kubernetes_version="1.33", zones=2, subnet_id="subnet", tags={}
    )
    assert "scale_set_priority" not in settings
    assert SPOT_TAINT not in settings["node_taints"]
    assert settings["availability_zones"] == ["1", "2"]


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_personas_are_bound_to_aks_rbac_roles_on_the_cluster(plan_of, stack):
    plan = plan_of(stack)
    settings = load_stack_file(stack)
    cluster = one(plan, CLUSTER).inputs
    grants = [
        r.inputs
        for r in plan.of_type("azure-native:authorization:RoleAssignment")
        if r.inputs.get("principalType") == "Group"
    ]
    expected = {g for groups in settings.platform.personas.values() for g in groups}
    assert {g["principalId"] for g in grants} == expected
    for grant in grants:
        assert grant["scope"].endswith(f"/managedClusters/{cluster['resourceName']}")
    admin = settings.platform.personas["platform-admin"]
    assert cluster["aadProfile"]["adminGroupObjectIDs"] == admin


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_kubeconfig_is_a_secret_output_and_outputs_match_the_interface(plan_of, stack):
    plan = plan_of(stack)
    assert "kubeconfig" in plan.secret_outputs
    assert "kubelogin" in plan.outputs["kubeconfig"]  # Entra login, no static credential
    assert set(plan.outputs["storageUris"]) == {
        "offline-store",
        "artifacts",
        "prediction-logs",
        "predictions",
        "raw",
        "curated",
    }
    assert plan.outputs["registryUrl"].endswith(".azurecr.io")
    assert plan.outputs["clusterEndpoint"].startswith("https://")
    assert ".privatelink." in plan.outputs["clusterEndpoint"]
    assert plan.outputs["oidcIssuer"].startswith("https://")
    assert plan.outputs["redisEndpoint"].endswith(":6380")
    assert plan.outputs["databaseEndpoint"].endswith(".postgres.database.azure.com")
    assert get(plan.outputs, "cloud") == "azure"


def test_api_server_is_private_unless_a_non_prod_stack_asks_with_an_allow_list():
    from components.azure.aks import api_server_access
    from platform_spec import ClusterEndpoint

    private = api_server_access(ClusterEndpoint.model_validate({}), "snet", "zone")
    assert private["enable_private_cluster"] is True
    assert private["private_dns_zone"] == "zone"
    assert "authorized_ip_ranges" not in private
    public = api_server_access(
        ClusterEndpoint.model_validate({"publicAccess": True, "allowedCidrs": ["203.0.113.0/24"]}),
        "snet",
        "zone",
    )
    assert public["enable_private_cluster"] is False
    assert public["authorized_ip_ranges"] == ["203.0.113.0/24"]


@pytest.mark.parametrize("stack", AZURE_STACKS)
def test_default_storage_class_encrypts_volumes_with_the_des(plan_of, stack):
    from components.interface import CloudPlatform

    plan = plan_of(stack)
    classes = plan.of_type("kubernetes:storage.k8s.io/v1:StorageClass")
    assert len(classes) == 1
    sc = classes[0].inputs
    assert sc["metadata"]["name"] == CloudPlatform.__dataclass_fields__["storage_class"].default
    assert sc["metadata"]["annotations"]["storageclass.kubernetes.io/is-default-class"] == "true"
    des = one(plan, "azure-native:compute:DiskEncryptionSet").inputs
    assert sc["parameters"]["diskEncryptionSetID"].endswith(
        f"/diskEncryptionSets/{des['diskEncryptionSetName']}"
    )
    assert sc["parameters"]["diskEncryptionType"] == "EncryptionAtRestWithCustomerKey"
    assert sc["parameters"]["networkAccessPolicy"] == "DenyAll"
    assert sc["reclaimPolicy"] == "Retain"  # prod and dr keep volumes
    provider = plan.by_urn()[classes[0].provider]
    assert provider.type == "pulumi:providers:kubernetes"
    assert "kubeconfig" in provider.secret_paths
