"""The ML services every stack deploys: wiring to the cloud layer, hardening, entrypoints."""

from __future__ import annotations

from typing import Any

import pytest

from components.interface import WORKLOAD_SERVICE_ACCOUNTS
from components.k8s import registry
from policies.kubernetes import POD_SPEC_PATHS
from stacks.offline import Plan
from stacks.stack_files import load_stack_file
from workloads import entrypoints

STACKS = ("aws-uae-prod", "aws-uae-dev", "azure-uaenorth-prod", "azure-uaecentral-dr")


def objects(plan: Plan, kind: str, namespace: str | None = None) -> list[dict[str, Any]]:
    """The Kubernetes objects of one kind (in one namespace)."""
    return [r.inputs for r in plan.resources
            if r.type.startswith("kubernetes:") and r.inputs.get("kind") == kind
            and (namespace is None or r.inputs["metadata"].get("namespace") == namespace)]


def one(plan: Plan, kind: str, name: str) -> dict[str, Any]:
    found = [o for o in objects(plan, kind) if o["metadata"]["name"] == name]
    assert len(found) == 1, f"{kind}/{name}: {len(found)} found"
    return found[0]


def pod_spec(obj: dict[str, Any]) -> dict[str, Any]:
    path = POD_SPEC_PATHS[f"kubernetes:{'batch' if obj['kind'] in ('Job', 'CronJob') else 'apps'}"
                          f"/v1:{obj['kind']}"]
    spec: Any = obj
    for key in path.split("."):
        spec = spec[key]
    return spec


@pytest.mark.parametrize("stack", STACKS)
def test_mlflow_reads_its_database_credentials_with_its_own_identity(plan_of: Any,
                                                                     stack: str) -> None:
    plan = plan_of(stack)
    cloud = load_stack_file(stack).platform.cloud
    namespace, account = WORKLOAD_SERVICE_ACCOUNTS["registry"]
    spc = one(plan, "SecretProviderClass", registry.DB_CLASS)
    assert spc["metadata"]["namespace"] == namespace
    assert spc["spec"]["provider"] == cloud
    params = spc["spec"]["parameters"]
    if cloud == "aws":
        # The RDS-managed secret, read through EKS Pod Identity.
        instance = next(r for r in plan.resources if r.type == "aws:rds/instance:Instance")
        assert instance.inputs["manageMasterUserPassword"] is True
        assert params["usePodIdentity"] == "true"
        assert params["objects"].startswith('- objectName: "arn:aws:secretsmanager:')
    else:
        identities = plan.outputs["workloadIdentities"]
        assert params["clientID"] == identities["registry"]
        # The Key Vault secret URI is computed by Azure (unknown offline); its parts are
        # parsed at deploy time, tested below.
        assert "objectAlias: db-credentials" in params["objects"]
    deployment = one(plan, "Deployment", registry.SERVICE)
    spec = pod_spec(deployment)
    assert spec["serviceAccountName"] == account
    sa = one(plan, "ServiceAccount", account)
    annotations = sa["metadata"].get("annotations", {})
    if cloud == "azure":
        assert annotations == {"azure.workload.identity/client-id":
                               plan.outputs["workloadIdentities"]["registry"]}
        assert deployment["spec"]["template"]["metadata"]["labels"][
            "azure.workload.identity/use"] == "true"
    else:
        assert annotations == {}  # Pod Identity: the association names the account
    volumes = {v["name"]: v for v in spec["volumes"]}
    assert volumes["cloud-secrets"]["csi"]["volumeAttributes"] == {
        "secretProviderClass": registry.DB_CLASS}
    env = {e["name"]: e for e in spec["containers"][0]["env"]}
    uri = env["MLFLOW_BACKEND_STORE_URI"]["value"]
    assert uri.startswith("postgresql://")
    assert "@" not in uri  # no credentials in the URI
    assert all("value" not in e or "password" not in e["name"].lower() for e in env.values())


@pytest.mark.parametrize("stack", ["aws-uae-prod", "azure-uaenorth-prod"])
def test_mlflow_commands_are_the_entrypoints(plan_of: Any, stack: str) -> None:
    plan = plan_of(stack)
    server = pod_spec(one(plan, "Deployment", registry.SERVICE))["containers"][0]
    assert server["command"] == entrypoints.with_db_credentials(
        registry.CREDENTIALS_PATH, entrypoints.mlflow_server(
            port=5000, artifacts_destination="$(SMP_ARTIFACTS_DESTINATION)",
            tls_cert="/etc/tls/tls.crt", tls_key="/etc/tls/tls.key",
            metrics_dir="/tmp/metrics",
            allowed_hosts=server["command"][server["command"].index("--allowed-hosts") + 1]
            .split(",")))
    assert "basic-auth" in server["command"]
    jobs = [j for j in objects(plan, "Job", "registry")
            if j["metadata"]["name"].startswith("mlflow-db-upgrade-")]
    assert len(jobs) == 1
    migrate = pod_spec(jobs[0])["containers"][0]
    assert migrate["command"] == entrypoints.with_db_credentials(
        registry.CREDENTIALS_PATH, entrypoints.mlflow_db_upgrade("$(MLFLOW_BACKEND_STORE_URI)"))
    digest = load_stack_file(stack).platform.images
    assert digest is not None
    assert server["image"].endswith("@" + digest.digests["registry"])
    assert jobs[0]["metadata"]["name"].endswith(digest.digests["registry"][7:19])


def test_key_vault_reference_and_tenant_parsing() -> None:
    from components.k8s.secrets_csi import aks_tenant_id, key_vault_parts

    assert key_vault_parts("https://kv-smp-uaen.vault.azure.net/secrets/registry-db/abc") == (
        "kv-smp-uaen", "registry-db")
    assert aks_tenant_id("https://uaenorth.oic.prod-aks.azure.com/"
                         "11111111-2222-3333-4444-555555555555/abcd/") == (
        "11111111-2222-3333-4444-555555555555")
