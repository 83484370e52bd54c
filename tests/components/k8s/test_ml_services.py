"""The ML services every stack deploys: wiring to the cloud layer, hardening, entrypoints."""

from __future__ import annotations

from typing import Any

import pytest

from components.interface import WORKLOAD_SERVICE_ACCOUNTS
from components.k8s import registry
from policies.kubernetes import POD_SPEC_PATHS
from stacks.stack_files import load_stack_file
from tests.support.paths import REPO
from tests.support.plans import objects
from tests.support.plans import one_object as one
from workloads.contract import commands

STACKS = ("aws-uae-prod", "aws-uae-dev", "azure-uaenorth-prod", "azure-uaecentral-dr")


def pod_spec(obj: dict[str, Any]) -> dict[str, Any]:
    path = POD_SPEC_PATHS[
        f"kubernetes:{'batch' if obj['kind'] in ('Job', 'CronJob') else 'apps'}/v1:{obj['kind']}"
    ]
    spec: Any = obj
    for key in path.split("."):
        spec = spec[key]
    return spec


@pytest.mark.parametrize("stack", STACKS)
def test_mlflow_reads_its_database_credentials_with_its_own_identity(
    plan_of: Any, stack: str
) -> None:
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
        assert annotations == {
            "azure.workload.identity/client-id": plan.outputs["workloadIdentities"]["registry"]
        }
        assert (
            deployment["spec"]["template"]["metadata"]["labels"]["azure.workload.identity/use"]
            == "true"
        )
    else:
        assert annotations == {}  # Pod Identity: the association names the account
    volumes = {v["name"]: v for v in spec["volumes"]}
    assert volumes["cloud-secrets"]["csi"]["volumeAttributes"] == {
        "secretProviderClass": registry.DB_CLASS
    }
    env = {e["name"]: e for e in spec["containers"][0]["env"]}
    uri = env["MLFLOW_BACKEND_STORE_URI"]["value"]
    assert uri.startswith("postgresql://")
    assert "@" not in uri  # no credentials in the URI
    assert all("value" not in e or "password" not in e["name"].lower() for e in env.values())


@pytest.mark.parametrize("stack", ["aws-uae-prod", "azure-uaenorth-prod"])
def test_mlflow_commands_are_the_entrypoints(plan_of: Any, stack: str) -> None:
    plan = plan_of(stack)
    server = pod_spec(one(plan, "Deployment", registry.SERVICE))["containers"][0]
    assert server["command"] == commands.with_db_credentials(
        registry.CREDENTIALS_PATH,
        commands.mlflow_server(
            port=5000,
            artifacts_destination="$(SMP_ARTIFACTS_DESTINATION)",
            tls_cert="/etc/tls/tls.crt",
            tls_key="/etc/tls/tls.key",
            metrics_dir="/tmp/metrics",
            allowed_hosts=server["command"][server["command"].index("--allowed-hosts") + 1].split(
                ","
            ),
        ),
    )
    assert "basic-auth" in server["command"]
    jobs = [
        j
        for j in objects(plan, "Job", "registry")
        if j["metadata"]["name"].startswith("mlflow-db-upgrade-")
    ]
    assert len(jobs) == 1
    migrate = pod_spec(jobs[0])["containers"][0]
    assert migrate["command"] == commands.with_db_credentials(
        registry.CREDENTIALS_PATH, commands.mlflow_db_upgrade("$(MLFLOW_BACKEND_STORE_URI)")
    )
    digest = load_stack_file(stack).platform.images
    assert digest is not None
    assert server["image"].endswith("@" + digest.digests["registry"])
    assert jobs[0]["metadata"]["name"].endswith(digest.digests["registry"][7:19])


