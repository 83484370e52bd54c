"""Tagging rules (TAG-*): compliant and non-compliant cases."""

from __future__ import annotations

from tests.policies.builders import (
    AWS_UAE,
    AZ_NORTH,
    BANKING_TAGS,
    GENERAL_TAGS,
    TAGS,
    Case,
    Res,
    bad,
    ok,
)

BUCKET = Res(
    "aws:s3/bucket:Bucket", "models", {"bucket": "smp-models", "tags": TAGS}, provider=AWS_UAE
)
STORAGE = Res(
    "azure-native:storage:StorageAccount",
    "features",
    {"location": "uaenorth", "resourceGroupName": "smp", "tags": TAGS},
    provider=AZ_NORTH,
)

CASES: list[Case] = [
    # TAG-001 -----------------------------------------------------------------
    ok("TAG-001", "bucket-tagged", BUCKET),
    ok("TAG-001", "storage-tagged", STORAGE),
    ok("TAG-001", "extra-tags-fine", BUCKET.with_props(tags={**TAGS, "cost-centre": "ml"})),
    ok(
        "TAG-001",
        "untaggable-bucket-policy",
        Res(
            "aws:s3/bucketPolicy:BucketPolicy",
            "p",
            {"bucket": "smp-models", "policy": "{}"},
            provider=AWS_UAE,
        ),
    ),
    ok(
        "TAG-001",
        "untaggable-subnet",
        Res(
            "azure-native:network:Subnet",
            "nodes",
            {"addressPrefix": "10.50.0.0/20"},
            provider=AZ_NORTH,
        ),
    ),
    bad(
        "TAG-001",
        "bucket-untagged",
        BUCKET.with_props(tags=None),
        "missing mandatory tags: owner, data-classification, data-residency, stack",
    ),
    bad(
        "TAG-001",
        "bucket-partly-tagged",
        BUCKET.with_props(tags={"owner": "ml-platform", "stack": "aws-uae-prod"}),
        "missing mandatory tags: data-classification, data-residency",
    ),
    bad(
        "TAG-001",
        "storage-no-owner",
        STORAGE.with_props(tags={k: v for k, v in TAGS.items() if k != "owner"}),
        "missing mandatory tags: owner",
    ),
    # TAG-002 -----------------------------------------------------------------
    ok("TAG-002", "truthful", BUCKET),
    ok(
        "TAG-002",
        "restricted",
        STORAGE.with_props(tags={**TAGS, "data-classification": "restricted"}),
    ),
    ok("TAG-002", "untagged-is-tag-001s-business", BUCKET.with_props(tags=None)),
    bad(
        "TAG-002",
        "unknown-classification",
        BUCKET.with_props(tags={**TAGS, "data-classification": "secret"}),
        "data-classification 'secret' is not one of public, internal, confidential, restricted",
    ),
    bad(
        "TAG-002",
        "wrong-residency",
        STORAGE.with_props(tags={**TAGS, "data-residency": "bahrain"}),
        "data-residency 'bahrain' does not name the jurisdiction 'uae'",
    ),
]

# Sector rules (policies/sectors.py) ------------------------------------------------
BANK_BUCKET = BUCKET.with_props(tags=BANKING_TAGS)
BANK_STORAGE = STORAGE.with_props(tags=BANKING_TAGS)
UNTAGGABLE_POLICY = Res(
    "aws:s3/bucketPolicy:BucketPolicy",
    "p",
    {"bucket": "smp-models", "policy": "{}"},
    provider=AWS_UAE,
)

CASES += [
    # TAG-003 -----------------------------------------------------------------
    ok("TAG-003", "sector-on-every-resource", (BANK_BUCKET, BANK_STORAGE, UNTAGGABLE_POLICY)),
    ok("TAG-003", "general-sector-declared", (BUCKET.with_props(tags=GENERAL_TAGS),)),
    bad(
        "TAG-003",
        "resource-without-sector",
        (BANK_BUCKET, STORAGE),
        "no 'sector' tag",
    ),
    bad(
        "TAG-003",
        "unknown-sector",
        (BUCKET.with_props(tags={**TAGS, "sector": "fintech"}),),
        "sector 'fintech' is not one of general, government, banking, health",
    ),
    bad(
        "TAG-003",
        "sectors-disagree",
        (BANK_BUCKET, STORAGE.with_props(tags=GENERAL_TAGS)),
        "sector 'general' disagrees with the stack's 'banking' resources",
    ),
    # TAG-004 -----------------------------------------------------------------
    ok("TAG-004", "banking-restricted", (BANK_BUCKET, BANK_STORAGE)),
    ok("TAG-004", "general-confidential", (BUCKET.with_props(tags=GENERAL_TAGS),)),
    bad(
        "TAG-004",
        "banking-confidential",
        (BUCKET.with_props(tags={**TAGS, "sector": "banking"}),),
        "data-classification is 'confidential'; sector 'banking' requires 'restricted'",
        "cbuae-outsourcing:6.1",
    ),
    bad(
        "TAG-004",
        "health-resource-unclassified",
        (
            BUCKET.with_props(tags={**BANKING_TAGS, "sector": "health"}),
            STORAGE.with_props(tags={"owner": "x", "sector": "health"}),
        ),
        "data-classification is missing; sector 'health' requires 'restricted'",
        "uae-health-ict:Art. 13",
    ),
]
