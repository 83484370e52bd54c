"""The Azure online store: Feast's Redis store authenticating with Entra ID tokens.

A real redis-server over TLS stands in for Azure Cache for Redis: the default
user is off and the only data user is named after a fake object id, with fake
JWT access tokens as its passwords (Azure accepts any valid token of the
identity; the ACL lists the tokens the test means to be valid). A fake
azure-identity credential hands out those tokens.
"""

from __future__ import annotations

import asyncio
import base64
import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import redis
import yaml
from azure.core.credentials import AccessToken
from azure.core.exceptions import ClientAuthenticationError

from workloads import schema
from workloads.data import generate, write_dataset
from workloads.feature_repo import entra_redis, store_config
from workloads.feature_repo.materialization import feast_apply, materialize
from workloads.local_processes import free_port
from workloads.serving.online_features import OnlineFeatureReader

OID = "6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5"
ADMIN_PASSWORD = "admin-" + "pw" * 8
START = datetime(2025, 3, 1, tzinfo=UTC)
DAYS = 8


def fake_jwt(oid: str | None, exp: float, nonce: str) -> str:
    """header.payload.signature, base64url without padding, like an Entra access token."""

    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    claims: dict[str, Any] = {"aud": "https://redis.azure.com", "exp": int(exp), "nonce": nonce}
    if oid is not None:
        claims["oid"] = oid
    header = json.dumps({"alg": "RS256", "typ": "JWT"}).encode()
    return ".".join([part(header), part(json.dumps(claims).encode()), part(b"not-a-signature")])


@dataclass
class FakeCredential:
    """azure-identity's shape: ``get_token(*scopes)``; ``tokens`` in order, then the last again."""

    tokens: list[AccessToken]
    scopes: list[tuple[str, ...]] = field(default_factory=list)
    error: Exception | None = None

    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        if self.error is not None:
            raise self.error
        self.scopes.append(scopes)
        return self.tokens[min(len(self.scopes), len(self.tokens)) - 1]


def access_token(oid: str | None, exp: float, nonce: str) -> AccessToken:
    return AccessToken(fake_jwt(oid, exp, nonce), int(exp))


@dataclass
class TlsRedis:
    """redis-server with TLS only, the default user off and ACL users for Entra identities."""

    port: int
    ca: Path

    def admin(self) -> redis.Redis:
        return redis.Redis(
            host="127.0.0.1",
            port=self.port,
            ssl=True,
            ssl_ca_certs=str(self.ca),
            username="admin",
            password=ADMIN_PASSWORD,
            socket_timeout=2,
        )

    def allow(self, *tokens: AccessToken, user: str = OID) -> None:
        """Make ``tokens`` (and only them) the passwords of ``user``."""
        rules = ["reset", "on", "~*", "&*", "+@all"] + [f">{t.token}" for t in tokens]
        self.admin().execute_command("ACL", "SETUSER", user, *rules)

    def connection_string(self) -> str:
        return f"127.0.0.1:{self.port},ssl=true,ssl_ca_certs={self.ca},socket_timeout=2"


