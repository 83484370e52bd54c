"""How a rule is declared: metadata, a check function, and the fail-closed wrapper.

A rule module declares checks with `@resource_rule(...)` or `@stack_rule(...)`.
Each becomes a real `pulumi_policy` policy object (what `pulumi preview
--policy-pack policies` runs) whose validate function:

- runs only for the resource types the rule names;
- turns an unknown value (`UnknownValueError`) into a violation naming the
  property — the CLI would otherwise downgrade it to an advisory note;
- turns an exception raised inside the check into a violation naming the rule;
- honours exceptions from the policy config, each with a reason and an expiry
  date; an expired exception is itself a violation. A waived resource is still
  checked: what the check would have reported goes to the waiver recorder (set by
  the offline gate, so reports show waived results; nothing is recorded under the
  Pulumi CLI, which has no place for them).
"""

from __future__ import annotations

import contextvars
import datetime as dt
import fnmatch
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pulumi_policy import (
    EnforcementLevel,
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidationArgs,
    StackValidationPolicy,
)
from pulumi_policy.proxy import UnknownValueError

from policies.uae_mapping import UaeMapping, mapping_for

FAMILIES = ("residency", "encryption", "network", "identity", "logging", "kubernetes", "tagging")

_EXCEPTION_SCHEMA: dict[str, Any] = {
    "type": "array",
    "description": "Resources this rule does not apply to, each with a reason and an expiry "
    "date; an expired exception is a violation.",
    "items": {
        "type": "object",
        "properties": {
            "resource": {"type": "string", "description": "URN or resource name; '*' globs"},
            "reason": {"type": "string", "minLength": 10},
            "expires": {"type": "string", "format": "date", "description": "YYYY-MM-DD"},
        },
        "required": ["resource", "reason", "expires"],
        "additionalProperties": False,
    },
    "default": [],
}


@dataclass(frozen=True)
class RuleMeta:
    """What an auditor reads about a rule."""

    id: str
    family: str
    title: str
    description: str
    severity: Severity
    iso27001: tuple[str, ...]
    nist80053: tuple[str, ...]
    remediation: str
    enforcement: EnforcementLevel = EnforcementLevel.MANDATORY
    # Required when the default enforcement is not mandatory.
    advisory_reason: str | None = None
    config: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # False for a rule no configured exception may waive (RES-019: it exists to refuse
    # them); an exception configured for it is then reported, never honoured.
    waivable: bool = True

    @property
    def policy_name(self) -> str:
        """The name Pulumi knows the policy by (`smp-res-001`), stable across wording changes."""
        return f"smp-{self.id.lower()}"

    @property
    def uae(self) -> UaeMapping | None:
        """The UAE IA controls and UAE law references (policies/uae_mapping.py), if mapped.

        Kept in its own table so rules and their UAE mapping can change apart; a rule
        without an entry still loads (the pack must run), and a test fails for it.
        """
        return mapping_for(self.id)

    @property
    def tags(self) -> list[str]:
        """The policy's tags: family, then every control it claims, by framework."""
        uae = self.uae
        return [
            self.family,
            *(f"iso27001:{c}" for c in self.iso27001),
            *(f"nist800-53:{c}" for c in self.nist80053),
            *(uae.refs if uae is not None else ()),
        ]


@dataclass(frozen=True)
class PolicyException:
    """One configured exception."""

    resource: str
    reason: str
    expires: dt.date

    def matches(self, urn: str) -> bool:
        """True when the pattern names this URN or the resource name at its end."""
        name = urn.rsplit("::", 1)[-1]
        return fnmatch.fnmatchcase(urn, self.resource) or fnmatch.fnmatchcase(name, self.resource)


@dataclass(frozen=True)
class WaivedResult:
    """What a rule would have reported for a resource that an exception covers."""

    rule_id: str
    message: str
    urn: str
    exception: PolicyException


WaiverRecorder = Callable[[WaivedResult], None]
# Set by whoever wants to see waived results (the offline gate); unset, they are dropped.
WAIVER_RECORDER: contextvars.ContextVar[WaiverRecorder | None] = contextvars.ContextVar(
    "smp_waiver_recorder", default=None
)


def _record_waived(
    meta: RuleMeta, exception: PolicyException, urn: str, messages: Callable[[], Iterable[str]]
) -> None:
    recorder = WAIVER_RECORDER.get()
    if recorder is None:
        return
    try:
        found = list(messages())
    except UnknownValueError as exc:
        found = [f"{exc.message}: a value that decides compliance must be known at plan time"]
    except Exception as exc:  # the rule itself failed on a waived resource
        found = [f"rule {meta.policy_name} raised {type(exc).__name__}: {exc}"]
    for message in found:
        recorder(WaivedResult(meta.id, message, urn, exception))


class RuleConfigError(ValueError):
    """The policy config of a rule is malformed."""


