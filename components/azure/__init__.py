"""The Azure layer (pulumi-azure-native v3): one stack's platform in one UAE region.

`platform.AzurePlatform` composes, in order: `network` (resource group, VNet,
subnets with NSGs, private DNS zones), `key_vault` (vault, CMKs, encryption
identities, disk encryption set; `GeoBackupKey` in the paired region only when
the catalogue allows geo copies), `audit` (Log Analytics + diagnostic settings),
`storage` (ADLS Gen2), `acr`, `database` (PostgreSQL Flexible Server),
`online_store` (Azure Cache for Redis), `aks` + `node_pool`, and
`workload_identity`. Shared helpers: `deployment` (stack context, ARM ids known
at preview), `tagging`, `naming` (globally unique names), `redundancy` (catalogue
decisions: geo copies to the in-country pair; zones, zone redundancy and ZRS only
where the region has zones, none in UAE Central), `role_assignment`
(resource-scoped RBAC).

Role-assignment scopes are never a resource's `id` output: they are built from the
subscription (`getClientConfig`, answered during preview) and the names the layer
derives, so the policy pack can judge them at a stack's first `pulumi preview`; each
assignment still depends on the resource it is scoped to.
"""
