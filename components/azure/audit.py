"""The in-region Log Analytics workspace and the diagnostic settings that feed it.

Every control-plane and data-plane log the platform emits goes to one
workspace in the stack's own region, with the retention from config. No
diagnostic setting points at a storage account or event hub, so no log leaves
the jurisdiction.
"""

from __future__ import annotations

from collections.abc import Sequence

import pulumi
import pulumi_azure_native as azure_native

from components.azure.deployment import AzureDeployment
from components.azure.network import Network


class AuditLogging(pulumi.ComponentResource):
    """Log Analytics workspace plus a `diagnostics()` helper for each audited resource."""

    workspace_id: pulumi.Output[str]
    settings: list[azure_native.monitor.DiagnosticSetting]

    def __init__(
        self,
        name: str,
        deployment: AzureDeployment,
        network: Network,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__("smp:azure:AuditLogging", name, None, opts)
        d = deployment
        self._deployment = d
        self._name = name
        workspace = azure_native.operationalinsights.Workspace(
            f"{name}-workspace",
            workspace_name=f"log-{d.stack}",
            resource_group_name=network.resource_group_name,
            location=d.location,
            sku={"name": "PerGB2018"},
            retention_in_days=d.settings.platform.monitoring.log_retention_days,
            features={
                # Only Entra-authenticated callers (no workspace shared keys).
                "disable_local_auth": True,
                "enable_log_access_using_only_resource_permissions": True,
            },
            # A private-link scope (AMPLS) would make ingestion private, but AMPLS
            # is a "global" resource; ingestion stays on Azure's regional endpoint,
            # Entra-authenticated, and the data stays in this workspace's region.
            public_network_access_for_ingestion="Enabled",
            public_network_access_for_query="Enabled",
            tags=d.tags("audit"),
            opts=d.child(self),
        )
        self.workspace_id = workspace.id
        self.settings = []
        self.register_outputs({"workspaceId": self.workspace_id})

    def diagnostics(
        self,
        target: str,
        resource_uri: pulumi.Input[str],
        categories: Sequence[str] = (),
        category_groups: Sequence[str] = (),
        metrics: bool = True,
        depends_on: list[pulumi.Resource] | None = None,
    ) -> azure_native.monitor.DiagnosticSetting:
        """Send `categories` / `category_groups` of `resource_uri` (and its metrics) here."""
        logs: list[azure_native.monitor.DiagnosticsLogSettingsArgsDict] = []
        for category in categories:
            logs.append({"category": category, "enabled": True})
        for group in category_groups:
            logs.append({"category_group": group, "enabled": True})
        setting = azure_native.monitor.DiagnosticSetting(
            f"{self._name}-diag-{target}",
            name=f"smp-audit-{target}",
            resource_uri=resource_uri,
            workspace_id=self.workspace_id,
            # Resource-specific tables: queryable per service, retention per table.
            log_analytics_destination_type="Dedicated",
            logs=logs,
            metrics=[{"category": "AllMetrics", "enabled": True}] if metrics else None,
            opts=self._deployment.child(self, depends_on=depends_on or []),
        )
        self.settings.append(setting)
        return setting
