"""Offline answers for AWS: computed outputs per resource type and invoke results."""

from __future__ import annotations

from typing import Any

from pulumi.runtime import rpc

from smp.offline.mocks import (
    ACCOUNT_ID,
    AWS_ZONE_IDS,
    InvokeHandler,
    OutputFactory,
    ResourceContext,
    stable_suffix,
)


def _name(c: ResourceContext, key: str = "name") -> str:
    value = c.inputs.get(key)
    return value if isinstance(value, str) and value else c.physical_id


def _secret(value: Any) -> dict[str, Any]:
    """A value the engine treats as a secret output."""
    return {rpc._special_sig_key: rpc._special_secret_sig, "value": value}


OUTPUT_FACTORIES: dict[str, OutputFactory] = {
    "aws:kms/key:Key": lambda c: {
        "keyId": c.physical_id,
        "arn": c.arn("kms", f"key/{c.physical_id}"),
    },
    "aws:s3/bucket:Bucket": lambda c: {
        "bucket": _name(c, "bucket"),
        "arn": f"arn:aws:s3:::{_name(c, 'bucket')}",
        "bucketRegionalDomainName": f"{_name(c, 'bucket')}.s3.{c.region}.amazonaws.com",
    },
    "aws:ec2/vpc:Vpc": lambda c: {
        "arn": c.arn("ec2", f"vpc/{c.physical_id}"),
        "defaultSecurityGroupId": f"sg-{stable_suffix(c.name)}",
    },
    "aws:eks/cluster:Cluster": lambda c: {
        "arn": c.arn("eks", f"cluster/{_name(c)}"),
        "endpoint": f"https://{stable_suffix(c.name, length=32).upper()}.gr7.{c.region}"
        ".eks.amazonaws.com",
        "vpcConfig": {
            **(c.inputs.get("vpcConfig") or {}),
            "clusterSecurityGroupId": f"sg-{stable_suffix(c.name, 'cluster')}",
            "vpcId": f"vpc-{stable_suffix(c.name, 'vpc')}",
        },
        "certificateAuthority": {"data": "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg=="},
        "identities": [
            {
                "oidcs": [
                    {
                        "issuer": f"https://oidc.eks.{c.region}.amazonaws.com/id/"
                        f"{stable_suffix(c.name, length=32).upper()}"
                    }
                ]
            }
        ],
    },
    "aws:ecr/repository:Repository": lambda c: {
        "arn": c.arn("ecr", f"repository/{_name(c)}"),
        "repositoryUrl": f"{ACCOUNT_ID}.dkr.ecr.{c.region}.amazonaws.com/{_name(c)}",
    },
    "aws:elasticache/replicationGroup:ReplicationGroup": lambda c: {
        "arn": c.arn("elasticache", f"replicationgroup:{c.physical_id}"),
        "primaryEndpointAddress": f"master.{c.physical_id}.abcdef.{c.region}.cache.amazonaws.com",
        "port": 6379,
    },
    "aws:cloudwatch/logGroup:LogGroup": lambda c: {"arn": c.arn("logs", f"log-group:{_name(c)}")},
    "aws:iam/policy:Policy": lambda c: {
        "arn": f"arn:aws:iam::{ACCOUNT_ID}:policy{c.inputs.get('path') or '/'}{_name(c)}",
    },
    "aws:iam/role:Role": lambda c: {
        "arn": f"arn:aws:iam::{ACCOUNT_ID}:role/{_name(c)}",
        "name": _name(c),
    },
    "aws:ec2/launchTemplate:LaunchTemplate": lambda c: {
        "arn": c.arn("ec2", f"launch-template/lt-{stable_suffix(c.name, length=17)}"),
        "latestVersion": 1,
        "defaultVersion": 1,
    },
    "aws:eks/nodeGroup:NodeGroup": lambda c: {
        "arn": c.arn(
            "eks",
            f"nodegroup/{c.inputs.get('clusterName', 'cluster')}/"
            f"{_name(c, 'nodeGroupName')}/{stable_suffix(c.name, length=32)}",
        ),
        "status": "ACTIVE",
    },
    "aws:rds/instance:Instance": lambda c: {
        "arn": c.arn("rds", f"db:{_name(c, 'identifier')}"),
        "address": f"{_name(c, 'identifier')}.abcdefghij.{c.region}.rds.amazonaws.com",
        "endpoint": f"{_name(c, 'identifier')}.abcdefghij.{c.region}.rds.amazonaws.com:5432",
        "port": 5432,
        "masterUserSecrets": [
            {
                "kmsKeyId": c.inputs.get("masterUserSecretKmsKeyId", ""),
                "secretArn": c.arn("secretsmanager", f"secret:rds!db-{stable_suffix(c.name)}"),
                "secretStatus": "active",
            }
        ],
    },
    "aws:msk/cluster:Cluster": lambda c: {
        "arn": c.arn(
            "kafka", f"cluster/{_name(c, 'clusterName')}/{stable_suffix(c.name, length=36)}"
        ),
        "bootstrapBrokersSaslIam": ",".join(
            f"b-{i}.{_name(c, 'clusterName')}.abc123.c2.kafka.{c.region}.amazonaws.com:9098"
            for i in range(1, int(c.inputs.get("numberOfBrokerNodes") or 3) + 1)
        ),
        "currentVersion": "K1X2Y3Z4",
    },
    "aws:msk/configuration:Configuration": lambda c: {
        "arn": c.arn("kafka", f"configuration/{_name(c)}/{stable_suffix(c.name, length=36)}"),
        "latestRevision": 1,
    },
    # Not AWS, but only the AWS layer generates a password (the online store's
    # auth token when no stack secret is set). The result stays a secret.
    "random:index/randomPassword:RandomPassword": lambda c: {
        "result": _secret(f"offline-{stable_suffix(c.name, length=48)}"),
        "bcryptHash": _secret("offline-bcrypt-hash"),
    },
}


def _availability_zones(args: dict[str, Any], region: str) -> dict[str, Any]:
    zone_ids = AWS_ZONE_IDS.get(region, tuple(f"{region}-az{i}" for i in (1, 2, 3)))
    names = [f"{region}{letter}" for letter in "abc"[: len(zone_ids)]]
    return {
        "names": names,
        "zoneIds": list(zone_ids),
        "state": "available",
        "id": region,
        "groupNames": [region],
    }


INVOKE_HANDLERS: dict[str, InvokeHandler] = {
    "aws:index/getAvailabilityZones:getAvailabilityZones": _availability_zones,
    "aws:index/getCallerIdentity:getCallerIdentity": lambda a, r: {
        "accountId": ACCOUNT_ID,
        "arn": f"arn:aws:iam::{ACCOUNT_ID}:user/offline-planner",
        "userId": "AIDAOFFLINEPLANNER",
        "id": ACCOUNT_ID,
    },
    "aws:index/getRegion:getRegion": lambda a, r: {
        "name": r,
        "region": r,
        "id": r,
        "endpoint": f"ec2.{r}.amazonaws.com",
        "description": r,
    },
    "aws:index/getPartition:getPartition": lambda a, r: {
        "partition": "aws",
        "dnsSuffix": "amazonaws.com",
        "id": "aws",
        "reverseDnsPrefix": "com.amazonaws",
    },
}
