"""The typed stack configuration: one `platform` object per stack, validated once.

A stack file holds the platform under the project key `sovereign-ml-platform:platform`
in camelCase, so `pulumi config set --path platform.nodePools.gpu.maxSize 4` keeps
working. Secrets never live inside that object: they are separate top-level keys
set with `pulumi config set --secret` (see `SECRET_KEYS`).

Errors name the key path, what was expected and what was given; a region error
lists the allowed regions of the stack's cloud and jurisdiction.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic.alias_generators import to_camel
from pydantic_core import InitErrorDetails, PydanticCustomError

from policies.jurisdictions import JURISDICTIONS, Cloud, get_jurisdiction

PROJECT = "sovereign-ml-platform"
PLATFORM_KEY = "platform"

Environment = Literal["prod", "staging", "dev", "dr"]
Profile = Literal["smb", "enterprise"]
PoolKind = Literal["system", "cpu", "gpu"]
DataClassification = Literal["public", "internal", "confidential", "restricted"]
Persona = Literal["platform-admin", "ml-engineer", "data-scientist", "auditor"]
PERSONAS: tuple[Persona, ...] = ("platform-admin", "ml-engineer", "data-scientist", "auditor")
TaintEffect = Literal["NoSchedule", "PreferNoSchedule", "NoExecute"]

# The taint every GPU pool carries, so only pods that ask for GPUs land there.
GPU_TAINT_KEY = "nvidia.com/gpu"
GPU_TAINT_VALUE = "present"
SYSTEM_TAINT_KEY = "CriticalAddonsOnly"

# Secrets a stack may bring. Each is a top-level project key that must be set
# with `pulumi config set --secret`; a plain value is refused.
SECRET_KEYS: dict[str, str] = {
    "registryDbPassword": "password of the MLflow registry database's admin user",
    "onlineStoreAuthToken": "auth token of the Feast online store (Redis)",
    "servingApiToken": "bearer token that clients present to the serving API",
}
# Key names inside `platform` that look like secrets; they are refused with a
# pointer to the secret keys above.
_SECRET_LIKE = re.compile(
    r"(password|passwd|secret|token|apikey|accesskey|connectionstring)$", re.I
)

# CloudWatch Logs accepts only these retention periods (days).
CLOUDWATCH_RETENTION_DAYS = (
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,
    2192, 2557, 2922, 3288, 3653,
)
AZURE_LOG_ANALYTICS_RETENTION = (30, 730)
MIN_LOG_RETENTION_DAYS = {"prod": 365, "dr": 365, "staging": 90, "dev": 90}

_AWS_INSTANCE = re.compile(r"^[a-z][a-z0-9-]*\.[a-z0-9]+$")
_AZURE_VM_SIZE = re.compile(r"^Standard_[A-Za-z0-9_]+$")
# GPU families: AWS accelerated-computing families with NVIDIA GPUs; Azure N-series.
_AWS_GPU_FAMILY = re.compile(r"^(p3|p3dn|p4d|p4de|p5|p5e|p5en|p6|g4dn|g5|g6|g6e|g6f|gr6|g7e)\.")
_AZURE_GPU_SIZE = re.compile(r"^Standard_N(C|D|V|G)", re.I)
_AWS_ROLE_ARN = re.compile(r"^arn:aws:iam::\d{12}:role/[\w+=,.@/-]{1,512}$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_DNS_LABEL = re.compile(r"^[a-z]([a-z0-9-]{0,30}[a-z0-9])?$")
_K8S_VERSION = re.compile(r"^1\.(\d{2})$")
_CRON = re.compile(r"^(\S+\s+){4}\S+$")

SUPPORTED_K8S_MINORS = range(30, 36)  # 1.30 .. 1.35


def is_gpu_instance_type(cloud: str, instance_type: str) -> bool:
    """True when `instance_type` is an NVIDIA GPU machine type of `cloud`."""
    if cloud == "aws":
        return bool(_AWS_GPU_FAMILY.match(instance_type))
    return bool(_AZURE_GPU_SIZE.match(instance_type))


class ConfigError(Exception):
    """A stack configuration that cannot be used; `problems` are `path: message` lines."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(self.render())

    def render(self) -> str:
        """The error as a user reads it: where, then one line per problem."""
        lines = [f"invalid configuration in {self.source}:"]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


