"""The rules of a stack's configuration that span fields, one named check each.

`run_platform_checks` runs them in order and returns every problem (a pydantic
error detail at the offending key), so a stack file is corrected in one pass.
Each check reads the cloud's differences from `platform_spec.clouds`, never
asking which cloud it is on. Add a check: write a function here and list it in
`PLATFORM_CHECKS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pydantic_core import InitErrorDetails

from platform_spec.clouds import cloud_format
from platform_spec.errors import problem
from platform_spec.gpus import families
from platform_spec.models import MIN_ZONES_WHEN_ZONED, PERSONAS
from policies.jurisdictions import get_jurisdiction
from policies.sectors import profile as sector_profile

if TYPE_CHECKING:
    from platform_spec.models import PlatformConfig

MIN_LOG_RETENTION_DAYS = {"prod": 365, "dr": 365, "staging": 90, "dev": 90}

Check = Callable[["PlatformConfig"], list[InitErrorDetails]]


def check_residency_and_zones(p: PlatformConfig) -> list[InitErrorDetails]:
    """The region is in the jurisdiction, and the zone count fits the region."""
    jurisdiction = get_jurisdiction(p.jurisdiction)
    if not jurisdiction.allows(p.cloud, p.region):
        return [problem(("region",), jurisdiction.explain_region(p.cloud, p.region), p.region)]
    zone_problem = _zone_problem(
        jurisdiction.zones_in(p.region), p.region, p.network.availability_zones
    )
    if zone_problem:
        return [
            problem(("network", "availabilityZones"), zone_problem, p.network.availability_zones)
        ]
    return []


def check_node_pools(p: PlatformConfig) -> list[InitErrorDetails]:
    """Machine types in the cloud's format, GPUs only in gpu pools, sizes per profile."""
    fmt = cloud_format(p.cloud)
    problems = []
    for name, pool in p.node_pools.items():
        for i, itype in enumerate(pool.instance_types):
            loc = ("nodePools", name, "instanceTypes", i)
            if not fmt.instance_type.match(itype):
                problems.append(
                    problem(
                        loc,
                        f"expected a {p.cloud} instance type such as {fmt.instance_example}",
                        itype,
                    )
                )
            elif pool.kind == "gpu" and not fmt.is_gpu_instance_type(itype):
                problems.append(
                    problem(
                        loc,
                        f"a gpu pool needs NVIDIA GPU instance types ({fmt.gpu_families})",
                        itype,
                    )
                )
            elif pool.kind != "gpu" and fmt.is_gpu_instance_type(itype):
                problems.append(
                    problem(
                        loc,
                        f"a {pool.kind} pool must not use GPU instance types; declare a gpu pool",
                        itype,
                    )
                )
        if p.profile == "smb" and pool.kind == "gpu" and pool.min_size > 0:
            problems.append(
                problem(
                    ("nodePools", name, "minSize"),
                    "the smb profile keeps GPU pools scaled to zero (minSize: 0)",
                    pool.min_size,
                )
            )
        if p.profile == "enterprise" and pool.kind == "system" and pool.min_size < 2:
            problems.append(
                problem(
                    ("nodePools", name, "minSize"),
                    "the enterprise profile needs at least 2 system nodes for HA",
                    pool.min_size,
                )
            )
    if not any(pool.kind == "system" for pool in p.node_pools.values()):
        problems.append(
            problem(
                ("nodePools",),
                "at least one pool of kind 'system' is required",
                sorted(p.node_pools),
            )
        )
    return problems


def check_personas(p: PlatformConfig) -> list[InitErrorDetails]:
    """Every persona has principals, each written as the cloud writes principals."""
    problems = []
    missing = [persona for persona in PERSONAS if persona not in p.personas]
    if missing:
        problems.append(
            problem(
                ("personas",),
                f"every persona needs at least one principal; missing: {', '.join(missing)}",
                sorted(p.personas),
            )
        )
    fmt = cloud_format(p.cloud)
    for persona, principals in p.personas.items():
        for i, value in enumerate(principals):
            if not fmt.principal.match(value):
                problems.append(
                    problem(("personas", persona, i), f"expected {fmt.principal_shape}", value)
                )
    return problems


def check_private_endpoint(p: PlatformConfig) -> list[InitErrorDetails]:
    """Prod clusters keep the API server private."""
    if p.environment == "prod" and p.cluster_endpoint.public_access:
        return [
            problem(
                ("clusterEndpoint", "publicAccess"),
                "prod clusters keep the API server private",
                True,
            )
        ]
    return []


