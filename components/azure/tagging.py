"""The one place an Azure resource's tags are computed.

Stack transforms and provider default tags do not run under the offline engine,
so every taggable resource sets `tags=` explicitly from this function: the
mandatory set (owner, data-classification, data-residency, stack, ...) merged
with a small resource-specific map.
"""

from __future__ import annotations

from collections.abc import Mapping

from platform_spec import StackSettings


def merged_tags(
    settings: StackSettings, component: str, extra: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Mandatory tags plus `component` and `extra`; the mandatory keys always win."""
    return {"component": component, **(extra or {}), **settings.mandatory_tags}
