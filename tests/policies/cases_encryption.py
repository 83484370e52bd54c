"""Encryption rules (ENC-*): compliant and non-compliant cases."""

from __future__ import annotations

from tests.policies.builders import (
    ACCOUNT,
    AWS_UAE,
    AZ_NORTH,
    BANKING_TAGS,
    GENERAL_TAGS,
    KEY_ARN,
    RG,
    TAGS,
    VAULT_KEY_ID,
    Case,
    Res,
    bad,
    doc,
    ok,
    patched,
    removed,
)
from tests.policies.stream_fixtures import (
    MSK_CLUSTER,
    NAMESPACE,
    connector,
)

EKS = Res(
    "aws:eks/cluster:Cluster",
    "eks",
    {
        "name": "smp-aws-uae-prod",
        "version": "1.31",
        "roleArn": f"arn:aws:iam::{ACCOUNT}:role/eks",
        "encryptionConfig": {"resources": ["secrets"], "provider": {"keyArn": KEY_ARN}},
        "tags": TAGS,
    },
    provider=AWS_UAE,
)

AKS_KMS = {
    "enabled": True,
    "keyId": f"{VAULT_KEY_ID}",
    "keyVaultNetworkAccess": "Private",
    "keyVaultResourceId": f"{RG}/providers/Microsoft.KeyVault/vaults/smp-uaen-kv",
}
DES_ID = f"{RG}/providers/Microsoft.Compute/diskEncryptionSets/smp-des"
AKS = Res(
    "azure-native:containerservice:ManagedCluster",
    "aks",
    {
        "location": "uaenorth",
        "resourceGroupName": "smp",
        "kubernetesVersion": "1.31",
        "securityProfile": {"azureKeyVaultKms": AKS_KMS},
        "diskEncryptionSetID": DES_ID,
        "agentPoolProfiles": [
            {
                "name": "system",
                "mode": "System",
                "vmSize": "Standard_D4ds_v5",
                "enableEncryptionAtHost": True,
                "count": 3.0,
            }
        ],
    },
    provider=AZ_NORTH,
)

ROOT_STATEMENT = {
    "Sid": "Root",
    "Effect": "Allow",
    "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
    "Action": "kms:*",
    "Resource": "*",
}

BUCKET = Res(
    "aws:s3/bucket:Bucket", "models", {"bucket": "smp-models", "tags": TAGS}, provider=AWS_UAE
)
SSE_TYPE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"


def sse_config(name: str, algorithm: str, key: str | None = KEY_ARN) -> Res:
    default = {"sseAlgorithm": algorithm, **({"kmsMasterKeyId": key} if key else {})}
    return Res(
        SSE_TYPE,
        name,
        {
            "bucket": "smp-models",
            "rules": [{"applyServerSideEncryptionByDefault": default, "bucketKeyEnabled": True}],
        },
        provider=AWS_UAE,
        deps={"bucket": ("models",)},
    )


TLS_DENY = {
    "Sid": "DenyInsecureTransport",
    "Effect": "Deny",
    "Principal": "*",
    "Action": "s3:*",
    "Resource": ["arn:aws:s3:::smp-models", "arn:aws:s3:::smp-models/*"],
    "Condition": {"Bool": {"aws:SecureTransport": "false"}},
}


def _bucket_policy(name: str, *statements: dict) -> Res:
    return Res(
        "aws:s3/bucketPolicy:BucketPolicy",
        name,
        {"bucket": "smp-models", "policy": doc(*statements)},
        provider=AWS_UAE,
        deps={"bucket": ("models",)},
    )


LAUNCH_TEMPLATE = Res(
    "aws:ec2/launchTemplate:LaunchTemplate",
    "gpu-lt",
    {
        "namePrefix": "smp-gpu-",
        "metadataOptions": {"httpTokens": "required"},
        "blockDeviceMappings": [
            {
                "deviceName": "/dev/xvda",
                "ebs": {
                    "encrypted": "true",
                    "kmsKeyId": KEY_ARN,
                    "volumeSize": 200.0,
                    "volumeType": "gp3",
                },
            }
        ],
    },
    provider=AWS_UAE,
)

