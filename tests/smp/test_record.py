"""`smp record`: the residency and transfer record, read from the offline plan.

The shipped stacks' records come from the session's shared plans (`plan_of`); the
cross-border cases are small real programs planned under the mock engine, so the
flows are read from what pulumi-aws / pulumi-azure-native register, and judged by
the same gate `smp check` runs (RES-020, and RES-019 in a regulated sector).
"""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path

import pulumi
import pulumi_aws as aws
import pulumi_azure_native as azure_native
import pytest
from typer.testing import CliRunner

from policies.data_flows import STORE_TYPES
from smp.cli import app
from smp.gate import evaluate_plan
from smp.offline import Plan, plan_program
from smp.record import build_record, to_html, to_json, to_markdown
from stacks.stack_files import load_stack_file
from tests.policies.builders import BANKING_TAGS, GENERAL_TAGS, rule

runner = CliRunner()


def _record_of(plan_of: object, stack: str) -> dict:
    p = load_stack_file(stack).platform
    return build_record(plan_of(stack), p.jurisdiction, p.sector)  # type: ignore[operator]


@pytest.mark.parametrize(
    "stack", ["aws-uae-prod", "aws-uae-dev", "azure-uaenorth-prod", "azure-uaecentral-dr"]
)
def test_the_record_lists_every_store_the_plan_has(plan_of: object, stack: str) -> None:
    plan: Plan = plan_of(stack)  # type: ignore[operator]
    record = _record_of(plan_of, stack)
    in_plan = {r.urn: r.type for r in plan.resources if r.type in STORE_TYPES}
    assert in_plan, "every shipped stack holds data"
    assert {s["urn"]: s["type"] for s in record["stores"]} == in_plan
    for store in record["stores"]:
        assert store["location"] is not None, store["urn"]
        assert store["encryption"], store["urn"]
    # Workload object stores say who reads and writes them, down to the service account.
    buckets = [s for s in record["stores"] if s["kind"] in ("object store", "object container")]
    assert any(g["workloads"] for s in buckets for g in s["grants"])
    assert record["sector"]["id"] == load_stack_file(stack).platform.sector
    # Every flow of a shipped stack stays in the UAE, and the record says so.
    assert record["flows"]
    assert {f["verdict"] for f in record["flows"]} == {"in jurisdiction"}
    assert record["verdict"] == "pass"


def test_the_record_names_the_flows_a_stack_has(plan_of: object) -> None:
    kinds = {f["kind"] for f in _record_of(plan_of, "azure-uaenorth-prod")["flows"]}
    assert {"log sink", "private endpoint", "geo-redundancy", "backup"} <= kinds
    kinds = {f["kind"] for f in _record_of(plan_of, "aws-uae-prod")["flows"]}
    assert {"log sink", "private endpoint", "backup"} <= kinds


def _provider(name: str, region: str) -> pulumi.ResourceOptions:
    return pulumi.ResourceOptions(provider=aws.Provider(name, region=region))


def _s3_replication_to_ireland(tags: dict[str, str]) -> Plan:
    def program() -> None:
        uae = _provider("uae", "me-central-1")
        ireland = _provider("ireland", "eu-west-1")
        source = aws.s3.Bucket("models", bucket="smp-models", tags=tags, opts=uae)
        replica = aws.s3.Bucket("models-eu", bucket="smp-models-eu", tags=tags, opts=ireland)
        aws.s3.BucketReplicationConfig(
            "models-repl",
            bucket=source.id,
            role="arn:aws:iam::123456789012:role/repl",
            rules=[
                aws.s3.BucketReplicationConfigRuleArgs(
                    id="everything",
                    status="Enabled",
                    destination=aws.s3.BucketReplicationConfigRuleDestinationArgs(
                        bucket=replica.arn
                    ),
                )
            ],
            opts=uae,
        )

    return plan_program(program, stack="record-test", default_region="me-central-1")


def _waiver(expires: dt.date) -> dict:
    return {
        "smp-res-020": {
            "exceptions": [
                {
                    "resource": "models-repl",
                    "reason": "DPO-approved transfer, SCCs signed",
                    "expires": expires.isoformat(),
                }
            ]
        }
    }


def test_an_s3_replication_to_ireland_fails_the_gate_and_the_record() -> None:
    plan = _s3_replication_to_ireland(GENERAL_TAGS)
    found = evaluate_plan(plan, [rule("RES-020")])
    assert [v.resource_type for v in found] == [
        "aws:s3/bucketReplicationConfig:BucketReplicationConfig"
    ]
    assert "replication from smp-models to smp-models-eu leaves United Arab Emirates" in (
        found[0].message
    )
    record = build_record(plan, "uae", "general")
    leaving = [f for f in record["flows"] if f["leaves"]]
    assert [(f["kind"], f["location"], f["verdict"]) for f in leaving] == [
        ("replication", "eu-west-1", "outside")
    ]
    assert leaving[0]["status"] == "leaves: violation (no unexpired exception)"
    assert record["verdict"] == "fail"


