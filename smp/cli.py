"""`smp`: the platform's command line for platform engineers, reviewers and auditors.

Exit codes: 0 ok, 1 policy violations, 2 usage or configuration error. Bad input
gets a one-paragraph explanation on stderr, never a traceback.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table
from rich.tree import Tree

from platform_spec import (
    ConfigError,
    PlatformConfig,
    format_validation_error,
)
from policies.jurisdictions import CLOUDS, JURISDICTIONS
from smp.new_stack import NewStack, NewStackError, compose_stack_value
from smp.offline.engine import STACK_TYPE, Plan, PlanError, plan_stack_offline
from smp.offline.mocks import UnmockedInvokeError
from smp.offline.project import PROJECT_FILE, ProjectError, load_project
from smp.templates import DEFAULT_PROFILE
from stacks.stack_files import (
    REPO_ROOT,
    STACKS_DIR,
    list_stacks,
    load_stack_file,
    stack_path,
    validate_stack_name,
    write_stack_file,
)

EXIT_OK, EXIT_VIOLATIONS, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    name="smp",
    help="Sovereign ML Platform: plan, check and create per-region stacks offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Piped output (CI logs, PR comments) gets a width that fits stack names and URNs.
out = Console(width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 160)

StacksDir = Annotated[
    Path | None,
    typer.Option(
        "--stacks-dir",
        help="Folder with the Pulumi.<stack>.yaml files (default: the project's stackConfigDir).",
        file_okay=False,
    ),
]
T = TypeVar("T")


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    err.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    raise typer.Exit(code)


def _guard(action: Callable[[], T]) -> T:
    """Run `action`, turning config and plan errors into a clear message and exit 2."""
    try:
        return action()
    except ConfigError as exc:
        _fail(exc.render().replace("[", r"\["))
    except (PlanError, UnmockedInvokeError) as exc:
        _fail(f"the program failed while planning: {exc}".replace("[", r"\["))


ProjectDir = Annotated[
    Path | None,
    typer.Option(
        "--project",
        help="The Pulumi project (folder with Pulumi.yaml) "
        "whose program is planned; default: found from the current "
        "folder upwards, else the one smp is installed from.",
        file_okay=False,
    ),
]


def _project_root(given: Path | None) -> Path:
    """The project whose program `pulumi up` would run from here, as the CLI finds it."""
    if given is not None:
        if not (given / PROJECT_FILE).is_file():
            _fail(f"--project {given}: no {PROJECT_FILE} there")
        return given.resolve()
    for folder in (Path.cwd(), *Path.cwd().parents):
        if (folder / PROJECT_FILE).is_file():
            return folder.resolve()
    return REPO_ROOT


def _stacks_dir(given: Path | None, project_root: Path) -> Path:
    """`--stacks-dir`, else the project's `stackConfigDir`."""
    if given is not None:
        if not given.is_dir():
            _fail(f"--stacks-dir {given}: the stacks folder does not exist")
        return given
    try:
        return load_project(project_root).stacks_dir
    except ProjectError as exc:
        _fail(str(exc))


def _writable_target(path: Path, option: str) -> Path:
    """Refuse an output path that cannot be written, before any planning starts."""
    if path.is_dir():
        _fail(f"{option} {path}: is a folder; give a file path")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        _fail(f"{option} {path}: folder {parent} does not exist")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        _fail(f"{option} {path}: not writable")
    return path


