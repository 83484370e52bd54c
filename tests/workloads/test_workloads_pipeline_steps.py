"""The retraining steps' CLI: bad input is a message and exit 2, never a traceback.

The steps' registry moves run against MLflow in the cluster; the end-to-end run on one
machine (the local runner) is not built yet, so here only the argument handling and the
PromQL the A/B wait sends are checked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workloads.pipeline.__main__ import main, slo_queries


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (
            [
                "register",
                "--tracking-uri",
                "sqlite:///x.db",
                "--model-name",
                "m",
                "--summary",
                "not json",
                "--out",
                "o",
            ],
            "--summary is not JSON",
        ),
        (
            [
                "decide",
                "--tracking-uri",
                "sqlite:///x.db",
                "--model-name",
                "m",
                "--wait",
                "[1]",
                "--out",
                "o",
            ],
            "--wait must be a JSON object",
        ),
        (
            [
                "record",
                "--tracking-uri",
                "sqlite:///x.db",
                "--model-name",
                "m",
                "--summary",
                "{}",
                "--decision",
                "{}",
                "--workflow",
                "w",
                "--trigger",
                "manual",
            ],
            "model_version",
        ),
    ],
)
def test_bad_input_exits_2(
    argv: list[str],
    words: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {argv[0]}: ")
    assert words in err
    assert "Traceback" not in err


def test_ab_wait_needs_a_prediction_log(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SMP_PREDICTION_LOG_URI", raising=False)
    argv = [
        "ab-wait",
        "--prometheus-url",
        "http://p:9090",
        "--model-name",
        "m",
        "--min-outcomes",
        "10",
        "--max-duration-seconds",
        "60",
        "--poll-seconds",
        "10",
        "--max-error-ratio",
        "0.02",
        "--max-p99-seconds",
        "0.3",
        "--out",
        "o",
    ]
    assert main(argv) == 2
    assert "SMP_PREDICTION_LOG_URI is required" in capsys.readouterr().err


def test_the_slo_queries_name_the_exported_series() -> None:
    ratio, p99 = slo_queries("5m")
    assert ratio == (
        "sum(rate(smp_prediction_errors_total[5m])) / sum(rate(smp_prediction_requests_total[5m]))"
    )
    assert p99 == (
        "histogram_quantile(0.99, sum by (le) "
        '(rate(smp_prediction_latency_seconds_bucket{variant="challenger"}[5m])))'
    )
