"""Read the stack's secrets once, for the components (`components.secrets.PlatformSecrets`)."""

from __future__ import annotations

import pulumi

from components.secrets import PlatformSecrets
from platform_spec import StackSettings


def read_secrets(settings: StackSettings) -> PlatformSecrets:
    """The secret keys the stack sets, as secret Outputs (the rest None)."""
    config = pulumi.Config()

    def secret(key: str) -> pulumi.Output[str] | None:
        # A key the stack file declares must resolve; one set only through the
        # engine's config (as `pulumi config set --secret` on a fresh stack
        # would before the file is rewritten) is honoured too.
        if key in settings.secrets_set:
            return config.require_secret(key)
        return config.get_secret(key)

    return PlatformSecrets(
        registry_db_password=secret("registryDbPassword"),
        online_store_auth_token=secret("onlineStoreAuthToken"),
        serving_api_token=secret("servingApiToken"),
    )