def test_key_vault_reference_and_tenant_parsing() -> None:
    from components.azure.in_cluster_facts import aks_tenant_id, key_vault_parts

    assert key_vault_parts("https://kv-smp-uaen.vault.azure.net/secrets/registry-db/abc") == (
        "kv-smp-uaen",
        "registry-db",
    )
    assert aks_tenant_id(
        "https://uaenorth.oic.prod-aks.azure.com/11111111-2222-3333-4444-555555555555/abcd/"
    ) == ("11111111-2222-3333-4444-555555555555")


@pytest.mark.parametrize("stack", STACKS)
def test_feast_and_serving_read_redis_credentials_only_from_secrets(
    plan_of: Any, stack: str
) -> None:
    from components.k8s import feature_store

    plan = plan_of(stack)
    cloud = load_stack_file(stack).platform.cloud
    for namespace in ("features", "serving"):
        yaml_text = next(
            c
            for c in objects(plan, "ConfigMap", namespace)
            if c["metadata"]["name"] == feature_store.STORE_CONFIG
        )["data"]["feature_store.yaml"]
        if cloud == "aws":
            assert "password=${SMP_REDIS_PASSWORD}" in yaml_text
        else:
            # Entra ID tokens of the pod's workload identity; no password exists.
            assert "type: workloads.feature_repo.entra_redis.EntraRedisOnlineStore" in yaml_text
            assert "password" not in yaml_text
        assert ("6379" if cloud == "aws" else "6380") in yaml_text
        assert "project: sovereign_fraud" in yaml_text
        secrets = [
            s
            for s in objects(plan, "Secret", namespace)
            if s["metadata"]["name"] == feature_store.REDIS_SECRET
        ]
        # AWS: the ElastiCache auth token (a Pulumi secret); Azure: Entra, no shared token.
        assert len(secrets) == (1 if cloud == "aws" else 0)
    for kind, name in (
        ("Deployment", "feature-server"),
        ("CronJob", "feast-materialize"),
        ("Deployment", "model-serving"),
    ):
        container = pod_spec(one(plan, kind, name))["containers"][0]
        refs = [e["valueFrom"]["secretKeyRef"] for e in container["env"] if "valueFrom" in e]
        redis = [r for r in refs if r["name"] == feature_store.REDIS_SECRET]
        assert redis == (
            [{"name": "online-store-auth", "key": "password"}] if cloud == "aws" else []
        )
        assert not any("value" in e and "PASSWORD" in e["name"] for e in container["env"])


@pytest.mark.parametrize("stack", STACKS)
def test_service_accounts_and_identities_match_the_cloud_layer(plan_of: Any, stack: str) -> None:
    plan = plan_of(stack)
    cloud = load_stack_file(stack).platform.cloud
    identities = plan.outputs["workloadIdentities"]
    for kind, name, workload in (
        ("Deployment", "mlflow", "registry"),
        ("Deployment", "feature-server", "feature-store"),
        ("CronJob", "feast-materialize", "feature-store"),
        ("Deployment", "model-serving", "serving"),
    ):
        obj = one(plan, kind, name)
        namespace, account = WORKLOAD_SERVICE_ACCOUNTS[workload]
        assert obj["metadata"]["namespace"] == namespace
        assert pod_spec(obj)["serviceAccountName"] == account
        sa = [
            s
            for s in objects(plan, "ServiceAccount", namespace)
            if s["metadata"]["name"] == account
        ]
        assert len(sa) == 1
        annotations = sa[0]["metadata"].get("annotations", {})
        assert annotations == (
            {} if cloud == "aws" else {"azure.workload.identity/client-id": identities[workload]}
        )


