"""The property-based API fuzzer (Schemathesis) against the live service on 127.0.0.1.

The service's own OpenAPI document (fetched with the token, as a client would) drives
every phase Schemathesis has (examples, coverage, fuzzing, stateful) with every check
on: no 5xx, every status and content type documented, every body matching its schema,
schema-valid data accepted, schema-invalid data refused, auth enforced, unsupported
methods refused. Fixed seed and at most MAX_EXAMPLES generated cases per operation and
mode (the coverage phase adds the boundary cases the schema defines, ~1,500 cases in all);
``max-time`` caps a run at a minute on a loaded machine.

One check is switched off for one operation: schema-valid data is not always acceptable
to OIP ``infer``, because the protocol's own constraints (the tensor names of the model,
shape times elements, the same number of rows in every input) cannot be written in JSON
Schema; those requests get the protocol's documented 400, which every other check
still judges.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from conftest import TOKEN, Lifecycle

from workloads.local_processes import scoring_service

pytestmark = pytest.mark.timeout(300)
SEED = 20261201
MAX_EXAMPLES = 5


def _config(path: Path) -> Path:
    path.write_text(
        f"""seed = {SEED}
workers = 1
continue-on-failure = true
request-timeout = 10
max-time = 60

[generation]
max-examples = {MAX_EXAMPLES}
database = "none"

[headers]
Authorization = "Bearer {TOKEN}"

[[operations]]
include-path = "/v2/models/{{model_name}}/infer"
checks.positive_data_acceptance.enabled = false
"""
    )
    return path


def test_the_fuzzer_finds_no_failure(lifecycle: Lifecycle, tmp_path: Path) -> None:
    env = {
        "SMP_MLFLOW_TRACKING_URI": lifecycle.tracking_uri,
        "SMP_FEATURE_REPO": str(lifecycle.repo),
        "SMP_PREDICTION_LOG_URI": str(tmp_path / "log"),
        "SMP_AUTH_TOKEN": TOKEN,
        "SMP_CHALLENGER_SHARE": "0.5",
    }
    with scoring_service(env, tmp_path / "server.log") as (url, proc):
        schema = httpx.get(f"{url}/openapi.json", headers={"Authorization": f"Bearer {TOKEN}"})
        assert schema.status_code == 200
        document = schema.json()
        assert {"/predict", "/outcomes", "/metrics", "/v2/models/{model_name}/infer"} <= set(
            document["paths"]
        )
        schema_file = tmp_path / "openapi.json"
        schema_file.write_text(json.dumps(document))
        run = subprocess.run(
            [
                str(Path(sys.executable).with_name("schemathesis")),
                "--config-file",
                str(_config(tmp_path / "schemathesis.toml")),
                "run",
                str(schema_file),
                "--url",
                url,
                "--checks",
                "all",
            ],
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
            env={"PATH": str(Path(sys.executable).parent), "HOME": str(tmp_path), "NO_COLOR": "1"},
        )
        assert proc.poll() is None, "the service died under the fuzzer"
    report = run.stdout[-6000:] + run.stderr[-2000:]
    assert run.returncode == 0, report
    assert " passed" in run.stdout, report
    assert "failure" not in run.stdout.rsplit("SUMMARY", 1)[-1], report
    log = (tmp_path / "server.log").read_text()
    assert "Traceback" not in log, log[-3000:]
    assert TOKEN not in log
