"""Fast checks of the OIP pieces and the batcher, no server: the committed gRPC stubs are
the proto's, raw tensors round-trip, every row goes through the one input policy, and the
batcher's queue bound and deadline hold."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import pytest

from workloads.serving.oip import generate
from workloads.serving.oip.tensors import (
    InputTensor,
    InvalidInferRequest,
    decode_raw,
    encode_raw,
    flatten,
    rows_from_inputs,
)
from workloads.serving.scoring import (
    DeadlineExceeded,
    MicroBatcher,
    Overloaded,
    is_issued,
    new_prediction_id,
    prediction_id_key,
)
from workloads.serving.settings import ServingSettings, SettingsError


def test_the_committed_stubs_are_generated_from_the_committed_proto(tmp_path: Path) -> None:
    fresh = generate.generate(tmp_path)
    for path in fresh:
        committed = generate.PROTO.parent / path.name
        assert committed.read_text() == path.read_text(), (
            f"{committed.name} is stale: run `make oip-stubs`"
        )


def test_the_proto_is_kserves_with_its_licence() -> None:
    text = generate.PROTO.read_text()
    assert "Licensed under the Apache License, Version 2.0" in text
    assert "package inference;" in text
    assert "service GRPCInferenceService" in text
    for rpc in (
        "ServerLive",
        "ServerReady",
        "ModelReady",
        "ServerMetadata",
        "ModelMetadata",
        "ModelInfer",
    ):
        assert f"rpc {rpc}(" in text


@pytest.mark.parametrize(
    ("datatype", "values"),
    [
        ("INT64", [1, -2, 2**40]),
        ("FP64", [0.5, -1e300]),
        ("FP32", [0.5, 2.0]),
        ("UINT8", [0, 255]),
        ("BYTES", [b"fuel", b"", "caf\u00e9".encode()]),
    ],
)
def test_raw_contents_round_trip(datatype: str, values: list) -> None:
    assert decode_raw("x", datatype, encode_raw(datatype, values)) == values


def test_truncated_raw_bytes_are_refused_naming_the_input() -> None:
    raw = encode_raw("BYTES", [b"online"])[:-2]
    with pytest.raises(InvalidInferRequest, match="'channel': truncated"):
        decode_raw("channel", "BYTES", raw)
    with pytest.raises(InvalidInferRequest, match="'amount'"):
        decode_raw("amount", "FP64", b"\x00" * 7)


def test_nested_data_is_flattened_row_major() -> None:
    assert flatten([[1, 2], [3, [4, 5]]]) == [1, 2, 3, 4, 5]
    assert flatten([1, 2]) == [1, 2]


def _tensors(**change: list) -> list[InputTensor]:
    columns = {
        "card_id": ("INT64", [1, 2]),
        "amount": ("FP64", [5.0, 6.0]),
        "merchant_category": ("BYTES", [b"fuel", b"travel"]),
        "channel": ("BYTES", [b"pos", b"atm"]),
        "hour_of_day": ("INT64", [1, 2]),
        "distance_from_home_km": ("FP64", [0.0, 3.5]),
    }
    for name, values in change.items():
        columns[name] = (columns[name][0], values)
    return [InputTensor(n, d, (len(v),), v) for n, (d, v) in columns.items()]


def test_rows_follow_the_json_apis_policy() -> None:
    rows = rows_from_inputs(_tensors(), max_rows=10)
    assert [r.card_id for r in rows] == [1, 2]
    assert rows[1].merchant_category == "travel"
    assert rows_from_inputs(_tensors(hour_of_day=[1.0, 2.0]), 10)[0].hour_of_day == 1
    for change, needle in (
        ({"hour_of_day": [1.5, 2]}, "'hour_of_day' row 0"),
        ({"amount": [float("nan"), 1.0]}, "'amount' row 0"),
        ({"card_id": [1, 2**53]}, "'card_id' row 1"),
        ({"channel": [b"pos", b"\xff"]}, "'channel': BYTES element is not UTF-8"),
    ):
        with pytest.raises(InvalidInferRequest, match=needle):
            rows_from_inputs(_tensors(**change), 10)
    with pytest.raises(InvalidInferRequest, match="at most 1 are allowed"):
        rows_from_inputs(_tensors(), max_rows=1)


def test_prediction_ids_are_recognised_only_with_the_same_key() -> None:
    key = prediction_id_key("a-token-of-sufficient-length")
    pid = new_prediction_id(key)
    assert len(pid) == 48
    assert is_issued(key, pid)
    assert not is_issued(prediction_id_key("another-token-entirely-here"), pid)
    assert not is_issued(key, pid[:-1] + ("0" if pid[-1] != "0" else "1"))


def test_the_queue_is_bounded_and_late_rows_are_never_scored() -> None:
    release = threading.Event()
    scored: list[int] = []

    def work(items: list[int]) -> list[int]:
        release.wait(5)
        scored.extend(items)
        return items

    async def scenario() -> tuple[list, BaseException | None]:
        batcher = MicroBatcher(work, max_batch=1, max_queue=3, deadline=0.2)
        first = asyncio.ensure_future(batcher.submit(1))  # taken by the scoring thread
        await asyncio.sleep(0.05)
        waiting = [asyncio.ensure_future(batcher.submit(i)) for i in (2, 3, 4)]
        await asyncio.sleep(0.01)
        refused: BaseException | None = None
        try:
            await batcher.submit(5)
        except Overloaded as exc:
            refused = exc
        await asyncio.sleep(0.3)  # rows 2-4 are now past their deadline
        release.set()
        results = await asyncio.gather(first, *waiting, return_exceptions=True)
        await batcher.drain()
        batcher.close()
        return results, refused

    results, refused = asyncio.run(scenario())
    assert isinstance(refused, Overloaded)
    assert results[0] == 1
    assert all(isinstance(r, DeadlineExceeded) for r in results[1:])
    assert scored == [1]


def test_a_batch_waits_for_more_rows_only_with_a_delay() -> None:
    sizes: list[int] = []

    def work(items: list[int]) -> list[int]:
        sizes.append(len(items))
        return items

    async def burst(delay: float) -> None:
        batcher = MicroBatcher(work, max_batch=8, max_delay=delay)
        first = asyncio.ensure_future(batcher.submit(0))
        await asyncio.sleep(0.002)
        rest = [asyncio.ensure_future(batcher.submit(i)) for i in range(1, 8)]
        await asyncio.gather(first, *rest)
        batcher.close()

    asyncio.run(burst(0.05))
    assert sizes == [8]
    sizes.clear()
    started = time.perf_counter()
    asyncio.run(burst(0.0))
    assert sizes[0] == 1
    assert time.perf_counter() - started < 1


def test_settings_profiles_and_bounds() -> None:
    env = {
        "SMP_MLFLOW_TRACKING_URI": "x",
        "SMP_FEATURE_REPO": "r",
        "SMP_PREDICTION_LOG_URI": "l",
        "SMP_AUTH_TOKEN": "t" * 20,
    }
    cpu = ServingSettings.from_env(env)
    gpu = ServingSettings.from_env(env, profile="gpu")
    assert (cpu.max_batch, cpu.batch_delay_ms) == (16, 0.0)
    assert (gpu.max_batch, gpu.batch_delay_ms, gpu.queue_limit) == (256, 2.0, 8192)
    assert ServingSettings.from_env({**env, "SMP_MAX_BATCH": "32"}, profile="gpu").max_batch == 32
    with pytest.raises(SettingsError, match="SMP_QUEUE_LIMIT must be a positive number"):
        ServingSettings.from_env({**env, "SMP_QUEUE_LIMIT": "0"})
    with pytest.raises(SettingsError, match="SMP_REGISTRY_TIMEOUT_SECONDS must be a finite"):
        ServingSettings.from_env({**env, "SMP_REGISTRY_TIMEOUT_SECONDS": "inf"})
    with pytest.raises(SettingsError, match="SMP_MLFLOW_TRACKING_URI is not set"):
        ServingSettings.from_env({k: v for k, v in env.items() if k != "SMP_MLFLOW_TRACKING_URI"})


def test_the_serving_argv_gains_grpc_and_the_gpu_profile_only_when_asked() -> None:
    from workloads.contract import commands

    plain = commands.serving(8080)
    assert plain == ["python", "-m", "workloads.serving", "--host", "0.0.0.0", "--port", "8080"]
    full = commands.serving(8080, grpc_port=commands.SERVING_GRPC_PORT, batch_profile="gpu")
    assert full == [*plain, "--grpc-port", "8081", "--batch-profile", "gpu"]
    from workloads.serving.__main__ import _parser

    parsed = _parser().parse_args(full[3:])
    assert (parsed.grpc_port, parsed.batch_profile) == (8081, "gpu")


def test_the_batch_scoring_argv_is_what_its_cli_parses() -> None:
    from workloads.batch_scoring.__main__ import _parser
    from workloads.contract import commands

    argv = commands.batch_scoring(
        feature_repo="/repo",
        tracking_uri="https://mlflow",
        model_name="card-fraud",
        out="s3://predictions/batch",
        transactions="s3://raw/tx.parquet",
        start="2025-02-01",
        end="2025-02-08",
        workers=4,
    )
    args = _parser().parse_args(argv[3:])
    assert (args.workers, args.alias, args.out) == (4, "champion", "s3://predictions/batch")
    assert args.worker_index is None  # taken from JOB_COMPLETION_INDEX in the pod
    with pytest.raises(ValueError, match="exactly one"):
        commands.batch_scoring(feature_repo="/r", tracking_uri="u", model_name="m", out="o")
