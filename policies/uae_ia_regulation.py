"""The UAE Information Assurance Regulation: management (M1-M6) and technical (T1-T9) controls.

The TDRA's UAE IA Regulation (v1.1, March 2020) is the successor of the NESA UAE IA
Standards; both organise the controls in the same six management and nine technical
families. The control numbers, names and priorities below were read from the text of
the NESA UAE Information Assurance Standards (v1.0): the control list is its Annex C,
Table 8 ("Mapping of UAE IA Standards controls against leading standards"), the
priorities its Annex B, Table 7 ("Summary of prioritized controls"), the family titles
its table of contents, and the control texts of every control a rule cites its
section 5.4 (Technical Controls). The ids cited by rules were cross-checked against
the implementation-guidance pages at omlex.dozuki.com, which carry the same ids and
priorities. The v1.1 text itself was not available to check against, and v2 of the
standard (2025, UAE Cyber Security Council) is not used here.

Each control's `scope` says whether a rule over the plan can enforce it:
`CODE` (a property of resources the pack can judge), `PROCESS` (policies,
procedures, agreements, reviews, people), `PHYSICAL`, or `OTHER_ASSETS` (technical,
but about e-mail, wireless, mobile devices or application logic, which this
platform does not provision). Coverage is computed from the rules that cite each
control (`policies/uae_mapping.py`), never declared here.
"""

from __future__ import annotations

from policies.uae_catalogues import Catalogue, Family, Requirement, Scope, Source

NESA_TEXT = Source(
    "NESA UAE Information Assurance Standards (National Electronic Security Authority), v1.0",
    "Annex C, Table 8 (control numbers and names); Annex B, Table 7 (priorities)",
)
NESA_CONTROL_TEXT = Source(
    "NESA UAE Information Assurance Standards, v1.0",
    "section 5.4, Technical Controls (control, sub-controls and implementation guidance)",
)
DOZUKI = "https://omlex.dozuki.com/Wiki/"
SOURCES = (
    NESA_TEXT,
    NESA_CONTROL_TEXT,
    Source(
        "NESA UAE Information Assurance Standards, v1.0",
        "table of contents (families "
        "M1-M6 and T1-T9); Annex B, Table 6 (39 P1, 69 P2, 35 P3, 45 P4 controls)",
    ),
    Source(
        "UAE IA implementation guidance (Omlex)",
        "T3.6.2 Audit Logging",
        DOZUKI + "T3.6.2_-_AUDIT_LOGGING_Implementation_Guidance",
    ),
    Source(
        "UAE IA implementation guidance (Omlex)",
        "T4.2.1 Information Transfer Procedures",
        DOZUKI + "T4.2.1_-_INFORMATION_TRANSFER_PROCEDURES_Implemntation_Guidance",
    ),
    Source(
        "UAE IA implementation guidance (Omlex)",
        "T5.2.2 Privilege Management (P1)",
        DOZUKI + "T5.2.2_PRIVILEGE_MANAGEMENT_Implementation_Guidance",
    ),
    Source(
        "UAE IA implementation guidance (Omlex)",
        "T5.2.4 Review of User Access Rights (P1)",
        DOZUKI + "T5.2.4_-_REVIEW_OF_USER_ACCESS_RIGHTS_Implementation_Guidance",
    ),
    Source(
        "UAE IA implementation guidance (Omlex)",
        "T7.4.1 Policy on the Use of Cryptographic Controls",
        DOZUKI + "T7.4.1_-_POLICY_ON_THE_USE_OF_CRYPTOGRAPHIC_CONTROLS_Implementation_Guidance",
    ),
    Source(
        "UAE IA implementation guidance (Omlex)",
        "T7.4.2 Key Management (P2)",
        DOZUKI + "T7.4.2_-_KEY_MANAGEMENT_Implementation_Guidance",
    ),
    Source(
        "ManageEngine, 'UAE SIA (NESA) IAR Compliance'",
        "'What is UAE SIA (NESA)?': the "
        "IA Regulation is the set of management and technical controls, developed by the "
        "TDRA",
        "https://www.manageengine.com/products/eventlog/compliance/uae-sia-nesa-ia.html",
    ),
    Source(
        "Security Scientist, '12 Questions and Answers About NESA / NCSC IAS'",
        "version history: v1.1 March 2020 under the TDRA; v2 2025",
        "https://www.securityscientist.net/blog/12-questions-and-answers-about-nesa-"
        "ncsc-ias-standard/",
    ),
)