def _problem(loc: tuple[str | int, ...], message: str, given: Any) -> InitErrorDetails:
    return InitErrorDetails(
        type=PydanticCustomError("platform_config", message),
        loc=loc,
        input=given,
    )


def _raise(title: str, problems: list[InitErrorDetails]) -> None:
    if problems:
        raise ValidationError.from_exception_data(title, problems)


class _Model(BaseModel):
    """camelCase keys as in the stack file; unknown keys are errors."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=False,
        extra="forbid",
        frozen=True,
    )


class Taint(_Model):
    """A Kubernetes node taint."""

    key: Annotated[str, Field(min_length=1, max_length=253)]
    value: str = ""
    effect: TaintEffect = "NoSchedule"


class NodePool(_Model):
    """One node pool; system, cpu and gpu pools share this shape."""

    kind: PoolKind
    instance_types: Annotated[list[str], Field(min_length=1, max_length=20)]
    min_size: Annotated[int, Field(ge=0, le=1000)]
    max_size: Annotated[int, Field(ge=0, le=1000)]
    desired_size: Annotated[int | None, Field(ge=0, le=1000)] = None
    disk_size_gb: Annotated[int, Field(ge=20, le=16384)] = 100
    spot: bool = False
    taints: list[Taint] = Field(default_factory=list)
    labels: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _sizes(self) -> NodePool:
        problems = []
        if self.min_size > self.max_size:
            problems.append(
                _problem(("minSize",), f"minSize ({self.min_size}) must not exceed maxSize "
                         f"({self.max_size})", self.min_size)
            )
        if self.desired_size is not None and not (
            self.min_size <= self.desired_size <= self.max_size
        ):
            problems.append(
                _problem(("desiredSize",), f"desiredSize must lie between minSize "
                         f"({self.min_size}) and maxSize ({self.max_size})", self.desired_size)
            )
        if self.kind == "system" and self.spot:
            problems.append(_problem(("spot",), "a system pool must run on on-demand "
                                     "capacity (spot: false)", self.spot))
        if self.kind == "system" and self.min_size < 1:
            problems.append(_problem(("minSize",), "a system pool needs at least one node",
                                     self.min_size))
        if self.kind == "gpu" and self.max_size < 1:
            problems.append(_problem(("maxSize",), "a gpu pool needs maxSize >= 1 to be "
                                     "able to scale up", self.max_size))
        _raise("NodePool", problems)
        return self

    @property
    def effective_taints(self) -> list[Taint]:
        """The configured taints plus the one the pool kind requires."""
        required = {
            "gpu": Taint.model_validate({"key": GPU_TAINT_KEY, "value": GPU_TAINT_VALUE}),
            "system": Taint.model_validate({"key": SYSTEM_TAINT_KEY, "value": "true"}),
        }.get(self.kind)
        taints = list(self.taints)
        if required is not None and all(t.key != required.key for t in taints):
            taints.append(required)
        return taints


# Zones a stack spreads over when it does not say, capped by what its region has.
DEFAULT_AVAILABILITY_ZONES = 3
# Spreading over fewer than two zones protects against nothing; 0 means "no zones".
MIN_ZONES_WHEN_ZONED = 2


class Network(_Model):
    """Address space of the VPC / VNet."""

    cidr: str = "10.40.0.0/16"
    availability_zones: Annotated[int, Field(
        ge=0, le=6,
        description="Availability zones to spread over: 2 up to the region's count, or 0 "
                    "in a region without zones (no zonal placement, no zone redundancy). "
                    "Default: 3, or the region's count when it has fewer (0 where none).",
    )] = DEFAULT_AVAILABILITY_ZONES

    @field_validator("cidr")
    @classmethod
    def _cidr(cls, value: str) -> str:
        try:
            net = ipaddress.IPv4Network(value)
        except ValueError as exc:
            raise ValueError(f"expected an IPv4 CIDR such as 10.40.0.0/16 ({exc})") from None
        if not net.is_private:
            raise ValueError("expected a private (RFC 1918) range")
        if not 16 <= net.prefixlen <= 20:
            raise ValueError("expected a prefix between /16 and /20")
        return str(net)


class ClusterEndpoint(_Model):
    """Who can reach the Kubernetes API server."""

    public_access: bool = False
    allowed_cidrs: list[str] = Field(default_factory=list)

    @field_validator("allowed_cidrs")
    @classmethod
    def _cidrs(cls, values: list[str]) -> list[str]:
        out = []
        for value in values:
            try:
                net = ipaddress.ip_network(value, strict=False)
            except ValueError:
                raise ValueError(f"expected CIDR blocks, got {value!r}") from None
            if net.prefixlen == 0:
                raise ValueError(f"{value} opens the API server to the whole Internet")
            out.append(str(net))
        return out

    @model_validator(mode="after")
    def _allow_list(self) -> ClusterEndpoint:
        if self.public_access and not self.allowed_cidrs:
            _raise("ClusterEndpoint", [_problem(
                ("allowedCidrs",), "a public endpoint needs an allow-list of CIDR blocks", [],
            )])
        return self


class OnlineStore(_Model):
    """The Feast online store (ElastiCache / Azure Cache for Redis)."""

    node_type: str
    replicas: Annotated[int, Field(ge=0, le=5)] = 1


class FeatureStore(_Model):
    """Feast: project name, online store sizing and materialization schedule."""

    enabled: bool = True
    # The reference feature repo's project (workloads/schema.py FEAST_PROJECT).
    project: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{1,39}$")] = "sovereign_fraud"
    online_store: OnlineStore
    materialization_schedule: str = "15 * * * *"

    @field_validator("materialization_schedule")
    @classmethod
    def _cron(cls, value: str) -> str:
        if not _CRON.match(value.strip()):
            raise ValueError("expected a five-field cron expression such as '15 * * * *'")
        return value.strip()


class Database(_Model):
    """The MLflow registry's PostgreSQL server."""

    instance_class: str
    storage_gb: Annotated[int, Field(ge=20, le=65536)] = 50
    backup_retention_days: Annotated[int, Field(ge=1, le=35)] = 7
    high_availability: bool = False
    # Azure: the admin password the program generates is replaced every this many days
    # (on the first `pulumi up` of each period) and its Key Vault secret expires one
    # period after that. AWS: RDS rotates its managed master secret itself.
    password_rotation_days: Annotated[int, Field(ge=7, le=365)] = 90


