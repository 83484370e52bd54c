"""Object-store I/O for the workloads, addressed by URI.

The cluster hands the workloads the cloud layer's storage URIs:

* a local path or ``file://`` URI (local runs, tests);
* ``s3://bucket/key`` on AWS (boto3; SSE-KMS when a key id is given;
  ``SMP_S3_ENDPOINT_URL`` points at an in-country S3-compatible endpoint);
* ``abfss://container@account.dfs.core.windows.net/path`` on Azure: ADLS Gen2
  accounts with Entra auth only.  The Blob API works on hierarchical-namespace
  accounts, so objects go through azure-storage-blob on
  ``https://account.blob.<suffix>`` with ``DefaultAzureCredential`` (AKS
  workload identity in the pods).  ``SMP_AZURE_STORAGE_CONNECTION_STRING``
  replaces endpoint and credential; it exists for the Azurite emulator in tests.

The cloud SDKs are imported lazily, so a local run needs neither.
"""

from __future__ import annotations

import functools
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

SUPPORTED = (
    "a local path, file:///path, s3://bucket/key or "
    "abfss://container@account.dfs.core.windows.net/path"
)
S3_ENDPOINT_ENV = "SMP_S3_ENDPOINT_URL"
AZURE_CONNECTION_STRING_ENV = "SMP_AZURE_STORAGE_CONNECTION_STRING"
# Placeholder blobs for directories on hierarchical-namespace accounts carry this metadata.
_ADLS_FOLDER_METADATA = "hdi_isfolder"


@dataclass(frozen=True)
class LocalPath:
    """A file or folder on the local file system."""

    path: Path

    @property
    def uri(self) -> str:
        """The location as a URI-ish string (the plain path)."""
        return str(self.path)

    def child(self, relative: str) -> LocalPath:
        """The location ``relative`` below this one."""
        return LocalPath(self.path / relative)


@dataclass(frozen=True)
class S3Location:
    """An object (or key prefix) in an S3 bucket."""

    bucket: str
    key: str

    @property
    def uri(self) -> str:
        """``s3://bucket/key``."""
        return f"s3://{self.bucket}/{self.key}"

    def child(self, relative: str) -> S3Location:
        """The key ``relative`` below this one."""
        return S3Location(self.bucket, _join(self.key, relative))


@dataclass(frozen=True)
class AzureBlobLocation:
    """A blob (or name prefix) in an ADLS Gen2 container, reached through the Blob API."""

    container: str
    host: str  # the dfs host of the URI, e.g. ``acct.dfs.core.windows.net``
    path: str

    @property
    def account(self) -> str:
        """The storage account name."""
        return self.host.split(".", 1)[0]

    @property
    def blob_endpoint(self) -> str:
        """``https://<account>.blob.<suffix>``: the Blob API endpoint of the same account."""
        account, _, suffix = self.host.partition(".dfs.")
        return f"https://{account}.blob.{suffix}"

    @property
    def uri(self) -> str:
        """``abfss://container@host/path``."""
        return f"abfss://{self.container}@{self.host}/{self.path}"

    def child(self, relative: str) -> AzureBlobLocation:
        """The blob name ``relative`` below this one."""
        return AzureBlobLocation(self.container, self.host, _join(self.path, relative))


Location = LocalPath | S3Location | AzureBlobLocation


def _join(prefix: str, relative: str) -> str:
    relative = relative.lstrip("/")
    return f"{prefix.rstrip('/')}/{relative}" if prefix.strip("/") else relative


def _folder(prefix: str) -> str:
    """``prefix`` as a folder name prefix: ``""`` for the root, else ending in one ``/``."""
    return f"{prefix.rstrip('/')}/" if prefix.strip("/") else ""


def parse_uri(uri: str) -> Location:
    """The typed location of ``uri``; ``ValueError`` naming the URI for anything else."""
    parsed = urlparse(uri)
    scheme = parsed.scheme.lower()
    if scheme == "":
        return LocalPath(Path(uri))
    if scheme == "file":
        if parsed.netloc not in ("", "localhost"):
            raise ValueError(f"file URI with a remote host is not supported: {uri!r}")
        return LocalPath(Path(parsed.path))
    if scheme == "s3":
        if not parsed.netloc:
            raise ValueError(f"S3 URI needs a bucket: {uri!r} (expected s3://bucket/key)")
        return S3Location(parsed.netloc, parsed.path.lstrip("/"))
    if scheme == "abfss":
        container, at, host = parsed.netloc.partition("@")
        if not at or not container or ".dfs." not in host or host.startswith("."):
            raise ValueError(
                f"ADLS Gen2 URI must look like "
                f"abfss://container@account.dfs.core.windows.net/path: {uri!r}"
            )
        return AzureBlobLocation(container, host.lower(), parsed.path.lstrip("/"))
    raise ValueError(
        f"unsupported object-store URI scheme {parsed.scheme!r} in {uri!r}; supported: {SUPPORTED}"
    )


# -- clients ---------------------------------------------------------------


