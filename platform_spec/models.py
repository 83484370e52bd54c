"""The typed stack configuration: one `platform` object per stack, validated once.

A stack file holds the platform under the project key `sovereign-ml-platform:platform`
in camelCase, so `pulumi config set --path platform.nodePools.gpu.maxSize 4` keeps
working. Field-level rules live on the models; rules that span fields are the named
checks of `platform_spec.checks`; what differs between clouds is data in
`platform_spec.clouds`. No Pulumi import: the CLI, the program and the tests share it.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic.alias_generators import to_camel

from platform_spec.errors import problem as _problem
from platform_spec.errors import raise_problems as _raise
from platform_spec.gpus import (
    DEVICE_PLUGIN_CONFIG_LABEL,
    MIG_INSTANCES_PER_GPU,
    gpu_pool_labels,
    gpus_per_node,
)
from policies.jurisdictions import JURISDICTIONS, Cloud
from policies.sectors import DEFAULT_SECTOR, Sector
from workloads.contract import monitoring as monitors
from workloads.contract.feature_store import FEAST_PROJECT
from workloads.contract.images import IMAGE_NAMES
from workloads.contract.models import MODEL_KINDS, SERVING_ALIASES

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

_DNS_LABEL = re.compile(r"^[a-z]([a-z0-9-]{0,30}[a-z0-9])?$")
_K8S_VERSION = re.compile(r"^1\.(\d{2})$")
_CRON = re.compile(r"^(\S+\s+){4}\S+$")

SUPPORTED_K8S_MINORS = range(30, 36)  # 1.30 .. 1.35


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


MigProfile = Literal["MIG1g", "MIG2g", "MIG3g", "MIG4g", "MIG7g"]


class GpuSharing(_Model):
    """How a gpu pool's GPUs are shared: time-slicing (the NVIDIA device plugin advertises
    each GPU `timeSlicingReplicas` times; no memory or fault isolation) or a MIG profile
    (AKS `gpuInstanceProfile`: hardware partitions, on MIG-capable sizes only). A pod's
    `nvidia.com/gpu: 1` is then one slice, for training and for serving's GPU option."""

    time_slicing_replicas: Annotated[int | None, Field(ge=2, le=48)] = None
    mig_profile: MigProfile | None = None

    @model_validator(mode="after")
    def _one_way(self) -> GpuSharing:
        if (self.time_slicing_replicas is None) == (self.mig_profile is None):
            _raise(
                "GpuSharing",
                [
                    _problem(
                        (),
                        "set exactly one of timeSlicingReplicas and migProfile",
                        self.model_dump(by_alias=True),
                    )
                ],
            )
        return self

    @property
    def device_plugin_config(self) -> str:
        """The NVIDIA device plugin config this sharing's nodes select (by node label)."""
        if self.mig_profile is not None:
            return "mig-single"
        return f"time-slicing-{self.time_slicing_replicas}"

    @property
    def slices_per_gpu(self) -> int:
        """What one physical GPU is advertised as (`nvidia.com/gpu` units)."""
        if self.mig_profile is not None:
            return MIG_INSTANCES_PER_GPU[self.mig_profile]
        return self.time_slicing_replicas or 1


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
    # gpu pools only (checked across fields by `platform_spec.checks`).
    gpu_sharing: GpuSharing | None = None

    @model_validator(mode="after")
    def _sizes(self) -> NodePool:
        problems = []
        if self.min_size > self.max_size:
            problems.append(
                _problem(
                    ("minSize",),
                    f"minSize ({self.min_size}) must not exceed maxSize ({self.max_size})",
                    self.min_size,
                )
            )
        if self.desired_size is not None and not (
            self.min_size <= self.desired_size <= self.max_size
        ):
            problems.append(
                _problem(
                    ("desiredSize",),
                    f"desiredSize must lie between minSize "
                    f"({self.min_size}) and maxSize ({self.max_size})",
                    self.desired_size,
                )
            )
        if self.kind == "system" and self.spot:
            problems.append(
                _problem(
                    ("spot",),
                    "a system pool must run on on-demand capacity (spot: false)",
                    self.spot,
                )
            )
        if self.kind == "system" and self.min_size < 1:
            problems.append(
                _problem(("minSize",), "a system pool needs at least one node", self.min_size)
            )
        if self.kind == "gpu" and self.max_size < 1:
            problems.append(
                _problem(
                    ("maxSize",),
                    "a gpu pool needs maxSize >= 1 to be able to scale up",
                    self.max_size,
                )
            )
        _raise("NodePool", problems)
        return self

    @property
    def gpu_node_labels(self) -> dict[str, str]:
        """Labels a gpu pool's nodes carry for the GPU layer: the instance family (Kueue's
        ResourceFlavors select by it; only when the pool is of one family) and the device
        plugin config its sharing selects."""
        if self.kind != "gpu":
            return {}
        labels = gpu_pool_labels(self.instance_types)
        if self.gpu_sharing is not None:
            labels[DEVICE_PLUGIN_CONFIG_LABEL] = self.gpu_sharing.device_plugin_config
        return labels

    @property
    def schedulable_gpus_per_node(self) -> int:
        """`nvidia.com/gpu` units one node advertises: its GPUs (the largest type's) times
        the slices of each when shared."""
        gpus = max(gpus_per_node(t) for t in self.instance_types)
        return gpus * (self.gpu_sharing.slices_per_gpu if self.gpu_sharing else 1)

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
    availability_zones: Annotated[
        int,
        Field(
            ge=0,
            le=6,
            description="Availability zones to spread over: 2 up to the region's count, or 0 "
            "in a region without zones (no zonal placement, no zone redundancy). "
            "Default: 3, or the region's count when it has fewer (0 where none).",
        ),
    ] = DEFAULT_AVAILABILITY_ZONES

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
            _raise(
                "ClusterEndpoint",
                [
                    _problem(
                        ("allowedCidrs",),
                        "a public endpoint needs an allow-list of CIDR blocks",
                        [],
                    )
                ],
            )
        return self


