"""The platform specification: a stack's typed configuration, with no Pulumi import.

- `models`: the pydantic models of the `platform` object (field-level rules);
- `checks`: the rules that span fields, one named function each;
- `clouds`: what differs between clouds, as data (one `CloudFormat` per cloud);
- `settings`: a validated stack (`StackSettings`) from its config keys and secrets;
- `errors`: `ConfigError` and how problems are shown (key path, expected, given).

The components are built from it; the CLI and the program both read stacks through
`parse_stack_settings`.
"""

from platform_spec.clouds import CLOUD_FORMATS, CloudFormat, cloud_format, is_gpu_instance_type
from platform_spec.errors import PLATFORM_KEY, ConfigError, format_validation_error
from platform_spec.models import (
    GPU_TAINT_KEY,
    GPU_TAINT_VALUE,
    PERSONAS,
    SYSTEM_TAINT_KEY,
    Admission,
    AdmissionException,
    ClusterEndpoint,
    Database,
    DistributedTraining,
    DriftDetection,
    FeatureStore,
    GpuSharing,
    Images,
    IngestionBatch,
    ModelVariant,
    Monitoring,
    Network,
    NodePool,
    OnlineStore,
    PlatformConfig,
    Profile,
    Queues,
    Quota,
    Registry,
    Serving,
    StreamingDrift,
    Tags,
    Taint,
    TeamQueue,
    Training,
)
from platform_spec.settings import (
    DISABLE_DEFAULT_PROVIDERS,
    PROJECT,
    SECRET_KEYS,
    StackSettings,
    allowed_regions,
    parse_stack_settings,
)

__all__ = [
    "CLOUD_FORMATS",
    "DISABLE_DEFAULT_PROVIDERS",
    "GPU_TAINT_KEY",
    "GPU_TAINT_VALUE",
    "PERSONAS",
    "PLATFORM_KEY",
    "PROJECT",
    "SECRET_KEYS",
    "SYSTEM_TAINT_KEY",
    "Admission",
    "AdmissionException",
    "CloudFormat",
    "ClusterEndpoint",
    "ConfigError",
    "Database",
    "DistributedTraining",
    "DriftDetection",
    "FeatureStore",
    "GpuSharing",
    "Images",
    "IngestionBatch",
    "ModelVariant",
    "Monitoring",
    "Network",
    "NodePool",
    "OnlineStore",
    "PlatformConfig",
    "Profile",
    "Queues",
    "Quota",
    "Registry",
    "Serving",
    "StackSettings",
    "StreamingDrift",
    "Tags",
    "Taint",
    "TeamQueue",
    "Training",
    "allowed_regions",
    "cloud_format",
    "format_validation_error",
    "is_gpu_instance_type",
    "parse_stack_settings",
]
