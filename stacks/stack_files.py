"""Reading and writing `stacks/Pulumi.<stack>.yaml`, and reading the same values from Pulumi.

Two entry points produce the same validated `StackSettings`:
`load_stack_file` (offline: the CLI and the plan engine read the YAML) and
`load_from_pulumi` (the real program under `pulumi up` reads `pulumi.Config`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from platform_spec import (
    DISABLE_DEFAULT_PROVIDERS,
    PLATFORM_KEY,
    PROJECT,
    ConfigError,
    StackSettings,
    parse_stack_settings,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
STACKS_DIR = REPO_ROOT / "stacks"
# What a `secure:` value becomes offline: a marked placeholder, never the value.
SECRET_PLACEHOLDER = "[secret: offline placeholder]"  # noqa: S105 (a marker)
_STACK_NAME = re.compile(r"^[a-z][a-z0-9-]{1,38}[a-z0-9]$")


@dataclass(frozen=True)
class StackFile:
    """A stack file's config, split by namespace, with secure values replaced."""

    name: str
    path: Path
    project_values: dict[str, Any]  # keys without the "sovereign-ml-platform:" prefix
    provider_values: dict[str, Any]  # other namespaces, full keys ("aws:region")
    secret_keys: frozenset[str]  # project keys whose value was `secure:`

    def pulumi_config(self) -> dict[str, str]:
        """The flat `project:key -> string` map the Pulumi runtime hands a program."""
        flat: dict[str, str] = {}
        for key, value in self.project_values.items():
            flat[f"{PROJECT}:{key}"] = value if isinstance(value, str) else json.dumps(value)
        for key, value in self.provider_values.items():
            flat[key] = value if isinstance(value, str) else json.dumps(value)
        return flat

    def pulumi_secret_keys(self) -> list[str]:
        """Full keys of secret values, as the runtime lists them."""
        return sorted(f"{PROJECT}:{k}" for k in self.secret_keys)


def stack_path(name: str, stacks_dir: Path = STACKS_DIR) -> Path:
    """Where the file of stack `name` lives."""
    return stacks_dir / f"Pulumi.{name}.yaml"


def validate_stack_name(name: str) -> str:
    """Stack names become parts of cloud resource names: keep them short DNS labels."""
    if not _STACK_NAME.match(name):
        raise ConfigError(
            f"stack name {name!r}",
            [
                "expected 3-40 lower-case letters, digits and '-', starting with a letter "
                "(e.g. aws-uae-prod)"
            ],
        )
    return name


class _DuplicateKey(Exception):
    def __init__(self, key: object, first_line: int, second_line: int) -> None:
        super().__init__(f"duplicate key {key!r} on lines {first_line} and {second_line}")
        self.key, self.first_line, self.second_line = key, first_line, second_line


_MERGE_TAG = "tag:yaml.org,2002:merge"


class _UniqueKeySafeLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing a mapping that repeats a key.

    PyYAML keeps the last of two equal keys without a word; Pulumi refuses the file,
    so offline the file must be refused too, not planned with half of it ignored.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _value_node in node.value:
            # `<<` merges may override on purpose; PyYAML refuses complex keys itself.
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _MERGE_TAG:
                continue
            key = self.construct_object(key_node)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise _DuplicateKey(key, seen[key], line)
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