class OnlineStore(_Model):
    """The Feast online store (ElastiCache / Azure Cache for Redis)."""

    node_type: str
    replicas: Annotated[int, Field(ge=0, le=5)] = 1


class FeatureStore(_Model):
    """Feast: project name, online store sizing and materialization schedule."""

    enabled: bool = True
    # The Feast project of the feature repo; the cluster's feature_store.yaml names it.
    project: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{1,39}$")] = FEAST_PROJECT
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
            problems.append(
                _problem(
                    ("variants",),
                    f"trafficPercent of all variants must add up to 100, they add up to {total}",
                    [v.traffic_percent for v in self.variants],
                )
            )
        names = [v.name for v in self.variants]
        if len(set(names)) != len(names):
            problems.append(_problem(("variants",), "variant names must be unique", names))
        aliases = [v.alias for v in self.variants]
        if len(set(aliases)) != len(aliases):
            problems.append(_problem(("variants",), "variant aliases must be unique", aliases))
        # The serving image splits traffic between these two registry aliases (sticky A/B).
        if "champion" not in aliases or not set(aliases) <= set(SERVING_ALIASES):
            problems.append(
                _problem(
                    ("variants",),
                    "the serving service splits traffic "
                    "between the aliases 'champion' (required) and "
                    "'challenger'",
                    aliases,
                )
            )
        if self.min_replicas > self.max_replicas:
            problems.append(
                _problem(
                    ("minReplicas",),
                    f"minReplicas ({self.min_replicas}) must "
                    f"not exceed maxReplicas ({self.max_replicas})",
                    self.min_replicas,
                )
            )
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
    # The kinds the reference trainer builds (the workload contract's MODEL_KINDS).
    model_kind: Literal[MODEL_KINDS] = "hist_gbt"  # type: ignore[valid-type]
    distributed: DistributedTraining | None = None

    @field_validator("schedule")
    @classmethod
    def _cron(cls, value: str | None) -> str | None:
        if value is not None and not _CRON.match(value.strip()):
            raise ValueError("expected a five-field cron expression such as '0 3 * * 0'")
        return value.strip() if value is not None else None


