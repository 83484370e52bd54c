"""The explicit Azure provider every Azure component uses, pinned to the validated location."""

from __future__ import annotations

import pulumi
import pulumi_azure_native as azure_native


def regional_azure_provider(
    name: str, location: str, opts: pulumi.ResourceOptions | None = None
) -> azure_native.Provider:
    """An azure-native provider whose default location is the validated region.

    Components still set `location` on every resource explicitly, so a policy can
    judge each one on its own inputs.
    """
    return azure_native.Provider(name, location=location, opts=opts)