RDS = Res(
    "aws:rds/instance:Instance",
    "registry-db",
    {
        "engine": "postgres",
        "engineVersion": "16.4",
        "instanceClass": "db.r6g.large",
        "storageEncrypted": True,
        "kmsKeyId": KEY_ARN,
        "publiclyAccessible": False,
        "multiAz": True,
        "tags": TAGS,
    },
    provider=AWS_UAE,
)

PG_FLEX = Res(
    "azure-native:dbforpostgresql:Server",
    "registry-pg",
    {
        "location": "uaenorth",
        "resourceGroupName": "smp",
        "version": "16",
        "dataEncryption": {
            "type": "AzureKeyVault",
            "primaryKeyURI": VAULT_KEY_ID,
            "primaryUserAssignedIdentityId": f"{RG}/providers/"
            "Microsoft.ManagedIdentity/userAssignedIdentities/pg",
        },
    },
    provider=AZ_NORTH,
)

ELASTICACHE = Res(
    "aws:elasticache/replicationGroup:ReplicationGroup",
    "online-store",
    {
        "description": "Feast online store",
        "engine": "redis",
        "nodeType": "cache.r7g.large",
        "atRestEncryptionEnabled": True,
        "kmsKeyId": KEY_ARN,
        "transitEncryptionEnabled": True,
        "transitEncryptionMode": "required",
        "authToken": "[secret]",
    },
    provider=AWS_UAE,
)

REDIS = Res(
    "azure-native:redis:Redis",
    "online-store",
    {
        "location": "uaenorth",
        "resourceGroupName": "smp",
        "sku": {"name": "Premium", "family": "P", "capacity": 1.0},
        "enableNonSslPort": False,
        "minimumTlsVersion": "1.2",
    },
    provider=AZ_NORTH,
)

ECR = Res(
    "aws:ecr/repository:Repository",
    "serving",
    {
        "name": "smp/serving",
        "imageTagMutability": "IMMUTABLE",
        "encryptionConfigurations": [{"encryptionType": "KMS", "kmsKey": KEY_ARN}],
    },
    provider=AWS_UAE,
)

ACR = Res(
    "azure-native:containerregistry:Registry",
    "acr",
    {
        "location": "uaenorth",
        "resourceGroupName": "smp",
        "sku": {"name": "Premium"},
        "encryption": {
            "status": "enabled",
            "keyVaultProperties": {
                "keyIdentifier": VAULT_KEY_ID,
                "identity": "00000000-0000-4000-8000-0000000000dd",
            },
        },
    },
    provider=AZ_NORTH,
)

STORAGE = Res(
    "azure-native:storage:StorageAccount",
    "features",
    {
        "location": "uaenorth",
        "resourceGroupName": "smp",
        "kind": "StorageV2",
        "sku": {"name": "Standard_ZRS"},
        "minimumTlsVersion": "TLS1_2",
        "enableHttpsTrafficOnly": True,
        "encryption": {
            "keySource": "Microsoft.Keyvault",
            "requireInfrastructureEncryption": True,
            "keyVaultProperties": {
                "keyName": "storage",
                "keyVaultUri": "https://smp-uaen-kv.vault.azure.net",
            },
            "services": {"blob": {"enabled": True, "keyType": "Account"}},
        },
    },
    provider=AZ_NORTH,
)

VAULT = Res(
    "azure-native:keyvault:Vault",
    "kv",
    {
        "location": "uaenorth",
        "resourceGroupName": "smp",
        "vaultName": "smp-uaen-kv",
        "properties": {
            "tenantId": "00000000-0000-4000-8000-0000000000aa",
            "sku": {"family": "A", "name": "premium"},
            "enablePurgeProtection": True,
            "enableSoftDelete": True,
            "enableRbacAuthorization": True,
            "softDeleteRetentionInDays": 90.0,
            "publicNetworkAccess": "Disabled",
        },
    },
    provider=AZ_NORTH,
)

