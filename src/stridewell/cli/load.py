"""`stridewell load ...` commands: import watch history, report, plan."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from stridewell.load import (
    Athlete,
    Finding,
    Goal,
    ImportResult,
    LoadError,
    analyse,
    default_store,
    findings,
    import_paths,
    plan_from_history,
    read_store,
)
from stridewell.load import Progress as ImportProgress
from stridewell.load.store import add_import
from stridewell.report.load import write_load_report

app = typer.Typer(no_args_is_help=True)
console = Console(highlight=False)

StoreOpt = Annotated[Path | None, typer.Option(
    "--store", help="Folder of the local session store (default: $STRIDEWELL_LOAD_STORE or "
                    "~/.local/share/stridewell/load).")]


def _fail(err: Exception) -> typer.Exit:
    typer.echo(f"Error: {err}", err=True)
    return typer.Exit(2)


def _date(text: str | None, name: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"expected a date as YYYY-MM-DD, got {text!r}",
                                 param_hint=name) from None


def run_import(paths: list[Path], store: Path, show: bool = True) -> ImportResult:
    """Import `paths` into the store at `store` with a progress bar; returns the import result."""
    stored = read_store(store)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeRemainingColumn())
    with Progress(*columns, console=console, disable=not show, transient=True) as bar:
        task = bar.add_task("Reading files", total=None)

        def tick(p: ImportProgress) -> None:
            bar.update(task, total=p.total, completed=p.done)

        result = import_paths(paths, known_hashes=stored.hashes.keys(),
                              existing=stored.sessions, progress=tick)
    add_import(store, result)
    return result


def _summary(result: ImportResult) -> Table:
    kinds = [p.kind for p in result.problems]
    table = Table(title="Import summary")
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [
        ("activity files found", result.files_seen),
        ("files read", result.files_parsed),
        ("new sessions", len(result.sessions)),
        ("already imported before (skipped)", kinds.count("known")),
        ("duplicates (same file or same session)", kinds.count("duplicate")),
        ("read with damage (salvaged)", kinds.count("salvaged")),
        ("not activities (settings, workouts, tables ...)",
         kinds.count("not_activity") + kinds.count("unsupported")),
        ("rejected (no usable activity data)", kinds.count("rejected")),
    ]
    for what, n in rows:
        table.add_row(what, str(n))
    return table


def _short(source: str, roots: list[Path]) -> str:
    for root in roots:
        prefix = str(root).rstrip("/") + "/"
        if source.startswith(prefix):
            return source[len(prefix):]
    return source


def _problems(result: ImportResult, roots: list[Path]) -> Table:
    table = Table(title="Files not imported, or imported with damage")
    table.add_column("file", overflow="fold")
    table.add_column("outcome")
    table.add_column("reason", overflow="fold")
    for p in result.problems:
        if p.kind not in ("known", "duplicate"):
            table.add_row(_short(p.source, roots), p.kind.replace("_", " "), p.reason)
    return table


def _show_findings(found: list[Finding], limit: int, weeks: int) -> None:
    if not found:
        console.print(f"No warnings in the last {weeks} weeks: single-run, weekly and recovery "
                      "checks all passed.")
        return
    console.print(f"\n[bold]Warnings of the last {weeks} weeks[/bold] ({len(found)}; showing "
                  f"{min(limit, len(found))}; `stridewell load report` lists the whole history):")
    for i, f in enumerate(found[:limit], start=1):
        console.print(escape(f"{i}. ({f.severity}) {f.message}\n   Threshold: {f.threshold}."
                             f"\n   Instead: {f.advice}\n   Evidence: {f.evidence}"))


@app.command("import")
def import_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders or export zips.")],
    store: StoreOpt = None,
    warnings: Annotated[int, typer.Option(min=0, help="How many warnings to print.")] = 10,
    recent: Annotated[int, typer.Option(
        min=1, max=520, help="Print warnings of this many last weeks.")] = 8,
) -> None:
    """Import FIT/GPX/TCX files, folders and Garmin/Strava export zips; print what was found."""
    folder = store or default_store()
    try:
        result = run_import(paths, folder)
        history = read_store(folder).sessions
    except LoadError as err:
        raise _fail(err) from err
    console.print(_summary(result))
    if any(p.kind not in ("known", "duplicate") for p in result.problems):
        console.print(_problems(result, paths))
    if history:
        a = analyse(history)
        since = a.as_of - timedelta(weeks=recent)
        _show_findings(findings(a, since=since), warnings, recent)
    console.print(f"Store: {folder}")


@app.command()
def report(
    html: Annotated[Path, typer.Option("--html", help="Where to write the HTML report.")],
    store: StoreOpt = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Also write a PDF beside the HTML.")] = False,
    weeks: Annotated[int, typer.Option(min=4, max=520, help="Weeks shown in the plots.")] = 26,
    hr_max: Annotated[float | None, typer.Option(
        min=100, max=250, help="Runner's maximum heart rate.")] = None,
    hr_rest: Annotated[float | None, typer.Option(
        min=25, max=120, help="Runner's resting heart rate.")] = None,
    as_of: Annotated[str | None, typer.Option(help="Last day to include, YYYY-MM-DD.")] = None,
    runner: Annotated[str, typer.Option(help="Name shown on the report.")] = "",
) -> None:
    """Write the training-load report (warnings and plots) from the imported sessions."""
    day = _date(as_of, "--as-of")
    if hr_max is not None and hr_rest is not None and hr_rest >= hr_max:
        raise typer.BadParameter("the resting heart rate must be below the maximum",
                                 param_hint="--hr-rest")
    if html.is_dir():
        raise _fail(LoadError(f"cannot write the report: {html} is a folder; give a file name "
                              "such as load.html"))
    try:
        sessions = read_store(store or default_store()).sessions
        if not sessions:
            raise LoadError("no sessions imported yet: run `stridewell load import PATH` first")
        a = analyse(sessions, athlete=Athlete(hr_max, hr_rest), as_of=day)
        out = write_load_report(a, findings(a), html, pdf=pdf, weeks=weeks, runner=runner)
    except LoadError as err:
        raise _fail(err) from err
    except OSError as err:
        raise _fail(LoadError(f"cannot write the report to {html}: {err.strerror}")) from err
    console.print(f"Report: {out.html}" + (f" and {out.pdf}" if out.pdf else ""))


@app.command()
def plan(
    minutes: Annotated[float | None, typer.Option(
        min=1, max=2000, help="Goal: running minutes a week.")] = None,
    km: Annotated[float | None, typer.Option(
        min=1, max=300, help="Goal: running km a week.")] = None,
    race: Annotated[str | None, typer.Option(help="Race date, YYYY-MM-DD.")] = None,
    start: Annotated[str | None, typer.Option(help="First plan day (default today).")] = None,
    step: Annotated[float | None, typer.Option(help="Minutes added a week (5-10).")] = None,
    store: StoreOpt = None,
) -> None:
    """Print a week-by-week progression plan from the imported history to a goal."""
    first = _date(start, "--start") or date.today()
    goal = Goal(minutes, km, _date(race, "--race"))
    try:
        sessions = read_store(store or default_store()).sessions
        result = plan_from_history(sessions, goal, start=first, step_min=step)
    except LoadError as err:
        raise _fail(err) from err
    b = result.base
    console.print(f"Base: {b.weekly_min:.0f} min of running a week over the last 3 weeks; "
                  f"longest run {b.longest_min:.0f} min in the last 30 days.")
    table = Table(title="Progression plan")
    for col in ("week", "from", "run min", "long run", "days (Mon-Sun)"):
        table.add_column(col)
    for w in result.weeks:
        days = " · ".join(d.kind if not d.minutes else f"{d.kind} {d.minutes:.0f}"
                          for d in w.days)
        label = f"{w.number}" + (" (lighter)" if w.lighter else "")
        table.add_row(label, w.start.isoformat(), f"{w.run_min:.0f}", f"{w.long_run_min:.0f}",
                      days)
    console.print(table)
    for note in result.notes:
        console.print(f"* {note}")