FAMILIES = (
    Family("M1", "Strategy and Planning"),
    Family("M2", "Information Security Risk Management"),
    Family("M3", "Awareness and Training"),
    Family("M4", "Human Resources Security"),
    Family("M5", "Compliance"),
    Family("M6", "Performance Evaluation and Improvement"),
    Family("T1", "Asset Management"),
    Family("T2", "Physical and Environmental Security"),
    Family("T3", "Operations Management"),
    Family("T4", "Communications"),
    Family("T5", "Access Control"),
    Family("T6", "Third-Party Security"),
    Family("T7", "Information Systems Acquisition, Development and Maintenance"),
    Family("T8", "Information Security Incident Management"),
    Family("T9", "Information Systems Continuity Management"),
)

# Scope abbreviations for the table: code, process, physical, other assets.
C, P, Y, X = Scope.CODE, Scope.PROCESS, Scope.PHYSICAL, Scope.OTHER_ASSETS
# (id, priority from Annex B or None, scope, name from Annex C)
_CONTROLS: tuple[tuple[str, str | None, Scope, str], ...] = (
    ("M1.1.1", "P1", P, "Understanding the Entity and its Context"),
    ("M1.1.2", "P1", P, "Leadership and Management Commitment"),
    ("M1.1.3", "P1", P, "Roles and Responsibilities for Information Security"),
    ("M1.2.1", "P1", P, "Information Security Policy"),
    ("M1.2.2", "P2", P, "Supporting Policies for Information Security"),
    ("M1.3.1", "P2", P, "Authorization Process for Information Systems"),
    ("M1.3.2", "P2", P, "Confidentiality Agreements"),
    ("M1.3.3", "P4", P, "Contact with Authorities"),
    ("M1.3.4", "P4", P, "Contact with Special Interest Groups"),
    ("M1.3.5", "P1", P, "Identification of Risks Related to External Parties"),
    ("M1.3.6", "P2", P, "Addressing Security When Dealing with Customers"),
    ("M1.3.7", "P2", P, "Addressing Security in Third Party Agreements"),
    ("M1.4.1", "P1", P, "Resources"),
    ("M1.4.2", "P2", P, "Internal and External Communication"),
    ("M1.4.3", "P2", P, "Documentation"),
    ("M2.1.1", "P1", P, "Information Security Risk Management Policy"),
    ("M2.2.1", "P1", P, "Information Security Risk Identification"),
    ("M2.2.2", "P1", P, "Information Security Risk Analysis"),
    ("M2.2.3", "P1", P, "Information Security Risk Evaluation"),
    ("M2.3.1", "P1", P, "Information Security Risk Treatment Options"),
    ("M2.3.2", "P1", P, "Identification of Controls"),
    ("M2.3.3", "P1", P, "Risk Treatment Plan"),
    ("M2.3.4", "P1", P, "Statement of Applicability"),
    ("M2.3.5", "P2", P, "Information Security Objectives"),
    ("M2.4.1", "P1", P, "Risk Monitoring and Review"),
    ("M2.4.2", "P1", P, "Risk Communication and Consultation"),
    ("M3.1.1", "P2", P, "Awareness and Training Policy"),
    ("M3.2.1", "P2", P, "Awareness and Training Program"),
    ("M3.3.1", "P1", P, "Training Needs"),
    ("M3.3.2", "P3", P, "Implementation Plan"),
    ("M3.3.3", "P2", P, "Training Execution"),
    ("M3.3.4", None, P, "Training Results"),
    ("M3.3.5", None, P, "Records Documentation"),
    ("M3.4.1", None, P, "Awareness Campaign"),
    ("M4.1.1", None, P, "Human Resources Security Policy"),
    ("M4.2.1", None, P, "Screening"),
    ("M4.2.2", None, P, "Terms and Conditions of Employment"),
    ("M4.3.1", None, P, "Management Responsibilities"),
    ("M4.3.2", None, P, "Disciplinary Process"),
    ("M4.4.1", "P1", P, "Termination Responsibilities"),
    ("M4.4.2", "P1", P, "Return of Assets"),
    ("M4.4.3", "P1", P, "Removal of Access Rights"),
    ("M5.1.1", None, P, "Compliance Policy"),
    ("M5.2.1", None, P, "Identification of Applicable Legislation"),
    ("M5.2.2", "P4", P, "Intellectual Property Rights (IPR)"),
    ("M5.2.3", None, P, "Protection of Organizational Records"),
    ("M5.2.4", "P3", P, "Data Protection and Privacy of Personal Information"),
    ("M5.2.5", "P3", P, "Prevention of Misuse of Information Systems"),
    ("M5.2.6", "P2", P, "Regulation of Cryptographic Controls"),
    ("M5.2.7", "P4", P, "Liability to the Information Sharing Community"),
    ("M5.3.1", "P4", P, "Compliance with Security Policies and Standards"),
    ("M5.4.1", "P2", P, "Technical Compliance Checking"),
    ("M5.5.1", "P4", P, "Information Systems Audit Controls"),
    ("M5.5.2", "P4", P, "Protection of Information Systems Audit Tools"),
    ("M5.5.3", "P4", P, "Audit of Community Functions"),
    ("M6.1.1", "P3", P, "Performance Evaluation Policy"),
    ("M6.2.1", "P2", P, "Monitoring, Measurement, Analysis and Evaluation"),
    ("M6.2.2", "P2", P, "Internal Audits"),
    ("M6.3.1", "P2", P, "Corrective Action"),
    ("M6.3.2", "P2", P, "Continual Improvement"),
    ("T1.1.1", "P2", P, "Asset Management Policy"),
    ("T1.2.1", "P2", C, "Inventory of Assets"),
    ("T1.2.2", "P2", C, "Ownership of Assets"),
    ("T1.2.3", "P2", P, "Acceptable Use of Assets"),
    ("T1.2.4", "P2", X, "Acceptable Bring Your Own Device (BYOD) Arrangements"),
    ("T1.3.1", "P3", P, "Classification of Information"),
    ("T1.3.2", "P3", C, "Labeling of Information"),
    ("T1.3.3", "P3", P, "Handling of Information Assets"),
    ("T1.4.1", "P1", Y, "Management of Removable Media"),
    ("T1.4.2", "P2", Y, "Disposal of Media"),
    ("T2.1.1", "P4", P, "Physical and Environmental Security Policy"),
    ("T2.2.1", "P2", Y, "Physical Security Perimeter"),
    ("T2.2.2", "P2", Y, "Physical Entry Controls"),
    ("T2.2.3", "P2", Y, "Securing Offices, Rooms and Facilities"),
    ("T2.2.4", "P4", Y, "Protecting Against External and Environmental Threats"),
    ("T2.2.5", "P3", Y, "Working in Secure Areas"),
    ("T2.2.6", "P3", Y, "Public Access, Delivery, and Loading Areas"),
    ("T2.3.1", "P2", Y, "Equipment Siting and Protection"),
    ("T2.3.2", "P4", Y, "Supporting Utilities"),
    ("T2.3.3", "P4", Y, "Cabling Security"),
    ("T2.3.4", "P3", Y, "Equipment Maintenance"),
    ("T2.3.5", "P3", Y, "Security of Equipment Off-Premises"),
    ("T2.3.6", "P3", Y, "Secure Disposal or Re-Use of Equipment"),
    ("T2.3.7", "P3", Y, "Removal of Property"),
    ("T2.3.8", "P2", Y, "Unattended User Equipment"),
    ("T2.3.9", "P3", Y, "Clear Desk and Clear Screen Policy"),
    ("T3.1.1", "P4", P, "Operations Management Policy"),
    ("T3.2.1", "P2", C, "Common Systems Configuration Guidelines"),
    ("T3.2.2", "P3", P, "Documented Operating Procedures"),
    ("T3.2.3", "P4", P, "Change Management"),
    ("T3.2.4", "P2", P, "Segregation of Duties"),
    ("T3.2.5", "P2", C, "Separation of Development, Test and Operational Facilities"),
    ("T3.3.1", "P4", C, "Capacity Management"),
    ("T3.3.2", "P3", P, "System Acceptance and Testing"),
    ("T3.4.1", "P1", C, "Controls Against Malware"),
    ("T3.5.1", "P1", C, "Information Backup"),
    ("T3.6.1", "P3", P, "Monitoring Policy and Procedures"),
    ("T3.6.2", "P2", C, "Audit Logging"),
    ("T3.6.3", "P1", C, "Monitoring System Use"),
    ("T3.6.4", "P2", C, "Protection of Log Information"),
    ("T3.6.5", "P2", C, "Administrator and Operator Logs"),
    ("T3.6.6", "P3", C, "Fault Logging"),
    ("T3.6.7", "P4", C, "Clock Synchronization"),
    ("T4.1.1", "P3", P, "Communications Policy"),
    ("T4.2.1", "P2", C, "Information Transfer Procedures"),
    ("T4.2.2", "P3", P, "Agreements on Information Transfer"),
    ("T4.2.3", "P3", Y, "Physical Media in Transit"),
    ("T4.2.4", "P3", X, "Electronic Messaging"),
    ("T4.2.5", "P4", X, "Business Information Systems"),
    ("T4.3.1", "P2", X, "Electronic Commerce"),
    ("T4.3.2", "P3", X, "On-Line Transactions"),
    ("T4.3.3", "P4", X, "Publicly Available Information"),
    ("T4.4.1", "P4", P, "Connectivity to Information Sharing Platforms"),
    ("T4.4.2", "P4", P, "Information Released into Information Sharing Communities"),
    ("T4.5.1", "P1", C, "Network Controls"),
    ("T4.5.2", "P2", P, "Security of Network Services"),
    ("T4.5.3", "P1", C, "Segregation in Networks"),
    ("T4.5.4", "P2", X, "Security of Wireless Networks"),
    ("T5.1.1", "P2", P, "Access Control Policy"),
    ("T5.2.1", "P1", C, "User Registration"),
    ("T5.2.2", "P1", C, "Privilege Management"),
    ("T5.2.3", "P1", C, "User Security Credentials Management"),
    ("T5.2.4", "P1", P, "Review of User Access Rights"),
    ("T5.3.1", "P1", P, "Use of Security Credentials"),
    ("T5.4.1", "P2", P, "Policy on Use of Network Services"),
    ("T5.4.2", "P1", C, "User Authentication for External Connections"),
    ("T5.4.3", "P1", X, "Equipment Identification in Networks"),
    ("T5.4.4", "P4", C, "Remote Diagnostic and Configuration Protection"),
    ("T5.4.5", "P1", C, "Network Connection Control"),
    ("T5.4.6", "P3", C, "Network Routing Control"),
    ("T5.4.7", "P2", X, "Wireless Access"),
    ("T5.5.1", "P1", C, "Secure Log-On Procedures"),
    ("T5.5.2", "P1", C, "User Identification and Authentication"),
    ("T5.5.3", "P1", C, "User Credentials Management System"),
    ("T5.5.4", "P4", C, "Use of System Utilities"),
    ("T5.6.1", "P1", C, "Information Access Restriction"),
    ("T5.6.2", "P2", C, "Sensitive System Isolation"),
    ("T5.6.3", "P3", C, "Publicly Accessible Content"),
    ("T5.7.1", "P4", X, "Access Control for Mobile Devices"),
    ("T5.7.2", "P4", X, "Teleworking"),
    ("T6.1.1", "P4", P, "Third Party Security Policy"),
    ("T6.2.1", "P2", P, "Service Delivery"),
    ("T6.2.2", "P2", P, "Monitoring and Review of Third Party Services"),
    ("T6.2.3", "P2", P, "Managing Changes to Third Party Services"),
    ("T6.3.1", "P2", C, "Information Security Requirements for Cloud Environments"),
    ("T6.3.2", "P2", C, "Service Delivery Agreements with Cloud Providers"),
    ("T7.1.1", "P4", P, "Information Systems Acquisition, Development and Maintenance Policy"),
    ("T7.2.1", "P3", P, "Security Requirements Analysis and Specification"),
    ("T7.2.2", "P4", P, "Developer-Provided Training"),
    ("T7.3.1", "P2", X, "Input Data Validation"),
    ("T7.3.2", "P2", X, "Control of Internal Processing"),
    ("T7.3.3", "P2", X, "Message Integrity"),
    ("T7.3.4", "P2", X, "Output Data Validation"),
    ("T7.4.1", "P2", P, "Policy on the Use of Cryptographic Controls"),
    ("T7.4.2", "P2", C, "Key Management"),
    ("T7.5.1", "P4", C, "Control of Operational Software"),
    ("T7.5.2", "P3", P, "Protection of System Test Data"),
    ("T7.5.3", "P3", X, "Access Control to Program Source Code"),
    ("T7.6.1", "P3", P, "Change Control Procedures"),
    ("T7.6.2", "P3", P, "Technical Review of Applications After Operating System Changes"),
    ("T7.6.3", "P2", P, "Restrictions on Changes to Software Packages"),
    ("T7.6.4", "P2", C, "Information Leakage"),
    ("T7.6.5", "P3", P, "Outsourced Software Development"),
    ("T7.7.1", "P1", C, "Control of Technical Vulnerabilities"),
    ("T7.8.1", "P4", P, "Supply Chain Protection Strategy"),
    ("T7.8.2", "P4", P, "Supplier Reviews"),
    ("T7.8.3", "P4", P, "Limitation of Harm"),
    ("T7.8.4", "P4", P, "Supply Chain Operations Security"),
    ("T7.8.5", "P4", C, "Reliable Delivery"),
    ("T7.8.6", "P3", P, "Processes to Address Weaknesses or Deficiencies"),
    ("T7.8.7", "P4", P, "Supply of Critical Information System Components"),
    ("T8.1.1", "P2", P, "Information Security Incident Management Policy"),
    ("T8.2.1", "P2", P, "Incident Response Plan"),
    ("T8.2.2", "P2", P, "Computer Security Incident Response Team"),
    ("T8.2.3", "P4", P, "Incident Classification"),
    ("T8.2.4", "P4", P, "Incident Response Training"),
    ("T8.2.5", "P4", P, "Incident Response Testing"),
    ("T8.2.6", "P4", P, "Incident Response Assistance"),
    ("T8.2.7", "P4", P, "Information Security Incident Documentation"),
    ("T8.2.8", "P4", P, "Learning From Information Security Incidents"),
    ("T8.2.9", "P4", P, "Collection of Evidence"),
    ("T8.3.1", "P4", P, "Situational Awareness"),
    ("T8.3.2", "P4", P, "Reporting Information Security Events"),
    ("T8.3.3", "P4", P, "Reporting Security Weaknesses"),
    ("T9.1.1", "P4", P, "Information Systems Continuity Planning Policy"),
    ("T9.2.1", "P3", P, "Developing Information Systems Continuity Plans"),
    ("T9.2.2", "P3", C, "Implementing Information Systems Continuity Plans"),
    (
        "T9.3.1",
        "P3",
        P,
        "Testing, Maintaining and Re-Assessing Information Systems Continuity Plans",
    ),
)

