"""Offline answers for Azure: computed outputs per resource type and invoke results.

Names and ids follow Azure's shapes (the resource's own name input, ARM ids with
parent segments), so tests can judge role-assignment scopes and references.
"""

from __future__ import annotations

import base64
from typing import Any

from smp.offline.mocks import (
    AZURE_CLIENT_OBJECT_ID,
    AZURE_SUBSCRIPTION_ID,
    AZURE_TENANT_ID,
    InvokeHandler,
    OutputFactory,
    ResourceContext,
    azure_generic_outputs,
    stable_suffix,
)

# Type -> (input holding the resource's name, ARM id path under the resource group;
# `{name}` is the resource's name, other fields are its inputs).
_ARM_SHAPES: dict[str, tuple[str, str]] = {
    "azure-native:resources:ResourceGroup": ("resourceGroupName", ""),
    "azure-native:network:VirtualNetwork": (
        "virtualNetworkName",
        "Microsoft.Network/virtualNetworks/{name}",
    ),
    "azure-native:network:Subnet": (
        "subnetName",
        "Microsoft.Network/virtualNetworks/{virtualNetworkName}/subnets/{name}",
    ),
    "azure-native:network:NetworkSecurityGroup": (
        "networkSecurityGroupName",
        "Microsoft.Network/networkSecurityGroups/{name}",
    ),
    "azure-native:network:PrivateEndpoint": (
        "privateEndpointName",
        "Microsoft.Network/privateEndpoints/{name}",
    ),
    "azure-native:privatedns:PrivateZone": (
        "privateZoneName",
        "Microsoft.Network/privateDnsZones/{name}",
    ),
    "azure-native:keyvault:Vault": ("vaultName", "Microsoft.KeyVault/vaults/{name}"),
    "azure-native:keyvault:Secret": (
        "secretName",
        "Microsoft.KeyVault/vaults/{vaultName}/secrets/{name}",
    ),
    "azure-native:keyvault:Key": ("keyName", "Microsoft.KeyVault/vaults/{vaultName}/keys/{name}"),
    "azure-native:managedidentity:UserAssignedIdentity": (
        "resourceName",
        "Microsoft.ManagedIdentity/userAssignedIdentities/{name}",
    ),
    "azure-native:compute:DiskEncryptionSet": (
        "diskEncryptionSetName",
        "Microsoft.Compute/diskEncryptionSets/{name}",
    ),
    "azure-native:operationalinsights:Workspace": (
        "workspaceName",
        "Microsoft.OperationalInsights/workspaces/{name}",
    ),
    "azure-native:storage:StorageAccount": (
        "accountName",
        "Microsoft.Storage/storageAccounts/{name}",
    ),
    "azure-native:storage:BlobContainer": (
        "containerName",
        "Microsoft.Storage/storageAccounts/{accountName}/blobServices/default/containers/{name}",
    ),
    "azure-native:containerregistry:Registry": (
        "registryName",
        "Microsoft.ContainerRegistry/registries/{name}",
    ),
    "azure-native:dbforpostgresql:Server": (
        "serverName",
        "Microsoft.DBforPostgreSQL/flexibleServers/{name}",
    ),
    "azure-native:redis:Redis": ("name", "Microsoft.Cache/redis/{name}"),
    "azure-native:eventhub:Namespace": (
        "namespaceName",
        "Microsoft.EventHub/namespaces/{name}",
    ),
    "azure-native:eventhub:EventHub": (
        "eventHubName",
        "Microsoft.EventHub/namespaces/{namespaceName}/eventhubs/{name}",
    ),
    "azure-native:containerservice:ManagedCluster": (
        "resourceName",
        "Microsoft.ContainerService/managedClusters/{name}",
    ),
    "azure-native:containerservice:AgentPool": (
        "agentPoolName",
        "Microsoft.ContainerService/managedClusters/{resourceName}/agentPools/{name}",
    ),
}


def _arm(c: ResourceContext) -> dict[str, Any]:
    """`id` and `name` shaped like Azure's for the types in `_ARM_SHAPES`."""
    name_key, path = _ARM_SHAPES[c.type]
    name = c.inputs.get(name_key) or c.physical_id
    group = c.inputs.get("resourceGroupName", "rg")
    fields = {k: v for k, v in c.inputs.items() if isinstance(v, str)}
    fields["name"] = name
    base = f"/subscriptions/{AZURE_SUBSCRIPTION_ID}/resourceGroups/{group}"
    out: dict[str, Any] = {
        "id": f"{base}/providers/{path.format(**fields)}" if path else base,
        "name": name,
    }
    identity = c.inputs.get("identity")
    if isinstance(identity, dict) and isinstance(identity.get("userAssignedIdentities"), list):
        # v3 takes a list of identity ids but answers with a map keyed by id.
        out["identity"] = {
            **identity,
            "userAssignedIdentities": {
                i: {} for i in identity["userAssignedIdentities"] if isinstance(i, str)
            },
        }
    return out


