"""Training checkpoints survive a writer killed mid-save, on a local path, S3 and ADLS."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import AzuriteBlob, MotoServer

from workloads import object_store
from workloads.training.checkpoint import CheckpointStore


def _local(tmp_path: Path) -> str:
    return str(tmp_path / "checkpoints" / "job-1")


def _s3(moto: MotoServer) -> str:
    moto.bucket("smp-training")
    return f"s3://smp-training/checkpoints/{uuid.uuid4().hex[:12]}"


@pytest.fixture(params=["local", "s3", "abfss"])
def uri(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "local":
        return _local(tmp_path)
    if request.param == "s3":
        return _s3(request.getfixturevalue("moto_server"))
    azurite: AzuriteBlob = request.getfixturevalue("azurite_blob")
    from azure.storage.blob import BlobServiceClient

    patch = request.getfixturevalue("monkeypatch")
    patch.setenv(object_store.AZURE_CONNECTION_STRING_ENV, azurite.connection_string)
    service = BlobServiceClient.from_connection_string(azurite.connection_string)
    container = f"training-{uuid.uuid4().hex[:12]}"
    service.create_container(container)
    return f"abfss://{container}@devstoreaccount1.dfs.core.windows.net/checkpoints/job-1"


def _overwrite(uri: str, name: str, content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "raw"
    path.write_bytes(content)
    object_store.upload_file(path, f"{uri}/{name}")


def test_an_empty_folder_has_no_checkpoint(uri: str) -> None:
    assert CheckpointStore(uri).latest() is None


def test_the_newest_checkpoint_is_found_by_a_new_process(uri: str) -> None:
    writer = CheckpointStore(uri)
    for step in (4, 8, 12):
        writer.save(step, f"weights at {step}".encode())
    latest = CheckpointStore(uri).latest()
    assert latest is not None
    assert (latest.step, latest.payload) == (12, b"weights at 12")
    # Two slots only: the oldest was overwritten, never more than two kept.
    assert len(object_store.list_keys(uri)) == 4


@pytest.mark.parametrize(
    "tear",
    [
        # Killed while writing the payload: its manifest still names the old payload.
        lambda uri, tmp: _overwrite(uri, "slot-0.ckpt", b"weights at 1", tmp),
        # Killed while writing the manifest: half a JSON document.
        lambda uri, tmp: _overwrite(uri, "slot-0.json", b'{"format": 1, "st', tmp),
    ],
    ids=["torn-payload", "torn-manifest"],
)
def test_a_save_killed_midway_falls_back_to_the_previous_checkpoint(
    uri: str, tmp_path: Path, tear: Callable[[str, Path], None]
) -> None:
    writer = CheckpointStore(uri)
    writer.save(4, b"weights at 4")  # slot 0
    writer.save(8, b"weights at 8")  # slot 1
    writer.save(12, b"weights at 12")  # slot 0 again: the save we tear
    tear(uri, tmp_path)
    reader = CheckpointStore(uri)
    latest = reader.latest()
    assert latest is not None
    assert (latest.step, latest.payload) == (8, b"weights at 8")
    # The next save replaces the broken slot, not the intact one.
    reader.save(16, b"weights at 16")
    assert {
        json.loads(object_store.read_bytes(f"{uri}/slot-{s}.json"))["step"] for s in (0, 1)
    } == {8, 16}
    latest = CheckpointStore(uri).latest()
    assert latest is not None
    assert latest.step == 16


def test_a_bad_uri_is_refused_before_training() -> None:
    with pytest.raises(ValueError, match="unsupported object-store URI scheme 'gs'"):
        CheckpointStore("gs://bucket/checkpoints")