VAULT_KEY = Res(
    "azure-native:keyvault:Key",
    "storage-key",
    {
        "keyName": "storage",
        "resourceGroupName": "smp",
        "vaultName": "smp-uaen-kv",
        "properties": {
            "kty": "RSA-HSM",
            "keySize": 3072.0,
            "rotationPolicy": {
                "attributes": {"expiryTime": "P2Y"},
                "lifetimeActions": [
                    {"action": {"type": "rotate"}, "trigger": {"timeAfterCreate": "P1Y"}},
                    {"action": {"type": "notify"}, "trigger": {"timeBeforeExpiry": "P30D"}},
                ],
            },
        },
    },
    provider=AZ_NORTH,
)


CASES: list[Case] = [
    # ENC-001 -----------------------------------------------------------------
    ok("ENC-001", "eks-secrets-cmk", EKS),
    ok("ENC-001", "aks-keyvault-kms", AKS),
    bad(
        "ENC-001",
        "eks-no-encryption-config",
        removed(EKS, "encryptionConfig"),
        "encryptionConfig.resources does not include 'secrets'",
        "encryptionConfig.provider.keyArn",
    ),
    bad(
        "ENC-001",
        "eks-empty-key",
        patched(EKS, "encryptionConfig.provider.keyArn", ""),
        "encryptionConfig.provider.keyArn (the CMK) is missing",
    ),
    bad(
        "ENC-001",
        "aks-kms-off",
        patched(AKS, "securityProfile.azureKeyVaultKms.enabled", False),
        "securityProfile.azureKeyVaultKms.enabled is not true",
    ),
    bad(
        "ENC-001",
        "aks-no-kms",
        removed(AKS, "securityProfile"),
        "securityProfile.azureKeyVaultKms.enabled",
        "securityProfile.azureKeyVaultKms.keyId",
    ),
    # ENC-002 -----------------------------------------------------------------
    ok(
        "ENC-002",
        "kms-rotating",
        Res(
            "aws:kms/key:Key",
            "data",
            {"enableKeyRotation": True, "multiRegion": False},
            provider=AWS_UAE,
        ),
    ),
    ok(
        "ENC-002",
        "kms-asymmetric",
        Res(
            "aws:kms/key:Key",
            "sign",
            {"customerMasterKeySpec": "RSA_3072", "keyUsage": "SIGN_VERIFY"},
            provider=AWS_UAE,
        ),
    ),
    ok("ENC-002", "keyvault-rotation-policy", VAULT_KEY),
    bad(
        "ENC-002",
        "kms-not-rotating",
        Res("aws:kms/key:Key", "data", {"description": "data"}, provider=AWS_UAE),
        "enableKeyRotation is not true",
    ),
    bad(
        "ENC-002",
        "keyvault-notify-only",
        patched(
            removed(VAULT_KEY, "properties.rotationPolicy.attributes"),
            "properties.rotationPolicy.lifetimeActions",
            [{"action": {"type": "notify"}, "trigger": {"timeBeforeExpiry": "P30D"}}],
        ),
        "properties.rotationPolicy has no 'rotate' lifetime action",
        "properties.rotationPolicy.attributes.expiryTime is missing",
    ),
    # ENC-003 -----------------------------------------------------------------
    ok(
        "ENC-003",
        "root-and-role",
        Res(
            "aws:kms/key:Key",
            "data",
            {
                "policy": doc(
                    ROOT_STATEMENT,
                    {
                        "Sid": "Logs",
                        "Effect": "Allow",
                        "Principal": {"Service": "logs.me-central-1.amazonaws.com"},
                        "Action": ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"],
                        "Resource": "*",
                    },
                )
            },
            provider=AWS_UAE,
        ),
    ),
    ok(
        "ENC-003",
        "wildcard-with-condition",
        Res(
            "aws:kms/key:Key",
            "data",
            {
                "policy": doc(
                    ROOT_STATEMENT,
                    {
                        "Effect": "Allow",
                        "Principal": {"AWS": "*"},
                        "Action": "kms:Decrypt",
                        "Resource": "*",
                        "Condition": {"StringEquals": {"kms:CallerAccount": ACCOUNT}},
                    },
                )
            },
            provider=AWS_UAE,
        ),
    ),
    bad(
        "ENC-003",
        "wildcard-principal",
        Res(
            "aws:kms/key:Key",
            "data",
            {
                "policy": doc(
                    ROOT_STATEMENT,
                    {
                        "Effect": "Allow",
                        "Principal": {"AWS": "*"},
                        "Action": "kms:Decrypt",
                        "Resource": "*",
                    },
                )
            },
            provider=AWS_UAE,
        ),
        "Statement[1] allows Principal '*' without a condition",
    ),
    bad(
        "ENC-003",
        "wildcard-in-list",
        Res(
            "aws:kms/key:Key",
            "data",
            {
                "policy": doc(
                    {
                        "Effect": "Allow",
                        "Principal": {"AWS": [f"arn:aws:iam::{ACCOUNT}:root", "*"]},
                        "Action": "kms:*",
                        "Resource": "*",
                    }
                )
            },
            provider=AWS_UAE,
        ),
        "Statement[0] allows Principal '*'",
    ),
    bad(
        "ENC-003",
        "no-policy",
        Res("aws:kms/key:Key", "data", {"enableKeyRotation": True}, provider=AWS_UAE),
        "no key policy",
    ),
    bad(
        "ENC-003",
        "policy-not-json",
        Res("aws:kms/key:Key", "data", {"policy": "{not json"}, provider=AWS_UAE),
        "policy is not valid JSON",
    ),
    # ENC-004 -----------------------------------------------------------------
    ok("ENC-004", "sse-kms-cmk", (BUCKET, sse_config("models-sse", "aws:kms"))),
    ok("ENC-004", "dsse-kms", (BUCKET, sse_config("models-sse", "aws:kms:dsse"))),
    bad(
        "ENC-004",
        "no-sse-config",
        (BUCKET,),
        "bucket models has no server-side encryption configuration",
    ),
    bad(
        "ENC-004",
        "sse-config-for-another-bucket",
        (
            BUCKET,
            Res("aws:s3/bucket:Bucket", "other", {"bucket": "smp-other"}, provider=AWS_UAE),
            Res(
                SSE_TYPE,
                "other-sse",
                {
                    "bucket": "smp-other",
                    "rules": [
                        {
                            "applyServerSideEncryptionByDefault": {
                                "sseAlgorithm": "aws:kms",
                                "kmsMasterKeyId": KEY_ARN,
                            }
                        }
                    ],
                },
                provider=AWS_UAE,
                deps={"bucket": ("other",)},
            ),
        ),
        "bucket models has no server-side encryption configuration",
    ),
    bad(
        "ENC-004",
        "aes256",
        (BUCKET, sse_config("models-sse", "AES256", key=None)),
        "rules[0] uses 'AES256', not SSE-KMS",
        "rules[0] has no kmsMasterKeyId",
    ),
    bad(
        "ENC-004",
        "aws-managed-key",
        (BUCKET, sse_config("models-sse", "aws:kms", key=None)),
        "rules[0] has no kmsMasterKeyId",
    ),
    # ENC-005 -----------------------------------------------------------------
    ok("ENC-005", "launch-template-cmk", LAUNCH_TEMPLATE),
    ok(
        "ENC-005",
        "ebs-volume-cmk",
        Res(
            "aws:ebs/volume:Volume",
            "scratch",
            {
                "availabilityZone": "me-central-1a",
                "size": 100.0,
                "encrypted": True,
                "kmsKeyId": KEY_ARN,
            },
            provider=AWS_UAE,
        ),
    ),
    ok("ENC-005", "aks-des-and-host-encryption", AKS),
    ok(
        "ENC-005",
        "aks-agent-pool",
        Res(
            "azure-native:containerservice:AgentPool",
            "gpu",
            {
                "resourceName": "aks",
                "vmSize": "Standard_NC24ads_A100_v4",
                "enableEncryptionAtHost": True,
            },
            provider=AZ_NORTH,
        ),
    ),
    bad(
        "ENC-005",
        "launch-template-no-devices",
        removed(LAUNCH_TEMPLATE, "blockDeviceMappings"),
        "no blockDeviceMappings",
    ),
    bad(
        "ENC-005",
        "launch-template-unencrypted",
        patched(
            LAUNCH_TEMPLATE,
            "blockDeviceMappings",
            [{"deviceName": "/dev/xvda", "ebs": {"encrypted": "false", "volumeSize": 200.0}}],
        ),
        "blockDeviceMappings[0].ebs.encrypted is not true",
        "blockDeviceMappings[0].ebs.kmsKeyId",
    ),
    bad(
        "ENC-005",
        "ebs-volume-default-key",
        Res(
            "aws:ebs/volume:Volume",
            "scratch",
            {"availabilityZone": "me-central-1a", "size": 100.0, "encrypted": True},
            provider=AWS_UAE,
        ),
        "encrypted + kmsKeyId",
    ),
    bad(
        "ENC-005",
        "aks-platform-keys",
        patched(
            removed(AKS, "diskEncryptionSetID"),
            "agentPoolProfiles",
            [{"name": "system", "mode": "System"}],
        ),
        "diskEncryptionSetID is missing",
        "agentPoolProfiles[0].enableEncryptionAtHost",
    ),
    bad(
        "ENC-005",
        "aks-agent-pool-no-host-encryption",
        Res(
            "azure-native:containerservice:AgentPool",
            "gpu",
            {"resourceName": "aks", "vmSize": "Standard_NC24ads_A100_v4"},
            provider=AZ_NORTH,
        ),
        "enableEncryptionAtHost is not true",
    ),
    # ENC-006 -----------------------------------------------------------------
    ok("ENC-006", "rds-cmk", RDS),
    ok(
        "ENC-006",
        "pg-force-ssl",
        Res(
            "aws:rds/parameterGroup:ParameterGroup",
            "pg16",
            {
                "family": "postgres16",
                "parameters": [
                    {"name": "rds.force_ssl", "value": "1", "applyMethod": "pending-reboot"},
                    {"name": "log_connections", "value": "1"},
                ],
            },
            provider=AWS_UAE,
        ),
    ),
    ok("ENC-006", "azure-pg-keyvault", PG_FLEX),
    ok(
        "ENC-006",
        "azure-pg-secure-transport-on",
        Res(
            "azure-native:dbforpostgresql:Configuration",
            "tls",
            {
                "configurationName": "require_secure_transport",
                "value": "on",
                "source": "user-override",
                "serverName": "registry-pg",
                "resourceGroupName": "smp",
            },
            provider=AZ_NORTH,
        ),
    ),
    bad(
        "ENC-006",
        "rds-unencrypted",
        RDS.with_props(storageEncrypted=False, kmsKeyId=None),
        "storageEncrypted is not true",
        "kmsKeyId (the CMK) is missing",
    ),
    bad(
        "ENC-006",
        "aurora-default-key",
        Res(
            "aws:rds/cluster:Cluster",
            "aurora",
            {"engine": "aurora-postgresql", "storageEncrypted": True},
            provider=AWS_UAE,
        ),
        "kmsKeyId (the CMK) is missing",
    ),
    bad(
        "ENC-006",
        "pg-no-force-ssl",
        Res(
            "aws:rds/parameterGroup:ParameterGroup",
            "pg16",
            {"family": "postgres16", "parameters": [{"name": "rds.force_ssl", "value": "0"}]},
            provider=AWS_UAE,
        ),
        "rds.force_ssl is not 1",
    ),
    bad(
        "ENC-006",
        "azure-pg-system-managed",
        patched(PG_FLEX, "dataEncryption", {"type": "SystemManaged"}),
        "dataEncryption.type is not AzureKeyVault",
        "dataEncryption.primaryKeyURI is missing",
    ),
    bad(
        "ENC-006",
        "azure-pg-secure-transport-off",
        Res(
            "azure-native:dbforpostgresql:Configuration",
            "tls",
            {
                "configurationName": "require_secure_transport",
                "value": "off",
                "serverName": "registry-pg",
                "resourceGroupName": "smp",
            },
            provider=AZ_NORTH,
        ),
        "require_secure_transport is off",
    ),
    # ENC-007 -----------------------------------------------------------------
    ok("ENC-007", "elasticache-tls-cmk", ELASTICACHE),
    ok("ENC-007", "azure-redis-tls12", REDIS),
    bad(
        "ENC-007",
        "elasticache-plain",
        ELASTICACHE.with_props(
            atRestEncryptionEnabled=False,
            kmsKeyId=None,
            transitEncryptionEnabled=False,
            transitEncryptionMode=None,
        ),
        "atRestEncryptionEnabled is not true",
        "kmsKeyId (the CMK) is missing",
        "transitEncryptionEnabled is not true",
    ),
    bad(
        "ENC-007",
        "elasticache-tls-preferred",
        ELASTICACHE.with_props(transitEncryptionMode="preferred"),
        "transitEncryptionMode is 'preferred'",
    ),
    bad(
        "ENC-007",
        "azure-redis-non-tls",
        REDIS.with_props(enableNonSslPort=True, minimumTlsVersion="1.0"),
        "enableNonSslPort is not false",
        "minimumTlsVersion is not 1.2",
    ),
    # ENC-008 -----------------------------------------------------------------
    ok(
        "ENC-008",
        "log-group-cmk",
        Res(
            "aws:cloudwatch/logGroup:LogGroup",
            "lg",
            {"name": "/aws/eks/smp/cluster", "retentionInDays": 365.0, "kmsKeyId": KEY_ARN},
            provider=AWS_UAE,
        ),
    ),
    ok(
        "ENC-008",
        "trail-cmk",
        Res(
            "aws:cloudtrail/trail:Trail",
            "trail",
            {"s3BucketName": "smp-audit", "kmsKeyId": KEY_ARN},
            provider=AWS_UAE,
        ),
    ),
    bad(
        "ENC-008",
        "log-group-no-key",
        Res(
            "aws:cloudwatch/logGroup:LogGroup",
            "lg",
            {"name": "/smp/app", "retentionInDays": 365.0},
            provider=AWS_UAE,
        ),
        "kmsKeyId (the logs CMK) is missing",
    ),
    bad(
        "ENC-008",
        "trail-no-key",
        Res("aws:cloudtrail/trail:Trail", "trail", {"s3BucketName": "smp-audit"}, provider=AWS_UAE),
        "kmsKeyId (the logs CMK) is missing",
    ),
    # ENC-009 -----------------------------------------------------------------
    ok("ENC-009", "ecr-kms-cmk", ECR),
    ok("ENC-009", "acr-keyvault", ACR),
    bad(
        "ENC-009",
        "ecr-aes256",
        ECR.with_props(encryptionConfigurations=[{"encryptionType": "AES256"}]),
        "encryptionConfigurations.encryptionType is not KMS",
    ),
    bad(
        "ENC-009",
        "ecr-default",
        ECR.with_props(encryptionConfigurations=None),
        "encryptionConfigurations.encryptionType is not KMS",
    ),
    bad(
        "ENC-009",
        "ecr-aws-managed-kms",
        ECR.with_props(encryptionConfigurations=[{"encryptionType": "KMS"}]),
        "encryptionConfigurations.kmsKey is missing",
    ),
    bad(
        "ENC-009",
        "acr-platform-keys",
        ACR.with_props(encryption={"status": "disabled"}),
        "encryption.status is not enabled",
        "encryption.keyVaultProperties.keyIdentifier",
    ),
    # ENC-010 -----------------------------------------------------------------
    ok("ENC-010", "storage-cmk-tls12", STORAGE),
    ok("ENC-010", "storage-tls13", STORAGE.with_props(minimumTlsVersion="TLS1_3")),
    bad(
        "ENC-010",
        "storage-microsoft-keys",
        patched(
            removed(STORAGE, "encryption.keyVaultProperties"),
            "encryption.keySource",
            "Microsoft.Storage",
        ),
        "encryption.keySource is not Microsoft.Keyvault",
        "encryption.keyVaultProperties.keyName is missing",
    ),
    bad(
        "ENC-010",
        "storage-weak-transport",
        STORAGE.with_props(minimumTlsVersion="TLS1_0", enableHttpsTrafficOnly=False),
        "minimumTlsVersion is not TLS1_2",
        "enableHttpsTrafficOnly is not true",
    ),
    bad(
        "ENC-010",
        "storage-no-infrastructure-encryption",
        removed(STORAGE, "encryption.requireInfrastructureEncryption"),
        "encryption.requireInfrastructureEncryption is not true",
    ),
    # ENC-011 -----------------------------------------------------------------
    ok("ENC-011", "purge-protected", VAULT),
    ok("ENC-011", "soft-delete-default", removed(VAULT, "properties.enableSoftDelete")),
    bad(
        "ENC-011",
        "no-purge-protection",
        removed(VAULT, "properties.enablePurgeProtection"),
        "properties.enablePurgeProtection is not true",
    ),
    bad(
        "ENC-011",
        "soft-delete-off",
        patched(VAULT, "properties.enableSoftDelete", False),
        "properties.enableSoftDelete is false",
    ),
    # ENC-012 -----------------------------------------------------------------
    ok("ENC-012", "tls-deny", (BUCKET, _bucket_policy("models-policy", TLS_DENY))),
    ok(
        "ENC-012",
        "tls-deny-boolean-condition",
        (
            BUCKET,
            _bucket_policy(
                "models-policy", {**TLS_DENY, "Condition": {"Bool": {"aws:SecureTransport": False}}}
            ),
        ),
    ),
    bad("ENC-012", "no-policy", (BUCKET,), "bucket models accepts requests without TLS"),
    bad(
        "ENC-012",
        "policy-without-tls-deny",
        (
            BUCKET,
            _bucket_policy(
                "models-policy",
                {
                    "Effect": "Allow",
                    "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
                    "Action": "s3:GetObject",
                    "Resource": "arn:aws:s3:::smp-models/*",
                },
            ),
        ),
        "bucket models accepts requests without TLS",
    ),
    bad(
        "ENC-012",
        "allow-instead-of-deny",
        (BUCKET, _bucket_policy("models-policy", {**TLS_DENY, "Effect": "Allow"})),
        "SecureTransport deny",
    ),
]