@functools.cache
def _s3_client(endpoint_url: str | None) -> Any:
    import boto3

    return boto3.client("s3", endpoint_url=endpoint_url)


def _s3() -> Any:
    return _s3_client(os.environ.get(S3_ENDPOINT_ENV) or None)


@functools.cache
def _blob_service(account_url: str, connection_string: str | None) -> Any:
    from azure.storage.blob import BlobServiceClient

    if connection_string:
        return BlobServiceClient.from_connection_string(connection_string)
    from azure.identity import DefaultAzureCredential

    # Workload identity in the pods; no account keys exist on these accounts.
    return BlobServiceClient(account_url=account_url, credential=DefaultAzureCredential())


def _container(location: AzureBlobLocation) -> Any:
    service = _blob_service(
        location.blob_endpoint, os.environ.get(AZURE_CONNECTION_STRING_ENV) or None
    )
    return service.get_container_client(location.container)


# -- operations ------------------------------------------------------------


def upload_file(path: Path, uri: str, kms_key_id: str | None = None) -> None:
    """Copy the local file ``path`` to ``uri``, replacing what is there.

    ``kms_key_id`` asks S3 for SSE-KMS with that key; Azure encrypts at the
    account level (customer-managed key on the account), so it is not used there.
    """
    location = parse_uri(uri)
    if isinstance(location, LocalPath):
        location.path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, location.path)
    elif isinstance(location, S3Location):
        extra = None
        if kms_key_id:
            extra = {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": kms_key_id}
        _s3().upload_file(str(path), location.bucket, location.key, ExtraArgs=extra)
    else:
        with open(path, "rb") as data:
            _container(location).upload_blob(location.path, data, overwrite=True)


def list_keys(uri_prefix: str) -> list[str]:
    """URIs of every object below the folder ``uri_prefix``, sorted.

    The prefix is a folder: ``s3://b/logs`` lists ``s3://b/logs/...``, not
    ``s3://b/logs-old/...``.  Directory placeholders of ADLS Gen2 accounts are
    not objects and are left out.  A missing folder lists as empty.
    """
    location = parse_uri(uri_prefix)
    if isinstance(location, LocalPath):
        if not location.path.is_dir():
            return []
        return sorted(str(p) for p in location.path.rglob("*") if p.is_file())
    if isinstance(location, S3Location):
        prefix = _folder(location.key)
        uris = []
        for page in (
            _s3().get_paginator("list_objects_v2").paginate(Bucket=location.bucket, Prefix=prefix)
        ):
            uris += [S3Location(location.bucket, o["Key"]).uri for o in page.get("Contents", [])]
        return sorted(uris)
    prefix = _folder(location.path)
    blobs = _container(location).list_blobs(name_starts_with=prefix or None, include=["metadata"])
    return sorted(
        AzureBlobLocation(location.container, location.host, blob.name).uri
        for blob in blobs
        if (blob.metadata or {}).get(_ADLS_FOLDER_METADATA, "").lower() != "true"
    )


def read_bytes(uri: str) -> bytes:
    """The content of the object at ``uri``; ``FileNotFoundError`` when there is none."""
    location = parse_uri(uri)
    if isinstance(location, LocalPath):
        return location.path.read_bytes()
    if isinstance(location, S3Location):
        client = _s3()
        try:
            return bytes(client.get_object(Bucket=location.bucket, Key=location.key)["Body"].read())
        except client.exceptions.NoSuchKey as exc:
            raise FileNotFoundError(f"no object at {uri}") from exc
    from azure.core.exceptions import ResourceNotFoundError

    try:
        return bytes(_container(location).download_blob(location.path).readall())
    except ResourceNotFoundError as exc:
        raise FileNotFoundError(f"no object at {uri}") from exc


def write_bytes(uri: str, data: bytes, kms_key_id: str | None = None) -> None:
    """``data`` at ``uri``, replacing what is there; durable once this returns (an S3
    PUT or a committed blob is; a local file is fsynced and renamed into place).

    ``kms_key_id`` asks S3 for SSE-KMS with that key (as ``upload_file``).
    """
    location = parse_uri(uri)
    if isinstance(location, LocalPath):
        _write_local_durably(location.path, data)
    elif isinstance(location, S3Location):
        extra: dict[str, str] = {}
        if kms_key_id:
            extra = {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": kms_key_id}
        _s3().put_object(Bucket=location.bucket, Key=location.key, Body=data, **extra)
    else:
        _container(location).upload_blob(location.path, data, overwrite=True)


def exists(uri: str) -> bool:
    """Whether an object (or local file) is at ``uri``."""
    location = parse_uri(uri)
    if isinstance(location, LocalPath):
        return location.path.is_file()
    if isinstance(location, S3Location):
        client = _s3()
        try:
            client.head_object(Bucket=location.bucket, Key=location.key)
        except client.exceptions.ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return False
            raise
        return True
    return bool(_container(location).get_blob_client(location.path).exists())


def _write_local_durably(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
