"""The drift detector: measured power and false alarms, the statistics it rests on,
the label-free performance estimate, the reports and the CLI.

Power and false alarms are measured on independent synthetic rows with known
shifts (vectorised: 100,000 rows per replicate, 100 null replicates); the
estimate, and the detection of the stated covariate/prior/concept shifts, on the
card simulation with a trained model, laid out like the demo.
"""

from __future__ import annotations

import json
import math
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from workloads import schema
from workloads.contract import commands
from workloads.contract import monitor_metrics as mn
from workloads.data import (
    STATED_CONCEPT_DRIFT,
    STATED_COVARIATE_SHIFT,
    STATED_PRIOR_SHIFT,
    DriftSpec,
    generate,
)
from workloads.feature_encoding import encode_frame
from workloads.monitoring.ab_analysis import KEEP, PROMOTE, ROLL_BACK, analyse, join_outcomes
from workloads.monitoring.baseline import (
    compute_baseline,
    histogram,
    numeric_summary,
    read_baseline,
    write_baseline,
)
from workloads.monitoring.distances import (
    chi_square,
    ks_p_value,
    ks_statistic,
    total_variation,
    wasserstein,
)
from workloads.monitoring.drift import (
    DEFAULT_ALPHA,
    Floors,
    benjamini_hochberg,
    detect_drift,
    evaluate,
    parse_floor_overrides,
    psi,
)
from workloads.monitoring.performance import performance_timeline
from workloads.monitoring.report import (
    ReportContext,
    write_ab_html,
    write_html,
    write_json,
    write_prometheus,
)
from workloads.monitoring.sketch import Layout, Sketch, reference_sketch
from workloads.training.model import build_model

# --- power and false alarms on synthetic rows --------------------------------------------------

N = 100_000
CATEGORIES = np.array(["a", "b", "c", "d", "e"])
COLOUR_P = np.array([0.30, 0.25, 0.20, 0.15, 0.10])
CHANNELS = np.array(["pos", "online", "atm"])
CHANNEL_P = np.array([0.60, 0.32, 0.08])
NUMERIC = ["x_normal", "x_lognormal", "x_count"]
NULL_REPLICATES = 100
POWER_REPLICATES = 10


def synthetic(rng: np.random.Generator, n: int = N, shift: str | None = None) -> pd.DataFrame:
    """Independent rows; ``shift`` names one of the known shifts below."""
    channel = rng.choice(3, n, p=CHANNEL_P)
    x = rng.normal(0.0, 1.0, n)
    colour_p = COLOUR_P
    if shift is not None and shift.startswith("mean_"):
        x = x + float(shift.removeprefix("mean_"))
    elif shift == "spread_up":
        x = x * 1.3
    elif shift == "spread_down":
        x = x * 0.7
    elif shift == "mix":  # ten points of the traffic move from "a" to "e"
        colour_p = np.array([0.20, 0.25, 0.20, 0.15, 0.20])
    elif shift == "segment":  # half an SD, in the 8% of rows from ATMs only
        x = np.where(channel == 2, x + 0.5, x)  # CHANNELS[2] is "atm"
    return pd.DataFrame(
        {
            "x_normal": x,
            "x_lognormal": rng.lognormal(0.0, 0.6, n),
            "x_count": rng.poisson(3.0, n).astype(np.float64),
            # Categorical columns: the detector reads their codes, no string hashing.
            "colour": pd.Categorical.from_codes(rng.choice(5, n, p=colour_p), CATEGORIES),
            "channel": pd.Categorical.from_codes(channel, CHANNELS),
        }
    )


@pytest.fixture(scope="module")
def synthetic_baseline() -> dict[str, Any]:
    reference = synthetic(np.random.default_rng(0))
    return compute_baseline(reference, NUMERIC, ["colour"], segment_by=["channel"])


# The test (and segment) each shift must be flagged in.
SHIFTS = {
    "mean_0.2": ("x_normal", "all"),
    "mean_0.3": ("x_normal", "all"),
    "mean_0.5": ("x_normal", "all"),
    "spread_up": ("x_normal", "all"),
    "spread_down": ("x_normal", "all"),
    "mix": ("colour", "all"),
    "segment": ("x_normal", "channel=atm"),
}


