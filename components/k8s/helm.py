"""Third-party Helm charts, installed one way: pinned, atomic, images from the stack's mirror.

A chart is `(name, version, repository)` (a chart repository URL, or an `oci://`
registry); every release of the in-cluster layer goes
through `pinned_release`, so pinning and atomic rollback cannot be forgotten on one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi
import pulumi_kubernetes as k8s

Chart = tuple[str, str, str]  # (chart name, pinned version, repository URL)


def mirror(registry_url: pulumi.Input[str], path: str = "") -> pulumi.Output[str]:
    """`<registry>/mirror[/path]`: where the stack's registry holds third-party images."""
    return pulumi.Output.concat(registry_url, "/mirror", f"/{path}" if path else "")


def pinned_release(
    resource_name: str,
    chart: Chart,
    namespace: str,
    values: Mapping[str, Any],
    opts: pulumi.ResourceOptions,
    release_name: str | None = None,
) -> k8s.helm.v3.Release:
    """One Helm release of `chart` at its pinned version; rolled back if it fails.
    The release is named after the chart unless `release_name` says otherwise."""
    chart_name, version, repo = chart
    # An OCI registry is not a chart repository: Helm takes the chart's full reference.
    oci = repo.startswith("oci://")
    return k8s.helm.v3.Release(
        resource_name,
        name=release_name or chart_name,
        chart=f"{repo.rstrip('/')}/{chart_name}" if oci else chart_name,
        version=version,
        namespace=namespace,
        repository_opts=None if oci else {"repo": repo},
        atomic=True,
        values=dict(values),
        opts=opts,
    )
