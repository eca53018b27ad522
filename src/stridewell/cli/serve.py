"""`stridewell serve` (what `make run` uses) and `stridewell manage ...` (Django pass-through)."""

from __future__ import annotations

import os
import subprocess
import sys

import typer


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stridewell.clinic.settings")
    import django

    django.setup()


def serve(host: str = "127.0.0.1", port: int = 8000, worker: bool = True, demo: bool = True) -> None:
    """Migrate, load the demo clinic once, start a task worker and the web server; blocks."""
    _django_setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    if demo:
        call_command("load_demo")
    call_command("resume_jobs", verbosity=0)
    proc = None
    if worker:
        proc = subprocess.Popen(
            [sys.executable, "-m", "stridewell.cli", "manage", "db_worker", "--interval", "1", "--no-reload"]
        )
    if worker:
        _start_periodic()
    try:
        from waitress import serve as waitress_serve

        from stridewell.clinic.wsgi import application

        typer.echo(f"Stridewell is running on http://{host}:{port}/  (Ctrl+C stops it)")
        waitress_serve(application, host=host, port=port, threads=8, _quiet=True)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=10)


def _start_periodic(every_s: float = 3600.0) -> None:
    """Run the periodic chores (reminders, class occurrences) hourly in a background thread."""
    import threading

    from django.core.management import call_command

    def loop() -> None:
        import time

        while True:
            for cmd in ("send_reminders", "generate_class_sessions"):
                try:
                    call_command(cmd, verbosity=0)
                except Exception as exc:  # a chore failing must not stop the server
                    typer.echo(f"{cmd} failed: {exc}", err=True)
            time.sleep(every_s)

    threading.Thread(target=loop, name="stridewell-periodic", daemon=True).start()


def manage(args: list[str]) -> None:
    """Pass the arguments to Django's management commands; returns when the command does."""
    _django_setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["stridewell manage", *args])


def register(app: typer.Typer) -> None:
    """Add `serve` and `manage` to the main app; returns nothing."""

    @app.command("serve")
    def serve_cmd(
        host: str = typer.Option("127.0.0.1", help="Address to listen on."),
        port: int = typer.Option(8000, help="Port to listen on."),
        worker: bool = typer.Option(True, help="Also start a background task worker."),
        demo: bool = typer.Option(True, help="Load the demo clinic if the database is empty."),
    ) -> None:
        """Start the clinic web app and a background worker."""
        serve(host=host, port=port, worker=worker, demo=demo)

    @app.command(
        "manage",
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
        add_help_option=False,
    )
    def manage_cmd(ctx: typer.Context) -> None:
        """Run a Django management command, e.g. `stridewell manage createsuperuser`."""
        manage(list(ctx.args))
