"""Object-store I/O by URI against real servers: Azurite (Azure Blob, for abfss://) and moto (S3).

Azurite comes from npm; when ``build/azurite`` lacks it the fixture installs the
pinned version there (``node`` and ``npm`` must be on PATH; Debian:
``apt-get install -y nodejs npm``).  A missing emulator fails the tests.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from conftest import AzuriteBlob, MotoServer

from workloads import object_store
from workloads.serving.prediction_log import PredictionLog, parse_log_uri, read_log
from workloads.training.__main__ import main as training_main
from workloads.training.__main__ import read_transactions

pytestmark = pytest.mark.timeout(300)

ACCOUNT_HOST = "smpuaeml.dfs.core.windows.net"  # what the cluster passes; the emulator stands in
LOG_URI = f"abfss://prediction-logs@{ACCOUNT_HOST}/"
OFFLINE_URI = f"abfss://offline-store@{ACCOUNT_HOST}"
BUCKET = "smp-uae-ml-offline"


@pytest.fixture(scope="module")
def azurite(azurite_blob: AzuriteBlob) -> Iterator[Any]:
    """The shared Azurite (conftest); the workloads reach it through the connection-string
    override. Yields a ``BlobServiceClient`` for looking at what landed there."""
    from azure.storage.blob import BlobServiceClient

    saved = os.environ.get(object_store.AZURE_CONNECTION_STRING_ENV)
    try:
        connection = azurite_blob.connection_string
        os.environ[object_store.AZURE_CONNECTION_STRING_ENV] = connection
        service = BlobServiceClient.from_connection_string(connection)
        for container in ("prediction-logs", "offline-store"):
            if not service.get_container_client(container).exists():
                service.create_container(container)
        yield service
    finally:
        if saved is None:
            os.environ.pop(object_store.AZURE_CONNECTION_STRING_ENV, None)
        else:
            os.environ[object_store.AZURE_CONNECTION_STRING_ENV] = saved


@pytest.fixture(scope="module")
def s3(moto_server: MotoServer) -> dict[str, Any]:
    """moto's S3 server with a KMS key and an in-region bucket."""
    key_id = moto_server.client("kms").create_key(Description="smp offline store")["KeyMetadata"][
        "Arn"
    ]
    return {"client": moto_server.bucket(BUCKET), "key_id": key_id}


def _transactions() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    n = 500
    return pd.DataFrame(
        {
            "transaction_id": [f"t{i:05d}" for i in range(n)],
            "card_id": rng.integers(1, 50, n),
            "amount": rng.gamma(2.0, 40.0, n).round(2),
            "is_fraud": rng.random(n) < 0.05,
            "event_timestamp": pd.date_range("2025-01-01", periods=n, freq="37min", tz="UTC"),
        }
    )