def _key(c: ResourceContext) -> dict[str, Any]:
    arm = _arm(c)
    uri = f"https://{c.inputs.get('vaultName')}.vault.azure.net/keys/{arm['name']}"
    return {**arm, "keyUri": uri, "keyUriWithVersion": f"{uri}/{stable_suffix(c.name, length=32)}"}


def _secret(c: ResourceContext) -> dict[str, Any]:
    arm = _arm(c)
    uri = f"https://{c.inputs.get('vaultName')}.vault.azure.net/secrets/{arm['name']}"
    return {
        **arm,
        "properties": {
            **(c.inputs.get("properties") or {}),
            "secretUri": uri,
            "secretUriWithVersion": f"{uri}/{stable_suffix(c.name, length=32)}",
        },
    }


def _identity(c: ResourceContext) -> dict[str, Any]:
    digest = stable_suffix(c.type, c.name, length=12)
    return {
        **_arm(c),
        "principalId": f"00000000-0000-4000-9000-{digest}",
        "clientId": f"00000000-0000-4000-a000-{digest}",
        "tenantId": AZURE_TENANT_ID,
    }


def _cluster(c: ResourceContext) -> dict[str, Any]:
    arm = _arm(c)
    return {
        **arm,
        "privateFQDN": f"{c.inputs.get('dnsPrefix', arm['name'])}-{stable_suffix(c.name)}"
        f".privatelink.{c.region}.azmk8s.io",
        "fqdn": f"{c.inputs.get('dnsPrefix', arm['name'])}-{stable_suffix(c.name)}"
        f".hcp.{c.region}.azmk8s.io",
        "oidcIssuerProfile": {
            "enabled": True,
            "issuerURL": f"https://{c.region}.oic.prod-aks.azure.com/"
            f"{AZURE_TENANT_ID}/{stable_suffix(c.name)}/",
        },
    }


_KUBECONFIG = """apiVersion: v1
kind: Config
clusters:
- name: {cluster}
  cluster:
    server: https://{cluster}.privatelink.{region}.azmk8s.io:443
    certificate-authority-data: b2ZmbGluZQ==
contexts:
- name: {cluster}
  context: {{cluster: {cluster}, user: clusterUser_{cluster}}}
current-context: {cluster}
users:
- name: clusterUser_{cluster}
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: kubelogin
      args: [get-token, --login, azurecli, --server-id, 6dae42f8-4368-4678-94ff-3960e28e3630]
"""


def _user_credentials(args: dict[str, Any], region: str) -> dict[str, Any]:
    cluster = args.get("resourceName", "cluster")
    text = _KUBECONFIG.format(cluster=cluster, region=region)
    return {
        "kubeconfigs": [{"name": "clusterUser", "value": base64.b64encode(text.encode()).decode()}]
    }


OUTPUT_FACTORIES: dict[str, OutputFactory] = {
    **{token: _arm for token in _ARM_SHAPES},
    "azure-native:keyvault:Key": _key,
    "azure-native:keyvault:Secret": _secret,
    "azure-native:managedidentity:UserAssignedIdentity": _identity,
    "azure-native:containerservice:ManagedCluster": _cluster,
    "azure-native:keyvault:Vault": lambda c: {
        **_arm(c),
        "properties": {
            **(c.inputs.get("properties") or {}),
            "vaultUri": f"https://{c.inputs.get('vaultName', c.physical_id)}.vault.azure.net/",
        },
    },
    "azure-native:containerregistry:Registry": lambda c: {
        **_arm(c),
        "loginServer": f"{str(c.inputs.get('registryName', '')).lower()}.azurecr.io",
    },
    "azure-native:dbforpostgresql:Server": lambda c: {
        **_arm(c),
        "fullyQualifiedDomainName": f"{c.inputs.get('serverName')}.postgres.database.azure.com",
    },
    "azure-native:redis:Redis": lambda c: {
        **_arm(c),
        "hostName": f"{c.inputs.get('name')}.redis.cache.windows.net",
        "sslPort": 6380,
        "port": 6379,
    },
    "azure-native:operationalinsights:Workspace": lambda c: {
        **_arm(c),
        "customerId": f"00000000-0000-4000-b000-{stable_suffix(c.name, length=12)}",
    },
    # random:index/randomPassword:RandomPassword (the database's generated admin
    # password) is answered, as a secret, by the shared entry in mocks/aws.py.
}

INVOKE_HANDLERS: dict[str, InvokeHandler] = {
    "azure-native:authorization:getClientConfig": lambda a, r: {
        "clientId": "00000000-0000-4000-8000-0000000000bb",
        "objectId": AZURE_CLIENT_OBJECT_ID,
        "subscriptionId": AZURE_SUBSCRIPTION_ID,
        "tenantId": AZURE_TENANT_ID,
    },
    "azure-native:containerservice:listManagedClusterUserCredentials": _user_credentials,
}

__all__ = ["INVOKE_HANDLERS", "OUTPUT_FACTORIES", "azure_generic_outputs"]
