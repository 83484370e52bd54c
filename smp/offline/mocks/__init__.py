"""Deterministic answers to the provider calls a program makes under the mock engine.

Resource outputs echo the inputs plus the computed attributes a program reads
(ids, ARNs, endpoints). Invokes answer with realistic values for the stack's
region. An invoke the table does not know fails loudly, naming the token, so a
new code path never runs against an empty answer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import pulumi

ACCOUNT_ID = "123456789012"
AZURE_SUBSCRIPTION_ID = "00000000-0000-4000-8000-000000000001"
AZURE_TENANT_ID = "00000000-0000-4000-8000-0000000000aa"
AZURE_CLIENT_OBJECT_ID = "00000000-0000-4000-8000-0000000000cc"
# Zone ids of the regions we plan for (AWS publishes them per region).
AWS_ZONE_IDS = {"me-central-1": ("mec1-az1", "mec1-az2", "mec1-az3")}

InvokeHandler = Callable[[dict[str, Any], str], dict[str, Any]]
OutputFactory = Callable[["ResourceContext"], dict[str, Any]]


def stable_suffix(*parts: str, length: int = 8) -> str:
    """A short hex digest of `parts`: the same names always give the same ids."""
    return hashlib.sha256("/".join(parts).encode()).hexdigest()[:length]


class ResourceContext:
    """What an output factory may read about the resource being created."""

    def __init__(self, args: pulumi.runtime.MockResourceArgs, region: str | None) -> None:
        self.type = args.typ
        self.name = args.name
        self.inputs: dict[str, Any] = dict(args.inputs)
        self.region = region
        self.physical_id = f"{args.name}-{stable_suffix(args.typ, args.name)}"

    def arn(self, service: str, resource: str, global_service: bool = False) -> str:
        """An ARN in the stack's account and the resource's region."""
        region = "" if global_service else (self.region or "")
        return f"arn:aws:{service}:{region}:{ACCOUNT_ID}:{resource}"


def aws_generic_outputs(ctx: ResourceContext) -> dict[str, Any]:
    module = ctx.type.split(":")[1].split("/")[0]
    if module == "iam":
        return {
            "arn": ctx.arn(
                "iam", f"{ctx.type.split(':')[-1].lower()}/{ctx.physical_id}", global_service=True
            )
        }
    return {"arn": ctx.arn(module, f"{ctx.type.split(':')[-1].lower()}/{ctx.physical_id}")}


def azure_generic_outputs(ctx: ResourceContext) -> dict[str, Any]:
    module, kind = ctx.type.split(":")[1], ctx.type.split(":")[2]
    group = ctx.inputs.get("resourceGroupName", "rg")
    return {
        "id": f"/subscriptions/{AZURE_SUBSCRIPTION_ID}/resourceGroups/{group}/providers/"
        f"Microsoft.{module}/{kind}/{ctx.physical_id}",
        "name": ctx.inputs.get("resourceName") or ctx.inputs.get("name") or ctx.physical_id,
    }


# Per-type computed attributes. Components that read more of a resource's
# outputs add an entry (with a test that exercises it): AWS types in
# `smp/offline/mocks/aws.py`, Azure types in `smp/offline/mocks/azure.py`.
OUTPUT_FACTORIES: dict[str, OutputFactory] = {}


INVOKE_HANDLERS: dict[str, InvokeHandler] = {}


def _register_cloud_tables() -> None:
    from smp.offline.mocks import aws, azure

    # One table per cloud; adding a cloud adds a module here.
    for cloud in (aws, azure):
        OUTPUT_FACTORIES.update(cloud.OUTPUT_FACTORIES)
        INVOKE_HANDLERS.update(cloud.INVOKE_HANDLERS)


class UnmockedInvokeError(RuntimeError):
    """The program called a provider function the offline engine has no answer for."""


class DeterministicMocks(pulumi.runtime.Mocks):
    """Mocks whose answers depend only on resource names, inputs and the stack's region."""

    def __init__(self, default_region: str | None, first_preview: bool = False) -> None:
        if not INVOKE_HANDLERS:
            _register_cloud_tables()
        self.default_region = default_region
        # As at the very first `pulumi preview`: nothing exists yet, so ids and
        # computed outputs (ARNs, endpoints) are unknown; only inputs are known.
        self.first_preview = first_preview
        self.provider_regions: dict[str, str] = {}  # provider URN -> region/location

    def region_for(self, inputs: dict[str, Any], provider_ref: str | None) -> str | None:
        """Resource `region` input, else its provider's region, else the stack's."""
        region = inputs.get("region") or inputs.get("location")
        if isinstance(region, str) and region:
            return region
        if provider_ref:
            urn = provider_ref.rsplit("::", 1)[0]
            if urn in self.provider_regions:
                return self.provider_regions[urn]
        return self.default_region

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        region = self.region_for(args.inputs, args.provider)
        ctx = ResourceContext(args, region)
        outputs = dict(args.inputs)
        if args.typ.startswith("pulumi:providers:"):
            return ctx.physical_id, outputs
        factory = OUTPUT_FACTORIES.get(args.typ)
        try:
            if factory is not None:
                outputs.update(factory(ctx))
            elif args.typ.startswith("aws:"):
                outputs.update(aws_generic_outputs(ctx))
            elif args.typ.startswith("azure-native:"):
                outputs.update(azure_generic_outputs(ctx))
        except KeyError:
            # Only at a first preview: an input the factory derives names from is
            # still unknown (it comes from a resource created in the same update).
            if not self.first_preview:
                raise
        if self.first_preview:
            # Known inputs come back as outputs (in their output shape, e.g. identity
            # maps), as the engine plans a create; computed attributes and ids stay
            # unknown.
            return "", {k: v for k, v in outputs.items() if k in args.inputs}
        physical = outputs.get("id") if args.typ.startswith("azure-native:") else None
        return str(physical or ctx.physical_id), outputs

    def call(self, args: pulumi.runtime.MockCallArgs) -> dict[str, Any]:  # type: ignore[override]
        handler = INVOKE_HANDLERS.get(args.token)
        if handler is None:
            raise UnmockedInvokeError(
                f"the offline engine has no answer for invoke {args.token!r}; add one to "
                "INVOKE_HANDLERS in smp/offline/mocks/aws.py or azure.py"
            )
        region = self.region_for(dict(args.args), args.provider) or ""
        # A bare dict means "no check failures" to the mock monitor.
        return handler(dict(args.args), region)
