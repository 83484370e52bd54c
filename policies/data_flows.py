"""The residency and transfer record of a stack: its data stores and the flows leaving them.

Read from the resources a stack registers (the `PolicyResource` graph every stack
rule receives), so `smp record` (smp/record.py) and RES-020 see one and the same
answer: every data store and stream (`STORE_TYPES`, the one definition of which
resource types hold data), where it lives, how it is encrypted and with which key,
how long it keeps data, who may read and write it (IAM policies and Azure role
assignments of the plan), and every flow that leaves a store (replication and
copies, log sinks, backups, private endpoints) with the jurisdiction's verdict on
where it lands. Copy destinations come from the generated table of location inputs
(`policies/location_properties.py`, the `remote` and region kinds), log sinks from
the residency rules' sink table, places from the jurisdiction catalogue.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pulumi_policy import PolicyResource
from pulumi_policy.proxy import UnknownValueError

from policies.framework import MISSING, dig
from policies.jurisdictions import Jurisdiction, normalize_location
from policies.location_properties import AWS_REGION, AZURE_LOCATION, LOCATION_PROPERTIES, REMOTE
from policies.residency import (
    SINK_PROPERTIES,
    _destinations,
    arn_region,
    resource_region,
    values_at,
)

# Every resource type that holds data (a store) or carries it (a stream), by kind.
STORE_TYPES: dict[str, str] = {
    "aws:s3/bucket:Bucket": "object store",
    "aws:rds/instance:Instance": "database",
    "aws:rds/cluster:Cluster": "database",
    "aws:dynamodb/table:Table": "database",
    "aws:elasticache/replicationGroup:ReplicationGroup": "cache",
    "aws:elasticache/cluster:Cluster": "cache",
    "aws:ecr/repository:Repository": "image registry",
    "aws:cloudwatch/logGroup:LogGroup": "log store",
    "aws:secretsmanager/secret:Secret": "secret store",
    "aws:efs/fileSystem:FileSystem": "file store",
    "aws:ebs/volume:Volume": "disk",
    "aws:msk/cluster:Cluster": "stream",
    "aws:msk/serverlessCluster:ServerlessCluster": "stream",
    "aws:kinesis/stream:Stream": "stream",
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": "stream",
    "aws:sqs/queue:Queue": "stream",
    "aws:sns/topic:Topic": "stream",
    "azure-native:storage:StorageAccount": "object store",
    "azure-native:storage:BlobContainer": "object container",
    "azure-native:dbforpostgresql:Server": "database",
    "azure-native:dbforpostgresql:Database": "database",
    "azure-native:redis:Redis": "cache",
    "azure-native:containerregistry:Registry": "image registry",
    "azure-native:operationalinsights:Workspace": "log store",
    "azure-native:keyvault:Vault": "key and secret store",
    "azure-native:compute:Disk": "disk",
    "azure-native:eventhub:Namespace": "stream",
    "azure-native:eventhub:EventHub": "stream",
    "azure-native:servicebus:Namespace": "stream",
}

# Where a store's physical name is (the name policies and scopes use), first match wins.
_NAME_KEYS = (
    "bucket",
    "containerName",
    "accountName",
    "databaseName",
    "serverName",
    "registryName",
    "vaultName",
    "workspaceName",
    "namespaceName",
    "eventHubName",
    "replicationGroupId",
    "clusterId",
    "identifier",
    "clusterIdentifier",
    "name",
)
# Inputs through which a child store names the store it lives in (its location).
_PARENT_KEYS = ("accountName", "serverName", "namespaceName", "vaultName", "resourceGroupName")
KEY_TYPES = (
    "aws:kms/key:Key",
    "aws:kms/alias:Alias",
    "azure-native:keyvault:Key",
    "azure-native:compute:DiskEncryptionSet",
)
# Inputs of the generated table that move data to a copy (not ids of networks or peers).
_COPY_PATH = re.compile(r"destination|replica|partner|copy|target|secondary|failover|source", re.I)
# Types whose flows are read explicitly below, not from the generated table.
_EXPLICIT_FLOW_TYPES = (
    "azure-native:network:PrivateEndpoint",
    "aws:ec2/vpcEndpoint:VpcEndpoint",
    "azure-native:monitor:DiagnosticSetting",
    "aws:s3/bucketLogging:BucketLogging",
)
_RETENTION = re.compile(r"retention|expiration|expire", re.IGNORECASE)

# Azure built-in roles (fixed GUIDs Microsoft publishes; those components/azure assigns)
# and what they allow on data.
AZURE_ROLES: dict[str, tuple[str, str]] = {
    "ba92f5b4-2d11-453d-a403-e96b0029c9fe": ("Storage Blob Data Contributor", "read-write"),
    "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1": ("Storage Blob Data Reader", "read"),
    "7f951dda-4ed3-4680-a7ca-43fe172d538d": ("AcrPull", "read"),
    "4633458b-17de-408a-b874-0445c86b69e6": ("Key Vault Secrets User", "read"),
    "12338af0-0e69-4776-bea7-57ae8d297424": ("Key Vault Crypto User", "use keys"),
    "e147488a-f6f5-4113-8e2d-b22465e65bf6": (
        "Key Vault Crypto Service Encryption User",
        "use keys",
    ),
    "f25e0fa2-a7c8-4377-a976-54943a77a395": ("Key Vault Contributor", "manage"),
    "acdd72a7-3b5f-4dd0-9c26-e8d6a2dc6f5a": ("Reader", "metadata"),
}


@dataclass(frozen=True)
class Grant:
    """One principal's access to a store, and where the plan says so."""

    principal: str
    access: str  # read, write, read-write, manage, use keys, metadata, ...
    via: str  # the policy or role assignment
    detail: str  # actions or role name
    workloads: tuple[str, ...] = ()  # Kubernetes service accounts that act as the principal