class Registry(_Model):
    """The MLflow model registry and its database."""

    enabled: bool = True
    database: Database


class ModelVariant(_Model):
    """One served model: a registry alias and its share of traffic."""

    name: str
    alias: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]{0,62}$")]
    traffic_percent: Annotated[int, Field(ge=0, le=100)]

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not _DNS_LABEL.match(value):
            raise ValueError("expected a DNS label (lower-case letters, digits, '-')")
        return value


class Serving(_Model):
    """Model serving: which registered model, the A/B split and scale."""

    registered_model: Annotated[str, Field(min_length=1, max_length=128)]
    variants: Annotated[list[ModelVariant], Field(min_length=1, max_length=4)]
    min_replicas: Annotated[int, Field(ge=1, le=100)] = 2
    max_replicas: Annotated[int, Field(ge=1, le=200)] = 6
    gpu: bool = False

    @model_validator(mode="after")
    def _split(self) -> Serving:
        problems = []
        total = sum(v.traffic_percent for v in self.variants)
        if total != 100:
            problems.append(_problem(("variants",), f"trafficPercent of all variants must add "
                                     f"up to 100, they add up to {total}",
                                     [v.traffic_percent for v in self.variants]))
        names = [v.name for v in self.variants]
        if len(set(names)) != len(names):
            problems.append(_problem(("variants",), "variant names must be unique", names))
        aliases = [v.alias for v in self.variants]
        if len(set(aliases)) != len(aliases):
            problems.append(_problem(("variants",), "variant aliases must be unique", aliases))
        # The serving image splits traffic between these two registry aliases (sticky A/B).
        if "champion" not in aliases or not set(aliases) <= set(SERVING_ALIASES):
            problems.append(_problem(("variants",), "the serving service splits traffic "
                                     "between the aliases 'champion' (required) and "
                                     "'challenger'", aliases))
        if self.min_replicas > self.max_replicas:
            problems.append(_problem(("minReplicas",), f"minReplicas ({self.min_replicas}) must "
                                     f"not exceed maxReplicas ({self.max_replicas})",
                                     self.min_replicas))
        _raise("Serving", problems)
        return self