_TEAM_NAME = re.compile(r"^[a-z]([a-z0-9-]{0,38}[a-z0-9])?$")


class Quota(_Model):
    """A team's share of one resource: what it owns, and how much more it may borrow from
    the other teams' unused quota (Kueue's nominalQuota and borrowingLimit)."""

    nominal: Annotated[int, Field(ge=0, le=100_000)]
    borrowing_limit: Annotated[int, Field(ge=0, le=100_000)] = 0


class TeamQueue(_Model):
    """One team's Kueue ClusterQueue: CPU cores and memory (GiB) on any node, GPUs per
    GPU instance family (`g5`, `NCads_A100_v4`: the families of the stack's gpu pools)."""

    cpu: Quota
    memory_gi: Quota
    gpus: dict[str, Quota] = Field(default_factory=dict)


class Queues(_Model):
    """Queueing and quotas for the training namespace with Kueue: a ClusterQueue per team
    (all in one cohort, so they can borrow from each other within their limits), a
    LocalQueue per team in `training`, and the platform's own training Jobs submitted
    through `platformTeam`'s queue. Distributed Jobs are admitted all or nothing."""

    teams: Annotated[dict[str, TeamQueue], Field(min_length=1, max_length=50)]
    platform_team: str
    # How long an admitted Job may take to get all its pods ready before Kueue evicts and
    # requeues it (waitForPodsReady), in minutes.
    pods_ready_timeout_minutes: Annotated[int, Field(ge=1, le=1440)] = 10

    @field_validator("teams")
    @classmethod
    def _team_names(cls, teams: dict[str, TeamQueue]) -> dict[str, TeamQueue]:
        problems = [
            _problem(
                (name,),
                "a team name must be a DNS label of at most 40 characters (it names the "
                "team's ClusterQueue and LocalQueue)",
                name,
            )
            for name in teams
            if not _TEAM_NAME.match(name)
        ]
        _raise("Queues", problems)
        return teams

    @model_validator(mode="after")
    def _platform_team(self) -> Queues:
        if self.platform_team not in self.teams:
            known = ", ".join(sorted(self.teams))
            _raise(
                "Queues",
                [
                    _problem(
                        ("platformTeam",),
                        f"not one of the teams; expected one of: {known}",
                        self.platform_team,
                    )
                ],
            )
        return self


_IMAGE_DIGEST = re.compile(r"^sha256:[0-9a-f]{64}$")


class Images(_Model):
    """Digests of the workload images in the stack's registry; CI writes them with
    `pulumi config set --path platform.images.digests.serving sha256:...`. A workload
    whose image has no digest yet is not deployed (the program warns)."""

    digests: dict[str, str]

    @field_validator("digests")
    @classmethod
    def _digests(cls, value: dict[str, str]) -> dict[str, str]:
        problems = []
        for key in sorted(set(value) - set(IMAGE_NAMES)):
            problems.append(
                _problem(
                    (key,), f"unknown image; expected one of {', '.join(IMAGE_NAMES)}", value[key]
                )
            )
        for key in IMAGE_NAMES:
            # An image without a digest is not pushed yet: its workload is not deployed.
            if key in value and not _IMAGE_DIGEST.match(str(value[key])):
                problems.append(
                    _problem((key,), "expected sha256:<64 lower-case hex digits>", value[key])
                )
        _raise("Images", problems)
        return value