@dataclass(frozen=True)
class Store:
    """A data store or stream of the plan."""

    urn: str
    type: str
    kind: str
    name: str
    location: str | None
    encryption: str
    keys: tuple[str, ...]
    retention: tuple[str, ...]
    grants: tuple[Grant, ...] = ()


@dataclass(frozen=True)
class Flow:
    """Data leaving a store (or arriving in one, for a log sink): where to, and the verdict."""

    kind: str  # replication, copy, log sink, backup, private endpoint, geo-redundancy
    source: str  # a store's name, or what the data comes from
    source_urn: str | None
    destination: str
    destination_urn: str | None
    location: str | None  # where the data lands, when the plan says
    via_urn: str  # the resource that sets the flow up (the one a violation names)
    verdict: str  # "in jurisdiction" | "outside" | "unproven"
    reason: str

    @property
    def leaves(self) -> bool:
        """Whether the flow cannot be shown to stay in the jurisdiction."""
        return self.verdict != "in jurisdiction"


@dataclass
class TransferRecord:
    """Every store and flow of one stack."""

    jurisdiction: Jurisdiction
    stores: list[Store] = field(default_factory=list)
    flows: list[Flow] = field(default_factory=list)


def _cloud(type_token: str) -> str:
    return "aws" if type_token.startswith(("aws:", "pulumi:providers:aws")) else "azure"


def _safe(props: Any, path: str) -> Any:
    try:
        return dig(props, path)
    except UnknownValueError:
        return MISSING


def _plain(value: Any) -> Any:
    """A JSON-safe copy of a (proxied) input value; unknowns as '<unknown>'."""
    try:
        if isinstance(value, Mapping):
            return {str(k): _plain(value[k]) for k in value}
        if isinstance(value, Sequence) and not isinstance(value, str):
            return [_plain(value[i]) for i in range(len(value))]
    except UnknownValueError:
        return "<unknown>"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def physical_name(r: PolicyResource) -> str:
    """The name a store is known by in ARNs and scopes (its resource name if none)."""
    for key in _NAME_KEYS:
        value = _safe(r.props, key)
        if isinstance(value, str) and value:
            return value
    return r.name


