"""Batch scoring: point-in-time features from the Feast offline store, partitioned parquet
output with a manifest per partition, resumable and idempotent, split across workers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from conftest import AS_OF, Lifecycle, MotoServer

from workloads import schema
from workloads.batch_scoring.job import (
    MANIFESTS,
    BatchModel,
    read_manifests,
    read_predictions,
    run,
    select_rows,
)
from workloads.contract import commands
from workloads.feature_encoding import encode_frame
from workloads.feature_repo.materialization import open_store
from workloads.serving.registry_models import load_model
from workloads.training.dataset import point_in_time_training_set

pytestmark = pytest.mark.timeout(400)
START = AS_OF - timedelta(days=6)
END = AS_OF - timedelta(days=1)


@pytest.fixture(scope="module")
def transactions(lifecycle: Lifecycle, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("batch-input") / "transactions.parquet"
    lifecycle.data.transactions.to_parquet(path)
    return path


@pytest.fixture(scope="module")
def champion(lifecycle: Lifecycle) -> BatchModel:
    served = load_model(lifecycle.tracking_uri, "card-fraud", alias="champion")
    return BatchModel("card-fraud", served.version, served.run_id, served.model)


def _argv(lifecycle: Lifecycle, transactions: Path, out: Path) -> list[str]:
    argv = commands.batch_scoring(
        feature_repo=str(lifecycle.repo),
        tracking_uri=lifecycle.tracking_uri,
        model_name="card-fraud",
        out=str(out),
        transactions=str(transactions),
        start=START.isoformat(),
        end=END.isoformat(),
    )
    return [sys.executable if a == commands.PYTHON else a for a in argv]


def _quiet(_: str) -> None:
    pass


def test_the_output_is_the_models_scores_on_point_in_time_features(
    lifecycle: Lifecycle, transactions: Path, champion: BatchModel, tmp_path: Path
) -> None:
    rows = select_rows(pd.read_parquet(transactions), START, END)
    results = run(
        rows, champion, open_store(lifecycle.repo), str(tmp_path / "out"), progress=_quiet
    )
    assert [r.status for r in results] == ["scored"] * 5
    predictions = read_predictions(str(tmp_path / "out"))
    assert len(predictions) == len(rows)
    assert set(predictions["model_version"]) == {lifecycle.champion.model_version}
    # The same rows through the training set's point-in-time join give the same scores.
    expected = point_in_time_training_set(
        open_store(lifecycle.repo),
        lifecycle.data.transactions,
        AS_OF + timedelta(days=60),
        maturity=timedelta(0),
    )
    expected = expected[
        (expected[schema.EVENT_TIMESTAMP] >= pd.Timestamp(START))
        & (expected[schema.EVENT_TIMESTAMP] < pd.Timestamp(END))
    ]
    expected_scores = pd.Series(
        champion.model.predict_proba(encode_frame(expected))[:, 1],
        index=expected[schema.TRANSACTION_ID].to_numpy(),
    )
    got = predictions.set_index(schema.TRANSACTION_ID)[schema.SCORE]
    common = expected_scores.index.intersection(got.index)
    assert len(common) > 0.9 * len(got)  # labels settle late: the training join drops a few
    np.testing.assert_allclose(got.loc[common].to_numpy(), expected_scores.loc[common].to_numpy())
    manifests = read_manifests(str(tmp_path / "out"))
    assert [m["partition"] for m in manifests] == sorted(m["partition"] for m in manifests)
    for m in manifests:
        assert m["model_version"] == lifecycle.champion.model_version
        assert m["model_run_id"] == lifecycle.champion.run_id
        assert m["input_digest"].startswith("sha256:")
        assert m["source_digest"].startswith("sha256:")
        assert m["rows"] == len(
            predictions[
                predictions[schema.EVENT_TIMESTAMP].dt.strftime("date=%Y-%m-%d") == m["partition"]
            ]
        )
    again = run(rows, champion, open_store(lifecycle.repo), str(tmp_path / "out"), progress=_quiet)
    assert [r.status for r in again] == ["skipped"] * 5


def test_a_killed_run_resumes_to_exactly_the_uninterrupted_output(
    lifecycle: Lifecycle, transactions: Path, champion: BatchModel, tmp_path: Path
) -> None:
    reference = tmp_path / "reference"
    rows = select_rows(pd.read_parquet(transactions), START, END)
    run(rows, champion, open_store(lifecycle.repo), str(reference), progress=_quiet)

    out = tmp_path / "killed"
    argv = _argv(lifecycle, transactions, out)
    log = tmp_path / "killed.log"
    with open(log, "wb") as sink:
        proc = subprocess.Popen(argv, stdout=sink, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 300
            while not list((out / MANIFESTS).glob("*.json")) and time.monotonic() < deadline:
                assert proc.poll() is None, log.read_text()
                time.sleep(0.02)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
    committed = len(list((out / MANIFESTS).glob("*.json")))
    assert 1 <= committed < 5, f"the kill should land mid-run ({committed} partitions done)"
    resumed = subprocess.run(argv, capture_output=True, text=True, timeout=300, check=False)
    assert resumed.returncode == 0, resumed.stderr
    summary = json.loads(resumed.stdout)
    assert summary["skipped"] == committed
    assert summary["scored"] == 5 - committed
    for part in sorted(reference.glob("date=*")):
        assert (out / part.name / "predictions.parquet").read_bytes() == (
            part / "predictions.parquet"
        ).read_bytes(), part.name

    def stable(manifests: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: v for k, v in m.items() if k not in ("scored_at", "output")} for m in manifests]

    assert stable(read_manifests(str(out))) == stable(read_manifests(str(reference)))
    assert not list(out.rglob("*.part"))


def test_workers_split_the_partitions_and_a_named_version_is_used(
    lifecycle: Lifecycle, transactions: Path, tmp_path: Path
) -> None:
    served = load_model(
        lifecycle.tracking_uri, "card-fraud", version=lifecycle.challenger.model_version
    )
    model = BatchModel("card-fraud", served.version, served.run_id, served.model)
    rows = select_rows(pd.read_parquet(transactions), START, END)
    store = open_store(lifecycle.repo)
    shares = [
        run(rows, model, store, str(tmp_path / "out"), workers=2, worker_index=i, progress=_quiet)
        for i in (0, 1)
    ]
    names = [[r.partition for r in share] for share in shares]
    assert not set(names[0]) & set(names[1])
    assert len(names[0]) + len(names[1]) == 5
    predictions = read_predictions(str(tmp_path / "out"))
    assert len(predictions) == len(rows)
    assert set(predictions["model_version"]) == {lifecycle.challenger.model_version}


def test_results_go_to_s3(
    lifecycle: Lifecycle, transactions: Path, champion: BatchModel, moto_server: MotoServer
) -> None:
    moto_server.bucket("smp-predictions")
    rows = select_rows(pd.read_parquet(transactions), START, START + timedelta(days=2))
    run(
        rows,
        champion,
        open_store(lifecycle.repo),
        "s3://smp-predictions/batch/card-fraud",
        progress=_quiet,
    )
    keys = sorted(
        o["Key"] for o in moto_server.client().list_objects_v2(Bucket="smp-predictions")["Contents"]
    )
    assert keys == [
        "batch/card-fraud/_manifests/date=2025-02-09.json",
        "batch/card-fraud/_manifests/date=2025-02-10.json",
        "batch/card-fraud/date=2025-02-09/predictions.parquet",
        "batch/card-fraud/date=2025-02-10/predictions.parquet",
    ]
    assert len(read_predictions("s3://smp-predictions/batch/card-fraud")) == len(rows)


def test_bad_input_is_exit_2_with_a_clear_message(lifecycle: Lifecycle, tmp_path: Path) -> None:
    bad = tmp_path / "rows.csv"
    pd.DataFrame({"card_id": [1], "event_timestamp": ["2025-02-01"]}).to_csv(bad, index=False)
    base = [
        sys.executable,
        "-m",
        "workloads.batch_scoring",
        "--feature-repo",
        str(lifecycle.repo),
        "--tracking-uri",
        lifecycle.tracking_uri,
        "--out",
        str(tmp_path / "out"),
    ]
    cases = {
        "lack columns: amount": ["--entities", str(bad)],
        "needs a window": ["--transactions", str(bad)],
        "no input at": ["--entities", str(tmp_path / "missing.parquet")],
        "not within 0..1": ["--entities", str(bad), "--workers", "2", "--worker-index", "2"],
    }
    for needle, extra in cases.items():
        done = subprocess.run(
            [*base, *extra], capture_output=True, text=True, timeout=120, check=False
        )
        assert done.returncode == 2, (needle, done.stderr)
        assert needle in done.stderr, (needle, done.stderr)
        assert "Traceback" not in done.stderr