def replicates(
    baseline: dict[str, Any], seed: int, n_replicates: int, shift: str | None = None
) -> list[list[Any]]:
    """The tests of ``n_replicates`` independent current tables of N rows each.

    Vectorised: the replicates are drawn as one table and summarised in one pass
    (a sketch per replicate), then each is tested on its own (BH per replicate).
    """
    layout = Layout.from_baseline(baseline)
    ref, ref_stats = reference_sketch(layout, baseline)
    table = synthetic(np.random.default_rng(seed), N * n_replicates, shift)
    groups = np.repeat(np.arange(n_replicates), N)
    sketches = Sketch.of_groups(layout, table, groups, n_replicates)
    return [evaluate(layout, ref, ref_stats, s, keep_plot_data=False)[0] for s in sketches]


@pytest.mark.parametrize("shift", list(SHIFTS))
def test_every_known_shift_is_flagged_at_100k_rows(
    synthetic_baseline: dict[str, Any], shift: str
) -> None:
    test, segment = SHIFTS[shift]
    flagged, others = 0, []
    runs = replicates(synthetic_baseline, 100 + list(SHIFTS).index(shift), POWER_REPLICATES, shift)
    for tests in runs:
        hit = [t for t in tests if t.name == test and t.segment == segment]
        assert len(hit) == 1
        flagged += hit[0].drifted
        others += [t.key for t in tests if t.drifted and t.name != test]
        if shift == "segment":
            # Confined to 8% of the traffic, the shift is averaged under the floor
            # overall: only the per-segment test sees it.
            overall = next(t for t in tests if t.name == test and t.segment == "all")
            assert overall.distance < overall.distance_floor
            assert not overall.drifted
    assert flagged == POWER_REPLICATES, f"{shift}: flagged in {flagged} of {POWER_REPLICATES}"
    assert not others, f"{shift}: unshifted features flagged: {others}"


def test_no_alarm_on_100_unshifted_replicates(
    synthetic_baseline: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    alarms = significant = 0
    runs = replicates(synthetic_baseline, 7, NULL_REPLICATES)
    for tests in runs:
        tested = [t for t in tests if t.tested]
        alarms += any(t.drifted for t in tested)
        # BH alone (without the effect floor): a replicate with any discovery. With every
        # hypothesis true, BH keeps that probability at or under alpha.
        significant += any(t.p_adjusted < DEFAULT_ALPHA for t in tested)
    with capsys.disabled():
        print(
            f"\n[null study] {NULL_REPLICATES} replicates x {len(tested)} tests at n={N}: "
            f"{alarms} alarms; {significant} with a BH discovery before the effect floor "
            f"(FDR alpha {DEFAULT_ALPHA})"
        )
    assert len(tested) == 4 * 4  # 3 numeric + 1 categorical, for all and 3 channels
    assert alarms == 0
    # Binomial(100, 0.05) exceeds 12 with probability < 0.1%.
    assert significant <= 12


# --- the statistics, against the libraries that define them ------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda r: (r.normal(0, 1, 50_000), r.normal(0.3, 1, 20_000)),
        lambda r: (r.normal(0, 1, 50_000), r.normal(0, 1.3, 20_000)),
        lambda r: (r.lognormal(0, 0.6, 50_000), r.lognormal(0.2, 0.6, 20_000)),
        lambda r: (r.poisson(2, 50_000).astype(float), r.poisson(2.5, 20_000).astype(float)),
    ],
    ids=["mean", "spread", "lognormal", "discrete"],
)
def test_histogram_statistics_match_scipy_on_the_raw_values(make: Any) -> None:
    ref, cur = make(np.random.default_rng(3))
    summary = numeric_summary(ref)
    edges = np.asarray(summary["edges"])
    hc = histogram(cur, edges)
    rc, rs = np.array([summary["counts"]]), np.array([summary["sums"]])
    cc, cs = np.array([hc["counts"]]), np.array([hc["sums"]])
    exact_w = stats.wasserstein_distance(ref, cur)
    assert wasserstein(edges, rc, rs, cc, cs)[0] == pytest.approx(exact_w, rel=0.01)
    exact = stats.ks_2samp(ref, cur, method="asymp")
    d = ks_statistic(rc, cc)[0]
    # At the bucket edges only: never above the exact statistic, and close to it.
    assert exact.statistic - 0.01 <= d <= exact.statistic + 1e-12
    # Smirnov's asymptotic p-value, as scipy computes it (compared where it is not 0).
    for shift in (0.0, 0.01, 0.02):
        a, b = ref[:20_000], ref[20_000:40_000] + shift
        exact = stats.ks_2samp(a, b, method="asymp")
        p = ks_p_value(np.array([exact.statistic]), np.array([a.size]), np.array([b.size]))
        assert p[0] == pytest.approx(exact.pvalue, rel=1e-6)