def parse_exceptions(raw: Any) -> list[PolicyException]:
    """Exceptions from a rule's config; malformed entries raise `RuleConfigError`."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise RuleConfigError("exceptions must be a list")
    out = []
    for i, entry in enumerate(raw):
        if not isinstance(entry, Mapping):
            raise RuleConfigError(f"exceptions[{i}] must be an object")
        missing = [k for k in ("resource", "reason", "expires") if not entry.get(k)]
        if missing:
            raise RuleConfigError(f"exceptions[{i}] needs {', '.join(missing)}")
        try:
            expires = dt.date.fromisoformat(str(entry["expires"]))
        except ValueError:
            raise RuleConfigError(
                f"exceptions[{i}].expires must be YYYY-MM-DD, got {entry['expires']!r}"
            ) from None
        out.append(PolicyException(str(entry["resource"]), str(entry["reason"]), expires))
    return out


def today() -> dt.date:
    """The date exceptions are judged against (UTC)."""
    return dt.datetime.now(dt.UTC).date()


ResourceCheck = Callable[[ResourceValidationArgs, Mapping[str, Any]], Iterable[str]]
StackCheck = Callable[[StackValidationArgs, Mapping[str, Any]], Iterable[tuple[str, str | None]]]


@dataclass
class Rule:
    """A rule: its metadata and the pulumi_policy object that enforces it."""

    meta: RuleMeta
    policy: ResourceValidationPolicy | StackValidationPolicy
    types: tuple[str, ...] = ()
    # The check itself, without the wrapper (so without exceptions): RES-019 re-runs the
    # residency checks through it where a sector accepts no exception to them.
    check: ResourceCheck | StackCheck | None = None

    def applies_to(self, resource_type: str) -> bool:
        """Whether a resource rule looks at this type (stack rules see everything)."""
        return not self.types or _matches_type(self.types, resource_type)

    @property
    def kind(self) -> str:
        """ "resource" or "stack"."""
        return "resource" if isinstance(self.policy, ResourceValidationPolicy) else "stack"


REGISTRY: list[Rule] = []


def _schema(meta: RuleMeta) -> PolicyConfigSchema:
    properties: dict[str, dict[str, Any]] = {"exceptions": dict(_EXCEPTION_SCHEMA)}
    properties.update({k: dict(v) for k, v in meta.config.items()})
    return PolicyConfigSchema(properties=properties)


def config_with_defaults(meta: RuleMeta, config: Mapping[str, Any]) -> dict[str, Any]:
    """The rule's config: schema defaults overlaid with what the pack config sets."""
    merged = {k: v.get("default") for k, v in meta.config.items()}
    merged["exceptions"] = []
    merged.update({k: v for k, v in config.items() if k != "enforcementLevel"})
    return merged


def _matches_type(types: tuple[str, ...], resource_type: str) -> bool:
    return any(
        resource_type == t or (t.endswith("*") and resource_type.startswith(t[:-1])) for t in types
    )


def _active_exception(
    meta: RuleMeta, exceptions: list[PolicyException], urn: str | None, report: ReportViolation
) -> PolicyException | None:
    """The unexpired exception that covers `urn`, if any; reports an expired one."""
    if urn is None:
        return None
    for exc in exceptions:
        if exc.matches(urn):
            if exc.expires < today():
                report(
                    f"[{meta.id}] the exception for {exc.resource!r} expired on "
                    f"{exc.expires.isoformat()} ({exc.reason}); renew it or fix the resource",
                    urn,
                )
                return None
            return exc
    return None


def _meta_checks(meta: RuleMeta) -> None:
    if meta.family not in FAMILIES:
        raise ValueError(f"{meta.id}: unknown family {meta.family!r}")
    if meta.enforcement is not EnforcementLevel.MANDATORY and not meta.advisory_reason:
        raise ValueError(f"{meta.id}: a non-mandatory rule must say why (advisory_reason)")
    if not meta.iso27001 or not meta.nist80053:
        raise ValueError(f"{meta.id}: map the rule to ISO 27001 and NIST 800-53 controls")
    if any(r.meta.id == meta.id for r in REGISTRY):
        raise ValueError(f"duplicate rule id {meta.id}")


