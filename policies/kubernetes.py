"""Kubernetes workloads and clusters: pod security, resources, GPUs, images, isolation, RBAC."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from pulumi_policy import ResourceValidationArgs, Severity, StackValidationArgs

from policies.admission import (
    AdmissionCheck,
    AdmissionContext,
    NotAtAdmission,
    Validation,
    cel_list,
    cel_string,
    field_is,
    glob_regex,
    has_path,
    pod_spec_variables,
)
from policies.framework import (
    MISSING,
    RuleMeta,
    config_with_defaults,
    dig,
    items,
    resource_rule,
    stack_rule,
)
from policies.jurisdictions import JURISDICTIONS, get_jurisdiction

# Where the pod template lives in each workload kind.
POD_SPEC_PATHS = {
    "kubernetes:core/v1:Pod": "spec",
    "kubernetes:apps/v1:Deployment": "spec.template.spec",
    "kubernetes:apps/v1:StatefulSet": "spec.template.spec",
    "kubernetes:apps/v1:DaemonSet": "spec.template.spec",
    "kubernetes:apps/v1:ReplicaSet": "spec.template.spec",
    "kubernetes:batch/v1:Job": "spec.template.spec",
    "kubernetes:batch/v1:CronJob": "spec.jobTemplate.spec.template.spec",
}
WORKLOAD_TYPES = tuple(POD_SPEC_PATHS)
GPU_RESOURCE = "nvidia.com/gpu"
GPU_TAINT_KEY = "nvidia.com/gpu"


def pod_spec(args: ResourceValidationArgs) -> Any:
    """The pod spec of a workload (MISSING when the manifest has none)."""
    return dig(args.props, POD_SPEC_PATHS[args.resource_type])


def containers(spec: Any) -> Iterator[tuple[str, Any]]:
    """(label, container) for init and regular containers."""
    for kind in ("initContainers", "containers"):
        for i, container in enumerate(items(dig(spec, kind))):
            name = dig(container, "name")
            yield f"{kind}[{i}] ({name if name is not MISSING else '?'})", container


K8S_001 = RuleMeta(
    id="K8S-001",
    family="kubernetes",
    title="Restricted pod security",
    description="Every container runs as non-root, without privilege escalation or privileged "
    "mode, with a read-only root filesystem, ALL capabilities dropped and the "
    "RuntimeDefault seccomp profile.",
    severity=Severity.HIGH,
    iso27001=("A.8.9", "A.8.2"),
    nist80053=("CM-7", "AC-6"),
    remediation="Set the pod and container securityContext as the Pod Security 'restricted' "
    "profile requires.",
)


def _effective(container: Any, spec: Any, key: str) -> Any:
    value = dig(container, f"securityContext.{key}")
    return dig(spec, f"securityContext.{key}") if value is MISSING else value


@resource_rule(K8S_001, types=WORKLOAD_TYPES)
def _pod_security(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    spec = pod_spec(args)
    if spec is MISSING:
        yield "the workload has no pod spec"
        return
    for label, c in containers(spec):
        if _effective(c, spec, "runAsNonRoot") is not True:
            yield f"{label}: runAsNonRoot is not true"
        if dig(c, "securityContext.allowPrivilegeEscalation") is not False:
            yield f"{label}: allowPrivilegeEscalation is not false"
        if dig(c, "securityContext.privileged") is True:
            yield f"{label}: privileged is true"
        if dig(c, "securityContext.readOnlyRootFilesystem") is not True:
            yield f"{label}: readOnlyRootFilesystem is not true"
        drops = {str(d) for d in items(dig(c, "securityContext.capabilities.drop"))}
        if "ALL" not in drops:
            yield f"{label}: capabilities.drop does not include ALL"
        if str(_effective(c, spec, "seccompProfile.type")) not in ("RuntimeDefault", "Localhost"):
            yield f"{label}: seccompProfile.type is not RuntimeDefault"


K8S_002 = RuleMeta(
    id="K8S-002",
    family="kubernetes",
    title="No host namespaces or host paths",
    description="Pods do not share the host's network, PID or IPC namespaces and mount no "
    "hostPath volumes.",
    severity=Severity.HIGH,
    iso27001=("A.8.9",),
    nist80053=("CM-7", "SC-39"),
    remediation="Remove hostNetwork/hostPID/hostIPC and hostPath volumes.",
)


@resource_rule(K8S_002, types=WORKLOAD_TYPES)
def _no_host_access(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    spec = pod_spec(args)
    for key in ("hostNetwork", "hostPID", "hostIPC"):
        if dig(spec, key) is True:
            yield f"{key} is true"
    for i, volume in enumerate(items(dig(spec, "volumes"))):
        if dig(volume, "hostPath") is not MISSING:
            yield f"volumes[{i}] mounts a hostPath"


K8S_003 = RuleMeta(
    id="K8S-003",
    family="kubernetes",
    title="Requests and limits",
    description="Every container requests and limits CPU and memory.",
    severity=Severity.MEDIUM,
    iso27001=("A.8.6",),
    nist80053=("SC-6",),
    remediation="Set resources.requests and resources.limits for cpu and memory.",
)


@resource_rule(K8S_003, types=WORKLOAD_TYPES)
def _resources(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    for label, c in containers(pod_spec(args)):
        for kind in ("requests", "limits"):
            for res in ("cpu", "memory"):
                if dig(c, f"resources.{kind}.{res}") is MISSING:
                    yield f"{label}: resources.{kind}.{res} is not set"


K8S_004 = RuleMeta(
    id="K8S-004",
    family="kubernetes",
    title="GPU workloads request GPUs and tolerate the taint",
    description="A workload that selects GPU nodes or tolerates the GPU taint requests "
    "nvidia.com/gpu (limit), and one that requests GPUs tolerates the taint.",
    severity=Severity.MEDIUM,
    iso27001=("A.8.6",),
    nist80053=("SC-6", "CM-7"),
    remediation="Set resources.limits['nvidia.com/gpu'] and a toleration for nvidia.com/gpu "
    "NoSchedule.",
)


@resource_rule(K8S_004, types=WORKLOAD_TYPES)
def _gpu_requests(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    spec = pod_spec(args)
    tolerates = any(str(dig(t, "key")) == GPU_TAINT_KEY for t in items(dig(spec, "tolerations")))
    requests_gpu = any(
        isinstance(limits := dig(c, "resources.limits"), Mapping) and GPU_RESOURCE in limits
        for _, c in containers(spec)
    )
    if requests_gpu and not tolerates:
        yield "requests nvidia.com/gpu but does not tolerate the GPU node taint"
    if tolerates and not requests_gpu:
        yield (
            "tolerates the GPU node taint but requests no nvidia.com/gpu (it would hold a GPU "
            "node without using it)"
        )


K8S_005 = RuleMeta(
    id="K8S-005",
    family="kubernetes",
    title="Images pinned by digest from in-country registries",
    description="Every image is referenced by sha256 digest and comes from an ECR registry in a "
    "jurisdiction region, a container registry of this stack located in the "
    "jurisdiction (ACR), or an allow-listed in-country registry.",
    severity=Severity.HIGH,
    iso27001=("A.8.19", "A.5.34"),
    nist80053=("CM-14", "SI-7"),
    remediation="Push images to the stack's ECR/ACR and reference them as "
    "<registry>/<repo>@sha256:<digest>.",
    config={
        "jurisdiction": {"type": "string", "enum": sorted(JURISDICTIONS), "default": "uae"},
        "allowedRegistries": {
            "type": "array",
            "items": {"type": "string"},
            "default": [],
            "description": "Registry hosts allowed besides in-country ECR "
            "(globs, e.g. smpuaen*.azurecr.io)",
        },
    },
)

_DIGEST = re.compile(r"@sha256:[0-9a-f]{64}$")
_ECR_HOST = re.compile(r"^\d{12}\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com$")


def registry_host(image: str) -> str:
    """The registry host of an image reference (docker.io when none is named)."""
    first = image.split("/", 1)[0]
    if "/" in image and ("." in first or ":" in first or first == "localhost"):
        return first
    return "docker.io"


def _registry_allowed(host: str, config: Mapping[str, Any]) -> bool:
    import fnmatch

    match = _ECR_HOST.match(host)
    if match:
        return get_jurisdiction(str(config.get("jurisdiction") or "uae")).allows(
            "aws", match.group(1)
        )
    return any(
        fnmatch.fnmatchcase(host, pattern) for pattern in config.get("allowedRegistries") or []
    )


def _stack_registries(args: StackValidationArgs, config: Mapping[str, Any]) -> set[str]:
    """Login servers of the stack's own container registries inside the jurisdiction (ACR)."""
    jurisdiction = get_jurisdiction(str(config.get("jurisdiction") or "uae"))
    hosts = set()
    for r in args.resources:
        if r.resource_type != "azure-native:containerregistry:Registry":
            continue
        name = dig(r.props, "registryName")
        location = dig(r.props, "location")
        if location is MISSING and r.provider is not None:
            location = dig(r.provider.props, "location")
        if (
            name is not MISSING
            and location is not MISSING
            and jurisdiction.allows("azure", str(location))
        ):
            hosts.add(f"{str(name).lower()}.azurecr.io")
    return hosts