def location_of(r: PolicyResource) -> str | None:
    """Where a resource lives: its own region/location, its provider's, or its parent's."""
    where = None
    try:
        where = resource_region(r)
    except UnknownValueError:
        return None
    if where is not None:
        return normalize_location(where) if _cloud(r.resource_type) == "azure" else where
    for key in _PARENT_KEYS:
        for dep in r.property_dependencies.get(key, []):
            if dep.resource_type.startswith(("aws:", "azure-native:")):
                found = location_of(dep)
                if found is not None:
                    return found
    return None


def verdict(j: Jurisdiction, cloud: str, location: str | None, unknown: str) -> tuple[str, str]:
    """(verdict, reason) for data landing in `location` of `cloud`."""
    if location is None:
        return "unproven", unknown
    if j.allows(cloud, location):
        return "in jurisdiction", f"{location} is in {j.name}"
    return "outside", j.explain_region(cloud, location)


def _module(rtype: str) -> str:
    """`s3` for aws:s3/bucket:Bucket, `storage` for azure-native:storage:StorageAccount."""
    return rtype.split(":")[1].split("/")[0]


def _configurers(
    resources: Sequence[PolicyResource], store: PolicyResource
) -> list[PolicyResource]:
    """Resources of the store's own service that name it through a property dependency
    (its encryption, lifecycle, versioning settings); a trail or a cluster that merely
    points at a store does not configure it."""
    module = _module(store.resource_type)
    return [
        r
        for r in resources
        if r is not store
        and _module(r.resource_type) == module
        and r.resource_type not in STORE_TYPES
        and r.resource_type not in KEY_TYPES
        and any(d.urn == store.urn for deps in r.property_dependencies.values() for d in deps)
    ]


def _keys(related: Iterable[PolicyResource]) -> list[str]:
    found: list[str] = []
    for r in related:
        for deps in r.property_dependencies.values():
            for d in deps:
                if d.resource_type in KEY_TYPES and d.name not in found:
                    found.append(d.name)
    return found


def _retention(node: Any, path: str = "", within: bool = False) -> Iterator[str]:
    """`path=value` for every setting that says how long data is kept (a retention or
    expiration setting, and every value inside one, such as `expiration.days`)."""
    try:
        if isinstance(node, Mapping):
            for key in node:
                here = f"{path}.{key}" if path else str(key)
                value = node[key]
                matched = within or _RETENTION.search(str(key)) is not None
                if matched and not isinstance(value, (Mapping, list)):
                    number = isinstance(value, (int, float)) and not isinstance(value, bool)
                    if number or not within:
                        yield f"{here}={_plain(value)}"
                else:
                    yield from _retention(value, here, matched)
        elif isinstance(node, Sequence) and not isinstance(node, str):
            for i in range(len(node)):
                yield from _retention(node[i], f"{path}[{i}]", within)
    except UnknownValueError:
        yield f"{path}=<unknown>"


def _encryption(store: PolicyResource, related: list[PolicyResource], keys: list[str]) -> str:
    if keys:
        return "customer-managed key"
    for r in [store, *related]:
        for path in (
            "encryption.keySource",
            "storageEncrypted",
            "atRestEncryptionEnabled",
            "kmsKeyId",
            "encryptionConfigurations",
            "rule.applyServerSideEncryptionByDefault.sseAlgorithm",
            "properties.sku.name",
        ):
            value = _safe(r.props, path)
            if value is not MISSING:
                return f"{path}={json.dumps(_plain(value))}"
    return "provider-managed (no customer key named in the plan)"


# ---------------------------------------------------------------------------
# Who can read and write a store.

_READ = re.compile(r"^(Get|List|Describe|Read|Select|BatchGet|Query|Scan|Receive|Subscribe)")
_WRITE = re.compile(
    r"^(Put|Delete|Create|Update|Write|Abort|Restore|Replicate|BatchWrite|Send|Publish|Tag)"
)


def _access_of(actions: Iterable[str]) -> str:
    read = write = False
    for action in actions:
        verb = action.split(":", 1)[-1]
        if verb == "*" or action == "*":
            read = write = True
        elif _READ.match(verb):
            read = True
        elif _WRITE.match(verb):
            write = True
    return "read-write" if read and write else "read" if read else "write" if write else "other"