# The Argo images the stack's mirror holds, by digest (the mirror job writes them with
# `pulumi config set --path platform.pipelines.imageDigests.workflowController sha256:...`).
ARGO_IMAGES = (
    "workflowController",
    "argoexec",
    "argocli",
    "argoEvents",
    "nats",
    "natsConfigReloader",
    "natsMetricsExporter",
)


class AbPhase(_Model):
    """The A/B phase of a retraining run: it ends with a verdict once `minOutcomes`
    labelled outcomes per variant are logged, or with `keep` after `maxDurationHours`."""

    min_outcomes: Annotated[int, Field(ge=20, le=10_000_000)] = 1000
    max_duration_hours: Annotated[int, Field(ge=1, le=336)] = 48
    # How often the wait step looks at the outcome count and the live SLOs.
    poll_seconds: Annotated[int, Field(ge=10, le=3600)] = 300


class RollbackSlos(_Model):
    """The challenger's live harm that rolls it back at once, before any verdict: its
    server-error ratio or p99 latency over the poll window above these."""

    max_server_error_ratio: Annotated[float, Field(gt=0, lt=1)] = 0.02
    max_p99_latency_ms: Annotated[int, Field(ge=1, le=60_000)] = 300


class Pipelines(_Model):
    """Continuous training orchestrated by Argo Workflows and Argo Events: the
    retraining WorkflowTemplate, its schedule (None: drift alerts and on demand only),
    the A/B phase and the rollback SLOs. Deployed where `imageDigests` holds every Argo
    image (the program warns otherwise) and the registry and feature store are on."""

    enabled: bool = True
    schedule: str | None = None
    ab: AbPhase = Field(default_factory=AbPhase)
    rollback: RollbackSlos = Field(default_factory=RollbackSlos)
    # Upper bound of one retraining run, A/B phase included.
    max_run_hours: Annotated[int, Field(ge=1, le=720)] = 72
    image_digests: dict[str, str] = Field(default_factory=dict)

    @field_validator("schedule")
    @classmethod
    def _cron(cls, value: str | None) -> str | None:
        if value is not None and not _CRON.match(value.strip()):
            raise ValueError("expected a five-field cron expression such as '0 3 * * 0'")
        return value.strip() if value is not None else None

    @field_validator("image_digests")
    @classmethod
    def _digests(cls, value: dict[str, str]) -> dict[str, str]:
        problems = []
        for key in sorted(value):
            if key not in ARGO_IMAGES:
                problems.append(
                    _problem(
                        (key,),
                        f"unknown image; expected one of {', '.join(ARGO_IMAGES)}",
                        value[key],
                    )
                )
            elif not _IMAGE_DIGEST.match(str(value[key])):
                problems.append(
                    _problem((key,), "expected sha256:<64 lower-case hex digits>", value[key])
                )
        _raise("Pipelines", problems)
        return value

    @model_validator(mode="after")
    def _bounds(self) -> Pipelines:
        if self.ab.max_duration_hours >= self.max_run_hours:
            _raise(
                "Pipelines",
                [
                    _problem(
                        ("ab", "maxDurationHours"),
                        f"must be below maxRunHours ({self.max_run_hours}): the run must "
                        "still analyse and decide after the A/B phase",
                        self.ab.max_duration_hours,
                    )
                ],
            )
        return self

    @property
    def deployable(self) -> bool:
        """On, with a digest for every Argo image."""
        return self.enabled and all(key in self.image_digests for key in ARGO_IMAGES)


_Floor = Annotated[float, Field(gt=0, le=10)]