@pytest.mark.parametrize("stack", STACKS)
def test_serving_split_scale_and_placement_follow_the_stack_config(
    plan_of: Any, stack: str
) -> None:
    plan = plan_of(stack)
    p = load_stack_file(stack).platform
    deployment = one(plan, "Deployment", "model-serving")
    spec = pod_spec(deployment)
    container = spec["containers"][0]
    env = {e["name"]: e.get("value") for e in container["env"]}
    challenger = sum(v.traffic_percent for v in p.serving.variants if v.alias == "challenger")
    assert float(env["SMP_CHALLENGER_SHARE"]) == challenger / 100
    assert env["SMP_MODEL_NAME"] == p.serving.registered_model == "card-fraud"
    profile = "gpu" if p.serving.gpu else "cpu"
    assert container["command"] == commands.serving(
        8080, grpc_port=commands.SERVING_GRPC_PORT, batch_profile=profile
    )
    assert [port["containerPort"] for port in container["ports"]] == [8080, 8081]
    assert deployment["spec"]["replicas"] == p.serving.min_replicas
    hpa = one(plan, "HorizontalPodAutoscaler", "model-serving")["spec"]
    assert (hpa["minReplicas"], hpa["maxReplicas"]) == (
        p.serving.min_replicas,
        p.serving.max_replicas,
    )
    kinds = {m["type"]: m for m in hpa["metrics"]}
    assert kinds["Resource"]["resource"]["name"] == "cpu"
    assert kinds["Pods"]["pods"]["metric"]["name"] == "smp_prediction_latency_p99_seconds"
    pdb = one(plan, "PodDisruptionBudget", "model-serving")["spec"]
    assert pdb["selector"]["matchLabels"] == deployment["spec"]["selector"]["matchLabels"]
    assert {c["topologyKey"] for c in spec["topologySpreadConstraints"]} >= {
        "topology.kubernetes.io/zone"
    }
    gpu = "nvidia.com/gpu" in container["resources"]["limits"]
    assert gpu is p.serving.gpu
    if p.profile == "smb":
        assert not gpu
        assert "tolerations" not in spec
    service = one(plan, "Service", "model-serving")
    assert service["spec"]["type"] == "LoadBalancer"
    internal = {
        "aws": ("service.beta.kubernetes.io/aws-load-balancer-scheme", "internal"),
        "azure": ("service.beta.kubernetes.io/azure-load-balancer-internal", "true"),
    }
    key, value = internal[p.cloud]
    assert service["metadata"]["annotations"][key] == value
    assert [
        (port["name"], port["port"], port.get("appProtocol")) for port in service["spec"]["ports"]
    ] == [
        ("http", 8080, None),
        ("grpc", 8081, "grpc"),
    ]
    # No other Service of ours is reachable from outside the cluster.
    assert [
        s["metadata"]["name"]
        for s in objects(plan, "Service")
        if s["spec"].get("type") in ("LoadBalancer", "NodePort")
    ] == ["model-serving"]


def test_gpu_serving_goes_to_the_gpu_pool(tmp_path: Any) -> None:
    """aws-uae-prod with serving.gpu: true requests a GPU and tolerates the GPU taint."""
    from smp.offline import plan_stack_offline

    text = (REPO / "stacks" / "Pulumi.aws-uae-prod.yaml").read_text()
    assert "      gpu: false\n" in text
    path = tmp_path / "Pulumi.gpu-serving.yaml"
    path.write_text(text.replace("      gpu: false\n", "      gpu: true\n"))
    plan = plan_stack_offline("gpu-serving", stacks_dir=tmp_path)
    spec = pod_spec(one(plan, "Deployment", "model-serving"))
    assert spec["containers"][0]["resources"]["limits"]["nvidia.com/gpu"] == "1"
    # The GPU profile: bigger dynamic batches with a short wait to fill them.
    assert spec["containers"][0]["command"][-2:] == ["--batch-profile", "gpu"]
    assert spec["nodeSelector"] == {"smp.io/pool-kind": "gpu"}
    assert spec["tolerations"] == [
        {"key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule"}
    ]


