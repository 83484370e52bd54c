"""Tagging rules (TAG-*): compliant and non-compliant cases."""

from __future__ import annotations

from tests.policies.builders import AWS_UAE, AZ_NORTH, TAGS, Case, Res, bad, ok

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
