"""Stack files that cannot be used: a clear error naming the file, exit 2, never a traceback."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from platform_spec import ConfigError
from smp.cli import app
from stacks.stack_files import STACKS_DIR, read_stack_file

runner = CliRunner()
STACK = "aws-uae-bad"
DEV = (STACKS_DIR / "Pulumi.aws-uae-dev.yaml").read_text()
CONFIG_LINE = DEV.splitlines().index("config:") + 1


def _not_utf8(path: Path) -> None:
    # A Latin-1 "é" in a tag: what an editor set to Windows-1252 saves.
    path.write_bytes(DEV.replace("ml-platform@", "ml-plat\xe9form@", 1).encode("latin-1"))


def _duplicate_top_level_key(path: Path) -> None:
    path.write_text(DEV + "config:\n  aws:region: me-central-1\n")


def _duplicate_nested_key(path: Path) -> None:
    lines = DEV.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("region:"))
    lines.insert(at + 1, lines[at].replace("me-central-1", "me-south-1"))
    path.write_text("".join(lines))


def _a_folder(path: Path) -> None:
    path.mkdir()


def _a_dangling_link(path: Path) -> None:
    path.symlink_to(path.parent / "moved-away.yaml")


BAD_FILES: list[tuple[str, Callable[[Path], None], list[str]]] = [
    ("not-utf8", _not_utf8, ["not UTF-8", "byte 0xe9 on line"]),
    (
        "duplicate-top-level-key",
        _duplicate_top_level_key,
        [f"duplicate key 'config' on lines {CONFIG_LINE} and"],
    ),
    ("duplicate-nested-key", _duplicate_nested_key, ["duplicate key 'region' on lines"]),
    ("a-folder", _a_folder, ["is a folder, not a stack file"]),
    ("a-dangling-link", _a_dangling_link, ["cannot be read: No such file or directory"]),
]
bad_files = pytest.mark.parametrize(
    ("make", "words"), [pytest.param(m, w, id=i) for i, m, w in BAD_FILES]
)


def _stacks_dir_with(tmp_path: Path, make: Callable[[Path], None]) -> Path:
    make(tmp_path / f"Pulumi.{STACK}.yaml")
    return tmp_path


def _assert_clear_error(output: str, path: Path, words: list[str]) -> None:
    flat = " ".join(output.split())
    assert str(path) in flat
    for word in words:
        assert word in flat, flat
    assert "Traceback" not in output


@bad_files
@pytest.mark.parametrize("command", [["plan", STACK], ["check", STACK], ["stacks"]])
def test_every_command_reports_the_file_and_exits_2(
    tmp_path: Path, make: Callable[[Path], None], words: list[str], command: list[str]
) -> None:
    stacks_dir = _stacks_dir_with(tmp_path, make)
    result = runner.invoke(app, [*command, "--stacks-dir", str(stacks_dir)])
    assert result.exit_code == 2, result.output
    _assert_clear_error(result.output, stacks_dir / f"Pulumi.{STACK}.yaml", words)


@bad_files
def test_read_stack_file_raises_a_config_error(
    tmp_path: Path, make: Callable[[Path], None], words: list[str]
) -> None:
    stacks_dir = _stacks_dir_with(tmp_path, make)
    with pytest.raises(ConfigError) as info:
        read_stack_file(STACK, stacks_dir)
    _assert_clear_error(info.value.render(), stacks_dir / f"Pulumi.{STACK}.yaml", words)


def test_duplicate_keys_name_both_lines(tmp_path: Path) -> None:
    (tmp_path / f"Pulumi.{STACK}.yaml").write_text(
        "config:\n"
        "  sovereign-ml-platform:platform:\n"
        "    cloud: aws\n"
        "    tags:\n"
        "      owner: a@example.ae\n"
        "      owner: b@example.ae\n"
    )
    with pytest.raises(ConfigError, match="duplicate key 'owner' on lines 5 and 6"):
        read_stack_file(STACK, tmp_path)


def test_yaml_merge_keys_may_still_override(tmp_path: Path) -> None:
    (tmp_path / f"Pulumi.{STACK}.yaml").write_text(
        "base: &base {owner: a@example.ae, costCentre: cc-1}\n"
        "config:\n"
        "  team:tags:\n"
        "    <<: *base\n"
        "    owner: b@example.ae\n"
    )
    stack_file = read_stack_file(STACK, tmp_path)
    assert stack_file.provider_values["team:tags"] == {
        "owner": "b@example.ae",
        "costCentre": "cc-1",
    }


def test_an_unreadable_stack_file_is_a_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / f"Pulumi.{STACK}.yaml"
    path.write_text(DEV)
    path.chmod(0)
    if os.geteuid() == 0:
        # Permission bits do not bind root: answer as the kernel does for everyone else.
        real_read_bytes = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return real_read_bytes(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = runner.invoke(app, ["plan", STACK, "--stacks-dir", str(tmp_path)])
    assert result.exit_code == 2, result.output
    _assert_clear_error(result.output, path, ["cannot be read: Permission denied"])


def test_a_missing_stacks_folder_is_named(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["plan", "aws-uae-dev", "--stacks-dir", str(tmp_path / "no-such-folder")]
    )
    assert result.exit_code == 2, result.output
    _assert_clear_error(
        result.output, tmp_path / "no-such-folder", ["the stacks folder does not exist"]
    )


def test_a_good_file_next_to_a_bad_one_still_reads(tmp_path: Path) -> None:
    shutil.copy(STACKS_DIR / "Pulumi.aws-uae-dev.yaml", tmp_path)
    _not_utf8(tmp_path / f"Pulumi.{STACK}.yaml")
    assert read_stack_file("aws-uae-dev", tmp_path).project_values["platform"]["region"] == (
        "me-central-1"
    )