def test_feast_commands_are_the_entrypoints(plan_of: Any) -> None:
    from components.k8s import feature_store

    plan = plan_of("aws-uae-prod")
    server = pod_spec(one(plan, "Deployment", "feature-server"))["containers"][0]
    assert server["command"] == commands.feature_server(
        repo_dir="/etc/feast", port=6566, tls_key="/etc/tls/tls.key", tls_cert="/etc/tls/tls.crt"
    )
    cron = one(plan, "CronJob", "feast-materialize")
    assert (
        cron["spec"]["schedule"]
        == load_stack_file("aws-uae-prod").platform.feature_store.materialization_schedule
    )
    job = pod_spec(cron)["containers"][0]
    assert job["command"] == commands.materialize(
        store_yaml=feature_store.STORE_YAML,
        repo_dir="/tmp/feature-repo",
        source_uri="$(SMP_CARD_FEATURES_SOURCE_URI)",
    )
    assert feature_store.blob_uri("abfss://offline-store@acct.dfs.core.windows.net/") == (
        "https://acct.blob.core.windows.net/offline-store"
    )


@pytest.mark.parametrize("stack", STACKS)
def test_registry_users_permissions_and_client_credentials(plan_of: Any, stack: str) -> None:
    """Every client workload has its own MLflow user, its credentials as a Secret in its
    own namespace; the access Job applies exactly the declared grants as the admin."""
    import json

    plan = plan_of(stack)
    users = one(plan, "Secret", registry.USERS_SECRET)
    assert users["metadata"]["namespace"] == "registry"
    assert set(users["stringData"]) == set(registry.GRANTS)
    for workload in registry.CLIENT_WORKLOADS:
        namespace, _ = WORKLOAD_SERVICE_ACCOUNTS[workload]
        secret = [
            s
            for s in objects(plan, "Secret", namespace)
            if s["metadata"]["name"] == registry.CLIENT_SECRET
        ]
        assert len(secret) == 1, (workload, namespace)
        data = secret[0]["stringData"]
        assert data["username"] == workload
        # The same password the access Job sets for that user.
        assert data["password"] == users["stringData"][workload]
    model = load_stack_file(stack).platform.serving.registered_model
    grants = json.loads(one(plan, "ConfigMap", registry.GRANTS_CONFIG)["data"]["grants.json"])
    assert grants == registry.registry_grants(model)
    assert grants["users"]["serving"] == {"experiment": "READ", "model": "READ"}
    # Promotion deletes the challenger alias, which MLflow allows only with MANAGE.
    assert grants["users"]["training"] == {"experiment": "EDIT", "model": "MANAGE"}
    assert set(grants["users"]["persona-auditor"].values()) == {"READ"}
    jobs = [
        j
        for j in objects(plan, "Job", "registry")
        if j["metadata"]["name"].startswith("mlflow-access-")
    ]
    assert len(jobs) == 1
    container = pod_spec(jobs[0])["containers"][0]
    assert container["command"] == commands.registry_access(
        tracking_uri=registry.TRACKING_URI,
        grants_file="/etc/mlflow-grants/grants.json",
        passwords_dir="/etc/mlflow-users",
    )
    env = {e["name"]: e for e in container["env"]}
    assert env["MLFLOW_TRACKING_USERNAME"]["value"] == registry.ADMIN_USER
    assert env["MLFLOW_TRACKING_PASSWORD"]["valueFrom"]["secretKeyRef"] == {
        "name": registry.AUTH_SECRET,
        "key": "admin-password",
    }
    assert "NO_PERMISSIONS" in registry.auth_config("postgresql://db/mlflow", "x")


