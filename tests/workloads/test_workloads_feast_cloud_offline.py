"""Feast's file offline store on the clouds' object stores: s3:// (moto) and abfss:// (Azurite).

The materialization CronJob's exact argv (``commands.materialize``) runs against a
``feature_store.yaml`` whose offline source is the emulator URI; the registry is a
local file and the online store SQLite here (Redis is covered elsewhere), so what is
under test is the read of the source through dask/fsspec (s3fs, adlfs).  Then the
online values and ``get_historical_features`` are checked against the source.

On Azure the job reaches Azurite through adlfs's ``AZURE_STORAGE_CONNECTION_STRING``
(Azurite's published development key): adlfs only connects over HTTPS to
``<account>.blob.core.windows.net`` when it uses a token credential, and Azurite
accepts tokens only over HTTPS with its own certificate, so the cluster's path, the
account from the URI with ``DefaultAzureCredential`` (workload identity), is checked
up to the client it builds, without a token exchange.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from conftest import MotoServer

from tests.support.paths import REPO
from workloads import schema
from workloads.contract import commands
from workloads.data import generate
from workloads.feature_repo import store_config
from workloads.feature_repo.materialization import open_store

pytestmark = pytest.mark.timeout(300)

REPO_ROOT = REPO
BUCKET = "smp-uae-ml-feast-offline"  # unique: moto keeps one in-process backend per run
ACCOUNT = "smpuaeml"
CONTAINER = "offline-store"
FEATURES = ("txn_count_7d", "avg_amount_30d", "chargeback_count_90d", "credit_limit", "card_tier")
# Daily snapshots ending today: materialize_incremental's first run loads the last ttl (2 days).
START = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=5)
FIRST_CARD = 100_000  # workloads.data numbers cards from here
CARDS = [FIRST_CARD + i for i in (3, 7, 11, 19, 23)]


@dataclass(frozen=True)
class MaterializedRepo:
    """A repo the materialization job ran on, and the environment its pod had."""

    repo: Path
    env: dict[str, str]
    source: pd.DataFrame
    materialized_at: datetime


@pytest.fixture(scope="module")
def card_features() -> pd.DataFrame:
    """The synthetic offline source: one snapshot per card per day up to today."""
    return generate(n_cards=30, days=6, seed=5, start=START, burn_in_days=10).card_features


def _parquet(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()


def _run_job(root: Path, source_uri: str, env: dict[str, str]) -> Path:
    """The CronJob's argv (our interpreter for ``python``) on a SQLite/local-registry store."""
    store_yaml = root / "feature_store.yaml"
    store_yaml.write_text(store_config.render(store_config.local_config(root / "feast")))
    repo = root / "feature-repo"
    argv = commands.materialize(
        store_yaml=str(store_yaml), repo_dir=str(repo), source_uri=source_uri
    )
    assert argv[0] == commands.PYTHON
    proc = subprocess.run(
        [sys.executable, *argv[1:]],
        cwd=REPO_ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=240,
    )
    assert proc.returncode == 0, (
        f"materialize failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}"
    )
    return repo


@pytest.fixture(scope="module")
def s3_repo(
    card_features: pd.DataFrame, moto_server: MotoServer, tmp_path_factory: pytest.TempPathFactory
) -> MaterializedRepo:
    """moto's S3 server holding the source at s3://<bucket>/card_features.parquet, materialized."""
    moto_server.bucket(BUCKET).put_object(
        Bucket=BUCKET, Key="card_features.parquet", Body=_parquet(card_features)
    )
    at = datetime.now(UTC)
    repo = _run_job(
        tmp_path_factory.mktemp("feast-s3"), f"s3://{BUCKET}/card_features.parquet", moto_server.env
    )
    return MaterializedRepo(repo, moto_server.env, card_features, at)


@pytest.fixture(scope="module")
def azure_repo(
    card_features: pd.DataFrame, azurite_blob: Any, tmp_path_factory: pytest.TempPathFactory
) -> MaterializedRepo:
    """Azurite holding the source at the cluster's abfss:// URI, materialized."""
    from azure.storage.blob import BlobServiceClient

    service = BlobServiceClient.from_connection_string(azurite_blob.connection_string)
    container = service.get_container_client(CONTAINER)
    if not container.exists():
        container.create_container()
    container.upload_blob("card_features.parquet", _parquet(card_features), overwrite=True)
    env = {"AZURE_STORAGE_CONNECTION_STRING": azurite_blob.connection_string}
    at = datetime.now(UTC)
    repo = _run_job(
        tmp_path_factory.mktemp("feast-azure"),
        f"abfss://{CONTAINER}@{ACCOUNT}.dfs.core.windows.net/card_features.parquet",
        env,
    )
    return MaterializedRepo(repo, env, card_features, at)