def stack_registry_hosts(args: StackValidationArgs, config: Mapping[str, Any]) -> set[str]:
    """The stack's own in-jurisdiction registry hosts, as K8S-005 judges them."""
    return _stack_registries(args, config)


@stack_rule(K8S_005)
def _pinned_images(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    own = _stack_registries(args, config)
    for r in args.resources:
        path = POD_SPEC_PATHS.get(r.resource_type)
        if path is None:
            continue
        for label, c in containers(dig(r.props, path)):
            image = dig(c, "image")
            if image is MISSING:
                yield f"{label}: no image", r.urn
                continue
            image = str(image)
            if not _DIGEST.search(image):
                yield f"{label}: image {image} is not pinned by digest", r.urn
            host = registry_host(image)
            if host not in own and not _registry_allowed(host, config):
                yield (
                    f"{label}: registry {host} is not an in-country registry (an ECR "
                    "registry of a jurisdiction region, this stack's ACR, or "
                    "allowedRegistries)",
                    r.urn,
                )


K8S_006 = RuleMeta(
    id="K8S-006",
    family="kubernetes",
    title="Default-deny network policy in every namespace",
    description="Each namespace the stack creates has a NetworkPolicy selecting all pods with "
    "both Ingress and Egress policy types and no allow rules.",
    severity=Severity.HIGH,
    iso27001=("A.8.22",),
    nist80053=("SC-7", "AC-4"),
    remediation="Add a NetworkPolicy with podSelector {} and policyTypes [Ingress, Egress].",
)


def _empty(value: Any) -> bool:
    # A proxied list or map never equals [] or {}: judge by length.
    return value is MISSING or value is None or len(value) == 0


def _is_default_deny(policy: Any) -> bool:
    selector = dig(policy.props, "spec.podSelector")
    types = {str(t) for t in items(dig(policy.props, "spec.policyTypes"))}
    return (
        isinstance(selector, Mapping)
        and _empty(dig(selector, "matchLabels"))
        and _empty(dig(selector, "matchExpressions"))
        and {"Ingress", "Egress"} <= types
        and _empty(dig(policy.props, "spec.ingress"))
        and _empty(dig(policy.props, "spec.egress"))
    )


@stack_rule(K8S_006)
def _default_deny(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    denied: set[str] = set()
    for r in args.resources:
        if r.resource_type == "kubernetes:networking.k8s.io/v1:NetworkPolicy" and _is_default_deny(
            r
        ):
            denied.add(str(dig(r.props, "metadata.namespace")))
    for r in args.resources:
        if r.resource_type == "kubernetes:core/v1:Namespace":
            name = str(dig(r.props, "metadata.name"))
            if name not in denied:
                yield f"namespace {name} has no default-deny NetworkPolicy", r.urn


K8S_007 = RuleMeta(
    id="K8S-007",
    family="kubernetes",
    title="No wildcard RBAC and no cluster-admin bindings",
    description="Roles name their verbs, resources and API groups; nothing binds cluster-admin.",
    severity=Severity.HIGH,
    iso27001=("A.5.15", "A.8.2"),
    nist80053=("AC-6",),
    remediation="List the verbs and resources each role needs; bind narrower roles.",
)


@resource_rule(
    K8S_007,
    types=(
        "kubernetes:rbac.authorization.k8s.io/v1:Role",
        "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole",
        "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
        "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
    ),
)
def _rbac(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if args.resource_type.endswith("Binding"):
        if str(dig(args.props, "roleRef.name")) == "cluster-admin":
            yield "binds cluster-admin"
        return
    for i, rule in enumerate(items(dig(args.props, "rules"))):
        for key in ("verbs", "resources", "apiGroups"):
            if "*" in {str(v) for v in items(dig(rule, key))}:
                yield f"rules[{i}].{key} contains '*'"


K8S_008 = RuleMeta(
    id="K8S-008",
    family="kubernetes",
    title="Namespaces enforce the restricted pod security standard",
    description="Every namespace carries pod-security.kubernetes.io enforce, audit and warn "
    "labels set to restricted; only namespaces listed in privilegedNamespaces, "
    "each with a reason, may enforce privileged (audit and warn stay restricted).",
    severity=Severity.MEDIUM,
    iso27001=("A.8.9",),
    nist80053=("CM-6", "CM-7"),
    remediation="Label the namespace pod-security.kubernetes.io/{enforce,audit,warn}=restricted.",
    config={
        "privilegedNamespaces": {
            "type": "array",
            "description": "Namespaces allowed to enforce 'privileged'",
            "items": {
                "type": "object",
                "required": ["name", "reason"],
                "properties": {
                    "name": {"type": "string"},
                    "reason": {"type": "string", "minLength": 10},
                },
            },
            "default": [
                {
                    "name": "node-agents",
                    "reason": "GPU device plugin, DCGM exporter and node-exporter need host "
                    "devices, host paths and the host network",
                }
            ],
        }
    },
)


@resource_rule(K8S_008, types=("kubernetes:core/v1:Namespace",))
def _psa_labels(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    labels = dig(args.props, "metadata.labels")
    name = str(dig(args.props, "metadata.name"))
    privileged_ok = any(
        str(entry.get("name")) == name and entry.get("reason")
        for entry in config.get("privilegedNamespaces") or []
    )
    for mode in ("enforce", "audit", "warn"):
        key = f"pod-security.kubernetes.io/{mode}"
        value = labels.get(key) if isinstance(labels, Mapping) else None
        if value == "restricted" or (mode == "enforce" and value == "privileged" and privileged_ok):
            continue
        yield f"label {key} is {value!r}, not 'restricted'"


K8S_009 = RuleMeta(
    id="K8S-009",
    family="kubernetes",
    title="Supported Kubernetes version",
    description="Clusters run at least the configured minimum Kubernetes minor version.",
    severity=Severity.MEDIUM,
    iso27001=("A.8.8",),
    nist80053=("SI-2", "CM-6"),
    remediation="Upgrade the cluster (kubernetesVersion in the stack config).",
    config={"minKubernetesVersion": {"type": "string", "pattern": r"^1\.\d+$", "default": "1.31"}},
)


def _minor(version: Any) -> int | None:
    match = re.match(r"^1\.(\d+)", str(version))
    return int(match.group(1)) if match else None


@resource_rule(
    K8S_009, types=("aws:eks/cluster:Cluster", "azure-native:containerservice:ManagedCluster")
)
def _k8s_version(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    key = "version" if args.resource_type.startswith("aws:") else "kubernetesVersion"
    version = dig(args.props, key)
    minimum = str(config.get("minKubernetesVersion") or "1.31")
    have, need = _minor(version), _minor(minimum)
    if have is None:
        yield f"{key} is {version!r}: pin a Kubernetes minor version"
    elif need is not None and have < need:
        yield f"{key} {version} is older than the minimum {minimum}"


K8S_010 = RuleMeta(
    id="K8S-010",
    family="kubernetes",
    title="Registry images are scanned for vulnerabilities",
    description="Every ECR repository, and every repository ECR creates from a creation "
    "template, is scanned on push (by the registry scanning configuration, or, "
    "where the stack has none, by the repository's own scanOnPush); every Azure "
    "container registry is covered by Microsoft Defender for Containers (the "
    "subscription's Containers plan at Standard with the registry "
    "vulnerability-assessment extension enabled) or quarantines images until "
    "they are scanned.",
    severity=Severity.HIGH,
    iso27001=("A.8.8",),
    nist80053=("RA-5", "SI-2"),
    remediation="AWS: an aws.ecr.RegistryScanningConfiguration with a SCAN_ON_PUSH (or, "
    "enhanced, CONTINUOUS_SCAN) rule whose filter matches every repository, e.g. "
    "'*'. Azure: an azure-native security.Pricing 'Containers' at Standard for the "
    "subscription with the ContainerRegistriesVulnerabilityAssessments extension "
    "enabled, or policies.quarantinePolicy.status enabled on the registry.",
)

_ECR_SCANNING = "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration"
_ECR_TEMPLATE = "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate"
# Which frequencies scan without a person starting the scan, per scan type.
_AUTOMATIC_SCANS = {"BASIC": ("SCAN_ON_PUSH",), "ENHANCED": ("SCAN_ON_PUSH", "CONTINUOUS_SCAN")}
DEFENDER_REGISTRY_EXTENSION = "ContainerRegistriesVulnerabilityAssessments"


def _wildcard_regex(pattern: str) -> str:
    return "".join(".*" if ch == "*" else re.escape(ch) for ch in pattern)


def ecr_filter_matches(pattern: str, repository: str) -> bool:
    """ECR's filter semantics: with a '*' the pattern matches whole names ('*' is zero or
    more characters), without one any name that contains it (ECR user guide, "Filter
    wildcards")."""
    if "*" not in pattern:
        return pattern in repository
    return re.fullmatch(_wildcard_regex(pattern), repository) is not None


def ecr_filter_covers_prefix(pattern: str, prefix: str) -> bool:
    """Whether the filter matches every repository name that starts with `prefix`."""
    if "*" not in pattern:
        return pattern in prefix
    return pattern.endswith("*") and re.match(_wildcard_regex(pattern[:-1]), prefix) is not None


def _scanning_filters(config: Any) -> tuple[list[str], list[str]]:
    """(filters that scan automatically, problems) of one registry scanning configuration."""
    problems: list[str] = []
    scan_type = str(dig(config.props, "scanType")).upper()
    frequencies = _AUTOMATIC_SCANS.get(scan_type)
    if frequencies is None:
        return [], [f"scanType {scan_type!r} is not BASIC or ENHANCED"]
    filters: list[str] = []
    for i, rule in enumerate(items(dig(config.props, "rules"))):
        if str(dig(rule, "scanFrequency")) not in frequencies:
            continue
        for k, entry in enumerate(items(dig(rule, "repositoryFilters"))):
            kind, value = dig(entry, "filterType"), dig(entry, "filter")
            if str(kind) != "WILDCARD" or value is MISSING:
                problems.append(f"rules[{i}].repositoryFilters[{k}] is not a WILDCARD filter")
                continue
            filters.append(str(value))
    return filters, problems


def _defender_covers(pricing: Any) -> tuple[bool, list[str]]:
    """Whether a security Pricing turns on registry scanning for a subscription."""
    if str(dig(pricing.props, "pricingName")).lower() != "containers":
        return False, []
    problems = []
    tier = dig(pricing.props, "pricingTier")
    if str(tier) != "Standard":
        problems.append(f"the Containers plan's pricingTier is {tier!r}, not Standard")
    scope = str(dig(pricing.props, "scopeId")).strip("/").split("/")
    if len(scope) != 2 or scope[0].lower() != "subscriptions":
        problems.append("the Containers plan's scopeId is not a subscription")
    enabled = {
        str(dig(e, "name")): str(dig(e, "isEnabled"))
        for e in items(dig(pricing.props, "extensions"))
    }
    if enabled.get(DEFENDER_REGISTRY_EXTENSION) != "True":
        problems.append(
            f"the Containers plan does not enable {DEFENDER_REGISTRY_EXTENSION} "
            "(state it: defaults are not visible at plan time)"
        )
    return not problems, problems


@stack_rule(K8S_010)
def _registries_scanned(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    registry_filters: list[str] = []
    scanning = [r for r in args.resources if r.resource_type == _ECR_SCANNING]
    for r in scanning:
        filters, problems = _scanning_filters(r)
        registry_filters += filters
        for problem in problems:
            yield problem, r.urn
    defender = False
    for r in args.resources:
        if r.resource_type == "azure-native:security:Pricing":
            covers, problems = _defender_covers(r)
            defender = defender or covers
            for problem in problems:
                yield problem, r.urn
    for r in args.resources:
        if r.resource_type == "aws:ecr/repository:Repository":
            name = dig(r.props, "name")
            if name is MISSING:
                yield "the repository has no name the scanning filters can be judged on", r.urn
            elif scanning:
                if not any(ecr_filter_matches(f, str(name)) for f in registry_filters):
                    yield (
                        f"repository {name} matches no scan-on-push filter of the registry "
                        "scanning configuration",
                        r.urn,
                    )
            elif dig(r.props, "imageScanningConfiguration.scanOnPush") is not True:
                yield (
                    f"repository {name}: imageScanningConfiguration.scanOnPush is not true "
                    "and the stack has no registry scanning configuration",
                    r.urn,
                )
        elif r.resource_type == _ECR_TEMPLATE:
            prefix = str(dig(r.props, "prefix"))
            # ROOT is the template for every repository no other template names.
            names = "" if prefix == "ROOT" else f"{prefix}/"
            if not any(ecr_filter_covers_prefix(f, names) for f in registry_filters):
                yield (
                    f"repositories created from the template {prefix!r} are not scanned: no "
                    "registry scan-on-push filter covers them (a template has no scanning "
                    "setting of its own)",
                    r.urn,
                )
        elif r.resource_type == "azure-native:containerregistry:Registry":
            quarantine = dig(r.props, "policies.quarantinePolicy.status")
            if not defender and str(quarantine).lower() != "enabled":
                yield (
                    f"registry {r.name}: no Defender for Containers plan (Containers at "
                    "Standard with registry vulnerability assessment) in the stack, and "
                    "policies.quarantinePolicy.status is not enabled",
                    r.urn,
                )


# Kinds Kueue admits, and where each carries the queue label Kueue reads (Deployments
# and StatefulSets through its pod-based integrations: the label on the workload).
QUEUE_LABEL = "kueue.x-k8s.io/queue-name"
QUEUED_LABEL_PATHS = {
    "kubernetes:core/v1:Pod": "metadata.labels",
    "kubernetes:batch/v1:Job": "metadata.labels",
    "kubernetes:batch/v1:CronJob": "spec.jobTemplate.metadata.labels",
    "kubernetes:apps/v1:Deployment": "metadata.labels",
    "kubernetes:apps/v1:StatefulSet": "metadata.labels",
}

K8S_022 = RuleMeta(
    id="K8S-022",
    family="kubernetes",
    title="GPU workloads go through a queue",
    description="A Job, CronJob, Deployment, StatefulSet or bare Pod that requests "
    "nvidia.com/gpu, outside the namespaces listed in exemptNamespaces (the node agents), "
    "names its Kueue LocalQueue with the kueue.x-k8s.io/queue-name label (on the workload, "
    "or the CronJob's jobTemplate), so that it is admitted against its team's GPU quota "
    "instead of taking GPUs first come, first served (a GPU serving Deployment included: "
    "Kueue admits each of its pods); a GPU DaemonSet outside those namespaces cannot be "
    "queued and is refused.",
    severity=Severity.MEDIUM,
    iso27001=("A.8.6",),
    nist80053=("SC-6",),
    remediation="Set metadata.labels['kueue.x-k8s.io/queue-name'] to the team's LocalQueue "
    "(platform.queues in the stack config creates one per team in the training namespace).",
    config={
        "exemptNamespaces": {
            "type": "array",
            "description": "Namespaces whose GPU pods are node agents, not queued work",
            "items": {"type": "string"},
            "default": ["node-agents"],
        }
    },
)


def _requests_gpu(spec: Any) -> bool:
    for _, c in containers(spec):
        for kind in ("limits", "requests"):
            found = dig(c, f"resources.{kind}")
            if isinstance(found, Mapping) and GPU_RESOURCE in found:
                return True
    return False


@resource_rule(K8S_022, types=(*QUEUED_LABEL_PATHS, "kubernetes:apps/v1:DaemonSet"))
def _gpu_work_is_queued(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if not _requests_gpu(pod_spec(args)):
        return
    namespace = dig(args.props, "metadata.namespace")
    namespace = "default" if namespace is MISSING else str(namespace)
    if namespace in {str(n) for n in config.get("exemptNamespaces") or []}:
        return
    if args.resource_type == "kubernetes:apps/v1:DaemonSet":
        yield (
            f"a DaemonSet requesting nvidia.com/gpu in namespace {namespace!r} cannot be "
            "queued; GPU node agents belong in an exempt namespace"
        )
        return
    where = QUEUED_LABEL_PATHS[args.resource_type]
    labels = dig(args.props, where)
    queue = labels.get(QUEUE_LABEL) if isinstance(labels, Mapping) else None
    if not isinstance(queue, str) or not queue.strip():
        yield (
            f"requests nvidia.com/gpu in namespace {namespace!r} without a queue: "
            f"{where}['{QUEUE_LABEL}'] is not set"
        )


# ---------------------------------------------------------------------------------------
# The same rules at admission (policies/admission.py): CEL for every rule that one object
# decides, deployed by the in-cluster layer as ValidatingAdmissionPolicies. Each CEL is
# the rule's check rewritten; tests/policies/test_admission.py runs both on every case of
# the rule and fails when they disagree, or when the check changed after its CEL.

_POD_VARIABLES = pod_spec_variables(POD_SPEC_PATHS)
_EACH = "variables.containers.all(c, {})"


def _static(*validations: Validation) -> Callable[[Mapping[str, Any], AdmissionContext], list]:
    return lambda config, context: list(validations)


def _effective_cel(key: str, allowed: str) -> str:
    """The container's securityContext value, else the pod's, is in `allowed` (a CEL list)."""
    own = has_path("c", f"securityContext.{key}")
    pod = has_path("variables.spec", f"securityContext.{key}")
    return (
        f"({own}) ? c.securityContext.{key} in {allowed} : "
        f"(({pod}) && variables.spec.securityContext.{key} in {allowed})"
    )


_K8S_001_CEL = _static(
    Validation("variables.hasSpec", "[K8S-001] the workload has no pod spec"),
    Validation(
        _EACH.format(_effective_cel("runAsNonRoot", "[true]")),
        "[K8S-001] every container runs with runAsNonRoot true (its own or the pod's)",
    ),
    Validation(
        _EACH.format(field_is("c", "securityContext.allowPrivilegeEscalation", "false")),
        "[K8S-001] every container sets allowPrivilegeEscalation false",
    ),
    Validation(
        _EACH.format("!" + field_is("c", "securityContext.privileged", "true")),
        "[K8S-001] no container is privileged",
    ),
    Validation(
        _EACH.format(field_is("c", "securityContext.readOnlyRootFilesystem", "true")),
        "[K8S-001] every container sets readOnlyRootFilesystem true",
    ),
    Validation(
        _EACH.format(
            f"({has_path('c', 'securityContext.capabilities.drop')}) && "
            "'ALL' in c.securityContext.capabilities.drop"
        ),
        "[K8S-001] every container drops ALL capabilities",
    ),
    Validation(
        _EACH.format(_effective_cel("seccompProfile.type", "['RuntimeDefault', 'Localhost']")),
        "[K8S-001] every container runs with the RuntimeDefault (or a Localhost) seccomp profile",
    ),
)

_K8S_002_CEL = _static(
    *(
        Validation(
            f"!variables.hasSpec || !{field_is('variables.spec', key, 'true')}",
            f"[K8S-002] {key} is not allowed",
        )
        for key in ("hostNetwork", "hostPID", "hostIPC")
    ),
    Validation(
        "!variables.hasSpec || !has(variables.spec.volumes) || "
        "variables.spec.volumes.all(v, !has(v.hostPath))",
        "[K8S-002] hostPath volumes are not allowed",
    ),
)

_K8S_003_CEL = _static(
    *(
        Validation(
            _EACH.format(has_path("c", f"resources.{kind}.{res}")),
            f"[K8S-003] every container sets resources.{kind}.{res}",
        )
        for kind in ("requests", "limits")
        for res in ("cpu", "memory")
    )
)

_GPU = cel_string(GPU_RESOURCE)
_K8S_004_VARIABLES = (
    *_POD_VARIABLES,
    (
        "tolerates",
        "variables.hasSpec && has(variables.spec.tolerations) && "
        f"variables.spec.tolerations.exists(t, has(t.key) && t.key == {cel_string(GPU_TAINT_KEY)})",
    ),
    (
        "limitsGpu",
        "variables.containers.exists(c, has(c.resources) && has(c.resources.limits) && "
        f"{_GPU} in c.resources.limits)",
    ),
)
_K8S_004_CEL = _static(
    Validation(
        "!variables.limitsGpu || variables.tolerates",
        "[K8S-004] a workload that requests nvidia.com/gpu tolerates the GPU node taint",
    ),
    Validation(
        "!variables.tolerates || variables.limitsGpu",
        "[K8S-004] a workload that tolerates the GPU node taint requests nvidia.com/gpu",
    ),
)

# What registry_host() reads as an explicit host: a first segment with '.' or ':', or
# localhost; anything else is Docker Hub.
_EXPLICIT_HOST = r"^([^/]*[.:][^/]*|localhost)/"


def _k8s_005_cel(config: Mapping[str, Any], context: AdmissionContext) -> list[Validation]:
    import fnmatch

    jurisdiction = get_jurisdiction(str(config.get("jurisdiction") or "uae"))
    regions = "|".join(re.escape(r) for r in jurisdiction.allowed_regions("aws"))
    patterns = [str(p) for p in config.get("allowedRegistries") or []]
    hosts = [
        rf"\d{{12}}\.dkr\.ecr\.({regions})\.amazonaws\.com",
        *(re.escape(h) for h in context.own_registries),
        *(glob_regex(p) for p in patterns),
    ]
    allowed = f"c.image.matches({cel_string('^(?:' + '|'.join(hosts) + ')/')})"
    # A pattern that names Docker Hub also admits images with no host at all.
    if any(fnmatch.fnmatchcase("docker.io", p) for p in patterns) or "docker.io" in set(
        context.own_registries
    ):
        allowed = f"{allowed} || !c.image.matches({cel_string(_EXPLICIT_HOST)})"
    else:
        allowed = f"c.image.matches({cel_string(_EXPLICIT_HOST)}) && {allowed}"
    return [
        Validation(_EACH.format("has(c.image)"), "[K8S-005] every container names its image"),
        Validation(
            _EACH.format(f"!has(c.image) || c.image.matches({cel_string(_DIGEST.pattern)})"),
            "[K8S-005] every image is pinned by sha256 digest",
        ),
        Validation(
            _EACH.format(f"!has(c.image) || ({allowed})"),
            "[K8S-005] every image comes from an in-country registry (an ECR registry of a "
            "jurisdiction region, this stack's registry, or allowedRegistries)",
        ),
    ]


_K8S_007_CEL = _static(
    Validation(
        "!object.kind.endsWith('Binding') || !"
        + field_is("object", "roleRef.name", "'cluster-admin'"),
        "[K8S-007] nothing binds cluster-admin",
    ),
    *(
        Validation(
            "object.kind.endsWith('Binding') || !has(object.rules) || "
            f"object.rules.all(r, !(has(r.{key}) && '*' in r.{key}))",
            f"[K8S-007] no rule lists '*' in {key}",
        )
        for key in ("verbs", "resources", "apiGroups")
    ),
)


def _k8s_008_cel(config: Mapping[str, Any], context: AdmissionContext) -> list[Validation]:
    privileged = [
        str(entry.get("name"))
        for entry in config.get("privilegedNamespaces") or []
        if entry.get("reason")
    ]
    out = []
    for mode in ("enforce", "audit", "warn"):
        key = cel_string(f"pod-security.kubernetes.io/{mode}")
        value = f"object.metadata.labels[{key}]"
        ok = f"{value} == 'restricted'"
        if mode == "enforce":
            allowed = f"object.metadata.name in {cel_list(privileged)}"
            ok = f"({ok} || ({value} == 'privileged' && {allowed}))"
        out.append(
            Validation(
                f"has(object.metadata.labels) && {key} in object.metadata.labels && {ok}",
                f"[K8S-008] label pod-security.kubernetes.io/{mode} is restricted",
            )
        )
    return out


_QUEUE = cel_string(QUEUE_LABEL)
_K8S_022_VARIABLES = (
    *pod_spec_variables(
        {t: POD_SPEC_PATHS[t] for t in (*QUEUED_LABEL_PATHS, "kubernetes:apps/v1:DaemonSet")}
    ),
    (
        "requestsGpu",
        "variables.containers.exists(c, has(c.resources) && ("
        f"(has(c.resources.limits) && {_GPU} in c.resources.limits) || "
        f"(has(c.resources.requests) && {_GPU} in c.resources.requests)))",
    ),
    (
        "queueLabels",
        f"object.kind == 'CronJob' ? (({has_path('object', 'spec.jobTemplate.metadata.labels')}) "
        "? object.spec.jobTemplate.metadata.labels : {}) : "
        "(has(object.metadata.labels) ? object.metadata.labels : {})",
    ),
)
_K8S_022_CEL = _static(
    Validation(
        "!variables.requestsGpu || object.kind != 'DaemonSet'",
        "[K8S-022] a DaemonSet requesting nvidia.com/gpu cannot be queued; GPU node agents "
        "belong in an exempt namespace",
    ),
    Validation(
        "!variables.requestsGpu || object.kind == 'DaemonSet' || "
        f"({_QUEUE} in variables.queueLabels && "
        f"string(variables.queueLabels[{_QUEUE}]).matches('\\\\S'))",
        f"[K8S-022] a GPU Job, CronJob or Pod names its LocalQueue with the {QUEUE_LABEL} "
        "label (on the CronJob, in its jobTemplate)",
    ),
)


def _privileged_namespaces(config: Mapping[str, Any]) -> dict[str, str]:
    """K8S-008's privileged namespaces: their pods are node agents from Helm charts that the
    pack does not see at plan time; Pod Security audit and warn stay restricted there."""
    k8s_008 = config_with_defaults(K8S_008, {})
    return {
        str(e["name"]): f"privileged namespace (K8S-008): {e['reason']}"
        for e in k8s_008.get("privilegedNamespaces") or []
        if e.get("name") and e.get("reason")
    }


def _queue_exempt(config: Mapping[str, Any]) -> dict[str, str]:
    return {
        str(n): "exempt from queueing (K8S-022 exemptNamespaces): node agents, not queued work"
        for n in config.get("exemptNamespaces") or []
    }


ADMISSION_CHECKS: dict[str, AdmissionCheck] = {
    c.rule_id: c
    for c in (
        AdmissionCheck(
            "K8S-001",
            WORKLOAD_TYPES,
            _POD_VARIABLES,
            _K8S_001_CEL,
            "951107234afab601",
            _privileged_namespaces,
        ),
        AdmissionCheck(
            "K8S-002",
            WORKLOAD_TYPES,
            _POD_VARIABLES,
            _K8S_002_CEL,
            "76848fe75784fe00",
            _privileged_namespaces,
        ),
        AdmissionCheck("K8S-003", WORKLOAD_TYPES, _POD_VARIABLES, _K8S_003_CEL, "9f334784ad888235"),
        AdmissionCheck(
            "K8S-004", WORKLOAD_TYPES, _K8S_004_VARIABLES, _K8S_004_CEL, "602f596fe44c704a"
        ),
        AdmissionCheck("K8S-005", WORKLOAD_TYPES, _POD_VARIABLES, _k8s_005_cel, "df346e1aefd1ce01"),
        AdmissionCheck("K8S-007", _rbac.types, (), _K8S_007_CEL, "ac843fcdc7c6c629"),
        AdmissionCheck("K8S-008", _psa_labels.types, (), _k8s_008_cel, "af644f4db02b5fcb"),
        AdmissionCheck(
            "K8S-022",
            _gpu_work_is_queued.types,
            _K8S_022_VARIABLES,
            _K8S_022_CEL,
            "9805945ef87b0ece",
            _queue_exempt,
        ),
    )
}

NOT_AT_ADMISSION: dict[str, NotAtAdmission] = {
    n.rule_id: n
    for n in (
        NotAtAdmission(
            "K8S-006",
            "needs two objects: a namespace and a default-deny NetworkPolicy in it; admission "
            "sees one object at a time (a namespace is created before its policies)",
        ),
        NotAtAdmission(
            "K8S-009",
            "judges the cloud's cluster resource (EKS/AKS version), not a Kubernetes object",
        ),
        NotAtAdmission(
            "K8S-010",
            "judges the cloud's registries and their scanning (ECR, ACR, Defender), not a "
            "Kubernetes object",
        ),
        # The Argo rules (issue 14): a workflow's pods are built by the controller from the
        # workflow object and the argo-workflows release's values together.
        NotAtAdmission(
            "K8S-011",
            "judges the workflow object and the argo-workflows Helm release's executor "
            "defaults together (a Helm release is not an object the API server admits); the "
            "pods Argo starts are admitted as Pods, where K8S-003 checks their requests and "
            "limits",
        ),
        NotAtAdmission(
            "K8S-012",
            "the pods Argo starts merge the workflow's security context with the controller's "
            "defaults and podSpecPatch, so the workflow object alone does not decide them; "
            "those pods are admitted as Pods, where K8S-001 and K8S-002 apply",
        ),
        NotAtAdmission(
            "K8S-013",
            "judges the Argo charts' Helm release values and the stack's own registries (other "
            "resources of the stack), not one Kubernetes object; the images of the pods Argo "
            "starts are judged at admission by K8S-005",
        ),
        NotAtAdmission(
            "K8S-014",
            "judges the argo-workflows Helm release's artifact settings (useStaticCredentials, "
            "useSDKCreds), which are not an object the API server admits, with the workflow "
            "objects' artifact references",
        ),
    )
}


# Argo Workflows objects and where their templates live.
WORKFLOW_TEMPLATE_PATHS = {
    "kubernetes:argoproj.io/v1alpha1:Workflow": "spec",
    "kubernetes:argoproj.io/v1alpha1:WorkflowTemplate": "spec",
    "kubernetes:argoproj.io/v1alpha1:ClusterWorkflowTemplate": "spec",
    "kubernetes:argoproj.io/v1alpha1:CronWorkflow": "spec.workflowSpec",
}
WORKFLOW_TYPES = tuple(WORKFLOW_TEMPLATE_PATHS)
HELM_RELEASE = "kubernetes:helm.sh/v3:Release"
ARGO_WORKFLOWS_CHART = "argo-workflows"


def workflow_spec(args: ResourceValidationArgs) -> Any:
    """The workflow spec of an Argo object (MISSING when it has none)."""
    return dig(args.props, WORKFLOW_TEMPLATE_PATHS[args.resource_type])


def workflow_containers(spec: Any) -> Iterator[tuple[str, Any]]:
    """(label, container) for every container a workflow's templates start: the container
    or script of each template, its init containers, sidecars and container set."""
    for i, template in enumerate(items(dig(spec, "templates"))):
        name = dig(template, "name")
        where = f"templates[{i}] ({name if name is not MISSING else '?'})"
        for key in ("container", "script"):
            found = dig(template, key)
            if found is not MISSING:
                yield f"{where}.{key}", found
        for key in ("initContainers", "sidecars", "containerSet.containers"):
            for j, c in enumerate(items(dig(template, key))):
                yield f"{where}.{key}[{j}]", c


def chart_of(args: ResourceValidationArgs) -> str:
    """The chart name of a Helm release (the last part of an OCI or repository reference)."""
    return str(dig(args.props, "chart")).rsplit("/", 1)[-1]


K8S_011 = RuleMeta(
    id="K8S-011",
    family="kubernetes",
    title="Workflow pods request and limit CPU and memory",
    description="Every container an Argo Workflow, WorkflowTemplate or CronWorkflow starts "
    "(each template's container or script, init containers, sidecars, container sets) "
    "requests and limits CPU and memory, and the argo-workflows release sets the executor's "
    "(init and wait containers') requests and limits.",
    severity=Severity.MEDIUM,
    iso27001=("A.8.6",),
    nist80053=("SC-6",),
    remediation="Set resources.requests and resources.limits for cpu and memory on every "
    "template's container, and executor.resources in the argo-workflows chart values.",
)


@resource_rule(K8S_011, types=(*WORKFLOW_TYPES, HELM_RELEASE))
def _workflow_resources(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if args.resource_type == HELM_RELEASE:
        if chart_of(args) != ARGO_WORKFLOWS_CHART:
            return
        for kind in ("requests", "limits"):
            for res in ("cpu", "memory"):
                if dig(args.props, f"values.executor.resources.{kind}.{res}") is MISSING:
                    yield f"values.executor.resources.{kind}.{res} is not set"
        return
    spec = workflow_spec(args)
    if spec is MISSING:
        yield "the workflow object has no spec"
        return
    found = False
    for label, c in workflow_containers(spec):
        found = True
        for kind in ("requests", "limits"):
            for res in ("cpu", "memory"):
                if dig(c, f"resources.{kind}.{res}") is MISSING:
                    yield f"{label}: resources.{kind}.{res} is not set"
    if not found and dig(spec, "workflowTemplateRef") is MISSING:
        yield "the workflow starts no container the gate can see (no templates)"


K8S_012 = RuleMeta(
    id="K8S-012",
    family="kubernetes",
    title="Workflow pods run restricted",
    description="Argo workflow objects set a pod security context with runAsNonRoot and the "
    "RuntimeDefault seccomp profile, every container drops ALL capabilities, forbids "
    "privilege escalation and privileged mode and has a read-only root filesystem, and no "
    "template patches its pod spec (podSpecPatch could undo all of it).",
    severity=Severity.HIGH,
    iso27001=("A.8.9", "A.8.2"),
    nist80053=("CM-7", "AC-6"),
    remediation="Set spec.securityContext (runAsNonRoot, seccompProfile RuntimeDefault) and "
    "each container's securityContext as the Pod Security 'restricted' profile requires; "
    "remove podSpecPatch.",
)


@resource_rule(K8S_012, types=WORKFLOW_TYPES)
def _workflow_security(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    spec = workflow_spec(args)
    if spec is MISSING:
        yield "the workflow object has no spec"
        return
    if dig(spec, "workflowTemplateRef") is not MISSING and dig(spec, "templates") is MISSING:
        return  # runs a WorkflowTemplate, which is judged itself
    if dig(spec, "securityContext.runAsNonRoot") is not True:
        yield "spec.securityContext.runAsNonRoot is not true"
    if str(dig(spec, "securityContext.seccompProfile.type")) not in ("RuntimeDefault", "Localhost"):
        yield "spec.securityContext.seccompProfile.type is not RuntimeDefault"
    if dig(spec, "podSpecPatch") is not MISSING:
        yield "spec.podSpecPatch is set"
    for i, template in enumerate(items(dig(spec, "templates"))):
        if dig(template, "podSpecPatch") is not MISSING:
            yield f"templates[{i}].podSpecPatch is set"
    for label, c in workflow_containers(spec):
        if dig(c, "securityContext.allowPrivilegeEscalation") is not False:
            yield f"{label}: allowPrivilegeEscalation is not false"
        if dig(c, "securityContext.privileged") is True:
            yield f"{label}: privileged is true"
        if dig(c, "securityContext.runAsNonRoot") is False:
            yield f"{label}: runAsNonRoot is false"
        if dig(c, "securityContext.readOnlyRootFilesystem") is not True:
            yield f"{label}: readOnlyRootFilesystem is not true"
        drops = {str(d) for d in items(dig(c, "securityContext.capabilities.drop"))}
        if "ALL" not in drops:
            yield f"{label}: capabilities.drop does not include ALL"


K8S_013 = RuleMeta(
    id="K8S-013",
    family="kubernetes",
    title="Orchestrator and workflow images pinned by digest from in-country registries",
    description="Every container image an Argo workflow object names is referenced by sha256 "
    "digest from an in-country registry (as K8S-005 requires of workloads), and the "
    "argo-workflows and argo-events releases pin their controller, server and executor "
    "images by digest.",
    severity=Severity.HIGH,
    iso27001=("A.8.19", "A.5.34"),
    nist80053=("CM-14", "SI-7"),
    remediation="Mirror the Argo images into the stack's registry and set each image tag as "
    "<tag>@sha256:<digest> (platform.pipelines.imageDigests); reference workflow images as "
    "<registry>/<repo>@sha256:<digest>.",
    config=K8S_005.config,
)

# Where each Argo chart names its images: values path -> whether it is a tag (the
# repository elsewhere) or a whole reference.
ARGO_RELEASE_IMAGES = {
    "argo-workflows": ("controller.image.tag", "executor.image.tag", "server.image.tag"),
    "argo-events": ("global.image.tag",),
}


@stack_rule(K8S_013)
def _argo_images(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    own = _stack_registries(args, config)
    for r in args.resources:
        if r.resource_type == HELM_RELEASE:
            chart = str(dig(r.props, "chart")).rsplit("/", 1)[-1]
            for path in ARGO_RELEASE_IMAGES.get(chart, ()):
                tag = dig(r.props, f"values.{path}")
                if tag is MISSING or not _DIGEST.search(str(tag)):
                    shown = tag if tag is not MISSING else "not set"
                    yield f"values.{path} is {shown}: not pinned by digest", r.urn
            continue
        spec_path = WORKFLOW_TEMPLATE_PATHS.get(r.resource_type)
        if spec_path is None:
            continue
        for label, c in workflow_containers(dig(r.props, spec_path)):
            image = dig(c, "image")
            if image is MISSING:
                yield f"{label}: no image", r.urn
                continue
            image = str(image)
            if not _DIGEST.search(image):
                yield f"{label}: image {image} is not pinned by digest", r.urn
            host = registry_host(image)
            if host not in own and not _registry_allowed(host, config):
                yield (
                    f"{label}: registry {host} is not an in-country registry (an ECR "
                    "registry of a jurisdiction region, this stack's ACR, or "
                    "allowedRegistries)",
                    r.urn,
                )


K8S_014 = RuleMeta(
    id="K8S-014",
    family="kubernetes",
    title="Workflow artifacts through workload identity, never static keys",
    description="The argo-workflows release turns static credentials off "
    "(useStaticCredentials false) and configures an artifact repository that authenticates "
    "with the workflow pod's workload identity (useSDKCreds) without an access key, secret "
    "key or account key secret; no workflow object names a key secret for an artifact.",
    severity=Severity.HIGH,
    iso27001=("A.5.17", "A.8.5"),
    nist80053=("IA-5", "AC-6"),
    remediation="Set useStaticCredentials: false and artifactRepository.<s3|azure>.useSDKCreds: "
    "true (CloudPlatform.workflow_artifact_repository does), and bind the workflow's service "
    "account to its cloud identity.",
)
_KEY_FIELDS = ("accessKeySecret", "secretKeySecret", "sessionTokenSecret", "accountKeySecret")


def _key_secrets(node: Any, where: str) -> Iterator[str]:
    """Paths under `node` where a static key secret is named."""
    if isinstance(node, Mapping):
        for key in node:
            value = node[key]
            if key in _KEY_FIELDS:
                yield f"{where}.{key}" if where else str(key)
            else:
                yield from _key_secrets(value, f"{where}.{key}" if where else str(key))
    elif not isinstance(node, str) and hasattr(node, "__getitem__"):  # a list or its proxy
        for i, value in enumerate(items(node)):
            yield from _key_secrets(value, f"{where}[{i}]")


@resource_rule(K8S_014, types=(*WORKFLOW_TYPES, HELM_RELEASE))
def _workflow_artifacts(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if args.resource_type != HELM_RELEASE:
        for path in _key_secrets(dig(args.props, "spec"), "spec"):
            yield f"{path} names a static key secret"
        return
    if chart_of(args) != ARGO_WORKFLOWS_CHART:
        return
    if dig(args.props, "values.useStaticCredentials") is not False:
        yield "values.useStaticCredentials is not false (the chart's default is true)"
    repository = dig(args.props, "values.artifactRepository")
    stores = [k for k in ("s3", "azure", "gcs") if dig(repository, k) not in (MISSING, {})]
    if not stores:
        yield "values.artifactRepository configures no artifact store"
    for store in stores:
        if dig(repository, f"{store}.useSDKCreds") is not True:
            yield f"values.artifactRepository.{store}.useSDKCreds is not true"
    for path in _key_secrets(repository, "values.artifactRepository"):
        yield f"{path} names a static key secret"
