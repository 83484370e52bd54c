"""Kubernetes rules (K8S-*): compliant and non-compliant cases.

Workloads are written as pulumi-kubernetes passes them: the whole manifest as
camelCase inputs (`metadata`, `spec`), quantities as strings.
"""

from __future__ import annotations

import copy
from typing import Any

from tests.policies.builders import (
    ACCOUNT,
    AWS_UAE,
    AZ_NORTH,
    Case,
    Res,
    bad,
    ok,
    patched,
    removed,
)

K8S = Res("pulumi:providers:kubernetes", "eks-k8s", {"enableServerSideApply": "true"})
DIGEST = "@sha256:" + "3f" * 32
ECR_IMAGE = f"{ACCOUNT}.dkr.ecr.me-central-1.amazonaws.com/smp/serving{DIGEST}"
ECR_BAHRAIN_IMAGE = f"{ACCOUNT}.dkr.ecr.me-south-1.amazonaws.com/smp/serving{DIGEST}"
ACR_IMAGE = f"smpuaenprod.azurecr.io/smp/serving{DIGEST}"

RESTRICTED_CONTAINER = {
    "securityContext": {
        "allowPrivilegeEscalation": False,
        "readOnlyRootFilesystem": True,
        "capabilities": {"drop": ["ALL"]},
    },
    "resources": {
        "requests": {"cpu": "500m", "memory": "1Gi"},
        "limits": {"cpu": "2", "memory": "2Gi"},
    },
}
POD_SECURITY = {
    "runAsNonRoot": True,
    "runAsUser": 10001.0,
    "seccompProfile": {"type": "RuntimeDefault"},
}


def container(name: str = "serving", image: str = ECR_IMAGE, **extra: Any) -> dict[str, Any]:
    """A container that satisfies the restricted profile, with `extra` merged on top."""
    return {"name": name, "image": image, **copy.deepcopy(RESTRICTED_CONTAINER), **extra}


