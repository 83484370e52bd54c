"""The Pulumi project as the CLI sees it: `Pulumi.yaml`, its `main`, and how its program runs.

The offline engine must plan exactly what `pulumi up` would run, so it reads the
program's location from `Pulumi.yaml` (`main`, default: the project folder, whose
`__main__.py` runs) and executes it the way Pulumi's Python language host does:
`runpy.run_path(program, run_name="__main__")` with the project root as the working
directory. Nothing here builds the platform itself: whatever the program registers
is what gets planned.
"""

from __future__ import annotations

import contextlib
import os
import runpy
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import yaml

PROJECT_FILE = "Pulumi.yaml"
# Folders inside a project that hold installed third-party code or build output,
# never the program: frames there are not "the program's" source positions, and
# modules there are not re-imported per run.
NON_PROGRAM_DIRS = (".venv", ".checkov-venv", "build", "node_modules", ".git")


class ProjectError(ValueError):
    """`Pulumi.yaml` is missing, unreadable or names a program that does not exist."""


@dataclass(frozen=True)
class PulumiProject:
    """What `Pulumi.yaml` says about the program and where its stack files live."""

    root: Path
    name: str
    main: Path  # a file, or a folder whose __main__.py runs
    stacks_dir: Path

    def owns(self, filename: str) -> bool:
        """True when `filename` is program source of this project (not a venv or build)."""
        root = f"{self.root}{os.sep}"
        if not filename.startswith(root):
            # Cheap refusal first; only a path under the root is worth resolving.
            if not filename.startswith(os.sep) or ".." in filename:
                filename = str(Path(filename).resolve())
            if not filename.startswith(root):
                return False
        parts = Path(filename[len(root) :]).parts
        return bool(parts) and parts[0] not in NON_PROGRAM_DIRS and "site-packages" not in parts

    def relative(self, filename: str) -> str:
        """`filename` relative to the project root, with forward slashes."""
        root = f"{self.root}{os.sep}"
        if filename.startswith(root) and ".." not in filename:
            # Already absolute under the (resolved) root: resolving it again, once per
            # registration, was 2% of a plan.
            return Path(filename[len(root) :]).as_posix()
        return Path(filename).resolve().relative_to(self.root).as_posix()

    def program(self) -> Callable[[], None]:
        """The program as a callable: run `main` as `__main__`, as the language host does.

        Call it inside `language_host(project)`, which gives it the process state the
        language host gives a program for the whole run.
        """
        main = str(self.main)

        def run() -> None:
            runpy.run_path(main, run_name="__main__")

        return run


def load_project(root: Path) -> PulumiProject:
    """Read `root/Pulumi.yaml`; a missing or malformed file raises `ProjectError`."""
    root = root.resolve()
    path = root / PROJECT_FILE
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProjectError(f"no {PROJECT_FILE} in {root}") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ProjectError(f"cannot read {path}: {exc}") from None
    if not isinstance(document, dict) or not isinstance(document.get("name"), str):
        raise ProjectError(f"{path}: expected a mapping with a `name:`")
    runtime = document.get("runtime")
    runtime_name = runtime.get("name") if isinstance(runtime, dict) else runtime
    if runtime_name != "python":
        raise ProjectError(
            f"{path}: runtime is {runtime_name!r}; the offline engine runs python programs"
        )
    main = root / str(document.get("main") or ".")
    if not main.exists():
        raise ProjectError(f"{path}: main {document.get('main')!r} does not exist")
    if main.is_dir() and not (main / "__main__.py").is_file():
        raise ProjectError(f"{path}: main {main} has no __main__.py")
    stacks_dir = root / str(document.get("stackConfigDir") or ".")
    return PulumiProject(
        root=root, name=document["name"], main=main.resolve(), stacks_dir=stacks_dir.resolve()
    )


def _top_level_names(project: PulumiProject) -> set[str]:
    """Importable names at the project root (`stacks`, `components`, `extra.py` -> `extra`)."""
    names = set()
    for entry in project.root.iterdir():
        if entry.name in NON_PROGRAM_DIRS or entry.name.startswith("."):
            continue
        if entry.is_dir() and entry.name.isidentifier():
            names.add(entry.name)
        elif entry.suffix == ".py" and entry.stem.isidentifier() and entry.stem != "__main__":
            names.add(entry.stem)
    return names


def _program_modules(project: PulumiProject, top_level: set[str]) -> dict[str, ModuleType]:
    """Modules that are the project's: loaded from its files, or named like its packages.

    The second half matters when the same package names were first imported from
    another checkout (a copy of the project planned from this one's interpreter).
    """
    found = {}
    for name, module in list(sys.modules.items()):
        if name == "__main__":  # the interpreter's own; runpy swaps it for the run
            continue
        filename = getattr(module, "__file__", None)
        if name.split(".", 1)[0] in top_level or (
            isinstance(filename, str) and project.owns(filename)
        ):
            found[name] = module
    return found


@contextlib.contextmanager
def _fresh_program_modules(project: PulumiProject) -> Iterator[None]:
    """The program imports its own modules anew, and the caller's modules come back after.

    Under `pulumi up` the program runs in a new interpreter, so a module that only
    the program imports runs its top-level code (and registers what it declares)
    once per deployment. Planning several stacks in one process must behave the
    same: modules of the project are dropped before the run and the caller's
    copies restored afterwards, so nothing is cached from one plan to the next.
    """
    top_level = _top_level_names(project)
    saved = _program_modules(project, top_level)
    for name in saved:
        del sys.modules[name]
    root = str(project.root)
    added = root not in sys.path
    if added:
        # The language host runs the program from the project root, whose packages
        # it imports (runpy adds a folder `main` itself; a file `main` needs this).
        sys.path.insert(0, root)
    try:
        yield
    finally:
        if added and root in sys.path:
            sys.path.remove(root)
        for name in _program_modules(project, top_level):
            del sys.modules[name]
        sys.modules.update(saved)


@contextlib.contextmanager
def language_host(project: PulumiProject) -> Iterator[None]:
    """The process state `pulumi-language-python-exec` gives a program, for one whole run.

    cwd is the project root, `sys.argv` names the program, the project root is
    importable and the project's modules are imported anew. It must span the run
    and the wait for outstanding RPCs after it: Pulumi resolves a component's
    outputs by reading its class's annotations through its module in `sys.modules`.
    """
    saved_argv, saved_cwd = sys.argv[:], os.getcwd()
    sys.argv = [str(project.main)]
    os.chdir(project.root)
    try:
        with _fresh_program_modules(project):
            yield
    finally:
        sys.argv = saved_argv
        os.chdir(saved_cwd)
