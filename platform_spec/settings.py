"""A validated stack: its config keys, secrets and provider settings, checked together.

`parse_stack_settings` is the one entry point for both readers of a stack's config
(the stack file offline, `pulumi.Config` under `pulumi up`). Secrets never live in
the `platform` object: they are separate top-level keys set with
`pulumi config set --secret` (`SECRET_KEYS`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from platform_spec.errors import PLATFORM_KEY, ConfigError, describe, format_key_path
from platform_spec.errors import format_validation_error as format_validation_error
from platform_spec.models import PlatformConfig
from policies.jurisdictions import Cloud, get_jurisdiction
from policies.sectors import SECTOR_TAG

PROJECT = "sovereign-ml-platform"

# Secrets a stack may bring. Each is a top-level project key that must be set
# with `pulumi config set --secret`; a plain value is refused.
SECRET_KEYS: dict[str, str] = {
    "registryDbPassword": "password of the MLflow registry database's admin user",
    "onlineStoreAuthToken": "auth token of the Feast online store (Redis)",
    "servingApiToken": "bearer token that clients present to the serving API",
}
# Key names inside `platform` that look like secrets; they are refused with a
# pointer to the secret keys above.
_SECRET_LIKE = re.compile(
    r"(password|passwd|secret|token|apikey|accesskey|connectionstring)$", re.I
)


@dataclass(frozen=True)
class StackSettings:
    """A validated stack: its name, the platform config and which secrets it brings."""

    stack: str
    platform: PlatformConfig
    secrets_set: frozenset[str]

    @property
    def mandatory_tags(self) -> dict[str, str]:
        """The tags every taggable resource carries (merged explicitly by each component)."""
        p = self.platform
        tags = {
            "owner": p.tags.owner,
            "cost-centre": p.tags.cost_centre,
            "data-classification": p.data_classification,
            "data-residency": p.jurisdiction,
            SECTOR_TAG: p.sector,
            "environment": p.environment,
            "stack": self.stack,
            "managed-by": "pulumi",
            "project": PROJECT,
        }
        return {**p.tags.extra, **tags}


def _secret_like_keys(value: Any, loc: tuple[str | int, ...] = ()) -> list[str]:
    found: list[str] = []
    if isinstance(value, Mapping):
        for key, child in value.items():
            if isinstance(key, str) and _SECRET_LIKE.search(key):
                found.append(format_key_path((*loc, key)))
            found += _secret_like_keys(child, (*loc, str(key)))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += _secret_like_keys(child, (*loc, i))
    return found


def parse_stack_settings(
    stack: str,
    project_values: Mapping[str, Any],
    is_secret: Callable[[str], bool],
    source: str,
    provider_values: Mapping[str, Any] | None = None,
) -> StackSettings:
    """Validate one stack's project config (keys without the project prefix).

    `is_secret(key)` says whether a top-level key was stored as a Pulumi secret;
    `provider_values` holds other namespaces' keys (`aws:region`, ...) so a
    provider default that contradicts the platform region is refused.
    Raises `ConfigError` listing every problem.
    """
    problems: list[str] = []
    for key in sorted(project_values):
        if key == PLATFORM_KEY:
            continue
        if key in SECRET_KEYS:
            if not is_secret(key):
                problems.append(
                    f"{key}: must be a Pulumi secret, not plain text; set it with "
                    f"`pulumi config set --secret {key} <value>`"
                )
        else:
            allowed = ", ".join([PLATFORM_KEY, *SECRET_KEYS])
            problems.append(f"{key}: unknown project key; expected one of: {allowed}")
    raw = project_values.get(PLATFORM_KEY)
    if raw is None:
        problems.append(
            f"{PLATFORM_KEY}: required key is missing (the whole platform object "
            f"under `{PROJECT}:{PLATFORM_KEY}`)"
        )
        raise ConfigError(source, problems)
    if not isinstance(raw, Mapping):
        problems.append(f"{PLATFORM_KEY}: expected an object; got {describe(raw)}")
        raise ConfigError(source, problems)
    if is_secret(PLATFORM_KEY):
        problems.append(
            f"{PLATFORM_KEY}: holds a secret value; keep secrets in their own keys "
            f"({', '.join(SECRET_KEYS)}), not inside the platform object"
        )
    for path in _secret_like_keys(raw, ()):
        problems.append(
            f"{path}: looks like a secret in plain text; keep secrets out of the "
            f"platform object and set one of {', '.join(SECRET_KEYS)} with "
            "`pulumi config set --secret`"
        )
    platform: PlatformConfig | None = None
    if not problems:
        try:
            platform = PlatformConfig.model_validate(raw)
        except ValidationError as exc:
            problems += format_validation_error(exc)
    if provider_values is not None:
        problems += _default_providers_disabled(provider_values)
    if platform is not None and provider_values:
        problems += _provider_conflicts(platform, provider_values)
    if problems or platform is None:
        raise ConfigError(source, problems)
    secrets_set = frozenset(k for k in project_values if k in SECRET_KEYS)
    return StackSettings(stack=stack, platform=platform, secrets_set=secrets_set)


DISABLE_DEFAULT_PROVIDERS = "pulumi:disable-default-providers"


def _default_providers_disabled(provider_values: Mapping[str, Any]) -> list[str]:
    """Every package's default provider must be off, so nothing can use ambient settings.

    A resource without an explicit provider would take its region from the caller's
    environment (`AWS_REGION`, `az` defaults), outside the validated config. With
    `pulumi:disable-default-providers: ["*"]` the Pulumi engine refuses such a
    resource, and so does the offline engine. (The program may read the setting:
    pulumi/pulumi#9864 suggests exactly this assertion.)
    """
    raw = provider_values.get(DISABLE_DEFAULT_PROVIDERS)
    value: Any = raw
    if isinstance(raw, str):
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            value = raw
    if isinstance(value, list) and "*" in value:
        return []
    given = "missing" if raw is None else f"got {raw!r}"
    return [
        f'{DISABLE_DEFAULT_PROVIDERS}: must be ["*"] so that no resource can use a '
        f"default provider configured from the environment ({given}); add "
        f'`{DISABLE_DEFAULT_PROVIDERS}: ["*"]` under `config:` in the stack file'
    ]


def _provider_conflicts(platform: PlatformConfig, provider_values: Mapping[str, Any]) -> list[str]:
    """Default-provider settings must not point outside the validated region."""
    problems = []
    for key in ("aws:region", "azure-native:location", "azure:location"):
        value = provider_values.get(key)
        if value is not None and str(value).replace(" ", "").lower() != platform.region:
            problems.append(
                f"{key}: {value!r} contradicts platform.region "
                f"{platform.region!r}; remove it (the platform builds explicit "
                "providers from platform.region)"
            )
    return problems


def allowed_regions(cloud: Cloud, jurisdiction: str) -> tuple[str, ...]:
    """Regions of `cloud` in `jurisdiction`, for CLI messages."""
    return get_jurisdiction(jurisdiction).allowed_regions(cloud)
