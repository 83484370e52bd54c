"""The retraining pipeline as one WorkflowTemplate, and its three triggers.

The DAG (`workloads.contract.commands.RETRAINING_STEPS`): materialize features → train
(point-in-time training set, fit, evaluate against the champion on the held-out window
with the promotion margin, register the version) → register (the `challenger` alias, only
for a version that beat the champion) → ab-start (serving restarts and loads the
challenger at the stack's challenger share) → ab-wait (enough labelled outcomes, the time
limit, or live harm: the challenger's server-error ratio or p99 latency above the SLO) →
ab-analysis (skipped after harm) → decide (promote: alias swap; keep; roll back: the
challenger alias removed) → serving restarts on the decision → record (the decision, the
workflow run, the trigger and the drift report on the model version). Every container's
argv comes from `workloads.contract.commands`.

- One run at a time: a `synchronization` mutex; a second trigger waits, and the Sensor
  submits nothing while a run is active (debounced by the mutex and the Sensor's rate).
- A failed step never leaves a challenger serving: the exit handler rolls back whenever
  the workflow did not succeed (a failure before `register` has moved no alias).
- Triggers: the drift alert (Alertmanager → the webhook EventSource, bearer token → the
  Sensor, which submits the template with the alert's drift report), the stack's schedule
  (a CronWorkflow, `platform.pipelines.schedule`) and on demand:
  `argo submit -n training --from workflowtemplate/retraining -p trigger=manual`, or
  `kubectl create -n training -f -` of a Workflow with
  `spec.workflowTemplateRef.name: retraining`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_kubernetes as k8s
import pulumi_random as random

from components.k8s.monitoring import MONITORING_NAMESPACE
from components.k8s.namespaces import DRIFT_WEBHOOK_PORT
from components.k8s.pipelines import (
    ARGO_API,
    EXECUTOR_SERVICE_ACCOUNT,
    JETSTREAM_VERSION,
    PIPELINES_NAMESPACE,
    POD_SECURITY,
    WORKFLOW_NAMESPACE,
)
from components.k8s.registry import TRACKING_URI
from components.k8s.serving import SERVICE as SERVING_DEPLOYMENT
from components.k8s.workload_pod import Container, Resources
from platform_spec import PlatformConfig
from workloads.contract import commands

TEMPLATE = "retraining"
MUTEX = "retraining"
EVENT_SOURCE = "drift-alerts"
WEBHOOK = "drift"
WEBHOOK_PATH = "/drift"
SENSOR = "retraining-on-drift"
SENSOR_ACCOUNT = "retraining-sensor"
TOKEN_SECRET = "drift-webhook-token"  # noqa: S105 - the name of a Secret
EVENTBUS = "default"
SERVING_NAMESPACE = "serving"
PROMETHEUS_URL = "http://kube-prometheus-stack-prometheus.monitoring:9090"
OUT = "/tmp/outputs"  # noqa: S108 - the steps' emptyDir, passed on as output parameters
# The drift alerts that start a retraining (components/k8s/ml_alerts.py).
DRIFT_ALERTS = ("ModelDriftDetected", "StreamingDriftEpisode")
STEP_RESOURCES = Resources("250m", "512Mi", "1", "1Gi")
# The promotion margin the training module already uses (its --margin default).
PROMOTION_MARGIN = 0.005


def _output(name: str, file: str) -> dict[str, Any]:
    return {"name": name, "valueFrom": {"path": f"{OUT}/{file}", "default": ""}}


@dataclass(frozen=True)
class RetrainingPipelineArgs:
    """The stack's config and what the training workload's pods carry (image, env, mounts)."""

    platform: PlatformConfig
    training_image: pulumi.Input[str]
    training_env: Sequence[dict[str, Any]]
    training_volumes: Sequence[dict[str, Any]]
    training_mounts: Sequence[dict[str, Any]]
    training_resources: Resources
    prediction_log_uri: pulumi.Input[str]
    after: Sequence[pulumi.Resource] = ()


def _container(
    args: RetrainingPipelineArgs, name: str, argv: list[str], resources: Resources
) -> dict[str, Any]:
    """A step's container: the training image, env and mounts, restricted, with limits."""
    container = Container(
        name,
        args.training_image,
        argv,
        resources,
        env=[
            *args.training_env,
            {"name": "SMP_WORKFLOW", "value": "{{workflow.name}}"},
            {"name": "SMP_PREDICTION_LOG_URI", "value": args.prediction_log_uri},
        ],
        mounts=[*args.training_mounts, {"name": "outputs", "mountPath": OUT}],
    ).spec()
    container["imagePullPolicy"] = "IfNotPresent"
    return container


