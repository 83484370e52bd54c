"""What differs between clouds in a stack's configuration, as data: one format per cloud.

The models and checks never ask which cloud a stack is on; they read its
`CloudFormat` (instance-type and GPU naming, how a persona's principal is written,
which log retention periods the cloud's log service accepts). Adding a cloud adds
one entry to `CLOUD_FORMATS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from platform_spec.gpus import MIG_VM_SIZES

# CloudWatch Logs accepts only these retention periods (days).
CLOUDWATCH_RETENTION_DAYS = (
    1,
    3,
    5,
    7,
    14,
    30,
    60,
    90,
    120,
    150,
    180,
    365,
    400,
    545,
    731,
    1096,
    1827,
    2192,
    2557,
    2922,
    3288,
    3653,
)
AZURE_LOG_ANALYTICS_RETENTION = (30, 730)


def _cloudwatch_retention(days: int, floor: int) -> str | None:
    if days in CLOUDWATCH_RETENTION_DAYS:
        return None
    near = ", ".join(str(d) for d in CLOUDWATCH_RETENTION_DAYS if d >= floor)
    return f"CloudWatch accepts only these retention periods: {near}"


def _log_analytics_retention(days: int, _floor: int) -> str | None:
    low, high = AZURE_LOG_ANALYTICS_RETENTION
    if low <= days <= high:
        return None
    return "Log Analytics retention must be between 30 and 730 days"


@dataclass(frozen=True)
class CloudFormat:
    """How one cloud names machines and principals, and which log retentions it takes."""

    cloud: str
    instance_type: re.Pattern[str]
    instance_example: str
    # NVIDIA GPU machine types, and how to name them in an error.
    gpu_instance_type: re.Pattern[str]
    gpu_families: str
    principal: re.Pattern[str]
    principal_shape: str
    # (days, the environment's floor) -> why the log service refuses `days`, or None.
    retention_problem: Callable[[int, int], str | None]
    # Machine sizes whose GPU pools take a MIG profile (empty: the cloud sets none).
    mig_sizes: tuple[str, ...] = ()
    # The event stream's capacity unit (`ingestion.stream.size`), its default and the
    # longest retention the service keeps events for.
    stream_size: re.Pattern[str] = re.compile(r"^$")
    stream_size_example: str = ""
    stream_size_default: str = ""
    stream_max_retention_hours: int = 168

    def is_gpu_instance_type(self, instance_type: str) -> bool:
        """True when `instance_type` is one of this cloud's NVIDIA GPU machine types."""
        return bool(self.gpu_instance_type.match(instance_type))


AWS = CloudFormat(
    cloud="aws",
    instance_type=re.compile(r"^[a-z][a-z0-9-]*\.[a-z0-9]+$"),
    instance_example="m6i.xlarge",
    # AWS accelerated-computing families with NVIDIA GPUs.
    gpu_instance_type=re.compile(
        r"^(p3|p3dn|p4d|p4de|p5|p5e|p5en|p6|g4dn|g5|g6|g6e|g6f|gr6|g7e)\."
    ),
    gpu_families="g5/g6/p4d/p5...",
    principal=re.compile(r"^arn:aws:iam::\d{12}:role/[\w+=,.@/-]{1,512}$"),
    principal_shape="an IAM role ARN (arn:aws:iam::<12 digits>:role/<name>)",
    retention_problem=_cloudwatch_retention,
    # MSK provisioned broker types (kafka.<family>.<size>); one broker per zone.
    stream_size=re.compile(r"^kafka\.[a-z0-9]+\.[a-z0-9]+$"),
    stream_size_example="kafka.m5.large",
    stream_size_default="kafka.m5.large",
    # MSK keeps what the topic's retention.ms says; a year bounds the broker storage.
    stream_max_retention_hours=8760,
)
AZURE = CloudFormat(
    cloud="azure",
    instance_type=re.compile(r"^Standard_[A-Za-z0-9_]+$"),
    instance_example="Standard_D4s_v5",
    # Azure N-series.
    gpu_instance_type=re.compile(r"^Standard_N(C|D|V|G)", re.I),
    gpu_families="Standard_NC/ND/NV...",
    principal=re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I),
    principal_shape="an Entra ID group object id (a UUID)",
    retention_problem=_log_analytics_retention,
    # AKS `gpuInstanceProfile` (platform_spec/gpus.py names the source).
    mig_sizes=MIG_VM_SIZES,
    # Event Hubs Premium processing units: 1, 2, 4, 8 or 16 per namespace.
    stream_size=re.compile(r"^PU(1|2|4|8|16)$"),
    stream_size_example="PU1",
    stream_size_default="PU1",
    # Premium and Dedicated keep events up to 90 days.
    stream_max_retention_hours=2160,
)
CLOUD_FORMATS: dict[str, CloudFormat] = {f.cloud: f for f in (AWS, AZURE)}


def cloud_format(cloud: str) -> CloudFormat:
    """The format of `cloud` (a validated `Cloud`)."""
    return CLOUD_FORMATS[cloud]


def is_gpu_instance_type(cloud: str, instance_type: str) -> bool:
    """True when `instance_type` is an NVIDIA GPU machine type of `cloud`."""
    return cloud_format(cloud).is_gpu_instance_type(instance_type)
