"""Output folders a tool must refuse, shared by the `smp render` and demo tests.

Each case builds, under a test's tmp_path, a folder holding a user's file, and
says what `--out` to pass and the phrase the refusal must contain. The tests
assert exit 2, the phrase, no traceback and the user's file untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from workloads.output_folder import MARKER

USER_FILE = "thesis-final-v7.docx"
USER_TEXT = "three years of work\n"


@dataclass(frozen=True)
class Refusal:
    """What to pass as `--out` and which user file must survive."""

    out: str
    user_file: Path


def _user_folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    (path / USER_FILE).write_text(USER_TEXT)
    return path / USER_FILE


def _not_created_by_the_tool(tmp: Path, mp: pytest.MonkeyPatch, tool: str) -> Refusal:
    return Refusal(str(tmp / "reports"), _user_folder(tmp / "reports"))


def _current_directory(tmp: Path, mp: pytest.MonkeyPatch, tool: str) -> Refusal:
    user_file = _user_folder(tmp / "work")
    mp.chdir(tmp / "work")
    return Refusal(".", user_file)


def _current_directory_with_a_marker(tmp: Path, mp: pytest.MonkeyPatch, tool: str) -> Refusal:
    # Even a folder the tool once wrote is not replaced while the user stands in it.
    refusal = _current_directory(tmp, mp, tool)
    (refusal.user_file.parent / MARKER).write_text(f"{tool}\n")
    return refusal


def _ancestor_of_the_current_directory(tmp: Path, mp: pytest.MonkeyPatch, tool: str) -> Refusal:
    user_file = _user_folder(tmp / "project")
    (tmp / "project" / "src").mkdir()
    mp.chdir(tmp / "project" / "src")
    return Refusal("..", user_file)


def _git_repository_root(tmp: Path, mp: pytest.MonkeyPatch, tool: str) -> Refusal:
    user_file = _user_folder(tmp / "repo")
    (tmp / "repo" / ".git").mkdir()
    (tmp / "repo" / MARKER).write_text(f"{tool}\n")  # a stray marker does not make it ours
    return Refusal(str(tmp / "repo"), user_file)


def _pulumi_project_root(tmp: Path, mp: pytest.MonkeyPatch, tool: str) -> Refusal:
    user_file = _user_folder(tmp / "infra")
    (tmp / "infra" / "Pulumi.yaml").write_text("name: x\nruntime: python\n")
    (tmp / "infra" / MARKER).write_text(f"{tool}\n")
    return Refusal(str(tmp / "infra"), user_file)


def _home_folder(tmp: Path, mp: pytest.MonkeyPatch, tool: str) -> Refusal:
    user_file = _user_folder(tmp / "home" / "amira")
    (tmp / "home" / "amira" / MARKER).write_text(f"{tool}\n")
    mp.setenv("HOME", str(tmp / "home" / "amira"))
    return Refusal("~", user_file)


def _filesystem_root(tmp: Path, mp: pytest.MonkeyPatch, tool: str) -> Refusal:
    # The tests stub out all work after the refusal point, so a regression fails the
    # test instead of touching the machine.
    survivor = Path("/etc/os-release") if Path("/etc/os-release").exists() else Path("/")
    return Refusal("/", survivor)


def _another_tools_folder(tmp: Path, mp: pytest.MonkeyPatch, tool: str) -> Refusal:
    user_file = _user_folder(tmp / "other")
    (tmp / "other" / MARKER).write_text("some other tool\n")
    return Refusal(str(tmp / "other"), user_file)


Setup = Callable[[Path, pytest.MonkeyPatch, str], Refusal]

REFUSALS: list[tuple[str, Setup, str]] = [
    ("not-created-by-the-tool", _not_created_by_the_tool, "is not empty and was not created by"),
    ("current-directory", _current_directory, "is the current directory"),
    (
        "current-directory-with-a-marker",
        _current_directory_with_a_marker,
        "is the current directory",
    ),
    (
        "ancestor-of-the-current-directory",
        _ancestor_of_the_current_directory,
        "is an ancestor of the current directory",
    ),
    ("git-repository-root", _git_repository_root, "is a repository root (it holds .git)"),
    ("pulumi-project-root", _pulumi_project_root, "is a repository root (it holds Pulumi.yaml)"),
    ("home-folder", _home_folder, "is your home folder"),
    ("filesystem-root", _filesystem_root, "is the filesystem root"),
    ("another-tools-folder", _another_tools_folder, "was created by `some other tool`"),
]

refusal_cases = pytest.mark.parametrize(
    ("setup", "phrase"), [pytest.param(setup, phrase, id=name) for name, setup, phrase in REFUSALS]
)


def assert_untouched(refusal: Refusal) -> None:
    """The user's file is still there, with its content."""
    assert refusal.user_file.exists()
    if refusal.user_file.name == USER_FILE:
        assert refusal.user_file.read_text() == USER_TEXT
        assert sorted(
            p.name
            for p in refusal.user_file.parent.iterdir()
            if p.name != MARKER and p.name not in (".git", "Pulumi.yaml", "src")
        ) == [USER_FILE]