def test_categorical_statistics_match_scipy_and_do_not_grow_with_categories() -> None:
    ref = np.array([[300.0, 250, 200, 150, 100]])
    cur = np.array([[200.0, 250, 200, 150, 200]])
    chi2, p = chi_square(ref, cur)
    expected = stats.chi2_contingency(np.vstack([ref[0], cur[0]]), correction=False)
    assert chi2[0] == pytest.approx(expected.statistic)
    assert p[0] == pytest.approx(expected.pvalue)
    assert total_variation(ref, cur)[0] == pytest.approx(0.10)
    # The same 10-point move among twenty categories: the same distance (PSI grows).
    many_ref = np.array([[300.0, 250, 200, 150, 100] + [10.0] * 15])
    many_cur = np.array([[200.0, 250, 200, 150, 200] + [10.0] * 15])
    assert total_variation(many_ref, many_cur)[0] == pytest.approx(0.1 * 1000 / 1150)


def test_benjamini_hochberg_psi_and_floors() -> None:
    adjusted = benjamini_hochberg([0.01, 0.04, 0.03, 0.5])
    # sorted p: .01 .03 .04 .5 -> raw .04 .06 .0533 .5 -> step-up minimum
    np.testing.assert_allclose(adjusted, [0.04, 0.16 / 3, 0.16 / 3, 0.5], rtol=1e-9)
    assert psi([0.5, 0.5], [0.5, 0.5]) == pytest.approx(0.0)
    assert psi([0.5, 0.5], [0.9, 0.1]) > 0.5
    assert parse_floor_overrides(["amount=0.2", " channel = 0.1"]) == {
        "amount": 0.2,
        "channel": 0.1,
    }
    for bad in (["amount"], ["=0.2"], ["amount=much"]):
        with pytest.raises(ValueError, match="floor"):
            parse_floor_overrides(bad)
    with pytest.raises(ValueError, match="positive"):
        Floors(per_test={"amount": -1.0})


def test_a_per_feature_floor_changes_the_verdict(synthetic_baseline: dict[str, Any]) -> None:
    current = synthetic(np.random.default_rng(5), shift="mean_0.3")
    default = detect_drift(synthetic_baseline, current, segment_by=[])
    lenient = detect_drift(
        synthetic_baseline, current, segment_by=[], floors=Floors(per_test={"x_normal": 0.5})
    )
    by_name = {t.name: t for t in lenient.tests}
    assert "x_normal" in default.drifted_names
    assert not lenient.drifted
    assert by_name["x_normal"].distance_floor == 0.5
    assert "too small to matter" in by_name["x_normal"].explanation


def test_huge_samples_do_not_flag_trivial_shifts(synthetic_baseline: dict[str, Any]) -> None:
    # A 0.02-SD shift is "significant" at 400k rows, and far under the floor.
    rng = np.random.default_rng(0)
    current = pd.concat([synthetic(rng), synthetic(rng), synthetic(rng), synthetic(rng)])
    current["x_normal"] += 0.02
    report = detect_drift(synthetic_baseline, current, segment_by=[])
    x = next(t for t in report.tests if t.name == "x_normal")
    assert x.p_adjusted < 0.05
    assert not x.drifted
    assert not report.drifted


