"""The gait report: HTML (Jinja2) with inline plots, and PDF via WeasyPrint."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup

from stridewell.gait import GaitAnalysis, Summary, analyse_video
from stridewell.gait.pose import Progress
from stridewell.gait.view import View
from stridewell.report.gait_plots import knee_cycle_figure, steps_figure
from stridewell.report.render import figure_to_svg, html_to_pdf, render_html

__all__ = ["GaitReport", "analyse_and_report", "render_gait_report", "write_gait_report"]

STEP_COLUMNS = (
    ("ic_time", "contact at (s)"),
    ("step_time", "step (s)"),
    ("contact_time", "contact (ms)"),
    ("foot_strike", "foot strike"),
    ("foot_strike_angle", "strike angle"),
    ("knee_flexion_ic", "knee at contact"),
    ("knee_flexion_peak", "knee peak"),
    ("shank_angle_ic", "shank"),
    ("overstride", "heel ahead %"),
    ("trunk_lean", "trunk"),
    ("vertical_oscillation", "bounce %"),
    ("pelvic_drop", "pelvic drop"),
    ("knee_fppa", "knee inward"),
)


@dataclass(frozen=True)
class GaitReport:
    """Where the report was written: the HTML file and the PDF (None when not asked for)."""

    html: Path
    pdf: Path | None


def _rows(a: GaitAnalysis) -> list[dict[str, Any]]:
    by_metric: dict[str, dict[str, Summary]] = {}
    for s in a.summary:
        by_metric.setdefault(s.metric, {})[s.side] = s
    rows = []
    for norm in a.norms:
        sides = by_metric.get(norm.key)
        if norm.key == "cadence" or not sides:
            continue
        rows.append({"norm": norm, "left": sides.get("left"), "right": sides.get("right")})
    return rows


def render_gait_report(
    a: GaitAnalysis, *, title: str = "Running gait analysis", runner: str = ""
) -> str:
    """Return the report's HTML: summary table, findings and cues, plots, steps, sources."""
    figs = [knee_cycle_figure(a), steps_figure(a)]
    plots = [Markup(figure_to_svg(f)) for f in figs if f is not None]
    columns = [
        (k, label) for k, label in STEP_COLUMNS if any(getattr(s, k) is not None for s in a.steps)
    ]
    return render_html(
        "gait/report.html",
        a=a,
        title=title,
        runner=runner,
        today=date.today().isoformat(),
        rows=_rows(a),
        plots=plots,
        columns=columns,
        cadence_norm=next(n for n in a.norms if n.key == "cadence"),
    )


def write_gait_report(
    a: GaitAnalysis, out_dir: str | Path, *, pdf: bool = True, runner: str = ""
) -> GaitReport:
    """Write report.html (and report.pdf) into `out_dir`; returns their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    html = render_gait_report(a, runner=runner)
    html_path = out / "report.html"
    html_path.write_text(html)
    pdf_path = None
    if pdf:
        pdf_path = out / "report.pdf"
        html_to_pdf(html, pdf_path, base_url=str(out))
    return GaitReport(html_path, pdf_path)


def analyse_and_report(
    video: str | Path,
    out_dir: str | Path,
    *,
    view: View | None = None,
    progress: Progress | None = None,
    annotate: bool = True,
    pdf: bool = True,
) -> tuple[GaitAnalysis, GaitReport]:
    """Return the analysis of a video and its written report (HTML, PDF, annotated video)."""
    written: list[GaitReport] = []

    def report(analysis: GaitAnalysis) -> None:
        if progress is not None:
            progress("report", 0.0)
        written.append(write_gait_report(analysis, out_dir, pdf=pdf))
        if progress is not None:
            progress("report", 1.0)

    analysis = analyse_video(
        video, view=view, out_dir=out_dir, progress=progress, annotate=annotate, meanwhile=report
    )
    return analysis, written[0]
