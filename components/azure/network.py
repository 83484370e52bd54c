"""Resource group, VNet, subnets, NSGs and the private DNS zones of one stack.

Every data service is reached only through a private endpoint (or VNet
injection for PostgreSQL), so the network also owns the private DNS zones and
their VNet links, and a helper that wires a private endpoint into its zone.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

import pulumi
import pulumi_azure_native as azure_native

from components.azure.deployment import AzureDeployment
from components.azure.role_assignment import Scope

# Private DNS zones and their VNet links are global by definition: Azure accepts
# only "global" as their location. They hold DNS records of in-region private
# endpoints, no customer data.
GLOBAL_LOCATION = "global"

INTERNET_SERVICE_TAG = "Internet"


def private_dns_zone_names(region: str, stack: str) -> dict[str, str]:
    """Zone name per private-endpoint kind (the Azure-documented privatelink zones).

    PostgreSQL Flexible Server with VNet injection wants a zone ending in
    `.postgres.database.azure.com` that is not the privatelink one; the stack name
    keeps it unique per stack.
    """
    return {
        "vault": "privatelink.vaultcore.azure.net",
        "blob": "privatelink.blob.core.windows.net",
        "dfs": "privatelink.dfs.core.windows.net",
        "registry": "privatelink.azurecr.io",
        "redis": "privatelink.redis.cache.windows.net",
        "eventhub": "privatelink.servicebus.windows.net",
        "aks": f"privatelink.{region}.azmk8s.io",
        "postgres": f"{stack}.private.postgres.database.azure.com",
    }


@dataclass(frozen=True)
class SubnetPlan:
    """The address ranges carved out of the VNet CIDR."""

    nodes: str
    apiserver: str
    private_endpoints: str
    data: str


def plan_subnets(cidr: str) -> SubnetPlan:
    """Split the VNet: half for nodes (overlay pods need no VNet addresses), then /24s.

    Works for every prefix the config accepts (/16 .. /20).
    """
    net = ipaddress.IPv4Network(cidr)
    lower, upper = net.subnets(prefixlen_diff=1)
    small = list(upper.subnets(new_prefix=24))
    return SubnetPlan(
        nodes=str(lower),
        apiserver=str(next(small[0].subnets(new_prefix=28))),
        private_endpoints=str(small[1]),
        data=str(small[2]),
    )


class Network(pulumi.ComponentResource):
    """The stack's resource group, VNet, subnets with NSGs, and private DNS zones."""

    resource_group_name: pulumi.Output[str]
    resource_group_id: pulumi.Output[str]
    vnet_id: pulumi.Output[str]
    subnet_ids: dict[str, pulumi.Output[str]]
    nsg_ids: dict[str, pulumi.Output[str]]
    zone_ids: dict[str, pulumi.Output[str]]
    # Role-assignment scopes, known at preview (see `AzureDeployment.arm_id`).
    subnet_scopes: dict[str, Scope]
    zone_scopes: dict[str, Scope]

    def __init__(
        self, name: str, deployment: AzureDeployment, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__("smp:azure:Network", name, None, opts)
        d = deployment
        tags = d.tags("network")
        group = azure_native.resources.ResourceGroup(
            f"{name}-rg",
            resource_group_name=d.resource_group_name,
            location=d.location,
            tags=tags,
            opts=d.child(self),
        )
        self.resource_group_name = group.name
        self.resource_group_id = group.id
        self.deployment = d

        vnet_name = f"vnet-{d.stack}"
        vnet = azure_native.network.VirtualNetwork(
            f"{name}-vnet",
            virtual_network_name=vnet_name,
            resource_group_name=group.name,
            location=d.location,
            address_space={"address_prefixes": [d.settings.platform.network.cidr]},
            tags=tags,
            # Subnets are separate resources; inline subnets would fight them.
            opts=d.child(self, ignore_changes=["subnets"]),
        )
        self.vnet_id = vnet.id

        ranges = plan_subnets(d.settings.platform.network.cidr)
        specs: list[tuple[str, str, str | None]] = [
            ("nodes", ranges.nodes, None),
            ("apiserver", ranges.apiserver, "Microsoft.ContainerService/managedClusters"),
            ("private-endpoints", ranges.private_endpoints, None),
            ("data", ranges.data, "Microsoft.DBforPostgreSQL/flexibleServers"),
        ]
        self.subnet_ids = {}
        self.subnet_scopes = {}
        self.nsg_ids = {}
        previous: pulumi.Resource | None = None
        for purpose, prefix, delegation in specs:
            nsg = azure_native.network.NetworkSecurityGroup(
                f"{name}-nsg-{purpose}",
                network_security_group_name=f"nsg-{d.stack}-{purpose}",
                resource_group_name=group.name,
                location=d.location,
                security_rules=[
                    {
                        # Explicit, so a reviewer and the policy pack see it on the
                        # inputs rather than relying on Azure's implicit defaults.
                        "name": "deny-internet-inbound",
                        "priority": 4000,
                        "direction": "Inbound",
                        "access": "Deny",
                        "protocol": "*",
                        "source_address_prefix": INTERNET_SERVICE_TAG,
                        "source_port_range": "*",
                        "destination_address_prefix": "*",
                        "destination_port_range": "*",
                        "description": "no inbound traffic from the Internet",
                    }
                ],
                tags=d.tags("network", {"subnet": purpose}),
                opts=d.child(self),
            )
            subnet_name = f"snet-{purpose}"
            subnet = azure_native.network.Subnet(
                f"{name}-snet-{purpose}",
                subnet_name=subnet_name,
                resource_group_name=group.name,
                virtual_network_name=vnet.name,
                address_prefix=prefix,
                network_security_group={"id": nsg.id},
                # No implicit outbound Internet IPs for VMs in the subnet.
                default_outbound_access=False,
                # NSGs apply to private endpoints only with policies enabled.
                private_endpoint_network_policies="Enabled",
                delegations=(
                    [{"name": f"{purpose}-delegation", "service_name": delegation}]
                    if delegation
                    else None
                ),
                # Azure serialises subnet writes on a VNet; creating them one by
                # one avoids AnotherOperationInProgress failures.
                opts=d.child(self, depends_on=[previous] if previous else []),
            )
            previous = subnet
            self.nsg_ids[purpose] = nsg.id
            self.subnet_ids[purpose] = subnet.id
            self.subnet_scopes[purpose] = Scope(
                d.arm_id(f"Microsoft.Network/virtualNetworks/{vnet_name}/subnets/{subnet_name}"),
                subnet,
            )

        self.zone_ids = {}
        self.zone_scopes = {}
        for kind, zone_name in private_dns_zone_names(d.location, d.stack).items():
            zone = azure_native.privatedns.PrivateZone(
                f"{name}-zone-{kind}",
                private_zone_name=zone_name,
                resource_group_name=group.name,
                location=GLOBAL_LOCATION,
                tags=d.tags("network", {"private-endpoint-kind": kind}),
                opts=d.child(self),
            )
            azure_native.privatedns.VirtualNetworkLink(
                f"{name}-zone-{kind}-link",
                virtual_network_link_name=f"link-{d.stack}-{kind}",
                private_zone_name=zone.name,
                resource_group_name=group.name,
                location=GLOBAL_LOCATION,
                virtual_network={"id": vnet.id},
                registration_enabled=False,
                tags=d.tags("network", {"private-endpoint-kind": kind}),
                opts=d.child(self),
            )
            self.zone_ids[kind] = zone.id
            self.zone_scopes[kind] = Scope(
                d.arm_id(f"Microsoft.Network/privateDnsZones/{zone_name}"), zone
            )

        self.register_outputs(
            {
                "resourceGroupName": self.resource_group_name,
                "vnetId": self.vnet_id,
                "subnetIds": self.subnet_ids,
            }
        )

    def private_endpoint(
        self,
        owner: pulumi.Resource,
        name: str,
        target_id: pulumi.Input[str],
        group_id: str,
        zone: str,
    ) -> azure_native.network.PrivateEndpoint:
        """A private endpoint for `target_id`'s `group_id`, registered in private zone `zone`.

        Created as a child of `owner` (the component that owns the target).
        """
        d = self.deployment
        endpoint = azure_native.network.PrivateEndpoint(
            f"{name}-pe-{group_id}",
            private_endpoint_name=f"pe-{name}-{group_id}",
            resource_group_name=self.resource_group_name,
            location=d.location,
            subnet={"id": self.subnet_ids["private-endpoints"]},
            private_link_service_connections=[
                {
                    "name": f"{name}-{group_id}",
                    "private_link_service_id": target_id,
                    "group_ids": [group_id],
                }
            ],
            tags=d.tags("private-endpoint", {"target-group": group_id}),
            opts=d.child(owner),
        )
        azure_native.network.PrivateDnsZoneGroup(
            f"{name}-pe-{group_id}-dns",
            private_dns_zone_group_name="default",
            private_endpoint_name=endpoint.name,
            resource_group_name=self.resource_group_name,
            private_dns_zone_configs=[{"name": zone, "private_dns_zone_id": self.zone_ids[zone]}],
            opts=d.child(owner),
        )
        return endpoint