def test_an_unexpired_exception_waives_the_flow_and_the_record_lists_it() -> None:
    plan = _s3_replication_to_ireland(GENERAL_TAGS)
    config = _waiver(dt.date.today() + dt.timedelta(days=30))
    assert evaluate_plan(plan, [rule("RES-020")], config) == []
    record = build_record(plan, "uae", "general", config)
    assert record["verdict"] == "pass"
    [flow] = [f for f in record["flows"] if f["leaves"]]
    assert flow["status"] == "leaves: waived by an unexpired exception"
    [waiver] = [e for e in record["exceptions"] if e["rule"] == "RES-020"]
    assert waiver["reason"] == "DPO-approved transfer, SCCs signed"
    assert waiver["expires"] == config["smp-res-020"]["exceptions"][0]["expires"]


def test_an_expired_exception_waives_nothing() -> None:
    plan = _s3_replication_to_ireland(GENERAL_TAGS)
    config = _waiver(dt.date.today() - dt.timedelta(days=1))
    messages = [v.message for v in evaluate_plan(plan, [rule("RES-020")], config)]
    assert any("expired on" in m for m in messages)
    assert build_record(plan, "uae", "general", config)["verdict"] == "fail"


def test_a_bank_cannot_waive_the_transfer() -> None:
    """In the banking sector RES-019 reports what the exception waived for RES-020."""
    plan = _s3_replication_to_ireland(BANKING_TAGS)
    config = _waiver(dt.date.today() + dt.timedelta(days=30))
    assert evaluate_plan(plan, [rule("RES-020")], config) == []
    found = evaluate_plan(plan, [rule("RES-019")], config)
    assert any(
        v.message.startswith("[RES-019] RES-020 finds: replication from smp-models")
        and "sector 'banking' accepts no exception" in v.message
        for v in found
    )


def test_an_azure_object_replication_to_westeurope_fails() -> None:
    def program() -> None:
        north = pulumi.ResourceOptions(provider=azure_native.Provider("north", location="uaenorth"))
        europe = pulumi.ResourceOptions(
            provider=azure_native.Provider("europe", location="westeurope")
        )
        source = azure_native.storage.StorageAccount(
            "features",
            account_name="smpfeatures",
            resource_group_name="smp",
            location="uaenorth",
            kind="StorageV2",
            sku={"name": "Standard_ZRS"},
            tags=GENERAL_TAGS,
            opts=north,
        )
        target = azure_native.storage.StorageAccount(
            "features-eu",
            account_name="smpfeatureseu",
            resource_group_name="smp-eu",
            location="westeurope",
            kind="StorageV2",
            sku={"name": "Standard_ZRS"},
            tags=GENERAL_TAGS,
            opts=europe,
        )
        azure_native.storage.ObjectReplicationPolicy(
            "features-orp",
            account_name=source.name,
            resource_group_name="smp",
            object_replication_policy_id="default",
            source_account=source.id,
            destination_account=target.id,
            rules=[{"source_container": "offline-store", "destination_container": "copy"}],
            opts=north,
        )

    plan = plan_program(program, stack="record-test", default_region="uaenorth")
    found = evaluate_plan(plan, [rule("RES-020")])
    assert [v.resource_type for v in found] == ["azure-native:storage:ObjectReplicationPolicy"]
    assert "westeurope" in found[0].message
    record = build_record(plan, "uae", "general")
    assert record["verdict"] == "fail"
    assert {s["name"] for s in record["stores"]} == {"smpfeatures", "smpfeatureseu"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.seen: set[str] = set()

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in ("meta", "br"):
            self.open.append(tag)
        self.seen.add(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open, f"</{tag}> closes nothing"
        assert self.open[-1] == tag, f"</{tag}> closes <{self.open[-1]}>"
        self.open.pop()


def test_the_formats_render_the_same_record(plan_of: object) -> None:
    record = _record_of(plan_of, "azure-uaecentral-dr")
    assert json.loads(to_json(record)) == json.loads(json.dumps(record))
    page = _Tags()
    page.feed(to_html(record))
    assert page.open == []
    assert {"table", "h1", "h2"} <= page.seen
    markdown = to_markdown(record)
    for store in record["stores"]:
        assert store["name"] in markdown
    assert markdown.count("\n| ") >= len(record["stores"]) + len(record["flows"])


def test_smp_record_writes_every_format(tmp_path: Path) -> None:
    outs = [tmp_path / "record.md", tmp_path / "record.json", tmp_path / "record.html"]
    args = ["record", "aws-uae-dev", *[a for p in outs for a in ("--out", str(p))]]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(outs[1].read_text())
    assert data["stack"] == "aws-uae-dev"
    assert data["verdict"] == "pass"
    assert outs[0].read_text().startswith("# Residency and transfer record: aws-uae-dev")
    assert outs[2].read_text().startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["record", "aws-uae-dev", "--out", "record.txt"], "give a file ending in .md"),
        (["record", "no-such-stack"], "no stack named 'no-such-stack'"),
        (["record", "aws-uae-dev", "--out", "/no/such/folder/r.md"], "does not exist"),
        (["record", "aws-uae-dev", "--out", "a.md", "--out", "./a.md"], "the same file twice"),
    ],
)
def test_bad_input_is_refused_before_planning(
    args: list[str], words: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    def no_planning(*_: object, **__: object) -> None:
        raise AssertionError("planned despite bad input")

    monkeypatch.setattr("smp.cli.plan_stack_offline", no_planning)
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert words in " ".join(result.output.split())