# ENC-018 (sector profile) ----------------------------------------------------------
BANK_VAULT = VAULT.with_props(tags=BANKING_TAGS)
BANK_VAULT_KEY = VAULT_KEY.with_props(tags=BANKING_TAGS)


def _kms_key(tags: dict[str, str], store: str | None = None, **extra: object) -> Res:
    return Res(
        "aws:kms/key:Key",
        "data",
        {"enableKeyRotation": True, "multiRegion": False, "tags": tags, **extra},
        provider=AWS_UAE,
        deps={"customKeyStoreId": (store,)} if store else {},
    )


def _key_store(kind: str) -> Res:
    return Res(
        "aws:kms/customKeyStore:CustomKeyStore",
        f"store-{kind.lower()}",
        {"customKeyStoreName": "smp", "customKeyStoreType": kind},
        provider=AWS_UAE,
    )


CASES += [
    ok("ENC-018", "banking-premium-vault-hsm-key", (BANK_VAULT, BANK_VAULT_KEY)),
    ok("ENC-018", "banking-kms-default-origin", (_kms_key(BANKING_TAGS),)),
    ok(
        "ENC-018",
        "banking-kms-cloudhsm-store",
        (
            _key_store("AWS_CLOUDHSM"),
            _kms_key(BANKING_TAGS, "store-aws_cloudhsm", customKeyStoreId="cks-1"),
        ),
    ),
    ok(
        "ENC-018",
        "general-standard-vault",
        (patched(VAULT.with_props(tags=GENERAL_TAGS), "properties.sku.name", "standard"),),
    ),
    bad(
        "ENC-018",
        "banking-standard-vault",
        (patched(BANK_VAULT, "properties.sku.name", "standard"),),
        "properties.sku.name is 'standard', not premium",
        "sector 'banking' keeps keys in an HSM-backed tier",
    ),
    bad(
        "ENC-018",
        "health-software-key",
        (
            patched(
                VAULT_KEY.with_props(tags={**BANKING_TAGS, "sector": "health"}),
                "properties.kty",
                "RSA",
            ),
        ),
        "properties.kty is 'RSA', not one of RSA-HSM, EC-HSM, oct-HSM",
    ),
    bad(
        "ENC-018",
        "banking-external-key-store",
        (
            _key_store("EXTERNAL_KEY_STORE"),
            _kms_key(
                BANKING_TAGS, "store-external_key_store", customKeyStoreId="cks-2", xksKeyId="x"
            ),
        ),
        "a EXTERNAL_KEY_STORE store",
        "xksKeyId names a key in an external key store",
    ),
    bad(
        "ENC-018",
        "banking-key-store-outside-the-stack",
        (_kms_key(BANKING_TAGS, customKeyStoreId="cks-elsewhere"),),
        "cannot be proven",
    ),
]

