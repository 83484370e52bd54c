"""The Azure layer (pulumi-azure-native v3): one stack's platform in one UAE region.

`platform.AzurePlatform` composes, in order: `network` (resource group, VNet,
subnets with NSGs, private DNS zones), `key_vault` (vault, CMKs, encryption
identities, disk encryption set; `GeoBackupKey` in the paired region only when
the catalogue allows geo copies), `audit` (Log Analytics + diagnostic settings),
`storage` (ADLS Gen2), `acr`, `database` (PostgreSQL Flexible Server),
`online_store` (Azure Cache for Redis), `aks` + `node_pool`, and
`workload_identity`. Shared helpers: `deployment` (stack context), `tagging`,
`naming` (globally unique names), `redundancy` (catalogue decisions),
`role_assignment` (resource-scoped RBAC).
"""