def _read_document(path: Path) -> Any:
    """The YAML document in `path`; every way it can be unusable is a `ConfigError`."""
    if path.is_dir():
        raise ConfigError(str(path), ["is a folder, not a stack file"])
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(str(path), [f"cannot be read: {exc.strerror or exc}"]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(
            str(path),
            [
                f"not UTF-8: byte 0x{raw[exc.start]:02x} on line {line} cannot be decoded; "
                "Pulumi reads stack files as UTF-8, so save the file as UTF-8"
            ],
        ) from None
    try:
        return yaml.load(text, Loader=_UniqueKeySafeLoader)  # noqa: S506 (a SafeLoader)
    except _DuplicateKey as exc:
        raise ConfigError(
            str(path),
            [
                f"duplicate key {exc.key!r} on lines {exc.first_line} and {exc.second_line}; "
                "Pulumi refuses a file that repeats a key: keep one"
            ],
        ) from None
    except yaml.YAMLError as exc:
        raise ConfigError(str(path), [f"not valid YAML: {exc}"]) from None


def list_stacks(stacks_dir: Path = STACKS_DIR) -> list[str]:
    """Names of the stacks that have a file in `stacks_dir`, sorted."""
    return sorted(p.name[len("Pulumi.") : -len(".yaml")] for p in stacks_dir.glob("Pulumi.*.yaml"))


def _contains_secure(value: Any) -> bool:
    if isinstance(value, Mapping):
        if set(value) == {"secure"}:
            return True
        return any(_contains_secure(v) for v in value.values())
    if isinstance(value, list):
        return any(_contains_secure(v) for v in value)
    return False


def _replace_secure(value: Any) -> Any:
    if isinstance(value, Mapping):
        if set(value) == {"secure"}:
            return SECRET_PLACEHOLDER
        return {k: _replace_secure(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace_secure(v) for v in value]
    return value


def read_stack_file(name: str, stacks_dir: Path = STACKS_DIR) -> StackFile:
    """Parse a stack file without validating the platform object."""
    if not stacks_dir.is_dir():
        raise ConfigError(str(stacks_dir), ["the stacks folder does not exist (--stacks-dir)"])
    path = stack_path(name, stacks_dir)
    if not path.exists() and not path.is_symlink():
        known = ", ".join(list_stacks(stacks_dir)) or "none"
        raise ConfigError(str(path), [f"no stack named {name!r}; stacks: {known}"])
    document = _read_document(path) or {}
    if not isinstance(document, Mapping):
        raise ConfigError(str(path), ["expected a mapping with a `config:` key"])
    config = document.get("config") or {}
    if not isinstance(config, Mapping):
        raise ConfigError(str(path), ["config: expected a mapping of keys to values"])
    project_values: dict[str, Any] = {}
    provider_values: dict[str, Any] = {}
    secret_keys: set[str] = set()
    for full_key, value in config.items():
        namespace, sep, key = str(full_key).partition(":")
        if not sep:
            raise ConfigError(
                str(path), [f"{full_key}: config keys need a namespace, e.g. {PROJECT}:{full_key}"]
            )
        if _contains_secure(value):
            if namespace == PROJECT:
                secret_keys.add(key)
            value = _replace_secure(value)
        if namespace == PROJECT:
            project_values[key] = value
        else:
            provider_values[str(full_key)] = value
    return StackFile(name, path, project_values, provider_values, frozenset(secret_keys))


_KEY_PATH = re.compile(r"^([A-Za-z0-9_:.\[\]*-]+?):\s")
_MARK = re.compile(r"line (\d+), column (\d+)")
# "duplicate key 'x' on lines 3 and 7" (the second is the offender), "on line 4".
_LINES = re.compile(r"on lines? (?:\d+ and )?(\d+)")


def locate_problem(
    name: str, stacks_dir: Path, problems: list[str]
) -> tuple[int | None, int | None]:
    """(line, column), 1-based, of the first problem's key in the stack file, where known.

    A problem reads `platform.nodePools.gpu.minSize: ...`, `registryDbPassword: ...` or
    `pulumi:disable-default-providers: ...`; a YAML error carries its own mark. The
    deepest node of the path that exists is the answer (a missing key points at its
    parent mapping).
    """
    for problem in problems:
        mark = _MARK.search(problem)
        if mark:
            return int(mark.group(1)), int(mark.group(2))
        lines = _LINES.search(problem)
        if lines:
            return int(lines.group(1)), 1
        match = _KEY_PATH.match(problem)
        if not match:
            continue
        try:
            text = stack_path(name, stacks_dir).read_text(encoding="utf-8")
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return None, None
        found = _node_at(root, _key_parts(match.group(1)))
        if found is not None:
            return found.start_mark.line + 1, found.start_mark.column + 1
    return None, None


def _key_parts(path: str) -> list[str | int]:
    """`platform.nodePools.gpu.instanceTypes[0]` -> config / project key / steps."""
    head, _, rest = path.partition(".")
    # Namespaced keys (`pulumi:...`, `aws:region`) are config keys as written; the
    # others are the project's own (`platform`, the secret keys).
    key = head if ":" in head else f"{PROJECT}:{head}"
    parts: list[str | int] = ["config", key]
    for piece in re.findall(r"[^.\[\]]+|\[\d+\]", rest):
        parts.append(int(piece[1:-1]) if piece.startswith("[") else piece)
    return parts


def _node_at(root: yaml.Node | None, parts: list[str | int]) -> yaml.Node | None:
    """The deepest node along `parts` (its key node for a mapping entry)."""
    node, found = root, None
    for part in parts:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            entry = next(
                (
                    (k, v)
                    for k, v in node.value
                    if isinstance(k, yaml.ScalarNode) and k.value == part
                ),
                None,
            )
            if entry is None:
                return found
            found, node = entry[0], entry[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return found
            node = node.value[part]
            found = node
        else:
            return found
    return found


def load_stack_file(name: str, stacks_dir: Path = STACKS_DIR) -> StackSettings:
    """Read and validate one stack file; raises `ConfigError` naming every problem."""
    stack_file = read_stack_file(name, stacks_dir)
    return parse_stack_settings(
        name,
        stack_file.project_values,
        lambda key: key in stack_file.secret_keys,
        source=str(stack_file.path.relative_to(stacks_dir.parent))
        if stack_file.path.is_relative_to(stacks_dir.parent)
        else str(stack_file.path),
        provider_values=stack_file.provider_values,
    )


def load_from_pulumi() -> StackSettings:
    """Validate the running program's config (`pulumi up`, or the offline engine)."""
    import pulumi
    from pulumi.runtime import config as runtime_config

    values: dict[str, Any] = {**runtime_config.get_config_env(), **runtime_config.CONFIG.get()}
    secret_full_keys = set(runtime_config.get_config_secret_keys_env())
    secret_full_keys |= {k for k in values if runtime_config.is_config_secret(k)}
    project_values: dict[str, Any] = {}
    provider_values: dict[str, Any] = {}
    for full_key, raw in values.items():
        namespace, _, key = full_key.partition(":")
        value: Any = raw
        if isinstance(raw, str) and key == PLATFORM_KEY:
            try:
                value = json.loads(raw)
            except json.JSONDecodeError:
                value = raw
        if namespace == PROJECT:
            project_values[key] = value
        else:
            provider_values[full_key] = value
    return parse_stack_settings(
        pulumi.get_stack(),
        project_values,
        lambda key: f"{PROJECT}:{key}" in secret_full_keys,
        source=f"stack {pulumi.get_stack()!r}",
        provider_values=provider_values,
    )


def write_stack_file(name: str, platform_value: Mapping[str, Any], stacks_dir: Path) -> Path:
    """Write a new stack file holding only the platform object; never replaces a file.

    Raises `FileExistsError` when the file exists, `OSError` when it cannot be written.
    """
    path = stack_path(name, stacks_dir)
    header = (
        "# yaml-language-server: $schema=stack-file.schema.json\n"
        f"# Stack {name}: generated by `smp new-stack`. Edit with `pulumi config set --path "
        f"{PLATFORM_KEY}.<key> <value>`\n# Secrets go in their own keys with "
        "`pulumi config set --secret`, never in this file in plain text.\n"
    )
    body = yaml.safe_dump(
        {
            "config": {
                DISABLE_DEFAULT_PROVIDERS: ["*"],
                f"{PROJECT}:{PLATFORM_KEY}": dict(platform_value),
            }
        },
        sort_keys=False,
        default_flow_style=False,
    )
    # "x": never overwrite a file that appeared since the caller checked the name.
    with path.open("x", encoding="utf-8") as handle:
        handle.write(header + body)
    return path
