"""The pack's Kubernetes rules as data for the in-cluster layer's admission policies.

The composition root is the one place that reads both the pack and the components: it
turns each rule's `AdmissionCheck` (policies/kubernetes.py) into an
`AdmissionPolicySpec`, with the rule's default config (the program does not see the
pack config that `pulumi preview --policy-pack-config` reads; what differs per stack is
in the stack config's `admission` section).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import pulumi

from components.interface import CloudPlatform
from components.k8s.admission import AdmissionPolicySpec
from platform_spec import PlatformConfig
from policies.admission import AdmissionCheck, AdmissionContext, admission_checks
from policies.catalogue import all_rules
from policies.framework import config_with_defaults


class UnknownAdmissionRuleError(ValueError):
    """A stack-config admission exception names a rule that has no admission policy."""


def admission_policy_specs(
    platform: PlatformConfig, cloud: CloudPlatform
) -> list[AdmissionPolicySpec]:
    """One spec per rule with an admission check, its CEL naming the stack's registry."""
    checks = admission_checks()
    unknown = sorted({e.rule for e in platform.admission.exceptions} - set(checks))
    if unknown:
        raise UnknownAdmissionRuleError(
            f"platform.admission.exceptions name {', '.join(unknown)}, which have no admission "
            f"policy; rules with one: {', '.join(sorted(checks))}"
        )
    metas = {r.meta.id: r.meta for r in all_rules()}
    specs = []
    for rule_id, check in sorted(checks.items()):
        meta = metas[rule_id]
        config = {**config_with_defaults(meta, {})}
        if "jurisdiction" in config:
            config["jurisdiction"] = platform.jurisdiction

        def validations(
            host: str, check: AdmissionCheck = check, config: dict[str, Any] = config
        ) -> list[dict[str, str]]:
            return [asdict(v) for v in check.validations(config, AdmissionContext((host,)))]

        specs.append(
            AdmissionPolicySpec(
                rule_id=rule_id,
                title=meta.title,
                resource_rules=check.resource_rules(),
                variables=check.variables,
                validations=pulumi.Output.from_input(cloud.registry_url).apply(validations),
                exempt_namespaces=check.exemptions(config),
            )
        )
    return specs