class StreamingDrift(_Model):
    """The streaming drift monitor (a Deployment over the live prediction log).

    A sliding window of `slidingSeconds` is tested every `stepSeconds`; tumbling
    windows of `tumblingSeconds` are each recorded once. A window (or segment) with
    fewer than `minSamples` rows is not tested. An episode opens after `enterAfter`
    drifted windows in a row and closes after `exitAfter` clear ones (hysteresis).
    """

    enabled: bool = True
    sliding_seconds: Annotated[int, Field(ge=30, le=86400)] = monitors.DEFAULT_SLIDING_SECONDS
    step_seconds: Annotated[int, Field(ge=5, le=3600)] = monitors.DEFAULT_STEP_SECONDS
    tumbling_seconds: Annotated[int, Field(ge=60, le=86400)] = monitors.DEFAULT_TUMBLING_SECONDS
    min_samples: Annotated[int, Field(ge=50, le=1_000_000)] = monitors.DEFAULT_STREAM_MIN_SAMPLES
    enter_after: Annotated[int, Field(ge=1, le=100)] = monitors.DEFAULT_ENTER_AFTER
    exit_after: Annotated[int, Field(ge=1, le=100)] = monitors.DEFAULT_EXIT_AFTER

    @model_validator(mode="after")
    def _windows(self) -> StreamingDrift:
        problems = []
        for key, value in (
            ("slidingSeconds", self.sliding_seconds),
            ("tumblingSeconds", self.tumbling_seconds),
        ):
            if value % self.step_seconds:
                problems.append(
                    _problem(
                        (key,),
                        f"must be a whole multiple of stepSeconds ({self.step_seconds})",
                        value,
                    )
                )
        _raise("StreamingDrift", problems)
        return self


class DriftDetection(_Model):
    """What the drift monitors count as drift, where they look, and when they alert.

    `numericFloor` is the Wasserstein distance in reference standard deviations a
    numeric feature must move, `categoricalFloor` the total variation distance of a
    categorical one, `rateFloor` the relative change of the label rate or calibration
    ratio; `floors` overrides any of them per test (a model feature, `prediction`,
    `label_rate`, `calibration`). `segments` are the columns tested segment by segment
    (`[]`: the whole population only). `estimateAlertDrop` is the drop of the
    label-free precision/recall estimate below the reference that raises an alert.
    """

    numeric_floor: _Floor = monitors.DEFAULT_NUMERIC_FLOOR
    categorical_floor: Annotated[float, Field(gt=0, le=1)] = monitors.DEFAULT_CATEGORICAL_FLOOR
    rate_floor: _Floor = monitors.DEFAULT_RATE_FLOOR
    floors: dict[str, _Floor] = Field(default_factory=dict)
    segments: list[str] = Field(default_factory=lambda: list(monitors.DEFAULT_SEGMENTS))
    estimate_alert_drop: Annotated[float, Field(gt=0, lt=1)] = monitors.DEFAULT_MAX_DROP
    stream: StreamingDrift = Field(default_factory=StreamingDrift)

    @field_validator("floors")
    @classmethod
    def _floors(cls, value: dict[str, float]) -> dict[str, float]:
        problems = []
        for key in sorted(value):
            if key not in monitors.TEST_NAMES:
                problems.append(
                    _problem(
                        (key,),
                        f"unknown test; expected one of {', '.join(monitors.TEST_NAMES)}",
                        value[key],
                    )
                )
            elif key in monitors.CATEGORICAL_FEATURES and value[key] > 1:
                problems.append(
                    _problem((key,), "a total variation floor must be at most 1", value[key])
                )
        _raise("DriftDetection", problems)
        return value

    @field_validator("segments")
    @classmethod
    def _segments(cls, value: list[str]) -> list[str]:
        problems = []
        seen: set[str] = set()
        for i, column in enumerate(value):
            if column not in monitors.DEFAULT_SEGMENTS:
                problems.append(
                    _problem(
                        (i,),
                        "the training baseline keeps segment references only for "
                        f"{', '.join(monitors.DEFAULT_SEGMENTS)}",
                        column,
                    )
                )
            elif column in seen:
                problems.append(_problem((i,), "segment listed twice", column))
            seen.add(column)
        _raise("DriftDetection", problems)
        return value