def check_gpu_placement(p: PlatformConfig) -> list[InitErrorDetails]:
    """GPU serving and training only where a gpu pool exists (and serving not on smb)."""
    problems = []
    if p.profile == "smb" and p.serving.gpu:
        problems.append(problem(("serving", "gpu"), "the smb profile serves on CPU only", True))
    has_gpu_pool = any(pool.kind == "gpu" for pool in p.node_pools.values())
    if p.serving.gpu and not has_gpu_pool:
        problems.append(problem(("serving", "gpu"), "GPU serving needs a gpu node pool", True))
    if p.training.gpu and not has_gpu_pool:
        problems.append(problem(("training", "gpu"), "GPU training needs a gpu node pool", True))
    distributed = p.training.distributed
    if distributed is not None and not has_gpu_pool:
        problems.append(
            problem(
                ("training", "distributed"),
                "distributed training runs on the gpu node pool; declare one",
                distributed.model_dump(by_alias=True),
            )
        )
    elif distributed is not None:
        most = sum(pool.max_size for pool in p.node_pools.values() if pool.kind == "gpu")
        if distributed.nodes > most:
            problems.append(
                problem(
                    ("training", "distributed", "nodes"),
                    f"{distributed.nodes} training nodes need "
                    f"{distributed.nodes} GPU nodes; the gpu pools scale to "
                    f"at most {most}",
                    distributed.nodes,
                )
            )
    return problems


def check_log_retention(p: PlatformConfig) -> list[InitErrorDetails]:
    """At least the environment's floor, and a period the cloud's log service accepts."""
    days = p.monitoring.log_retention_days
    floor = MIN_LOG_RETENTION_DAYS[p.environment]
    where = ("monitoring", "logRetentionDays")
    if days < floor:
        return [problem(where, f"{p.environment} stacks keep logs at least {floor} days", days)]
    refused = cloud_format(p.cloud).retention_problem(days, floor)
    return [problem(where, refused, days)] if refused else []


def check_queues(p: PlatformConfig) -> list[InitErrorDetails]:
    """Kueue quotas that the gpu pools can honour: one GPU family per gpu pool (a
    ResourceFlavor selects nodes by family), team GPU quotas only in families the pools
    have, their sum within what those pools scale to, and the distributed Job and GPU
    serving's minimum replicas admissible; GPU serving needs queues."""
    queues = p.queues
    if queues is None:
        if p.serving.gpu:
            return [
                problem(
                    ("serving", "gpu"),
                    "GPU serving is admitted through Kueue like every GPU workload (K8S-022): "
                    "set platform.queues",
                    True,
                )
            ]
        return []
    problems = []
    capacity: dict[str, int] = {}
    for name, pool in p.pools_of_kind("gpu").items():
        found = families(pool.instance_types)
        if len(found) > 1:
            problems.append(
                problem(
                    ("nodePools", name, "instanceTypes"),
                    f"with queues, a gpu pool holds one GPU instance family (a Kueue "
                    f"ResourceFlavor selects its nodes by family); found {', '.join(found)}: "
                    "split it into one pool per family",
                    pool.instance_types,
                )
            )
            continue
        family = found[0]
        capacity[family] = capacity.get(family, 0) + pool.max_size * pool.schedulable_gpus_per_node
    claimed: dict[str, int] = {}
    for team, queue in queues.teams.items():
        for family, quota in queue.gpus.items():
            loc = ("queues", "teams", team, "gpus", family)
            if family not in capacity:
                known = ", ".join(sorted(capacity)) or "none"
                problems.append(
                    problem(loc, f"no gpu pool of this family; the pools have: {known}", family)
                )
                continue
            claimed[family] = claimed.get(family, 0) + quota.nominal
            if claimed[family] > capacity[family]:
                problems.append(
                    problem(
                        (*loc, "nominal"),
                        f"the teams' nominal {family} GPUs add up to {claimed[family]}; the "
                        f"{family} pools scale to at most {capacity[family]}",
                        quota.nominal,
                    )
                )
    if p.serving.gpu and queues.platform_team in queues.teams:
        # One GPU per serving pod; the Deployment's minimum must be admissible.
        gpus = queues.teams[queues.platform_team].gpus
        most = sum(q.nominal + q.borrowing_limit for q in gpus.values())
        if p.serving.min_replicas > most:
            problems.append(
                problem(
                    ("serving", "minReplicas"),
                    f"GPU serving's pods are admitted against team {queues.platform_team!r}'s "
                    f"GPU quota, which allows at most {most} GPUs (nominal + borrowingLimit); "
                    f"minReplicas needs {p.serving.min_replicas}",
                    p.serving.min_replicas,
                )
            )
    distributed = p.training.distributed
    if distributed is not None and queues.platform_team in queues.teams:
        needed = distributed.nodes * distributed.gpus_per_node
        gpus = queues.teams[queues.platform_team].gpus
        most = max((q.nominal + q.borrowing_limit for q in gpus.values()), default=0)
        if needed > most:
            problems.append(
                problem(
                    ("queues", "teams", queues.platform_team, "gpus"),
                    f"the distributed training Job is admitted all or nothing: it needs "
                    f"{needed} GPUs of one family, but team {queues.platform_team!r} may use "
                    f"at most {most} (nominal + borrowingLimit)",
                    {k: v.model_dump(by_alias=True) for k, v in gpus.items()},
                )
            )
    return problems


