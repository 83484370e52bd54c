"""The cloud ``feature_store.yaml`` of a stack, and the Feast project: part of the contract.

The cloud variant is built from a stack's outputs as a plain mapping (the JSON
that ``pulumi stack output --json`` prints), never from IaC code:

=======================  ==================================================
key                      meaning
=======================  ==================================================
``cloud``                ``aws`` or ``azure``
``region``               the stack's region, e.g. ``me-central-1``
``feature_store_uri``    ``s3://bucket/prefix`` or
                         ``https://<account>.blob.core.windows.net/<container>/<prefix>``
``redis_host``           online store host (TLS only)
``redis_port``           online store port
``kms_key_arn``          optional, AWS: SSE-KMS key for the registry object
=======================  ==================================================

The online store is Redis over TLS on both clouds; how a client authenticates differs:

=========  ================================================================
cloud      online store
=========  ================================================================
``aws``    ``type: redis``; the password is never written: the file
           references ``${SMP_REDIS_PASSWORD}``, which Feast expands from the
           environment at load time (the pod gets it from a secret)
``azure``  ``type: workloads.feature_repo.entra_redis.EntraRedisOnlineStore``;
           no password at all: access keys are disabled and the store
           authenticates with the pod's Entra ID workload identity (object id
           and access token, see :mod:`workloads.feature_repo.entra_redis`)
=========  ================================================================
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlparse

# The reference feature repo's project (`platform.featureStore.project` defaults to it).
FEAST_PROJECT = "sovereign_fraud"
REDIS_PASSWORD_ENV = "SMP_REDIS_PASSWORD"  # noqa: S105 - a variable name, not a secret
# Named here rather than imported: rendering a config must not import Feast and redis-py.
ENTRA_REDIS_STORE_TYPE = "workloads.feature_repo.entra_redis.EntraRedisOnlineStore"
# Fail fast rather than hang a request when the online store is unreachable.
REDIS_TIMEOUT_SECONDS = 0.5


class StackOutputsError(ValueError):
    """The stack outputs lack a value the cloud feature store needs, or hold a bad one."""


def redis_connection_string(host: str, port: int, ssl: bool, password_env: str | None) -> str:
    parts = [
        f"{host}:{port}",
        f"ssl={'true' if ssl else 'false'}",
        f"socket_timeout={REDIS_TIMEOUT_SECONDS}",
        f"socket_connect_timeout={REDIS_TIMEOUT_SECONDS}",
        # redis-py retries with exponential backoff (~10 s) by default; a scoring
        # request would rather fail fast with a 503 and let the caller retry.
        "retry=null",
    ]
    if password_env:
        parts.append(f"password=${{{password_env}}}")
    return ",".join(parts)


def _require(outputs: Mapping[str, Any], key: str) -> Any:
    value = outputs.get(key)
    if value in (None, ""):
        raise StackOutputsError(f"stack outputs are missing {key!r}")
    return value


def cloud_config(outputs: Mapping[str, Any], project: str = FEAST_PROJECT) -> dict[str, Any]:
    """The cloud store from a stack's outputs: Redis over TLS online, object store offline.

    AWS authenticates to Redis with ``${SMP_REDIS_PASSWORD}``, Azure with Entra ID.
    """
    cloud = str(_require(outputs, "cloud")).lower()
    region = str(_require(outputs, "region"))
    uri = str(_require(outputs, "feature_store_uri")).rstrip("/")
    host = str(_require(outputs, "redis_host"))
    try:
        port = int(_require(outputs, "redis_port"))
    except (TypeError, ValueError) as exc:
        raise StackOutputsError(
            f"redis_port is not a port number: {outputs.get('redis_port')!r}"
        ) from exc
    if not 0 < port < 65536:
        raise StackOutputsError(f"redis_port out of range: {port}")

    parsed = urlparse(uri)
    registry: dict[str, Any]
    online_store: dict[str, Any]
    if cloud == "aws":
        if parsed.scheme != "s3" or not parsed.netloc:
            raise StackOutputsError(
                f"feature_store_uri must be s3://bucket/prefix on aws, got {uri!r}"
            )
        registry = {"registry_type": "file", "path": f"{uri}/registry.pb", "cache_ttl_seconds": 60}
        kms_key = outputs.get("kms_key_arn")
        if kms_key:
            registry["s3_additional_kwargs"] = {
                "ServerSideEncryption": "aws:kms",
                "SSEKMSKeyId": str(kms_key),
            }
        online_store = {
            "type": "redis",
            "connection_string": redis_connection_string(host, port, True, REDIS_PASSWORD_ENV),
        }
    elif cloud == "azure":
        if parsed.scheme != "https" or not parsed.netloc.endswith(".blob.core.windows.net"):
            raise StackOutputsError(
                "feature_store_uri must be https://<account>.blob.core.windows.net/<container>/..."
                f" on azure, got {uri!r}"
            )
        registry = {
            "registry_type": "file",
            "registry_store_type": "AzBlobRegistryStore",
            "path": f"{uri}/registry.pb",
            "cache_ttl_seconds": 60,
        }
        online_store = {
            "type": ENTRA_REDIS_STORE_TYPE,
            "connection_string": redis_connection_string(host, port, True, None),
        }
    else:
        raise StackOutputsError(f"cloud must be 'aws' or 'azure', got {cloud!r}")

    return {
        "project": project,
        "provider": "local",
        "registry": registry,
        "online_store": online_store,
        "offline_store": {"type": "file"},
        "entity_key_serialization_version": 3,
        # Not read by Feast; recorded so an operator can see where this store lives.
        "_region": region,
    }


def render(config: Mapping[str, Any], dump: Callable[[dict[str, Any]], str]) -> str:
    """``config`` as feature_store.yaml text (region kept as a comment).

    ``dump`` turns a mapping into YAML (``lambda d: yaml.safe_dump(d, sort_keys=False)``):
    the contract needs only the standard library, so the caller brings the dumper.
    """
    body = {k: v for k, v in config.items() if not k.startswith("_")}
    header = "# Generated by workloads.feature_repo.store_config; do not edit.\n"
    if "_region" in config:
        header += f"# region: {config['_region']}\n"
    return header + dump(body)
