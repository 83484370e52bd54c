"""Globally unique names: valid for their service, deterministic, distinct per purpose."""

from __future__ import annotations

import pytest

from components.azure.naming import (
    CONTAINER_REGISTRY,
    KEY_VAULT,
    POSTGRES_SERVER,
    REDIS_CACHE,
    STORAGE_ACCOUNT,
    NameRule,
    global_name,
)
from components.azure.network import plan_subnets

RULES = [KEY_VAULT, STORAGE_ACCOUNT, CONTAINER_REGISTRY, POSTGRES_SERVER, REDIS_CACHE]
STACKS = [
    "azure-uaenorth-prod",
    "azure-uaecentral-dr",
    "x",
    "dev2",
    "a" * 64,
    "Azure_UAE--North..prod",
    "9lives",
]
PURPOSES = [
    "cmk",
    "geo",
    "offline-store",
    "artifacts",
    "prediction-logs",
    "predictions",
    "registry",
]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.prefix)
def test_names_satisfy_the_service_limits(rule: NameRule):
    for stack in STACKS:
        for purpose in PURPOSES:
            name = global_name(rule, stack, purpose)
            assert rule.min_len <= len(name) <= rule.max_len, name
            assert rule.pattern.match(name), name
            assert name == global_name(rule, stack, purpose)


def test_storage_names_are_lower_case_alphanumerics():
    name = global_name(STORAGE_ACCOUNT, "Azure-UAENorth-Prod", "offline-store")
    assert name.isalnum()
    assert name == name.lower()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.prefix)
def test_names_differ_across_stacks_and_purposes(rule: NameRule):
    names = {global_name(rule, s, p) for s in STACKS for p in PURPOSES}
    assert len(names) == len(STACKS) * len(PURPOSES)


def test_the_shipped_stacks_keep_the_purpose_readable():
    assert "artifact" in global_name(STORAGE_ACCOUNT, "azure-uaenorth-prod", "artifacts")
    assert global_name(KEY_VAULT, "azure-uaenorth-prod", "cmk").startswith("kv-azure-")


@pytest.mark.parametrize("cidr", ["10.50.0.0/16", "10.51.0.0/18", "172.20.0.0/20"])
def test_subnets_fit_in_the_vnet_without_overlap(cidr: str):
    import ipaddress

    plan = plan_subnets(cidr)
    nets = [
        ipaddress.IPv4Network(n)
        for n in (plan.nodes, plan.apiserver, plan.private_endpoints, plan.data)
    ]
    vnet = ipaddress.IPv4Network(cidr)
    assert all(n.subnet_of(vnet) for n in nets)
    assert not any(a.overlaps(b) for i, a in enumerate(nets) for b in nets[i + 1 :])
    assert nets[1].prefixlen <= 28  # AKS API server VNet integration needs at least a /28