def check_gpu_sharing(p: PlatformConfig) -> list[InitErrorDetails]:
    """GPU sharing on gpu pools only; a MIG profile only where the cloud sets one on a pool
    and only on a MIG-capable size (the refusal lists those)."""
    fmt = cloud_format(p.cloud)
    problems = []
    for name, pool in p.node_pools.items():
        sharing = pool.gpu_sharing
        if sharing is None:
            continue
        loc = ("nodePools", name, "gpuSharing")
        if pool.kind != "gpu":
            problems.append(
                problem(loc, "GPU sharing is for gpu pools", sharing.model_dump(by_alias=True))
            )
            continue
        if sharing.mig_profile is None:
            continue
        if not fmt.mig_sizes:
            problems.append(
                problem(
                    (*loc, "migProfile"),
                    f"MIG profiles are set on AKS GPU pools; {p.cloud} pools share GPUs "
                    "with timeSlicingReplicas",
                    sharing.mig_profile,
                )
            )
            continue
        for i, itype in enumerate(pool.instance_types):
            if itype not in fmt.mig_sizes:
                problems.append(
                    problem(
                        ("nodePools", name, "instanceTypes", i),
                        f"{itype} has no MIG support, so migProfile {sharing.mig_profile} "
                        f"cannot apply; MIG-capable sizes: {', '.join(fmt.mig_sizes)}",
                        itype,
                    )
                )
    return problems


def check_sector_requirements(p: PlatformConfig) -> list[InitErrorDetails]:
    """What the declared sector requires of the config (the table in policies/sectors.py)."""
    sector = sector_profile(p.sector)
    problems = []
    wanted = sector.required_classification
    if wanted is not None and p.data_classification != wanted:
        problems.append(
            problem(
                ("dataClassification",),
                f"sector {p.sector!r} requires dataClassification {wanted!r} ({sector.title})",
                p.data_classification,
            )
        )
    floor = sector.min_log_retention_days
    days = p.monitoring.log_retention_days
    if floor is not None and days < floor:
        problems.append(
            problem(
                ("monitoring", "logRetentionDays"),
                f"sector {p.sector!r} keeps logs at least {floor} days",
                days,
            )
        )
    return problems


def check_event_stream(p: PlatformConfig) -> list[InitErrorDetails]:
    """The event stream's size in the cloud's unit, and a retention the service keeps."""
    fmt = cloud_format(p.cloud)
    stream = p.ingestion.stream
    problems = []
    if stream.size is not None and not fmt.stream_size.match(stream.size):
        problems.append(
            problem(
                ("ingestion", "stream", "size"),
                f"expected a {p.cloud} event-stream size such as {fmt.stream_size_example}",
                stream.size,
            )
        )
    if stream.retention_hours > fmt.stream_max_retention_hours:
        problems.append(
            problem(
                ("ingestion", "stream", "retentionHours"),
                f"the {p.cloud} event stream keeps events at most "
                f"{fmt.stream_max_retention_hours} hours",
                stream.retention_hours,
            )
        )
    return problems


def check_pipelines(p: PlatformConfig) -> list[InitErrorDetails]:
    """The retraining pipeline's A/B phase needs a challenger variant to send traffic to."""
    if not p.pipelines.enabled:
        return []
    shares = {v.alias: v.traffic_percent for v in p.serving.variants}
    if shares.get("challenger", 0) > 0:
        return []
    return [
        problem(
            ("serving", "variants"),
            "pipelines.enabled needs a 'challenger' variant with trafficPercent above 0: the "
            "A/B phase moves that share of traffic to each new challenger "
            "(or set pipelines.enabled false)",
            [v.alias for v in p.serving.variants],
        )
    ]


PLATFORM_CHECKS: tuple[Check, ...] = (
    check_residency_and_zones,
    check_node_pools,
    check_personas,
    check_private_endpoint,
    check_gpu_placement,
    check_log_retention,
    check_gpu_sharing,
    check_queues,
    check_sector_requirements,
    check_event_stream,
    check_pipelines,
)


def run_platform_checks(p: PlatformConfig) -> list[InitErrorDetails]:
    """Every problem every check finds, in check order."""
    return [found for check in PLATFORM_CHECKS for found in check(p)]


def _zone_problem(zones: int | None, region: str, wanted: int) -> str | None:
    """Why `wanted` zones do not fit `region` (which has `zones`), or None when they do."""
    if zones is None:
        return None  # not catalogued; the program's own zone lookup still checks
    has = f"{region} has {zones} available zones (jurisdiction catalogue)"
    if zones < MIN_ZONES_WHEN_ZONED:
        if wanted == 0:
            return None
        return (
            f"{has}, none to spread over, and the stack asks for {wanted}: set 0, which "
            "deploys without zonal placement or zone redundancy"
        )
    if wanted > zones:
        return f"{has} and the stack asks for {wanted}: use {MIN_ZONES_WHEN_ZONED} to {zones}"
    if wanted < MIN_ZONES_WHEN_ZONED:
        return (
            f"{has} and the stack asks for {wanted}: spread over {MIN_ZONES_WHEN_ZONED} "
            f"to {zones} (0 is only for regions without zones)"
        )
    return None
