"""Which UAE requirements each rule enforces: one entry per rule id, kept apart from the rules.

Every rule of the pack has an entry (a test fails for a rule without one): at least
one UAE IA Regulation control, or an explicit `ia_none` saying why no IA control
applies; and, where the rule enforces them, the articles or sections of the other
UAE catalogues (`"<catalogue>:<id>"`, see `policies/uae_catalogues.py`). Only
controls a rule over the plan can enforce (scope `code`) may be cited; every cited
id must exist in its catalogue. Tests check all three.

Adding a rule: add its id here with the controls its check proves, reading the
control text in the catalogue's source (not the title alone).
"""

from __future__ import annotations

from dataclasses import dataclass

from policies.uae_catalogues import Scope, resolve


@dataclass(frozen=True)
class UaeMapping:
    """A rule's UAE IA controls (or why none applies) and its other UAE references."""

    ia: tuple[str, ...] = ()
    ia_none: str | None = None
    law: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if bool(self.ia) == bool(self.ia_none):
            raise ValueError("give UAE IA controls or a reason why none applies, not both")
        if self.ia_none is not None and len(self.ia_none.strip()) < 20:
            raise ValueError("say why no UAE IA control applies (20 characters or more)")

    @property
    def refs(self) -> tuple[str, ...]:
        """Every reference the rule cites: `uae-ia:<control>` then the law references."""
        return (*(f"uae-ia:{c}" for c in self.ia), *self.law)


# Residency: the platform keeps every copy in the UAE, so no transfer happens under the
# PDPL's transfer articles, the bank's system of record and confidential data stay in the
# UAE, and health data is not stored or transferred outside it.
_IN_COUNTRY = (
    "uae-pdpl:Art. 22",
    "uae-pdpl:Art. 23",
    "cbuae-outsourcing:6.1",
    "cbuae-outsourcing:6.3",
    "uae-health-ict:Art. 13",
)
_CLOUD_LOCATION = ("T6.3.1", "T6.3.2")
_PDPL_SECURITY = ("uae-pdpl:Art. 20",)

