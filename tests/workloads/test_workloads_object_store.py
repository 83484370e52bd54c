"""An in-country S3 (moto's server, me-central-1, SSE-KMS) holding MLflow artifacts and the log."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import MOTO_REGION, Lifecycle, MotoServer

from workloads.feature_encoding import encode_frame
from workloads.safe_model_io import TRUSTED_TYPES, load_mlflow_model_dir
from workloads.serving.prediction_log import PredictionLog, read_log

REGION = MOTO_REGION
BUCKET = "smp-uae-ml-artifacts"

pytestmark = pytest.mark.timeout(180)


@pytest.fixture(scope="module")
def s3(moto_server: MotoServer) -> Iterator[dict[str, Any]]:
    """The artifacts bucket, KMS-encrypted by default; MLflow uploads with that key too."""
    key_id = moto_server.client("kms").create_key(Description="smp artifacts")["KeyMetadata"]["Arn"]
    client = moto_server.bucket(BUCKET)
    client.put_bucket_encryption(
        Bucket=BUCKET,
        ServerSideEncryptionConfiguration={
            "Rules": [
                {
                    "ApplyServerSideEncryptionByDefault": {
                        "SSEAlgorithm": "aws:kms",
                        "KMSMasterKeyID": key_id,
                    }
                }
            ]
        },
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(
            "MLFLOW_S3_UPLOAD_EXTRA_ARGS",
            f'{{"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": "{key_id}"}}',
        )
        yield {"client": client, "key_id": key_id, "endpoint": moto_server.endpoint}


def _assert_in_country_and_kms(s3: dict[str, Any], prefix: str) -> list[str]:
    client = s3["client"]
    assert client.get_bucket_location(Bucket=BUCKET)["LocationConstraint"] == REGION
    keys = [
        o["Key"] for o in client.list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", [])
    ]
    assert keys, f"nothing under s3://{BUCKET}/{prefix}"
    for key in keys:
        head = client.head_object(Bucket=BUCKET, Key=key)
        assert head["ServerSideEncryption"] == "aws:kms", key
        assert head["SSEKMSKeyId"] == s3["key_id"], key
    return keys


def test_mlflow_model_artifacts_in_s3_with_sse_kms(
    s3: dict[str, Any], lifecycle: Lifecycle, tmp_path: Path
) -> None:
    import mlflow
    import mlflow.artifacts
    from mlflow import MlflowClient

    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    client = MlflowClient(tracking_uri=uri)
    experiment = client.create_experiment("s3-artifacts", artifact_location=f"s3://{BUCKET}/mlflow")
    mlflow.set_tracking_uri(uri)
    with mlflow.start_run(experiment_id=experiment) as run:
        mlflow.sklearn.log_model(
            lifecycle.champion.model,
            name="model",
            serialization_format="skops",
            skops_trusted_types=TRUSTED_TYPES,
            pip_requirements=["scikit-learn", "skops"],
        )
        mlflow.log_dict({"hello": "residency"}, "baseline/baseline.json")
    keys = _assert_in_country_and_kms(s3, "mlflow/")
    assert any(k.endswith("model.skops") for k in keys)
    local = mlflow.artifacts.download_artifacts(
        artifact_uri=f"runs:/{run.info.run_id}/model",
        dst_path=str(tmp_path / "dl"),
        tracking_uri=uri,
    )
    x = encode_frame(lifecycle.data.transactions_with_features.head(20))
    np.testing.assert_allclose(
        load_mlflow_model_dir(Path(local)).predict_proba(x),
        lifecycle.champion.model.predict_proba(x),
    )


def test_prediction_log_ships_partitioned_kms_encrypted_segments(
    s3: dict[str, Any], tmp_path: Path
) -> None:
    log = PredictionLog(
        f"s3://{BUCKET}/prediction-log",
        spool_dir=tmp_path / "spool",
        rotate_records=50,
        kms_key_id=s3["key_id"],
    )
    for i in range(120):
        log.append("predictions", {"prediction_id": f"p{i}", "score": 0.1})
    log.close()
    keys = _assert_in_country_and_kms(s3, "prediction-log/predictions/")
    assert len(keys) == 3
    assert all("/date=" in k and "/hour=" in k for k in keys)
    assert not list((tmp_path / "spool").rglob("*.jsonl*")), "spooled segments were not removed"
    assert sorted(read_log(f"s3://{BUCKET}/prediction-log")["prediction_id"]) == sorted(
        f"p{i}" for i in range(120)
    )


def test_segments_left_by_a_crash_are_shipped_at_next_start(
    s3: dict[str, Any], tmp_path: Path
) -> None:
    spool = tmp_path / "spool"
    crashed = PredictionLog(f"s3://{BUCKET}/crash-log", spool_dir=spool, kms_key_id=s3["key_id"])
    crashed.append("predictions", {"prediction_id": "before-crash"})
    # No close(): the process "died" with an open segment in the spool.
    restarted = PredictionLog(f"s3://{BUCKET}/crash-log", spool_dir=spool, kms_key_id=s3["key_id"])
    restarted.close()
    assert list(read_log(f"s3://{BUCKET}/crash-log")["prediction_id"]) == ["before-crash"]


# --- ingestion's zones on S3 (the deployed workload's raw and curated stores) ----------


def _ingestion_rows(first: int, count: int) -> list[dict[str, Any]]:
    import datetime as dt

    rows = []
    for i in range(first, first + count):
        at = dt.datetime(2025, 1, 1, 0, i % 60, tzinfo=dt.UTC)
        rows.append(
            {
                "transaction_id": f"t-{i:05d}",
                "card_id": 1000 + i % 7,
                "event_timestamp": at,
                "amount": 10.0 + i,
                "merchant_category": "grocery",
                "channel": "pos",
                "hour_of_day": 0,
                "distance_from_home_km": 1.5,
                "_wm": at.isoformat(),
                "_key": f"t-{i:05d}",
            }
        )
    return rows


def test_ingestion_zones_on_s3_land_raw_once_quarantine_and_curate_like_a_local_root(
    moto_server: MotoServer, tmp_path: Path
) -> None:
    """The loader's page landing (workloads/ingestion/batch.py) into two S3 buckets, as the
    cluster runs it, against the same pages into a local root: curated is the same bytes,
    a re-read page neither duplicates raw nor curated, the position lives in curated."""
    from workloads import object_store
    from workloads.ingestion.batch import LoadCounts, _land_page, read_position
    from workloads.ingestion.zones import Zones

    raw_bucket, curated_bucket = "smp-uae-ingestion-raw", "smp-uae-ingestion-curated"
    client = moto_server.bucket(raw_bucket)
    moto_server.bucket(curated_bucket)
    first = _ingestion_rows(0, 30)
    first[5]["amount"] = -1.0  # fails the contract: quarantined with the reason
    pages = [first, _ingestion_rows(20, 30), first]  # an overlap, then a re-read page
    s3 = Zones(None, "pg.t", raw=f"s3://{raw_bucket}/lake", curated=f"s3://{curated_bucket}/")
    local = Zones(tmp_path, "pg.t")
    for zones in (s3, local):
        for page in pages:
            _land_page(zones, page, LoadCounts())
    raw_keys = [o["Key"] for o in client.list_objects_v2(Bucket=raw_bucket)["Contents"]]
    assert len([k for k in raw_keys if k.startswith("lake/raw/source=pg.t/")]) == 2
    (quarantine,) = [k for k in raw_keys if k.startswith("lake/quarantine/source=pg.t/")]
    body = client.get_object(Bucket=raw_bucket, Key=quarantine)["Body"].read().decode()
    assert "t-00005" in body
    assert "amount: in_range" in body
    curated = s3.curated()
    assert sorted(curated["transaction_id"]) == [f"t-{i:05d}" for i in range(50) if i != 5]
    day = "2025-01-01"
    assert object_store.read_bytes(s3.curated_path(day)) == (
        Path(local.curated_path(day)).read_bytes()
    )
    # The saved position is written to (and read back from) the curated zone.
    object_store.write_bytes(s3.state_uri(), b'{"watermark": "w", "key": "k"}')
    assert read_position(s3) == ("w", "k")
    assert s3.state_uri().startswith(f"s3://{curated_bucket}/state/")


def test_ingestion_cli_refuses_mixed_or_bad_zones_with_exit_2() -> None:
    import subprocess
    import sys

    from tests.support.paths import REPO

    for zones in (
        ["--raw-zone", "s3://raw/x"],
        ["--zones", "/tmp/z", "--raw-zone", "s3://a", "--curated-zone", "s3://b"],
        ["--raw-zone", "gs://raw", "--curated-zone", "s3://b"],
    ):
        argv = [sys.executable, "-m", "workloads.ingestion", "batch", "--dsn", "x", "--table", "t"]
        done = subprocess.run([*argv, *zones], cwd=REPO, capture_output=True, text=True, timeout=60)
        assert done.returncode == 2, zones
        assert "Traceback" not in done.stderr