def test_a_version_1_baseline_is_still_read(tmp_path: Path) -> None:
    rng = np.random.default_rng(2)
    sample = np.sort(rng.normal(0, 1, 5000))
    v1 = {
        "version": 1,
        "n_rows": 50_000,
        "numeric": {
            "x_normal": {"n": 50_000, "missing": 0, "mean": 0.0, "std": 1.0, "sample": list(sample)}
        },
        "categorical": {"colour": {"n": 50_000, "counts": {"a": 30_000, "b": 20_000}}},
    }
    (tmp_path / "b.json").write_text(json.dumps(v1))
    baseline = read_baseline(tmp_path / "b.json")
    assert baseline["upgraded_from"] == 1
    frame = pd.DataFrame(
        {"x_normal": rng.normal(0.5, 1, 5000), "colour": rng.choice(["a", "b"], 5000, p=[0.6, 0.4])}
    )
    assert detect_drift(baseline, frame).drifted_names == ["x_normal"]
    (tmp_path / "v9.json").write_text(json.dumps({**v1, "version": 9}))
    with pytest.raises(ValueError, match="version-9"):
        read_baseline(tmp_path / "v9.json")


# --- the card simulation with a trained model, laid out like the demo ---------------------------

TRAIN_DAYS, SHIFT_AFTER, DAYS = 60, 5, 70  # as in the demo
DEMO_REQUESTS = 3000


def _scored(frame: pd.DataFrame, model: Any) -> pd.DataFrame:
    return frame.assign(**{schema.SCORE: model.predict_proba(encode_frame(frame))[:, 1]})


@pytest.fixture(scope="module")
def demo_like() -> dict[str, Any]:
    """A champion trained on 60 days; 10 days of traffic, shifted after day 5, per scenario.

    Rows before the shift are identical in every scenario (the simulation draws the
    same random numbers whether or not drift is configured), so one model and one
    baseline serve them all.
    """
    start = pd.Timestamp("2025-01-01", tz="UTC")
    shift_start = start + timedelta(days=TRAIN_DAYS + SHIFT_AFTER)
    runs = {}
    for name, spec in (
        ("covariate", DriftSpec(covariate_shift=STATED_COVARIATE_SHIFT)),
        ("prior", DriftSpec(prior_shift=STATED_PRIOR_SHIFT)),
        ("concept", DriftSpec(concept_drift=STATED_CONCEPT_DRIFT)),
    ):
        spec = DriftSpec(**{**spec.__dict__, "start": shift_start.to_pydatetime()})
        runs[name] = generate(
            n_cards=1200, days=DAYS, seed=7, start=start, drift=spec, burn_in_days=300
        ).transactions_with_features
    data = runs["covariate"]
    cut = start + timedelta(days=TRAIN_DAYS)
    history = data[data[schema.EVENT_TIMESTAMP] < cut]
    split = len(history) * 3 // 4
    train, held_out = history.iloc[:split], history.iloc[split:]
    # The demo's model kind with 40 boosting rounds at a higher rate instead of 100:
    # the fit is most of this fixture's time, and the tests need a good, not the best, model.
    model = build_model("hist_gbt", 0, {"max_iter": 40, "learning_rate": 0.2})
    model.fit(encode_frame(train), train[schema.LABEL])
    baseline = compute_baseline(
        history,
        schema.NUMERIC_FEATURES,
        schema.CATEGORICAL_FEATURES,
        scores=model.predict_proba(encode_frame(held_out))[:, 1],
        labels=history[schema.LABEL].to_numpy(),
        score_frame=held_out,
        score_labels=held_out[schema.LABEL].to_numpy(),
    )
    windows = {}
    for name, frame in runs.items():
        traffic = _scored(frame[frame[schema.EVENT_TIMESTAMP] >= cut], model)
        # What the demo sends: 3,000 of the traffic's transactions, drawn the same way.
        rng = np.random.default_rng(7)
        sample = traffic.iloc[np.sort(rng.choice(len(traffic), size=DEMO_REQUESTS, replace=False))]
        after = sample[schema.EVENT_TIMESTAMP] >= shift_start
        full_after = traffic[schema.EVENT_TIMESTAMP] >= shift_start
        windows[name] = {
            "before": sample[~after],
            "after": sample[after],
            "full_before": traffic[~full_after],
            "full_after": traffic[full_after],
            "all": traffic,
        }
    return {"baseline": baseline, "windows": windows, "shift_start": shift_start}


