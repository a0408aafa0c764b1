"""`communique kb …`: knowledge base tools."""

from __future__ import annotations

from typing import Annotated

import typer

from communique.cli.output import EXIT_BAD_INPUT, say

kb_app = typer.Typer(help="Knowledge base tools.", no_args_is_help=True)


@kb_app.command("check")
def kb_check(paths: Annotated[list[str] | None, typer.Argument(help="Extra KB files to validate.")] = None) -> None:
    """Validate the knowledge base (and your own files)."""
    from communique.actors.kb import check_files  # lazy: the knowledge base loader (0.1 s measured)

    problems = check_files(paths or [])
    for p in problems:
        say(p)
    if problems:
        raise typer.Exit(EXIT_BAD_INPUT)
    typer.echo("knowledge base OK")


@kb_app.command("build")
def kb_build(
    sources: Annotated[str, typer.Option(help="Folder of the raw sources.")] = "data-sources/kb",
    output: Annotated[str | None, typer.Option(help="File to write (default: the bundled one).")] = None,
) -> None:
    """Generate the KB's persons and armed groups from the public sources (CAMEO dictionaries, office lists,
    curated group names); the groups are written beside the persons file."""
    from pathlib import Path  # lazy: with the builder below, only for this command

    from communique.actors.kbbuild import build, default_output  # lazy: the KB builder, only for this command
    from communique.actors.kbgroups import GENERATED_ORGS_NAME, build_groups  # lazy: the same builder's groups

    if not Path(sources, "petrarch2").is_dir():
        say(f"{sources}: no petrarch2/ folder of sources here")
        raise typer.Exit(EXIT_BAD_INPUT)
    from communique.actors.placesbuild import build_next_to  # lazy: the places builder, only for this command

    persons_file = Path(output) if output else default_output()
    report = build(Path(sources), persons_file)
    groups = build_groups(Path(sources), persons_file, persons_file.with_name(GENERATED_ORGS_NAME))
    for line in [*report.lines(), *groups.lines()]:
        typer.echo(line)
    places, document = build_next_to(Path(report.output))
    typer.echo(f"places: {len(document['entities'])} cities from CLDR -> {places}")
    if report.problems or groups.problems:
        raise typer.Exit(EXIT_BAD_INPUT)


@kb_app.command("who")
def kb_who(
    office: Annotated[str, typer.Argument(help='"foreign minister", "President", "head_of_state", ...')],
    country: Annotated[str, typer.Option(help="ISO 3166-1 alpha-2 code (EU, UN for those bodies).")],
    date: Annotated[str | None, typer.Option(help="YYYY-MM-DD (default: now).")] = None,
) -> None:
    """Who held an office of a country on a date."""
    from communique.actors.lookup import who  # lazy: loads the knowledge base (0.1 s and more)

    answer = who(office, country.upper(), date)
    if answer.problem:
        say(answer.problem)
        raise typer.Exit(EXIT_BAD_INPUT)
    for line in answer.lines:
        typer.echo(line)


@kb_app.command("find")
def kb_find(
    name: Annotated[str, typer.Argument(help="A name in any script (Latin, Cyrillic, Arabic, Han, ...).")],
    date: Annotated[str | None, typer.Option(help="Show the role held on this date.")] = None,
) -> None:
    """Look a person, organization or place up by name."""
    from communique.actors.lookup import find  # lazy: loads the knowledge base (0.1 s and more)

    lines = find(name, date)
    if not lines:
        say(f"no entity named {name!r}")
        raise typer.Exit(EXIT_BAD_INPUT)
    for line in lines:
        typer.echo(line)
