"""PromQL as Prometheus parses it (promql-parser, a port of Prometheus' grammar), summarised.

`parse_promql` raises `PromQLError` for an expression Prometheus would refuse and
returns what the expression reads: its result type, every selector with its label
matchers, and the labels it groups or matches on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import promql_parser as pp

# The bindings' enums are not hashable: map them by their names.
_OPS = {"MatchOp.Equal": "=", "MatchOp.NotEqual": "!=", "MatchOp.Re": "=~", "MatchOp.NotRe": "!~"}
_TYPES = {
    "ValueType.Vector": "vector",
    "ValueType.Scalar": "scalar",
    "ValueType.Matrix": "matrix",
    "ValueType.String": "string",
}


class PromQLError(ValueError):
    """The expression is not valid PromQL."""


@dataclass
class Parsed:
    """What an expression reads: its type, selectors and grouping labels."""

    type: str
    selectors: list[tuple[str, dict[str, tuple[str, str]]]] = field(default_factory=list)
    grouping: set[str] = field(default_factory=set)

    @property
    def metrics(self) -> set[str]:
        """The metric names the expression selects."""
        return {name for name, _ in self.selectors}


def _type_of(node: Any) -> str:
    if isinstance(node, pp.NumberLiteral):
        return "scalar"
    if isinstance(node, pp.StringLiteral):
        return "string"
    if isinstance(node, pp.VectorSelector | pp.AggregateExpr):
        return "vector"
    if isinstance(node, pp.MatrixSelector | pp.SubqueryExpr):
        return "matrix"
    if isinstance(node, pp.Call):
        return _TYPES[str(node.func.return_type)]
    if isinstance(node, pp.ParenExpr | pp.UnaryExpr):
        return _type_of(node.expr)
    if isinstance(node, pp.BinaryExpr):
        both_scalar = _type_of(node.lhs) == "scalar" and _type_of(node.rhs) == "scalar"
        return "scalar" if both_scalar else "vector"
    raise PromQLError(f"unknown node {type(node).__name__}")


def parse_promql(text: str) -> Parsed:
    """Parse one expression; raises PromQLError where Prometheus would not accept it."""
    try:
        root = pp.parse(text)
    except ValueError as exc:
        raise PromQLError(str(exc)) from None
    parsed = Parsed(type=_type_of(root))

    def visit(node: Any) -> None:
        if isinstance(node, pp.VectorSelector):
            matchers = {
                m.name: (_OPS[str(m.op)], m.value)
                for m in node.matchers.matchers
                if m.name != "__name__"
            }
            parsed.selectors.append((node.name, matchers))
        elif isinstance(node, pp.AggregateExpr) and node.modifier is not None:
            parsed.grouping |= set(node.modifier.labels)
        elif isinstance(node, pp.BinaryExpr) and node.modifier is not None:
            if node.modifier.matching is not None:
                parsed.grouping |= set(node.modifier.matching.labels)
            parsed.grouping |= set(node.modifier.group_labels or [])

    pp.walk(root, visit)
    return parsed