def _estimates(report: Any) -> dict[str, Any]:
    return {p.metric: p for p in report.performance if p.segment == "all"}


def test_no_drift_before_the_shift(demo_like: dict[str, Any]) -> None:
    before = demo_like["windows"]["covariate"]["before"]
    report = detect_drift(demo_like["baseline"], before, label_column=schema.LABEL)
    assert not report.drifted, [t.explanation for t in report.tests if t.drifted]


@pytest.mark.parametrize(
    ("scenario", "expected"),
    [
        ("covariate", {"amount", "distance_from_home_km"}),
        ("prior", {"label_rate"}),
        ("concept", {"calibration"}),
    ],
)
def test_the_stated_shifts_are_flagged(
    demo_like: dict[str, Any], scenario: str, expected: set[str]
) -> None:
    after = demo_like["windows"][scenario]["after"]
    report = detect_drift(demo_like["baseline"], after, label_column=schema.LABEL)
    assert expected <= set(report.drifted_names), report.drifted_names


def test_the_estimate_moves_before_the_labels_and_matches_them_after(
    demo_like: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    """The demo's shift (a covariate shift; the demo injects no concept shift).

    Direction: computed without any label, the estimate moves the way the realised
    value does, on the whole traffic (some 6,000 predictions a side, where the realised
    change is larger than its noise). Interval: at the demo's 3,000 requests, the
    realised value lands inside the estimate's interval. (On the whole traffic the
    recall estimate overshoots, see the printed figures: the shift moves traffic to
    where the model's calibration is less good, which no label-free interval sees.)
    """
    baseline, w = demo_like["baseline"], demo_like["windows"]["covariate"]
    lines = []
    for size, (b, a) in (("full", ("full_before", "full_after")), ("demo", ("before", "after"))):
        blind = {
            k: _estimates(detect_drift(baseline, w[k].drop(columns=[schema.LABEL]))) for k in (b, a)
        }
        assert all(math.isnan(p.realised) for p in blind[a].values())  # no labels yet
        known = {
            k: _estimates(detect_drift(baseline, w[k], label_column=schema.LABEL)) for k in (b, a)
        }
        for metric in ("precision", "recall", "positive_rate"):
            moved = blind[a][metric].estimate - blind[b][metric].estimate
            realised = known[a][metric].realised - known[b][metric].realised
            after = known[a][metric]
            lines.append(
                f"{size} {metric}: estimate {blind[b][metric].estimate:.3f} -> "
                f"{blind[a][metric].estimate:.3f} [{after.lower:.3f}, {after.upper:.3f}], "
                f"realised {known[b][metric].realised:.3f} -> {after.realised:.3f}"
            )
            if size == "full" and metric != "precision":  # precision barely moves here
                assert np.sign(moved) == np.sign(realised), lines[-1]
                assert abs(moved) > 0.02, lines[-1]
            if size == "demo":
                assert after.within_interval, lines[-1]
    with capsys.disabled():
        print("\n[estimation, covariate shift]\n  " + "\n  ".join(lines))


def test_concept_drift_is_invisible_to_the_estimate_and_caught_by_the_labels(
    demo_like: dict[str, Any],
) -> None:
    """P(fraud | features) changes, the features do not: the label-free estimate cannot
    move (NannyML documents the same limit of CBPE); once the labels arrive the realised
    precision leaves the interval and the calibration test flags it."""
    baseline, w = demo_like["baseline"], demo_like["windows"]["concept"]
    blind = detect_drift(baseline, w["full_before"].drop(columns=[schema.LABEL]))
    before = _estimates(blind)
    report = detect_drift(baseline, w["full_after"], label_column=schema.LABEL)
    after = _estimates(report)
    assert abs(after["precision"].estimate - before["precision"].estimate) < 0.03
    assert after["precision"].realised > after["precision"].upper
    assert after["precision"].within_interval is False
    assert "calibration" in report.drifted_names


def test_the_timeline_compares_each_day_with_its_labels(demo_like: dict[str, Any]) -> None:
    w = demo_like["windows"]["covariate"]["all"]
    points = performance_timeline(
        demo_like["baseline"], w, schema.EVENT_TIMESTAMP, "1D", "is_fraud"
    )
    recall = [p for p in points if p.metric == "recall"]
    assert len(recall) == DAYS - TRAIN_DAYS
    shift = demo_like["shift_start"]
    early = np.mean([p.estimate for p in recall if pd.Timestamp(p.start) < shift])
    late = np.mean([p.estimate for p in recall if pd.Timestamp(p.start) >= shift])
    assert late > early + 0.05
    assert all(np.isfinite(p.realised) for p in recall)


# --- reports -----------------------------------------------------------------------------------


def test_reports_are_written(demo_like: dict[str, Any], tmp_path: Path) -> None:
    baseline, w = demo_like["baseline"], demo_like["windows"]["covariate"]
    report = detect_drift(baseline, w["after"], label_column=schema.LABEL)
    doc = json.loads(write_json(report, tmp_path / "d.json").read_text())
    assert doc["drifted"]
    assert "amount" in doc["drifted_tests"]
    assert doc["drifted_segment_tests"]
    assert all(t["explanation"] for t in doc["tests"])
    context = ReportContext(
        window_start="2025-03-07",
        window_end="2025-03-11",
        model_version="3",
        baseline="MLflow card-fraud@champion",
        baseline_rows=baseline["n_rows"],
        decision_threshold=baseline["performance"]["threshold"],
    )
    timeline = performance_timeline(baseline, w["all"], schema.EVENT_TIMESTAMP, "1D", "is_fraud")
    page = write_html(
        report, tmp_path / "d.html", context=context, timeline=timeline, png_dir=tmp_path / "png"
    ).read_text()
    assert "DRIFT DETECTED" in page
    for needed in ("2025-03-07", "version 3", "MLflow card-fraud@champion", "false-discovery"):
        assert needed in page
    assert "clears its floor" in page  # verdicts in words
    pngs = {p.name for p in (tmp_path / "png").iterdir()}
    assert {"segment-heatmap.png", "estimate-vs-realised.png", "distributions.png"} <= pngs
    assert page.count("<img") == len(pngs)
    prom = write_prometheus(report, tmp_path / "d.prom").read_text()
    assert "smp_drift_overall 1.0" in prom
    assert 'smp_drift_detected{test="amount"} 1.0' in prom
    assert 'smp_drift_segment_detected{segment="channel=online",test="amount"} 1.0' in prom


def test_every_exported_metric_is_in_the_registry(
    demo_like: dict[str, Any], tmp_path: Path
) -> None:
    from prometheus_client.parser import text_string_to_metric_families

    from workloads.monitoring.stream import StreamMetrics

    report = detect_drift(
        demo_like["baseline"], demo_like["windows"]["covariate"]["after"], label_column="is_fraud"
    )
    text = write_prometheus(report, tmp_path / "d.prom").read_text()
    families = {f.name: f for f in text_string_to_metric_families(text)}
    batch = {m.name.removesuffix("_total"): m for m in mn.BATCH_METRICS}
    assert set(families) == set(batch)
    for name, family in families.items():
        for sample in family.samples:
            assert set(sample.labels) == set(batch[name].labels), name
    stream = {m.name for m in StreamMetrics().registry.collect()}
    assert stream == {m.name.removesuffix("_total") for m in mn.STREAM_METRICS}
    assert len(mn.METRICS) == len(mn.BATCH_METRICS) + len(mn.STREAM_METRICS)


def test_drift_cli_exits_1_on_drift_and_2_on_bad_input(
    demo_like: dict[str, Any], tmp_path: Path
) -> None:
    from workloads.monitoring.__main__ import main
    from workloads.serving.prediction_log import PredictionLog

    write_baseline(demo_like["baseline"], tmp_path / "baseline.json")
    log = PredictionLog(str(tmp_path / "log"))
    window = demo_like["windows"]["covariate"]["after"]
    records = window[[*schema.MODEL_FEATURES, schema.SCORE]].assign(
        prediction_id=[f"p{i}" for i in range(len(window))],
        variant="champion",
        model_version="3",
        ts=window[schema.EVENT_TIMESTAMP].astype("int64") / 1e9,
    )
    log.append_many("predictions", records.to_dict("records"))
    log.close()
    # The argv the cluster runs, from the one builder.
    argv = commands.drift(
        log_uri=str(tmp_path / "log"),
        out=str(tmp_path / "out"),
        model_name="card-fraud",
        baseline=str(tmp_path / "baseline.json"),
        numeric_floor=0.12,
        floors={"amount": 0.2},
        segment_by=["channel"],
    )
    assert argv[:4] == ["python", "-m", "workloads.monitoring", "drift"]
    assert main(argv[3:]) == 1
    page = (tmp_path / "out" / "drift.html").read_text()
    assert "card-fraud version 3" in page
    assert "amount=0.2" in page
    doc = json.loads((tmp_path / "out" / "drift.json").read_text())
    assert doc["floors"]["numeric"] == 0.12
    assert doc["segments"] == ["all", "channel=pos", "channel=online", "channel=atm"]
    assert next(t for t in doc["tests"] if t["name"] == "amount")["distance_floor"] == 0.2
    args = ["drift", "--log-uri", str(tmp_path / "log"), "--out", str(tmp_path / "out")]
    baseline = ["--baseline", str(tmp_path / "baseline.json")]
    assert main([*args, "--baseline", str(tmp_path / "missing.json")]) == 2
    assert main([*args, *baseline, "--floor", "amount"]) == 2
    assert main([*args, *baseline, "--segment-by", "no_such_column"]) == 2


# --- A/B ---------------------------------------------------------------------------------------


def _ab_log(
    seed: int, challenger_noise: float, n: int = 10_000
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Predictions whose quality is known: scores are the true probability plus logit noise."""
    rng = np.random.default_rng(seed)
    logit_p = rng.normal(-2.5, 1.2, n)
    labels = rng.random(n) < 1 / (1 + np.exp(-logit_p))
    variant = np.where(rng.random(n) < 0.5, "challenger", "champion")
    noise = np.where(variant == "challenger", challenger_noise, 1.2)
    scores = 1 / (1 + np.exp(-(logit_p + rng.normal(0, 1, n) * noise)))
    ids = [f"p{i}" for i in range(n)]
    predictions = pd.DataFrame(
        {
            "prediction_id": ids,
            "variant": variant,
            "model_version": np.where(variant == "champion", "1", "2"),
            schema.SCORE: scores,
        }
    )
    outcomes = pd.DataFrame({"prediction_id": ids, "label": labels.astype(int), "ts": 0.0})
    return predictions, outcomes


@pytest.mark.parametrize(
    ("challenger_noise", "expected"),
    [(0.1, PROMOTE), (1.2, KEEP), (2.4, ROLL_BACK)],
    ids=["better", "same", "worse"],
)
def test_ab_verdicts_on_known_effects(challenger_noise: float, expected: str) -> None:
    verdicts = [
        analyse(join_outcomes(*_ab_log(s, challenger_noise))).recommendation for s in range(10)
    ]
    # "same": at alpha=0.05 at most one false call in 10 seeds is allowed.
    assert verdicts.count(expected) >= (9 if expected == KEEP else 10), verdicts


def test_ab_needs_enough_outcomes() -> None:
    predictions, outcomes = _ab_log(0, 0.2, n=100)
    result = analyse(join_outcomes(predictions, outcomes))
    assert result.recommendation == KEEP
    assert "too few" in result.reason


def test_ab_html_report(tmp_path: Path) -> None:
    result = analyse(join_outcomes(*_ab_log(1, 0.1)))
    page = write_ab_html(result, tmp_path / "ab.html", png_dir=tmp_path / "png").read_text()
    assert "promote" in page
    assert "Welch" in page
    assert f"{result.champion.n:,}" in page
    assert f"{result.challenger.n:,}" in page
    assert (tmp_path / "png" / "ab-log-loss.png").exists()
