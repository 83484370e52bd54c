"""Drift monitoring: the CronJob's command and exit handling, the Pushgateway, alerts, dashboards.

The component runs under the mock engine on its own (a small program with a fake
`CloudPlatform`), so these tests do not depend on how in_cluster.py wires it. Metric
names in rules and dashboards are checked against what the workloads really export:
the serving registry is built and exercised, `write_prometheus` runs on a small report.
PromQL is parsed with Prometheus' own grammar (promql-parser, tests/support/promql.py):
argument types of the functions used, label matchers and durations.
"""

from __future__ import annotations

import ast
import copy
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pulumi
import pytest

from components.azure import in_cluster_facts as azure_facts
from components.azure.in_cluster_facts import AZURE_CLIENT_ID_ANNOTATION
from components.interface import CloudPlatform
from components.k8s import cron_schedule, ml_alerts
from components.k8s import drift_monitoring as dm
from components.k8s.monitoring import MONITORING_NAMESPACE, RELEASE_LABEL
from components.k8s.namespaces import PLATFORM_NAMESPACES, PUSHGATEWAY_PORT, STREAM_MONITOR_PORT
from components.k8s.registry import TRACKING_URI, mlflow_client_env
from components.k8s.workload_pod import CA_MOUNT, ca_volume
from platform_spec import DriftDetection, StreamingDrift
from policies.catalogue import all_rules
from smp.gate import evaluate_plan
from smp.offline import Plan, plan_program
from tests.support.paths import REPO
from tests.support.plans import objects
from tests.support.plans import one_object as one
from tests.support.promql import PromQLError, parse_promql
from workloads.contract import commands
from workloads.contract import monitor_metrics as mm
from workloads.contract import monitoring as monitor_facts

MODEL = "card-fraud"
SCHEDULE = "0 * * * *"
PSI = 0.2
DIGEST = "sha256:" + "ab" * 32
LOG_URI = "s3://smp-uae-prod-prediction-logs-1a2b3c/"
REGISTRIES = {
    "aws": "123456789012.dkr.ecr.me-central-1.amazonaws.com",
    "azure": "smpuaenprod.azurecr.io",
}
CLIENT_ID = "00000000-0000-4000-8000-00000000d71f"
# Labels Prometheus adds to every scraped series (target labels; `le` of histogram buckets).
TARGET_LABELS = {"job", "instance", "namespace", "pod", "service", "endpoint", "container"}
# What the Pushgateway itself exposes per push group (not the workload's registry).
PUSHGATEWAY_METRICS = {
    "push_time_seconds": {"job", "instance"},
    "push_failure_time_seconds": {"job", "instance"},
}


# --- the component under the mock engine ------------------------------------------------------


def fake_cloud(kind: str) -> CloudPlatform:
    """A cloud layer's outputs, as the in-cluster layer receives them."""
    out = pulumi.Output.from_input
    registry = REGISTRIES[kind]
    return CloudPlatform(
        cloud=kind,
        region="me-central-1" if kind == "aws" else "uaenorth",
        cluster_name=out("smp"),
        cluster_endpoint=out("https://k8s.internal"),
        kubeconfig=out("{}"),
        oidc_issuer=out("https://oidc.internal"),
        storage_uris={
            "prediction-logs": out(LOG_URI),
            "artifacts": out("s3://art/"),
            "offline-store": out("s3://off/"),
        },
        registry_url=out(registry),
        database_endpoint=out("db.internal:5432"),
        redis_endpoint=out("redis.internal:6379"),
        workload_identities={"drift-monitor": out(CLIENT_ID)},
        image_repositories={"drift-monitor": out(f"{registry}/smp/drift-monitor")},
        # How each cloud binds a service account to its identity (the cloud layers' facts).
        **(
            {
                "service_account_annotations": azure_facts.service_account_annotations(
                    {"drift-monitor": out(CLIENT_ID)}
                ),
                "pod_labels": {azure_facts.AZURE_USE_LABEL: "true"},
            }
            if kind == "azure"
            else {}
        ),
    )


def plan_drift(
    kind: str, schedule: str = SCHEDULE, detection: DriftDetection | None = None
) -> Plan:
    def program() -> None:
        dm.DriftMonitoring(
            "drift",
            dm.DriftMonitoringArgs(
                fake_cloud(kind),
                DIGEST,
                model_name=MODEL,
                schedule=schedule,
                psi_threshold=PSI,
                detection=detection or DriftDetection(),
            ),
        )

    return plan_program(program, stack=f"drift-{kind}")


# A stack that sets every knob of platform.monitoring.drift, and turns streaming off.
CUSTOM = DriftDetection.model_validate(
    {
        "numericFloor": 0.15,
        "categoricalFloor": 0.08,
        "rateFloor": 0.3,
        "floors": {"amount": 0.25, "channel": 0.02},
        "segments": ["card_tier"],
        "estimateAlertDrop": 0.1,
        "stream": {"enabled": False},
    }
)


@pytest.fixture(scope="module")
def aws_plan() -> Plan:
    return plan_drift("aws")


@pytest.fixture(scope="module")
def azure_plan() -> Plan:
    return plan_drift("azure")


