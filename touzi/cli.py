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


_registered = False


def build() -> typer.Typer:
    """The typer app with every command registered (idempotent)."""
    global _registered
    if not _registered:
        from touzi.commands import registry

        for name, func in registry.COMMANDS:
            app.command(name)(func)
        _registered = True
    return app


def main() -> None:
    """Entry point of the `touzi` console script."""
    from touzi.schema.db import SchemaTooNew

    try:
        build()(standalone_mode=True)
    except SchemaTooNew as exc:
        # A database from a newer touzi is refused with one line, not a traceback.
        typer.echo(f"error: {exc}", err=True)
        raise SystemExit(2) from exc


if __name__ == "__main__":
    main()
