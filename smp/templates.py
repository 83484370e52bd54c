"""Starting points for `smp new-stack`: sizing per cloud and profile, nothing account-specific."""

from __future__ import annotations

import copy
import ipaddress
from typing import Any

from platform_spec import Profile
from platform_spec.gpus import gpus_per_node, pool_family

# The profile an environment gets when `--profile` is not given.
DEFAULT_PROFILE: dict[str, Profile] = {
    "prod": "enterprise",
    "dr": "enterprise",
    "staging": "smb",
    "dev": "smb",
}

_POOLS: dict[tuple[str, str], dict[str, Any]] = {
    ("aws", "enterprise"): {
        "system": {"kind": "system", "instanceTypes": ["m6i.large"], "minSize": 3, "maxSize": 5},
        "cpu": {"kind": "cpu", "instanceTypes": ["m6i.2xlarge"], "minSize": 2, "maxSize": 20},
        "gpu": {
            "kind": "gpu",
            "instanceTypes": ["g5.2xlarge"],
            "minSize": 0,
            "maxSize": 8,
            "diskSizeGb": 200,
        },
    },
    ("aws", "smb"): {
        "system": {"kind": "system", "instanceTypes": ["t3.large"], "minSize": 1, "maxSize": 2},
        "cpu": {"kind": "cpu", "instanceTypes": ["m6i.large"], "minSize": 1, "maxSize": 4},
        "gpu": {
            "kind": "gpu",
            "instanceTypes": ["g5.xlarge"],
            "minSize": 0,
            "maxSize": 1,
            "spot": True,
        },
    },
    ("azure", "enterprise"): {
        "system": {
            "kind": "system",
            "instanceTypes": ["Standard_D4s_v5"],
            "minSize": 3,
            "maxSize": 5,
        },
        "cpu": {"kind": "cpu", "instanceTypes": ["Standard_D8s_v5"], "minSize": 2, "maxSize": 20},
        "gpu": {
            "kind": "gpu",
            "instanceTypes": ["Standard_NC24ads_A100_v4"],
            "minSize": 0,
            "maxSize": 4,
            "diskSizeGb": 256,
        },
    },
    ("azure", "smb"): {
        "system": {
            "kind": "system",
            "instanceTypes": ["Standard_D2s_v5"],
            "minSize": 1,
            "maxSize": 2,
        },
        "cpu": {"kind": "cpu", "instanceTypes": ["Standard_D4s_v5"], "minSize": 1, "maxSize": 4},
        "gpu": {
            "kind": "gpu",
            "instanceTypes": ["Standard_NC4as_T4_v3"],
            "minSize": 0,
            "maxSize": 1,
            "spot": True,
        },
    },
}

_DATA_SERVICES: dict[tuple[str, str], dict[str, Any]] = {
    ("aws", "enterprise"): {"cache": "cache.r7g.large", "replicas": 2, "db": "db.r6g.large"},
    ("aws", "smb"): {"cache": "cache.t4g.small", "replicas": 0, "db": "db.t4g.small"},
    ("azure", "enterprise"): {"cache": "Premium_P1", "replicas": 1, "db": "Standard_D4ds_v5"},
    ("azure", "smb"): {"cache": "Standard_C1", "replicas": 0, "db": "Standard_B2s"},
}


def sizing(cloud: str, profile: str) -> dict[str, Any]:
    """Node pools, online store and database sizing for a cloud and profile."""
    data = _DATA_SERVICES[(cloud, profile)]
    enterprise = profile == "enterprise"
    return {
        "nodePools": copy.deepcopy(_POOLS[(cloud, profile)]),
        "featureStore": {"onlineStore": {"nodeType": data["cache"], "replicas": data["replicas"]}},
        "registry": {
            "database": {
                "instanceClass": data["db"],
                "storageGb": 100 if enterprise else 20,
                "backupRetentionDays": 14 if enterprise else 3,
                "highAvailability": enterprise,
            }
        },
        "serving": {"minReplicas": 3 if enterprise else 1, "maxReplicas": 12 if enterprise else 2},
    }


def starting_queues(pools: dict[str, Any], profile: str) -> dict[str, Any]:
    """Kueue queues for new pools: one team, `ml-platform`, whose queue the platform's
    Jobs use, owning every GPU the gpu pools scale to (by family); add teams later."""
    gpus: dict[str, int] = {}
    for pool in pools.values():
        family = pool_family(pool["instanceTypes"])
        if pool["kind"] != "gpu" or family is None:
            continue
        most = max(gpus_per_node(t) for t in pool["instanceTypes"])
        gpus[family] = gpus.get(family, 0) + pool["maxSize"] * most
    enterprise = profile == "enterprise"
    team = {
        "cpu": {"nominal": 64 if enterprise else 8},
        "memoryGi": {"nominal": 256 if enterprise else 32},
        "gpus": {family: {"nominal": n} for family, n in gpus.items()},
    }
    return {"platformTeam": "ml-platform", "teams": {"ml-platform": team}}


def retention_days(environment: str) -> int:
    """The shortest allowed log retention for the environment."""
    return 365 if environment in ("prod", "dr") else 90


def next_free_cidr(used: set[str]) -> str:
    """The first 10.x.0.0/16 from 10.40 up that no existing stack uses (for later peering)."""
    taken = {ipaddress.IPv4Network(c) for c in used}
    for second in range(40, 250):
        candidate = ipaddress.IPv4Network(f"10.{second}.0.0/16")
        if not any(candidate.overlaps(t) for t in taken):
            return str(candidate)
    raise ValueError("no free 10.x.0.0/16 range left")