_UNPRIORITISED = (
    "not in Annex B, Table 7 as read: the P2 entries read there are 11 fewer "
    "than Table 6's count of 69, and these 11 controls carry no priority"
)
_NOTES: dict[str, str] = {
    "M2.4.1": "named 'Risk Monitoring and Review' in Annexes A and B; Annex C names it "
    "'Information Security Risk Assessment Review and Update'",
    "T6.3.1": "the entity defines the requirements (sub-controls 1-3: due diligence, risk "
    "assessment, governance); the residency rules are the evidence that the "
    "in-country requirement is met by every resource, replica, backup and sink",
    "T6.3.2": "sub-control 1 asks for awareness of where restricted information is stored or "
    "transmitted in the cloud; the residency rules prove it from the plan (the "
    "agreement itself is a contract)",
}
# Why a technical control is about assets the platform does not provision.
_REASONS: dict[str, str] = {
    "T1.2.4": "personal devices (BYOD) are not provisioned by the platform",
    "T4.2.4": "e-mail and other electronic messaging are not provisioned by the platform",
    "T4.2.5": "office business information systems are not provisioned by the platform",
    "T4.3.1": "electronic commerce services are not provisioned by the platform",
    "T4.3.2": "on-line transaction services are not provisioned by the platform",
    "T4.3.3": "the platform publishes no public information (RES-010 and NET-004 keep it private)",
    "T4.5.4": "wireless networks are not provisioned by the platform",
    "T5.4.3": "devices joining the entity's own networks (e.g. 802.1X) are outside the plan",
    "T5.4.7": "wireless access is not provisioned by the platform",
    "T5.7.1": "mobile devices are not provisioned by the platform",
    "T5.7.2": "teleworking arrangements are not provisioned by the platform",
    "T7.3.1": "application input validation lives in the workloads' code, tested by "
    "tests/workloads, not by the policy pack",
    "T7.3.2": "application processing checks live in the workloads' code, tested by "
    "tests/workloads",
    "T7.3.3": "message integrity between applications lives in the workloads' code; "
    "transport encryption is T4.2.1",
    "T7.3.4": "application output validation lives in the workloads' code",
    "T7.5.3": "source code repositories are on the version-control host, not in the plan",
}