@pytest.mark.parametrize("stack", STACKS)
def test_mlflow_clients_authenticate_and_verify_the_server(plan_of: Any, stack: str) -> None:
    plan = plan_of(stack)
    for kind, name in (
        ("Deployment", "model-serving"),
        ("CronJob", "reference-training"),
        ("CronJob", "drift-monitor"),
    ):
        spec = pod_spec(one(plan, kind, name))
        env = {e["name"]: e for e in spec["containers"][0]["env"]}
        assert env["MLFLOW_TRACKING_USERNAME"]["valueFrom"]["secretKeyRef"] == {
            "name": "mlflow-client",
            "key": "username",
        }, name
        assert env["MLFLOW_TRACKING_PASSWORD"]["valueFrom"]["secretKeyRef"] == {
            "name": "mlflow-client",
            "key": "password",
        }, name
        ca = env["MLFLOW_TRACKING_SERVER_CERT_PATH"]["value"]
        mounts = {m["mountPath"]: m["name"] for m in spec["containers"][0]["volumeMounts"]}
        volumes = {v["name"]: v for v in spec["volumes"]}
        volume = volumes[mounts[ca.rsplit("/", 1)[0]]]
        # Only the CA certificate of a cert-manager Secret that exists in that namespace.
        namespace = one(plan, kind, name)["metadata"]["namespace"]
        certificates = {c["spec"]["secretName"] for c in objects(plan, "Certificate", namespace)}
        assert volume["secret"]["secretName"] in certificates, (name, namespace)
        assert volume["secret"]["items"] == [{"key": "ca.crt", "path": "ca.crt"}]


@pytest.mark.parametrize("stack", STACKS)
def test_reference_training_job(plan_of: Any, stack: str) -> None:
    from components.k8s import training

    plan = plan_of(stack)
    p = load_stack_file(stack).platform
    cron = one(plan, "CronJob", training.JOB)
    assert cron["metadata"]["namespace"] == "training"
    if p.training.schedule:
        assert (cron["spec"]["schedule"], cron["spec"]["suspend"]) == (p.training.schedule, False)
    else:
        assert cron["spec"]["suspend"] is True  # launched on demand
    spec = pod_spec(cron)
    container = spec["containers"][0]
    assert container["command"] == commands.training(
        feature_repo="/etc/feast",
        transactions="$(SMP_TRANSACTIONS_URI)",
        tracking_uri=registry.TRACKING_URI,
        model_name=p.serving.registered_model,
        model_kind=p.training.model_kind,
    )
    env = {e["name"]: e for e in container["env"]}
    assert env["SMP_TRANSACTIONS_URI"]["value"].endswith("/transactions.parquet")
    assert spec["serviceAccountName"] == "training"
    assert {v["name"] for v in spec["volumes"]} >= {"feast-config", "internal-ca"}
    feast_config = [
        c
        for c in objects(plan, "ConfigMap", "training")
        if c["metadata"]["name"] == "feature-store-config"
    ]
    assert len(feast_config) == 1
    gpu = "nvidia.com/gpu" in container["resources"]["limits"]
    has_gpu_pool = bool(p.pools_of_kind("gpu"))
    assert (
        gpu is p.training_on_gpu is (p.training.gpu if p.training.gpu is not None else has_gpu_pool)
    )
    if gpu:
        assert container["resources"]["requests"]["nvidia.com/gpu"] == "1"
        assert spec["nodeSelector"] == {"smp.io/pool-kind": "gpu"}
        assert {"key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule"} in spec[
            "tolerations"
        ]
    else:
        assert "tolerations" not in spec


