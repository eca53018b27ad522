"""The gait report: HTML (Jinja2) with inline plots, and PDF via WeasyPrint."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup

from stridewell.gait import GaitAnalysis, Summary, analyse_video
from stridewell.gait.pose import Progress
from stridewell.gait.view import View
from stridewell.report.gait_plots import knee_cycle_figure, steps_figure
from stridewell.report.render import html_to_pdf, render_html

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


PLOTS = (
    ("knee-angle-over-the-stride", "Knee angle over the stride", knee_cycle_figure),
    ("each-step", "Each step", steps_figure),
)


@dataclass(frozen=True)
class GaitReport:
    """Where the report was written: HTML, PDF (None when not asked for), plot SVG files."""

    html: Path
    pdf: Path | None
    plots: tuple[Path, ...] = ()


@dataclass(frozen=True)
class _Plot:
    name: str
    title: str
    svg: str
    png: bytes | None


def _plots(a: GaitAnalysis, *, png: bool) -> list[_Plot]:
    """Draw each plot once; return it as SVG text and, for the PDF, as a PNG."""
    import matplotlib.pyplot as plt

    out = []
    for name, title, make in PLOTS:
        fig = make(a)
        if fig is None:
            continue
        try:
            buf = io.StringIO()
            fig.savefig(buf, format="svg", bbox_inches="tight")
            svg = buf.getvalue()
            picture = None
            if png:
                raw = io.BytesIO()
                fig.savefig(raw, format="png", dpi=120, bbox_inches="tight")
                picture = raw.getvalue()
        finally:
            plt.close(fig)
        out.append(_Plot(name, title, svg[svg.find("<svg") :], picture))
    return out


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
    a: GaitAnalysis,
    *,
    title: str = "Running gait analysis",
    runner: str = "",
    plots: list[Markup] | None = None,
) -> str:
    """Return the report's HTML: summary table, findings and cues, plots, steps, sources.

    `plots` replaces the inline SVG plots (the PDF gets PNG pictures: WeasyPrint draws those
    in milliseconds, inline SVG in seconds).
    """
    if plots is None:
        plots = [Markup(p.svg) for p in _plots(a, png=False)]
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
    a: GaitAnalysis,
    out_dir: str | Path,
    *,
    pdf: bool = True,
    runner: str = "",
    plot_files: bool = False,
) -> GaitReport:
    """Write report.html (and report.pdf, plots/NAME.svg) into `out_dir`; returns their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    plots = _plots(a, png=pdf)
    html_path = out / "report.html"
    html_path.write_text(render_gait_report(a, runner=runner, plots=[Markup(p.svg) for p in plots]))
    pdf_path = None
    if pdf:
        pictures = [
            Markup('<img class="plot" src="data:image/png;base64,{}" alt="{}">').format(
                base64.b64encode(p.png or b"").decode("ascii"), p.title
            )
            for p in plots
        ]
        pdf_path = out / "report.pdf"
        html_to_pdf(render_gait_report(a, runner=runner, plots=pictures), pdf_path)
    written: list[Path] = []
    if plot_files:
        (out / "plots").mkdir(exist_ok=True)
        for p in plots:
            written.append(out / "plots" / f"{p.name}.svg")
            written[-1].write_text(p.svg)
    return GaitReport(html_path, pdf_path, tuple(written))


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
