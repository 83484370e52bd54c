"""Batch ingestion from a real PostgreSQL (Debian's server, started on loopback by the
test run, one per module): the watermark resumes after a failed page without gaps or
duplicates, and rows arriving later with the same watermark are not missed."""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.paths import REPO
from workloads.ingestion.batch import FAIL_AT_ENV, FAIL_BATCH_ENV, load, read_position
from workloads.ingestion.zones import Zones
from workloads.local_processes import free_port

TABLE = "transactions"
PG_BIN = Path("/usr/lib/postgresql")


def _bin(name: str) -> str:
    found = shutil.which(name) or next(
        (str(p) for p in sorted(PG_BIN.glob(f"*/bin/{name}"), reverse=True)), None
    )
    if found is None:
        pytest.fail(f"{name} not found: apt-get install postgresql (make system-deps)")
    return found


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    """A PostgreSQL server in a temporary cluster on a free port; its DSN."""
    # Outside pytest's root-only temp tree: the server may run as another user.
    root = Path(tempfile.mkdtemp(prefix="smp-pg-"))
    root.chmod(0o755)
    data, sockets = root / "data", root / "run"
    sockets.mkdir()
    # initdb refuses root: run the server as the Debian package's postgres user.
    user = pwd.getpwnam("postgres") if os.geteuid() == 0 else None

    def as_server(argv: list[str]) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *argv] if user else argv

    if user:
        for path in (root, sockets):
            os.chown(path, user.pw_uid, user.pw_gid)
    subprocess.run(
        as_server([_bin("initdb"), "-D", str(data), "-U", "smp", "--auth=trust", "-E", "UTF8"]),
        check=True,
        capture_output=True,
    )
    port = free_port()
    subprocess.run(
        as_server(
            [_bin("pg_ctl"), "-D", str(data), "-w", "-l", str(root / "log"), "-o",
             f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=on", "start"]
        ),
        check=True,
        capture_output=True,
    )  # fmt: skip
    dsn = f"host=127.0.0.1 port={port} user=smp dbname=postgres"
    try:
        yield dsn
    finally:
        subprocess.run(
            as_server([_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


def _execute(dsn: str, sql: str, rows: list[tuple] | None = None) -> None:
    import psycopg2

    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        if rows is None:
            cur.execute(sql)
        else:
            cur.executemany(sql, rows)


def _rows(first: int, count: int, minute: int | None = None) -> list[tuple]:
    out = []
    for i in range(first, first + count):
        at = f"2025-01-01T00:{(minute if minute is not None else i // 10) % 60:02d}:00+00:00"
        out.append((f"t-{i:05d}", 1000 + i % 17, at, 10.0 + i, "grocery", "pos", 0, 1.5))
    return out


INSERT = f"INSERT INTO {TABLE} VALUES (%s, %s, %s, %s, %s, %s, %s, %s)"


def _load(dsn: str, zones: Path, fail_page: int | None = None) -> int:
    """A run in this process, or, to die mid-page, in a child process (the exit code)."""
    if fail_page is None:
        load(dsn, TABLE, zones, page_rows=50)
        return 0
    env = {k: v for k, v in os.environ.items() if k not in (FAIL_AT_ENV, FAIL_BATCH_ENV)}
    env.update({FAIL_AT_ENV: "after-curated", FAIL_BATCH_ENV: str(fail_page)})
    argv = [sys.executable, "-m", "workloads.ingestion", "batch", "--dsn", dsn,
            "--table", TABLE, "--zones", str(zones), "--page-rows", "50"]  # fmt: skip
    return subprocess.run(argv, cwd=REPO, env=env, capture_output=True, timeout=120).returncode


def test_the_watermark_resumes_after_a_failed_page_without_gaps_or_duplicates(postgres, tmp_path):
    _execute(
        postgres,
        f"CREATE TABLE {TABLE} (transaction_id text PRIMARY KEY, card_id bigint NOT NULL, "
        "event_timestamp timestamptz NOT NULL, amount numeric(12, 2), merchant_category text, "
        "channel text, hour_of_day integer, distance_from_home_km double precision)",
    )
    _execute(postgres, INSERT, _rows(0, 200))
    zones = Zones(tmp_path, f"pg.{TABLE}")
    # Page 3 is curated but its position is not saved: the process dies.
    assert _load(postgres, tmp_path, fail_page=3) == 137
    saved = read_position(zones)
    assert saved is not None
    assert saved[1] == "t-00099"  # pages 1 and 2 (50 rows each) are done
    assert _load(postgres, tmp_path) == 0
    curated = zones.curated()
    assert sorted(curated["transaction_id"]) == [f"t-{i:05d}" for i in range(200)]
    # Later rows: some with the last watermark seen (a tie the key breaks), some newer.
    last_minute = 199 // 10
    _execute(postgres, INSERT, _rows(200, 5, minute=last_minute) + _rows(205, 60))
    assert _load(postgres, tmp_path) == 0
    curated = zones.curated()
    assert curated["transaction_id"].is_unique
    assert sorted(curated["transaction_id"]) == [f"t-{i:05d}" for i in range(265)]
    assert read_position(zones)[1] == "t-00264"
    # Running again with nothing new changes nothing.
    before = {p: p.read_bytes() for p in (tmp_path / "curated").rglob("*.parquet")}
    assert _load(postgres, tmp_path) == 0
    assert {p: p.read_bytes() for p in (tmp_path / "curated").rglob("*.parquet")} == before
    raw = [
        json.loads(line)["transaction_id"]
        for f in (tmp_path / "raw").rglob("*.jsonl")
        for line in f.read_text().splitlines()
    ]
    assert set(raw) == {f"t-{i:05d}" for i in range(265)}