def _restart_serving(name: str) -> dict[str, Any]:
    """A resource template: roll the serving Deployment so it loads the current aliases."""
    patch = (
        '{"spec":{"template":{"metadata":{"annotations":'
        '{"smp.io/aliases-changed":"{{workflow.name}}-' + name + '"}}}}}'
    )
    return {
        "name": name,
        "resource": {
            "action": "patch",
            "mergeStrategy": "merge",
            "manifest": (
                "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
                f"  name: {SERVING_DEPLOYMENT}\n  namespace: {SERVING_NAMESPACE}\n"
            ),
            "flags": ["--patch", patch],
        },
    }


def workflow_spec(args: RetrainingPipelineArgs) -> dict[str, Any]:
    """The retraining WorkflowTemplate's spec."""
    p = args.platform
    pipelines, model = p.pipelines, p.serving.registered_model
    from components.k8s.training import training_args

    train_kwargs = training_args(p)
    step = STEP_RESOURCES
    templates = [
        {
            "name": "materialize",
            "container": _container(
                args,
                "materialize",
                commands.materialize(
                    store_yaml="/etc/feast/feature_store.yaml",
                    repo_dir=train_kwargs["feature_repo"],
                    source_uri="$(SMP_TRANSACTIONS_URI)",
                ),
                args.training_resources,
            ),
        },
        {
            "name": "train",
            "container": _container(
                args,
                "train",
                commands.retraining_train(
                    out=f"{OUT}/summary.json", margin=PROMOTION_MARGIN, **train_kwargs
                ),
                args.training_resources,
            ),
            "outputs": {"parameters": [_output("summary", "summary.json")]},
        },
        {
            "name": "register",
            "inputs": {"parameters": [{"name": "summary"}]},
            "container": _container(
                args,
                "register",
                commands.retraining_register(
                    tracking_uri=TRACKING_URI,
                    model_name=model,
                    summary="{{inputs.parameters.summary}}",
                    out=f"{OUT}/challenger",
                ),
                step,
            ),
            "outputs": {"parameters": [_output("challenger", "challenger")]},
        },
        _restart_serving("ab-start"),
        {
            "name": "ab-wait",
            "activeDeadlineSeconds": pipelines.ab.max_duration_hours * 3600 + 600,
            "container": _container(
                args,
                "ab-wait",
                commands.retraining_ab_wait(
                    prometheus_url=PROMETHEUS_URL,
                    model_name=model,
                    min_outcomes=pipelines.ab.min_outcomes,
                    max_duration_seconds=pipelines.ab.max_duration_hours * 3600,
                    poll_seconds=pipelines.ab.poll_seconds,
                    max_error_ratio=pipelines.rollback.max_server_error_ratio,
                    max_p99_seconds=pipelines.rollback.max_p99_latency_ms / 1000,
                    out=f"{OUT}/wait.json",
                ),
                step,
            ),
            "outputs": {"parameters": [_output("wait", "wait.json"), _output("harm", "harm")]},
        },
        {
            "name": "ab-analysis",
            "container": _container(
                args,
                "ab-analysis",
                commands.ab_analysis(log_uri="$(SMP_PREDICTION_LOG_URI)", out=OUT),
                step,
            ),
            "outputs": {"parameters": [_output("analysis", "ab.json")]},
        },
        {
            "name": "decide",
            "inputs": {"parameters": [{"name": "wait"}, {"name": "analysis"}]},
            "container": _container(
                args,
                "decide",
                commands.retraining_decide(
                    tracking_uri=TRACKING_URI,
                    model_name=model,
                    wait="{{inputs.parameters.wait}}",
                    analysis="{{inputs.parameters.analysis}}",
                    out=f"{OUT}/decision.json",
                ),
                step,
            ),
            "outputs": {"parameters": [_output("decision", "decision.json")]},
        },
        _restart_serving("serving-restart"),
        {
            "name": "record",
            "inputs": {"parameters": [{"name": "summary"}, {"name": "decision"}]},
            "container": _container(
                args,
                "record",
                commands.retraining_record(
                    tracking_uri=TRACKING_URI,
                    model_name=model,
                    summary="{{inputs.parameters.summary}}",
                    decision="{{inputs.parameters.decision}}",
                    workflow="{{workflow.name}}",
                    trigger="{{workflow.parameters.trigger}}",
                    drift_report="{{workflow.parameters.drift-report}}",
                ),
                step,
            ),
        },
        {
            # Whatever failed, no challenger keeps serving: the alias goes, serving rolls.
            "name": "rollback-on-failure",
            "steps": [
                [
                    {
                        "name": "rollback",
                        "template": "rollback",
                        "when": "{{workflow.status}} != Succeeded",
                    }
                ],
                [
                    {
                        "name": "restart",
                        "template": "serving-restart",
                        "when": "{{workflow.status}} != Succeeded",
                    }
                ],
            ],
        },
        {
            "name": "rollback",
            "container": _container(
                args,
                "rollback",
                commands.retraining_decide(
                    tracking_uri=TRACKING_URI,
                    model_name=model,
                    wait="failed",
                    analysis=None,
                    out=f"{OUT}/decision.json",
                ),
                step,
            ),
        },
    ]
    challenger = "{{tasks.register.outputs.parameters.challenger}} == true"
    dag = [
        {"name": "materialize", "template": "materialize"},
        {"name": "train", "template": "train", "depends": "materialize"},
        {
            "name": "register",
            "template": "register",
            "depends": "train",
            "arguments": {
                "parameters": [
                    {"name": "summary", "value": "{{tasks.train.outputs.parameters.summary}}"}
                ]
            },
        },
        {"name": "ab-start", "template": "ab-start", "depends": "register", "when": challenger},
        {"name": "ab-wait", "template": "ab-wait", "depends": "ab-start", "when": challenger},
        {
            "name": "ab-analysis",
            "template": "ab-analysis",
            "depends": "ab-wait",
            "when": f"{challenger} && {{{{tasks.ab-wait.outputs.parameters.harm}}}} != true",
        },
        {
            "name": "decide",
            "template": "decide",
            "depends": "(ab-analysis.Succeeded || ab-analysis.Skipped) && "
            "(ab-wait.Succeeded || ab-wait.Skipped)",
            "arguments": {
                "parameters": [
                    {
                        "name": "wait",
                        "value": "{{=tasks['ab-wait'].status == 'Skipped' ? 'not-run' : "
                        "tasks['ab-wait'].outputs.parameters.wait}}",
                    },
                    {
                        "name": "analysis",
                        "value": "{{=tasks['ab-analysis'].status == 'Skipped' ? '' : "
                        "tasks['ab-analysis'].outputs.parameters.analysis}}",
                    },
                ]
            },
        },
        {
            "name": "serving-restart",
            "template": "serving-restart",
            "depends": "decide",
            "when": challenger,
        },
        {
            "name": "record",
            "template": "record",
            "depends": "serving-restart.Succeeded || serving-restart.Skipped",
            "arguments": {
                "parameters": [
                    {"name": "summary", "value": "{{tasks.train.outputs.parameters.summary}}"},
                    {
                        "name": "decision",
                        "value": "{{tasks.decide.outputs.parameters.decision}}",
                    },
                ]
            },
        },
    ]
    templates.insert(0, {"name": "main", "dag": {"tasks": dag}})
    return {
        "entrypoint": "main",
        "onExit": "rollback-on-failure",
        "synchronization": {"mutexes": [{"name": MUTEX}]},
        "serviceAccountName": "training",
        "automountServiceAccountToken": False,
        "executor": {"serviceAccountName": EXECUTOR_SERVICE_ACCOUNT},
        "securityContext": dict(POD_SECURITY),
        "activeDeadlineSeconds": pipelines.max_run_hours * 3600,
        "podGC": {"strategy": "OnPodCompletion"},
        "ttlStrategy": {"secondsAfterCompletion": 7 * 86400},
        "arguments": {
            "parameters": [
                {"name": "trigger", "value": "manual", "enum": ["manual", "schedule", "drift"]},
                {"name": "drift-report", "value": ""},
            ]
        },
        "volumes": [*args.training_volumes, {"name": "outputs", "emptyDir": {"sizeLimit": "64Mi"}}],
        "templates": templates,
    }


