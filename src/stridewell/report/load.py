"""The training-load report: HTML (Jinja2) with inline SVG plots, optional PDF (WeasyPrint).

Plots: weekly running volume, each run against its 30-day spike limit, the acute:chronic
ratio (context only) and fitness/fatigue/form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from markupsafe import Markup

from stridewell.load import Analysis, Finding, Thresholds, load_thresholds
from stridewell.report.render import figure_to_svg, html_to_pdf, render_html

__all__ = ["LoadReport", "load_figures", "render_load_report", "write_load_report"]

_BASIS_TEXT = {
    "rpe": "session RPE x minutes (Foster 2001)",
    "trimp": "Banister TRIMP from average heart rate",
    "duration": "minutes of training (not every session has RPE or heart rate)",
}


@dataclass(frozen=True)
class LoadReport:
    """Where the report was written: the HTML file and the PDF (None when not asked for)."""

    html: Path
    pdf: Path | None


def _figure(height: float = 2.4) -> tuple[Any, Any]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7.2, height))
    # Every plot has dates along x: a concise locator keeps the labels from running into each other.
    locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", alpha=0.3)
    return fig, ax


def _volume_svg(a: Analysis, since: date) -> str:
    weeks = [w for w in a.weeks if w.start >= since]
    fig, ax = _figure()
    ax.bar([w.start for w in weeks], [w.run_km for w in weeks], width=5, color="#2563eb",
           label="running km")
    ax.set_ylabel("km per week")
    twin = ax.twinx()
    twin.plot([w.start for w in weeks], [w.run_min for w in weeks], color="#d97706",
              marker="o", ms=3, label="running min")
    twin.set_ylabel("min per week")
    ax.set_title("Weekly running volume (bars: km, line: minutes)", fontsize=9)
    return figure_to_svg(fig)


def _spikes_svg(a: Analysis, since: date, th: Thresholds) -> str:
    limit = 1 + th.value("spike.moderate") / 100
    window = timedelta(days=th.value("spike.window"))
    runs = [s for s in a.sessions if s.is_run and s.distance_m]
    fig, ax = _figure()
    shown = [s for s in runs if s.day >= since]
    caps = []
    for s in shown:
        before = [r.distance_km for r in runs if s.start - window <= r.start < s.start]
        caps.append(max(before) * limit if before else None)
    ax.scatter([s.day for s in shown], [s.distance_km for s in shown], s=12, color="#2563eb",
               label="run")
    ax.plot([s.day for s, c in zip(shown, caps, strict=True) if c],
            [c for c in caps if c], color="#6b7280", lw=1, drawstyle="steps-post",
            label="limit: longest run of previous 30 days + 10%")
    flagged = {sp.session.key for sp in a.spikes}
    bad = [s for s in shown if s.key in flagged]
    ax.scatter([s.day for s in bad], [s.distance_km for s in bad], s=30, color="#dc2626",
               label="over the limit")
    ax.set_ylabel("km")
    ax.legend(fontsize=7, frameon=False)
    ax.set_title("Each run against its single-run limit (Frandsen 2025)", fontsize=9)
    return figure_to_svg(fig)


def _series(a: Analysis, values: Sequence[float | None],
            since: date) -> tuple[list[date], list[float]]:
    days, vals = [], []
    for i, v in enumerate(values):
        if v is not None and a.day(i) >= since:
            days.append(a.day(i))
            vals.append(v)
    return days, vals


def _acwr_svg(a: Analysis, since: date) -> str:
    fig, ax = _figure()
    ax.plot(*_series(a, a.ewma_acwr, since), color="#2563eb", label="EWMA 7/28 d (Williams 2017)")
    ax.plot(*_series(a, a.uncoupled_acwr, since), color="#9333ea", lw=1,
            label="uncoupled 7 / 21 d (Lolli 2019)")
    ax.axhline(1.0, color="#6b7280", lw=0.8)
    ax.set_ylabel("ratio")
    ax.legend(fontsize=7, frameon=False)
    ax.set_title("Acute:chronic load ratio, context only (did not predict injury in runners)",
                 fontsize=9)
    return figure_to_svg(fig)


def _fitness_svg(a: Analysis, since: date) -> str:
    pts = [p for p in a.fitness if p.day >= since]
    fig, ax = _figure(2.8)
    ax.plot([p.day for p in pts], [p.fitness for p in pts], color="#2563eb", label="fitness (42 d)")
    ax.plot([p.day for p in pts], [p.fatigue for p in pts], color="#dc2626", lw=1,
            label="fatigue (7 d)")
    ax.bar([p.day for p in pts], [p.form for p in pts], color="#9ca3af", width=1,
           label="form = fitness - fatigue (yesterday)")
    ax.set_ylabel("load per day")
    ax.legend(fontsize=7, frameon=False)
    ax.set_title("Fitness, fatigue and form (lambda = 1 - e^(-1/N), GoldenCheetah)", fontsize=9)
    return figure_to_svg(fig)


def load_figures(a: Analysis, *, weeks: int = 26,
                 thresholds: Thresholds | None = None) -> dict[str, Markup]:
    """Return the four report plots as inline SVG, covering the last `weeks` weeks."""
    th = thresholds or load_thresholds()
    since = a.as_of - timedelta(weeks=weeks)
    if not a.sessions:
        return {}
    return {
        "volume": Markup(_volume_svg(a, since)),
        "spikes": Markup(_spikes_svg(a, since, th)),
        "acwr": Markup(_acwr_svg(a, since)),
        "fitness": Markup(_fitness_svg(a, since)),
    }


def render_load_report(a: Analysis, found: Sequence[Finding], *, title: str = "Training load",
                       runner: str = "", weeks: int = 26,
                       thresholds: Thresholds | None = None) -> str:
    """Return the report as one self-contained HTML page."""
    th = thresholds or load_thresholds()
    since = a.as_of - timedelta(weeks=weeks)
    return render_html(
        "load/report.html", title=title, runner=runner, a=a, findings=list(found),
        figures=load_figures(a, weeks=weeks, thresholds=th), basis=_BASIS_TEXT[a.basis],
        weeks=[w for w in a.weeks if w.start >= since][::-1],
        constants=sorted(th.constants.items()), today=date.today(),
        last_fitness=a.fitness[-1] if a.fitness else None,
    )


def write_load_report(a: Analysis, found: Sequence[Finding], html_path: Path, *,
                      pdf: bool = False, **options: Any) -> LoadReport:
    """Write the HTML report (and a PDF beside it when `pdf`); returns both paths."""
    html = render_load_report(a, found, **options)
    html_path = Path(html_path)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    html_path.write_text(html, encoding="utf-8")
    pdf_path = html_path.with_suffix(".pdf") if pdf else None
    if pdf_path is not None:
        html_to_pdf(html, pdf_path)
    return LoadReport(html_path, pdf_path)
