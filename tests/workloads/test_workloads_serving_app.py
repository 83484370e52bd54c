"""The scoring service through FastAPI's test client (in process)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import TOKEN, Lifecycle
from fastapi.testclient import TestClient

from workloads.serving.ab_assignment import assign_variant
from workloads.serving.app import assemble, create_app
from workloads.serving.online_features import FeatureStoreUnavailable, OnlineFeatureReader
from workloads.serving.prediction_log import read_log
from workloads.serving.registry_models import load_alias
from workloads.serving.settings import ServingSettings, SettingsError

AUTH = {"Authorization": f"Bearer {TOKEN}"}
BODY = {
    "card_id": 100001,
    "amount": 42.5,
    "merchant_category": "grocery",
    "channel": "pos",
    "hour_of_day": 14,
    "distance_from_home_km": 3.0,
}


class SwitchableReader:
    """The real reader, with a switch that makes it behave like an unreachable store."""

    def __init__(self, inner: OnlineFeatureReader) -> None:
        self.inner = inner
        self.down = False

    def fetch(self, card_ids: list[int]) -> list[dict[str, Any] | None]:
        if self.down:
            raise FeatureStoreUnavailable("simulated outage")
        return self.inner.fetch(card_ids)

    def probe(self) -> None:
        self.fetch([0])


@pytest.fixture(scope="module")
def served(
    lifecycle: Lifecycle, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, SwitchableReader, Path]]:
    log_dir = tmp_path_factory.mktemp("predlog")
    settings = ServingSettings(
        tracking_uri=lifecycle.tracking_uri,
        feature_repo=lifecycle.repo,
        prediction_log_uri=str(log_dir),
        challenger_share=0.3,
        token_env="UNUSED",
    )
    reader = SwitchableReader(OnlineFeatureReader(lifecycle.repo))
    champion = load_alias(lifecycle.tracking_uri, "card-fraud", "champion")
    challenger = load_alias(lifecycle.tracking_uri, "card-fraud", "challenger")
    assert champion is not None
    assert challenger is not None
    app = create_app(lambda: assemble(settings, reader, champion, challenger, TOKEN))  # type: ignore[arg-type]
    with TestClient(app) as client:
        yield client, reader, log_dir


def test_health_needs_no_token_but_everything_else_does(served: Any) -> None:
    client, _, _ = served
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").json()["ready"] is True
    for method, path in (("post", "/predict"), ("get", "/metrics"), ("post", "/outcomes")):
        assert getattr(client, method)(path).status_code == 401
    bad = {"Authorization": "Bearer not-the-token"}
    response = client.post("/predict", json=BODY, headers=bad)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert TOKEN not in response.text


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"amount": -3}, "amount"),
        ({"channel": "telepathy"}, "channel"),
        ({"hour_of_day": 24}, "hour_of_day"),
        ({"card_id": "100001"}, "card_id"),
        ({"merchant_category": None}, "merchant_category"),
        ({"unexpected": 1}, "unexpected"),
    ],
)
def test_invalid_input_is_422_naming_the_field(
    served: Any, change: dict[str, Any], field: str
) -> None:
    client, _, _ = served
    response = client.post("/predict", json={**BODY, **change}, headers=AUTH)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == [field]


def test_missing_field_is_422_naming_it(served: Any) -> None:
    client, _, _ = served
    body = {k: v for k, v in BODY.items() if k != "distance_from_home_km"}
    response = client.post("/predict", json=body, headers=AUTH)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "distance_from_home_km"


def test_prediction_carries_variant_and_version_and_is_sticky(
    served: Any, lifecycle: Lifecycle
) -> None:
    client, _, _ = served
    versions = {
        "champion": lifecycle.champion.model_version,
        "challenger": lifecycle.challenger.model_version,
    }
    seen: dict[int, set[str]] = {}
    for card in range(100000, 100250):
        for _ in range(2):
            r = client.post("/predict", json={**BODY, "card_id": card}, headers=AUTH)
            assert r.status_code == 200, r.text
            out = r.json()
            assert 0.0 <= out["score"] <= 1.0
            assert out["model_version"] == versions[out["variant"]]
            assert out["variant"] == assign_variant(card, 0.3, "card-fraud-ab-v1")
            seen.setdefault(card, set()).add(out["variant"])
    assert all(len(v) == 1 for v in seen.values())


def test_ab_split_is_within_tolerance() -> None:
    counts = Counter(assign_variant(i, 0.3, "salt") for i in range(20_000))
    assert counts["challenger"] / 20_000 == pytest.approx(0.3, abs=0.015)
    assert Counter(assign_variant(i, 0.0, "salt") for i in range(1000))["challenger"] == 0


def test_unknown_card_is_404(served: Any) -> None:
    client, _, _ = served
    r = client.post("/predict", json={**BODY, "card_id": 7}, headers=AUTH)
    assert r.status_code == 404
    assert "7" in r.json()["detail"]


def test_feature_store_outage_is_503_and_service_recovers(served: Any) -> None:
    client, reader, _ = served
    reader.down = True
    try:
        r = client.post("/predict", json=BODY, headers=AUTH)
        assert r.status_code == 503
        assert "feature store unavailable" in r.json()["detail"]
        assert client.get("/readyz").status_code == 503
    finally:
        reader.down = False
    assert client.post("/predict", json=BODY, headers=AUTH).status_code == 200
    assert client.get("/readyz").status_code == 200


def test_metrics_are_exposed(served: Any) -> None:
    """Every series it names is produced here, whatever ran before it in this worker."""
    client, reader, _ = served
    variants = set()
    for card in range(100000, 100250):
        r = client.post("/predict", json={**BODY, "card_id": card}, headers=AUTH)
        assert r.status_code == 200, r.text
        variants.add(r.json()["variant"])
        if variants == {"champion", "challenger"}:
            break
    assert variants == {"champion", "challenger"}
    assert client.post("/predict", json={**BODY, "amount": -1}, headers=AUTH).status_code == 422
    reader.down = True
    try:
        assert client.post("/predict", json=BODY, headers=AUTH).status_code == 503
    finally:
        reader.down = False
    text = client.get("/metrics", headers=AUTH).text
    for name in (
        'smp_prediction_latency_seconds_bucket{le="0.005",variant="champion"}',
        "smp_prediction_requests_total",
        'smp_prediction_errors_total{reason="invalid_request"}',
        'smp_prediction_errors_total{reason="feature_store_unavailable"}',
        "smp_feature_fetch_latency_seconds_count",
        'smp_prediction_score_bucket{le="0.05",variant="challenger"}',
        "smp_model_info",
    ):
        assert name in text, name


def test_predictions_and_outcomes_are_logged(served: Any) -> None:
    client, _, log_dir = served
    r = client.post("/predict", json={**BODY, "transaction_id": "tx-1"}, headers=AUTH).json()
    assert (
        client.post(
            "/outcomes", json={"prediction_id": r["prediction_id"], "label": 1}, headers=AUTH
        ).status_code
        == 202
    )
    predictions = read_log(str(log_dir), "predictions")
    outcomes = read_log(str(log_dir), "outcomes")
    row = predictions.set_index("prediction_id").loc[r["prediction_id"]]
    assert row["transaction_id"] == "tx-1"
    assert row["variant"] == r["variant"]
    assert row["amount"] == 42.5
    assert row["card_tier"] in ("standard", "gold", "platinum")
    assert r["prediction_id"] in set(outcomes["prediction_id"])
    partitions = {p.parent.parent.name for p in (log_dir / "predictions").rglob("*.jsonl*")}
    assert all(p.startswith("date=") for p in partitions)


def test_settings_refuse_missing_token_and_bad_share(tmp_path: Path) -> None:
    env = {"SMP_MLFLOW_TRACKING_URI": "x", "SMP_FEATURE_REPO": "r", "SMP_PREDICTION_LOG_URI": "l"}
    with pytest.raises(SettingsError, match="SMP_AUTH_TOKEN"):
        ServingSettings.from_env(env)
    with pytest.raises(SettingsError, match="challenger share"):
        ServingSettings.from_env({**env, "SMP_AUTH_TOKEN": TOKEN, "SMP_CHALLENGER_SHARE": "1.5"})
    short = tmp_path / "token"
    short.write_text("abc")
    with pytest.raises(SettingsError, match="shorter"):
        ServingSettings.from_env({**env, "SMP_AUTH_TOKEN_FILE": str(short)}).read_token()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"card_id": 2**63}, "card_id", "less than or equal to 9007199254740991"),
        ({"card_id": 539.5}, "card_id", "fractional part"),
        ({"amount": "12.5"}, "amount", "JSON number, not a string"),
        ({"hour_of_day": True}, "hour_of_day", "JSON number, not a boolean"),
        ({"amount": float("nan")}, "amount", "finite number"),
        ({"distance_from_home_km": float("inf")}, "distance_from_home_km", "finite number"),
    ],
)
def test_one_strictness_policy_for_every_field(
    served: Any, change: dict[str, Any], field: str, message: str
) -> None:
    import json

    client, _, _ = served
    response = client.post(
        "/predict",
        content=json.dumps({**BODY, **change}),
        headers={**AUTH, "content-type": "application/json"},
    )
    assert response.status_code == 422, response.text
    (error,) = response.json()["errors"]
    assert error["field"] == field
    assert message in error["message"]


def test_integral_numbers_are_integers(served: Any) -> None:
    client, _, _ = served
    r = client.post(
        "/predict", json={**BODY, "card_id": 100001.0, "hour_of_day": 14.0}, headers=AUTH
    )
    assert r.status_code == 200, r.text
    assert r.json()["card_id"] == 100001


def test_outcomes_refuse_unknown_ids_and_invalid_labels(served: Any) -> None:
    client, _, _ = served
    pid = client.post("/predict", json=BODY, headers=AUTH).json()["prediction_id"]
    forged = "0" * 48
    r = client.post("/outcomes", json={"prediction_id": forged, "label": 1}, headers=AUTH)
    assert r.status_code == 404
    assert "unknown prediction_id" in r.json()["detail"]
    for label in (2, -1, True, "1", 0.5):
        r = client.post("/outcomes", json={"prediction_id": pid, "label": label}, headers=AUTH)
        assert r.status_code == 422, (label, r.text)
        assert r.json()["errors"][0]["field"] == "label"
    r = client.post("/outcomes", json={"prediction_id": "not-an-id", "label": 1}, headers=AUTH)
    assert r.status_code == 422
    assert (
        client.post(
            "/outcomes", json={"prediction_id": pid, "label": 1.0}, headers=AUTH
        ).status_code
        == 202
    )


def test_large_bodies_and_non_json_are_refused_before_scoring(served: Any) -> None:
    client, _, _ = served
    big = b'{"card_id": 1, "pad": "' + b"x" * 5_000_000 + b'"}'
    r = client.post("/predict", content=big, headers={**AUTH, "content-type": "application/json"})
    assert r.status_code == 413
    assert "SMP_MAX_REQUEST_BYTES" in r.json()["detail"]
    r = client.post(
        "/v2/models/card-fraud/infer",
        content=big,
        headers={**AUTH, "content-type": "application/json"},
    )
    assert r.status_code == 413
    assert "error" in r.json()
    r = client.post(
        "/predict", content=b"\xff\xfe{", headers={**AUTH, "content-type": "application/json"}
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "body"


def test_the_openapi_document_needs_the_token_and_describes_the_errors(served: Any) -> None:
    client, _, _ = served
    assert client.get("/openapi.json").status_code == 401
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    doc = client.get("/openapi.json", headers=AUTH).json()
    predict = doc["paths"]["/predict"]["post"]["responses"]
    assert set(predict) == {"200", "401", "404", "413", "422", "503"}
    schema_ref = predict["422"]["content"]["application/json"]["schema"]["$ref"]
    assert schema_ref.endswith("/ValidationErrorBody")
    assert "text/plain" in doc["paths"]["/metrics"]["get"]["responses"]["200"]["content"]
    card = doc["components"]["schemas"]["PredictRequest"]["properties"]["card_id"]
    assert (card["type"], card["maximum"]) == ("integer", 2**53 - 1)
    assert "https://" not in client.get("/openapi.json", headers=AUTH).text  # no outside assets