def _listed(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value]
    return []


def _names_store(arn: str, name: str) -> bool:
    if arn == "*":
        return True
    resource = arn.split(":", 5)[-1] if arn.startswith("arn:") else arn
    return re.search(rf"(^|[:/]){re.escape(name)}($|[:/*])", resource) is not None


def _policy_statements(text: Any) -> list[Mapping[str, Any]]:
    if not isinstance(text, str):
        return []
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        return []
    statements = document.get("Statement", []) if isinstance(document, dict) else []
    return [s for s in ([statements] if isinstance(statements, dict) else statements) if s]


def _aws_grants(resources: Sequence[PolicyResource]) -> list[tuple[str, str, Mapping[str, Any]]]:
    """(principal, via, statement) for every Allow statement of role and bucket policies."""
    out = []
    for r in resources:
        if r.resource_type == "aws:iam/rolePolicy:RolePolicy":
            roles = [d.name for d in r.property_dependencies.get("role", [])]
            principal = roles[0] if roles else str(_plain(_safe(r.props, "role")))
            for s in _policy_statements(_plain(_safe(r.props, "policy"))):
                if s.get("Effect") == "Allow":
                    out.append((principal, r.name, s))
        elif r.resource_type == "aws:s3/bucketPolicy:BucketPolicy":
            for s in _policy_statements(_plain(_safe(r.props, "policy"))):
                if s.get("Effect") != "Allow":
                    continue
                grantee = s.get("Principal")
                if isinstance(grantee, Mapping):
                    shown = ", ".join(v for vals in grantee.values() for v in _listed(vals))
                else:
                    shown = str(grantee)
                out.append((shown, r.name, s))
    return out


def _workloads_by_principal(resources: Sequence[PolicyResource]) -> dict[str, list[str]]:
    """Role or identity name -> the Kubernetes service accounts that act as it."""
    found: dict[str, list[str]] = {}
    for r in resources:
        if r.resource_type == "aws:eks/podIdentityAssociation:PodIdentityAssociation":
            subject = (
                f"{_plain(_safe(r.props, 'namespace'))}/{_plain(_safe(r.props, 'serviceAccount'))}"
            )
            for d in r.property_dependencies.get("roleArn", []):
                found.setdefault(d.name, []).append(subject)
        elif r.resource_type == "azure-native:managedidentity:FederatedIdentityCredential":
            subject = str(_plain(_safe(r.props, "subject"))).removeprefix("system:serviceaccount:")
            for d in r.property_dependencies.get("resourceName", []):
                found.setdefault(d.name, []).append(subject.replace(":", "/"))
    return found


# The IAM service prefix of each AWS store type's actions.
_AWS_SERVICE = {
    "s3": "s3",
    "cloudwatch": "logs",
    "ecr": "ecr",
    "elasticache": "elasticache",
    "rds": "rds",
    "dynamodb": "dynamodb",
    "secretsmanager": "secretsmanager",
    "kinesis": "kinesis",
    "msk": "kafka",
    "efs": "elasticfilesystem",
    "ebs": "ec2",
    "sqs": "sqs",
    "sns": "sns",
}


def _merge(grants: list[Grant]) -> list[Grant]:
    """One grant per principal and source, its actions joined."""
    merged: dict[tuple[str, str], Grant] = {}
    for g in grants:
        key = (g.principal, g.via)
        if key in merged:
            old = merged[key]
            detail = ", ".join(dict.fromkeys([*old.detail.split(", "), *g.detail.split(", ")]))
            merged[key] = Grant(
                g.principal, _access_of(detail.split(", ")), g.via, detail, g.workloads
            )
        else:
            merged[key] = g
    return list(merged.values())