class Monitoring(_Model):
    """Log retention and drift detection."""

    log_retention_days: Annotated[int, Field(ge=1, le=3653)] = 365
    drift_schedule: str = "0 * * * *"
    drift_psi_threshold: Annotated[float, Field(gt=0, le=1)] = 0.2
    drift: DriftDetection = Field(default_factory=DriftDetection)

    @field_validator("drift_schedule")
    @classmethod
    def _cron(cls, value: str) -> str:
        if not _CRON.match(value.strip()):
            raise ValueError("expected a five-field cron expression such as '0 * * * *'")
        return value.strip()


class EventStream(_Model):
    """The managed Kafka-protocol event stream the ingestion workload consumes: Amazon MSK
    (IAM auth over TLS) or an Event Hubs Premium namespace (its Kafka endpoint, Entra
    auth). `size` is the cloud's capacity unit (an MSK broker instance type such as
    `kafka.m5.large`, one broker per zone; Event Hubs processing units `PU1`..`PU16`);
    None takes the cloud's default."""

    topic: Annotated[str, Field(pattern=r"^[a-z][a-z0-9.-]{0,62}$")] = "transactions"
    partitions: Annotated[int, Field(ge=1, le=100)] = 6
    # How long the broker keeps events, so a consumer can replay from an offset.
    retention_hours: Annotated[int, Field(ge=1, le=8760)] = 168
    size: str | None = None
    broker_storage_gb: Annotated[int, Field(ge=1, le=16384)] = 100


_SQL_IDENTIFIER = r"^[a-z_][a-z0-9_]{0,62}$"


class IngestionBatch(_Model):
    """The batch loader's CronJob: a table of a PostgreSQL database on the stack's
    database server, read incrementally after its saved watermark. Its credentials are
    the Kubernetes Secret `ingestion-source-db` (key `credentials.json`, JSON with
    username and password) that the data owner creates in `ingestion`; the pods fail to
    start until it exists."""

    database: Annotated[str, Field(pattern=_SQL_IDENTIFIER)] = "sources"
    table: Annotated[str, Field(pattern=_SQL_IDENTIFIER)] = "transactions"
    watermark_column: Annotated[str, Field(pattern=_SQL_IDENTIFIER)] = "event_timestamp"
    key_column: Annotated[str, Field(pattern=_SQL_IDENTIFIER)] = "transaction_id"
    page_rows: Annotated[int, Field(ge=1, le=100_000)] = 1000
    schedule: str = "20 * * * *"

    @field_validator("schedule")
    @classmethod
    def _cron(cls, value: str) -> str:
        if not _CRON.match(value.strip()):
            raise ValueError("expected a five-field cron expression such as '20 * * * *'")
        return value.strip()


class Ingestion(_Model):
    """Data ingestion: the raw zone (append-only, write-once for `rawLockDays`, kept
    `rawRetentionDays`), the curated zone (typed, validated, deduplicated; replaced
    versions kept `curatedNoncurrentDays`) and the event stream. Only the ingestion
    identity writes either zone; training and Feast read curated."""

    enabled: bool = True
    raw_retention_days: Annotated[int, Field(ge=1, le=3653)] = 400
    raw_lock_days: Annotated[int, Field(ge=1, le=3653)] = 30
    curated_noncurrent_days: Annotated[int, Field(ge=1, le=365)] = 30
    stream: EventStream = Field(default_factory=EventStream)
    batch: IngestionBatch = Field(default_factory=IngestionBatch)

    @model_validator(mode="after")
    def _lock_within_retention(self) -> Ingestion:
        if self.raw_lock_days > self.raw_retention_days:
            _raise(
                "Ingestion",
                [
                    _problem(
                        ("rawLockDays",),
                        f"rawLockDays ({self.raw_lock_days}) must not exceed "
                        f"rawRetentionDays ({self.raw_retention_days}): a locked object "
                        "cannot expire",
                        self.raw_lock_days,
                    )
                ],
            )
        return self