def pod_spec(*containers: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A pod spec with the restricted pod-level security context."""
    return {
        "serviceAccountName": "serving",
        "securityContext": dict(POD_SECURITY),
        "containers": list(containers) or [container()],
        **extra,
    }


def deployment(spec: dict[str, Any] | None = None, name: str = "serving") -> Res:
    """An apps/v1 Deployment in the ml-serving namespace."""
    labels = {"app.kubernetes.io/name": name}
    return Res(
        "kubernetes:apps/v1:Deployment",
        name,
        {
            "apiVersion": "apps/v1",
            "kind": "Deployment",
            "metadata": {"name": name, "namespace": "ml-serving", "labels": labels},
            "spec": {
                "replicas": 2.0,
                "selector": {"matchLabels": labels},
                "template": {"metadata": {"labels": labels}, "spec": spec or pod_spec()},
            },
        },
        provider=K8S,
    )


GPU = {"nvidia.com/gpu": "1"}
GPU_TOLERATION = {"key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule"}


def training_job(tolerations: list | None, limits_gpu: bool) -> Res:
    """A batch/v1 Job training on GPU nodes (or trying to)."""
    resources = copy.deepcopy(RESTRICTED_CONTAINER["resources"])
    if limits_gpu:
        resources["limits"].update(GPU)
    spec = pod_spec(
        container("train", resources=resources),
        restartPolicy="Never",
        nodeSelector={"smp.io/pool": "gpu"},
        **({"tolerations": tolerations} if tolerations is not None else {}),
    )
    return Res(
        "kubernetes:batch/v1:Job",
        "train",
        {
            "apiVersion": "batch/v1",
            "kind": "Job",
            "metadata": {"name": "train", "namespace": "ml-training"},
            "spec": {"backoffLimit": 2.0, "template": {"spec": spec}},
        },
        provider=K8S,
    )


def namespace(name: str, level: str | None = "restricted") -> Res:
    """A Namespace labelled with the pod security level (no labels for None)."""
    labels = {f"pod-security.kubernetes.io/{m}": level for m in ("enforce", "audit", "warn")}
    meta: dict[str, Any] = {"name": name}
    if level is not None:
        meta["labels"] = {**labels, "app.kubernetes.io/part-of": "smp"}
    return Res(
        "kubernetes:core/v1:Namespace",
        f"ns-{name}",
        {"apiVersion": "v1", "kind": "Namespace", "metadata": meta},
        provider=K8S,
    )


def _privileged(name: str) -> Res:
    """A namespace enforcing 'privileged' (audit and warn stay restricted)."""
    ns = namespace(name)
    labels = {**ns.props["metadata"]["labels"], "pod-security.kubernetes.io/enforce": "privileged"}
    return patched(ns, "metadata", {"name": name, "labels": labels})


def network_policy(ns: str, name: str = "default-deny", **spec: Any) -> Res:
    """A NetworkPolicy in `ns`; by default one that denies all ingress and egress."""
    body = {"podSelector": {}, "policyTypes": ["Ingress", "Egress"], **spec}
    return Res(
        "kubernetes:networking.k8s.io/v1:NetworkPolicy",
        f"{ns}-{name}",
        {
            "apiVersion": "networking.k8s.io/v1",
            "kind": "NetworkPolicy",
            "metadata": {"name": name, "namespace": ns},
            "spec": body,
        },
        provider=K8S,
    )


def _rbac(kind: str, name: str, **props: Any) -> Res:
    return Res(
        f"kubernetes:rbac.authorization.k8s.io/v1:{kind}",
        name,
        {
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": kind,
            "metadata": {"name": name},
            **props,
        },
        provider=K8S,
    )


CRONJOB = Res(
    "kubernetes:batch/v1:CronJob",
    "drift",
    {
        "metadata": {"name": "drift", "namespace": "ml-monitoring"},
        "spec": {
            "schedule": "0 * * * *",
            "jobTemplate": {
                "spec": {
                    "template": {"spec": pod_spec(container("drift"), restartPolicy="OnFailure")}
                }
            },
        },
    },
    provider=K8S,
)
POD = Res(
    "kubernetes:core/v1:Pod",
    "debug",
    {"metadata": {"name": "debug", "namespace": "ml-serving"}, "spec": pod_spec()},
    provider=K8S,
)

# Where each workload kind carries its pod template (written out here, not read from
# the rule module, so the rules' own table is checked against it).
WORKLOAD_POD_PATHS = {
    "kubernetes:core/v1:Pod": ("spec",),
    "kubernetes:apps/v1:Deployment": ("spec", "template", "spec"),
    "kubernetes:apps/v1:StatefulSet": ("spec", "template", "spec"),
    "kubernetes:apps/v1:DaemonSet": ("spec", "template", "spec"),
    "kubernetes:apps/v1:ReplicaSet": ("spec", "template", "spec"),
    "kubernetes:batch/v1:Job": ("spec", "template", "spec"),
    "kubernetes:batch/v1:CronJob": ("spec", "jobTemplate", "spec", "template", "spec"),
}


def workload(type_token: str, spec: dict[str, Any]) -> Res:
    """A workload of any kind with `spec` as its pod spec, at the kind's own path."""
    kind = type_token.rsplit(":", 1)[-1]
    body: dict[str, Any] = {
        "apiVersion": type_token.split(":")[1],
        "kind": kind,
        "metadata": {"name": kind.lower(), "namespace": "ml-platform"},
    }
    node = body
    *parents, last = WORKLOAD_POD_PATHS[type_token]
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = copy.deepcopy(spec)
    return Res(type_token, kind.lower(), body, provider=K8S)


# Per rule: a pod spec that violates only it, and a fragment its violation must contain.
_BREAKERS: dict[str, tuple[dict[str, Any], str]] = {
    "K8S-001": (
        pod_spec(container(securityContext={"privileged": True})),
        "containers[0] (serving): privileged is true",
    ),
    "K8S-002": (pod_spec(hostNetwork=True), "hostNetwork is true"),
    "K8S-003": (
        pod_spec({**container(), "resources": {}}),
        "containers[0] (serving): resources.requests.cpu is not set",
    ),
    "K8S-004": (
        pod_spec(
            container(
                resources={
                    "requests": {"cpu": "1", "memory": "1Gi"},
                    "limits": {"cpu": "1", "memory": "1Gi", "nvidia.com/gpu": "1"},
                }
            )
        ),
        "requests nvidia.com/gpu but does not tolerate",
    ),
    "K8S-005": (
        pod_spec(container(image="python:3.11-slim")),
        "containers[0] (serving): image python:3.11-slim is not pinned by digest",
    ),
}


def _subject(rule_id: str, res: Res) -> Any:
    # K8S-005 is a stack rule (it must see the stack's own registries).
    return (res,) if rule_id == "K8S-005" else res


EVERY_KIND_CASES: list[Case] = [
    case
    for rule_id, (broken, fragment) in _BREAKERS.items()
    for type_token in WORKLOAD_POD_PATHS
    for case in (
        ok(
            rule_id,
            f"every-kind-{type_token.rsplit(':', 1)[-1].lower()}",
            _subject(rule_id, workload(type_token, pod_spec())),
        ),
        bad(
            rule_id,
            f"every-kind-{type_token.rsplit(':', 1)[-1].lower()}",
            _subject(rule_id, workload(type_token, broken)),
            fragment,
        ),
    )
]

QUEUE_LABEL = "kueue.x-k8s.io/queue-name"


def _queued(res: Res, queue: str = "fraud-ml") -> Res:
    """`res` (a Job) submitted through the LocalQueue `queue`."""
    return patched(res, "metadata.labels", {QUEUE_LABEL: queue})


def _gpu_spec() -> dict[str, Any]:
    resources = copy.deepcopy(RESTRICTED_CONTAINER["resources"])
    resources["limits"].update(GPU)
    return pod_spec(container("train", resources=resources), tolerations=[GPU_TOLERATION])


def _gpu_workload(type_token: str) -> Res:
    """A workload of `type_token` whose pod requests a GPU, in namespace ml-platform."""
    return workload(type_token, _gpu_spec())


def _gpu_cronjob(job_labels: dict[str, str]) -> Res:
    """A GPU CronJob whose jobTemplate carries `job_labels`."""
    return patched(
        _gpu_workload("kubernetes:batch/v1:CronJob"), "spec.jobTemplate.metadata.labels", job_labels
    )


AKS = Res(
    "azure-native:containerservice:ManagedCluster",
    "aks",
    {"location": "uaenorth", "kubernetesVersion": "1.32.3"},
    provider=AZ_NORTH,
)
EKS = Res("aws:eks/cluster:Cluster", "eks", {"name": "smp", "version": "1.31"}, provider=AWS_UAE)

CASES: list[Case] = [
    # K8S-001 -----------------------------------------------------------------
    ok("K8S-001", "deployment-restricted", deployment()),
    ok("K8S-001", "cronjob-restricted", CRONJOB),
    ok(
        "K8S-001",
        "pod-container-level-context",
        patched(
            POD,
            "spec",
            {
                "containers": [
                    container(
                        securityContext={
                            "runAsNonRoot": True,
                            "allowPrivilegeEscalation": False,
                            "readOnlyRootFilesystem": True,
                            "capabilities": {"drop": ["ALL"]},
                            "seccompProfile": {"type": "RuntimeDefault"},
                        }
                    )
                ]
            },
        ),
    ),
    bad(
        "K8S-001",
        "root-container",
        deployment(
            pod_spec(
                container(
                    securityContext={
                        "runAsNonRoot": False,
                        "allowPrivilegeEscalation": False,
                        "readOnlyRootFilesystem": True,
                        "capabilities": {"drop": ["ALL"]},
                    }
                )
            )
        ),
        "containers[0] (serving): runAsNonRoot is not true",
    ),
    bad(
        "K8S-001",
        "privileged-init-container",
        deployment(
            pod_spec(
                container(),
                initContainers=[container("init", securityContext={"privileged": True})],
            )
        ),
        "initContainers[0] (init): privileged is true",
        "initContainers[0] (init): allowPrivilegeEscalation is not false",
        "initContainers[0] (init): readOnlyRootFilesystem is not true",
        "initContainers[0] (init): capabilities.drop does not include ALL",
    ),
    bad(
        "K8S-001",
        "no-seccomp",
        deployment({**pod_spec(), "securityContext": {"runAsNonRoot": True}}),
        "containers[0] (serving): seccompProfile.type is not RuntimeDefault",
    ),
    bad(
        "K8S-001",
        "no-pod-spec",
        Res(
            "kubernetes:apps/v1:Deployment",
            "empty",
            {"metadata": {"name": "empty"}, "spec": {"replicas": 1.0}},
            provider=K8S,
        ),
        "the workload has no pod spec",
    ),
    # K8S-002 -----------------------------------------------------------------
    ok(
        "K8S-002",
        "no-host-access",
        deployment(pod_spec(container(), volumes=[{"name": "tmp", "emptyDir": {}}])),
    ),
    bad(
        "K8S-002",
        "host-network-and-path",
        deployment(
            pod_spec(
                container(),
                hostNetwork=True,
                hostPID=True,
                volumes=[
                    {"name": "tmp", "emptyDir": {}},
                    {"name": "docker", "hostPath": {"path": "/var/run/docker.sock"}},
                ],
            )
        ),
        "hostNetwork is true",
        "hostPID is true",
        "volumes[1] mounts a hostPath",
    ),
    bad(
        "K8S-002",
        "host-ipc",
        patched(CRONJOB, "spec.jobTemplate.spec.template.spec", pod_spec(hostIPC=True)),
        "hostIPC is true",
    ),
    # K8S-003 -----------------------------------------------------------------
    ok("K8S-003", "requests-and-limits", deployment()),
    bad(
        "K8S-003",
        "no-limits",
        deployment(pod_spec(container(resources={"requests": {"cpu": "500m", "memory": "1Gi"}}))),
        "containers[0] (serving): resources.limits.cpu is not set",
        "containers[0] (serving): resources.limits.memory is not set",
    ),
    bad(
        "K8S-003",
        "init-without-resources",
        deployment(
            pod_spec(container(), initContainers=[{**container("migrate"), "resources": {}}])
        ),
        "initContainers[0] (migrate): resources.requests.cpu is not set",
    ),
    # K8S-004 -----------------------------------------------------------------
    ok("K8S-004", "gpu-job-tolerates-and-requests", training_job([GPU_TOLERATION], True)),
    ok("K8S-004", "cpu-deployment", deployment()),
    bad(
        "K8S-004",
        "gpu-without-toleration",
        training_job(None, True),
        "requests nvidia.com/gpu but does not tolerate the GPU node taint",
    ),
    bad(
        "K8S-004",
        "toleration-without-gpu",
        training_job([GPU_TOLERATION], False),
        "tolerates the GPU node taint but requests no nvidia.com/gpu",
    ),
    # K8S-022 -----------------------------------------------------------------
    ok("K8S-022", "gpu-job-through-a-queue", _queued(training_job([GPU_TOLERATION], True))),
    ok("K8S-022", "cpu-job-needs-no-queue", training_job(None, False)),
    ok(
        "K8S-022",
        "gpu-cronjob-queued-on-its-job-template",
        _gpu_cronjob({QUEUE_LABEL: "fraud-ml"}),
    ),
    ok(
        "K8S-022",
        "gpu-daemonset-in-node-agents",
        patched(_gpu_workload("kubernetes:apps/v1:DaemonSet"), "metadata.namespace", "node-agents"),
    ),
    bad(
        "K8S-022",
        "gpu-job-without-a-queue",
        training_job([GPU_TOLERATION], True),
        "requests nvidia.com/gpu in namespace 'ml-training' without a queue",
        "metadata.labels['kueue.x-k8s.io/queue-name'] is not set",
    ),
    bad(
        "K8S-022",
        "gpu-job-with-an-empty-queue",
        _queued(training_job([GPU_TOLERATION], True), queue=" "),
        "without a queue",
    ),
    bad(
        "K8S-022",
        "gpu-cronjob-labelled-on-the-cronjob-only",
        patched(_gpu_cronjob({}), "metadata.labels", {QUEUE_LABEL: "fraud-ml"}),
        "spec.jobTemplate.metadata.labels['kueue.x-k8s.io/queue-name'] is not set",
    ),
    bad(
        "K8S-022",
        "gpu-pod-in-default-namespace",
        removed(_gpu_workload("kubernetes:core/v1:Pod"), "metadata.namespace"),
        "in namespace 'default' without a queue",
    ),
    bad(
        "K8S-022",
        "gpu-daemonset-outside-node-agents",
        _gpu_workload("kubernetes:apps/v1:DaemonSet"),
        "a DaemonSet requesting nvidia.com/gpu in namespace 'ml-platform' cannot be queued",
    ),
    ok(
        "K8S-022",
        "gpu-serving-deployment-through-a-queue",
        _queued(_gpu_workload("kubernetes:apps/v1:Deployment")),
    ),
    ok("K8S-022", "cpu-serving-deployment-needs-no-queue", deployment()),
    bad(
        "K8S-022",
        "gpu-serving-deployment-without-a-queue",
        _gpu_workload("kubernetes:apps/v1:Deployment"),
        "requests nvidia.com/gpu in namespace 'ml-platform' without a queue",
    ),
    bad(
        "K8S-022",
        "gpu-statefulset-labelled-on-its-pods-only",
        patched(
            _gpu_workload("kubernetes:apps/v1:StatefulSet"),
            "spec.template.metadata.labels",
            {QUEUE_LABEL: "fraud-ml"},
        ),
        "metadata.labels['kueue.x-k8s.io/queue-name'] is not set",
    ),
    bad(
        "K8S-022",
        "exemption-is-configured-not-assumed",
        patched(_gpu_workload("kubernetes:apps/v1:DaemonSet"), "metadata.namespace", "node-agents"),
        "cannot be queued",
        config={"exemptNamespaces": []},
    ),
    # K8S-005 -----------------------------------------------------------------
    ok("K8S-005", "ecr-me-central-1-digest", (deployment(),)),
    ok(
        "K8S-005",
        "allow-listed-acr",
        (deployment(pod_spec(container(image=ACR_IMAGE))),),
        config={"allowedRegistries": ["smpuaen*.azurecr.io"]},
    ),
    ok(
        "K8S-005",
        "acr-of-this-stack-in-uaenorth",
        (
            deployment(pod_spec(container(image=ACR_IMAGE))),
            Res(
                "azure-native:containerregistry:Registry",
                "acr",
                {"registryName": "smpuaenprod", "location": "uaenorth"},
                provider=AZ_NORTH,
            ),
        ),
    ),
    bad(
        "K8S-005",
        "acr-of-this-stack-abroad",
        (
            deployment(pod_spec(container(image=ACR_IMAGE))),
            Res(
                "azure-native:containerregistry:Registry",
                "acr",
                {"registryName": "smpuaenprod", "location": "westeurope"},
                provider=AZ_NORTH,
            ),
        ),
        "registry smpuaenprod.azurecr.io is not an in-country registry",
    ),
    bad(
        "K8S-005",
        "tag-not-digest",
        (
            deployment(
                pod_spec(
                    container(
                        image=f"{ACCOUNT}.dkr.ecr.me-central-1.amazonaws.com/smp/serving:1.4.2"
                    )
                )
            ),
        ),
        "containers[0] (serving): image",
        "is not pinned by digest",
    ),
    bad(
        "K8S-005",
        "docker-hub",
        (deployment(pod_spec(container(image=f"python{DIGEST}"))),),
        "containers[0] (serving): registry docker.io is not an in-country registry",
    ),
    bad(
        "K8S-005",
        "ecr-bahrain",
        (deployment(pod_spec(container(image=ECR_BAHRAIN_IMAGE))),),
        "registry 123456789012.dkr.ecr.me-south-1.amazonaws.com is not an in-country",
    ),
    bad(
        "K8S-005",
        "acr-not-in-stack",
        (deployment(pod_spec(container(image=ACR_IMAGE))),),
        "registry smpuaenprod.azurecr.io is not an in-country registry",
    ),
    bad(
        "K8S-005",
        "no-image",
        (
            patched(
                deployment(),
                "spec.template.spec.containers",
                [{"name": "serving", **RESTRICTED_CONTAINER}],
            ),
        ),
        "containers[0] (serving): no image",
    ),
    # K8S-006 -----------------------------------------------------------------
    ok("K8S-006", "default-deny", (namespace("ml-serving"), network_policy("ml-serving"))),
    ok(
        "K8S-006",
        "default-deny-explicit-empty-rules",
        (
            namespace("ml-serving"),
            network_policy("ml-serving", podSelector={"matchLabels": {}}, ingress=[], egress=[]),
        ),
    ),
    bad(
        "K8S-006",
        "no-policy",
        (namespace("ml-serving"), namespace("ml-training"), network_policy("ml-serving")),
        "namespace ml-training has no default-deny NetworkPolicy",
    ),
    bad(
        "K8S-006",
        "allow-rule-is-not-deny",
        (
            namespace("ml-serving"),
            network_policy(
                "ml-serving", "allow-web", ingress=[{"from": [{"namespaceSelector": {}}]}]
            ),
        ),
        "namespace ml-serving has no default-deny NetworkPolicy",
    ),
    bad(
        "K8S-006",
        "ingress-only",
        (namespace("ml-serving"), network_policy("ml-serving", policyTypes=["Ingress"])),
        "namespace ml-serving has no default-deny NetworkPolicy",
    ),
    # K8S-007 -----------------------------------------------------------------
    ok(
        "K8S-007",
        "named-role",
        _rbac(
            "Role",
            "model-reader",
            rules=[
                {"apiGroups": [""], "resources": ["configmaps", "pods"], "verbs": ["get", "list"]}
            ],
        ),
    ),
    ok(
        "K8S-007",
        "binding-to-named-role",
        _rbac(
            "RoleBinding",
            "ds-reader",
            roleRef={
                "apiGroup": "rbac.authorization.k8s.io",
                "kind": "Role",
                "name": "model-reader",
            },
            subjects=[{"kind": "Group", "name": "data-scientists"}],
        ),
    ),
    bad(
        "K8S-007",
        "wildcard-cluster-role",
        _rbac(
            "ClusterRole",
            "ops",
            rules=[
                {"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["get"]},
                {"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]},
            ],
        ),
        "rules[1].verbs contains '*'",
        "rules[1].resources contains '*'",
        "rules[1].apiGroups contains '*'",
    ),
    bad(
        "K8S-007",
        "cluster-admin-binding",
        _rbac(
            "ClusterRoleBinding",
            "ops-admin",
            roleRef={
                "apiGroup": "rbac.authorization.k8s.io",
                "kind": "ClusterRole",
                "name": "cluster-admin",
            },
            subjects=[{"kind": "Group", "name": "platform-ops"}],
        ),
        "binds cluster-admin",
    ),
    # K8S-008 -----------------------------------------------------------------
    ok("K8S-008", "restricted-labels", namespace("ml-serving")),
    bad(
        "K8S-008",
        "baseline",
        namespace("ml-serving", "baseline"),
        "label pod-security.kubernetes.io/enforce is 'baseline', not 'restricted'",
    ),
    bad(
        "K8S-008",
        "unlabelled",
        namespace("ml-serving", None),
        "label pod-security.kubernetes.io/enforce is None",
        "pod-security.kubernetes.io/audit",
        "pod-security.kubernetes.io/warn",
    ),
    ok("K8S-008", "node-agents-may-enforce-privileged", _privileged("node-agents")),
    bad(
        "K8S-008",
        "privileged-outside-the-list",
        _privileged("ml-serving"),
        "label pod-security.kubernetes.io/enforce is 'privileged', not 'restricted'",
    ),
    bad(
        "K8S-008",
        "privileged-needs-a-configured-reason",
        _privileged("node-agents"),
        "pod-security.kubernetes.io/enforce is 'privileged'",
        config={"privilegedNamespaces": [{"name": "node-agents", "reason": ""}]},
    ),
    # K8S-009 -----------------------------------------------------------------
    ok("K8S-009", "eks-1-31", EKS),
    ok("K8S-009", "aks-patch-version", AKS),
    bad(
        "K8S-009",
        "eks-1-29",
        EKS.with_props(version="1.29"),
        "version 1.29 is older than the minimum 1.31",
    ),
    bad(
        "K8S-009",
        "eks-unpinned",
        EKS.with_props(version=None),
        "version is <missing>: pin a Kubernetes minor version",
    ),
    bad(
        "K8S-009",
        "aks-below-configured",
        AKS,
        "kubernetesVersion 1.32.3 is older than the minimum 1.33",
        config={"minKubernetesVersion": "1.33"},
    ),
]
CASES.extend(EVERY_KIND_CASES)

# K8S-010: image scanning ------------------------------------------------------
KMS = [{"encryptionType": "KMS", "kmsKey": "k"}]


def _repo(name: str, scan_on_push: bool | None = None) -> Res:
    props: dict[str, Any] = {
        "name": name,
        "imageTagMutability": "IMMUTABLE",
        "encryptionConfigurations": KMS,
    }
    if scan_on_push is not None:
        props["imageScanningConfiguration"] = {"scanOnPush": scan_on_push}
    return Res(
        "aws:ecr/repository:Repository", f"repo-{name.replace('/', '-')}", props, provider=AWS_UAE
    )


def _registry_scanning(
    scan_type: str = "BASIC", frequency: str = "SCAN_ON_PUSH", *filters: str
) -> Res:
    return Res(
        "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration",
        "scanning",
        {
            "scanType": scan_type,
            "rules": [
                {
                    "scanFrequency": frequency,
                    "repositoryFilters": [
                        {"filter": f, "filterType": "WILDCARD"} for f in (filters or ("*",))
                    ],
                }
            ],
        },
        provider=AWS_UAE,
    )


MIRROR_TEMPLATE = Res(
    "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate",
    "mirror",
    {"prefix": "mirror", "appliedFors": ["CREATE_ON_PUSH"], "imageTagMutability": "IMMUTABLE"},
    provider=AWS_UAE,
)
ACR = Res(
    "azure-native:containerregistry:Registry",
    "acr",
    {
        "registryName": "smpuaenprod",
        "location": "uaenorth",
        "resourceGroupName": "rg",
        "sku": {"name": "Premium"},
    },
    provider=AZ_NORTH,
)


def _defender(
    tier: str = "Standard",
    registry_scanning: str | None = "True",
    scope: str = "subscriptions/00000000-0000-4000-8000-000000000001",
) -> Res:
    extensions = (
        []
        if registry_scanning is None
        else [
            {"name": "ContainerRegistriesVulnerabilityAssessments", "isEnabled": registry_scanning}
        ]
    )
    return Res(
        "azure-native:security:Pricing",
        "defender-containers",
        {
            "pricingName": "Containers",
            "pricingTier": tier,
            "scopeId": scope,
            "extensions": extensions,
        },
        provider=AZ_NORTH,
    )


CASES += [
    ok(
        "K8S-010",
        "registry-scans-everything-on-push",
        (_repo("smp/serving", scan_on_push=True), MIRROR_TEMPLATE, _registry_scanning()),
    ),
    ok(
        "K8S-010",
        "enhanced-continuous-by-prefix",
        (
            _repo("smp/serving"),
            _repo("mirror/nvidia/k8s-device-plugin"),
            Res(MIRROR_TEMPLATE.type, "mirror", MIRROR_TEMPLATE.props, provider=AWS_UAE),
            _registry_scanning("ENHANCED", "CONTINUOUS_SCAN", "smp/*", "mirror/*"),
        ),
    ),
    ok(
        "K8S-010",
        "substring-filter",
        (_repo("smp/serving"), _registry_scanning("BASIC", "SCAN_ON_PUSH", "smp")),
    ),
    ok(
        "K8S-010",
        "repository-scan-on-push-without-registry-configuration",
        (_repo("smp/serving", scan_on_push=True),),
    ),
    ok("K8S-010", "acr-with-defender-for-containers", (ACR, _defender())),
    ok(
        "K8S-010",
        "acr-quarantine",
        (ACR.with_props(policies={"quarantinePolicy": {"status": "enabled"}}),),
    ),
    bad(
        "K8S-010",
        "repository-scan-on-push-off",
        (_repo("smp/serving", scan_on_push=False),),
        "repository smp/serving: imageScanningConfiguration.scanOnPush is not true",
    ),
    bad(
        "K8S-010",
        "repository-scan-on-push-unset",
        (_repo("smp/serving"),),
        "scanOnPush is not true and the stack has no registry scanning configuration",
    ),
    bad(
        "K8S-010",
        "registry-scans-only-manually",
        (_repo("smp/serving", scan_on_push=True), _registry_scanning("BASIC", "MANUAL")),
        "repository smp/serving matches no scan-on-push filter",
    ),
    bad(
        "K8S-010",
        "continuous-needs-enhanced",
        (_repo("smp/serving"), _registry_scanning("BASIC", "CONTINUOUS_SCAN")),
        "repository smp/serving matches no scan-on-push filter",
    ),
    bad(
        "K8S-010",
        "filter-misses-a-repository",
        (
            _repo("smp/serving"),
            _repo("other/training"),
            _registry_scanning("BASIC", "SCAN_ON_PUSH", "smp/*"),
        ),
        "repository other/training matches no scan-on-push filter",
    ),
    bad(
        "K8S-010",
        "mirror-template-not-covered",
        (
            _repo("smp/serving"),
            MIRROR_TEMPLATE,
            _registry_scanning("BASIC", "SCAN_ON_PUSH", "smp/*"),
        ),
        "repositories created from the template 'mirror' are not scanned",
    ),
    bad(
        "K8S-010",
        "mirror-template-without-registry-scanning",
        (_repo("smp/serving", scan_on_push=True), MIRROR_TEMPLATE),
        "repositories created from the template 'mirror' are not scanned",
    ),
    bad(
        "K8S-010",
        "unknown-scan-type",
        (_repo("smp/serving"), _registry_scanning("DEEP")),
        "scanType 'DEEP' is not BASIC or ENHANCED",
    ),
    bad("K8S-010", "acr-without-defender", (ACR,), "registry acr: no Defender for Containers plan"),
    bad(
        "K8S-010",
        "defender-free-tier",
        (ACR, _defender(tier="Free")),
        "the Containers plan's pricingTier is 'Free', not Standard",
        "registry acr: no Defender for Containers plan",
    ),
    bad(
        "K8S-010",
        "defender-without-registry-assessment",
        (ACR, _defender(registry_scanning="False")),
        "does not enable ContainerRegistriesVulnerabilityAssessments",
    ),
    bad(
        "K8S-010",
        "defender-extension-not-stated",
        (ACR, _defender(registry_scanning=None)),
        "does not enable ContainerRegistriesVulnerabilityAssessments",
    ),
    bad(
        "K8S-010",
        "defender-on-a-resource-group",
        (
            ACR,
            _defender(scope="subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/rg"),
        ),
        "scopeId is not a subscription",
    ),
]


# Argo: the orchestrator's releases and workflow objects, as the in-cluster layer writes them.
def argo_workflows_release(**values: Any) -> Res:
    """The argo-workflows Helm release with the platform's values, `values` merged on top."""
    base: dict[str, Any] = {
        "useStaticCredentials": False,
        "artifactRepository": {
            "s3": {"bucket": "smp-artifacts", "region": "me-central-1", "useSDKCreds": True}
        },
        "controller": {
            "image": {"tag": f"v4.0.6{DIGEST}"},
            "workflowNamespaces": ["training"],
        },
        "executor": {
            "image": {"tag": f"v4.0.6{DIGEST}"},
            "resources": copy.deepcopy(RESTRICTED_CONTAINER["resources"]),
        },
        "server": {
            "image": {"tag": f"v4.0.6{DIGEST}"},
            "authModes": ["client"],
            "serviceType": "ClusterIP",
            "secure": True,
            "ingress": {"enabled": False},
        },
    }
    return Res(
        "kubernetes:helm.sh/v3:Release",
        "argo-workflows",
        {
            "name": "argo-workflows",
            "chart": "argo-workflows",
            "version": "1.0.18",
            "namespace": "pipelines",
            "values": {**base, **values},
        },
        provider=K8S,
    )


def argo_server(**server: Any) -> dict[str, Any]:
    """The release's `server` values with `server` merged on top."""
    values = argo_workflows_release().props["values"]["server"]
    return {**copy.deepcopy(values), **server}


def workflow_template(
    *containers: dict[str, Any], kind: str = "WorkflowTemplate", **spec: Any
) -> Res:
    """An Argo workflow object in `training` with one template per container."""
    workflow_spec: dict[str, Any] = {
        "serviceAccountName": "training",
        "securityContext": dict(POD_SECURITY),
        "entrypoint": "main",
        "templates": [
            {"name": f"step-{i}", "container": c}
            for i, c in enumerate(containers or (container("train"),))
        ],
        **spec,
    }
    body = (
        {"workflowSpec": workflow_spec, "schedule": "0 3 * * 0"}
        if kind == "CronWorkflow"
        else workflow_spec
    )
    return Res(
        f"kubernetes:argoproj.io/v1alpha1:{kind}",
        "retraining",
        {
            "apiVersion": "argoproj.io/v1alpha1",
            "kind": kind,
            "metadata": {"name": "retraining", "namespace": "training"},
            "spec": body,
        },
        provider=K8S,
    )


def _unlimited() -> dict[str, Any]:
    c = container("train")
    del c["resources"]["limits"]
    return c


ARGO_CASES: list[Case] = [
    ok("K8S-011", "template-with-requests-and-limits", workflow_template()),
    ok("K8S-011", "cron-workflow-with-limits", workflow_template(kind="CronWorkflow")),
    ok("K8S-011", "release-with-executor-limits", argo_workflows_release()),
    bad(
        "K8S-011",
        "template-without-limits",
        workflow_template(_unlimited()),
        "templates[0] (step-0).container: resources.limits.cpu is not set",
    ),
    bad(
        "K8S-011",
        "cron-workflow-without-limits",
        workflow_template(_unlimited(), kind="CronWorkflow"),
        "resources.limits.memory is not set",
    ),
    bad(
        "K8S-011",
        "executor-without-limits",
        argo_workflows_release(executor={"image": {"tag": f"v4.0.6{DIGEST}"}}),
        "values.executor.resources.limits.cpu is not set",
    ),
    ok("K8S-012", "restricted-template", workflow_template()),
    bad(
        "K8S-012",
        "template-running-as-root-allowed",
        workflow_template(securityContext={"seccompProfile": {"type": "RuntimeDefault"}}),
        "spec.securityContext.runAsNonRoot is not true",
    ),
    bad(
        "K8S-012",
        "container-escalates",
        workflow_template(container("train", securityContext={"readOnlyRootFilesystem": True})),
        "allowPrivilegeEscalation is not false",
        "capabilities.drop does not include ALL",
    ),
    bad(
        "K8S-012",
        "pod-spec-patch",
        workflow_template(podSpecPatch='{"containers":[{"name":"main"}]}'),
        "spec.podSpecPatch is set",
    ),
    ok(
        "K8S-013", "workflow-and-release-by-digest", (workflow_template(), argo_workflows_release())
    ),
    bad(
        "K8S-013",
        "workflow-image-by-tag",
        (workflow_template(container("train", image="quay.io/argoproj/argosay:v2")),),
        "image quay.io/argoproj/argosay:v2 is not pinned by digest",
        "registry quay.io is not an in-country registry",
    ),
    bad(
        "K8S-013",
        "controller-by-tag",
        (argo_workflows_release(controller={"image": {"tag": "v4.0.6"}}),),
        "values.controller.image.tag is v4.0.6: not pinned by digest",
    ),
    ok("K8S-014", "sdk-credentials", argo_workflows_release()),
    ok("K8S-014", "template-without-keys", workflow_template()),
    bad(
        "K8S-014",
        "static-credentials-default",
        argo_workflows_release(useStaticCredentials=None),
        "values.useStaticCredentials is not false",
    ),
    bad(
        "K8S-014",
        "access-keys",
        argo_workflows_release(
            artifactRepository={
                "s3": {
                    "bucket": "smp-artifacts",
                    "accessKeySecret": {"name": "s3", "key": "id"},
                    "secretKeySecret": {"name": "s3", "key": "secret"},
                }
            }
        ),
        "values.artifactRepository.s3.useSDKCreds is not true",
        "values.artifactRepository.s3.accessKeySecret names a static key secret",
    ),
    bad(
        "K8S-014",
        "no-artifact-store",
        argo_workflows_release(artifactRepository={}),
        "configures no artifact store",
    ),
    bad(
        "K8S-014",
        "azure-account-key-in-a-template",
        workflow_template(
            templates=[
                {
                    "name": "train",
                    "container": container("train"),
                    "outputs": {
                        "artifacts": [
                            {
                                "name": "model",
                                "azure": {
                                    "container": "artifacts",
                                    "accountKeySecret": {"name": "k", "key": "k"},
                                },
                            }
                        ]
                    },
                }
            ],
        ),
        "accountKeySecret names a static key secret",
    ),
]
CASES += ARGO_CASES
# Every kind of workflow object, judged alike.
WORKFLOW_KINDS = ("Workflow", "WorkflowTemplate", "ClusterWorkflowTemplate", "CronWorkflow")
CASES += [
    ok(rule_id, f"{kind.lower()}-as-the-platform-writes-it", workflow_template(kind=kind))
    for rule_id in ("K8S-011", "K8S-012", "K8S-014")
    for kind in WORKFLOW_KINDS
]
CASES += [
    bad(
        "K8S-012",
        f"{kind.lower()}-without-pod-security",
        workflow_template(kind=kind, securityContext=None),
        "spec.securityContext.runAsNonRoot is not true",
    )
    for kind in WORKFLOW_KINDS
]