# The event stream (issue 15): MSK, Event Hubs, MSK Replicator and MSK Connect.
CASES += [
    # ENC-013 (issue 15) ------------------------------------------------------------
    ok("ENC-013", "msk-cmk-and-tls", MSK_CLUSTER),
    bad(
        "ENC-013",
        "msk-aws-managed-key",
        MSK_CLUSTER.with_props(
            encryptionInfo={"encryptionInTransit": {"clientBroker": "TLS", "inCluster": True}}
        ),
        "encryptionAtRestKmsKeyArn",
    ),
    bad(
        "ENC-013",
        "msk-plaintext-listener",
        MSK_CLUSTER.with_props(
            encryptionInfo={
                "encryptionAtRestKmsKeyArn": KEY_ARN,
                "encryptionInTransit": {"clientBroker": "TLS_PLAINTEXT", "inCluster": False},
            }
        ),
        "'TLS_PLAINTEXT'",
        "inCluster is not true",
    ),
    # ENC-014 -------------------------------------------------------------------------
    ok("ENC-014", "premium-with-cmk", NAMESPACE),
    bad(
        "ENC-014",
        "standard-microsoft-key",
        NAMESPACE.with_props(sku={"name": "Standard", "tier": "Standard"}, encryption=None),
        "'Standard' cannot take a customer-managed key",
        "keySource is not Microsoft.KeyVault",
    ),
    # ENC-015 -------------------------------------------------------------------------
    ok("ENC-015", "event-hubs-tls12", NAMESPACE),
    ok("ENC-015", "connector-tls", connector(**{"connector.class": "x"})),
    bad("ENC-015", "event-hubs-tls10", NAMESPACE.with_props(minimumTlsVersion="1.0"), "'1.0'"),
    bad(
        "ENC-015",
        "connector-plaintext",
        connector(**{"connector.class": "x"}).with_props(
            kafkaClusterEncryptionInTransit={"encryptionType": "PLAINTEXT"}
        ),
        "'PLAINTEXT', not TLS",
    ),
]