def release(plan: Plan) -> dict[str, Any]:
    releases = [r.inputs for r in plan.of_type("kubernetes:helm.sh/v3:Release")]
    assert len(releases) == 1
    return releases[0]


def job_spec(plan: Plan) -> dict[str, Any]:
    return one(plan, "CronJob", dm.CRONJOB)["spec"]["jobTemplate"]["spec"]


def container(plan: Plan) -> dict[str, Any]:
    (only,) = job_spec(plan)["template"]["spec"]["containers"]
    return only


# --- PromQL, as Prometheus parses it (tests/support/promql.py) ----------------------------------


@pytest.mark.parametrize(
    "bad",
    [
        "sum(rate(x_total[5m])",  # unbalanced
        "rate(x_total)",  # rate of an instant vector
        "histogram_quantile(x_bucket, 0.99)",  # arguments swapped
        "frobnicate(x)",  # unknown function
        "x{a=b}",  # matcher value not a string
        'x{a=~"("}',  # bad regex
        "x[5m] + 1",  # arithmetic on a range vector
        "1 > 2",  # scalar comparison without bool
        "sum by (le (x)",
        "x and 1",
        "time() -",
    ],
)
def test_the_promql_checker_rejects_invalid_expressions(bad: str) -> None:
    with pytest.raises(PromQLError):
        parse_promql(bad)


def test_the_promql_checker_reads_metrics_and_labels() -> None:
    parsed = parse_promql(
        "histogram_quantile(0.99, sum by (le, variant) "
        '(rate(a_bucket{x="1", y!~"p|q"}[5m]))) > 0.5 '
        "and on (variant) max without (pod) (b) ^ 2 ^ 3"
    )
    assert parsed.type == "vector"
    assert parsed.metrics == {"a_bucket", "b"}
    assert parsed.grouping == {"le", "variant", "pod"}
    assert dict(parsed.selectors)["a_bucket"] == {"x": ("=", "1"), "y": ("!~", "p|q")}
    assert parse_promql("1 > bool 2").type == "scalar"


# --- what the workloads export --------------------------------------------------------------


@dataclass
class Exported:
    """Series names the workloads expose, each with its label names."""

    labels: dict[str, set[str]]
    push_jobs: list[tuple[str, str]]  # (gateway, job) of each push


def _drift_report(drifted: bool) -> Any:
    from workloads.monitoring.drift import DriftReport, DriftTest
    from workloads.monitoring.performance import PerformanceEstimate

    tests = [
        DriftTest(
            name="amount",
            kind="numeric",
            test="ks",
            statistic=0.3,
            p_value=0.001,
            effect=0.35 if drifted else 0.01,
            effect_name="psi",
            effect_floor=0.1,
            n_reference=500,
            n_current=400,
            p_adjusted=0.002,
            drifted=drifted,
        ),
        DriftTest(
            name="label_rate",
            kind="rate",
            test="binomial",
            statistic=1.0,
            p_value=0.5,
            effect=0.05,
            effect_name="relative change",
            effect_floor=0.25,
            n_reference=500,
            n_current=400,
            p_adjusted=0.5,
        ),
    ]
    estimate = PerformanceEstimate(
        segment="all",
        metric="precision",
        estimate=0.2,
        lower=0.15,
        upper=0.25,
        n=400,
        reference=0.35,
        drop_detected=drifted,
    )
    return DriftReport(
        tests=tests,
        alpha=0.05,
        psi_floor=0.1,
        n_current=400,
        drifted=drifted,
        performance=[estimate],
    )


def _families(text: str) -> dict[str, set[str]]:
    from prometheus_client.parser import text_string_to_metric_families

    out: dict[str, set[str]] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out.setdefault(sample.name, set()).update(sample.labels)
    return out


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Exported:
    import prometheus_client
    from prometheus_client import generate_latest

    from workloads.monitoring.report import write_prometheus
    from workloads.serving.metrics import ServingMetrics

    serving = ServingMetrics.create()
    # Every family once, so that labelled families have samples to read names from.
    serving.latency.labels("champion").observe(0.01)
    serving.requests.labels("champion").inc()
    serving.errors.labels("internal").inc()
    serving.feature_fetch.observe(0.002)
    serving.scores.labels("champion").observe(0.3)
    serving.batch_size.observe(4)
    serving.model_info.labels("champion", "3").set(1)
    names = _families(generate_latest(serving.registry).decode())
    families = {m.name for m in serving.registry.collect()}
    assert len(families) == len(ServingMetrics.__dataclass_fields__) - 1  # all but registry

    pushes: list[tuple[str, str]] = []
    original = prometheus_client.push_to_gateway
    prometheus_client.push_to_gateway = lambda gateway, job, registry, **_: pushes.append(
        (gateway, job)
    )
    try:
        path = write_prometheus(
            _drift_report(True), tmp_path_factory.mktemp("prom") / "d.prom", dm.PUSHGATEWAY_ADDRESS
        )
    finally:
        prometheus_client.push_to_gateway = original
    for name, labels in _families(path.read_text()).items():
        names.setdefault(name, set()).update(labels)
    # The streaming monitor's own registry, every family once. Unlabelled families expose
    # their sample untouched; labelled ones get a child with a label value no test uses,
    # left at zero. (Once feast.metrics is imported, prometheus_client runs in multiprocess
    # mode and same-named series share their value within the process: a count added here
    # would show in the next monitor a test builds.)
    from workloads.monitoring.stream import StreamMetrics

    stream = StreamMetrics()
    for spec in mm.STREAM_METRICS:
        if spec.labels:
            series = stream[spec].labels(*["unused-by-tests"] * len(spec.labels))
            kind = {"counter": "inc", "gauge": "set", "histogram": "observe"}[spec.kind]
            getattr(series, kind)(0)
    for name, labels in _families(generate_latest(stream.registry).decode()).items():
        names.setdefault(name, set()).update(labels)
    return Exported(names, pushes)