def _write(path: Path, text: str, option: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(f"{option} {path}: cannot write it: {exc.strerror}")


@app.command("stacks")
def stacks_command(
    stacks_dir: StacksDir = None,
    counts: Annotated[
        bool,
        typer.Option(
            "--counts", help="Also plan each stack offline and count its resources (slower)."
        ),
    ] = False,
    project: ProjectDir = None,
) -> None:
    """List every stack with its cloud, region, environment and profile; exit 2 if one is invalid.

    Only the stack files are read; `--counts` also plans each stack offline.
    """
    root = _project_root(project)
    folder = _stacks_dir(stacks_dir, root)
    names = list_stacks(folder)
    if not names:
        _fail(f"no stack files (Pulumi.<stack>.yaml) in {folder}")
    table = Table(title="Stacks", title_justify="left")
    for column in (
        "stack",
        "cloud",
        "region",
        "environment",
        "profile",
        *(["resources"] if counts else []),
    ):
        table.add_column(column, justify="right" if column == "resources" else "left", no_wrap=True)
    problems: list[str] = []
    planned: dict[str, int | str] = {}
    if counts:
        from smp.gate import plan_counts

        with err.status("planning stacks offline...") as status:
            planned = plan_counts(
                names, folder, root, progress=lambda s: status.update(f"planning {s} offline...")
            )
    for name in names:
        try:
            p = load_stack_file(name, folder).platform
        except ConfigError as exc:
            problems.append(exc.render())
            table.add_row(name, *["-"] * 4, *(["[red]invalid[/]"] if counts else []))
            continue
        count = planned.get(name)
        if isinstance(count, str):
            problems.append(f"{name}: {count}")
        table.add_row(
            name,
            p.cloud,
            p.region,
            p.environment,
            p.profile,
            *([str(count) if isinstance(count, int) else "[red]error[/]"] if counts else []),
        )
    out.print(table)
    if problems:
        for message in problems:
            err.print(message, markup=False, highlight=False)
        raise typer.Exit(EXIT_USAGE)


def _resource_count(plan: Plan) -> int:
    return sum(1 for r in plan.resources if r.type != STACK_TYPE)


@app.command("plan")
def plan_command(
    stack: Annotated[str, typer.Argument(help="Stack name, e.g. aws-uae-prod.")],
    json_file: Annotated[
        Path | None, typer.Option("--json", help="Also write the plan as JSON ('-' for stdout).")
    ] = None,
    stacks_dir: StacksDir = None,
    project: ProjectDir = None,
) -> None:
    """Plan one stack offline: the resource tree by component and counts by type."""
    if json_file is not None and str(json_file) != "-":
        _writable_target(json_file, "--json")
    root = _project_root(project)
    folder = _stacks_dir(stacks_dir, root)
    plan = _guard(lambda: plan_stack_offline(stack, folder, project_dir=root))
    if json_file is not None and str(json_file) == "-":
        sys.stdout.write(json.dumps(plan.to_json(), indent=2, sort_keys=True) + "\n")
        return
    out.print(_tree(plan))
    counts = Table(
        title=f"{stack}: {_resource_count(plan)} resources by type", title_justify="left"
    )
    counts.add_column("type")
    counts.add_column("count", justify="right")
    for type_, count in plan.counts_by_type().items():
        counts.add_row(type_, str(count))
    out.print(counts)
    if json_file is not None:
        _write(json_file, json.dumps(plan.to_json(), indent=2, sort_keys=True) + "\n", "--json")
        out.print(f"plan written to {json_file}")


def _tree(plan: Plan) -> Tree:
    """Components as branches, custom resources and providers as leaves."""
    root = Tree(f"[bold]{plan.stack}[/] ({plan.project})")
    nodes: dict[str, Tree] = {}
    for _depth, resource in plan.walk():
        if resource.type == STACK_TYPE:
            nodes[resource.urn] = root
            continue
        parent = nodes.get(resource.parent or "", root)
        style = "cyan" if not resource.custom and not resource.is_provider else "white"
        label = f"[{style}]{resource.type}[/] {resource.name}"
        nodes[resource.urn] = parent.add(label)
    return root


@app.command("new-stack")
def new_stack_command(
    name: Annotated[str, typer.Argument(help="New stack name, e.g. aws-uae-staging.")],
    cloud: Annotated[str, typer.Option(help=f"One of: {', '.join(CLOUDS)}.")],
    region: Annotated[str, typer.Option(help="A region inside the jurisdiction.")],
    env: Annotated[str, typer.Option(help="prod, staging, dev or dr.")],
    profile: Annotated[
        str | None, typer.Option(help="smb or enterprise (default: by environment).")
    ] = None,
    jurisdiction: Annotated[str, typer.Option(help="Jurisdiction id.")] = "uae",
    from_stack: Annotated[
        str | None, typer.Option("--from", help="Copy settings from this stack (same cloud).")
    ] = None,
    persona: Annotated[
        list[str] | None,
        typer.Option(
            help="NAME=PRINCIPAL (repeatable); default: copied from a stack of the same cloud."
        ),
    ] = None,
    owner: Annotated[str | None, typer.Option(help="Owner tag (default: copied).")] = None,
    cost_centre: Annotated[
        str | None, typer.Option(help="Cost-centre tag (default: copied).")
    ] = None,
    sector: Annotated[
        str | None,
        typer.Option(
            help="general, government, banking or health (default: the --from stack's, "
            "else general); a regulated sector sets dataClassification restricted."
        ),
    ] = None,
    stacks_dir: Annotated[
        Path,
        typer.Option(
            "--stacks-dir", help="Folder with the Pulumi.<stack>.yaml files.", file_okay=False
        ),
    ] = STACKS_DIR,
) -> None:
    """Write a new, validated stacks/Pulumi.<name>.yaml, or refuse and write nothing."""
    _guard(lambda: validate_stack_name(name))
    if not stacks_dir.is_dir():
        _fail(
            f"--stacks-dir {stacks_dir} does not exist; create it or point at the folder "
            "that holds the Pulumi.<stack>.yaml files"
        )
    if not os.access(stacks_dir, os.W_OK | os.X_OK):
        _fail(
            f"--stacks-dir {stacks_dir} is read-only for you; the new stack file cannot "
            "be written there"
        )
    if cloud not in CLOUDS:
        _fail(f"--cloud {cloud!r} is not supported; use one of: {', '.join(CLOUDS)}")
    if jurisdiction not in JURISDICTIONS:
        _fail(
            f"--jurisdiction {jurisdiction!r} is unknown; known: {', '.join(sorted(JURISDICTIONS))}"
        )
    catalogue = JURISDICTIONS[jurisdiction]
    if not catalogue.allows(cloud, region):
        _fail(catalogue.explain_region(cloud, region))
    if env not in DEFAULT_PROFILE:
        _fail(f"--env {env!r} is not an environment; use one of: {', '.join(DEFAULT_PROFILE)}")
    chosen_profile = profile or DEFAULT_PROFILE[env]
    if chosen_profile not in ("smb", "enterprise"):
        _fail(f"--profile {chosen_profile!r}: use smb or enterprise")
    path = stack_path(name, stacks_dir)
    if path.exists():
        _fail(f"{path} already exists; pick another name or edit it with `pulumi config set`")

    try:
        value = compose_stack_value(
            NewStack(
                name=name,
                cloud=cloud,
                region=region,
                environment=env,
                profile=chosen_profile,
                jurisdiction=jurisdiction,
                from_stack=from_stack,
                personas=list(persona or []),
                owner=owner,
                cost_centre=cost_centre,
                sector=sector,
            ),
            stacks_dir,
        )
    except NewStackError as exc:
        _fail(str(exc).replace("[", r"\["))
    except ConfigError as exc:
        _fail(exc.render().replace("[", r"\["))

    try:
        platform = PlatformConfig.model_validate(value)
    except ValidationError as exc:
        _fail(
            ConfigError(f"new stack {name!r}", format_validation_error(exc))
            .render()
            .replace("[", r"\[")
        )
    try:
        written = write_stack_file(name, platform.to_stack_value(), stacks_dir)
    except FileExistsError:
        _fail(f"{path} appeared while the stack was prepared; it was left as it is")
    except OSError as exc:
        _fail(f"cannot write {path}: {exc.strerror or exc}")
    out.print(
        f"wrote {written} ({cloud} {platform.region}, {env}, {chosen_profile}); "
        f"next: `pulumi stack init {name}` and `pulumi up --policy-pack policies`"
    )


@app.command("render")
def render_command(
    stack: Annotated[str, typer.Argument(help="Stack name, e.g. aws-uae-prod.")],
    out_dir: Annotated[
        Path,
        typer.Option(
            "--out",
            help="Folder to write: new, empty, or one smp render wrote before (replaced).",
            file_okay=False,
        ),
    ],
    stacks_dir: StacksDir = None,
    project: ProjectDir = None,
) -> None:
    """Write the stack's Kubernetes objects as YAML and validate them against the schemas.

    Exit 1 when an object does not validate against the Kubernetes schemas of the
    stack's version; custom resources without a schema are listed as unchecked.
    Exit 2, before planning, when --out is a folder smp render did not create.
    """
    from smp.render import RENDER_TOOL, render_plan, validate_rendering
    from workloads.output_folder import OutputFolderError, OwnedOutputFolder

    try:
        OwnedOutputFolder.claim(out_dir, RENDER_TOOL)
    except OutputFolderError as exc:
        _fail(str(exc).replace("[", r"\["))
    root = _project_root(project)
    folder = _stacks_dir(stacks_dir, root)
    settings = _guard(lambda: load_stack_file(stack, folder))
    plan = _guard(lambda: plan_stack_offline(stack, folder, project_dir=root))
    try:
        rendering = render_plan(plan, out_dir)
    except OutputFolderError as exc:  # something appeared in the folder while planning
        _fail(str(exc).replace("[", r"\["))
    report = validate_rendering(rendering, settings.platform.kubernetes_version)
    table = Table(
        title=f"{stack}: {len(rendering.objects)} objects under {out_dir} "
        f"(Kubernetes {report.version} schemas)",
        title_justify="left",
    )
    table.add_column("result")
    table.add_column("object", overflow="fold")
    table.add_column("detail", overflow="fold")
    for path, detail in report.invalid:
        table.add_row("[red]invalid[/]", str(path.relative_to(out_dir)), detail)
    for path, detail in report.unchecked:
        table.add_row("[yellow]unchecked[/]", str(path.relative_to(out_dir)), detail)
    if report.invalid or report.unchecked:
        out.print(table)
    out.print(
        f"{len(report.valid)} valid, {len(report.invalid)} invalid, "
        f"{len(report.unchecked)} unchecked custom resources"
        + (
            f"; {len(rendering.helm_releases)} Helm releases in {rendering.helm_file}"
            if rendering.helm_file
            else ""
        )
    )
    if report.invalid:
        raise typer.Exit(EXIT_VIOLATIONS)


class Format(StrEnum):
    """Output formats of `smp check`."""

    text = "text"
    json = "json"
    sarif = "sarif"
    markdown = "markdown"


ReportFile = Annotated[Path | None, typer.Option(dir_okay=False)]


@app.command("check")
def check_command(
    stacks: Annotated[list[str] | None, typer.Argument(help="Stacks to check.")] = None,
    all_stacks: Annotated[bool, typer.Option("--all", help="Check every stack.")] = False,
    output_format: Annotated[Format, typer.Option("--format", help="Report format.")] = Format.text,
    output: Annotated[
        Path | None,
        typer.Option("--output", help="Write the --format report to this file.", dir_okay=False),
    ] = None,
    sarif_file: Annotated[
        Path | None, typer.Option("--sarif", help="Also write SARIF here.", dir_okay=False)
    ] = None,
    markdown_file: Annotated[
        Path | None,
        typer.Option("--markdown", help="Also write the markdown report here.", dir_okay=False),
    ] = None,
    json_file: Annotated[
        Path | None, typer.Option("--json", help="Also write JSON here.", dir_okay=False)
    ] = None,
    text_file: Annotated[
        Path | None, typer.Option("--text", help="Also write the text report here.", dir_okay=False)
    ] = None,
    pack_config: Annotated[
        Path | None,
        typer.Option(
            "--policy-pack-config",
            help="Policy config JSON, as for `pulumi preview --policy-pack-config`.",
        ),
    ] = None,
    stacks_dir: StacksDir = None,
    project: ProjectDir = None,
) -> None:
    """Plan stacks offline and judge them with the policy pack, planning each stack once.

    Exit 1 on a mandatory violation; exit 2 when a stack cannot be judged (its file is
    invalid or its program fails) — the other stacks are still judged and every
    report is still written. Waived results are reported, never hidden.
    """
    from policies.catalogue import all_rules
    from smp.gate import check_stacks, load_pack_config

    if all_stacks and stacks:
        _fail("give stack names or --all, not both")
    targets = {
        "--output": output,
        "--sarif": sarif_file,
        "--markdown": markdown_file,
        "--json": json_file,
        "--text": text_file,
    }
    for option, path in targets.items():
        if path is not None:
            _writable_target(path, option)
    chosen = [p.resolve() for p in targets.values() if p is not None]
    if len(chosen) != len(set(chosen)):
        _fail("two reports would be written to the same file; give each its own path")
    root = _project_root(project)
    folder = _stacks_dir(stacks_dir, root)
    names = list_stacks(folder) if all_stacks else list(stacks or [])
    if not names:
        _fail(
            "name at least one stack, or use --all"
            if not all_stacks
            else f"no stack files (Pulumi.<stack>.yaml) in {folder}"
        )
    known = list_stacks(folder)
    unknown = [n for n in names if n not in known]
    if unknown:
        _fail(f"no stack named {unknown[0]!r}; stacks: {', '.join(known) or 'none'}")
    rules = all_rules()
    config = _guard(lambda: load_pack_config(pack_config, rules))
    with err.status("checking...") as status:
        results = _guard(
            lambda: check_stacks(
                names,
                config,
                folder,
                project_dir=root,
                progress=lambda s: status.update(f"planning and checking {s}..."),
            )
        )

    def report(kind: Format) -> str:
        from smp.reports import render_json, render_markdown, render_sarif, render_text

        if kind is Format.text:
            buffer = Console(record=True, width=160, file=io.StringIO())
            render_text(results, buffer)
            return buffer.export_text()
        if kind is Format.json:
            return render_json(results)
        if kind is Format.sarif:
            return render_sarif(results, rules, root)
        return render_markdown(results, rules)

    if output is None:
        if output_format is Format.text:
            from smp.reports import render_text

            render_text(results, out)
        else:
            sys.stdout.write(report(output_format))
    else:
        _write(output, report(output_format), "--output")
    for option, path, kind in (
        ("--sarif", sarif_file, Format.sarif),
        ("--markdown", markdown_file, Format.markdown),
        ("--json", json_file, Format.json),
        ("--text", text_file, Format.text),
    ):
        if path is not None:
            _write(path, report(kind), option)
    written = [str(p) for p in targets.values() if p is not None]
    mandatory = sum(len(r.mandatory) for r in results)
    errors = [r for r in results if r.error is not None]
    if written:
        err.print(
            f"reports written to {', '.join(written)} ({mandatory} mandatory "
            f"violations, {len(errors)} stacks that could not be judged)",
            highlight=False,
            markup=False,
        )
    if errors:
        for r in errors:
            e = r.error
            assert e is not None
            at = f"{e.file}:{e.line}:{e.column}" if e.line else e.file
            err.print(f"error: {r.stack} ({at}): {e.message}", highlight=False, markup=False)
        raise typer.Exit(EXIT_USAGE)
    if mandatory:
        raise typer.Exit(EXIT_VIOLATIONS)


class ControlsFormat(StrEnum):
    """Output formats of `smp controls`."""

    markdown = "markdown"
    html = "html"
    csv = "csv"


@app.command("record")
def record_command(
    stack: Annotated[str, typer.Argument(help="Stack name, e.g. aws-uae-prod.")],
    out_files: Annotated[
        list[Path] | None,
        typer.Option(
            "--out",
            help="Write the record here (repeatable); the suffix picks the format: "
            ".md, .json or .html. Without --out, markdown goes to stdout.",
            dir_okay=False,
        ),
    ] = None,
    pack_config: Annotated[
        Path | None,
        typer.Option(
            "--policy-pack-config",
            help="Policy config JSON (its exceptions are the waivers the record lists).",
        ),
    ] = None,
    stacks_dir: StacksDir = None,
    project: ProjectDir = None,
) -> None:
    """The residency and transfer record of one stack, from its offline plan.

    Every data store and stream (location, encryption and key, retention, who can read
    and write it), every flow leaving a store with the jurisdiction's verdict, and the
    exceptions that waive residency results. Exit 1 when a flow leaves the jurisdiction
    without an unexpired exception (RES-020), 2 on bad input.
    """
    from policies.catalogue import all_rules
    from smp.gate import load_pack_config
    from smp.record import FORMATS, RENDERERS, build_record

    targets: list[tuple[Path, str]] = []
    for path in out_files or []:
        kind = FORMATS.get(path.suffix.lower())
        if kind is None:
            _fail(f"--out {path}: give a file ending in {', '.join(FORMATS)}")
        targets.append((_writable_target(path, "--out"), kind))
    resolved = [p.resolve() for p, _ in targets]
    if len(resolved) != len(set(resolved)):
        _fail("--out names the same file twice; give each format its own path")
    root = _project_root(project)
    folder = _stacks_dir(stacks_dir, root)
    known = list_stacks(folder)
    if stack not in known:
        _fail(f"no stack named {stack!r}; stacks: {', '.join(known) or 'none'}")
    config = _guard(lambda: load_pack_config(pack_config, all_rules()))
    settings = _guard(lambda: load_stack_file(stack, folder))
    with err.status(f"planning {stack}..."):
        plan = _guard(lambda: plan_stack_offline(stack, folder, project_dir=root))
    record = build_record(plan, settings.platform.jurisdiction, settings.platform.sector, config)
    if not targets:
        sys.stdout.write(RENDERERS["markdown"](record))
    for path, kind in targets:
        _write(path, RENDERERS[kind](record), "--out")
        err.print(f"{kind} record written to {path}")
    if record["verdict"] != "pass":
        leaving = [f for f in record["flows"] if f["status"].startswith("leaves: violation")]
        err.print(
            f"[bold red]{len(leaving)} flow(s) leave {record['jurisdiction']['name']} "
            "without an unexpired exception[/]"
        )
        raise typer.Exit(EXIT_VIOLATIONS)


@app.command("controls")
def controls_command(
    output_format: Annotated[ControlsFormat, typer.Option("--format")] = ControlsFormat.markdown,
    output: Annotated[Path | None, typer.Option("--output", help="Write to this file.")] = None,
) -> None:
    """The control matrix: ISO 27001, NIST 800-53 and the UAE catalogues, rules and tests."""
    from smp.controls import render_controls_csv, render_controls_html, render_controls_markdown

    render = {
        ControlsFormat.markdown: render_controls_markdown,
        ControlsFormat.html: render_controls_html,
        ControlsFormat.csv: render_controls_csv,
    }[output_format]
    text = render()
    if output is None:
        sys.stdout.write(text)
        return
    if not output.parent.is_dir():
        _fail(f"--output {output}: the folder {output.parent} does not exist; create it first")
    try:
        output.write_text(text)
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or exc}")
    err.print(f"control matrix written to {output}")


def main() -> None:
    """Entry point for `python -m smp.cli`."""
    app()


if __name__ == "__main__":
    main()
