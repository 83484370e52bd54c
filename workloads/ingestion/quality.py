"""Data-quality metrics of an ingestion run, written as a Prometheus text file.

Per source (topic or table): events in, valid, quarantined (counters), the consumer's
lag behind the partitions' high watermarks and the freshness of the newest curated
event (gauges), updated only after a batch is committed, so no scrape counts an
uncommitted batch. Two outlets, either or both: a text file rewritten atomically after
every commit (`--metrics-file`; a scrape never sees a half-written file) and `/metrics` on
a port (`--metrics-port`; what the cluster's Deployment serves to Prometheus).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    start_http_server,
    write_to_textfile,
)

from workloads.contract import monitoring as names


@dataclass
class QualityMetrics:
    """The five series of one source, on a registry of their own (not the global one)."""

    source: str
    path: Path | None = None

    def __post_init__(self) -> None:
        self.registry = CollectorRegistry()
        labels = ["source"]
        self.rows_in = Counter(
            names.INGESTION_ROWS_IN.removesuffix("_total"),
            "Events read from the source",
            labels,
            registry=self.registry,
        ).labels(self.source)
        self.valid = Counter(
            names.INGESTION_ROWS_VALID.removesuffix("_total"),
            "Events that met the data contract",
            labels,
            registry=self.registry,
        ).labels(self.source)
        self.quarantined = Counter(
            names.INGESTION_ROWS_QUARANTINED.removesuffix("_total"),
            "Events quarantined with a reason",
            labels,
            registry=self.registry,
        ).labels(self.source)
        self.lag = Gauge(
            names.INGESTION_LAG,
            "Events on the source not yet committed",
            labels,
            registry=self.registry,
        ).labels(self.source)
        self.freshness = Gauge(
            names.INGESTION_FRESHNESS,
            "Seconds between now and the newest curated event's timestamp",
            labels,
            registry=self.registry,
        ).labels(self.source)

    def record(
        self,
        rows_in: int,
        valid: int,
        quarantined: int,
        lag: int,
        newest: dt.datetime | None,
    ) -> None:
        """Add one committed batch and write the file."""
        self.rows_in.inc(rows_in)
        self.valid.inc(valid)
        self.quarantined.inc(quarantined)
        self.lag.set(max(lag, 0))
        if newest is not None:
            self.freshness.set((dt.datetime.now(dt.UTC) - newest).total_seconds())
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_to_textfile(str(self.path), self.registry)  # temp file, then rename
            os.chmod(self.path, 0o644)

    def serve(self, port: int, host: str = "0.0.0.0") -> None:  # noqa: S104 - a pod's port
        """Serve this registry on `/metrics` of `port` (a daemon thread)."""
        start_http_server(port, addr=host, registry=self.registry)
