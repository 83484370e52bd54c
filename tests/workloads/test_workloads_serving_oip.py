"""The Open Inference Protocol on the real service (uvicorn + gRPC on 127.0.0.1, Redis online).

The same rows go through the JSON API, OIP over REST and OIP over gRPC (typed and raw
contents): same scores, same sticky variant, same model version. Then auth, invalid
input, a Redis outage and recovery, and SIGTERM under load on all three endpoints at
once: every acknowledged prediction is in the log.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
import httpx
import pytest
from conftest import TOKEN, Lifecycle, RedisServer

from workloads.local_processes import free_port, scoring_service
from workloads.serving.ab_assignment import assign_variant
from workloads.serving.oip import client as oip
from workloads.serving.oip import grpc_predict_v2_pb2 as pb
from workloads.serving.oip import grpc_predict_v2_pb2_grpc as pb_grpc
from workloads.serving.prediction_log import read_log

pytestmark = pytest.mark.timeout(300)
AUTH = {"Authorization": f"Bearer {TOKEN}"}
JSON_AUTH = {**AUTH, "content-type": "application/json"}
MODEL = "card-fraud"
INFER = f"/v2/models/{MODEL}/infer"
SHARE = 0.5
SALT = "card-fraud-ab-v1"


def body(card: int, **change: Any) -> dict[str, Any]:
    """A JSON API request body for ``card``."""
    return {
        "card_id": card,
        "amount": 10.0 + card % 97,
        "merchant_category": "travel",
        "channel": "online",
        "hour_of_day": card % 24,
        "distance_from_home_km": float(card % 50),
        **change,
    }


@dataclass
class Served:
    url: str
    grpc_target: str
    proc: subprocess.Popen[bytes]
    log_dir: Path
    server_log: Path

    def stub(self) -> tuple[grpc.Channel, pb_grpc.GRPCInferenceServiceStub]:
        channel = grpc.insecure_channel(self.grpc_target)
        return channel, pb_grpc.GRPCInferenceServiceStub(channel)


@pytest.fixture(scope="module")
def served(
    lifecycle: Lifecycle, redis_repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("oip")
    token_file = root / "token"
    token_file.write_text(TOKEN)
    env = {
        "SMP_MLFLOW_TRACKING_URI": lifecycle.tracking_uri,
        "SMP_FEATURE_REPO": str(redis_repo),
        "SMP_PREDICTION_LOG_URI": str(root / "log"),
        "SMP_AUTH_TOKEN_FILE": str(token_file),
        "SMP_CHALLENGER_SHARE": str(SHARE),
        "SMP_LOG_ROTATE_RECORDS": "500",
    }
    grpc_port = free_port()
    log = root / "server.log"
    with scoring_service(env, log, grpc_port=grpc_port) as (url, proc):
        yield Served(url, f"127.0.0.1:{grpc_port}", proc, root / "log", log)


def test_json_rest_and_grpc_give_the_same_predictions_and_variants(
    served: Served, lifecycle: Lifecycle
) -> None:
    versions = {
        "champion": lifecycle.champion.model_version,
        "challenger": lifecycle.challenger.model_version,
    }
    cards = list(range(100000, 100040))
    rows = [body(c) for c in cards]
    json_out = [httpx.post(f"{served.url}/predict", json=r, headers=AUTH).json() for r in rows]
    # One OIP request per row (as a single-row caller sends) and one holding every row.
    rest_single = [
        oip.rest_rows(
            httpx.post(f"{served.url}{INFER}", json=oip.rest_request([r]), headers=AUTH).json()
        )[0]
        for r in rows
    ]
    answer = httpx.post(f"{served.url}{INFER}", json=oip.rest_request(rows, "req-1"), headers=AUTH)
    assert answer.status_code == 200, answer.text
    assert answer.json()["id"] == "req-1"
    assert answer.json()["model_name"] == MODEL
    rest_batch = oip.rest_rows(answer.json())
    channel, stub = served.stub()
    with channel:
        meta = oip.grpc_metadata(TOKEN)
        grpc_typed = oip.grpc_rows(stub.ModelInfer(oip.grpc_request(rows, MODEL), metadata=meta))
        grpc_raw_response = stub.ModelInfer(oip.grpc_request(rows, MODEL, raw=True), metadata=meta)
        assert grpc_raw_response.raw_output_contents, "raw requests get raw answers"
        grpc_raw = oip.grpc_rows(grpc_raw_response)
    for i, card in enumerate(cards):
        expected_variant = assign_variant(card, SHARE, SALT)
        reference = json_out[i]
        assert reference["variant"] == expected_variant
        assert reference["model_version"] == versions[expected_variant]
        for name, got in (
            ("rest", rest_single[i]),
            ("rest-batch", rest_batch[i]),
            ("grpc", grpc_typed[i]),
            ("grpc-raw", grpc_raw[i]),
        ):
            assert got["variant"] == expected_variant, (name, card)
            assert got["model_version"] == reference["model_version"], (name, card)
            assert got["score"] == pytest.approx(reference["score"], abs=1e-12), (name, card)
            assert got["prediction_id"] != reference["prediction_id"]
    assert {assign_variant(c, SHARE, SALT) for c in cards} == {"champion", "challenger"}
    logged = set(read_log(str(served.log_dir), "predictions")["prediction_id"])
    every = [
        r["prediction_id"] for r in (*json_out, *rest_single, *rest_batch, *grpc_typed, *grpc_raw)
    ]
    assert set(every) <= logged


def test_health_and_metadata_on_both_transports(served: Served, lifecycle: Lifecycle) -> None:
    assert httpx.get(f"{served.url}/v2/health/live").status_code == 200
    assert httpx.get(f"{served.url}/v2/health/ready").status_code == 200
    assert httpx.get(f"{served.url}/v2/models/{MODEL}/ready").status_code == 200
    champion = lifecycle.champion.model_version
    assert httpx.get(f"{served.url}/v2/models/{MODEL}/versions/{champion}/ready").status_code == 200
    assert httpx.get(f"{served.url}/v2/models/{MODEL}/versions/999/ready").status_code == 404
    assert httpx.get(f"{served.url}/v2/models/other/ready").status_code == 404
    meta = httpx.get(f"{served.url}/v2/models/{MODEL}", headers=AUTH).json()
    assert sorted(meta["versions"]) == sorted({champion, lifecycle.challenger.model_version})
    assert [t["name"] for t in meta["inputs"]][:2] == ["card_id", "amount"]
    assert httpx.get(f"{served.url}/v2", headers=AUTH).json()["name"] == "smp-scoring"
    channel, stub = served.stub()
    with channel:
        assert stub.ServerLive(pb.ServerLiveRequest()).live
        assert stub.ServerReady(pb.ServerReadyRequest()).ready
        assert stub.ModelReady(pb.ModelReadyRequest(name=MODEL)).ready
        assert not stub.ModelReady(pb.ModelReadyRequest(name="other")).ready
        grpc_meta = stub.ModelMetadata(
            pb.ModelMetadataRequest(name=MODEL), metadata=oip.grpc_metadata(TOKEN)
        )
        assert sorted(grpc_meta.versions) == sorted(meta["versions"])
        with pytest.raises(grpc.RpcError) as missing:
            stub.ModelMetadata(
                pb.ModelMetadataRequest(name="other"), metadata=oip.grpc_metadata(TOKEN)
            )
        assert missing.value.code() == grpc.StatusCode.NOT_FOUND


def test_the_token_is_required_on_rest_and_grpc(served: Served) -> None:
    request = oip.rest_request([body(100001)])
    for headers in ({}, {"Authorization": "Bearer wrong-token-of-some-length"}):
        r = httpx.post(f"{served.url}{INFER}", json=request, headers=headers)
        assert r.status_code == 401
        assert "bearer token" in r.json()["error"]
        assert httpx.get(f"{served.url}/v2/models/{MODEL}", headers=headers).status_code == 401
    assert httpx.get(f"{served.url}/openapi.json").status_code == 401
    assert httpx.get(f"{served.url}/docs").status_code == 404
    channel, stub = served.stub()
    with channel:
        for metadata in (
            (),
            (("authorization", "Bearer wrong-token-of-some-length"),),
            (("authorization", TOKEN),),
        ):
            with pytest.raises(grpc.RpcError) as refused:
                stub.ModelInfer(oip.grpc_request([body(100001)], MODEL), metadata=metadata)
            assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED
        with pytest.raises(grpc.RpcError) as refused:
            stub.ServerMetadata(pb.ServerMetadataRequest())
        assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED
    assert TOKEN not in served.server_log.read_text()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"card_id": 2**63}, "card_id"),
        ({"amount": float("nan")}, "amount"),
        ({"amount": 0.0}, "amount"),
        ({"hour_of_day": 24}, "hour_of_day"),
        ({"channel": "telepathy"}, "channel"),
    ],
)
def test_out_of_range_input_is_refused_naming_the_field_on_every_endpoint(
    served: Served, change: dict[str, Any], field: str
) -> None:
    row = body(100003, **change)
    # NaN travels as the JSON literal Python's parser (and so the server's) accepts.
    r = httpx.post(f"{served.url}/predict", content=json.dumps(row), headers=JSON_AUTH)
    assert r.status_code == 422, r.text
    assert [e["field"] for e in r.json()["errors"]] == [field]
    rest = oip.rest_request([row])
    if field == "card_id":  # JSON can carry 2**63, OIP's INT64 cannot: sent as FP64 there
        rest["inputs"][0]["datatype"] = "FP64"
    r = httpx.post(f"{served.url}{INFER}", content=json.dumps(rest), headers=JSON_AUTH)
    assert r.status_code == 400, r.text
    assert f"'{field}'" in r.json()["error"]
    if field == "card_id":
        return
    channel, stub = served.stub()
    with channel, pytest.raises(grpc.RpcError) as refused:
        stub.ModelInfer(oip.grpc_request([row], MODEL), metadata=oip.grpc_metadata(TOKEN))
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert f"'{field}'" in (refused.value.details() or "")


def test_malformed_oip_requests_are_400_naming_the_problem(served: Served) -> None:
    good = oip.rest_request([body(100004), body(100005)])
    cases = {
        "missing input tensors: channel": {
            "inputs": [t for t in good["inputs"] if t["name"] != "channel"]
        },
        "different numbers of rows": {
            "inputs": [{**good["inputs"][0], "shape": [1], "data": [100004]}, *good["inputs"][1:]]
        },
        "'colour' is not an input": {
            "inputs": [
                *good["inputs"],
                {"name": "colour", "shape": [2], "datatype": "BYTES", "data": ["a", "b"]},
            ]
        },
        "does not match": {"inputs": [{**good["inputs"][0], "shape": [3]}, *good["inputs"][1:]]},
        "'amount' row 0": {
            "inputs": [
                good["inputs"][0],
                {**good["inputs"][1], "data": ["12.5", 3.0]},
                *good["inputs"][2:],
            ]
        },
    }
    for needle, request in cases.items():
        r = httpx.post(f"{served.url}{INFER}", json=request, headers=AUTH)
        assert r.status_code == 400, (needle, r.text)
        assert needle in r.json()["error"], (needle, r.json())
    r = httpx.post(f"{served.url}/v2/models/other/infer", json=good, headers=AUTH)
    assert r.status_code == 404
    r = httpx.post(f"{served.url}{INFER}", json={**good, "inputs": []}, headers=AUTH)
    assert r.status_code == 400
    unknown = oip.rest_request([body(7)])
    r = httpx.post(f"{served.url}{INFER}", json=unknown, headers=AUTH)
    assert r.status_code == 404
    assert "card_id 7" in r.json()["error"]


def test_redis_outage_is_503_and_unavailable_then_recovers(
    served: Served, redis_server: RedisServer
) -> None:
    request = oip.rest_request([body(100006)])
    channel, stub = served.stub()
    with channel:
        redis_server.stop()
        try:
            r = httpx.post(f"{served.url}{INFER}", json=request, headers=AUTH, timeout=10)
            assert r.status_code == 503
            assert "feature store unavailable" in r.json()["error"]
            assert httpx.get(f"{served.url}/v2/health/ready", timeout=10).status_code == 400
            with pytest.raises(grpc.RpcError) as down:
                stub.ModelInfer(
                    oip.grpc_request([body(100006)], MODEL),
                    metadata=oip.grpc_metadata(TOKEN),
                    timeout=10,
                )
            assert down.value.code() == grpc.StatusCode.UNAVAILABLE
            assert not stub.ServerReady(pb.ServerReadyRequest(), timeout=10).ready
        finally:
            redis_server.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            r = httpx.post(f"{served.url}{INFER}", json=request, headers=AUTH, timeout=10)
            if r.status_code == 200:
                break
            time.sleep(0.2)
        assert r.status_code == 200, r.text
        answer = stub.ModelInfer(
            oip.grpc_request([body(100006)], MODEL), metadata=oip.grpc_metadata(TOKEN), timeout=10
        )
        assert oip.grpc_rows(answer)[0]["score"] == pytest.approx(
            oip.rest_rows(r.json())[0]["score"]
        )
        assert stub.ServerReady(pb.ServerReadyRequest(), timeout=10).ready


def test_sigterm_under_load_on_every_endpoint_loses_no_acknowledged_prediction(
    served: Served,
) -> None:
    acknowledged: dict[str, list[str]] = {"json": [], "oip-rest": [], "oip-grpc": []}
    lock = threading.Lock()
    stop = threading.Event()

    def card(offset: int, i: int) -> int:
        return 100000 + (offset * 37 + i) % 240

    def json_client(offset: int) -> None:
        with httpx.Client(base_url=served.url, headers=AUTH, timeout=10) as c:
            i = 0
            while not stop.is_set():
                try:
                    r = c.post("/predict", json=body(card(offset, i)))
                except httpx.HTTPError:
                    return
                if r.status_code == 200:
                    with lock:
                        acknowledged["json"].append(r.json()["prediction_id"])
                i += 1

    def rest_client(offset: int) -> None:
        with httpx.Client(base_url=served.url, headers=AUTH, timeout=10) as c:
            i = 0
            while not stop.is_set():
                rows = [body(card(offset, i)), body(card(offset, i + 1))]
                try:
                    r = c.post(INFER, json=oip.rest_request(rows))
                except httpx.HTTPError:
                    return
                if r.status_code == 200:
                    with lock:
                        acknowledged["oip-rest"] += [
                            x["prediction_id"] for x in oip.rest_rows(r.json())
                        ]
                i += 2

    def grpc_client(offset: int) -> None:
        channel, stub = served.stub()
        with channel:
            i = 0
            while not stop.is_set():
                try:
                    answer = stub.ModelInfer(
                        oip.grpc_request([body(card(offset, i))], MODEL),
                        metadata=oip.grpc_metadata(TOKEN),
                        timeout=10,
                    )
                except grpc.RpcError:
                    if stop.is_set() or served.proc.poll() is not None:
                        return
                    continue  # refused while shutting down: nothing acknowledged
                with lock:
                    acknowledged["oip-grpc"] += [x["prediction_id"] for x in oip.grpc_rows(answer)]
                i += 1

    threads = [
        threading.Thread(target=f, args=(n,))
        for n, f in enumerate(
            [json_client, json_client, rest_client, rest_client, grpc_client, grpc_client]
        )
    ]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline:
        with lock:
            if all(len(v) >= 100 for v in acknowledged.values()):
                break
        time.sleep(0.05)
    os.kill(served.proc.pid, signal.SIGTERM)
    assert served.proc.wait(timeout=60) in (0, -signal.SIGTERM)
    stop.set()
    for t in threads:
        t.join(timeout=30)
    assert all(len(v) >= 100 for v in acknowledged.values()), {
        k: len(v) for k, v in acknowledged.items()
    }
    logged = set(read_log(str(served.log_dir), "predictions")["prediction_id"])
    for endpoint, ids in acknowledged.items():
        missing = set(ids) - logged
        assert not missing, f"{endpoint}: {len(missing)} acknowledged predictions not logged"
    assert not list(served.log_dir.rglob("*.open")), "segments were not sealed on shutdown"
