"""Encryption: customer-managed keys at rest everywhere, rotation, and TLS in transit."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from pulumi_policy import ResourceValidationArgs, Severity, StackValidationArgs

from policies.framework import (
    MISSING,
    RuleMeta,
    dig,
    items,
    reference_set,
    resource_rule,
    stack_rule,
)
from policies.residency import policy_document
from policies.sector_tags import stack_sector


def _truthy(value: Any) -> bool:
    """Booleans arrive as bools, or as "true" strings in some nested AWS inputs."""
    return value is True or (isinstance(value, str) and value.lower() == "true")


ENC_001 = RuleMeta(
    id="ENC-001",
    family="encryption",
    title="Cluster secrets encrypted with a CMK",
    description="EKS envelope-encrypts Kubernetes secrets with a customer-managed KMS key; AKS "
    "uses Key Vault KMS for etcd.",
    severity=Severity.CRITICAL,
    iso27001=("A.8.24",),
    nist80053=("SC-28", "SC-12"),
    remediation="EKS: encryptionConfig {resources: [secrets], provider.keyArn: <CMK>}. AKS: "
    "securityProfile.azureKeyVaultKms {enabled: true, keyId}.",
)


@resource_rule(
    ENC_001, types=("aws:eks/cluster:Cluster", "azure-native:containerservice:ManagedCluster")
)
def _cluster_secrets(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if args.resource_type == "aws:eks/cluster:Cluster":
        resources = dig(args.props, "encryptionConfig.resources")
        if resources is MISSING or "secrets" not in list(resources):
            yield "encryptionConfig.resources does not include 'secrets'"
        if not reference_set(args.props, "encryptionConfig.provider.keyArn"):
            yield "encryptionConfig.provider.keyArn (the CMK) is missing"
        return
    if dig(args.props, "securityProfile.azureKeyVaultKms.enabled") is not True:
        yield "securityProfile.azureKeyVaultKms.enabled is not true"
    if not reference_set(args.props, "securityProfile.azureKeyVaultKms.keyId"):
        yield "securityProfile.azureKeyVaultKms.keyId is missing"


ENC_002 = RuleMeta(
    id="ENC-002",
    family="encryption",
    title="Keys rotate",
    description="KMS keys have automatic rotation on; Key Vault keys have a rotation policy "
    "with a rotate action and an expiry.",
    severity=Severity.HIGH,
    iso27001=("A.8.24",),
    nist80053=("SC-12",),
    remediation="KMS: enableKeyRotation: true. Key Vault: properties.rotationPolicy with a "
    "'rotate' lifetime action and attributes.expiryTime.",
)


@resource_rule(ENC_002, types=("aws:kms/key:Key", "azure-native:keyvault:Key"))
def _key_rotation(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if args.resource_type == "aws:kms/key:Key":
        spec = dig(args.props, "customerMasterKeySpec")
        if spec is not MISSING and str(spec) != "SYMMETRIC_DEFAULT":
            return  # asymmetric and HMAC keys cannot rotate automatically
        if dig(args.props, "enableKeyRotation") is not True:
            yield "enableKeyRotation is not true"
        return
    actions = dig(args.props, "properties.rotationPolicy.lifetimeActions")
    kinds = {str(dig(a, "action.type")).lower() for a in items(actions)}
    if "rotate" not in kinds:
        yield "properties.rotationPolicy has no 'rotate' lifetime action"
    if not reference_set(args.props, "properties.rotationPolicy.attributes.expiryTime"):
        yield "properties.rotationPolicy.attributes.expiryTime is missing"


ENC_003 = RuleMeta(
    id="ENC-003",
    family="encryption",
    title="No wildcard principals in key policies",
    description="A KMS key policy never grants to Principal '*' without a condition.",
    severity=Severity.CRITICAL,
    iso27001=("A.5.15", "A.8.24"),
    nist80053=("AC-6", "SC-12"),
    remediation="Grant to the account root and named roles or service principals only.",
)


def _wildcard_principal(principal: Any) -> bool:
    if principal == "*":
        return True
    if isinstance(principal, Mapping):
        return any(_wildcard_principal(v) for v in principal.values())
    if isinstance(principal, (list, tuple)):
        return any(p == "*" for p in principal)
    return False


def statements(document: Any) -> list[Any]:
    """The statements of a policy document (one or many)."""
    if document is MISSING or not isinstance(document, Mapping):
        return []
    found = document.get("Statement", [])
    return [found] if isinstance(found, Mapping) else list(found)


@resource_rule(ENC_003, types=("aws:kms/key:Key",))
def _no_wildcard_key_principal(
    args: ResourceValidationArgs, config: Mapping[str, Any]
) -> Iterator[str]:
    raw = dig(args.props, "policy")
    if raw is MISSING:
        yield "no key policy: AWS would attach the default policy; state one explicitly"
        return
    document = policy_document(raw)
    if document is MISSING:
        yield "policy is not valid JSON"
        return
    for i, st in enumerate(statements(document)):
        if (
            st.get("Effect") == "Allow"
            and _wildcard_principal(st.get("Principal"))
            and not st.get("Condition")
        ):
            yield f"Statement[{i}] allows Principal '*' without a condition"


ENC_004 = RuleMeta(
    id="ENC-004",
    family="encryption",
    title="Buckets encrypted with a CMK",
    description="Every S3 bucket has default encryption with SSE-KMS and a customer-managed "
    "key (bucket key on).",
    severity=Severity.CRITICAL,
    iso27001=("A.8.24",),
    nist80053=("SC-28",),
    remediation="Add a BucketServerSideEncryptionConfiguration with sseAlgorithm aws:kms and "
    "kmsMasterKeyId set to the storage CMK.",
)


def _bucket_refs(args: StackValidationArgs, companion: str) -> dict[str, list[Any]]:
    """Bucket URN -> the companion resources (of type `companion`) that configure it."""
    found: dict[str, list[Any]] = {}
    for r in args.resources:
        if r.resource_type == companion:
            for dep in r.property_dependencies.get("bucket", []):
                found.setdefault(dep.urn, []).append(r)
    return found


@stack_rule(ENC_004)
def _buckets_cmk(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    sse = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"
    configs = _bucket_refs(args, sse)
    for r in args.resources:
        if r.resource_type == sse:
            for i, rule in enumerate(items(dig(r.props, "rules"))):
                algorithm = dig(rule, "applyServerSideEncryptionByDefault.sseAlgorithm")
                if algorithm not in ("aws:kms", "aws:kms:dsse"):
                    yield f"rules[{i}] uses {algorithm!r}, not SSE-KMS", r.urn
                if not reference_set(rule, "applyServerSideEncryptionByDefault.kmsMasterKeyId"):
                    yield f"rules[{i}] has no kmsMasterKeyId (an AWS-managed key)", r.urn
        if (
            r.resource_type in ("aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2")
            and r.urn not in configs
        ):
            yield f"bucket {r.name} has no server-side encryption configuration", r.urn


ENC_005 = RuleMeta(
    id="ENC-005",
    family="encryption",
    title="Volumes encrypted with a CMK",
    description="Launch-template block devices and EBS volumes are encrypted with a "
    "customer-managed key; AKS node pools use encryption at host and the cluster a "
    "disk encryption set.",
    severity=Severity.HIGH,
    iso27001=("A.8.24",),
    nist80053=("SC-28",),
    remediation="Set ebs.encrypted and ebs.kmsKeyId on every block device; on AKS set "
    "diskEncryptionSetID and enableEncryptionAtHost on every pool.",
)


@resource_rule(
    ENC_005,
    types=(
        "aws:ec2/launchTemplate:LaunchTemplate",
        "aws:ebs/volume:Volume",
        "azure-native:containerservice:ManagedCluster",
        "azure-native:containerservice:AgentPool",
    ),
)
def _volumes(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    t = args.resource_type
    if t == "aws:ec2/launchTemplate:LaunchTemplate":
        devices = list(items(dig(args.props, "blockDeviceMappings")))
        if not devices:
            yield "no blockDeviceMappings: the root volume would use the AMI's default encryption"
        for i, device in enumerate(devices):
            if not _truthy(dig(device, "ebs.encrypted")):
                yield f"blockDeviceMappings[{i}].ebs.encrypted is not true"
            if not reference_set(device, "ebs.kmsKeyId"):
                yield f"blockDeviceMappings[{i}].ebs.kmsKeyId (the CMK) is missing"
    elif t == "aws:ebs/volume:Volume":
        if not _truthy(dig(args.props, "encrypted")) or not reference_set(args.props, "kmsKeyId"):
            yield "the volume is not encrypted with a CMK (encrypted + kmsKeyId)"
    elif t == "azure-native:containerservice:ManagedCluster":
        if not reference_set(args.props, "diskEncryptionSetID"):
            yield "diskEncryptionSetID is missing: OS and data disks use platform-managed keys"
        for i, pool in enumerate(items(dig(args.props, "agentPoolProfiles"))):
            if dig(pool, "enableEncryptionAtHost") is not True:
                yield f"agentPoolProfiles[{i}].enableEncryptionAtHost is not true"
    elif dig(args.props, "enableEncryptionAtHost") is not True:
        yield "enableEncryptionAtHost is not true"


ENC_006 = RuleMeta(
    id="ENC-006",
    family="encryption",
    title="Databases encrypted with a CMK and TLS",
    description="RDS storage is encrypted with a CMK and the parameter group forces SSL; "
    "PostgreSQL Flexible Server uses a Key Vault key.",
    severity=Severity.CRITICAL,
    iso27001=("A.8.24",),
    nist80053=("SC-28", "SC-8"),
    remediation="RDS: storageEncrypted + kmsKeyId, rds.force_ssl=1. Azure: dataEncryption.type "
    "AzureKeyVault with primaryKeyURI, require_secure_transport on.",
)


@resource_rule(
    ENC_006,
    types=(
        "aws:rds/instance:Instance",
        "aws:rds/cluster:Cluster",
        "aws:rds/parameterGroup:ParameterGroup",
        "azure-native:dbforpostgresql:Server",
        "azure-native:dbforpostgresql:Configuration",
    ),
)
def _databases(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    t = args.resource_type
    if t in ("aws:rds/instance:Instance", "aws:rds/cluster:Cluster"):
        if dig(args.props, "replicateSourceDb") is not MISSING:
            return  # a replica inherits its source's encryption
        if dig(args.props, "storageEncrypted") is not True:
            yield "storageEncrypted is not true"
        if not reference_set(args.props, "kmsKeyId"):
            yield "kmsKeyId (the CMK) is missing"
    elif t == "aws:rds/parameterGroup:ParameterGroup":
        family = str(dig(args.props, "family"))
        if "postgres" in family:
            values = {
                str(dig(p, "name")): str(dig(p, "value"))
                for p in items(dig(args.props, "parameters"))
            }
            if values.get("rds.force_ssl") != "1":
                yield "rds.force_ssl is not 1: clients may connect without TLS"
    elif t == "azure-native:dbforpostgresql:Server":
        if str(dig(args.props, "dataEncryption.type")) != "AzureKeyVault":
            yield "dataEncryption.type is not AzureKeyVault (a customer-managed key)"
        if not reference_set(args.props, "dataEncryption.primaryKeyURI"):
            yield "dataEncryption.primaryKeyURI is missing"
    else:
        name = dig(args.props, "configurationName")
        if str(name) == "require_secure_transport" and str(
            dig(args.props, "value")
        ).lower() not in ("on", "true", "1"):
            yield "require_secure_transport is off"


ENC_007 = RuleMeta(
    id="ENC-007",
    family="encryption",
    title="Caches encrypted at rest and in transit",
    description="ElastiCache has at-rest encryption with a CMK and TLS required; Azure Cache "
    "for Redis disables the non-TLS port and requires TLS 1.2.",
    severity=Severity.HIGH,
    iso27001=("A.8.24",),
    nist80053=("SC-28", "SC-8"),
    remediation="ElastiCache: atRestEncryptionEnabled, kmsKeyId, transitEncryptionEnabled "
    "(mode required). Azure: enableNonSslPort false, minimumTlsVersion 1.2.",
)


@resource_rule(
    ENC_007,
    types=(
        "aws:elasticache/replicationGroup:ReplicationGroup",
        "azure-native:redis:Redis",
        "azure-native:cache:Redis",
    ),
)
def _caches(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if args.resource_type.startswith("aws:"):
        if not _truthy(dig(args.props, "atRestEncryptionEnabled")):
            yield "atRestEncryptionEnabled is not true"
        if not reference_set(args.props, "kmsKeyId"):
            yield "kmsKeyId (the CMK) is missing"
        if not _truthy(dig(args.props, "transitEncryptionEnabled")):
            yield "transitEncryptionEnabled is not true"
        mode = dig(args.props, "transitEncryptionMode")
        if mode is not MISSING and str(mode) != "required":
            yield f"transitEncryptionMode is {mode!r}, not 'required'"
        return
    if dig(args.props, "enableNonSslPort") is not False:
        yield "enableNonSslPort is not false"
    if str(dig(args.props, "minimumTlsVersion")) != "1.2":
        yield "minimumTlsVersion is not 1.2"


ENC_008 = RuleMeta(
    id="ENC-008",
    family="encryption",
    title="Logs encrypted with a CMK",
    description="CloudWatch log groups and CloudTrail trails are encrypted with a "
    "customer-managed key.",
    severity=Severity.HIGH,
    iso27001=("A.8.15", "A.8.24"),
    nist80053=("AU-9", "SC-28"),
    remediation="Set kmsKeyId to the logs CMK.",
)


@resource_rule(ENC_008, types=("aws:cloudwatch/logGroup:LogGroup", "aws:cloudtrail/trail:Trail"))
def _logs_cmk(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if not reference_set(args.props, "kmsKeyId"):
        yield "kmsKeyId (the logs CMK) is missing"


ENC_009 = RuleMeta(
    id="ENC-009",
    family="encryption",
    title="Registries encrypted with a CMK",
    description="ECR repositories use KMS encryption with a customer-managed key; ACR uses a "
    "Key Vault key.",
    severity=Severity.HIGH,
    iso27001=("A.8.24",),
    nist80053=("SC-28",),
    remediation="ECR: encryptionConfigurations [{encryptionType: KMS, kmsKey}]. ACR: "
    "encryption {status: enabled, keyVaultProperties.keyIdentifier}.",
)


@resource_rule(
    ENC_009, types=("aws:ecr/repository:Repository", "azure-native:containerregistry:Registry")
)
def _registries_cmk(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if args.resource_type.startswith("aws:"):
        configs = list(items(dig(args.props, "encryptionConfigurations")))
        if not configs or str(dig(configs[0], "encryptionType")) != "KMS":
            yield "encryptionConfigurations.encryptionType is not KMS"
        elif not reference_set(configs[0], "kmsKey"):
            yield "encryptionConfigurations.kmsKey is missing (an AWS-managed key)"
        return
    if str(dig(args.props, "encryption.status")).lower() != "enabled":
        yield "encryption.status is not enabled"
    if not reference_set(args.props, "encryption.keyVaultProperties.keyIdentifier"):
        yield "encryption.keyVaultProperties.keyIdentifier is missing"


ENC_010 = RuleMeta(
    id="ENC-010",
    family="encryption",
    title="Storage accounts: CMK, infrastructure encryption, TLS 1.2, HTTPS only",
    description="Azure storage accounts encrypt with a Key Vault key and infrastructure "
    "encryption, and accept only HTTPS with TLS 1.2 or later.",
    severity=Severity.CRITICAL,
    iso27001=("A.8.24",),
    nist80053=("SC-28", "SC-8"),
    remediation="encryption.keySource Microsoft.Keyvault with keyVaultProperties, "
    "requireInfrastructureEncryption true, minimumTlsVersion TLS1_2, "
    "enableHttpsTrafficOnly true.",
)


@resource_rule(ENC_010, types=("azure-native:storage:StorageAccount",))
def _storage_accounts(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if str(dig(args.props, "encryption.keySource")).lower() != "microsoft.keyvault":
        yield "encryption.keySource is not Microsoft.Keyvault (a customer-managed key)"
    if not reference_set(args.props, "encryption.keyVaultProperties.keyName"):
        yield "encryption.keyVaultProperties.keyName is missing"
    if dig(args.props, "encryption.requireInfrastructureEncryption") is not True:
        yield "encryption.requireInfrastructureEncryption is not true"
    if str(dig(args.props, "minimumTlsVersion")) not in ("TLS1_2", "TLS1_3"):
        yield "minimumTlsVersion is not TLS1_2 or later"
    if dig(args.props, "enableHttpsTrafficOnly") is not True:
        yield "enableHttpsTrafficOnly is not true"


ENC_011 = RuleMeta(
    id="ENC-011",
    family="encryption",
    title="Key Vault purge protection",
    description="Key vaults have soft delete and purge protection, so a deleted key (and the "
    "data it protects) can be recovered.",
    severity=Severity.HIGH,
    iso27001=("A.8.24", "A.8.13"),
    nist80053=("SC-12", "CP-9"),
    remediation="properties.enablePurgeProtection: true, enableSoftDelete: true.",
)


@resource_rule(ENC_011, types=("azure-native:keyvault:Vault",))
def _purge_protection(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if dig(args.props, "properties.enablePurgeProtection") is not True:
        yield "properties.enablePurgeProtection is not true"
    if dig(args.props, "properties.enableSoftDelete") is False:
        yield "properties.enableSoftDelete is false"


ENC_012 = RuleMeta(
    id="ENC-012",
    family="encryption",
    title="Buckets refuse plain HTTP",
    description="Every S3 bucket has a policy that denies requests without TLS "
    "(aws:SecureTransport false).",
    severity=Severity.HIGH,
    iso27001=("A.8.24", "A.8.20"),
    nist80053=("SC-8",),
    remediation="Attach a bucket policy with a Deny statement on aws:SecureTransport = false.",
)


@stack_rule(ENC_012)
def _tls_only_buckets(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    policies = _bucket_refs(args, "aws:s3/bucketPolicy:BucketPolicy")
    for r in args.resources:
        if r.resource_type not in ("aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"):
            continue
        denies = False
        for policy in policies.get(r.urn, []):
            for st in statements(policy_document(dig(policy.props, "policy"))):
                cond = st.get("Condition", {}) if isinstance(st, Mapping) else {}
                secure = dig(cond, "Bool") if isinstance(cond, Mapping) else MISSING
                if (
                    st.get("Effect") == "Deny"
                    and isinstance(secure, Mapping)
                    and str(secure.get("aws:SecureTransport")).lower() == "false"
                ):
                    denies = True
        if not denies:
            yield f"bucket {r.name} accepts requests without TLS (no SecureTransport deny)", r.urn


ENC_018 = RuleMeta(
    id="ENC-018",
    family="encryption",
    title="Regulated sectors keep keys in an HSM-backed tier",
    description="In the government, banking and health sectors every key lives in hardware: "
    "Azure Key Vaults are the Premium SKU (HSM-protected key types; Standard protects "
    "keys in software) and their keys are RSA-HSM, EC-HSM or oct-HSM (a Managed HSM "
    "holds only HSM keys); AWS KMS keys keep AWS-generated or imported material, "
    "which KMS protects in FIPS 140-3 Level 3 validated HSMs, or a CloudHSM key store, "
    "never an external key store whose material lives outside AWS (origin "
    "EXTERNAL_KEY_STORE, an xksKeyId).",
    severity=Severity.HIGH,
    iso27001=("A.8.24",),
    nist80053=("SC-12", "SC-12(1)"),
    remediation="Azure: sku.name premium on the vault and kty RSA-HSM/EC-HSM on its keys, "
    "or a Managed HSM. AWS: no xksKeyId, and a customKeyStoreId only for a CloudHSM key "
    "store of this stack (customKeyStoreType AWS_CLOUDHSM).",
)

_HSM_KEY_TYPES = ("RSA-HSM", "EC-HSM", "oct-HSM")


@stack_rule(ENC_018)
def _hsm_keys(
    args: StackValidationArgs, config: Mapping[str, Any]
) -> Iterator[tuple[str, str | None]]:
    sector = stack_sector(args.resources)
    if not sector.hsm_keys_required:
        return
    why = f"sector {sector.id!r} keeps keys in an HSM-backed tier"
    for r in args.resources:
        if r.resource_type == "azure-native:keyvault:Vault":
            sku = dig(r.props, "properties.sku.name")
            if sku is MISSING or str(sku).lower() != "premium":
                shown = "missing" if sku is MISSING else repr(str(sku))
                yield f"properties.sku.name is {shown}, not premium: {why}", r.urn
        elif r.resource_type == "azure-native:keyvault:Key":
            kty = dig(r.props, "properties.kty")
            if kty is MISSING or str(kty) not in _HSM_KEY_TYPES:
                shown = "missing" if kty is MISSING else repr(str(kty))
                yield (
                    f"properties.kty is {shown}, not one of {', '.join(_HSM_KEY_TYPES)}: {why}",
                    r.urn,
                )
        elif r.resource_type == "aws:kms/key:Key":
            # Without a custom key store, KMS generates and keeps the material in its own
            # HSMs; aws.kms.ExternalKey (imported material) is kept there too.
            if dig(r.props, "xksKeyId") is not MISSING:
                yield f"xksKeyId names a key in an external key store: {why}", r.urn
            if dig(r.props, "customKeyStoreId") is MISSING:
                continue
            stores = r.property_dependencies.get("customKeyStoreId", [])
            if not stores:
                yield (
                    "customKeyStoreId names a key store that is not a resource of this "
                    f"stack, so its kind (CloudHSM or external) cannot be proven: {why}",
                    r.urn,
                )
            for store in stores:
                kind = dig(store.props, "customKeyStoreType")
                if kind is not MISSING and str(kind) != "AWS_CLOUDHSM":
                    yield (
                        f"customKeyStoreId names {store.name}, a {kind!s} store (key "
                        f"material outside AWS KMS's HSMs): {why}",
                        r.urn,
                    )


# --- The event stream (issue 15) ------------------------------------------------------

ENC_013 = RuleMeta(
    id="ENC-013",
    family="encryption",
    title="MSK encrypted with a CMK, TLS only",
    description="An MSK cluster encrypts broker storage with a customer-managed KMS key and "
    "takes only TLS, between clients and brokers (no PLAINTEXT or TLS_PLAINTEXT listener) "
    "and between brokers; each is stated, not left to the service default.",
    severity=Severity.CRITICAL,
    iso27001=("A.8.24",),
    nist80053=("SC-28", "SC-8", "SC-12"),
    remediation="encryptionInfo: {encryptionAtRestKmsKeyArn: <CMK>, encryptionInTransit: "
    "{clientBroker: TLS, inCluster: true}}.",
)


@resource_rule(ENC_013, types=("aws:msk/cluster:Cluster",))
def _msk_encryption(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if not reference_set(args.props, "encryptionInfo.encryptionAtRestKmsKeyArn"):
        yield (
            "encryptionInfo.encryptionAtRestKmsKeyArn (the CMK) is missing: MSK would use an "
            "AWS-managed key"
        )
    client = dig(args.props, "encryptionInfo.encryptionInTransit.clientBroker")
    if client != "TLS":
        yield (
            f"encryptionInfo.encryptionInTransit.clientBroker is {client!r}: only TLS keeps "
            "events encrypted in transit (no plaintext listener)"
        )
    if dig(args.props, "encryptionInfo.encryptionInTransit.inCluster") is not True:
        yield "encryptionInfo.encryptionInTransit.inCluster is not true"


ENC_014 = RuleMeta(
    id="ENC-014",
    family="encryption",
    title="Event Hubs encrypted with a CMK",
    description="An Event Hubs namespace is on a tier that takes a customer-managed key "
    "(Premium, or a Dedicated cluster) and encrypts with a Key Vault key, with "
    "infrastructure encryption on.",
    severity=Severity.CRITICAL,
    iso27001=("A.8.24",),
    nist80053=("SC-28", "SC-12"),
    remediation="sku.name: Premium; encryption: {keySource: Microsoft.KeyVault, "
    "keyVaultProperties: [{keyName, keyVaultUri, identity}], "
    "requireInfrastructureEncryption: true} (set at creation: an existing namespace "
    "with event hubs cannot switch).",
)


@resource_rule(ENC_014, types=("azure-native:eventhub:Namespace",))
def _event_hubs_cmk(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    sku = dig(args.props, "sku.name")
    dedicated = reference_set(args.props, "clusterArmId")
    if str(sku) != "Premium" and not dedicated:
        yield f"sku.name {sku!r} cannot take a customer-managed key (Premium or Dedicated can)"
    if dig(args.props, "encryption.keySource") != "Microsoft.KeyVault":
        yield "encryption.keySource is not Microsoft.KeyVault: no customer-managed key"
    vault_keys = list(items(dig(args.props, "encryption.keyVaultProperties")))
    if not vault_keys:
        yield "encryption.keyVaultProperties names no key"
    for i, key in enumerate(vault_keys):
        if not reference_set(key, "keyName") or not reference_set(key, "keyVaultUri"):
            yield f"encryption.keyVaultProperties[{i}] needs keyName and keyVaultUri"
    if dig(args.props, "encryption.requireInfrastructureEncryption") is not True:
        yield "encryption.requireInfrastructureEncryption is not true"


ENC_015 = RuleMeta(
    id="ENC-015",
    family="encryption",
    title="Streaming clients use TLS 1.2+",
    description="Event Hubs namespaces refuse TLS below 1.2, and MSK Connect connectors "
    "reach their cluster over TLS.",
    severity=Severity.HIGH,
    iso27001=("A.8.24", "A.8.20"),
    nist80053=("SC-8", "SC-8(1)"),
    remediation="Event Hubs: minimumTlsVersion: '1.2'. MSK Connect: "
    "kafkaClusterEncryptionInTransit.encryptionType: TLS.",
)


@resource_rule(
    ENC_015, types=("azure-native:eventhub:Namespace", "aws:mskconnect/connector:Connector")
)
def _streaming_tls(args: ResourceValidationArgs, config: Mapping[str, Any]) -> Iterator[str]:
    if args.resource_type == "azure-native:eventhub:Namespace":
        version = dig(args.props, "minimumTlsVersion")
        if str(version) not in ("1.2", "1.3"):
            yield f"minimumTlsVersion is {version!r}: clients could use TLS below 1.2"
        return
    kind = dig(args.props, "kafkaClusterEncryptionInTransit.encryptionType")
    if kind != "TLS":
        yield f"kafkaClusterEncryptionInTransit.encryptionType is {kind!r}, not TLS"