class DistributedTraining(_Model):
    """The distributed option: an indexed Job of `nodes` pods running torchrun."""

    nodes: Annotated[int, Field(ge=2, le=32)]
    gpus_per_node: Annotated[int, Field(ge=1, le=8)] = 1




class Training(_Model):
    """The reference training job: on a schedule, or on demand when no schedule is set
    (`kubectl create job --from=cronjob/reference-training <name> -n training`)."""

    schedule: str | None = None
    # None: on the GPU pool when the stack has one, else on CPU.
    gpu: bool | None = None
    # workloads/training/model.py MODEL_KINDS (a test keeps the two equal)
    model_kind: Literal["hist_gbt", "logistic"] = "hist_gbt"
    distributed: DistributedTraining | None = None

    @field_validator("schedule")
    @classmethod
    def _cron(cls, value: str | None) -> str | None:
        if value is not None and not _CRON.match(value.strip()):
            raise ValueError("expected a five-field cron expression such as '0 3 * * 0'")
        return value.strip() if value is not None else None


SERVING_ALIASES = ("champion", "challenger")
# Workload images, one repository each in the stack's ECR/ACR (the cloud layers'
# repository names, components/interface.py WORKLOADS).
IMAGE_NAMES = ("serving", "training", "feature-store", "drift-monitor", "registry")
_IMAGE_DIGEST = re.compile(r"^sha256:[0-9a-f]{64}$")


class Images(_Model):
    """Digests of the workload images in the stack's registry; CI writes them with
    `pulumi config set --path platform.images.digests.serving sha256:...`."""

    digests: dict[str, str]

    @field_validator("digests")
    @classmethod
    def _digests(cls, value: dict[str, str]) -> dict[str, str]:
        problems = []
        for key in sorted(set(value) - set(IMAGE_NAMES)):
            problems.append(_problem((key,), f"unknown image; expected one of "
                                     f"{', '.join(IMAGE_NAMES)}", value[key]))
        for key in IMAGE_NAMES:
            if key not in value:
                problems.append(_problem((key,), "digest of this image is missing", None))
            elif not _IMAGE_DIGEST.match(str(value[key])):
                problems.append(_problem((key,), "expected sha256:<64 lower-case hex digits>",
                                         value[key]))
        _raise("Images", problems)
        return value


class Monitoring(_Model):
    """Log retention and drift detection."""

    log_retention_days: Annotated[int, Field(ge=1, le=3653)] = 365
    drift_schedule: str = "0 * * * *"
    drift_psi_threshold: Annotated[float, Field(gt=0, le=1)] = 0.2

    @field_validator("drift_schedule")
    @classmethod
    def _cron(cls, value: str) -> str:
        if not _CRON.match(value.strip()):
            raise ValueError("expected a five-field cron expression such as '0 * * * *'")
        return value.strip()


class Tags(_Model):
    """Ownership tags; the mandatory tag set is computed from these and the stack."""

    owner: Annotated[str, Field(min_length=1, max_length=128)]
    cost_centre: Annotated[str, Field(min_length=1, max_length=64)]
    extra: dict[str, str] = Field(default_factory=dict)