def _parquet(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()


# -- URIs ----------------------------------------------------------------------


def test_uri_parsing_names_the_cloud_locations() -> None:
    azure = object_store.parse_uri("abfss://artifacts@smpuaeml.dfs.core.windows.net/mlflow/x")
    assert azure == object_store.AzureBlobLocation(
        "artifacts", "smpuaeml.dfs.core.windows.net", "mlflow/x"
    )
    assert azure.account == "smpuaeml"
    assert azure.blob_endpoint == "https://smpuaeml.blob.core.windows.net"
    sovereign = object_store.parse_uri("abfss://logs@acct.dfs.core.chinacloudapi.cn/")
    assert isinstance(sovereign, object_store.AzureBlobLocation)
    assert sovereign.blob_endpoint == "https://acct.blob.core.chinacloudapi.cn"
    assert object_store.parse_uri("s3://bucket/a/b.parquet") == object_store.S3Location(
        "bucket", "a/b.parquet"
    )
    assert object_store.parse_uri("file:///srv/data/x") == object_store.LocalPath(
        Path("/srv/data/x")
    )
    assert object_store.parse_uri("relative/x") == object_store.LocalPath(Path("relative/x"))
    local, target = parse_log_uri(LOG_URI)
    assert local is None
    assert target is not None
    assert target.child("predictions").uri == f"abfss://prediction-logs@{ACCOUNT_HOST}/predictions"


@pytest.mark.parametrize(
    "uri",
    [
        "gs://bucket/transactions.parquet",
        "wasbs://c@acct.blob.core.windows.net/x",
        "https://acct.blob.core.windows.net/c/x",
    ],
)
def test_unsupported_scheme_is_a_clear_error(
    uri: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RANK", "0")
    scheme = uri.split(":", 1)[0]
    pattern = rf"unsupported object-store URI scheme '{scheme}' in '{uri}'.*s3://.*abfss://"
    with pytest.raises(ValueError, match=pattern):
        object_store.parse_uri(uri)
    with pytest.raises(ValueError, match=pattern):
        PredictionLog(uri, spool_dir=tmp_path / "spool")
    with pytest.raises(ValueError, match=pattern):
        read_log(uri)
    with pytest.raises(ValueError, match=pattern):
        read_transactions(uri)
    argv = [
        "--feature-repo",
        str(tmp_path),
        "--transactions",
        uri,
        "--tracking-uri",
        f"file://{tmp_path}/mlruns",
    ]
    assert training_main(argv) == 2
    assert uri in capsys.readouterr().err


@pytest.mark.parametrize(
    "uri",
    [
        "abfss://smpuaeml.dfs.core.windows.net/x",
        "abfss://c@smpuaeml.blob.core.windows.net/x",
        "s3:///key",
    ],
)
def test_malformed_cloud_uris_are_rejected(uri: str) -> None:
    with pytest.raises(ValueError, match=uri.replace(".", r"\.")):
        object_store.parse_uri(uri)


# -- the same operations on every backend --------------------------------------


@pytest.fixture(params=["local", "s3", "abfss"])
def base_uri(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "local":
        return str(tmp_path / "store")
    if request.param == "s3":
        request.getfixturevalue("s3")
        return f"s3://{BUCKET}/ops-{tmp_path.name}"
    request.getfixturevalue("azurite")
    return f"abfss://offline-store@{ACCOUNT_HOST}/ops-{tmp_path.name}"


def test_upload_list_and_read_by_uri(base_uri: str, tmp_path: Path) -> None:
    files = {"a/one.jsonl": b"1\n", "a/deep/two.jsonl": b"2\n", "a-old/three.jsonl": b"3\n"}
    for relative, content in files.items():
        local = tmp_path / "src" / relative
        local.parent.mkdir(parents=True, exist_ok=True)
        local.write_bytes(content)
        object_store.upload_file(local, f"{base_uri}/{relative}")
    # A prefix is a folder: `a` does not take in `a-old`.
    assert object_store.list_keys(f"{base_uri}/a") == [
        f"{base_uri}/a/deep/two.jsonl",
        f"{base_uri}/a/one.jsonl",
    ]
    assert object_store.list_keys(f"{base_uri}/a/") == object_store.list_keys(f"{base_uri}/a")
    assert len(object_store.list_keys(base_uri)) == 3
    assert object_store.list_keys(f"{base_uri}/nothing-here") == []
    for relative, content in files.items():
        assert object_store.read_bytes(f"{base_uri}/{relative}") == content
    # Uploading again replaces the object.
    (tmp_path / "src" / "a" / "one.jsonl").write_bytes(b"one\n")
    object_store.upload_file(tmp_path / "src" / "a" / "one.jsonl", f"{base_uri}/a/one.jsonl")
    assert object_store.read_bytes(f"{base_uri}/a/one.jsonl") == b"one\n"
    with pytest.raises(FileNotFoundError, match=r"missing\.parquet"):
        object_store.read_bytes(f"{base_uri}/missing.parquet")


def test_s3_uploads_use_the_kms_key(s3: dict[str, Any], tmp_path: Path) -> None:
    local = tmp_path / "x.jsonl"
    local.write_text("{}\n")
    object_store.upload_file(local, f"s3://{BUCKET}/kms/x.jsonl", kms_key_id=s3["key_id"])
    head = s3["client"].head_object(Bucket=BUCKET, Key="kms/x.jsonl")
    assert head["ServerSideEncryption"] == "aws:kms"
    assert head["SSEKMSKeyId"] == s3["key_id"]


# -- the prediction log on ADLS Gen2 ----------------------------------------------


def _records(n: int) -> list[dict[str, Any]]:
    return [
        {
            "prediction_id": f"p{i:04d}",
            "card_id": i % 17,
            "score": round(i / n, 6),
            "model_version": "3",
            "alias": "champion" if i % 4 else "challenger",
        }
        for i in range(n)
    ]


def test_prediction_log_ships_sealed_segments_to_abfss(azurite: Any, tmp_path: Path) -> None:
    spool = tmp_path / "spool"
    log = PredictionLog(LOG_URI, spool_dir=spool, rotate_records=50)
    predictions = _records(120)
    outcomes = [
        {"prediction_id": r["prediction_id"], "label": i % 9 == 0}
        for i, r in enumerate(predictions[:40])
    ]
    for record in predictions:
        log.append("predictions", record)
    log.append_many("outcomes", outcomes)
    log.close()

    container = azurite.get_container_client("prediction-logs")
    names = sorted(b.name for b in container.list_blobs())
    shipped = [n for n in names if n.startswith("predictions/")]
    assert len(shipped) == 3, names
    assert all(n.endswith(".jsonl") and "/date=" in n and "/hour=" in n for n in shipped)
    assert len([n for n in names if n.startswith("outcomes/")]) == 1
    assert not list(spool.rglob("*.jsonl*")), "spooled segments were not removed"

    read = read_log(LOG_URI, "predictions").sort_values("prediction_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(read, pd.DataFrame.from_records(predictions))
    pd.testing.assert_frame_equal(
        read_log(LOG_URI, "outcomes"), pd.DataFrame.from_records(outcomes)
    )


def test_abfss_segments_left_by_a_crash_are_shipped_at_next_start(
    azurite: Any, tmp_path: Path
) -> None:
    uri = f"abfss://prediction-logs@{ACCOUNT_HOST}/crash"
    spool = tmp_path / "spool"
    crashed = PredictionLog(uri, spool_dir=spool)
    crashed.append("predictions", {"prediction_id": "before-crash"})
    assert read_log(uri).empty  # nothing shipped yet: the segment is still open
    # No close(): the process "died" with an open segment in the spool.
    PredictionLog(uri, spool_dir=spool).close()
    assert list(read_log(uri)["prediction_id"]) == ["before-crash"]


def test_adls_directory_placeholders_are_not_log_segments(azurite: Any, tmp_path: Path) -> None:
    # On hierarchical-namespace accounts the Blob API lists directories as empty blobs
    # marked hdi_isfolder; Azurite has no HNS, so the placeholders are made by hand.
    uri = f"abfss://prediction-logs@{ACCOUNT_HOST}/hns"
    container = azurite.get_container_client("prediction-logs")
    for folder in ("hns/predictions", "hns/predictions/date=2025-01-01"):
        container.upload_blob(folder, b"", metadata={"hdi_isfolder": "true"})
    log = PredictionLog(uri, spool_dir=tmp_path / "spool")
    log.append("predictions", {"prediction_id": "p1"})
    log.close()
    keys = object_store.list_keys(f"{uri}/predictions")
    assert len(keys) == 1, keys
    assert keys[0].endswith(".jsonl"), keys
    assert list(read_log(uri)["prediction_id"]) == ["p1"]


# -- training's transactions -------------------------------------------------------


def test_training_reads_transactions_from_abfss(azurite: Any) -> None:
    frame = _transactions()
    azurite.get_container_client("offline-store").upload_blob(
        "transactions.parquet", _parquet(frame), overwrite=True
    )
    loaded = read_transactions(f"{OFFLINE_URI}/transactions.parquet")
    pd.testing.assert_frame_equal(loaded, frame)


def test_training_reads_transactions_from_s3(s3: dict[str, Any]) -> None:
    frame = _transactions()
    s3["client"].put_object(Bucket=BUCKET, Key="offline/transactions.parquet", Body=_parquet(frame))
    loaded = read_transactions(f"s3://{BUCKET}/offline/transactions.parquet")
    pd.testing.assert_frame_equal(loaded, frame)


def test_training_reads_local_transactions(tmp_path: Path) -> None:
    frame = _transactions()
    (tmp_path / "transactions.parquet").write_bytes(_parquet(frame))
    pd.testing.assert_frame_equal(read_transactions(str(tmp_path / "transactions.parquet")), frame)
    pd.testing.assert_frame_equal(
        read_transactions(f"file://{tmp_path}/transactions.parquet"), frame
    )


def test_training_cli_reports_a_missing_abfss_object(
    azurite: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("RANK", "0")
    uri = f"{OFFLINE_URI}/no-such/transactions.parquet"
    argv = [
        "--feature-repo",
        str(tmp_path),
        "--transactions",
        uri,
        "--tracking-uri",
        f"file://{tmp_path}/mlruns",
    ]
    assert training_main(argv) == 2
    assert f"no object at {uri}" in capsys.readouterr().err
