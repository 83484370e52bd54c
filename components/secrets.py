"""The stack's secrets as the components receive them: Pulumi secret Outputs, read once.

The composition root (`stacks/secrets.py`) reads them from the stack's config; a
component never calls `pulumi.Config()` itself. A secret the stack does not set is
None, and the component that needs it generates one (kept secret in the state).
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi


@dataclass(frozen=True)
class PlatformSecrets:
    """`registryDbPassword`, `onlineStoreAuthToken` and `servingApiToken`, where set."""

    registry_db_password: pulumi.Output[str] | None = None
    online_store_auth_token: pulumi.Output[str] | None = None
    serving_api_token: pulumi.Output[str] | None = None
