"""The UAE catalogues an auditor reads the pack against: every id cited, with its source.

One `Catalogue` per instrument: the UAE Information Assurance Regulation (its
control list is in `policies/uae_ia_regulation.py`), the federal personal data
protection law (PDPL), the Central Bank's outsourcing regulation for banks, the
DIFC and ADGM data-protection transfer provisions, the federal health-data law and
ADHICS. Each `Requirement` names where its id and title were read (`Source`), and
its `scope`: whether a rule over the plan can enforce it at all (`CODE`) or it is
a policy, agreement, review or physical measure that no plan can show.

Rules cite requirements by reference strings, `"<catalogue>:<id>"` (e.g.
`"uae-pdpl:Art. 22"`); the rule → reference table is `policies/uae_mapping.py`.
Those strings are also the hook for sector profiles: a profile (banking, health,
a DIFC entity...) can later name the catalogues, or the single requirements, it
enforces, e.g. `["cbuae-outsourcing:6.1", "cbuae-outsourcing:6.3"]`, and
`rules_enforcing()` says which rules make that claim true. `Catalogue.sectors`
says to whom an instrument applies, so a profile can be checked against it.

A wrong id in an audit is worse than a missing one: nothing here is cited from
memory. Where only a family or an article (not a sub-clause) could be confirmed,
the entry is at that level and its `note` says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Scope(StrEnum):
    """Whether a rule over the deployment plan can enforce a requirement."""

    CODE = "code"
    PROCESS = "process"
    PHYSICAL = "physical"
    OTHER_ASSETS = "other-assets"


# Why a requirement is out of scope for code, unless its own note says more.
SCOPE_REASONS = {
    Scope.PROCESS: "a policy, procedure, agreement, assessment, review or training the "
    "entity keeps; no resource in a deployment plan can show it",
    Scope.PHYSICAL: "physical and environmental security of sites, equipment and media",
    Scope.OTHER_ASSETS: "technical, but about assets this platform does not provision",
}


@dataclass(frozen=True)
class Source:
    """Where an id and its title were read: a document (and place in it) or a page."""

    title: str
    where: str
    url: str | None = None

    def cite(self) -> str:
        """`title, where (url)` for reports."""
        text = f"{self.title}, {self.where}"
        return f"{text} ({self.url})" if self.url else text


@dataclass(frozen=True)
class Requirement:
    """One control, article or section of a catalogue."""

    id: str
    title: str
    scope: Scope
    source: Source
    family: str | None = None
    priority: str | None = None
    # What was (not) confirmed, naming differences, how a rule meets it.
    note: str | None = None
    # Why code cannot enforce it, where the scope's general reason says too little.
    reason: str | None = None

    @property
    def out_of_scope_reason(self) -> str | None:
        """Why code cannot enforce it (None for code-scope requirements)."""
        if self.scope is Scope.CODE:
            return None
        return self.reason or SCOPE_REASONS[self.scope]


@dataclass(frozen=True)
class Family:
    """A control family (UAE IA M1-M6, T1-T9)."""

    id: str
    title: str


@dataclass(frozen=True)
class Catalogue:
    """One instrument: its requirements, their sources, and to whom it applies."""

    key: str
    title: str
    short: str
    issuer: str
    edition: str
    applies_to: str
    sectors: tuple[str, ...]
    sources: tuple[Source, ...]
    requirements: tuple[Requirement, ...]
    families: tuple[Family, ...] = ()

    def get(self, requirement_id: str) -> Requirement | None:
        """The requirement with this id, or None."""
        return next((r for r in self.requirements if r.id == requirement_id), None)

    def in_family(self, family_id: str) -> list[Requirement]:
        """The requirements of one family, in catalogue order."""
        return [r for r in self.requirements if r.family == family_id]


# ---------------------------------------------------------------------------
# Federal Decree-Law No. 45 of 2021 on the Protection of Personal Data (PDPL).

_PDPL_TEXT = Source(
    "UAE PDPL, Federal Decree-Law No. 45 of 2021, English text with article titles",
    "table of contents and article pages",
    "https://uaepdpl.com/article-22",
)
_PDPL_ART20 = Source(
    "UAE PDPL, Federal Decree-Law No. 45 of 2021, English text",
    "Article 20 (Personal Data Security), paragraph 1 (a): encryption of personal data",
    "https://uaepdpl.com/article-20",
)
_PDPL_SCOPE = Source(
    "Digital Policy Alert, 'Entry into force with grace period of Personal Data "
    "Protection Law' (UAE)",
    "summary of scope exclusions",
    "https://digitalpolicyalert.org/event/3042-entry-into-force-with-grace-period-of-"
    "personal-data-protection-law",
)

PDPL = Catalogue(
    key="uae-pdpl",
    title="Federal Decree-Law No. 45 of 2021 on the Protection of Personal Data (PDPL)",
    short="PDPL",
    issuer="UAE federal government (regulator: UAE Data Office)",
    edition="in force 2 January 2022",
    applies_to="controllers and processors in the UAE, and abroad for data subjects in the "
    "UAE; not government data, nor health or banking and credit data governed by "
    "their own legislation, nor the financial free zones (DIFC, ADGM)",
    sectors=("onshore",),
    sources=(
        _PDPL_TEXT,
        _PDPL_ART20,
        _PDPL_SCOPE,
        Source(
            "Securiti, 'Overview of UAE's Federal Decree-Law No. (45) of 2021 on PDPL'",
            "section 'Security Requirements'",
            "https://securiti.ai/uae-personal-data-protection-law",
        ),
    ),
    requirements=(
        Requirement(
            "Art. 2",
            "Scope of Application of the Decree by Law",
            Scope.PROCESS,
            _PDPL_TEXT,
            reason="decides which law applies to which data (the "
            "exclusions are summarised by Digital Policy Alert); a sector profile "
            "records it, no rule can",
        ),
        Requirement(
            "Art. 20",
            "Personal Data Security",
            Scope.CODE,
            _PDPL_ART20,
            note="cited at article level; paragraph 1 (a) names encryption of "
            "personal data, which the encryption rules enforce at rest and in "
            "transit",
        ),
        Requirement(
            "Art. 21",
            "Assessment of the Impact of Personal Data Protection",
            Scope.PROCESS,
            _PDPL_TEXT,
        ),
        Requirement(
            "Art. 22",
            "Cross-Border Transfer and Sharing of Personal Data for "
            "Processing Purposes if a Proper Protection Level is Available",
            Scope.CODE,
            _PDPL_TEXT,
            note="the residency rules keep infrastructure (replicas, backups, log "
            "sinks, edge services) from moving data out of the UAE, so the "
            "platform makes no transfer under this article",
        ),
        Requirement(
            "Art. 23",
            "Cross-Border Transfer and Sharing of Personal Data for "
            "Processing Purposes if a Proper Protection Level is not Available",
            Scope.CODE,
            _PDPL_TEXT,
            note="as Art. 22: the residency rules prevent the transfer rather than "
            "rely on one of its permitted cases",
        ),
    ),
)

# ---------------------------------------------------------------------------
# Central Bank of the UAE: Outsourcing Regulation for Banks (Circular 14/2021).

_CBUAE_ART6 = Source(
    "CBUAE Rulebook, Outsourcing Regulation for Banks (C 14/2021, effective 31/5/2021)",
    "Article 6: Outsourcing Outside the UAE",
    "https://rulebook.centralbank.ae/en/rulebook/article-6-outsourcing-outside-uae",
)

CBUAE_OUTSOURCING = Catalogue(
    key="cbuae-outsourcing",
    title="Central Bank of the UAE, Outsourcing Regulation for Banks (Circular No. 14/2021)",
    short="CBUAE Outsourcing",
    issuer="Central Bank of the UAE",
    edition="C 14/2021, effective 31 May 2021",
    applies_to="all banks operating in the UAE",
    sectors=("banking",),
    sources=(
        _CBUAE_ART6,
        Source(
            "CBUAE Rulebook, Outsourcing Regulation for Banks",
            "Introduction, Objective, Scope and Application",
            "https://rulebook.centralbank.ae/node/2267",
        ),
    ),
    requirements=(
        Requirement(
            "6.1",
            "The Master System of Record, including all Confidential Data, is "
            "continuously maintained and stored within the UAE",
            Scope.CODE,
            _CBUAE_ART6,
            note="the residency rules keep every copy (replicas, "
            "backups, geo-redundancy) in the UAE regions",
        ),
        Requirement(
            "6.2",
            "Branches of foreign banks: a daily-updated copy of the Master "
            "System of Record in the UAE, subject to Central Bank approval",
            Scope.PROCESS,
            _CBUAE_ART6,
        ),
        Requirement(
            "6.3",
            "Customers' Confidential Data not shared outside the UAE without "
            "Central Bank approval and the customer's prior written consent",
            Scope.CODE,
            _CBUAE_ART6,
            note="enforced for the platform's own "
            "infrastructure (no replication, edge or log delivery abroad); sharing "
            "through applications is the bank's process",
        ),
        Requirement(
            "6.4",
            "No outsourcing that shares Confidential Data with a provider in a "
            "jurisdiction that cannot safeguard it as the UAE would",
            Scope.PROCESS,
            _CBUAE_ART6,
        ),
        Requirement(
            "6.5",
            "Outsourcing outside the UAE: the bank and the customer keep "
            "ownership of the data; the Central Bank can access it on request",
            Scope.PROCESS,
            _CBUAE_ART6,
        ),
        Requirement(
            "6.6",
            "No agreement storing data where bank secrecy or other laws limit supervisory access",
            Scope.PROCESS,
            _CBUAE_ART6,
        ),
    ),
)

# ---------------------------------------------------------------------------
# DIFC Data Protection Law No. 5 of 2020: transfers out of the DIFC.

_DIFC_EXPORT = Source(
    "DIFC Commissioner of Data Protection, 'Data Export & Sharing'",
    "section 'Exporting Personal Data Outside DIFC' (Articles 26, 27 and 28 of the DP Law 2020)",
    "https://www.difc.ae/business/operating/data-protection/data-export-and-sharing/",
)
_DIFC_THIRD_COUNTRY = (
    "the UAE cloud regions are outside the DIFC: DLA Piper's summary of Article 27 notes a "
    "Third Country is anywhere other than the DIFC, including onshore UAE. Hosting in them "
    "is a transfer whose basis (adequacy, safeguards) the entity decides and records; the "
    "residency rules only keep it within the UAE"
)

DIFC_DP = Catalogue(
    key="difc-dp",
    title="DIFC Data Protection Law, DIFC Law No. 5 of 2020: transfers out of the DIFC",
    short="DIFC DPL",
    issuer="Dubai International Financial Centre (Commissioner of Data Protection)",
    edition="DIFC Law No. 5 of 2020, in force 1 July 2020",
    applies_to="controllers and processors in the DIFC",
    sectors=("difc",),
    sources=(
        _DIFC_EXPORT,
        Source(
            "DLA Piper, Data Protection Laws of the World: UAE - Dubai (DIFC)",
            "section 'Transfer'",
            "https://www.dlapiperdataprotection.com/index.html?t=transfer&c=AE2",
        ),
    ),
    requirements=(
        Requirement(
            "Art. 26",
            "Transfers out of the DIFC: only to a jurisdiction with an "
            "adequate level of protection",
            Scope.PROCESS,
            _DIFC_EXPORT,
            reason=_DIFC_THIRD_COUNTRY,
        ),
        Requirement(
            "Art. 27",
            "Transfers out of the DIFC in the absence of an adequate level "
            "of protection (safeguards, derogations)",
            Scope.PROCESS,
            _DIFC_EXPORT,
            reason=_DIFC_THIRD_COUNTRY,
        ),
    ),
)

# ---------------------------------------------------------------------------
# ADGM Data Protection Regulations 2021, Part V: transfers out of ADGM.

_ADGM_PART_V = Source(
    "ADGM Data Protection Regulations 2021 (ADGM rulebook)",
    "Part V 'Transfers of Personal "
    "Data outside of ADGM or to International Organisations', sections 40 and 41",
    "https://adgmen.thomsonreuters.com/entiresection/23384",
)
_ADGM_OUTSIDE = (
    "the UAE cloud regions are outside ADGM: a transfer under Part V whose basis the entity "
    "decides and records; the residency rules only keep the data within the UAE"
)

ADGM_DP = Catalogue(
    key="adgm-dp",
    title="ADGM Data Protection Regulations 2021, Part V: transfers out of ADGM",
    short="ADGM DPR",
    issuer="Abu Dhabi Global Market (Office of Data Protection)",
    edition="Data Protection Regulations 2021",
    applies_to="establishments in ADGM",
    sectors=("adgm",),
    sources=(_ADGM_PART_V,),
    requirements=(
        Requirement(
            "s. 40",
            "General principle for transfers",
            Scope.PROCESS,
            _ADGM_PART_V,
            reason=_ADGM_OUTSIDE,
        ),
        Requirement(
            "s. 41",
            "Transfers on the basis of an adequacy decision",
            Scope.PROCESS,
            _ADGM_PART_V,
            reason=_ADGM_OUTSIDE,
        ),
    ),
)

# ---------------------------------------------------------------------------
# Health data: Federal Law No. 2 of 2019, its exceptions, and ADHICS (Abu Dhabi).

_HEALTH_ART13 = Source(
    "Baker McKenzie (Global Compliance News), 'United Arab Emirates: Health Data Law - "
    "Permitted transfers of health data' (21 July 2021)",
    "'In brief': Article 13 and Ministerial Resolution 51/2021",
    "https://www.globalcompliancenews.com/2021/07/21/united-arab-emirates-health-data-law-"
    "permitted-transfers-of-health-data-06072021/",
)

HEALTH_ICT = Catalogue(
    key="uae-health-ict",
    title="Federal Law No. 2 of 2019 on the Use of ICT in Health Fields, and Ministerial "
    "Resolution No. 51 of 2021",
    short="ICT Health Law",
    issuer="UAE federal government; Ministry of Health and Prevention",
    edition="Federal Law No. 2 of 2019 (in force May 2019); Executive Regulation: Cabinet "
    "Resolution No. 32 of 2020; exceptions: Ministerial Resolution No. 51 of 2021",
    applies_to="all ICT use in health fields in the UAE, free zones included",
    sectors=("health",),
    sources=(
        _HEALTH_ART13,
        Source(
            "Federal Law No. (2) of 2019, official English text (Emirates Health Services)",
            "Article 2 (Scope of Application: including Free Zones)",
            "https://www.ehs.gov.ae/app_content/legislations/php-law-en-77/files/"
            "basic-html/page3.html",
        ),
        Source(
            "Taylor Wessing, 'Health data in the UAE' (3 August 2021)",
            "Executive Regulation (Cabinet Resolution No. 32 of 2020)",
            "https://www.taylorwessing.com/en/insights-and-events/insights/2021/08/"
            "me-health-data-in-the-uae-how-the-health-data-law-works-what-it-"
            "protects-and-what-exemptions-exist",
        ),
    ),
    requirements=(
        Requirement(
            "Art. 13",
            "Health data and information relating to health services "
            "provided in the UAE are not stored, processed, generated or transferred "
            "outside the UAE, except in cases set by decision",
            Scope.CODE,
            _HEALTH_ART13,
            note="article-level citation from the summary; the "
            "residency rules keep the platform's copies in the UAE regions",
        ),
        Requirement(
            "MR 51/2021",
            "Ministerial Resolution No. 51 of 2021: the permitted "
            "exceptions to Article 13 (ten cases, each with conditions)",
            Scope.PROCESS,
            _HEALTH_ART13,
            reason="relying on an exception is a "
            "decision the entity records with its conditions; the rules allow none",
        ),
    ),
)

_ADHICS_CM42 = Source(
    "Al Tamimi & Company, 'The DoH Audit Program regarding Abu Dhabi Healthcare "
    "Information and Cyber Security Standards' (9 September 2020)",
    "section on the requirements: 'Section CM 4.2'",
    "https://www.tamimi.com/news/the-doh-audit-program-regarding-abu-dhabi-healthcare-"
    "information-and-cyber-security-standards/",
)

ADHICS = Catalogue(
    key="adhics",
    title="Abu Dhabi Healthcare Information and Cyber Security Standard (ADHICS)",
    short="ADHICS",
    issuer="Department of Health, Abu Dhabi",
    edition="issued 3 February 2019 (DoH audit programme: Circular No. 71 of 2020); the "
    "ids here are from that edition as summarised, not from ADHICS v2",
    applies_to="healthcare facilities, payers and service providers in the Emirate of Abu "
    "Dhabi that handle health information",
    sectors=("health-abu-dhabi",),
    sources=(_ADHICS_CM42,),
    requirements=(
        Requirement(
            "CM 4.2",
            "Cloud services and infrastructure for information containing "
            "patients' health information (restriction)",
            Scope.PROCESS,
            _ADHICS_CM42,
            reason="whether patient health information may be on cloud services at "
            "all is the Department of Health's decision for the entity, not a "
            "property of the plan",
            note="the id is as cited by Al Tamimi for the 2019 edition; ADHICS v2 "
            "was not available to check",
        ),
    ),
)


def all_catalogues() -> dict[str, Catalogue]:
    """Every UAE catalogue by key, the IA Regulation first."""
    from policies.uae_ia_regulation import UAE_IA

    return {
        c.key: c for c in (UAE_IA, PDPL, CBUAE_OUTSOURCING, DIFC_DP, ADGM_DP, HEALTH_ICT, ADHICS)
    }


def resolve(ref: str) -> tuple[Catalogue, Requirement] | None:
    """The catalogue and requirement a `"<catalogue>:<id>"` reference names, or None."""
    key, sep, requirement_id = ref.partition(":")
    catalogue = all_catalogues().get(key) if sep else None
    requirement = catalogue.get(requirement_id) if catalogue else None
    return (catalogue, requirement) if catalogue and requirement else None


def describe(ref: str) -> str:
    """`PDPL Art. 22` for `uae-pdpl:Art. 22` (the reference itself if it resolves nowhere)."""
    found = resolve(ref)
    return f"{found[0].short} {found[1].id}" if found else ref


def rules_enforcing(
    refs: Iterable[str], rule_refs: dict[str, tuple[str, ...]]
) -> dict[str, list[str]]:
    """Reference -> ids of the rules citing it, for the references a profile enforces.

    `rule_refs` is rule id -> the references that rule cites (see
    `policies.uae_mapping.cited_refs`). A reference no rule cites maps to `[]`: a sector
    profile that claims it would then claim something no rule enforces.
    """
    wanted = list(refs)
    return {
        ref: sorted(rule for rule, cited in rule_refs.items() if ref in cited) for ref in wanted
    }
