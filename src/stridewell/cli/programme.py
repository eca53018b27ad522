"""`stridewell programme ...` commands."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from stridewell.programme import (
    ProgrammeInputs,
    build_programme,
    decide,
    programme_to_json,
    replay,
    return_to_run_plan,
    rule_for,
)
from stridewell.programme.readers import read_answers, read_pain_log, read_readiness
from stridewell.report.programme import PageSize, programme_text, write_handout

app = typer.Typer(no_args_is_help=True)


@app.command()
def build(
    answers: Annotated[Path, typer.Option("--answers", exists=True, dir_okay=False,
                                          help="JSON file with the assessment answers.")],
    out: Annotated[Path, typer.Option(help="Folder for the handout files.")] = Path("."),
    name: Annotated[str, typer.Option(help="File name stem for the handout.")] = "programme",
    page_size: Annotated[str, typer.Option("--page-size", help="A4 or Letter.")] = "A4",
    save_json: Annotated[bool, typer.Option("--json/--no-json",
                                            help="Also write the programme as JSON.")] = True,
) -> None:
    """Build a programme from assessment answers, print it, and write the HTML and PDF handout."""
    if page_size not in ("A4", "Letter"):
        raise typer.BadParameter("page size must be A4 or Letter", param_hint="--page-size")
    try:
        inputs = read_answers(answers)
    except ValidationError as err:
        typer.echo(f"Invalid answers in {answers}:\n{err}", err=True)
        raise typer.Exit(2) from err
    programme = build_programme(inputs)
    typer.echo(programme_text(programme))
    size: PageSize = "Letter" if page_size == "Letter" else "A4"
    html_path, pdf_path = write_handout(programme, out / name, size)
    typer.echo(f"\nHandout: {html_path} and {pdf_path}")
    if save_json:
        json_path = out / f"{name}.json"
        json_path.write_text(programme_to_json(programme), encoding="utf-8")
        typer.echo(f"Programme JSON: {json_path}")


@app.command("decide")
def decide_cmd(
    log: Annotated[Path, typer.Option("--log", exists=True, dir_okay=False,
                                      help="JSON pain log: [{day, during, next_morning}, ...].")],
    condition: Annotated[str, typer.Option(help="Condition id (sets the pain ceiling).")] = "",
) -> None:
    """Apply the pain-monitoring rule to a pain log: hold, progress or regress, and why."""
    try:
        entries = read_pain_log(log)
    except (ValidationError, ValueError) as err:
        typer.echo(f"Invalid pain log in {log}:\n{err}", err=True)
        raise typer.Exit(2) from err
    decision = decide(entries, rule_for(condition))
    typer.echo(f"{decision.action.upper()}: {decision.explanation}")
    for check in decision.checks:
        typer.echo(f"  [{'ok' if check.passed else 'broken'}] {check.name}: {check.detail}")
    typer.echo(f"Evidence: {decision.source}")


@app.command("return-to-run")
def return_to_run_cmd(
    readiness: Annotated[Path, typer.Option("--readiness", exists=True, dir_okay=False,
                                            help="JSON with the entry checks.")],
    start: Annotated[str, typer.Option(help="First run day, YYYY-MM-DD.")],
    condition: Annotated[str, typer.Option(help="Condition id (adds its advice).")] = "general",
    log: Annotated[Path | None, typer.Option("--log", exists=True, dir_okay=False,
                                             help="JSON pain log of the runs so far.")] = None,
) -> None:
    """Print the walk-run plan, or why running should wait; with --log, where the runner is now."""
    try:
        checks = read_readiness(readiness)
        first = date.fromisoformat(start)
        runs = read_pain_log(log) if log else []
    except (ValidationError, ValueError) as err:
        typer.echo(f"Invalid input: {err}", err=True)
        raise typer.Exit(2) from err
    plan = return_to_run_plan(checks, start=first, condition=condition)
    if not plan.entry.ready:
        typer.echo("Not ready to run yet. Still to reach:")
        typer.echo("\n".join(f"  - {u}" for u in plan.entry.unmet))
        raise typer.Exit(1)
    for run in plan.sessions:
        typer.echo(f"{run.day.isoformat()}  level {run.level:>2}  {run.description}")
    typer.echo("\n".join(f"* {n}" for n in plan.notes))
    if runs:
        now, decisions = replay(plan, runs)
        typer.echo(f"\nNow on level {now.current_level}: {decisions[-1].explanation}")


@app.command()
def schema() -> None:
    """Print the JSON schema of the answers file that `build --answers` reads."""
    typer.echo(json.dumps(ProgrammeInputs.model_json_schema(), indent=2))
