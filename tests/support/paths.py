"""Where things are, for tests anywhere in the tree (no counting of parent folders)."""

from __future__ import annotations

from stacks.stack_files import REPO_ROOT, STACKS_DIR

REPO = REPO_ROOT
TESTS = REPO / "tests"

__all__ = ["REPO", "STACKS_DIR", "TESTS"]
