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
