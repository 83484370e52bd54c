"""The streaming drift monitor: the prediction log, tailed, tested window by window.

``python -m workloads.monitoring stream`` follows the prediction log's segments
as the scoring service writes them (:mod:`workloads.serving.prediction_log`):
local segments are read as they grow (open ``.jsonl.open`` files included), an
object-store log as its sealed segments are shipped (so there the delay is the
service's rotation period, ``SMP_LOG_ROTATE_SECONDS``). Records are binned by
their event time (``ts``) into buckets of ``step`` seconds, each a
:class:`~workloads.monitoring.sketch.Sketch`; a bucket closes once the wall clock
passes its end by ``lateness`` seconds (later records go to the newest open
bucket, and are counted).

Windows, each evaluated with the same tests and the same Benjamini-Hochberg
adjustment as the daily run (:func:`workloads.monitoring.drift.evaluate`):

* *sliding*: the last ``sliding`` seconds, re-evaluated at every ``step``;
* *tumbling*: consecutive ``tumbling``-second windows, each evaluated once when
  it closes and written to ``windows.jsonl`` (the record of what was seen).

A window (or a segment of it) with fewer than ``min_samples`` rows is not tested.

Alerts are per *episode*, not per window: an episode opens for a (test, segment)
after ``enter_after`` consecutive sliding windows flag it, and closes after
``exit_after`` consecutive windows in which it is clearly back (not significant,
or its effect under ``exit_ratio`` times the floor). In between, windows that
wobble around the floor change nothing. ``smp_drift_stream_episode_active`` and
``smp_drift_stream_episodes_total`` change once per episode, so a rule on either
fires once. A label-free performance drop (see
:mod:`workloads.monitoring.performance`) is an episode of test
``performance_<metric>``.

State (offsets, open buckets, windows, episodes) is checkpointed atomically every
``checkpoint_seconds`` and on SIGTERM: a restarted monitor resumes from the
checkpoint's offsets, so no record is lost or counted twice.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import math
import os
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from prometheus_client import CollectorRegistry

from workloads import schema
from workloads.contract import monitor_metrics as mn
from workloads.monitoring.drift import DriftTest, Floors, evaluate
from workloads.monitoring.performance import PerformanceEstimate
from workloads.monitoring.report import make_family
from workloads.monitoring.sketch import Layout, Sketch, reference_sketch

_log = logging.getLogger(__name__)
STATE_VERSION = 1
# A window is tested at every step, thousands of times a day: at BH alpha 0.05 per window
# a null stream opened about four (segment) episodes an hour in simulation; at 0.001, none
# in two simulated hours (1,440 windows), while a 0.5-SD shift in a window of a few hundred
# rows still has p < 1e-10.
DEFAULT_STREAM_ALPHA = 0.001
_PARTITION = re.compile(r"date=(\d{4}-\d{2}-\d{2})/hour=(\d{2})")


@dataclass(frozen=True)
class StreamConfig:
    """Windows, sample sizes, hysteresis and housekeeping of the streaming monitor."""

    sliding_seconds: float = 300.0
    step_seconds: float = 15.0
    tumbling_seconds: float = 3600.0
    lateness_seconds: float = 10.0
    min_samples: int = 500
    enter_after: int = 2
    exit_after: int = 4
    exit_ratio: float = 0.8
    alpha: float = DEFAULT_STREAM_ALPHA
    floors: Floors = field(default_factory=Floors)
    max_drop: float | None = None
    segment_by: list[str] | None = None
    poll_seconds: float = 1.0
    checkpoint_seconds: float = 30.0
    # Log partitions older than this are neither read nor remembered.
    retention_hours: float = 6.0

    def __post_init__(self) -> None:
        for name in ("sliding_seconds", "step_seconds", "tumbling_seconds", "poll_seconds"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name.replace('_', ' ')} must be positive")
        for name in ("sliding_seconds", "tumbling_seconds"):
            ratio = getattr(self, name) / self.step_seconds
            if abs(ratio - round(ratio)) > 1e-9 or round(ratio) < 1:
                raise ValueError(
                    f"{name.replace('_', ' ')} ({getattr(self, name):g}) must be a whole "
                    f"multiple of the step ({self.step_seconds:g})"
                )
        if self.lateness_seconds < 0:
            raise ValueError("lateness must not be negative")
        if self.min_samples < 1 or self.enter_after < 1 or self.exit_after < 1:
            raise ValueError("min samples, enter-after and exit-after must be at least 1")
        if not 0 < self.exit_ratio <= 1:
            raise ValueError(f"exit ratio must be in (0, 1], got {self.exit_ratio}")
        if not 0 < self.alpha < 1:
            raise ValueError(f"alpha must be in (0, 1), got {self.alpha}")
        if self.retention_hours * 3600 < self.sliding_seconds + self.lateness_seconds:
            raise ValueError("the retention must cover the sliding window and the lateness")


# --- reading the log -----------------------------------------------------------------------


def _partition_time(relative: str) -> datetime | None:
    match = _PARTITION.search(relative)
    if not match:
        return None
    return datetime.strptime(f"{match.group(1)} {match.group(2)}", "%Y-%m-%d %H").replace(
        tzinfo=UTC
    )


class LogTailer:
    """New complete lines of one stream of a prediction log, each line exactly once.

    ``offsets`` maps a segment (its path below the stream, without the
    ``.jsonl``/``.jsonl.open`` suffix, so sealing does not make it new) to the
    bytes consumed; an object-store segment is consumed whole, once sealed.
    """

    def __init__(
        self,
        uri: str,
        stream: str = "predictions",
        offsets: dict[str, int] | None = None,
        retention_hours: float = 6.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        from workloads.serving.prediction_log import parse_log_uri

        self.uri = uri
        self.stream = stream
        self.local, self.remote = parse_log_uri(uri)
        self.offsets: dict[str, int] = dict(offsets or {})
        self.retention = timedelta(hours=retention_hours)
        self.clock = clock

    def _too_old(self, relative: str) -> bool:
        stamp = _partition_time(relative)
        now = datetime.fromtimestamp(self.clock(), tz=UTC)
        return stamp is not None and stamp + timedelta(hours=1) < now - self.retention

    def prune(self) -> None:
        """Forget segments of partitions past the retention (they are no longer read)."""
        self.offsets = {k: v for k, v in self.offsets.items() if not self._too_old(k)}

    def poll(self) -> bytes:
        """Every complete line appended since the last poll, concatenated."""
        return self._poll_local() if self.local is not None else self._poll_remote()

    def _poll_local(self) -> bytes:
        from workloads.serving.prediction_log import OPEN_SUFFIX, SEALED_SUFFIX

        assert self.local is not None
        base = self.local / self.stream
        if not base.exists():
            return b""
        chunks: list[bytes] = []
        for path in sorted(base.rglob("*.jsonl*")):
            name = path.name
            if name.endswith(OPEN_SUFFIX):
                stem = name[: -len(OPEN_SUFFIX)]
            elif name.endswith(SEALED_SUFFIX):
                stem = name[: -len(SEALED_SUFFIX)]
            else:
                continue
            key = f"{path.parent.relative_to(base).as_posix()}/{stem}"
            if self._too_old(key):
                continue
            done = self.offsets.get(key, 0)
            try:
                size = path.stat().st_size
                if size <= done:
                    continue
                with open(path, "rb") as handle:
                    handle.seek(done)
                    data = handle.read(size - done)
            except FileNotFoundError:
                continue  # sealed (renamed) between listing and reading: next poll
            complete = data.rfind(b"\n") + 1  # a half-written last line waits
            if complete:
                chunks.append(data[:complete])
                self.offsets[key] = done + complete
        return b"".join(chunks)

    def _poll_remote(self) -> bytes:
        from workloads import object_store
        from workloads.serving.prediction_log import SEALED_SUFFIX

        assert self.remote is not None
        base = self.remote.child(self.stream)
        now = datetime.fromtimestamp(self.clock(), tz=UTC)
        hours = int(self.retention.total_seconds() // 3600) + 1
        chunks: list[bytes] = []
        for h in range(hours, -1, -1):
            stamp = now - timedelta(hours=h)
            prefix = base.child(f"date={stamp:%Y-%m-%d}/hour={stamp:%H}")
            for uri in object_store.list_keys(prefix.uri):
                if not uri.endswith(SEALED_SUFFIX):
                    continue
                key = uri[len(base.uri) :].lstrip("/")[: -len(SEALED_SUFFIX)]
                if key in self.offsets:
                    continue
                data = object_store.read_bytes(uri)
                if data and not data.endswith(b"\n"):
                    data += b"\n"
                chunks.append(data)
                self.offsets[key] = len(data)
        return b"".join(chunks)


def parse_records(data: bytes) -> tuple[pd.DataFrame, int]:
    """JSON lines as a DataFrame, and how many lines were not JSON objects (skipped).

    pyarrow's JSON reader parses a block at C speed; a block it refuses (a corrupt
    line) is parsed line by line so one bad line costs only itself.
    """
    if not data.strip():
        return pd.DataFrame(), 0
    import pyarrow as pa
    import pyarrow.json as pj

    try:
        table = pj.read_json(
            io.BytesIO(data),
            read_options=pj.ReadOptions(block_size=max(1 << 20, len(data) + 1)),
            parse_options=pj.ParseOptions(newlines_in_values=False),
        )
        return table.to_pandas(), 0
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        records, bad = [], 0
        for line in data.splitlines():
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                bad += 1
                continue
            if isinstance(record, dict):
                records.append(record)
            else:
                bad += 1
        return pd.DataFrame.from_records(records), bad


# --- episodes --------------------------------------------------------------------------------


@dataclass
class Episode:
    """Hysteresis state of one (test, segment)."""

    active: bool = False
    hits: int = 0
    clears: int = 0
    started: float = math.nan
    count: int = 0

    def update(
        self, drifted: bool, clear: bool, at: float, enter_after: int, exit_after: int
    ) -> str | None:
        """Advance with one window's verdict; "start" or "end" when the episode changes."""
        if not self.active:
            self.hits = self.hits + 1 if drifted else 0
            if self.hits >= enter_after:
                self.active, self.clears, self.started = True, 0, at
                self.count += 1
                return "start"
            return None
        self.clears = self.clears + 1 if clear else 0
        if self.clears >= exit_after:
            self.active, self.hits = False, 0
            return "end"
        return None


