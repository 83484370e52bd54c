"""Kueue in every stack: the pinned chart, flavors per GPU family, a ClusterQueue per team
with the stack's quotas, LocalQueues in `training`, and the training Jobs submitted there.

There is no Kubernetes API server (nor a Kueue controller) on development or CI
machines: the objects are checked against Kueue's own CRD schemas for the pinned
version (vendored in smp/crd_schemas, without their CEL rules) and against the config.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable

import pytest
import yaml

from components.k8s.queues import (
    CPU_FLAVOR,
    GPU_RESOURCE,
    KUEUE_API,
    KUEUE_CHART,
    KUEUE_KINDS,
    QUEUE_NAME_LABEL,
)
from components.k8s.training import DISTRIBUTED_JOB, JOB
from platform_spec.gpus import GPU_FAMILY_LABEL, flavor_name
from smp.offline import Plan
from smp.render import CRD_SCHEMAS, crd_schema_problem, manifest_of
from stacks.stack_files import load_stack_file
from tests.support.plans import helm_releases, objects, one_object

PlanOf = Callable[[str], Plan]


def _kueue_objects(plan: Plan) -> list[dict]:
    return [o for kind in KUEUE_KINDS for o in objects(plan, kind)]


def test_the_vendored_crd_schemas_are_those_of_the_pinned_chart() -> None:
    document = json.loads((CRD_SCHEMAS / "kueue.x-k8s.io.json").read_text())
    _, version, _ = KUEUE_CHART
    assert document["source"].startswith(f"kubernetes-sigs/kueue v{version} (")
    assert set(document["kinds"]) == set(KUEUE_KINDS)
    assert all(KUEUE_API.split("/")[1] in k["versions"] for k in document["kinds"].values())


@pytest.mark.parametrize("stack", ["aws-uae-prod", "azure-uaenorth-prod"])
def test_kueue_objects_validate_against_kueues_crd_schemas(plan_of: PlanOf, stack: str) -> None:
    """As `smp render` writes them (tests/components/k8s/test_in_cluster.py runs the whole
    rendering of every stack through `validate_rendering`, which uses the same schemas)."""
    manifests = [
        manifest_of(r)
        for r in plan_of(stack).resources
        if r.type.startswith("kubernetes:") and r.inputs.get("apiVersion") == KUEUE_API
    ]
    assert {m["kind"] for m in manifests} == set(KUEUE_KINDS)
    problems = {(m["kind"], m["metadata"]["name"]): crd_schema_problem(m) for m in manifests}
    assert problems == dict.fromkeys(problems)


def test_the_crd_schemas_refuse_what_kueue_would(plan_of: PlanOf) -> None:
    queue = copy.deepcopy(one_object(plan_of("aws-uae-prod"), "ClusterQueue", "fraud-ml"))
    assert crd_schema_problem(queue) is None
    typo = copy.deepcopy(queue)
    typo["spec"]["cohort"] = typo["spec"].pop("cohortName")
    assert "'cohort' was unexpected" in str(crd_schema_problem(typo))
    quantity = copy.deepcopy(queue)
    quantity["spec"]["resourceGroups"][0]["flavors"][0]["resources"][1]["nominalQuota"] = "lots"
    assert "nominalQuota: 'lots' does not match" in str(crd_schema_problem(quantity))
    strategy = copy.deepcopy(queue)
    strategy["spec"]["queueingStrategy"] = "Random"
    assert "queueingStrategy: 'Random' is not one of" in str(crd_schema_problem(strategy))


@pytest.mark.parametrize("stack", ["aws-uae-prod", "aws-uae-dev", "azure-uaenorth-prod"])
def test_cluster_queues_carry_the_stack_configs_quotas(plan_of: PlanOf, stack: str) -> None:
    platform = load_stack_file(stack).platform
    assert platform.queues is not None
    plan = plan_of(stack)
    queues = {q["metadata"]["name"]: q["spec"] for q in objects(plan, "ClusterQueue")}
    assert set(queues) == set(platform.queues.teams)
    for team, config in platform.queues.teams.items():
        spec = queues[team]
        assert spec["cohortName"] == "smp-teams"
        assert spec["namespaceSelector"] == {
            "matchLabels": {"kubernetes.io/metadata.name": "training"}
        }
        cpu_group, *gpu_groups = spec["resourceGroups"]
        assert cpu_group["coveredResources"] == ["cpu", "memory"]
        [cpu_flavor] = cpu_group["flavors"]
        assert cpu_flavor["name"] == CPU_FLAVOR
        cpu, memory = cpu_flavor["resources"]
        assert (cpu["nominalQuota"], cpu["borrowingLimit"]) == (
            config.cpu.nominal,
            config.cpu.borrowing_limit,
        )
        assert (memory["nominalQuota"], memory["borrowingLimit"]) == (
            f"{config.memory_gi.nominal}Gi",
            f"{config.memory_gi.borrowing_limit}Gi",
        )
        [gpu_group] = gpu_groups
        assert gpu_group["coveredResources"] == [GPU_RESOURCE]
        got = {
            f["name"]: (f["resources"][0]["nominalQuota"], f["resources"][0]["borrowingLimit"])
            for f in gpu_group["flavors"]
        }
        assert got == {
            flavor_name(family): (q.nominal, q.borrowing_limit) for family, q in config.gpus.items()
        }
    local = {q["metadata"]["name"]: q for q in objects(plan, "LocalQueue", "training")}
    assert {n: q["spec"]["clusterQueue"] for n, q in local.items()} == {t: t for t in queues}


@pytest.mark.parametrize("stack", ["aws-uae-prod", "azure-uaenorth-prod"])
def test_each_gpu_family_is_a_flavor_that_selects_its_pools_nodes(
    plan_of: PlanOf, stack: str
) -> None:
    plan = plan_of(stack)
    flavors = {f["metadata"]["name"]: f["spec"] for f in objects(plan, "ResourceFlavor")}
    assert flavors.pop(CPU_FLAVOR) == {}
    if stack.startswith("aws"):
        pools = plan.of_type("aws:eks/nodeGroup:NodeGroup")
        labels = [
            p.inputs["labels"] for p in pools if p.inputs["labels"]["smp.io/pool-kind"] == "gpu"
        ]
    else:
        pools = plan.of_type("azure-native:containerservice:AgentPool")
        labels = [
            p.inputs["nodeLabels"]
            for p in pools
            if p.inputs["nodeLabels"]["smp.io/pool-kind"] == "gpu"
        ]
    families = sorted(label[GPU_FAMILY_LABEL] for label in labels)
    assert sorted(flavors) == sorted(flavor_name(f) for f in families)
    for family in families:
        assert flavors[flavor_name(family)] == {"nodeLabels": {GPU_FAMILY_LABEL: family}}


def test_kueue_is_pinned_mirrored_restricted_and_admits_all_or_nothing(plan_of: PlanOf) -> None:
    release = helm_releases(plan_of("aws-uae-prod"))["kueue"].inputs
    name, version, registry = KUEUE_CHART
    assert release["chart"] == f"{registry}/{name}"
    assert release["version"] == version
    assert release["atomic"] is True
    assert release["namespace"] == "platform"
    manager = release["values"]["controllerManager"]["manager"]
    assert manager["image"]["repository"].endswith("/mirror/kueue/kueue")
    assert manager["podSecurityContext"] == {
        "runAsNonRoot": True,
        "seccompProfile": {"type": "RuntimeDefault"},
    }
    assert manager["containerSecurityContext"] == {
        "readOnlyRootFilesystem": True,
        "allowPrivilegeEscalation": False,
        "capabilities": {"drop": ["ALL"]},
    }
    config = yaml.safe_load(release["values"]["managerConfig"]["controllerManagerConfigYaml"])
    assert config["apiVersion"] == "config.kueue.x-k8s.io/v1beta2"
    assert config["waitForPodsReady"]["blockAdmission"] is True
    assert config["waitForPodsReady"]["timeout"] == "10m"
    assert config["manageJobsWithoutQueueName"] is True
    assert config["managedJobsNamespaceSelector"] == {
        "matchLabels": {"kubernetes.io/metadata.name": "training"}
    }
    assert config["integrations"]["frameworks"] == ["batch/job"]


def test_the_training_jobs_are_submitted_through_the_platform_teams_queue(
    plan_of: PlanOf,
) -> None:
    plan = plan_of("aws-uae-prod")
    jobs = {j["metadata"]["name"]: j for j in objects(plan, "CronJob", "training")}
    for name in (JOB, DISTRIBUTED_JOB):
        labels = jobs[name]["spec"]["jobTemplate"]["metadata"]["labels"]
        assert labels[QUEUE_NAME_LABEL] == "fraud-ml", name


@pytest.fixture(scope="module")
def gpu_serving_plan(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    """aws-uae-prod with `platform.serving.gpu` on, planned from a copy of its stack file."""
    from smp.offline import plan_stack_offline
    from tests.support.paths import STACKS_DIR

    folder = tmp_path_factory.mktemp("gpu-serving")
    document = yaml.safe_load((STACKS_DIR / "Pulumi.aws-uae-prod.yaml").read_text())
    document["config"]["sovereign-ml-platform:platform"]["serving"]["gpu"] = True
    (folder / "Pulumi.aws-uae-prod.yaml").write_text(yaml.safe_dump(document, sort_keys=False))
    return plan_stack_offline("aws-uae-prod", stacks_dir=folder)


def test_gpu_serving_is_queued_through_the_platform_teams_queue(gpu_serving_plan: Plan) -> None:
    """With GPU serving, Kueue also manages `serving`: the Deployment names the platform
    team's LocalQueue there, whose ClusterQueue admits that namespace (no other team's
    does), Kueue's `deployment` integration is on, and the gate passes the stack."""
    from smp.gate import evaluate_plan

    plan = gpu_serving_plan
    serving = one_object(plan, "Deployment", "model-serving")
    assert serving["metadata"]["labels"][QUEUE_NAME_LABEL] == "fraud-ml"
    assert QUEUE_NAME_LABEL not in serving["spec"]["selector"]["matchLabels"]
    limits = serving["spec"]["template"]["spec"]["containers"][0]["resources"]["limits"]
    assert str(limits[GPU_RESOURCE]) == "1"
    local = {
        (q["metadata"]["namespace"], q["metadata"]["name"]): q["spec"]["clusterQueue"]
        for q in objects(plan, "LocalQueue")
    }
    assert local[("serving", "fraud-ml")] == "fraud-ml"
    assert not any(ns == "serving" and name != "fraud-ml" for ns, name in local)
    both = {
        "matchExpressions": [
            {
                "key": "kubernetes.io/metadata.name",
                "operator": "In",
                "values": ["training", "serving"],
            }
        ]
    }
    for queue in objects(plan, "ClusterQueue"):
        expected = (
            both
            if queue["metadata"]["name"] == "fraud-ml"
            else {"matchLabels": {"kubernetes.io/metadata.name": "training"}}
        )
        assert queue["spec"]["namespaceSelector"] == expected, queue["metadata"]["name"]
    release = helm_releases(plan)["kueue"].inputs
    config = yaml.safe_load(release["values"]["managerConfig"]["controllerManagerConfigYaml"])
    assert config["integrations"]["frameworks"] == ["batch/job", "deployment"]
    assert config["managedJobsNamespaceSelector"] == both
    for manifest in _kueue_objects(plan):
        assert crd_schema_problem(manifest) is None, manifest["metadata"]
    mandatory = [f"{v.rule_id}: {v.message}" for v in evaluate_plan(plan) if v.mandatory]
    assert mandatory == []


def test_a_gpu_serving_deployment_without_its_queue_label_fails_the_gate(
    gpu_serving_plan: Plan,
) -> None:
    from smp.gate import evaluate_plan

    plan = copy.deepcopy(gpu_serving_plan)
    deployment = next(
        r
        for r in plan.resources
        if r.type == "kubernetes:apps/v1:Deployment"
        and r.inputs["metadata"]["name"] == "model-serving"
    )
    del deployment.inputs["metadata"]["labels"][QUEUE_NAME_LABEL]
    found = {v.rule_id for v in evaluate_plan(plan) if v.mandatory and v.urn == deployment.urn}
    assert found == {"K8S-022"}