def _alert_rules(plan: Plan) -> list[dict[str, Any]]:
    rules = one(plan, "PrometheusRule", ml_alerts.RULES_NAME)
    return [r for group in rules["spec"]["groups"] for r in group["rules"]]


def _dashboards(plan: Plan) -> dict[str, dict[str, Any]]:
    boards = {}
    for cm in objects(plan, "ConfigMap"):
        if cm["metadata"].get("labels", {}).get("grafana_dashboard") == "1":
            (text,) = cm["data"].values()
            board = json.loads(text)
            boards[board["title"]] = board
    return boards


def _expressions(plan: Plan) -> Iterator[tuple[str, str]]:
    for rule in _alert_rules(plan):
        yield f"alert {rule['alert']}", rule["expr"]
    for title, board in _dashboards(plan).items():
        for panel in board["panels"]:
            for target in panel["targets"]:
                yield f"{title}/{panel['title']}", target["expr"]


# --- the CronJob ------------------------------------------------------------------------------


def test_the_cronjob_runs_the_entrypoint_builder_with_the_log_uri_from_env(aws_plan: Plan) -> None:
    chart = release(aws_plan)["values"]
    address = (
        f"{chart['fullnameOverride']}.{release(aws_plan)['namespace']}.svc:"
        f"{int(chart['service']['port'])}"
    )  # numbers are floats under mocks
    c = container(aws_plan)
    assert c["command"] == commands.drift(
        log_uri="$(SMP_PREDICTION_LOG_URI)",
        out="/tmp/drift",
        model_name=MODEL,
        tracking_uri=TRACKING_URI,
        pushgateway=address,
        psi_floor=PSI,
        numeric_floor=monitor_facts.DEFAULT_NUMERIC_FLOOR,
        categorical_floor=monitor_facts.DEFAULT_CATEGORICAL_FLOOR,
        rate_floor=monitor_facts.DEFAULT_RATE_FLOOR,
        floors={},
        segment_by=list(monitor_facts.DEFAULT_SEGMENTS),
        max_drop=monitor_facts.DEFAULT_MAX_DROP,
    )
    assert c["command"][c["command"].index("--psi-floor") + 1] == str(PSI)
    env = {e["name"]: e for e in c["env"]}
    # Kubernetes expands `$(VAR)` only for variables the container defines.
    for ref in re.findall(r"\$\((\w+)\)", " ".join(c["command"])):
        assert ref in env, f"$({ref}) is not defined in the container's env"
    assert env["SMP_PREDICTION_LOG_URI"]["value"] == LOG_URI
    for wanted in mlflow_client_env():
        assert env[wanted["name"]] == wanted
    assert "value" not in env["MLFLOW_TRACKING_PASSWORD"]  # from the Secret only
    assert CA_MOUNT in c["volumeMounts"]
    spec = job_spec(aws_plan)["template"]["spec"]
    assert ca_volume(MONITORING_NAMESPACE) in spec["volumes"]
    assert c["image"] == f"{REGISTRIES['aws']}/smp/drift-monitor@{DIGEST}"