class PlatformConfig(_Model):
    """Everything one stack (one region, one environment) deploys."""

    cloud: Cloud
    region: str
    jurisdiction: str
    environment: Environment
    profile: Profile
    kubernetes_version: str
    data_classification: DataClassification
    tags: Tags
    network: Network = Field(default_factory=Network)
    cluster_endpoint: ClusterEndpoint = Field(default_factory=ClusterEndpoint)
    node_pools: Annotated[dict[str, NodePool], Field(min_length=1)]
    personas: dict[Persona, Annotated[list[str], Field(min_length=1)]]
    feature_store: FeatureStore
    registry: Registry
    serving: Serving
    training: Training = Field(default_factory=Training)
    monitoring: Monitoring = Field(default_factory=Monitoring)
    # None until CI has pushed the images: the in-cluster ML services need digests.
    images: Images | None = None

    @field_validator("kubernetes_version", mode="before")
    @classmethod
    def _k8s_version(cls, value: Any) -> Any:
        if isinstance(value, float):
            raise ValueError(
                f"expected a string such as '1.32', got the number {value}; quote it, or use "
                "`pulumi config set --path platform.kubernetesVersion --type string 1.32`"
            )
        if not isinstance(value, str) or not _K8S_VERSION.match(value):
            raise ValueError(f"expected a Kubernetes minor version such as '1.32', got {value!r}")
        minor = int(value.split(".")[1])
        if minor not in SUPPORTED_K8S_MINORS:
            lo, hi = SUPPORTED_K8S_MINORS[0], SUPPORTED_K8S_MINORS[-1]
            raise ValueError(f"Kubernetes {value} is not supported; use 1.{lo} to 1.{hi}")
        return value

    @field_validator("jurisdiction")
    @classmethod
    def _jurisdiction(cls, value: str) -> str:
        if value not in JURISDICTIONS:
            raise ValueError(f"unknown jurisdiction {value!r}; known: "
                             f"{', '.join(sorted(JURISDICTIONS))}")
        return value

    @field_validator("node_pools")
    @classmethod
    def _pool_names(cls, pools: dict[str, NodePool]) -> dict[str, NodePool]:
        for name in pools:
            if not _DNS_LABEL.match(name) or len(name) > 12:
                raise ValueError(f"pool name {name!r} must be a DNS label of at most 12 "
                                 "characters (it is part of cloud resource names)")
        return pools

    @model_validator(mode="before")
    @classmethod
    def _zone_default(cls, data: Any) -> Any:
        """Without `network.availabilityZones`, a region with fewer zones than the default
        gets its own count (0 in a region without zones), so such a stack need not say."""
        if not isinstance(data, Mapping):
            return data
        network = data.get("network", {})
        if not isinstance(network, Mapping) or "availabilityZones" in network:
            return data
        zones = _region_zones(data.get("jurisdiction"), data.get("region"))
        if zones is None or zones >= DEFAULT_AVAILABILITY_ZONES:
            return data
        zones = zones if zones >= MIN_ZONES_WHEN_ZONED else 0
        return {**data, "network": {**network, "availabilityZones": zones}}

    @model_validator(mode="after")
    def _semantics(self) -> PlatformConfig:
        """Checks that span fields: residency, cloud-specific formats, profile rules."""
        problems: list[InitErrorDetails] = []
        jurisdiction = get_jurisdiction(self.jurisdiction)
        if not jurisdiction.allows(self.cloud, self.region):
            problems.append(_problem(("region",), jurisdiction.explain_region(
                self.cloud, self.region), self.region))
        elif (zone_problem := _zone_problem(jurisdiction.zones_in(self.region), self.region,
                                            self.network.availability_zones)):
            problems.append(_problem(("network", "availabilityZones"), zone_problem,
                                     self.network.availability_zones))

        instance_format = _AWS_INSTANCE if self.cloud == "aws" else _AZURE_VM_SIZE
        example = "m6i.xlarge" if self.cloud == "aws" else "Standard_D4s_v5"
        for name, pool in self.node_pools.items():
            for i, itype in enumerate(pool.instance_types):
                loc = ("nodePools", name, "instanceTypes", i)
                if not instance_format.match(itype):
                    problems.append(_problem(loc, f"expected a {self.cloud} instance type such "
                                             f"as {example}", itype))
                elif pool.kind == "gpu" and not is_gpu_instance_type(self.cloud, itype):
                    families = "g5/g6/p4d/p5..." if self.cloud == "aws" else "Standard_NC/ND/NV..."
                    problems.append(_problem(loc, f"a gpu pool needs NVIDIA GPU instance types "
                                             f"({families})", itype))
                elif pool.kind != "gpu" and is_gpu_instance_type(self.cloud, itype):
                    problems.append(_problem(loc, f"a {pool.kind} pool must not use GPU "
                                             "instance types; declare a gpu pool", itype))
            if self.profile == "smb" and pool.kind == "gpu" and pool.min_size > 0:
                problems.append(_problem(("nodePools", name, "minSize"), "the smb profile keeps "
                                         "GPU pools scaled to zero (minSize: 0)", pool.min_size))
            if self.profile == "enterprise" and pool.kind == "system" and pool.min_size < 2:
                problems.append(_problem(("nodePools", name, "minSize"), "the enterprise "
                                         "profile needs at least 2 system nodes for HA",
                                         pool.min_size))
        if not any(p.kind == "system" for p in self.node_pools.values()):
            problems.append(_problem(("nodePools",), "at least one pool of kind 'system' is "
                                     "required", sorted(self.node_pools)))

        missing = [p for p in PERSONAS if p not in self.personas]
        if missing:
            problems.append(_problem(("personas",), f"every persona needs at least one "
                                     f"principal; missing: {', '.join(missing)}",
                                     sorted(self.personas)))
        principal = _AWS_ROLE_ARN if self.cloud == "aws" else _UUID
        shape = ("an IAM role ARN (arn:aws:iam::<12 digits>:role/<name>)" if self.cloud == "aws"
                 else "an Entra ID group object id (a UUID)")
        for persona, principals in self.personas.items():
            for i, value in enumerate(principals):
                if not principal.match(value):
                    problems.append(_problem(("personas", persona, i), f"expected {shape}",
                                             value))

        if self.environment == "prod" and self.cluster_endpoint.public_access:
            problems.append(_problem(("clusterEndpoint", "publicAccess"), "prod clusters keep "
                                     "the API server private", True))
        if self.profile == "smb" and self.serving.gpu:
            problems.append(_problem(("serving", "gpu"), "the smb profile serves on CPU only",
                                     True))
        has_gpu_pool = any(p.kind == "gpu" for p in self.node_pools.values())
        if self.serving.gpu and not has_gpu_pool:
            problems.append(_problem(("serving", "gpu"), "GPU serving needs a gpu node pool",
                                     True))
        if self.training.gpu and not has_gpu_pool:
            problems.append(_problem(("training", "gpu"), "GPU training needs a gpu node pool",
                                     True))
        if self.training.distributed is not None and not has_gpu_pool:
            problems.append(_problem(("training", "distributed"), "distributed training runs "
                                     "on the gpu node pool; declare one",
                                     self.training.distributed.model_dump(by_alias=True)))
        elif self.training.distributed is not None:
            nodes = self.training.distributed.nodes
            most = sum(p.max_size for p in self.node_pools.values() if p.kind == "gpu")
            if nodes > most:
                problems.append(_problem(("training", "distributed", "nodes"), f"{nodes} "
                                         f"training nodes need {nodes} GPU nodes; the gpu "
                                         f"pools scale to at most {most}", nodes))

        days = self.monitoring.log_retention_days
        floor = MIN_LOG_RETENTION_DAYS[self.environment]
        if days < floor:
            problems.append(_problem(("monitoring", "logRetentionDays"), f"{self.environment} "
                                     f"stacks keep logs at least {floor} days", days))
        elif self.cloud == "aws" and days not in CLOUDWATCH_RETENTION_DAYS:
            near = ", ".join(str(d) for d in CLOUDWATCH_RETENTION_DAYS if d >= floor)
            problems.append(_problem(("monitoring", "logRetentionDays"), f"CloudWatch accepts "
                                     f"only these retention periods: {near}", days))
        elif self.cloud == "azure" and not (
            AZURE_LOG_ANALYTICS_RETENTION[0] <= days <= AZURE_LOG_ANALYTICS_RETENTION[1]
        ):
            problems.append(_problem(("monitoring", "logRetentionDays"), "Log Analytics "
                                     "retention must be between 30 and 730 days", days))
        _raise("PlatformConfig", problems)
        return self

    @property
    def training_on_gpu(self) -> bool:
        """Whether the reference training job requests a GPU (default: if a pool has them)."""
        if self.training.gpu is not None:
            return self.training.gpu
        return any(p.kind == "gpu" for p in self.node_pools.values())

    def pools_of_kind(self, kind: PoolKind) -> dict[str, NodePool]:
        """The node pools of one kind, by name."""
        return {n: p for n, p in self.node_pools.items() if p.kind == kind}

    def to_stack_value(self) -> dict[str, Any]:
        """The object as it is written under `platform` in a stack file."""
        return self.model_dump(mode="json", by_alias=True, exclude_defaults=False)