# --- metrics -----------------------------------------------------------------------------------


class StreamMetrics:
    """The streaming families of :mod:`~workloads.contract.monitor_metrics`, own registry."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        self.f = {
            spec.name: make_family(
                spec,
                self.registry,
                **(
                    {"buckets": (0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)}
                    if spec.kind == "histogram"
                    else {}
                ),
            )
            for spec in mn.STREAM_METRICS
        }

    def __getitem__(self, spec: mn.MetricSpec) -> Any:
        return self.f[spec.name]


# --- the monitor -------------------------------------------------------------------------------


@dataclass
class WindowResult:
    """One evaluated window."""

    window: str
    start: float
    end: float
    rows: int
    tests: list[DriftTest]
    performance: list[PerformanceEstimate]

    def summary(self) -> dict[str, Any]:
        """JSON-friendly summary (what flagged, the estimates)."""
        return {
            "window": self.window,
            "start": self.start,
            "end": self.end,
            "rows": self.rows,
            "drifted": [t.key for t in self.tests if t.drifted],
            "tested": sum(t.tested for t in self.tests),
            "performance": [
                {
                    k: v
                    for k, v in asdict(p).items()
                    if k in ("segment", "metric", "estimate", "lower", "upper", "drop_detected")
                }
                for p in self.performance
                if p.segment == mn.ALL_SEGMENTS
            ],
        }


def baseline_fingerprint(baseline: dict[str, Any]) -> str:
    """A short digest of the baseline (a checkpoint from another baseline is not resumed)."""
    return hashlib.sha256(json.dumps(baseline, sort_keys=True).encode()).hexdigest()[:16]


class StreamingMonitor:
    """Tails the log, keeps the windows, evaluates them, runs the episodes, exports metrics."""

    def __init__(
        self,
        baseline: dict[str, Any],
        log_uri: str,
        config: StreamConfig | None = None,
        out_dir: Path | None = None,
        state_path: Path | None = None,
        metrics: StreamMetrics | None = None,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.config = config or StreamConfig()
        self.baseline = baseline
        self.layout = Layout.from_baseline(baseline, self.config.segment_by)
        self.ref, self.ref_stats = reference_sketch(self.layout, baseline)
        self.performance_reference = baseline.get("performance")
        self.fingerprint = baseline_fingerprint(baseline)
        self.out_dir = out_dir
        if out_dir is not None:
            out_dir.mkdir(parents=True, exist_ok=True)
        self.state_path = state_path
        self.metrics = metrics or StreamMetrics()
        self.wall_clock = wall_clock
        self.tailer = LogTailer(
            log_uri, "predictions", retention_hours=self.config.retention_hours, clock=wall_clock
        )
        self.step = self.config.step_seconds
        self.slide_buckets = round(self.config.sliding_seconds / self.step)
        self.tumble_buckets = round(self.config.tumbling_seconds / self.step)
        self.open: dict[int, Sketch] = {}
        self.next_bucket: int | None = None  # the oldest bucket not yet closed
        self.ring: deque[tuple[int, Sketch]] = deque()
        self.sliding = Sketch.zeros(self.layout)
        self.tumbling = Sketch.zeros(self.layout)
        self.tumbling_start: int | None = None
        self.episodes: dict[tuple[str, str], Episode] = {}
        self.counters = {"predictions": 0, "late": 0, "unreadable": 0}
        self.last_checkpoint = wall_clock()
        self.results: list[WindowResult] = []  # kept for tests and the demo (bounded)
        self.events: list[dict[str, Any]] = []
        if state_path is not None and state_path.exists():
            self._restore(json.loads(state_path.read_text()))

    # -- ingest ---------------------------------------------------------------------------
    def ingest(self, frame: pd.DataFrame) -> None:
        """Add prediction records to their time buckets."""
        if frame.empty or "ts" not in frame:
            return
        frame = frame[pd.to_numeric(frame["ts"], errors="coerce").notna()]
        if frame.empty:
            return
        if "variant" in frame and schema.SCORE in frame:
            # The baseline's scores are the champion's; other variants' are not comparable.
            frame = frame.assign(
                **{
                    schema.SCORE: np.where(
                        frame["variant"] == "champion",
                        pd.to_numeric(frame[schema.SCORE], errors="coerce"),
                        np.nan,
                    )
                }
            )
        buckets = np.floor(frame["ts"].to_numpy(np.float64) / self.step).astype(np.int64)
        if self.next_bucket is None:
            self.next_bucket = int(buckets.min())
            self.tumbling_start = self.next_bucket - self.next_bucket % self.tumble_buckets
        late = buckets < self.next_bucket
        if late.any():
            # Their bucket has closed: count them in the oldest open one instead.
            self.counters["late"] += int(late.sum())
            self.metrics[mn.STREAM_LATE_ROWS].inc(int(late.sum()))
            buckets = np.where(late, self.next_bucket, buckets)
        # One pass over the rows for every bucket they fall in.
        codes, present = pd.factorize(buckets, sort=True)
        sketches = Sketch.of_groups(self.layout, frame, codes, len(present))
        for b, sketch in zip(present, sketches, strict=True):
            held = self.open.get(int(b))
            if held is None:
                self.open[int(b)] = sketch
            else:
                held += sketch
        self.counters["predictions"] += len(frame)
        self.metrics[mn.STREAM_ROWS].labels("predictions").inc(len(frame))
        self.metrics[mn.STREAM_LAST_EVENT].set(float(frame["ts"].max()))

    # -- windows --------------------------------------------------------------------------
    def close_buckets(self, now: float) -> list[WindowResult]:
        """Close every bucket whose end is ``lateness`` behind ``now``; evaluate windows."""
        if self.next_bucket is None:
            return []
        watermark = now - self.config.lateness_seconds
        last_closable = math.floor(watermark / self.step) - 1
        results: list[WindowResult] = []
        if last_closable - self.next_bucket > 2 * (self.slide_buckets + self.tumble_buckets):
            # Idle for longer than any window: nothing in between but empty buckets.
            self._skip_to(last_closable - self.slide_buckets - self.tumble_buckets)
        while self.next_bucket <= last_closable:
            b = self.next_bucket
            sketch = self.open.pop(b, None) or Sketch.zeros(self.layout)
            self.ring.append((b, sketch))
            self.sliding += sketch
            while self.ring and self.ring[0][0] <= b - self.slide_buckets:
                self.sliding -= self.ring.popleft()[1]
            results.append(
                self._evaluate(mn.SLIDING, b + 1 - self.slide_buckets, b + 1, self.sliding)
            )
            self.tumbling += sketch
            if (b + 1) % self.tumble_buckets == 0:
                start = (
                    self.tumbling_start
                    if self.tumbling_start is not None
                    else b + 1 - self.tumble_buckets
                )
                result = self._evaluate(mn.TUMBLING, start, b + 1, self.tumbling)
                results.append(result)
                self._write("windows.jsonl", result.summary())
                self.tumbling = Sketch.zeros(self.layout)
                self.tumbling_start = b + 1
            self.next_bucket = b + 1
        self.results = (self.results + results)[-500:]
        return results

    def _skip_to(self, bucket: int) -> None:
        self.ring.clear()
        self.sliding = Sketch.zeros(self.layout)
        self.tumbling = Sketch.zeros(self.layout)
        self.tumbling_start = bucket - bucket % self.tumble_buckets
        self.open = {b: s for b, s in self.open.items() if b >= bucket}
        self.next_bucket = bucket

    def _evaluate(
        self, window: str, start_bucket: int, end_bucket: int, sketch: Sketch
    ) -> WindowResult:
        started = time.perf_counter()
        start, end = start_bucket * self.step, end_bucket * self.step
        c = self.config
        tests, performance = evaluate(
            self.layout,
            self.ref,
            self.ref_stats,
            sketch,
            alpha=c.alpha,
            floors=c.floors,
            min_samples=c.min_samples,
            performance_reference=self.performance_reference,
            max_drop=c.max_drop,
            keep_plot_data=False,
        )
        result = WindowResult(window, start, end, int(sketch.rows[0]), tests, performance)
        self._export(result, sketch)
        if window == mn.SLIDING:
            self._episodes(result)
        self.metrics[mn.STREAM_EVALUATION_SECONDS].observe(time.perf_counter() - started)
        self.metrics[mn.STREAM_LAST_EVALUATION].set(self.wall_clock())
        return result

    def _export(self, r: WindowResult, sketch: Sketch) -> None:
        m = self.metrics
        m[mn.STREAM_WINDOW_END].labels(r.window).set(r.end)
        for k, segment in enumerate(self.layout.segments):
            m[mn.STREAM_WINDOW_ROWS].labels(r.window, segment.label).set(float(sketch.rows[k]))
        for t in r.tests:
            if not t.tested:
                continue
            m[mn.STREAM_DISTANCE].labels(r.window, t.name, t.segment, t.measure).set(t.distance)
            m[mn.STREAM_P_ADJUSTED].labels(r.window, t.name, t.segment).set(t.p_adjusted)
            m[mn.STREAM_WINDOW_DRIFTED].labels(r.window, t.name, t.segment).set(
                1 if t.drifted else 0
            )
        for p in r.performance:
            for bound, value in (
                (mn.ESTIMATE, p.estimate),
                (mn.LOWER, p.lower),
                (mn.UPPER, p.upper),
            ):
                m[mn.STREAM_PERFORMANCE].labels(r.window, p.metric, p.segment, bound).set(value)

    def _episodes(self, r: WindowResult) -> None:
        c = self.config
        verdicts: list[tuple[str, str, bool, bool]] = []
        for t in r.tests:
            if not t.tested:
                continue
            clear = t.p_adjusted >= c.alpha or t.distance < c.exit_ratio * t.distance_floor
            verdicts.append((t.name, t.segment, t.drifted, clear))
        for p in r.performance:
            if p.metric == "positive_rate" or not math.isfinite(p.reference):
                continue
            clear = p.estimate >= p.reference - c.exit_ratio * p.max_drop
            verdicts.append(
                (f"{mn.PERFORMANCE_TEST}_{p.metric}", p.segment, p.drop_detected, clear)
            )
        m = self.metrics
        for name, segment, drifted, clear in verdicts:
            episode = self.episodes.setdefault((name, segment), Episode())
            change = episode.update(drifted, clear, r.end, c.enter_after, c.exit_after)
            if change == "start":
                m[mn.STREAM_EPISODE_ACTIVE].labels(name, segment).set(1)
                m[mn.STREAM_EPISODES].labels(name, segment).inc()
                m[mn.STREAM_EPISODE_STARTED].labels(name, segment).set(r.end)
            elif change == "end":
                m[mn.STREAM_EPISODE_ACTIVE].labels(name, segment).set(0)
            if change:
                event = {
                    "event": change,
                    "test": name,
                    "segment": segment,
                    "window_end": r.end,
                    "wall": self.wall_clock(),
                }
                self.events.append(event)
                self._write("episodes.jsonl", event)
                _log.warning("drift episode %s: %s [%s] at %s", change, name, segment, r.end)
        m[mn.STREAM_ANY_EPISODE].set(1 if any(e.active for e in self.episodes.values()) else 0)

    def _write(self, name: str, record: dict[str, Any]) -> None:
        if self.out_dir is None:
            return
        with open(self.out_dir / name, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, default=_json_default) + "\n")

    # -- the loop -------------------------------------------------------------------------
    def poll_once(self, now: float | None = None) -> list[WindowResult]:
        """Read what is new, close what is due, checkpoint when due; the windows evaluated."""
        now = self.wall_clock() if now is None else now
        frame, bad = parse_records(self.tailer.poll())
        if bad:
            self.counters["unreadable"] += bad
            self.metrics[mn.STREAM_BAD_LINES].inc(bad)
        self.ingest(frame)
        results = self.close_buckets(now)
        if (
            self.state_path is not None
            and self.wall_clock() - self.last_checkpoint >= self.config.checkpoint_seconds
        ):
            self.checkpoint()
        return results

    def run(self, stop: Callable[[], bool], sleep: Callable[[float], Any] = time.sleep) -> None:
        """Poll until ``stop()``; checkpoint on the way out."""
        while not stop():
            started = time.monotonic()
            self.poll_once()
            sleep(max(0.0, self.config.poll_seconds - (time.monotonic() - started)))
        self.checkpoint()

    # -- checkpoint -----------------------------------------------------------------------
    def checkpoint(self) -> None:
        """Write the state atomically (a crash leaves the previous checkpoint intact)."""
        if self.state_path is None:
            return
        self.tailer.prune()
        state = {
            "version": STATE_VERSION,
            "baseline": self.fingerprint,
            "config": {
                "step": self.step,
                "sliding": self.slide_buckets,
                "tumbling": self.tumble_buckets,
            },
            "offsets": self.tailer.offsets,
            "next_bucket": self.next_bucket,
            "open": {str(b): s.to_json() for b, s in self.open.items()},
            "ring": [[b, s.to_json()] for b, s in self.ring],
            "tumbling": self.tumbling.to_json(),
            "tumbling_start": self.tumbling_start,
            "episodes": [[k[0], k[1], asdict(e)] for k, e in self.episodes.items()],
            "counters": self.counters,
        }
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.state_path.with_name(self.state_path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(state, handle, default=_json_default)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.state_path)
        self.last_checkpoint = self.wall_clock()

    def _restore(self, state: dict[str, Any]) -> None:
        expected = {
            "step": self.step,
            "sliding": self.slide_buckets,
            "tumbling": self.tumble_buckets,
        }
        if (
            state.get("version") != STATE_VERSION
            or state.get("baseline") != self.fingerprint
            or state.get("config") != expected
        ):
            _log.warning(
                "checkpoint %s is for another baseline or window setup; starting afresh",
                self.state_path,
            )
            return
        self.tailer.offsets = {str(k): int(v) for k, v in state["offsets"].items()}
        self.next_bucket = state["next_bucket"]
        self.open = {int(b): Sketch.from_json(s, self.layout) for b, s in state["open"].items()}
        self.ring = deque((int(b), Sketch.from_json(s, self.layout)) for b, s in state["ring"])
        self.sliding = Sketch.zeros(self.layout)
        for _, s in self.ring:
            self.sliding += s
        self.tumbling = Sketch.from_json(state["tumbling"], self.layout)
        self.tumbling_start = state["tumbling_start"]
        m = self.metrics
        for name, segment, doc in state["episodes"]:
            episode = Episode(**doc)
            self.episodes[(name, segment)] = episode
            if episode.count:
                m[mn.STREAM_EPISODES].labels(name, segment).inc(episode.count)
                m[mn.STREAM_EPISODE_STARTED].labels(name, segment).set(episode.started)
            m[mn.STREAM_EPISODE_ACTIVE].labels(name, segment).set(1 if episode.active else 0)
        m[mn.STREAM_ANY_EPISODE].set(1 if any(e.active for e in self.episodes.values()) else 0)
        self.counters = {**self.counters, **state.get("counters", {})}
        m[mn.STREAM_ROWS].labels("predictions").inc(self.counters["predictions"])


def _json_default(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
