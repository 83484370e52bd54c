"""Output folders a tool may replace: only those it created itself.

`smp render --out DIR` and `python -m workloads.demo --out DIR` rewrite their
output folder on every run. A folder is theirs to replace only when it holds the
marker file (`.smp-output`) that the same tool wrote when it created or adopted
the folder. Anything else that is not empty, the current directory and its
ancestors, a repository root, the home folder and `/` are refused before any
work is done, so a mistyped `--out .` never costs a user their files.

Standard library only: `workloads` imports no IaC code, and `stacks` (the CLI)
may import this module, so both tools share one definition of "ours".
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

MARKER = ".smp-output"
# Files whose presence marks a folder as a project (repository) root.
PROJECT_ROOT_FILES = (".git", "Pulumi.yaml")


class OutputFolderError(Exception):
    """An output folder the tool refuses to replace, or cannot create; the message says why."""


def _marker_text(tool: str) -> str:
    # Deterministic (no timestamp): rendering the same stack twice gives identical folders.
    return (
        f"{tool}\n"
        f"# This folder was created by `{tool}`, which replaces all of its contents on\n"
        "# every run. Delete this file to keep the tool from ever replacing the folder.\n"
    )


def marker_tool(folder: Path) -> str | None:
    """The tool named by `folder`'s marker file, or None when it has none (or it is unreadable)."""
    marker = folder / MARKER
    if not marker.is_file() or marker.is_symlink():
        return None
    try:
        first_line = marker.read_text(encoding="utf-8").splitlines()[:1]
    except (OSError, UnicodeDecodeError):
        return None
    return first_line[0].strip() if first_line else None


def _refusal(target: Path, tool: str) -> str | None:
    """Why `tool` may not replace the (resolved) folder `target`, or None when it may."""
    cwd = Path.cwd().resolve()
    try:
        home: Path | None = Path.home().resolve()
    except RuntimeError:  # no HOME and no passwd entry: there is no home folder to guard
        home = None
    if target == Path(target.anchor):
        return "is the filesystem root"
    if target == home:
        return "is your home folder"
    if target == cwd:
        return "is the current directory"
    if cwd.is_relative_to(target):
        return f"is an ancestor of the current directory ({cwd})"
    if target.exists() and not target.is_dir():
        return "is a file, not a folder"
    for name in PROJECT_ROOT_FILES:
        if (target / name).exists():
            return f"is a repository root (it holds {name})"
    if target.is_dir():
        owner = marker_tool(target)
        if owner is not None and owner != tool:
            return f"was created by `{owner}`, not `{tool}`"
        try:
            empty = not any(target.iterdir())
        except OSError as exc:
            return f"cannot be listed ({exc.strerror or exc})"
        if owner is None and not empty:
            return (
                f"is not empty and was not created by `{tool}` (it has no {MARKER} "
                "marker); remove its contents yourself if they can go"
            )
    return None


@dataclass(frozen=True)
class OwnedOutputFolder:
    """An output folder that `tool` may replace; obtain one with `claim`."""

    path: Path
    tool: str

    @classmethod
    def claim(cls, path: Path, tool: str) -> OwnedOutputFolder:
        """Check that `tool` may write `path`, changing nothing; raises `OutputFolderError`.

        Allowed: a missing folder (created by `replace`), an empty folder (adopted) and a
        folder holding `tool`'s marker (replaced). Refused, marker or not: the filesystem
        root, the home folder, the current directory or any of its ancestors, and any
        folder holding `.git` or `Pulumi.yaml`.
        """
        target = path.expanduser().resolve()
        reason = _refusal(target, tool)
        if reason is not None:
            shown = str(path) if str(path) == str(target) else f"{path} ({target})"
            raise OutputFolderError(
                f"output folder {shown} {reason}; refusing to replace it "
                "(choose a new or empty folder, e.g. build/<name>)"
            )
        return cls(target, tool)

    def replace(self) -> Path:
        """Empty (or create) the folder and mark it as `tool`'s; returns its path.

        Checks again first, so nothing appeared since `claim` that is not ours to delete.
        """
        OwnedOutputFolder.claim(self.path, self.tool)
        try:
            if self.path.exists():
                shutil.rmtree(self.path)
            self.path.mkdir(parents=True)
            (self.path / MARKER).write_text(_marker_text(self.tool), encoding="utf-8")
        except OSError as exc:
            raise OutputFolderError(
                f"cannot create output folder {self.path}: {exc.strerror or exc}"
            ) from None
        return self.path