_ADMISSION_RULE = re.compile(r"^K8S-\d{3}$")
# A Kubernetes object or namespace name (RFC 1123 subdomain; namespaces are labels).
_K8S_NAME = re.compile(r"^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")


class AdmissionException(_Model):
    """One exception to an admission policy: a namespace, or objects of one name, that the
    rule's binding excludes until `expires` (an expired one excludes nothing)."""

    rule: str
    namespace: str | None = None
    name: str | None = None
    reason: Annotated[str, Field(min_length=10)]
    expires: dt.date

    @field_validator("rule")
    @classmethod
    def _rule(cls, value: str) -> str:
        if not _ADMISSION_RULE.match(value):
            raise ValueError(f"expected a Kubernetes rule id such as K8S-002, got {value!r}")
        return value

    @field_validator("namespace", "name")
    @classmethod
    def _k8s_name(cls, value: str | None) -> str | None:
        if value is not None and not _K8S_NAME.match(value):
            raise ValueError(f"{value!r} is not a Kubernetes name (lowercase RFC 1123)")
        return value

    @model_validator(mode="after")
    def _one_target(self) -> AdmissionException:
        if (self.namespace is None) == (self.name is None):
            raise ValueError("name exactly one of namespace (the whole namespace) or name")
        return self


class Admission(_Model):
    """The cluster's admission policies (generated from the pack's K8S rules): they deny in
    prod and dr and warn and audit in dev and staging; exceptions become binding exclusions."""

    exceptions: list[AdmissionException] = Field(default_factory=list)


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
    # Who operates the platform, which decides the sector rules (policies/sectors.py):
    # government, banking and health tighten classification, log retention, residency
    # exceptions and key protection.
    sector: Annotated[
        Sector,
        Field(
            description="The regulated sector of the entity operating the stack: general "
            "(default), government, banking or health; a regulated sector requires "
            "dataClassification restricted, a longer log retention, no exceptions to the "
            "residency rules and HSM-backed keys."
        ),
    ] = DEFAULT_SECTOR
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
    ingestion: Ingestion = Field(default_factory=Ingestion)

    admission: Admission = Field(default_factory=Admission)

    pipelines: Pipelines = Field(default_factory=Pipelines)
    # Kueue queues and quotas for training; None: no queueing (then no GPU workload may
    # run outside node-agents: the pack's K8S-022 refuses it).
    queues: Queues | None = None
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
            raise ValueError(
                f"unknown jurisdiction {value!r}; known: {', '.join(sorted(JURISDICTIONS))}"
            )
        return value

    @field_validator("node_pools")
    @classmethod
    def _pool_names(cls, pools: dict[str, NodePool]) -> dict[str, NodePool]:
        for name in pools:
            if not _DNS_LABEL.match(name) or len(name) > 12:
                raise ValueError(
                    f"pool name {name!r} must be a DNS label of at most 12 "
                    "characters (it is part of cloud resource names)"
                )
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
        """The checks that span fields (`platform_spec.checks`), all problems at once."""
        from platform_spec.checks import run_platform_checks

        _raise("PlatformConfig", run_platform_checks(self))
        return self

    @property
    def training_on_gpu(self) -> bool:
        """Whether the reference training job requests a GPU (default: if a pool has them)."""
        if self.training.gpu is not None:
            return self.training.gpu
        return any(p.kind == "gpu" for p in self.node_pools.values())

    @property
    def paired_region(self) -> str | None:
        """The cloud's paired region where geo copies may live, or None when they may not.

        Decided by the jurisdiction catalogue: only a pair inside the jurisdiction
        (UAE North <-> UAE Central) may hold geo-redundant copies.
        """
        return JURISDICTIONS[self.jurisdiction].paired_region_in_jurisdiction(self.region)

    @property
    def stream_size(self) -> str:
        """The event stream's capacity in the cloud's unit (its default when unset)."""
        from platform_spec.clouds import cloud_format

        return self.ingestion.stream.size or cloud_format(self.cloud).stream_size_default

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