@pytest.mark.parametrize("stack", STACKS)
def test_batch_scoring_is_a_nightly_indexed_job_into_the_predictions_zone(
    plan_of: Any, stack: str
) -> None:
    from components.k8s import batch_scoring

    plan = plan_of(stack)
    p = load_stack_file(stack).platform
    cron = one(plan, "CronJob", batch_scoring.JOB)
    namespace, account = WORKLOAD_SERVICE_ACCOUNTS["batch-scoring"]
    assert cron["metadata"]["namespace"] == namespace == "batch"
    assert (cron["spec"]["schedule"], cron["spec"]["concurrencyPolicy"]) == (
        batch_scoring.DEFAULT_SCHEDULE,
        "Forbid",
    )
    job = cron["spec"]["jobTemplate"]["spec"]
    assert (job["completionMode"], job["completions"], job["parallelism"]) == ("Indexed", 4, 4)
    spec = pod_spec(cron)
    assert spec["serviceAccountName"] == account
    assert spec["restartPolicy"] == "Never"
    container = spec["containers"][0]
    assert container["command"] == commands.batch_scoring(
        feature_repo="/etc/feast",
        tracking_uri=registry.TRACKING_URI,
        model_name=p.serving.registered_model,
        out="$(SMP_PREDICTIONS_URI)",
        transactions="$(SMP_TRANSACTIONS_URI)",
        last_days=1,
        workers=4,
    )
    digests = p.images
    assert digests is not None
    assert container["image"].endswith("@" + digests.digests["batch-scoring"])
    env = {e["name"]: e for e in container["env"]}
    assert env["SMP_TRANSACTIONS_URI"]["value"].endswith("/transactions.parquet")
    # The predictions zone: a store of its own (never the prediction logs), a prefix per model.
    uris = plan.outputs["storageUris"]
    assert uris["predictions"] != uris["prediction-logs"]
    assert env["SMP_PREDICTIONS_URI"]["value"] == (
        f"{uris['predictions'].rstrip('/')}/batch/{p.serving.registered_model}"
    )
    assert env["MLFLOW_TRACKING_USERNAME"]["valueFrom"]["secretKeyRef"]["name"] == "mlflow-client"
    # Offline features only: no online-store token in the namespace or the pod.
    assert not [
        s
        for s in objects(plan, "Secret", namespace)
        if s["metadata"]["name"] == "online-store-auth"
    ]
    assert "SMP_REDIS_PASSWORD" not in env
    assert {v["name"] for v in spec["volumes"]} >= {"feast-config", "internal-ca"}
    assert "tolerations" not in spec  # CPU scoring


def test_distributed_training_is_an_indexed_torchrun_job(plan_of: Any) -> None:
    from components.k8s import training

    plan = plan_of("aws-uae-prod")
    dist = load_stack_file("aws-uae-prod").platform.training.distributed
    assert dist is not None
    cron = one(plan, "CronJob", training.DISTRIBUTED_JOB)
    assert cron["spec"]["suspend"] is True
    job = cron["spec"]["jobTemplate"]["spec"]
    assert (job["completionMode"], job["completions"], job["parallelism"]) == (
        "Indexed",
        dist.nodes,
        dist.nodes,
    )
    spec = pod_spec(cron)
    assert spec["subdomain"] == training.WORKERS_SERVICE
    command = spec["containers"][0]["command"]
    assert command[0] == "torchrun"
    assert f"--nnodes={dist.nodes}" in command
    assert "--node-rank=$(JOB_COMPLETION_INDEX)" in command
    assert "--master-addr=$(SMP_JOB_NAME)-0.training-workers" in command
    assert command[command.index("-m") + 1] == "workloads.training"
    # Every rank runs the DDP trainer, checkpointing per Job under the artifacts store.
    assert command[command.index("--model-kind") + 1] == "torch_mlp_ddp"
    assert command[command.index("--checkpoint-uri") + 1] == (
        "$(SMP_CHECKPOINTS_URI)/$(SMP_JOB_NAME)"
    )
    env = {e["name"]: e.get("value") for e in spec["containers"][0]["env"]}
    assert env["SMP_CHECKPOINTS_URI"].startswith("s3://")
    assert env["SMP_CHECKPOINTS_URI"].endswith("/training-checkpoints")
    assert job["backoffLimit"] == 3 * dist.nodes
    assert spec["containers"][0]["resources"]["limits"]["nvidia.com/gpu"] == str(dist.gpus_per_node)
    service = one(plan, "Service", training.WORKERS_SERVICE)["spec"]
    assert service["clusterIP"] == "None"
    labels = cron["spec"]["jobTemplate"]["spec"]["template"]["metadata"]["labels"]
    assert all(labels.get(k) == v for k, v in service["selector"].items()), labels
    # Single-node stacks have no distributed job.
    assert [
        c
        for c in objects(plan_of("aws-uae-dev"), "CronJob")
        if c["metadata"]["name"] == training.DISTRIBUTED_JOB
    ] == []