def _region_zones(jurisdiction: Any, region: Any) -> int | None:
    """The catalogue's zone count for a raw jurisdiction id and region, if it has one."""
    if not isinstance(jurisdiction, str) or jurisdiction not in JURISDICTIONS:
        return None
    if not isinstance(region, str):
        return None
    return JURISDICTIONS[jurisdiction].zones_in(region)


def _zone_problem(zones: int | None, region: str, wanted: int) -> str | None:
    """Why `wanted` zones do not fit `region` (which has `zones`), or None when they do."""
    if zones is None:
        return None  # not catalogued; the program's own zone lookup still checks
    has = f"{region} has {zones} available zones (jurisdiction catalogue)"
    if zones < MIN_ZONES_WHEN_ZONED:
        if wanted == 0:
            return None
        return (f"{has}, none to spread over, and the stack asks for {wanted}: set 0, which "
                "deploys without zonal placement or zone redundancy")
    if wanted > zones:
        return (f"{has} and the stack asks for {wanted}: use {MIN_ZONES_WHEN_ZONED} to "
                f"{zones}")
    if wanted < MIN_ZONES_WHEN_ZONED:
        return (f"{has} and the stack asks for {wanted}: spread over {MIN_ZONES_WHEN_ZONED} "
                f"to {zones} (0 is only for regions without zones)")
    return None