def _grants_for(
    store: PolicyResource,
    name: str,
    resources: Sequence[PolicyResource],
    aws_statements: list[tuple[str, str, Mapping[str, Any]]],
    workloads: Mapping[str, list[str]],
) -> list[Grant]:
    grants: list[Grant] = []
    if store.resource_type.startswith("aws:"):
        service = _AWS_SERVICE.get(_module(store.resource_type), "")
        for principal, via, statement in aws_statements:
            arns = _listed(statement.get("Resource"))
            actions = [
                a
                for a in _listed(statement.get("Action"))
                if a == "*" or a.split(":", 1)[0] == service
            ]
            if actions and any(_names_store(arn, name) for arn in arns):
                grants.append(
                    Grant(
                        principal,
                        _access_of(actions),
                        via,
                        ", ".join(actions),
                        tuple(workloads.get(principal, ())),
                    )
                )
        return _merge(grants)
    for r in resources:
        if r.resource_type == "azure-native:authorization:RoleAssignment":
            scope = str(_plain(_safe(r.props, "scope")))
            scoped = any(d.urn == store.urn for d in r.property_dependencies.get("scope", []))
            if not scoped and not scope.rstrip("/").endswith(f"/{name}"):
                continue
            role_id = str(_plain(_safe(r.props, "roleDefinitionId"))).rsplit("/", 1)[-1]
            role, access = AZURE_ROLES.get(role_id, (f"role {role_id}", "not catalogued"))
            ids = [d.name for d in r.property_dependencies.get("principalId", [])]
            principal = ids[0] if ids else str(_plain(_safe(r.props, "principalId")))
            grants.append(
                Grant(principal, access, r.name, role, tuple(workloads.get(principal, ())))
            )
        elif r.resource_type == "azure-native:redis:AccessPolicyAssignment":
            if not any(d.urn == store.urn for d in r.property_dependencies.get("cacheName", [])):
                continue
            ids = [d.name for d in r.property_dependencies.get("objectId", [])]
            principal = ids[0] if ids else str(_plain(_safe(r.props, "objectId")))
            policy = str(_plain(_safe(r.props, "accessPolicyName")))
            access = "read" if "Reader" in policy else "read-write"
            grants.append(
                Grant(principal, access, r.name, policy, tuple(workloads.get(principal, ())))
            )
        elif r.resource_type == "azure-native:dbforpostgresql:AdministratorsMicrosoftEntra":
            if not any(d.urn == store.urn for d in r.property_dependencies.get("serverName", [])):
                continue
            principal = str(_plain(_safe(r.props, "principalName")))
            grants.append(Grant(principal, "administer", r.name, "Microsoft Entra administrator"))
    return grants


# ---------------------------------------------------------------------------
# The record.


def stores(resources: Sequence[PolicyResource]) -> list[Store]:
    """Every data store and stream of the stack, in URN order."""
    aws_statements = _aws_grants(resources)
    workloads = _workloads_by_principal(resources)
    found = []
    for r in sorted(resources, key=lambda x: x.urn):
        kind = STORE_TYPES.get(r.resource_type)
        if kind is None:
            continue
        related = _configurers(resources, r)
        # A child store (a container, a database) is encrypted as the store it lives in.
        parents = [
            d
            for key in _PARENT_KEYS
            for d in r.property_dependencies.get(key, [])
            if d.resource_type in STORE_TYPES
        ]
        keys = _keys([r, *related, *parents])
        name = physical_name(r)
        retention = [
            *_retention(r.props),
            *(f"{x.name}: {item}" for x in related for item in _retention(x.props)),
        ]
        found.append(
            Store(
                urn=r.urn,
                type=r.resource_type,
                kind=kind,
                name=name,
                location=location_of(r),
                encryption=_encryption(r, [*related, *parents], keys),
                keys=tuple(keys),
                retention=tuple(retention),
                grants=tuple(_grants_for(r, name, resources, aws_statements, workloads)),
            )
        )
    return found


def _own_location_path(type_token: str) -> str:
    return "region" if _cloud(type_token) == "aws" else "location"


def _values(node: Any, path: str) -> Iterator[tuple[str, Any]]:
    for where, value in values_at(node, path):
        yield where, _plain(value)


