"""The retraining pipeline as the plan holds it: one WorkflowTemplate whose DAG and argv
come from the workload contract, a mutex, the CronWorkflow of the stack's schedule, the
drift webhook EventSource and Sensor, and every Argo object valid for the pinned versions.

There is no Kubernetes API server (nor Argo) on development or CI machines: the objects
are checked against Argo's own schemas for the pinned versions (vendored in
smp/crd_schemas by scripts/vendor_argo_crd_schemas.py, without CEL rules) and against
the contract.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable

import pytest

from components.k8s.pipelines import ARGO_EVENTS_TAG, ARGO_WORKFLOWS_TAG, WORKFLOW_NAMESPACE
from components.k8s.retraining import MUTEX, PROMOTION_MARGIN, TEMPLATE, TOKEN_SECRET
from smp.offline import Plan
from smp.render import CRD_SCHEMAS, crd_schema_problem, manifest_of
from stacks.stack_files import load_stack_file
from tests.support.plans import objects, one_object
from workloads.contract import commands

PlanOf = Callable[[str], Plan]
STACKS = ("aws-uae-prod", "aws-uae-dev", "azure-uaenorth-prod", "azure-uaecentral-dr")
ARGO_KINDS = ("WorkflowTemplate", "CronWorkflow", "EventBus", "EventSource", "Sensor")


def test_the_vendored_schemas_are_those_of_the_pinned_versions() -> None:
    document = json.loads((CRD_SCHEMAS / "argoproj.io.json").read_text())
    assert f"argoproj/argo-workflows {ARGO_WORKFLOWS_TAG} (" in document["source"]
    assert f"argoproj/argo-events {ARGO_EVENTS_TAG} (" in document["source"]
    assert set(document["kinds"]) >= set(ARGO_KINDS)


@pytest.mark.parametrize("stack", STACKS)
def test_every_argo_object_validates_against_its_schema(plan_of: PlanOf, stack: str) -> None:
    plan = plan_of(stack)
    found = [r for r in plan.resources if r.type.startswith("kubernetes:argoproj.io/")]
    kinds = {r.inputs["kind"] for r in found}
    expected = set(ARGO_KINDS)
    if load_stack_file(stack).platform.pipelines.schedule is None:
        expected.discard("CronWorkflow")
    assert kinds == expected
    problems = {r.name: crd_schema_problem(manifest_of(r)) for r in found}
    assert {n: p for n, p in problems.items() if p is not None} == {}


def test_the_schemas_can_fail(plan_of: PlanOf) -> None:
    """The strict schemas refuse an unknown field and a wrong type where Argo would."""
    plan = plan_of("aws-uae-dev")
    template = manifest_of(
        next(r for r in plan.resources if r.inputs.get("kind") == "WorkflowTemplate")
    )
    bad = copy.deepcopy(template)
    bad["spec"]["synchronization"]["mutexs"] = [{"name": MUTEX}]
    assert "mutexs" in (crd_schema_problem(bad) or "")
    bad = copy.deepcopy(template)
    bad["spec"]["templates"][1]["container"]["resources"] = "lots"
    assert crd_schema_problem(bad) is not None
    source = manifest_of(next(r for r in plan.resources if r.inputs.get("kind") == "EventSource"))
    del source["spec"]["webhook"]["drift"]["url"]
    assert "'url' is a required property" in (crd_schema_problem(source) or "")


def _template(plan: Plan) -> dict:
    return one_object(plan, "WorkflowTemplate", TEMPLATE)


def test_the_dag_runs_the_steps_in_the_contracts_order(plan_of: PlanOf) -> None:
    spec = _template(plan_of("aws-uae-prod"))["spec"]
    main = next(t for t in spec["templates"] if t["name"] == spec["entrypoint"])
    tasks = {t["name"]: t for t in main["dag"]["tasks"]}
    order = [n for n in tasks if n != "serving-restart"]
    assert order == list(commands.RETRAINING_STEPS)
    assert tasks["train"]["depends"] == "materialize"
    assert tasks["register"]["depends"] == "train"
    # The A/B phase only for a challenger; the analysis skipped after live harm.
    assert "challenger}} == true" in tasks["ab-start"]["when"]
    assert "harm}} != true" in tasks["ab-analysis"]["when"]
    assert spec["synchronization"] == {"mutexes": [{"name": MUTEX}]}
    assert spec["onExit"] == "rollback-on-failure"


def test_every_step_runs_the_contracts_argv(plan_of: PlanOf) -> None:
    platform = load_stack_file("aws-uae-prod").platform
    spec = _template(plan_of("aws-uae-prod"))["spec"]
    containers = {t["name"]: t["container"] for t in spec["templates"] if "container" in t}
    train = containers["train"]["command"]
    assert train[:3] == ["python", "-m", commands.TRAINING_MODULE]
    assert train[-5:] == [
        "--margin",
        str(PROMOTION_MARGIN),
        "--register-only",
        "--summary-out",
        "/tmp/outputs/summary.json",
    ]
    wait = containers["ab-wait"]["command"]
    ab = platform.pipelines.ab
    assert wait == commands.retraining_ab_wait(
        prometheus_url=wait[wait.index("--prometheus-url") + 1],
        model_name=platform.serving.registered_model,
        min_outcomes=ab.min_outcomes,
        max_duration_seconds=ab.max_duration_hours * 3600,
        poll_seconds=ab.poll_seconds,
        max_error_ratio=platform.pipelines.rollback.max_server_error_ratio,
        max_p99_seconds=platform.pipelines.rollback.max_p99_latency_ms / 1000,
        out="/tmp/outputs/wait.json",
    )
    assert containers["ab-analysis"]["command"][:4] == [
        "python",
        "-m",
        "workloads.monitoring",
        "ab",
    ]
    for name in ("register", "decide", "record", "rollback"):
        assert containers[name]["command"][:3] == ["python", "-m", commands.PIPELINE_MODULE], name


def test_the_schedule_and_the_drift_trigger(plan_of: PlanOf) -> None:
    plan = plan_of("aws-uae-prod")
    cron = one_object(plan, "CronWorkflow", TEMPLATE)
    assert cron["spec"]["schedules"] == [
        load_stack_file("aws-uae-prod").platform.pipelines.schedule
    ]
    assert cron["spec"]["workflowSpec"]["workflowTemplateRef"] == {"name": TEMPLATE}
    assert cron["metadata"]["namespace"] == WORKFLOW_NAMESPACE
    (source,) = objects(plan, "EventSource")
    assert source["spec"]["webhook"]["drift"]["authSecret"]["name"] == TOKEN_SECRET
    (sensor,) = objects(plan, "Sensor")
    (trigger,) = sensor["spec"]["triggers"]
    submitted = trigger["template"]["argoWorkflow"]["source"]["resource"]
    assert submitted["spec"]["workflowTemplateRef"] == {"name": TEMPLATE}
    assert trigger["rateLimit"] == {"unit": "Minute", "requestsPerUnit": 1}
    (route,) = objects(plan, "AlertmanagerConfig")
    (receiver,) = route["spec"]["receivers"]
    assert receiver["webhookConfigs"][0]["url"].endswith(":12000/drift")
    assert (
        receiver["webhookConfigs"][0]["httpConfig"]["authorization"]["credentials"]["name"]
        == TOKEN_SECRET
    )
