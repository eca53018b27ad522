"""The `stridewell` command: one module per command group, each a thin wrapper over a function."""

from __future__ import annotations

import typer

from stridewell.cli import assess, gait, load, programme, serve

app = typer.Typer(
    name="stridewell",
    help="Stridewell: runner-care software for sports physiotherapy clinics.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(load.app, name="load", help="Training load: import watch history, report, plan.")
app.add_typer(gait.app, name="gait", help="Gait analysis from a phone video.")
app.add_typer(programme.app, name="programme", help="Exercise programmes and handouts.")
assess.register(app)
serve.register(app)


def main() -> None:
    """Run the command line; returns only through SystemExit."""
    app()
