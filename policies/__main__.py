"""The CrossGuard policy pack `sovereign-ml-guardrails`: assembles the rules, nothing else.

Run by the Pulumi CLI: `pulumi preview --policy-pack policies`. Constructing
`PolicyPack` starts the analyzer server and blocks, so nothing may import this
module; tests and `smp check` use `policies.catalogue.all_rules()` instead.
"""

from pulumi_policy import EnforcementLevel, PolicyPack

from policies.catalogue import all_rules

PolicyPack(
    name="sovereign-ml-guardrails",
    enforcement_level=EnforcementLevel.MANDATORY,
    policies=[rule.policy for rule in all_rules()],
    description="ISO 27001 / NIST 800-53 and UAE data-locality guardrails for the Sovereign ML "
    "Platform.",
    display_name="Sovereign ML guardrails",
)