@dataclass(frozen=True)
class StackSettings:
    """A validated stack: its name, the platform config and which secrets it brings."""

    stack: str
    platform: PlatformConfig
    secrets_set: frozenset[str]

    @property
    def mandatory_tags(self) -> dict[str, str]:
        """The tags every taggable resource carries (merged explicitly by each component)."""
        p = self.platform
        tags = {
            "owner": p.tags.owner,
            "cost-centre": p.tags.cost_centre,
            "data-classification": p.data_classification,
            "data-residency": p.jurisdiction,
            "environment": p.environment,
            "stack": self.stack,
            "managed-by": "pulumi",
            "project": PROJECT,
        }
        return {**p.tags.extra, **tags}


def _format_loc(loc: tuple[str | int, ...]) -> str:
    path = PLATFORM_KEY
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def _describe(value: Any) -> str:
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} ({type(value).__name__})"


def format_validation_error(error: ValidationError) -> list[str]:
    """One `platform.key.path: message; got value (type)` line per pydantic error."""
    lines = []
    for err in error.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        msg = err["msg"]
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, "):]
        kind = err["type"]
        if kind == "missing":
            lines.append(f"{_format_loc(loc)}: required key is missing")
        elif kind == "extra_forbidden":
            lines.append(f"{_format_loc(loc)}: unknown key (check the spelling; keys are "
                         "camelCase)")
        else:
            lines.append(f"{_format_loc(loc)}: {msg}; got {_describe(err['input'])}")
    return lines