class RetrainingPipeline(pulumi.ComponentResource):
    """The retraining WorkflowTemplate, its CronWorkflow, the drift webhook and its Sensor."""

    def __init__(
        self, name: str, args: RetrainingPipelineArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__("smp:k8s:RetrainingPipeline", name, None, opts)
        p = args.platform
        child = pulumi.ResourceOptions(parent=self, depends_on=list(args.after))
        labels = {"app.kubernetes.io/part-of": "smp-retraining"}
        self.template = k8s.apiextensions.CustomResource(
            f"{name}-template",
            api_version=ARGO_API,
            kind="WorkflowTemplate",
            metadata={"name": TEMPLATE, "namespace": WORKFLOW_NAMESPACE, "labels": labels},
            spec=workflow_spec(args),
            opts=child,
        )
        after_template = pulumi.ResourceOptions(parent=self, depends_on=[self.template])
        if p.pipelines.schedule is not None:
            k8s.apiextensions.CustomResource(
                f"{name}-schedule",
                api_version=ARGO_API,
                kind="CronWorkflow",
                metadata={"name": TEMPLATE, "namespace": WORKFLOW_NAMESPACE, "labels": labels},
                spec={
                    "schedules": [p.pipelines.schedule],
                    "timezone": "Asia/Dubai",
                    # The mutex queues a scheduled run behind a drift-triggered one.
                    "concurrencyPolicy": "Forbid",
                    "startingDeadlineSeconds": 3600,
                    "successfulJobsHistoryLimit": 3,
                    "failedJobsHistoryLimit": 3,
                    "workflowSpec": {
                        "workflowTemplateRef": {"name": TEMPLATE},
                        "arguments": {"parameters": [{"name": "trigger", "value": "schedule"}]},
                    },
                },
                opts=after_template,
            )
        self._drift_trigger(name, labels, after_template)
        # The executor restarts serving on alias changes: one Deployment, patch only.
        meta = {"namespace": SERVING_NAMESPACE, "labels": labels}
        role = k8s.rbac.v1.Role(
            f"{name}-serving-restart",
            metadata={**meta, "name": "retraining-serving-restart"},
            rules=[
                {
                    "apiGroups": ["apps"],
                    "resources": ["deployments"],
                    "resourceNames": [SERVING_DEPLOYMENT],
                    "verbs": ["get", "patch"],
                }
            ],
            opts=child,
        )
        k8s.rbac.v1.RoleBinding(
            f"{name}-serving-restart",
            metadata={**meta, "name": "retraining-serving-restart"},
            role_ref={
                "apiGroup": "rbac.authorization.k8s.io",
                "kind": "Role",
                "name": "retraining-serving-restart",
            },
            subjects=[
                {
                    "kind": "ServiceAccount",
                    "name": EXECUTOR_SERVICE_ACCOUNT,
                    "namespace": WORKFLOW_NAMESPACE,
                }
            ],
            opts=pulumi.ResourceOptions(parent=self, depends_on=[role]),
        )
        self.register_outputs({})

    def _drift_trigger(
        self, name: str, labels: dict[str, str], opts: pulumi.ResourceOptions
    ) -> None:
        """Alertmanager → webhook EventSource (bearer token) → Sensor → a Workflow."""
        token = random.RandomPassword(f"{name}-webhook-token", length=40, special=False, opts=opts)
        for namespace in (PIPELINES_NAMESPACE, MONITORING_NAMESPACE):
            k8s.core.v1.Secret(
                f"{name}-webhook-token-{namespace}",
                metadata={"name": TOKEN_SECRET, "namespace": namespace, "labels": labels},
                type="Opaque",
                string_data={"token": token.result},
                opts=opts,
            )
        meta = {"namespace": PIPELINES_NAMESPACE, "labels": labels}
        bus = k8s.apiextensions.CustomResource(
            f"{name}-eventbus",
            api_version=ARGO_API,
            kind="EventBus",
            metadata={**meta, "name": EVENTBUS},
            spec={
                "jetstream": {
                    "version": JETSTREAM_VERSION,
                    "replicas": 3,
                    "securityContext": dict(POD_SECURITY),
                    "containerTemplate": {"resources": STEP_RESOURCES.spec()},
                }
            },
            opts=opts,
        )
        after_bus = pulumi.ResourceOptions(parent=self, depends_on=[bus])
        k8s.apiextensions.CustomResource(
            f"{name}-eventsource",
            api_version=ARGO_API,
            kind="EventSource",
            metadata={**meta, "name": EVENT_SOURCE},
            spec={
                "eventBusName": EVENTBUS,
                "service": {
                    "ports": [{"port": DRIFT_WEBHOOK_PORT, "targetPort": DRIFT_WEBHOOK_PORT}]
                },
                "template": {
                    "securityContext": dict(POD_SECURITY),
                    "container": {"resources": STEP_RESOURCES.spec()},
                },
                "webhook": {
                    WEBHOOK: {
                        "port": str(DRIFT_WEBHOOK_PORT),
                        "endpoint": WEBHOOK_PATH,
                        "url": f"http://{EVENT_SOURCE}-eventsource-svc.{PIPELINES_NAMESPACE}"
                        f":{DRIFT_WEBHOOK_PORT}",
                        "method": "POST",
                        "authSecret": {"name": TOKEN_SECRET, "key": "token"},
                    }
                },
            },
            opts=after_bus,
        )
        account = k8s.core.v1.ServiceAccount(
            f"{name}-sensor",
            metadata={**meta, "name": SENSOR_ACCOUNT},
            opts=opts,
        )
        # The Sensor may submit Workflows in the workflow namespace, and nothing else.
        role = k8s.rbac.v1.Role(
            f"{name}-sensor",
            metadata={"namespace": WORKFLOW_NAMESPACE, "labels": labels, "name": SENSOR_ACCOUNT},
            rules=[{"apiGroups": ["argoproj.io"], "resources": ["workflows"], "verbs": ["create"]}],
            opts=opts,
        )
        k8s.rbac.v1.RoleBinding(
            f"{name}-sensor",
            metadata={"namespace": WORKFLOW_NAMESPACE, "labels": labels, "name": SENSOR_ACCOUNT},
            role_ref={
                "apiGroup": "rbac.authorization.k8s.io",
                "kind": "Role",
                "name": SENSOR_ACCOUNT,
            },
            subjects=[
                {"kind": "ServiceAccount", "name": SENSOR_ACCOUNT, "namespace": PIPELINES_NAMESPACE}
            ],
            opts=pulumi.ResourceOptions(parent=self, depends_on=[account, role]),
        )
        workflow = {
            "apiVersion": ARGO_API,
            "kind": "Workflow",
            "metadata": {"generateName": "retraining-drift-", "namespace": WORKFLOW_NAMESPACE},
            "spec": {
                "workflowTemplateRef": {"name": TEMPLATE},
                "arguments": {
                    "parameters": [
                        {"name": "trigger", "value": "drift"},
                        {"name": "drift-report", "value": ""},
                    ]
                },
            },
        }
        k8s.apiextensions.CustomResource(
            f"{name}-sensor",
            api_version=ARGO_API,
            kind="Sensor",
            metadata={**meta, "name": SENSOR},
            spec={
                "eventBusName": EVENTBUS,
                "template": {
                    "serviceAccountName": SENSOR_ACCOUNT,
                    "securityContext": dict(POD_SECURITY),
                    "container": {"resources": STEP_RESOURCES.spec()},
                },
                "dependencies": [
                    {
                        "name": "drift-alert",
                        "eventSourceName": EVENT_SOURCE,
                        "eventName": WEBHOOK,
                        # Firing alerts only; a resolved notification starts nothing.
                        "filters": {
                            "data": [{"path": "body.status", "type": "string", "value": ["firing"]}]
                        },
                    }
                ],
                "triggers": [
                    {
                        "template": {
                            "name": "submit-retraining",
                            "argoWorkflow": {
                                "operation": "submit",
                                "source": {"resource": workflow},
                                "parameters": [
                                    {
                                        "src": {
                                            "dependencyName": "drift-alert",
                                            "dataKey": "body.commonAnnotations.report",
                                            "value": "",
                                        },
                                        "dest": "spec.arguments.parameters.1.value",
                                    }
                                ],
                            },
                        },
                        # Debounced: at most one submission per ten minutes; one that
                        # comes during a run waits on the template's mutex.
                        "rateLimit": {"unit": "Minute", "requestsPerUnit": 1},
                        "atLeastOnce": True,
                    }
                ],
            },
            opts=after_bus,
        )
        # Alertmanager sends the drift alerts to the webhook with the token.
        k8s.apiextensions.CustomResource(
            f"{name}-alert-route",
            api_version="monitoring.coreos.com/v1alpha1",
            kind="AlertmanagerConfig",
            metadata={
                "name": "retraining",
                "namespace": MONITORING_NAMESPACE,
                "labels": {**labels, "smp.io/alertmanager": "retraining"},
            },
            spec={
                "route": {
                    "receiver": "retraining-webhook",
                    "matchers": [
                        {
                            "name": "alertname",
                            "matchType": "=~",
                            "value": "|".join(DRIFT_ALERTS),
                        }
                    ],
                    "groupWait": "1m",
                    "groupInterval": "10m",
                    "repeatInterval": "12h",
                },
                "receivers": [
                    {
                        "name": "retraining-webhook",
                        "webhookConfigs": [
                            {
                                "url": f"http://{EVENT_SOURCE}-eventsource-svc."
                                f"{PIPELINES_NAMESPACE}:{DRIFT_WEBHOOK_PORT}{WEBHOOK_PATH}",
                                "sendResolved": False,
                                "httpConfig": {
                                    "authorization": {
                                        "type": "Bearer",
                                        "credentials": {"name": TOKEN_SECRET, "key": "token"},
                                    }
                                },
                            }
                        ],
                    }
                ],
            },
            opts=opts,
        )