def _requirement(row: tuple[str, str | None, Scope, str]) -> Requirement:
    control_id, priority, scope, title = row
    note = _NOTES.get(control_id)
    if priority is None:
        note = f"{note}; {_UNPRIORITISED}" if note else _UNPRIORITISED
    return Requirement(
        control_id,
        title,
        scope,
        NESA_TEXT,
        family=control_id.split(".")[0],
        priority=priority,
        note=note,
        reason=_REASONS.get(control_id),
    )


UAE_IA = Catalogue(
    key="uae-ia",
    title="UAE Information Assurance Regulation (TDRA; formerly the NESA UAE IA Standards)",
    short="UAE IA",
    issuer="Telecommunications and Digital Government Regulatory Authority (TDRA); "
    "originally the National Electronic Security Authority (NESA)",
    edition="IA Regulation v1.1 (March 2020); control numbers, names and priorities as in "
    "the NESA UAE IA Standards v1.0 text (Annexes B and C), not re-checked against "
    "the v1.1 text; v2 (2025) not used",
    applies_to="UAE government entities and entities designated critical (critical "
    "information infrastructure); recommended to all others",
    sectors=("government", "critical-infrastructure"),
    sources=SOURCES,
    requirements=tuple(_requirement(row) for row in _CONTROLS),
    families=FAMILIES,
)