@pytest.fixture(params=["s3_repo", "azure_repo"])
def materialized(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> MaterializedRepo:
    """Each cloud's materialized repo, with its pod's environment in this process too."""
    repo: MaterializedRepo = request.getfixturevalue(request.param)
    for key, value in repo.env.items():
        monkeypatch.setenv(key, value)
    return repo


def _as_of(source: pd.DataFrame, entities: pd.DataFrame, ttl: timedelta) -> pd.DataFrame:
    """Point-in-time join by hand: the latest snapshot at or before each row, within ttl."""
    rows = []
    for card_id, ts in entities[[schema.ENTITY_KEY, schema.EVENT_TIMESTAMP]].itertuples(
        index=False
    ):
        snaps = source[
            (source[schema.ENTITY_KEY] == card_id)
            & (source[schema.EVENT_TIMESTAMP] <= ts)
            & (source[schema.EVENT_TIMESTAMP] >= ts - ttl)
        ]
        latest = snaps.sort_values([schema.EVENT_TIMESTAMP, schema.CREATED_TIMESTAMP]).iloc[-1]
        rows.append(
            {
                schema.ENTITY_KEY: card_id,
                schema.EVENT_TIMESTAMP: ts,
                **{f: latest[f] for f in FEATURES},
            }
        )
    return pd.DataFrame(rows)


def _assert_same(actual: pd.DataFrame, expected: pd.DataFrame) -> None:
    for feature in FEATURES:
        if feature == "card_tier":
            assert list(actual[feature]) == list(expected[feature]), feature
        else:
            assert actual[feature].astype(float).tolist() == pytest.approx(
                expected[feature].astype(float).tolist()
            ), feature


def test_materialized_online_values_equal_the_latest_source_snapshot(
    materialized: MaterializedRepo,
) -> None:
    store = open_store(materialized.repo)
    online = store.get_online_features(
        features=[f"{schema.FEATURE_VIEW}:{f}" for f in FEATURES],
        entity_rows=[{schema.ENTITY_KEY: c} for c in CARDS],
    ).to_df()
    entities = pd.DataFrame(
        {schema.ENTITY_KEY: CARDS, schema.EVENT_TIMESTAMP: materialized.materialized_at}
    )
    expected = _as_of(materialized.source, entities, timedelta(days=2))
    assert online[schema.ENTITY_KEY].tolist() == CARDS
    assert online[list(FEATURES)].notna().all().all()
    _assert_same(online, expected)


def _changing_card(source: pd.DataFrame, first: datetime, second: datetime) -> int:
    """A card whose snapshots at ``first`` and ``second`` differ, so as-of matters."""
    by_time = source.set_index([schema.ENTITY_KEY, schema.EVENT_TIMESTAMP])[list(FEATURES)]
    for card_id in sorted(source[schema.ENTITY_KEY].unique()):
        if not by_time.loc[(card_id, first)].equals(by_time.loc[(card_id, second)]):
            return int(card_id)
    raise AssertionError("no card changed between the two snapshots")


def test_historical_features_are_point_in_time(materialized: MaterializedRepo) -> None:
    day2, day4 = START + timedelta(days=2), START + timedelta(days=4)
    changing = _changing_card(materialized.source, day2, day4)
    entities = pd.DataFrame(
        {
            schema.ENTITY_KEY: [changing, changing, *CARDS[1:4]],
            schema.EVENT_TIMESTAMP: [
                day2 + timedelta(hours=6),
                day4 + timedelta(hours=1),
                START + timedelta(days=3, hours=23),
                START + timedelta(days=1, hours=12),
                START + timedelta(days=5, minutes=30),
            ],
        }
    )
    store = open_store(materialized.repo)
    got = store.get_historical_features(
        entity_df=entities,
        features=[f"{schema.FEATURE_VIEW}:{f}" for f in FEATURES],
    ).to_df()
    got = got.sort_values([schema.ENTITY_KEY, schema.EVENT_TIMESTAMP]).reset_index(drop=True)
    expected = _as_of(materialized.source, entities, timedelta(days=2))
    expected = expected.sort_values([schema.ENTITY_KEY, schema.EVENT_TIMESTAMP])
    _assert_same(got, expected.reset_index(drop=True))
    # Not simply the latest snapshot: the same card at day 2 and day 4 gets different rows.
    rows = got[got[schema.ENTITY_KEY] == changing][list(FEATURES)]
    assert len(rows.drop_duplicates()) == 2


def test_abfss_in_the_cluster_uses_workload_identity_for_the_account_in_the_uri(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """No key, no connection string: what dask's fsspec lookup builds for Feast's read.

    The environment is what the AKS workload identity webhook injects into a pod labelled
    ``azure.workload.identity/use: "true"``.
    """
    import fsspec
    from azure.identity import DefaultAzureCredential

    for name in (
        "AZURE_STORAGE_CONNECTION_STRING",
        "AZURE_STORAGE_ACCOUNT_KEY",
        "AZURE_STORAGE_SAS_TOKEN",
        "AZURE_STORAGE_CLIENT_ID",
        "AZURE_STORAGE_ACCOUNT_NAME",
        "AZURE_STORAGE_ANON",
        "AZURE_CLIENT_SECRET",
    ):
        monkeypatch.delenv(name, raising=False)
    token_file = tmp_path / "azure-identity-token"
    token_file.write_text("projected-service-account-token")
    monkeypatch.setenv("AZURE_CLIENT_ID", "00000000-0000-0000-0000-000000000001")
    monkeypatch.setenv("AZURE_TENANT_ID", "00000000-0000-0000-0000-000000000002")
    monkeypatch.setenv("AZURE_FEDERATED_TOKEN_FILE", str(token_file))
    monkeypatch.setenv("AZURE_AUTHORITY_HOST", "https://login.microsoftonline.com/")

    uri = f"abfss://{CONTAINER}@{ACCOUNT}.dfs.core.windows.net/card_features.parquet"
    fs, path = fsspec.core.url_to_fs(uri, skip_instance_cache=True)
    assert type(fs).__name__ == "AzureBlobFileSystem"
    assert path == f"{CONTAINER}/card_features.parquet"
    assert fs.account_name == ACCOUNT
    assert fs.account_url == f"https://{ACCOUNT}.blob.core.windows.net"
    assert fs.connection_string is None
    assert fs.account_key is None
    assert isinstance(fs.sync_credential, DefaultAzureCredential)
    chain = [type(c).__name__ for c in fs.sync_credential.credentials]
    assert "WorkloadIdentityCredential" in chain
