"""Feast online store for Azure Cache for Redis with Microsoft Entra ID authentication.

Access keys are disabled on the platform's Azure caches: a client authenticates
with ``AUTH <object id> <Entra access token>``, the token being issued for
``https://redis.azure.com/.default`` (the cache's access policy assignments name
the workload identity's object id, see ``components/azure/online_store.py``).
Feast knows only passwords, so ``feature_store.yaml`` names this store instead::

    online_store:
      type: workloads.feature_repo.entra_redis.EntraRedisOnlineStore
      connection_string: <cache>.redis.cache.windows.net:6380,ssl=true,...

Feast resolves that type to this module's ``EntraRedisOnlineStore`` and its
config class ``EntraRedisOnlineStoreConfig`` (the ``Config`` suffix is Feast's
convention). Everything else (keys, reads, writes) is Feast's Redis store.

Tokens. :class:`EntraTokenProvider` is a redis-py ``CredentialProvider``: it asks
azure-identity for a token (``WorkloadIdentityCredential`` in an AKS pod, where
the webhook injects ``AZURE_CLIENT_ID``, ``AZURE_TENANT_ID`` and
``AZURE_FEDERATED_TOKEN_FILE``; ``DefaultAzureCredential`` elsewhere), keeps it,
and fetches a new one once the cached token is within ``refresh_margin_seconds``
of expiry. The username is the token's ``oid`` claim (the JWT payload is decoded
without verification: Redis verifies it) unless ``username`` is configured.

Connections that outlive a token. redis-py calls the credential provider once per
connection, when it connects, so every new connection authenticates with a
fresh token. Azure drops a connection whose token expires without a new
``AUTH``; rather than re-authenticating idle pooled connections from a background
thread, each connection remembers when its token becomes due for refresh and,
on its first command after that moment, closes and reconnects (one TLS
handshake per connection per token lifetime, about an hour) before sending, so
no request is sent on a connection the server is about to drop. The hot path
pays one clock comparison per command; the token is fetched per connection, not
per request.

TLS is always on (Entra authentication works over TLS only); a connection
string that turns it off, or carries a static ``password``/``username``, is
refused.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import os
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, Protocol

from feast.infra.online_stores.redis import (
    RedisClient,
    RedisOnlineStore,
    RedisOnlineStoreConfig,
    RedisType,
)
from pydantic import StrictStr
from redis import Redis
from redis import asyncio as redis_asyncio
from redis.connection import ConnectionPool, SSLConnection
from redis.credentials import CredentialProvider
from redis.exceptions import AuthenticationError, RedisError, ResponseError

if TYPE_CHECKING:
    from azure.core.credentials import AccessToken

STORE_TYPE = "workloads.feature_repo.entra_redis.EntraRedisOnlineStore"
REDIS_SCOPE = "https://redis.azure.com/.default"
# Microsoft asks clients to re-authenticate at least 3 minutes before expiry.
REFRESH_MARGIN_SECONDS = 300.0
_FORBIDDEN_PARAMS = ("password", "username", "credential_provider")


class EntraTokenError(RedisError):
    """An Entra access token could not be obtained or does not name an identity.

    A ``RedisError`` so that redis-py closes the half-open connection it was for.
    """


class EntraAuthenticationError(AuthenticationError):
    """Redis refused the Entra identity (no access policy, wrong or expired token)."""


class TokenCredential(Protocol):
    """What azure-identity credentials offer: ``get_token(*scopes)``."""

    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        """An access token for ``scopes``."""
        ...


def default_credential() -> TokenCredential:
    """Workload identity in an AKS pod (the webhook's environment), else the default chain."""
    from azure.identity import DefaultAzureCredential, WorkloadIdentityCredential

    if os.environ.get("AZURE_FEDERATED_TOKEN_FILE"):
        return WorkloadIdentityCredential()
    return DefaultAzureCredential()


def token_object_id(token: str) -> str:
    """The ``oid`` claim of a JWT access token (payload decoded, signature not checked)."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError, binascii.Error) as exc:
        raise EntraTokenError("the Entra access token is not a JWT") from exc
    oid = claims.get("oid") if isinstance(claims, dict) else None
    if not oid or not isinstance(oid, str):
        raise EntraTokenError(
            "the Entra access token has no 'oid' claim; set the online store's username"
        )
    return oid


class EntraTokenProvider(CredentialProvider):
    """redis-py credentials from Entra ID: (object id, access token), refreshed before expiry."""

    def __init__(
        self,
        credential: TokenCredential,
        *,
        scope: str = REDIS_SCOPE,
        username: str | None = None,
        refresh_margin_seconds: float = REFRESH_MARGIN_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._credential = credential
        self._scope = scope
        self._username = username
        self._margin = refresh_margin_seconds
        self.clock = clock
        self._lock = threading.Lock()
        self._token: AccessToken | None = None
        self._user = ""

    def _current(self) -> tuple[str, AccessToken]:
        with self._lock:
            token = self._token
            if token is None or self.clock() >= token.expires_on - self._margin:
                try:
                    token = self._credential.get_token(self._scope)
                except Exception as exc:  # azure-identity raises several types
                    raise EntraTokenError(
                        f"could not get an Entra access token for {self._scope}: "
                        f"{type(exc).__name__}"
                    ) from exc
                self._user = self._username or token_object_id(token.token)
                self._token = token
            return self._user, token

    def refresh_due_at(self) -> float:
        """When the current token is due for refresh (epoch seconds); fetches one if needed."""
        _, token = self._current()
        return token.expires_on - self._margin

    def get_credentials(self) -> tuple[str, str]:
        """(username, token) for ``AUTH``; a new token once the cached one nears expiry."""
        user, token = self._current()
        return user, token.token

    async def get_credentials_async(self) -> tuple[str, str]:
        """As :meth:`get_credentials`, off the event loop (a refresh is an HTTP call)."""
        return await asyncio.to_thread(self.get_credentials)


def _refused(exc: AuthenticationError | ResponseError, provider: EntraTokenProvider) -> Exception:
    # The object id is not a secret and is what an operator checks against the
    # cache's access policy assignments; the token is never echoed.
    user = provider._user or "<unknown>"
    return EntraAuthenticationError(
        f"Azure Cache for Redis refused Entra ID authentication for object id {user} "
        f"({exc}): check the identity's access policy assignment and that the token is "
        "for https://redis.azure.com"
    )


class EntraSSLConnection(SSLConnection):
    """A TLS connection that reconnects with a fresh token before its token is due for refresh."""

    _refresh_due_at = 0.0

    def on_connect_check_health(self, check_health: bool = True) -> None:
        provider = self.credential_provider
        assert isinstance(provider, EntraTokenProvider)
        # Read before AUTH: the token sent next is at least this fresh.
        self._refresh_due_at = provider.refresh_due_at()
        try:
            super().on_connect_check_health(check_health)
        except (AuthenticationError, ResponseError) as exc:
            if isinstance(exc, AuthenticationError) or "WRONGPASS" in str(exc):
                raise _refused(exc, provider) from exc
            raise

    def send_packed_command(self, command: Any, check_health: bool = True) -> None:
        provider = self.credential_provider
        assert isinstance(provider, EntraTokenProvider)
        if self._sock is not None and provider.clock() >= self._refresh_due_at:
            self.disconnect()  # the send below reconnects, authenticating anew
        super().send_packed_command(command, check_health)


class EntraAsyncSSLConnection(redis_asyncio.SSLConnection):
    """The asyncio twin of :class:`EntraSSLConnection` (Feast's async reads and writes)."""

    _refresh_due_at = 0.0

    async def on_connect_check_health(self, check_health: bool = True) -> None:
        provider = self.credential_provider
        assert isinstance(provider, EntraTokenProvider)
        self._refresh_due_at = await asyncio.to_thread(provider.refresh_due_at)
        try:
            await super().on_connect_check_health(check_health)
        except (AuthenticationError, ResponseError) as exc:
            if isinstance(exc, AuthenticationError) or "WRONGPASS" in str(exc):
                raise _refused(exc, provider) from exc
            raise

    async def send_packed_command(self, command: Any, check_health: bool = True) -> None:
        provider = self.credential_provider
        assert isinstance(provider, EntraTokenProvider)
        if self.is_connected and provider.clock() >= self._refresh_due_at:
            await self.disconnect()
        await super().send_packed_command(command, check_health)


class EntraRedisOnlineStoreConfig(RedisOnlineStoreConfig):
    """Feast's Redis config for Azure Cache for Redis with Entra ID (single node, redis-py)."""

    type: Literal["workloads.feature_repo.entra_redis.EntraRedisOnlineStore"] = STORE_TYPE  # type: ignore[assignment]
    """Online store type selector"""

    redis_type: Literal[RedisType.redis] = RedisType.redis
    """Only a single-endpoint cache (the platform does not shard)"""

    client: Literal[RedisClient.redis] = RedisClient.redis
    """Only redis-py takes a credential provider"""

    username: StrictStr | None = None
    """The identity's object id; by default the token's ``oid`` claim"""

    token_scope: StrictStr = REDIS_SCOPE
    """The scope the Entra token is requested for"""


class EntraRedisOnlineStore(RedisOnlineStore):
    """Feast's Redis online store, authenticating with Entra ID tokens over TLS."""

    credential: TokenCredential | None = None
    """azure-identity credential; :func:`default_credential` when left unset"""

    token_provider: EntraTokenProvider | None = None

    def _provider(self, config: EntraRedisOnlineStoreConfig) -> EntraTokenProvider:
        if self.token_provider is None:
            self.token_provider = EntraTokenProvider(
                self.credential or default_credential(),
                scope=config.token_scope,
                username=config.username,
            )
        return self.token_provider

    def _connection_kwargs(self, config: RedisOnlineStoreConfig) -> dict[str, Any]:
        assert isinstance(config, EntraRedisOnlineStoreConfig)
        nodes, params = self._parse_connection_string(config.connection_string)
        if len(nodes) != 1:
            raise ValueError("the Entra Redis online store takes exactly one host:port")
        static = [name for name in _FORBIDDEN_PARAMS if name in params]
        if static:
            raise ValueError(
                f"the Entra Redis connection string must not set {', '.join(static)}: "
                "credentials come from Entra ID"
            )
        if params.pop("ssl", True) is not True:
            raise ValueError("the Entra Redis online store needs ssl=true (Entra requires TLS)")
        return {
            **params,
            "host": nodes[0]["host"],
            "port": int(nodes[0]["port"]),
            "credential_provider": self._provider(config),
        }

    def _get_client(self, online_store_config: RedisOnlineStoreConfig) -> Redis:
        if not self._client:
            pool = ConnectionPool(
                connection_class=EntraSSLConnection, **self._connection_kwargs(online_store_config)
            )
            self._client = Redis(connection_pool=pool)
        return self._client  # type: ignore[return-value]

    async def _get_client_async(
        self, online_store_config: RedisOnlineStoreConfig
    ) -> redis_asyncio.Redis:
        if not self._client_async:
            pool = redis_asyncio.ConnectionPool(
                connection_class=EntraAsyncSSLConnection,
                **self._connection_kwargs(online_store_config),
            )
            self._client_async = redis_asyncio.Redis(connection_pool=pool)
        return self._client_async  # type: ignore[return-value]