def _sources(r: PolicyResource, store_urns: Mapping[str, str]) -> list[tuple[str, str | None]]:
    """The stores a resource moves data out of: itself, or the stores it configures."""
    if r.urn in store_urns:
        return [(store_urns[r.urn], r.urn)]
    found = [
        (store_urns[d.urn], d.urn)
        for deps in r.property_dependencies.values()
        for d in deps
        if d.urn in store_urns
    ]
    return list(dict.fromkeys(found))


def _literal_place(j: Jurisdiction, value: Any) -> tuple[str | None, str]:
    """Where a literal destination (an ARN, an id) is, and what to say when unknown."""
    text = str(value)
    region = arn_region(text)
    if region:
        return region, ""
    return None, (
        f"{text} is not a resource of this stack and names no region: its location cannot "
        f"be proven to be in {j.name}"
    )


def flows(resources: Sequence[PolicyResource], j: Jurisdiction) -> list[Flow]:
    """Every flow that leaves a store (and every log sink), with the jurisdiction's verdict."""
    store_urns = {r.urn: physical_name(r) for r in resources if r.resource_type in STORE_TYPES}
    out: list[Flow] = []

    def add(
        kind: str,
        r: PolicyResource,
        destination: str,
        dest_urn: str | None,
        location: str | None,
        cloud: str,
        unknown: str,
        sources: Sequence[tuple[str, str | None]] | None = None,
    ) -> None:
        v, reason = verdict(j, cloud, location, unknown)
        chosen = sources if sources is not None else _sources(r, store_urns)
        # A copy's destination is not its own source (a replication names both buckets).
        chosen = [(s, u) for s, u in chosen if u is None or u != dest_urn] or (
            [] if chosen else [(r.name, None)]
        )
        for source, source_urn in chosen:
            out.append(
                Flow(kind, source, source_urn, destination, dest_urn, location, r.urn, v, reason)
            )

    for r in sorted(resources, key=lambda x: x.urn):
        rtype = r.resource_type
        # Log and stream sinks: where the residency rules' sink table says they deliver.
        for key in SINK_PROPERTIES.get(rtype, ()):
            deps = [
                d
                for d in r.property_dependencies.get(key, [])
                if d.resource_type.startswith(("aws:", "azure-native:"))
            ]
            if rtype == "azure-native:monitor:DiagnosticSetting":
                origin = [
                    (store_urns.get(d.urn, d.name), d.urn)
                    for d in r.property_dependencies.get("resourceUri", [])
                ]
            else:
                origin = [(f"{rtype.split(':')[-1]} {r.name}", r.urn)]
            for dep in deps:
                add(
                    "log sink",
                    r,
                    physical_name(dep),
                    dep.urn,
                    location_of(dep),
                    _cloud(dep.resource_type),
                    "",
                    origin,
                )
            if deps:
                continue
            value = _plain(_safe(r.props, key))
            if value in (MISSING, None, ""):
                continue
            texts = [value] if isinstance(value, str) else [v for _, v in _destinations(value, key)]
            for text in texts:
                place, unknown = _literal_place(j, text)
                add("log sink", r, text, None, place, "aws", unknown, origin)
        if rtype == "aws:s3/bucketLogging:BucketLogging":
            logged = [
                (store_urns[d.urn], d.urn)
                for d in r.property_dependencies.get("bucket", [])
                if d.urn in store_urns
            ]
            for dep in r.property_dependencies.get("targetBucket", []):
                add(
                    "log sink",
                    r,
                    physical_name(dep),
                    dep.urn,
                    location_of(dep),
                    "aws",
                    "",
                    logged or None,
                )
        # Copies and replicas: every input the generated table marks as a remote copy,
        # partner or destination, and every further region or location.
        own = _own_location_path(rtype)
        for path, kind in LOCATION_PROPERTIES.get(rtype, ()):
            if path == own or path.split(".", 1)[0].removesuffix("[]") in SINK_PROPERTIES.get(
                rtype, ()
            ):
                continue
            if kind == REMOTE and not _COPY_PATH.search(path):
                continue
            if rtype in _EXPLICIT_FLOW_TYPES or not _sources(r, store_urns):
                continue
            if kind == REMOTE:
                present = [(w, v) for w, v in _values(r.props, path) if v not in (None, "")]
                if not present:
                    continue
                top = path.split(".", 1)[0].removesuffix("[]")
                deps = [
                    d
                    for d in r.property_dependencies.get(top, [])
                    if d.resource_type.startswith(("aws:", "azure-native:"))
                ]
                if deps:
                    for dep in deps:
                        add(
                            "replication",
                            r,
                            physical_name(dep),
                            dep.urn,
                            location_of(dep),
                            _cloud(dep.resource_type),
                            "",
                        )
                    continue
                for where, value in present:
                    place, unknown = _literal_place(j, value)
                    add("replication", r, f"{where}={value}", None, place, _cloud(rtype), unknown)
            elif kind in (AWS_REGION, AZURE_LOCATION):
                for where, value in _values(r.props, path):
                    if isinstance(value, str) and value:
                        cloud = "aws" if kind == AWS_REGION else "azure"
                        add("replication", r, f"{where}={value}", None, value, cloud, "")
        # Geo-redundant copies and backups: the Azure paired region.
        if rtype == "azure-native:storage:StorageAccount":
            sku = str(_plain(_safe(r.props, "sku.name")))
            if "GRS" in sku or "GZRS" in sku:
                here = location_of(r) or ""
                pair = j.azure_pairs.get(here)
                add(
                    "geo-redundancy",
                    r,
                    f"paired region of {here} ({sku})",
                    None,
                    pair,
                    "azure",
                    f"{here} has no paired region in the catalogue",
                )
        if rtype == "azure-native:dbforpostgresql:Server":
            if str(_plain(_safe(r.props, "backup.geoRedundantBackup"))) == "Enabled":
                here = location_of(r) or ""
                add(
                    "backup",
                    r,
                    f"geo-redundant backup (pair of {here})",
                    None,
                    j.azure_pairs.get(here),
                    "azure",
                    f"{here} has no paired region in the catalogue",
                )
            days = _plain(_safe(r.props, "backup.backupRetentionDays"))
            if days not in (MISSING, None):
                add(
                    "backup",
                    r,
                    f"automated backups ({days} days)",
                    None,
                    location_of(r),
                    "azure",
                    "",
                )
        if rtype in ("aws:rds/instance:Instance", "aws:rds/cluster:Cluster"):
            days = _plain(_safe(r.props, "backupRetentionPeriod"))
            if days not in (MISSING, None, 0):
                add(
                    "backup", r, f"automated backups ({days} days)", None, location_of(r), "aws", ""
                )
        if rtype == "aws:elasticache/replicationGroup:ReplicationGroup":
            days = _plain(_safe(r.props, "snapshotRetentionLimit"))
            if days not in (MISSING, None, 0):
                add("backup", r, f"snapshots ({days} days)", None, location_of(r), "aws", "")
        # Private endpoints: the store is reachable inside a network, where it is.
        if rtype == "azure-native:network:PrivateEndpoint":
            targets = [
                d
                for d in r.property_dependencies.get("privateLinkServiceConnections", [])
                if d.urn in store_urns
            ]
            add(
                "private endpoint",
                r,
                r.name,
                r.urn,
                location_of(r),
                "azure",
                "",
                [(store_urns[d.urn], d.urn) for d in targets] or [(r.name, None)],
            )
        if rtype == "aws:ec2/vpcEndpoint:VpcEndpoint":
            service = str(_plain(_safe(r.props, "serviceName")))
            parts = service.split(".")
            region = parts[2] if len(parts) > 3 and parts[0] == "com" else None
            place = region if region is not None else location_of(r)
            add(
                "private endpoint",
                r,
                f"{r.name} (VPC)",
                r.urn,
                place,
                "aws",
                f"service {service} names no region",
                [(f"AWS service {service}", None)],
            )
    return out


def transfer_record(resources: Sequence[PolicyResource], j: Jurisdiction) -> TransferRecord:
    """The stack's stores and flows."""
    return TransferRecord(j, stores(resources), flows(resources, j))
