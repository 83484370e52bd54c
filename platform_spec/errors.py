"""How configuration problems are collected and shown: key path, expectation, what was given."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

PLATFORM_KEY = "platform"


class ConfigError(Exception):
    """A stack configuration that cannot be used; `problems` are `path: message` lines."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(self.render())

    def render(self) -> str:
        """The error as a user reads it: where, then one line per problem."""
        lines = [f"invalid configuration in {self.source}:"]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


def problem(loc: tuple[str | int, ...], message: str, given: Any) -> InitErrorDetails:
    """One problem at `loc` (relative to the model being validated), for `raise_problems`."""
    return InitErrorDetails(
        type=PydanticCustomError("platform_config", message),
        loc=loc,
        input=given,
    )


def raise_problems(title: str, problems: list[InitErrorDetails]) -> None:
    """Raise every collected problem at once as one pydantic `ValidationError`."""
    if problems:
        raise ValidationError.from_exception_data(title, problems)


def format_key_path(loc: tuple[str | int, ...]) -> str:
    """`platform.nodePools.gpu.instanceTypes[0]` for a pydantic location."""
    path = PLATFORM_KEY
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def describe(value: Any) -> str:
    """A short `repr (type)` of a given value for an error message."""
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} ({type(value).__name__})"


def format_validation_error(error: ValidationError) -> list[str]:
    """One `platform.key.path: message; got value (type)` line per pydantic error."""
    lines = []
    for err in error.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        msg = err["msg"]
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, ") :]
        kind = err["type"]
        if kind == "missing":
            lines.append(f"{format_key_path(loc)}: required key is missing")
        elif kind == "extra_forbidden":
            lines.append(
                f"{format_key_path(loc)}: unknown key (check the spelling; keys are camelCase)"
            )
        else:
            lines.append(f"{format_key_path(loc)}: {msg}; got {describe(err['input'])}")
    return lines