def _secret_like_keys(value: Any, loc: tuple[str | int, ...] = ()) -> list[str]:
    found: list[str] = []
    if isinstance(value, Mapping):
        for key, child in value.items():
            if isinstance(key, str) and _SECRET_LIKE.search(key):
                found.append(_format_loc((*loc, key)))
            found += _secret_like_keys(child, (*loc, str(key)))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += _secret_like_keys(child, (*loc, i))
    return found


def parse_stack_settings(
    stack: str,
    project_values: Mapping[str, Any],
    is_secret: Callable[[str], bool],
    source: str,
    provider_values: Mapping[str, Any] | None = None,
) -> StackSettings:
    """Validate one stack's project config (keys without the project prefix).

    `is_secret(key)` says whether a top-level key was stored as a Pulumi secret;
    `provider_values` holds other namespaces' keys (`aws:region`, ...) so a
    provider default that contradicts the platform region is refused.
    Raises `ConfigError` listing every problem.
    """
    problems: list[str] = []
    for key in sorted(project_values):
        if key == PLATFORM_KEY:
            continue
        if key in SECRET_KEYS:
            if not is_secret(key):
                problems.append(f"{key}: must be a Pulumi secret, not plain text; set it with "
                                f"`pulumi config set --secret {key} <value>`")
        else:
            allowed = ", ".join([PLATFORM_KEY, *SECRET_KEYS])
            problems.append(f"{key}: unknown project key; expected one of: {allowed}")
    raw = project_values.get(PLATFORM_KEY)
    if raw is None:
        problems.append(f"{PLATFORM_KEY}: required key is missing (the whole platform object "
                        f"under `{PROJECT}:{PLATFORM_KEY}`)")
        raise ConfigError(source, problems)
    if not isinstance(raw, Mapping):
        problems.append(f"{PLATFORM_KEY}: expected an object; got {_describe(raw)}")
        raise ConfigError(source, problems)
    if is_secret(PLATFORM_KEY):
        problems.append(f"{PLATFORM_KEY}: holds a secret value; keep secrets in their own keys "
                        f"({', '.join(SECRET_KEYS)}), not inside the platform object")
    for path in _secret_like_keys(raw, ()):
        problems.append(f"{path}: looks like a secret in plain text; keep secrets out of the "
                        f"platform object and set one of {', '.join(SECRET_KEYS)} with "
                        "`pulumi config set --secret`")
    platform: PlatformConfig | None = None
    if not problems:
        try:
            platform = PlatformConfig.model_validate(raw)
        except ValidationError as exc:
            problems += format_validation_error(exc)
    if platform is not None and provider_values:
        problems += _provider_conflicts(platform, provider_values)
    if problems or platform is None:
        raise ConfigError(source, problems)
    secrets_set = frozenset(k for k in project_values if k in SECRET_KEYS)
    return StackSettings(stack=stack, platform=platform, secrets_set=secrets_set)


def _provider_conflicts(platform: PlatformConfig, provider_values: Mapping[str, Any]) -> list[str]:
    """Default-provider settings must not point outside the validated region."""
    problems = []
    for key in ("aws:region", "azure-native:location", "azure:location"):
        value = provider_values.get(key)
        if value is not None and str(value).replace(" ", "").lower() != platform.region:
            problems.append(f"{key}: {value!r} contradicts platform.region "
                            f"{platform.region!r}; remove it (the platform builds explicit "
                            "providers from platform.region)")
    return problems


def allowed_regions(cloud: Cloud, jurisdiction: str) -> tuple[str, ...]:
    """Regions of `cloud` in `jurisdiction`, for CLI messages."""
    return get_jurisdiction(jurisdiction).allowed_regions(cloud)