def test_training_model_kinds_match_the_trainer() -> None:
    from typing import get_args

    from platform_spec import Training
    from workloads.training.model import MODEL_KINDS

    assert get_args(Training.model_fields["model_kind"].annotation) == MODEL_KINDS


def test_switched_off_registry_or_feature_store_deploys_only_what_can_run(tmp_path: Any) -> None:
    from smp.offline import plan_stack_offline

    text = (REPO / "stacks" / "Pulumi.aws-uae-dev.yaml").read_text()
    assert "    registry:\n" in text
    assert "    featureStore:\n" in text
    assert "    ingestion:\n" in text
    variants = {
        # ... and ingestion off too: `platform.ingestion.enabled` is its switch.
        "no-registry": text.replace(
            "    registry:\n", "    registry:\n      enabled: false\n"
        ).replace("    ingestion:\n", "    ingestion:\n      enabled: false\n"),
        "no-features": text.replace(
            "    featureStore:\n", "    featureStore:\n      enabled: false\n"
        ),
    }
    # The drift monitors need only the registry (their baseline lives with the model): the
    # streaming one is deployed with the daily CronJob, and waits for a prediction log.
    expected = {
        "no-registry": {"feature-server"},
        # Ingestion needs neither.
        "no-features": {"mlflow", "drift-stream-monitor", "ingestion-stream"},
    }
    for stack, body in variants.items():
        (tmp_path / f"Pulumi.{stack}.yaml").write_text(body)
        plan = plan_stack_offline(stack, stacks_dir=tmp_path)
        names = {d["metadata"]["name"] for d in objects(plan, "Deployment")}
        assert names == expected[stack], stack
        assert objects(plan, "HorizontalPodAutoscaler") == []
        crons = {c["metadata"]["name"] for c in objects(plan, "CronJob")}
        assert "reference-training" not in crons
        assert ("drift-monitor" in crons) is (stack == "no-features")
        assert ("ingestion-batch" in crons) is (stack == "no-features")
        rules = {r["metadata"]["name"] for r in objects(plan, "PrometheusRule")}
        assert ("smp-ingestion" in rules) is (stack == "no-features")


def test_every_ml_alert_has_a_runbook_section(plan_of: Any) -> None:
    root = REPO
    rules = one(plan_of("aws-uae-dev"), "PrometheusRule", "smp-ml-services")
    alerts = [r for g in rules["spec"]["groups"] for r in g["rules"] if "alert" in r]
    assert alerts
    for alert in alerts:
        path, _, anchor = alert["annotations"]["runbook_url"].partition("#")
        text = (root / path).read_text()
        assert f"\n## {anchor}\n" in text, alert["alert"]


@pytest.mark.parametrize("stack", ["aws-uae-dev", "azure-uaenorth-prod"])
def test_mlflow_metrics_are_scraped_from_the_sidecar_not_through_basic_auth(
    plan_of: Any, stack: str
) -> None:
    plan = plan_of(stack)
    spec = pod_spec(one(plan, "Deployment", registry.SERVICE))
    server, sidecar = spec["containers"]
    env = {e["name"]: e.get("value") for e in server["env"]}
    metrics_dir = server["command"][server["command"].index("--expose-prometheus") + 1]
    assert env["PROMETHEUS_MULTIPROC_DIR"] == metrics_dir == registry.METRICS_DIR
    assert sidecar["command"] == commands.metrics_exporter(metrics_dir=metrics_dir, port=9090)
    # Both see the same emptyDir at /tmp.
    for container in (server, sidecar):
        assert {"name": "tmp", "mountPath": "/tmp"} in container["volumeMounts"]
    monitor = one(plan, "ServiceMonitor", registry.SERVICE)["spec"]["endpoints"]
    assert [(e["port"], e.get("scheme", "http")) for e in monitor] == [("metrics", "http")]
    ports = {p["name"]: p["port"] for p in one(plan, "Service", registry.SERVICE)["spec"]["ports"]}
    assert ports == {"https": 5000, "metrics": 9090}