@pytest.fixture(scope="module")
def tls_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TlsRedis]:
    binary, openssl = shutil.which("redis-server"), shutil.which("openssl")
    if binary is None or openssl is None:
        pytest.fail("the Entra Redis tests need redis-server (with TLS) and openssl on PATH")
    root = tmp_path_factory.mktemp("entra-redis")
    cert, key = root / "cert.pem", root / "key.pem"
    subprocess.run(
        [
            openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    port = free_port()
    conf = root / "redis.conf"
    conf.write_text(
        "\n".join(
            [
                "bind 127.0.0.1",
                "port 0",
                f"tls-port {port}",
                f"tls-cert-file {cert}",
                f"tls-key-file {key}",
                "tls-auth-clients no",
                f"dir {root}",
                'save ""',
                "appendonly no",
                "user default off",
                f"user admin on >{ADMIN_PASSWORD} ~* &* +@all",
                "",
            ]
        )
    )
    proc = subprocess.Popen(
        [binary, str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    server = TlsRedis(port=port, ca=cert)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                if server.admin().ping():
                    break
            except redis.exceptions.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield server
    finally:
        proc.kill()
        proc.wait(timeout=10)


def entra_store(
    server: TlsRedis, credential: FakeCredential, clock: list[float] | None = None, **extra: Any
) -> tuple[entra_redis.EntraRedisOnlineStore, entra_redis.EntraRedisOnlineStoreConfig]:
    """The online store and its config as Feast builds them from feature_store.yaml."""
    from feast.repo_config import get_online_config_from_type

    config_class = get_online_config_from_type(store_config.ENTRA_REDIS_STORE_TYPE)
    config = config_class(
        type=store_config.ENTRA_REDIS_STORE_TYPE,
        connection_string=server.connection_string(),
        **extra,
    )
    store = entra_redis.EntraRedisOnlineStore()
    store.credential = credential
    if clock is not None:
        store.token_provider = entra_redis.EntraTokenProvider(
            credential, username=config.username, clock=lambda: clock[0]
        )
    return store, config


# -- (a) Feast end to end -------------------------------------------------------


def test_feast_materializes_and_serving_reads_through_entra_acl(
    tls_redis: TlsRedis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = access_token(OID, time.time() + 3600, "feast")
    tls_redis.allow(token)
    credential = FakeCredential([token])
    # Every store Feast builds in this process gets the fake identity.
    monkeypatch.setattr(entra_redis, "default_credential", lambda: credential)

    data = generate(n_cards=30, days=DAYS, seed=5, start=START)
    source = write_dataset(data, str(tmp_path / "data"))["card_features"]
    config = store_config.local_config(tmp_path / "feast")
    config["online_store"] = {
        "type": store_config.ENTRA_REDIS_STORE_TYPE,
        "connection_string": tls_redis.connection_string(),
    }
    repo = store_config.write_repo(tmp_path / "repo", config)
    feast_apply(repo, source)
    assert tls_redis.admin().dbsize() == 0
    materialize(repo, START - timedelta(days=1), START + timedelta(days=DAYS + 1))

    assert tls_redis.admin().dbsize() > 0, "materialize wrote nothing through the Entra store"
    assert credential.scopes
    assert set(credential.scopes) == {(entra_redis.REDIS_SCOPE,)}

    cards = sorted({int(c) for c in data.card_features[schema.ENTITY_KEY]})[:10]
    unknown = max(cards) + 10_000
    reader = OnlineFeatureReader(repo)
    assert reader._views is not None, "serving fell back from the direct online_read path"
    rows = reader.fetch([*cards, unknown])
    assert all(row is not None for row in rows[:-1])
    assert rows[-1] is None
    assert rows[:-1] == reader._read_sdk(cards)  # Feast's own get_online_features agrees

    # The data is there only for the Entra identity: an anonymous client is refused.
    anonymous = redis.Redis(
        host="127.0.0.1", port=tls_redis.port, ssl=True, ssl_ca_certs=str(tls_redis.ca)
    )
    with pytest.raises(redis.exceptions.AuthenticationError):
        anonymous.dbsize()


# -- (b) the username is the token's oid -----------------------------------------


def test_username_is_the_oid_claim_of_the_token(tls_redis: TlsRedis) -> None:
    token = access_token(OID, time.time() + 3600, "oid")
    tls_redis.allow(token)
    store, config = entra_store(tls_redis, FakeCredential([token]))
    client = store._get_client(config)
    assert client.acl_whoami() == OID
    assert store.token_provider is not None
    assert store.token_provider.get_credentials() == (OID, token.token)


def test_a_configured_username_overrides_the_oid(tls_redis: TlsRedis) -> None:
    token = access_token("someone-else", time.time() + 3600, "override")
    tls_redis.allow(token)
    store, config = entra_store(tls_redis, FakeCredential([token]), username=OID)
    assert store._get_client(config).acl_whoami() == OID


def test_the_oid_is_read_from_the_jwt_payload() -> None:
    assert entra_redis.token_object_id(fake_jwt(OID, time.time(), "x")) == OID
    with pytest.raises(entra_redis.EntraTokenError, match="no 'oid' claim"):
        entra_redis.token_object_id(fake_jwt(None, time.time(), "x"))
    with pytest.raises(entra_redis.EntraTokenError, match="not a JWT"):
        entra_redis.token_object_id("opaque-token")


# -- (c) refresh before expiry ------------------------------------------------------


def test_a_token_near_expiry_is_refreshed_before_a_new_connection(tls_redis: TlsRedis) -> None:
    now = time.time()
    clock = [now]
    old = access_token(OID, now + 400, "old")  # due for refresh at now + 100
    new = access_token(OID, now + 4000, "new")
    tls_redis.allow(old, new)
    credential = FakeCredential([old, new])
    store, config = entra_store(tls_redis, credential, clock=clock)
    client = store._get_client(config)

    first_id = client.client_id()
    assert len(credential.scopes) == 1
    assert client.client_id() == first_id, "a fresh token must not cost a reconnect"
    assert len(credential.scopes) == 1, "the token must be cached between connections"

    # From now on only the new token is valid: the old connection may not be reused
    # and a reconnect with the cached old token would be refused.
    tls_redis.allow(new)
    assert client.client_id() == first_id, "the server keeps authenticated connections"
    clock[0] = now + 150
    second_id = client.client_id()
    assert second_id != first_id, "the connection outlived its token's refresh time"
    assert len(credential.scopes) == 2
    assert client.acl_whoami() == OID

    # Another pool (a new client) reuses the refreshed token without asking again.
    other = redis.Redis(
        connection_pool=redis.ConnectionPool(
            connection_class=entra_redis.EntraSSLConnection,
            **store._connection_kwargs(config),
        )
    )
    assert other.ping()
    assert len(credential.scopes) == 2


def test_async_connections_authenticate_and_refresh(tls_redis: TlsRedis) -> None:
    now = time.time()
    clock = [now]
    old = access_token(OID, now + 400, "async-old")
    new = access_token(OID, now + 4000, "async-new")
    tls_redis.allow(old)
    credential = FakeCredential([old, new])
    store, config = entra_store(tls_redis, credential, clock=clock)

    async def scenario() -> tuple[str, str]:
        client = await store._get_client_async(config)
        try:
            before = await client.acl_whoami()
            tls_redis.allow(new)
            clock[0] = now + 150
            after = await client.acl_whoami()
            return before, after
        finally:
            await client.aclose()

    assert asyncio.run(scenario()) == (OID, OID)
    assert len(credential.scopes) == 2


# -- (d) failures are clear ------------------------------------------------------------


def test_a_refused_token_fails_with_a_clear_error(tls_redis: TlsRedis) -> None:
    tls_redis.allow(access_token(OID, time.time() + 3600, "the-valid-one"))
    wrong = access_token(OID, time.time() + 3600, "wrong")
    store, config = entra_store(tls_redis, FakeCredential([wrong]))
    with pytest.raises(entra_redis.EntraAuthenticationError, match=OID) as failure:
        store._get_client(config).ping()
    message = str(failure.value)
    assert "access policy" in message
    assert wrong.token not in message
    assert isinstance(failure.value, redis.exceptions.AuthenticationError)


def test_a_credential_failure_fails_with_a_clear_error(tls_redis: TlsRedis) -> None:
    credential = FakeCredential([], error=ClientAuthenticationError("no federated token"))
    store, config = entra_store(tls_redis, credential)
    with pytest.raises(entra_redis.EntraTokenError, match=r"redis\.azure\.com"):
        store._get_client(config).ping()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (",ssl=false", "ssl=true"),
        (",password=key", "must not set password"),
        (",username=x", "must not set username"),
    ],
)
def test_the_connection_string_cannot_weaken_authentication(
    tls_redis: TlsRedis, extra: str, message: str
) -> None:
    store, config = entra_store(tls_redis, FakeCredential([]))
    config.connection_string += extra
    with pytest.raises(ValueError, match=message):
        store._get_client(config)


def test_the_config_refuses_cluster_and_glide() -> None:
    from pydantic import ValidationError

    for extra in ({"redis_type": "redis_cluster"}, {"client": "glide"}):
        with pytest.raises(ValidationError):
            entra_redis.EntraRedisOnlineStoreConfig(connection_string="h:6380", **extra)


# -- (e) feature_store.yaml per cloud ---------------------------------------------------


def _outputs(cloud: str) -> dict[str, Any]:
    if cloud == "aws":
        return {
            "cloud": "aws",
            "region": "me-central-1",
            "feature_store_uri": "s3://smp-uae-features/feast",
            "redis_host": "master.smp.cache.amazonaws.com",
            "redis_port": 6379,
        }
    return {
        "cloud": "azure",
        "region": "uaenorth",
        "feature_store_uri": "https://smpfeat.blob.core.windows.net/feast",
        "redis_host": "smp.redis.cache.windows.net",
        "redis_port": "6380",
    }


def test_azure_feature_store_yaml_names_the_entra_store_and_no_password(tmp_path: Path) -> None:
    from feast.repo_config import RepoConfig

    assert store_config.ENTRA_REDIS_STORE_TYPE == entra_redis.STORE_TYPE
    text = store_config.render(store_config.cloud_config(_outputs("azure")))
    assert "password" not in text
    assert store_config.REDIS_PASSWORD_ENV not in text
    parsed = yaml.safe_load(text)
    online = parsed["online_store"]
    assert online["type"] == "workloads.feature_repo.entra_redis.EntraRedisOnlineStore"
    assert online["connection_string"].startswith("smp.redis.cache.windows.net:6380,ssl=true,")
    config = RepoConfig(repo_path=tmp_path, **parsed).online_store
    assert isinstance(config, entra_redis.EntraRedisOnlineStoreConfig)
    kwargs = entra_redis.EntraRedisOnlineStore()._connection_kwargs(config)
    assert (kwargs["host"], kwargs["port"]) == ("smp.redis.cache.windows.net", 6380)


def test_aws_feature_store_yaml_keeps_the_password_reference() -> None:
    online = store_config.cloud_config(_outputs("aws"))["online_store"]
    assert online["type"] == "redis"
    assert "ssl=true" in online["connection_string"]
    assert online["connection_string"].endswith(",password=${SMP_REDIS_PASSWORD}")
