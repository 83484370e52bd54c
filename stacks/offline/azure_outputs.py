"""Offline answers for Azure: computed outputs per resource type and invoke results."""

from __future__ import annotations

from stacks.offline.mocks import (
    AZURE_CLIENT_OBJECT_ID,
    AZURE_SUBSCRIPTION_ID,
    AZURE_TENANT_ID,
    InvokeHandler,
    OutputFactory,
    azure_generic_outputs,
    stable_suffix,
)

OUTPUT_FACTORIES: dict[str, OutputFactory] = {
    "azure-native:containerservice:ManagedCluster": lambda c: {
        **azure_generic_outputs(c),
        "fqdn": f"{c.physical_id}.privatelink.{c.region}.azmk8s.io",
        "oidcIssuerProfile": {"issuerURL": f"https://{c.region}.oic.prod-aks.azure.com/"
                                           f"{AZURE_TENANT_ID}/{stable_suffix(c.name)}/"}},
    "azure-native:keyvault:Vault": lambda c: {
        **azure_generic_outputs(c),
        "properties": {**(c.inputs.get("properties") or {}),
                       "vaultUri": f"https://{c.inputs.get('vaultName', c.physical_id)}"
                                   ".vault.azure.net/"}},
}

INVOKE_HANDLERS: dict[str, InvokeHandler] = {
    "azure-native:authorization:getClientConfig": lambda a, r: {
        "clientId": "00000000-0000-4000-8000-0000000000bb", "objectId": AZURE_CLIENT_OBJECT_ID,
        "subscriptionId": AZURE_SUBSCRIPTION_ID, "tenantId": AZURE_TENANT_ID},
}