def test_the_cli_accepts_the_command_and_pushes_where_the_chart_listens(
    aws_plan: Plan, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import prometheus_client

    from workloads.monitoring import __main__ as cli
    from workloads.monitoring import drift

    command = container(aws_plan)["command"]
    assert command[:3] == ["python", "-m", "workloads.monitoring"]
    argv = [str(tmp_path) if a == "/tmp/drift" else a for a in command[3:]]
    pushes: list[tuple[str, str]] = []
    monkeypatch.setattr(
        prometheus_client,
        "push_to_gateway",
        lambda gateway, job, registry, **_: pushes.append((gateway, job)),
    )
    monkeypatch.setattr(
        cli,
        "_load_baseline",
        lambda args: {"model": args.model_name, "tracking": args.tracking_uri},
    )
    monkeypatch.setattr(cli, "current_window", lambda uri: uri)
    for drifted, code in ((True, dm.DRIFT_EXIT_DRIFT), (False, 0)):
        monkeypatch.setattr(drift, "detect_drift", lambda *a, _d=drifted, **k: _drift_report(_d))
        assert cli.main(argv) == code
    # Metrics are pushed before the exit code says drift: the alert never needs the Job.
    values = release(aws_plan)["values"]
    gateway = f"{values['fullnameOverride']}.{MONITORING_NAMESPACE}.svc:{PUSHGATEWAY_PORT}"
    assert pushes == [(gateway, ml_alerts.PUSH_JOB)] * 2

    def no_predictions(uri: str) -> Any:
        raise ValueError(f"no predictions in {uri}")

    monkeypatch.setattr(cli, "current_window", no_predictions)
    assert cli.main(argv) == dm.DRIFT_EXIT_BAD_INPUT


def _decision(
    policy: dict[str, Any],
    container_name: str,
    exit_code: int | None,
    conditions: tuple[str, ...] = (),
) -> str:
    """What the Job controller does with a failed pod, per the podFailurePolicy rules."""
    for rule in policy["rules"]:
        codes = rule.get("onExitCodes")
        if (
            codes is not None
            and exit_code is not None
            and codes.get("containerName", container_name) == container_name
        ):
            inside = exit_code in codes["values"]
            if inside == (codes["operator"] == "In"):
                return rule["action"]
        for condition in rule.get("onPodConditions", []):
            if condition["type"] in conditions and condition["status"] == "True":
                return rule["action"]
    return "Count"


def test_drift_found_fails_the_run_once_and_is_never_retried(aws_plan: Plan) -> None:
    cron = one(aws_plan, "CronJob", dm.CRONJOB)["spec"]
    job = job_spec(aws_plan)
    name = container(aws_plan)["name"]
    policy = job["podFailurePolicy"]
    # podFailurePolicy requires restartPolicy Never (and so there is no CrashLoopBackOff).
    assert job["template"]["spec"]["restartPolicy"] == "Never"
    assert _decision(policy, name, 1) == "FailJob"  # drift: the verdict, not a fault
    assert _decision(policy, name, 2) == "FailJob"  # bad input: a retry cannot fix it
    assert _decision(policy, name, 137) == "Count"  # OOM kill: retried up to backoffLimit
    assert _decision(policy, name, None, ("DisruptionTarget",)) == "Ignore"  # eviction
    assert all(r["action"] != "Ignore" or "onExitCodes" not in r for r in policy["rules"])
    assert 0 < job["backoffLimit"] <= 3
    assert cron["concurrencyPolicy"] == "Forbid"
    assert cron["successfulJobsHistoryLimit"] >= 1
    assert cron["failedJobsHistoryLimit"] >= 1
    # A run ends before the next one is due (hourly here).
    assert 0 < job["activeDeadlineSeconds"] < cron_schedule.schedule_period_seconds(SCHEDULE)
    assert cron["schedule"] == SCHEDULE


def test_the_drift_monitor_runs_as_its_own_identity(aws_plan: Plan, azure_plan: Plan) -> None:
    for plan, kind in ((aws_plan, "aws"), (azure_plan, "azure")):
        cron = one(plan, "CronJob", dm.CRONJOB)
        assert cron["metadata"]["namespace"] == MONITORING_NAMESPACE
        account = one(plan, "ServiceAccount", "drift-monitor")
        assert account["metadata"]["namespace"] == MONITORING_NAMESPACE
        pod = cron["spec"]["jobTemplate"]["spec"]["template"]
        assert pod["spec"]["serviceAccountName"] == "drift-monitor"
        annotations = account["metadata"].get("annotations", {})
        if kind == "azure":
            assert annotations == {AZURE_CLIENT_ID_ANNOTATION: CLIENT_ID}
            assert pod["metadata"]["labels"]["azure.workload.identity/use"] == "true"
        else:
            assert annotations == {}


def test_the_pod_passes_the_kubernetes_policies(aws_plan: Plan) -> None:
    rules = [r for r in all_rules() if r.meta.id.startswith("K8S-")]
    assert evaluate_plan(aws_plan, rules) == []
    # The same rules do see this CronJob: weakening it is reported.
    weakened = copy.deepcopy(aws_plan)
    cron = next(r for r in weakened.resources if r.inputs.get("kind") == "CronJob")
    c = cron.inputs["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]
    c["securityContext"]["readOnlyRootFilesystem"] = False
    c["image"] = f"{REGISTRIES['aws']}/smp/drift-monitor:latest"
    del c["resources"]["limits"]
    found = {v.rule_id for v in evaluate_plan(weakened, rules)}
    assert {"K8S-001", "K8S-003", "K8S-005"} <= found


# --- the Pushgateway ----------------------------------------------------------------------------


def test_the_pushgateway_is_pinned_mirrored_restricted_and_scraped(aws_plan: Plan) -> None:
    r = release(aws_plan)
    values = r["values"]
    assert (r["chart"], r["version"], r["repositoryOpts"]["repo"]) == dm.PUSHGATEWAY_CHART
    assert r["chart"] == "prometheus-pushgateway"
    assert re.fullmatch(r"\d+\.\d+\.\d+", r["version"])
    assert r["namespace"] == MONITORING_NAMESPACE
    assert r["atomic"] is True
    assert values["fullnameOverride"] == dm.PUSHGATEWAY_SERVICE
    assert values["service"]["port"] == PUSHGATEWAY_PORT
    assert values["image"]["repository"].startswith(f"{REGISTRIES['aws']}/mirror/")
    assert re.fullmatch(r"v\d+\.\d+\.\d+", values["image"]["tag"])
    assert values["persistentVolume"]["enabled"] is False
    monitor = values["serviceMonitor"]
    assert monitor["enabled"] is True
    assert monitor["honorLabels"] is True
    assert monitor["additionalLabels"] == RELEASE_LABEL == {"release": "kube-prometheus-stack"}
    pod, box = values["securityContext"], values["containerSecurityContext"]
    assert pod["runAsNonRoot"] is True
    assert pod["seccompProfile"]["type"] == "RuntimeDefault"
    assert box["allowPrivilegeEscalation"] is False
    assert box["readOnlyRootFilesystem"] is True
    assert box["capabilities"]["drop"] == ["ALL"]
    for kind in ("requests", "limits"):
        assert set(values["resources"][kind]) == {"cpu", "memory"}
    # The CronJob reaches it: the monitoring namespace lets monitoring in and out on its port.
    (ns,) = [n for n in PLATFORM_NAMESPACES if n.name == MONITORING_NAMESPACE]
    assert (MONITORING_NAMESPACE, PUSHGATEWAY_PORT) in ns.ingress_from
    assert (MONITORING_NAMESPACE, PUSHGATEWAY_PORT) in ns.egress_to
    command = container(aws_plan)["command"]
    address = command[command.index("--pushgateway") + 1]
    assert address == (
        f"{values['fullnameOverride']}.{r['namespace']}.svc:{int(values['service']['port'])}"
    )


# --- alerts and dashboards ----------------------------------------------------------------------


def test_every_expression_parses(aws_plan: Plan) -> None:
    exprs = list(_expressions(aws_plan))
    assert len(exprs) >= 15
    for where, expr in exprs:
        try:
            parsed = parse_promql(expr)
        except PromQLError as exc:
            raise AssertionError(f"{where}: {expr!r}: {exc}") from None
        assert parsed.type in ("vector", "scalar"), where
        assert parsed.metrics, f"{where} reads no metric"


def test_every_metric_and_label_used_is_one_the_workloads_export(
    aws_plan: Plan, exported: Exported
) -> None:
    known = {**exported.labels, **PUSHGATEWAY_METRICS}
    used: set[str] = set()
    for where, expr in _expressions(aws_plan):
        parsed = parse_promql(expr)
        labels: set[str] = set()
        for name, matchers in parsed.selectors:
            assert name in known, f"{where}: {name} is not exported by the workloads"
            used.add(name)
            labels |= known[name]
            unknown = set(matchers) - known[name] - TARGET_LABELS
            assert not unknown, f"{where}: {name} has no label {unknown}"
            if "job" in matchers:  # pushed series keep the pushed job label (honorLabels)
                assert matchers["job"] == ("=", exported.push_jobs[0][1]), where
        unknown = parsed.grouping - labels - TARGET_LABELS
        assert not unknown, f"{where}: grouping by {unknown}, which its metrics do not carry"
    # Every family the dashboards promise is shown somewhere.
    for needed in (
        "smp_prediction_requests_total",
        "smp_prediction_latency_seconds_bucket",
        "smp_prediction_errors_total",
        "smp_prediction_score_bucket",
        "smp_feature_fetch_latency_seconds_bucket",
        "smp_drift_effect",
        "smp_drift_p_value_adjusted",
        "smp_drift_overall",
        "smp_drift_current_rows",
        "push_time_seconds",
    ):
        assert needed in used, needed


def test_label_values_the_rules_rely_on_match_the_workloads() -> None:
    # Server-side error reasons are exactly those answered with a 5xx: the scoring
    # failures every protocol shares (workloads/serving/components.py) ...
    from workloads.serving.components import FAILURES, failure_of
    from workloads.serving.scoring import UnknownEntity

    status = {reason: code for reason, code, _ in FAILURES.values()}
    for exc in (RuntimeError("unexpected"), UnknownEntity(1)):
        failure = failure_of(exc, 1)
        status[failure.reason] = failure.status
    # ... and the client's mistakes each endpoint counts itself (4xx in the app).
    app = (REPO / "workloads/serving/app.py").read_text()
    for match in re.finditer(r'errors\.labels\("(\w+)"\)', app):
        code = re.search(r"(?:HTTP_|status_code=)(\d{3})", app[match.end() :])
        assert code is not None
        status[match.group(1)] = int(code.group(1))
    assert set(ml_alerts.SERVER_ERROR_REASONS) == {r for r, c in status.items() if c >= 500}
    assert {r for r, c in status.items() if c < 500} >= {
        "unauthorized",
        "invalid_request",
        "unknown_card",
        "unknown_prediction",
    }
    # Tests whose effect is not a PSI: every DriftTest built with another effect name.
    tree = ast.parse((REPO / "workloads/monitoring/drift.py").read_text())
    rate_tests = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "DriftTest":
            kw = {k.arg: k.value for k in node.keywords}
            effect = kw["effect_name"]
            assert isinstance(effect, ast.Constant)
            if effect.value != "psi":
                assert isinstance(kw["name"], ast.Constant)
                rate_tests.add(kw["name"].value)
    assert set(ml_alerts.RATE_TESTS) == rate_tests
    from workloads.monitoring.drift import DEFAULT_ALPHA
    from workloads.serving.ab_assignment import CHALLENGER, CHAMPION

    assert ml_alerts.DRIFT_ALPHA == DEFAULT_ALPHA
    assert {CHAMPION, CHALLENGER} == {"champion", "challenger"}  # the `variant` values


def test_the_push_job_is_the_one_the_monitor_pushes_under(exported: Exported) -> None:
    assert exported.push_jobs == [(dm.PUSHGATEWAY_ADDRESS, ml_alerts.PUSH_JOB)]


def _threshold(expr: str) -> float:
    match = re.search(r">\s*([0-9.]+)\s*$", expr)
    assert match is not None, expr
    return float(match.group(1))


def test_the_alerts_are_complete_and_use_the_stack_thresholds(aws_plan: Plan) -> None:
    rules = one(aws_plan, "PrometheusRule", ml_alerts.RULES_NAME)
    assert rules["metadata"]["namespace"] == MONITORING_NAMESPACE
    assert rules["metadata"]["labels"] == RELEASE_LABEL
    alerts = {r["alert"]: r for r in _alert_rules(aws_plan)}
    assert {
        "ServingLatencyP99High",
        "ServingErrorRateHigh",
        "ModelDriftDetected",
        "FeatureDriftAboveThreshold",
        "DriftMonitorStale",
    } <= set(alerts)
    for name, rule in alerts.items():
        assert re.fullmatch(r"(\d+[smhd])+", rule["for"]), name
        assert rule["labels"]["severity"] in ("info", "warning", "critical"), name
        notes = rule["annotations"]
        assert notes["summary"], name
        assert notes["description"], name
        assert re.fullmatch(r"docs/[\w/.-]+\.md#[a-z0-9]+", notes["runbook_url"]), name
    assert _threshold(alerts["FeatureDriftAboveThreshold"]["expr"]) == PSI
    stale = alerts["DriftMonitorStale"]["expr"]
    assert "time() - " in stale
    assert "push_time_seconds" in stale
    assert _threshold(stale) == 2 * 3600  # two hourly periods
    latency = parse_promql(alerts["ServingLatencyP99High"]["expr"])
    assert latency.metrics == {"smp_prediction_latency_seconds_bucket"}
    assert "histogram_quantile(0.99," in alerts["ServingLatencyP99High"]["expr"]
    errors = parse_promql(alerts["ServingErrorRateHigh"]["expr"])
    assert errors.metrics == {"smp_prediction_errors_total", "smp_prediction_requests_total"}
    assert parse_promql(alerts["ModelDriftDetected"]["expr"]).metrics == {"smp_drift_overall"}


def test_the_stale_threshold_follows_the_schedule() -> None:
    daily = plan_drift("aws", schedule="30 2 * * *")
    alerts = {r["alert"]: r for r in _alert_rules(daily)}
    assert _threshold(alerts["DriftMonitorStale"]["expr"]) == 2 * 86400
    assert alerts["DriftMonitorMetricsAbsent"]["for"] == "48h"
    assert job_spec(daily)["activeDeadlineSeconds"] <= 3600


@pytest.mark.parametrize(
    ("schedule", "hours"),
    [
        ("0 * * * *", 1),
        ("*/15 * * * *", 0.25),
        ("5,35 * * * *", 0.5),
        ("0 3 * * *", 24),
        ("0 0 * * 1", 168),
        ("0 9-17 * * mon-fri", 64),
        ("0 0 1 * *", 31 * 24),
        ("0 0 29 2 *", 4 * 365 * 24 + 24),
        ("0 6 1-7 * 1", 168),
    ],
)
def test_schedule_period(schedule: str, hours: float) -> None:
    assert cron_schedule.schedule_period_seconds(schedule) == hours * 3600


@pytest.mark.parametrize("bad", ["0 * * *", "61 * * * *", "0 0 30 2 *", "0 */0 * * *"])
def test_schedule_period_refuses_bad_schedules(bad: str) -> None:
    with pytest.raises(ValueError, match="cron"):
        cron_schedule.schedule_period_seconds(bad)


def test_the_dashboards_are_valid_with_unique_panel_ids(aws_plan: Plan) -> None:
    boards = _dashboards(aws_plan)
    assert set(boards) == {"ML serving", "Drift"}
    for cm in objects(aws_plan, "ConfigMap"):
        assert cm["metadata"]["namespace"] == MONITORING_NAMESPACE
    uids = [b["uid"] for b in boards.values()]
    assert len(set(uids)) == len(uids)
    for title, board in boards.items():
        ids = [p["id"] for p in board["panels"]]
        assert len(ids) == len(set(ids)), f"{title}: duplicate panel ids {ids}"
        cells: set[tuple[int, int]] = set()
        for panel in board["panels"]:
            grid = panel["gridPos"]
            assert grid["x"] >= 0, (title, panel["title"])
            assert grid["x"] + grid["w"] <= 24, (title, panel["title"])
            area = set(
                itertools.product(
                    range(grid["x"], grid["x"] + grid["w"]), range(grid["y"], grid["y"] + grid["h"])
                )
            )
            assert not cells & area, f"{title}: {panel['title']} overlaps another panel"
            cells |= area
            refs = [t["refId"] for t in panel["targets"]]
            assert panel["targets"]
            assert len(refs) == len(set(refs))
            assert panel["datasource"]["type"] == "prometheus"
    psi = next(p for p in boards["Drift"]["panels"] if "PSI" in p["title"])
    steps = psi["fieldConfig"]["defaults"]["thresholds"]["steps"]
    assert [s["value"] for s in steps if s["value"] is not None] == [PSI]


def test_the_objects_validate_against_the_kubernetes_schemas(
    aws_plan: Plan, tmp_path: Path
) -> None:
    from smp.render import render_plan, validate_rendering

    rendering = render_plan(aws_plan, tmp_path / "drift")
    # The oldest minor the config allows: CronJob timeZone and podFailurePolicy are GA there.
    report = validate_rendering(rendering, "1.30")
    assert report.invalid == []
    kinds = {o.manifest["kind"] for o in rendering.objects if o.path in report.valid}
    assert kinds == {"CronJob", "ServiceAccount", "ConfigMap", "Deployment", "Service"}


# --- the stack's floors and segments; the streaming monitor ------------------------------------


@pytest.fixture(scope="module")
def custom_plan() -> Plan:
    return plan_drift("aws", detection=CUSTOM)


def _flag(command: list[str], flag: str) -> list[str]:
    return [command[i + 1] for i, a in enumerate(command) if a == flag]


def test_the_stack_floors_segments_and_drop_reach_the_cronjob(custom_plan: Plan) -> None:
    command = container(custom_plan)["command"]
    assert _flag(command, "--numeric-floor") == ["0.15"]
    assert _flag(command, "--categorical-floor") == ["0.08"]
    assert _flag(command, "--rate-floor") == ["0.3"]
    assert _flag(command, "--floor") == ["amount=0.25", "channel=0.02"]
    assert _flag(command, "--segment-by") == ["card_tier"]
    assert _flag(command, "--max-drop") == ["0.1"]
    # ... and the monitor's CLI reads them back as the stack meant them.
    from workloads.monitoring import __main__ as cli

    seen: list[Any] = []
    original = cli.run_drift
    cli.run_drift = lambda args: seen.append(args) or 0  # type: ignore[assignment]
    try:
        assert cli.main(command[3:]) == 0
    finally:
        cli.run_drift = original
    floors = cli._floors(seen[0])
    assert (floors.numeric, floors.categorical, floors.rate) == (0.15, 0.08, 0.3)
    assert floors.per_test == {"amount": 0.25, "channel": 0.02}
    assert cli._segments(seen[0].segment_by) == ["card_tier"]
    assert seen[0].max_drop == 0.1


def test_no_segments_is_said_as_none() -> None:
    command = dm.drift_command(MODEL, PSI, DriftDetection.model_validate({"segments": []}))
    assert _flag(command, "--segment-by") == ["none"]


def test_streaming_off_deploys_no_monitor_and_no_stream_alerts(custom_plan: Plan) -> None:
    assert not [o for o in objects(custom_plan, "Deployment")]
    groups = one(custom_plan, "PrometheusRule", ml_alerts.RULES_NAME)["spec"]["groups"]
    assert "smp.drift-stream" not in {g["name"] for g in groups}


def stream_deployment(plan: Plan) -> dict[str, Any]:
    return one(plan, "Deployment", dm.STREAM_APP)


def test_the_streaming_monitor_runs_continuously_on_the_same_log_and_floors(
    aws_plan: Plan,
) -> None:
    deployment = stream_deployment(aws_plan)
    assert deployment["metadata"]["namespace"] == MONITORING_NAMESPACE
    spec = deployment["spec"]
    # One consumer of the log with its own checkpoint: never two at once.
    assert spec["replicas"] == 1
    assert spec["strategy"] == {"type": "Recreate"}
    pod = spec["template"]["spec"]
    (c,) = pod["containers"]
    defaults = DriftDetection()
    assert c["command"] == dm.stream_command(MODEL, defaults)
    stream = defaults.stream
    assert _flag(c["command"], "--sliding-seconds") == [str(stream.sliding_seconds)]
    assert _flag(c["command"], "--step-seconds") == [str(stream.step_seconds)]
    assert _flag(c["command"], "--min-samples") == [str(stream.min_samples)]
    assert _flag(c["command"], "--segment-by") == [",".join(monitor_facts.DEFAULT_SEGMENTS)]
    # The daily run and the stream decide with the same floors.
    cron = container(aws_plan)["command"]
    for flag in ("--numeric-floor", "--categorical-floor", "--rate-floor", "--max-drop"):
        assert _flag(c["command"], flag) == _flag(cron, flag), flag
    # The log it follows is the CronJob's, through the env it defines.
    env = {e["name"]: e for e in c["env"]}
    for ref in re.findall(r"\$\((\w+)\)", " ".join(c["command"])):
        assert ref in env, f"$({ref}) is not defined in the container's env"
    assert env["SMP_PREDICTION_LOG_URI"]["value"] == LOG_URI
    assert "value" not in env["MLFLOW_TRACKING_PASSWORD"]
    # It sees sealed segments only: its lateness covers the serving pods' rotation.
    lateness = float(_flag(c["command"], "--lateness-seconds")[0])
    assert lateness > monitor_facts.LOG_ROTATE_SECONDS
    # Its checkpoint and records live on the pod's writable emptyDir (read-only root).
    state = _flag(c["command"], "--state")[0]
    mounts = {m["mountPath"] for m in c["volumeMounts"]}
    assert any(state.startswith(m + "/") for m in mounts)
    assert c["securityContext"]["readOnlyRootFilesystem"] is True
    assert {p["containerPort"] for p in c["ports"]} == {STREAM_MONITOR_PORT}
    assert c["readinessProbe"]["httpGet"]["port"] == STREAM_MONITOR_PORT
    assert set(c["resources"]["requests"]) == set(c["resources"]["limits"]) == {"cpu", "memory"}
    # The drift monitor's identity: read-only on the log, no new cloud permissions.
    assert pod["serviceAccountName"] == "drift-monitor"
    assert pod["automountServiceAccountToken"] is False


def test_the_stream_cli_accepts_the_deployed_command(aws_plan: Plan) -> None:
    from workloads.monitoring import __main__ as cli

    (c,) = stream_deployment(aws_plan)["spec"]["template"]["spec"]["containers"]
    assert c["command"][:4] == ["python", "-m", "workloads.monitoring", "stream"]
    seen: list[Any] = []
    original = cli.run_stream
    cli.run_stream = lambda args: seen.append(args) or 0  # type: ignore[assignment]
    try:
        assert cli.main(c["command"][3:]) == 0
    finally:
        cli.run_stream = original
    args = seen[0]
    assert args.port == STREAM_MONITOR_PORT
    assert args.tracking_uri == TRACKING_URI
    assert (args.enter_after, args.exit_after) == (
        monitor_facts.DEFAULT_ENTER_AFTER,
        monitor_facts.DEFAULT_EXIT_AFTER,
    )


def test_prometheus_scrapes_the_streaming_monitor_through_an_open_flow(aws_plan: Plan) -> None:
    labels = stream_deployment(aws_plan)["spec"]["template"]["metadata"]["labels"]
    service = one(aws_plan, "Service", dm.STREAM_APP)
    assert service["spec"]["selector"].items() <= labels.items()
    (port,) = service["spec"]["ports"]
    assert port["targetPort"] == STREAM_MONITOR_PORT
    monitor = one(aws_plan, "ServiceMonitor", dm.STREAM_APP)
    assert monitor["metadata"]["labels"]["release"] == RELEASE_LABEL["release"]
    assert (
        monitor["spec"]["selector"]["matchLabels"].items() <= service["metadata"]["labels"].items()
    )
    (endpoint,) = monitor["spec"]["endpoints"]
    assert endpoint["port"] == port["name"]
    assert endpoint["path"] == "/metrics"
    # The monitoring namespace is default-deny: Prometheus may reach this port, and only
    # monitoring may (in and out); nothing else of the namespace's flows changed for it.
    (ns,) = [n for n in PLATFORM_NAMESPACES if n.name == MONITORING_NAMESPACE]
    assert (MONITORING_NAMESPACE, STREAM_MONITOR_PORT) in ns.ingress_from
    assert (MONITORING_NAMESPACE, STREAM_MONITOR_PORT) in ns.egress_to
    assert [s for s, p in ns.ingress_from if p == STREAM_MONITOR_PORT] == [MONITORING_NAMESPACE]
    assert STREAM_MONITOR_PORT not in ns.ingress_from_network


def test_stream_alerts_fire_on_episodes_not_windows(aws_plan: Plan) -> None:
    alerts = {r["alert"]: r for r in _alert_rules(aws_plan)}
    episode = alerts["StreamingDriftEpisode"]
    drop = alerts["StreamingPerformanceEstimateDrop"]
    for rule in (episode, drop):
        parsed = parse_promql(rule["expr"])
        # The episode gauge changes once per episode; the per-window verdict would not.
        assert parsed.metrics == {mm.STREAM_EPISODE_ACTIVE.name}
        assert parsed.grouping == {mm.TEST, mm.SEGMENT}
        assert rule["for"] == "1m"
        # A restart (or a missed scrape) inside an episode does not make it two alerts.
        assert rule["keep_firing_for"] == ml_alerts.EPISODE_GAP
    ((_, drift_matchers),) = parse_promql(episode["expr"]).selectors
    ((_, drop_matchers),) = parse_promql(drop["expr"]).selectors
    prefix = mm.PERFORMANCE_EPISODE_PREFIX
    assert drift_matchers["test"] == ("!~", f"{prefix}.+")
    assert drop_matchers["test"] == ("=~", f"{prefix}.+")
    for rule in alerts.values():
        assert mm.STREAM_WINDOW_DRIFTED.name not in rule["expr"]
    stale = alerts["StreamingDriftMonitorStale"]["expr"]
    assert _threshold(stale) == max(10 * DriftDetection().stream.step_seconds, 300)
    assert "ModelPerformanceEstimateDrop" in alerts  # the daily run's estimate, pushed


def test_the_stream_windows_in_the_alert_text_follow_the_stack() -> None:
    stream = StreamingDrift.model_validate(
        {"slidingSeconds": 120, "stepSeconds": 10, "enterAfter": 3}
    )
    group = ml_alerts.stream_rules(stream)
    (episode,) = [r for r in group["rules"] if r["alert"] == "StreamingDriftEpisode"]
    assert "3 consecutive 120s windows" in episode["annotations"]["description"]
    command = dm.stream_command(MODEL, DriftDetection(stream=stream))
    assert _flag(command, "--sliding-seconds") == ["120"]
    assert _flag(command, "--step-seconds") == ["10"]
    assert _flag(command, "--enter-after") == ["3"]
