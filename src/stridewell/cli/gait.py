"""`stridewell gait ...` commands: thin wrappers over stridewell.gait and stridewell.report.gait."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from stridewell.gait import GaitAnalysis, GaitInputError
from stridewell.gait.norms import amount
from stridewell.report.gait import analyse_and_report

app = typer.Typer(no_args_is_help=True)
STAGES = {
    "pose": "Finding the runner",
    "video": "Drawing the video",
    "report": "Writing the report",
    "done": "Done",
}


def summary_text(a: GaitAnalysis) -> str:
    """Return a short plain-text summary of an analysis: cadence, metrics, findings, notes."""
    lines = [
        f"{a.source}: {a.view.view} view, {a.fps:.0f} fps, {len(a.steps)} foot contacts",
        f"Cadence: {a.cadence.steps_per_min:.1f} steps/min ({a.cadence.method})",
    ]
    labels = {n.key: n for n in a.norms}
    for s in a.summary:
        flag = "" if s.status == "ok" else f"  <- {s.status}"
        lines.append(
            f"  {labels[s.metric].label} ({s.side}): {amount(s.mean, s.unit)}"
            f" ± {s.sd:.{2 if s.unit == 's' else 1}f}"
            f"  [usual: {labels[s.metric].range_text()}]{flag}"
        )
    for f in a.findings:
        lines += [f"Finding: {f.title}", f"  {f.explanation}", f"  Try: {f.cue}"]
    lines += [f"Note: {n}" for n in a.notes]
    return "\n".join(lines)


@app.command("analyse")
def analyse_command(
    video: Annotated[Path, typer.Argument(help="Phone video of the runner (mp4 or mov).")],
    view: Annotated[
        str | None, typer.Option(help="side, rear or front (found by itself if left out).")
    ] = None,
    out: Annotated[
        Path, typer.Option(help="Folder for the report, JSON and annotated video.")
    ] = Path("gait-report"),
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the full analysis as JSON.")
    ] = False,
    annotate: Annotated[bool, typer.Option(help="Write the annotated video.")] = True,
    pdf: Annotated[bool, typer.Option(help="Write the PDF report.")] = True,
) -> None:
    """Analyse a running video: cadence, foot strike, knee angles, findings, report."""
    if view not in (None, "side", "rear", "front"):
        typer.echo("Error: --view must be side, rear or front.", err=True)
        raise typer.Exit(2)
    chosen: Literal["side", "rear", "front"] | None = view  # type: ignore[assignment]
    console = Console(stderr=True)
    try:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as bar:
            task = bar.add_task("Reading the video", total=1.0)

            def progress(stage: str, fraction: float) -> None:
                bar.update(task, description=STAGES.get(stage, stage), completed=fraction)

            analysis, report = analyse_and_report(
                video, out, view=chosen, progress=progress, annotate=annotate, pdf=pdf
            )
    except GaitInputError as exc:
        typer.echo(f"Cannot analyse this video: {exc.problem}", err=True)
        typer.echo(f"What to film instead: {exc.advice}", err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(analysis.to_dict(), indent=1))
        return
    typer.echo(summary_text(analysis))
    typer.echo(f"Report: {report.html}" + (f" and {report.pdf}" if report.pdf else ""))
    if "video" in analysis.files:
        typer.echo(f"Annotated video: {analysis.files['video']}")