UAE_MAPPING: dict[str, UaeMapping] = {
    # Encryption: the entity's own keys (T7.4.2 sub-controls 4-5: keys protected against
    # modification, loss and unauthorised use); TLS protects information in transfer.
    "ENC-001": UaeMapping(ia=("T7.4.2",), law=_PDPL_SECURITY),
    "ENC-002": UaeMapping(ia=("T7.4.2",), law=_PDPL_SECURITY),
    "ENC-003": UaeMapping(ia=("T7.4.2", "T5.6.1"), law=_PDPL_SECURITY),
    "ENC-004": UaeMapping(ia=("T7.4.2",), law=_PDPL_SECURITY),
    "ENC-005": UaeMapping(ia=("T7.4.2",), law=_PDPL_SECURITY),
    "ENC-006": UaeMapping(ia=("T7.4.2", "T4.2.1"), law=_PDPL_SECURITY),
    "ENC-007": UaeMapping(ia=("T7.4.2", "T4.2.1"), law=_PDPL_SECURITY),
    "ENC-008": UaeMapping(ia=("T7.4.2", "T3.6.4"), law=_PDPL_SECURITY),
    "ENC-009": UaeMapping(ia=("T7.4.2",), law=_PDPL_SECURITY),
    "ENC-010": UaeMapping(ia=("T7.4.2", "T4.2.1"), law=_PDPL_SECURITY),
    "ENC-011": UaeMapping(ia=("T7.4.2",), law=_PDPL_SECURITY),
    "ENC-012": UaeMapping(ia=("T4.2.1",), law=_PDPL_SECURITY),
    # Sector profile (policies/sectors.py): keys in hardware where the sector asks for it;
    # T7.4.2 sub-controls 4-5 (keys protected against modification, loss, unauthorised use).
    "ENC-018": UaeMapping(ia=("T7.4.2",), law=_PDPL_SECURITY),
    # The event stream (issue 15): the entity's own key on the brokers' storage and TLS on
    # every connection to them (T7.4.2).
    "ENC-013": UaeMapping(ia=("T7.4.2",), law=_PDPL_SECURITY),
    "ENC-014": UaeMapping(ia=("T7.4.2",), law=_PDPL_SECURITY),
    "ENC-015": UaeMapping(ia=("T7.4.2",), law=_PDPL_SECURITY),
    # Identity: T5.2.2 (restrict privileges; never local admin), T5.6.1 (access by role),
    # T5.2.1 (one account per person), T5.2.3/T5.5.3 (credentials and their lifetime),
    # T5.5.2 (unique identity, suitable authentication).
    "IAM-001": UaeMapping(ia=("T5.2.2", "T5.6.1")),
    "IAM-002": UaeMapping(ia=("T5.2.1", "T5.2.3", "T5.5.3")),
    "IAM-003": UaeMapping(ia=("T5.2.2", "T5.5.2")),
    # Every platform role capped by the boundary: privilege management (T5.2.2) and
    # access restriction (T5.6.1), as IAM-001.
    "IAM-012": UaeMapping(ia=("T5.2.2", "T5.6.1")),
    "IAM-004": UaeMapping(ia=("T5.5.2", "T5.2.3")),
    "IAM-005": UaeMapping(ia=("T5.6.1", "T7.4.2")),
    "IAM-006": UaeMapping(ia=("T5.2.2", "T5.6.1")),
    # T5.5.3: a maximum lifetime for credentials (the secret expires and is rotated).
    "IAM-007": UaeMapping(ia=("T5.2.3", "T5.5.3")),
    # The event stream: clients authenticate as their own identity (T5.5.2), with no shared
    # password or SAS key to manage (T5.2.3), and are authorized by role (T5.6.1).
    "IAM-008": UaeMapping(ia=("T5.5.2", "T5.2.3")),
    "IAM-009": UaeMapping(ia=("T5.5.2", "T5.2.3", "T5.6.1")),
    # The Argo server authenticates each caller as themselves (identification and
    # authentication, privileges not borrowed from the server).
    "IAM-010": UaeMapping(ia=("T5.5.2", "T5.2.2")),
    # Workflow service accounts: privileges kept to their namespace.
    "IAM-011": UaeMapping(ia=("T5.2.2", "T5.6.1")),
    # Kubernetes: T3.2.1 (minimum security configurations), T3.3.1 (capacity), T7.5.1
    # (only approved software; supported versions), T7.8.5 (software not altered: digests),
    # T7.7.1 (technical vulnerabilities), T4.5.1/T4.5.3 (network controls, segregation).
    "K8S-001": UaeMapping(ia=("T3.2.1", "T5.2.2")),
    "K8S-002": UaeMapping(ia=("T3.2.1",)),
    "K8S-003": UaeMapping(ia=("T3.3.1",)),
    "K8S-004": UaeMapping(ia=("T3.3.1",)),
    "K8S-005": UaeMapping(ia=("T7.5.1", "T7.8.5")),
    "K8S-006": UaeMapping(ia=("T4.5.1", "T4.5.3")),
    "K8S-007": UaeMapping(ia=("T5.2.2", "T5.6.1")),
    "K8S-008": UaeMapping(ia=("T3.2.1",)),
    "K8S-009": UaeMapping(ia=("T7.5.1", "T7.7.1")),
    "K8S-010": UaeMapping(ia=("T7.7.1",)),  # images scanned for vulnerabilities
    "K8S-011": UaeMapping(ia=("T3.3.1",)),  # workflow pods' capacity bounded
    "K8S-012": UaeMapping(ia=("T3.2.1", "T5.2.2")),  # workflow pods' secure configuration
    "K8S-013": UaeMapping(ia=("T7.5.1", "T7.8.5")),  # orchestrator images not altered
    "K8S-014": UaeMapping(ia=("T5.2.3", "T5.5.3")),  # no static keys for workflow artifacts
    "K8S-022": UaeMapping(ia=("T3.3.1",)),  # GPU capacity shared by queue and quota
    # Logging: T3.6.2 (audit logs, their minimum retention), T3.6.3 (monitoring system use),
    # T3.6.4 (logs protected against tampering), T3.6.5 (administrator and operator logs).
    "LOG-001": UaeMapping(ia=("T3.6.2", "T3.6.5")),
    "LOG-002": UaeMapping(ia=("T3.6.2", "T3.6.4", "T3.6.5")),
    "LOG-003": UaeMapping(ia=("T3.6.2", "T3.6.5")),
    "LOG-004": UaeMapping(ia=("T3.6.2", "T3.6.3")),
    "LOG-005": UaeMapping(ia=("T3.6.2", "T3.6.3")),
    "LOG-006": UaeMapping(ia=("T3.3.1", "T3.6.3")),  # database capacity and use monitored
    # Sector profile: the regulated sectors' longer minimum retention of audit logs (T3.6.2).
    # AWS Config: configuration of every resource recorded (T3.6.2) and its use judged
    # continuously against configuration guidelines (T3.2.1, T3.6.3).
    "LOG-010": UaeMapping(ia=("T3.6.2", "T3.2.1")),
    "LOG-011": UaeMapping(ia=("T3.2.1", "T3.6.3")),
    "LOG-013": UaeMapping(ia=("T3.6.2", "T3.6.5")),
    # The event stream's broker and namespace logs: kept and CMK-protected (T3.6.2, T3.6.4),
    # the namespace's use monitored in the stack's workspace (T3.6.3).
    "LOG-008": UaeMapping(ia=("T3.6.2", "T3.6.4")),
    "LOG-009": UaeMapping(ia=("T3.6.2", "T3.6.3")),
    # API activity in every region recorded in the country: where an action outside the
    # jurisdiction would show.
    "LOG-007": UaeMapping(
        ia=("T3.6.2", "T3.6.5", "T6.3.2"), law=("uae-pdpl:Art. 22", "uae-pdpl:Art. 23")
    ),
    # Network: T5.4.4 (configuration interfaces protected), T5.4.5 (connections restricted
    # by rules), T4.5.1 (ingress filtering), T5.6.3 (nothing non-public exposed), T4.5.3
    # (segregation), T5.4.6 (external connections only through managed interfaces).
    "NET-001": UaeMapping(ia=("T5.4.4", "T5.4.5")),
    "NET-002": UaeMapping(ia=("T4.5.1", "T5.4.5")),
    "NET-003": UaeMapping(ia=("T5.6.3", "T5.6.1")),
    "NET-004": UaeMapping(ia=("T5.6.3", "T4.5.3")),
    "NET-005": UaeMapping(ia=("T4.5.3", "T5.4.6")),
    "NET-006": UaeMapping(ia=("T4.5.3", "T5.4.6")),
    # The event stream: nothing non-public exposed (T5.6.3), connections restricted by rules
    # (T5.4.5), reached only inside the segregated network (T4.5.3, T5.4.6).
    "NET-007": UaeMapping(ia=("T5.6.3", "T5.4.5")),
    "NET-008": UaeMapping(ia=("T5.6.3", "T5.4.5")),
    "NET-009": UaeMapping(ia=("T4.5.3", "T5.4.6")),
    # The orchestrator's server and webhooks: network controls, connection control.
    "NET-010": UaeMapping(ia=("T4.5.1", "T5.4.5")),
    "NET-011": UaeMapping(ia=("T5.4.5", "T5.5.2")),
    # Residency: T6.3.1/T6.3.2 (requirements and awareness of where cloud data is stored).
    # Registry images and keys are not personal, bank or health data: IA only.
    "RES-001": UaeMapping(ia=_CLOUD_LOCATION, law=_IN_COUNTRY),
    "RES-002": UaeMapping(ia=_CLOUD_LOCATION, law=_IN_COUNTRY),
    "RES-003": UaeMapping(ia=_CLOUD_LOCATION),
    "RES-004": UaeMapping(ia=("T6.3.1", "T7.4.2")),
    "RES-005": UaeMapping(ia=_CLOUD_LOCATION, law=_IN_COUNTRY),
    "RES-006": UaeMapping(ia=_CLOUD_LOCATION, law=_IN_COUNTRY),
    "RES-007": UaeMapping(ia=_CLOUD_LOCATION, law=_IN_COUNTRY),
    "RES-008": UaeMapping(ia=_CLOUD_LOCATION),
    "RES-009": UaeMapping(ia=_CLOUD_LOCATION, law=_IN_COUNTRY),
    "RES-010": UaeMapping(ia=_CLOUD_LOCATION, law=_IN_COUNTRY),
    # A default provider takes its location from the environment: unproven residency.
    "RES-011": UaeMapping(ia=_CLOUD_LOCATION, law=_IN_COUNTRY),
    # The roles cannot act outside the jurisdiction's regions: where cloud data is stored.
    "RES-016": UaeMapping(ia=_CLOUD_LOCATION, law=_IN_COUNTRY),
    "RES-012": UaeMapping(ia=_CLOUD_LOCATION, law=_IN_COUNTRY),  # every location named
    # The event stream: no replicator, geo pairing or sink copies events out of the UAE.
    "RES-013": UaeMapping(ia=_CLOUD_LOCATION, law=_IN_COUNTRY),
    "RES-014": UaeMapping(ia=_CLOUD_LOCATION, law=_IN_COUNTRY),
    "RES-015": UaeMapping(ia=_CLOUD_LOCATION, law=_IN_COUNTRY),
    # Sector profile: no waiver moves a bank's system of record and confidential data
    # (CBUAE 6.1, 6.3) or health data (Art. 13) out; T6.3.1 (the cloud's requirements).
    "RES-019": UaeMapping(
        ia=("T6.3.1",),
        law=("cbuae-outsourcing:6.1", "cbuae-outsourcing:6.3", "uae-health-ict:Art. 13"),
    ),
    # Every flow leaving a store (the transfer record, smp record) stays in the UAE or is
    # waived with a reason and an expiry: the PDPL transfer articles and the sector laws.
    "RES-020": UaeMapping(ia=_CLOUD_LOCATION, law=_IN_COUNTRY),
    # Tagging: T1.2.1 (inventory), T1.2.2 (ownership), T1.3.2 (labelling).
    "TAG-001": UaeMapping(ia=("T1.2.1", "T1.2.2", "T1.3.2")),
    "TAG-002": UaeMapping(ia=("T1.3.2",)),
    # Sector profile: the sector every rule keys on is labelled on every asset (T1.3.2) and
    # the inventory says it (T1.2.1); regulated sectors label their data restricted.
    "TAG-003": UaeMapping(ia=("T1.2.1", "T1.3.2")),
    "TAG-004": UaeMapping(ia=("T1.3.2",)),
}


def mapping_for(rule_id: str) -> UaeMapping | None:
    """The rule's UAE mapping, or None for a rule nobody has mapped yet."""
    return UAE_MAPPING.get(rule_id)


def cited_refs() -> dict[str, tuple[str, ...]]:
    """Rule id -> every reference it cites."""
    return {rule_id: m.refs for rule_id, m in UAE_MAPPING.items()}


def mapping_problems() -> list[str]:
    """References that name nothing, or a requirement code cannot enforce."""
    problems = []
    for rule_id, mapping in sorted(UAE_MAPPING.items()):
        for ref in mapping.refs:
            found = resolve(ref)
            if found is None:
                problems.append(f"{rule_id}: {ref} is not in a UAE catalogue")
            elif found[1].scope is not Scope.CODE:
                problems.append(
                    f"{rule_id}: {ref} is {found[1].scope.value}-only; a rule cannot enforce it"
                )
    return problems
