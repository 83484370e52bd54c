"""Every bad input a clear error: exit 2, the key phrase, no traceback, nothing written.

One table across the `smp` commands. Each case gets a scratch folder holding a copy of
a valid stack and a few broken ones; `{tmp}` in an argument is that folder. Output
paths a case names must not exist afterwards (the refusal comes before any work).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smp.cli import app
from stacks.stack_files import STACKS_DIR

runner = CliRunner()
VALID = (STACKS_DIR / "Pulumi.aws-uae-dev.yaml").read_text()


def _variant(old: str, new: str) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, 1)


# Broken stack files, by name, written next to a valid copy of aws-uae-dev.
STACK_FILES: dict[str, bytes] = {
    "bad-region": _variant("region: me-central-1", "region: me-south-1").encode(),
    "bad-type": _variant("minSize: 1\n", "minSize: two\n").encode(),
    "bad-yaml": _variant("cloud: aws", "cloud: [aws").encode(),
    "latin1": _variant("owner: ml-platform@example.ae", "owner: caf\xe9").encode("latin-1"),
    "dup-key": _variant(
        "    jurisdiction: uae\n", "    jurisdiction: uae\n    cloud: aws\n"
    ).encode(),
    "no-ddp": _variant('  pulumi:disable-default-providers: ["*"]\n', "").encode(),
    "plain-secret": (VALID + "  sovereign-ml-platform:servingApiToken: hunter2hunter2\n").encode(),
    "aws-region-default": (VALID + "  aws:region: eu-west-1\n").encode(),
}

PACKS: dict[str, str] = {
    "pack-unknown-policy": json.dumps({"smp-nope-001": "mandatory"}),
    "pack-bad-level": json.dumps({"all": "sometimes"}),
    "pack-bad-type": json.dumps({"smp-log-003": {"minLogRetentionDays": "long"}}),
    "pack-not-a-date": json.dumps(
        {
            "smp-res-001": {
                "exceptions": [
                    {"resource": "x", "reason": "approved by the DPO", "expires": "not-a-date"}
                ]
            }
        }
    ),
    "pack-impossible-date": json.dumps(
        {
            "smp-res-001": {
                "exceptions": [
                    {"resource": "x", "reason": "approved by the DPO", "expires": "2027-02-30"}
                ]
            }
        }
    ),
    "pack-no-expiry": json.dumps(
        {"smp-res-001": {"exceptions": [{"resource": "x", "reason": "approved by the DPO"}]}}
    ),
    "pack-invalid-json": "{not json",
    "pack-duplicate": '{"smp-log-003": "advisory", "smp-log-003": "mandatory"}',
}


@dataclass
class Bad:
    """One bad input: the arguments, the phrase the error must contain, paths never written."""

    id: str
    args: list[str]
    phrase: str
    never_written: list[str] = field(default_factory=list)


CHECK = ["check", "--stacks-dir", "{tmp}/stacks"]
CASES = [
    # Stacks that do not exist, arguments that do not fit.
    Bad(
        "plan-unknown-stack",
        ["plan", "nope", "--stacks-dir", "{tmp}/stacks"],
        "no stack named 'nope'; stacks: ",
    ),
    Bad("check-unknown-stack", [*CHECK, "nope"], "no stack named 'nope'; stacks: "),
    Bad("check-nothing", CHECK, "name at least one stack"),
    Bad("check-names-and-all", [*CHECK, "aws-uae-dev", "--all"], "not both"),
    Bad("check-bad-format", [*CHECK, "aws-uae-dev", "--format", "xml"], "Invalid value"),
    Bad(
        "check-missing-stacks-dir",
        ["check", "aws-uae-dev", "--stacks-dir", "{tmp}/none"],
        "the stacks folder does not exist",
    ),
    Bad(
        "check-no-project",
        ["check", "aws-uae-dev", "--project", "{tmp}/stacks"],
        "no Pulumi.yaml there",
    ),
    # Stack files that cannot be used.
    Bad(
        "plan-bad-region",
        ["plan", "bad-region", "--stacks-dir", "{tmp}/stacks"],
        "allowed: me-central-1",
    ),
    Bad(
        "plan-bad-type",
        ["plan", "bad-type", "--stacks-dir", "{tmp}/stacks"],
        "platform.nodePools.system.minSize",
    ),
    Bad("plan-bad-yaml", ["plan", "bad-yaml", "--stacks-dir", "{tmp}/stacks"], "not valid YAML"),
    Bad("plan-not-utf8", ["plan", "latin1", "--stacks-dir", "{tmp}/stacks"], "not UTF-8"),
    Bad("check-not-utf8", [*CHECK, "latin1"], "not UTF-8"),
    Bad("stacks-not-utf8", ["stacks", "--stacks-dir", "{tmp}/stacks"], "not UTF-8"),
    Bad(
        "plan-duplicate-key",
        ["plan", "dup-key", "--stacks-dir", "{tmp}/stacks"],
        "duplicate key 'cloud'",
    ),
    Bad("check-default-providers-on", [*CHECK, "no-ddp"], "pulumi:disable-default-providers"),
    Bad("check-plain-secret", [*CHECK, "plain-secret"], "must be a Pulumi secret"),
    Bad(
        "check-provider-region",
        [*CHECK, "aws-region-default"],
        "aws:region: 'eu-west-1' contradicts platform.region",
    ),
    # Policy pack configs.
    Bad(
        "pack-missing",
        [*CHECK, "aws-uae-dev", "--policy-pack-config", "{tmp}/none.json"],
        "file not found",
    ),
    Bad("pack-folder", [*CHECK, "aws-uae-dev", "--policy-pack-config", "{tmp}"], "is a folder"),
    Bad(
        "pack-binary",
        [*CHECK, "aws-uae-dev", "--policy-pack-config", "{tmp}/binary.bin"],
        "not a UTF-8 text file",
    ),
    *[
        Bad(name, [*CHECK, "aws-uae-dev", "--policy-pack-config", f"{{tmp}}/{name}.json"], phrase)
        for name, phrase in (
            ("pack-unknown-policy", "no such policy"),
            ("pack-bad-level", "enforcement level must be one of"),
            ("pack-bad-type", "is not of type 'integer'"),
            ("pack-not-a-date", "'not-a-date' is not a date; expected YYYY-MM-DD"),
            ("pack-impossible-date", "'2027-02-30' is not a calendar date"),
            ("pack-no-expiry", "'expires' is a required property"),
            ("pack-invalid-json", "not valid JSON"),
            ("pack-duplicate", "smp-log-003: given twice"),
        )
    ],
    # Output paths, refused before planning.
    Bad(
        "check-output-missing-folder",
        [*CHECK, "aws-uae-dev", "--output", "{tmp}/none/report.json"],
        "does not exist",
        ["{tmp}/none"],
    ),
    Bad(
        "check-sarif-is-a-folder",
        [*CHECK, "aws-uae-dev", "--sarif", "{tmp}"],
        "Invalid value for '--sarif'",
    ),
    Bad(
        "check-same-file-twice",
        [*CHECK, "aws-uae-dev", "--sarif", "{tmp}/r.txt", "--markdown", "{tmp}/r.txt"],
        "the same file",
        ["{tmp}/r.txt"],
    ),
    Bad(
        "plan-json-missing-folder",
        ["plan", "aws-uae-dev", "--stacks-dir", "{tmp}/stacks", "--json", "{tmp}/none/plan.json"],
        "does not exist",
        ["{tmp}/none"],
    ),
    Bad(
        "controls-output-missing-folder",
        ["controls", "--output", "{tmp}/none/c.md"],
        "does not exist",
        ["{tmp}/none"],
    ),
    Bad(
        "render-into-a-user-folder",
        ["render", "aws-uae-dev", "--stacks-dir", "{tmp}/stacks", "--out", "{tmp}/stacks"],
        "refusing to replace it",
    ),
    # new-stack.
    Bad(
        "new-stack-outside-jurisdiction",
        [
            "new-stack",
            "aws-uae-bh",
            "--cloud",
            "aws",
            "--region",
            "me-south-1",
            "--env",
            "dev",
            "--stacks-dir",
            "{tmp}/stacks",
        ],
        "allowed: me-central-1",
        ["{tmp}/stacks/Pulumi.aws-uae-bh.yaml"],
    ),
    Bad(
        "new-stack-unknown-cloud",
        [
            "new-stack",
            "gcp-uae-dev",
            "--cloud",
            "gcp",
            "--region",
            "me-central2",
            "--env",
            "dev",
            "--stacks-dir",
            "{tmp}/stacks",
        ],
        "is not supported",
        ["{tmp}/stacks/Pulumi.gcp-uae-dev.yaml"],
    ),
    Bad(
        "new-stack-unknown-env",
        [
            "new-stack",
            "aws-uae-qa",
            "--cloud",
            "aws",
            "--region",
            "me-central-1",
            "--env",
            "qa",
            "--stacks-dir",
            "{tmp}/stacks",
        ],
        "is not an environment",
        ["{tmp}/stacks/Pulumi.aws-uae-qa.yaml"],
    ),
    Bad(
        "new-stack-bad-name",
        [
            "new-stack",
            "X",
            "--cloud",
            "aws",
            "--region",
            "me-central-1",
            "--env",
            "dev",
            "--stacks-dir",
            "{tmp}/stacks",
        ],
        "lower-case letters",
    ),
    Bad(
        "new-stack-exists",
        [
            "new-stack",
            "aws-uae-dev",
            "--cloud",
            "aws",
            "--region",
            "me-central-1",
            "--env",
            "dev",
            "--stacks-dir",
            "{tmp}/stacks",
        ],
        "already exists",
    ),
    Bad(
        "new-stack-missing-folder",
        [
            "new-stack",
            "aws-uae-qa",
            "--cloud",
            "aws",
            "--region",
            "me-central-1",
            "--env",
            "dev",
            "--stacks-dir",
            "{tmp}/none",
        ],
        "does not exist",
        ["{tmp}/none"],
    ),
]


def test_the_table_is_as_long_as_promised() -> None:
    assert len(CASES) >= 30
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    stacks = tmp_path / "stacks"
    stacks.mkdir()
    shutil.copy(STACKS_DIR / "Pulumi.aws-uae-dev.yaml", stacks)
    for name, content in STACK_FILES.items():
        (stacks / f"Pulumi.{name}.yaml").write_bytes(content)
    for name, content in PACKS.items():
        (tmp_path / f"{name}.json").write_text(content)
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 4)
    return tmp_path


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_a_bad_input_is_a_clear_error(scratch: Path, case: Bad) -> None:
    args = [a.replace("{tmp}", str(scratch)) for a in case.args]
    result = runner.invoke(app, args)
    output = " ".join(result.output.split())
    assert result.exit_code == 2, output
    assert case.phrase in output, output
    assert "Traceback" not in output
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    for path in case.never_written:
        assert not Path(path.replace("{tmp}", str(scratch))).exists(), path
