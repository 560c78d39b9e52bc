"""The `touzi` command line: each command parses its arguments and calls the library."""

from __future__ import annotations

import typer

from touzi import __version__

app = typer.Typer(
    name="touzi",
    help="Collect investment news from Chinese local governments, extract project and claim "
    "records, and compare what regions claim.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"touzi {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """touzi: investment projects and regional claims from Chinese local news."""


def _register() -> None:
    # Imported here so that `touzi --help` stays cheap for commands that load heavy stages.
    from touzi.commands import (  # noqa: PLC0415
        registry,
    )

    for name, func in registry.COMMANDS:
        app.command(name)(func)


def main() -> None:
    """Entry point of the `touzi` console script."""
    _register()
    app()


if __name__ == "__main__":
    main()