def _fail_closed(
    meta: RuleMeta,
    args: ResourceValidationArgs | StackValidationArgs,
    report: ReportViolation,
    judge: Callable[[dict[str, Any], list[PolicyException]], None],
) -> None:
    """Run `judge(config, exceptions)` so that nothing can pass by failing.

    The one wrapper both kinds of rule share: a malformed policy config, an unknown
    value that decides compliance and an exception raised inside the check are each
    reported as a violation naming the rule, never swallowed.
    """
    try:
        config = config_with_defaults(meta, args.get_config())
        exceptions = parse_exceptions(config.get("exceptions"))
    except RuleConfigError as exc:
        report(f"[{meta.id}] invalid policy config: {exc}", None)
        return
    if exceptions and not meta.waivable:
        report(
            f"[{meta.id}] accepts no exceptions; the {len(exceptions)} configured "
            "are ignored (remove them from the policy config)",
            None,
        )
        exceptions = []
    try:
        judge(config, exceptions)
    except UnknownValueError as exc:
        report(
            f"[{meta.id}] {exc.message}: a value that decides compliance must be "
            "known at plan time (fail closed)",
            None,
        )
    except Exception as exc:  # an exception in a rule is a violation
        report(
            f"[{meta.id}] rule {meta.policy_name} raised {type(exc).__name__}: {exc} "
            "(treated as a violation)",
            None,
        )


def _policy_fields(meta: RuleMeta) -> dict[str, Any]:
    """What a `pulumi_policy` policy object of either kind is built with."""
    return {
        "name": meta.policy_name,
        "description": f"{meta.title}: {meta.description}",
        "enforcement_level": meta.enforcement,
        "config_schema": _schema(meta),
        "severity": meta.severity,
        "remediation_steps": meta.remediation,
        "tags": meta.tags,
    }


def resource_rule(meta: RuleMeta, types: Iterable[str]) -> Callable[[ResourceCheck], Rule]:
    """Declare a per-resource rule for `types` (exact tokens, or prefixes ending in '*')."""
    type_list = tuple(types)
    _meta_checks(meta)

    def wrap(check: ResourceCheck) -> Rule:
        def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
            if not _matches_type(type_list, args.resource_type):
                return

            def judge(config: dict[str, Any], exceptions: list[PolicyException]) -> None:
                waiver = _active_exception(meta, exceptions, args.urn, report)
                if waiver is not None:
                    _record_waived(meta, waiver, args.urn, lambda: check(args, config))
                    return
                for message in check(args, config):
                    report(f"[{meta.id}] {message}", None)

            _fail_closed(meta, args, report, judge)

        rule = Rule(
            meta,
            ResourceValidationPolicy(validate=validate, **_policy_fields(meta)),
            type_list,
            check,
        )
        REGISTRY.append(rule)
        return rule

    return wrap


def stack_rule(meta: RuleMeta) -> Callable[[StackCheck], Rule]:
    """Declare a rule over the whole stack (resources linked by parents and dependencies)."""
    _meta_checks(meta)

    def wrap(check: StackCheck) -> Rule:
        def validate(args: StackValidationArgs, report: ReportViolation) -> None:
            def judge(config: dict[str, Any], exceptions: list[PolicyException]) -> None:
                for message, urn in check(args, config):
                    waiver = _active_exception(meta, exceptions, urn, report)
                    if waiver is None:
                        report(f"[{meta.id}] {message}", urn)
                    elif urn is not None:
                        _record_waived(meta, waiver, urn, functools.partial(list, (message,)))

            _fail_closed(meta, args, report, judge)

        rule = Rule(
            meta, StackValidationPolicy(validate=validate, **_policy_fields(meta)), check=check
        )
        REGISTRY.append(rule)
        return rule

    return wrap


# ---------------------------------------------------------------------------
# Reading properties: absent and unknown values are decisions, not defaults.


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


MISSING: Any = _Missing()


def dig(props: Any, path: str) -> Any:
    """`dig(props, "vpcConfig.endpointPublicAccess")`; `MISSING` when any step is absent.

    Reading goes through the unknown-checking proxy, so an unknown value raises
    `UnknownValueError` (which the wrapper reports as a violation).
    """
    node = props
    for part in path.replace("]", "").replace("[", ".").split("."):
        if part == "":
            continue
        if isinstance(node, Mapping):
            if part not in node:
                return MISSING
            node = node[part]
        elif isinstance(node, (list, tuple)) or (
            hasattr(node, "__getitem__") and not isinstance(node, str)
        ):
            try:
                node = node[int(part)]
            except (ValueError, IndexError, TypeError):
                return MISSING
        else:
            return MISSING
        if node is None:
            return MISSING
    return node


def reference_set(props: Any, path: str) -> bool:
    """Whether a reference (a key ARN, a workspace id, a URI) is given.

    An unknown value counts as given: at the first `pulumi preview` the ARN of a
    key created in the same update is unknown, and it is still a reference to that
    key. Values that decide compliance by what they are (regions, booleans,
    address ranges, SKUs, documents) are read with `dig` and fail closed instead.
    """
    try:
        value = dig(props, path)
    except UnknownValueError:
        return True
    return value is not MISSING and value not in ("", None)


def items(value: Any) -> Iterator[Any]:
    """Iterate a list-valued property; nothing for MISSING."""
    if value is MISSING or value is None:
        return iter(())
    return iter(value)
