"""Read the stack's secrets once, for the components (`components.secrets.PlatformSecrets`)."""

from __future__ import annotations

import pulumi

from components.secrets import PlatformSecrets
from platform_spec import StackSettings


def read_secrets(settings: StackSettings) -> PlatformSecrets:
    """The secret keys the validated stack sets, as secret Outputs (the rest None)."""
    config = pulumi.Config()

    def secret(key: str) -> pulumi.Output[str] | None:
        return config.require_secret(key) if key in settings.secrets_set else None

    return PlatformSecrets(
        registry_db_password=secret("registryDbPassword"),
        online_store_auth_token=secret("onlineStoreAuthToken"),
        serving_api_token=secret("servingApiToken"),
    )
