"""Questionnaire scores over visits: changes judged against the minimal important difference, and a plot."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from stridewell.assess import AnswerError, Change, Instrument, Scale, Score, compare, instruments
from stridewell.clinic.assessments.models import QuestionnaireResponse
from stridewell.clinic.assessments.selectors import responses_by_instrument
from stridewell.clinic.assessments.services import questionnaire_rescore


@dataclass(frozen=True)
class Cell:
    """One scale at one visit: the value and how it compares with the first visit."""

    name: str
    value: float | None
    note: str
    difference: float | None = None
    important: bool | None = None
    direction: str = ""

    @property
    def label(self) -> str:
        """Return the change since the first visit in words (empty at the first visit)."""
        if self.difference is None:
            return "" if self.important is None and not self.direction else "not comparable"
        if self.difference == 0:
            return "no change since first"
        sign = "+" if self.difference > 0 else ""
        if self.important:
            return f"{sign}{self.difference:.1f} since first: {self.direction}, exceeds the MID"
        return f"{sign}{self.difference:.1f} since first: within the MID"


@dataclass(frozen=True)
class Visit:
    response: QuestionnaireResponse
    score: Score
    cells: tuple[Cell, ...]


@dataclass
class Trend:
    instrument: Instrument
    visits: list[Visit] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    svg: str = ""

    @property
    def latest(self) -> Visit | None:
        return self.visits[-1] if self.visits else None


_WORDS = {
    "better": "better",
    "worse": "worse",
    "no_important_change": "",
    "not_comparable": "not comparable",
}


def _cells(first: Score | None, current: Score) -> tuple[Cell, ...]:
    if first is None or current.instrument_id == "groc":
        return tuple(Cell(s.name, s.value, s.note) for s in current.scales)
    change: Change = compare(first, current)
    return tuple(
        Cell(s.name, s.value, s.note, c.difference, c.important, _WORDS[c.direction])
        for s, c in zip(current.scales, change.scales, strict=True)
    )


def patient_trends(patient, *, with_plots: bool = True) -> list[Trend]:  # noqa: ANN001
    """Return one trend per questionnaire the patient has answered, in the core's instrument order."""
    rows = responses_by_instrument(patient)
    trends = []
    for inst in instruments():
        if inst.id not in rows:
            continue
        trend = Trend(inst)
        first: Score | None = None
        for response in rows[inst.id]:
            try:
                current = questionnaire_rescore(response)
            except AnswerError as exc:
                trend.problems.append(
                    f"{response.taken_on:%d %b %Y}: these answers no longer score ({exc.summary})."
                )
                continue
            trend.visits.append(Visit(response, current, _cells(first, current)))
            first = first or current
        if with_plots and trend.visits:
            trend.svg = trend_svg(trend)
        trends.append(trend)
    return trends


def trend_svg(trend: Trend) -> str:
    """Return an inline SVG: each scale over the visits, the first score's MID band shaded, important changes filled."""
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    from stridewell.report.render import figure_to_svg

    inst = trend.instrument
    fig = Figure(figsize=(4.8, 0.9 + 1.5 * len(inst.scales)), layout="constrained")
    axes = fig.subplots(len(inst.scales), 1, sharex=True, squeeze=False)[:, 0]
    dates: list[date] = [v.response.taken_on for v in trend.visits]
    for i, (ax, sc) in enumerate(zip(axes, inst.scales, strict=True)):
        pts = [
            (d, v.cells[i])
            for d, v in zip(dates, trend.visits, strict=True)
            if v.cells[i].value is not None
        ]
        _draw_scale(ax, inst, sc, pts)
    _legend(axes[0], inst)
    pad = max((max(dates) - min(dates)).days * 0.08, 3)
    axes[-1].set_xlim(min(dates) - timedelta(days=pad), max(dates) + timedelta(days=pad))
    axes[-1].xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
    axes[-1].xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=6))
    return figure_to_svg(fig)


def _draw_scale(ax, inst: Instrument, sc: Scale, pts: list[tuple[date, Cell]]) -> None:  # noqa: ANN001
    span = sc.maximum - sc.minimum
    ax.set_ylim(sc.minimum - 0.05 * span, sc.maximum + 0.05 * span)
    ax.set_ylabel(sc.name if len(inst.scales) > 1 else f"{inst.short_name} score", fontsize=9)
    ax.grid(axis="y", color="#d5dae1", linewidth=0.6)
    ax.tick_params(labelsize=9)
    if inst.id == "groc":  # a rating of change: the band is around "no change"
        ax.axhspan(-sc.mid, sc.mid, color="#e7eef5")
        ax.axhline(0, color="#4a5260", linewidth=0.8)
    elif pts:
        base = pts[0][1].value or 0.0
        ax.axhspan(base - sc.mid, base + sc.mid, color="#e7eef5")
    if not pts:
        return
    ax.plot(
        [d for d, _ in pts], [c.value for _, c in pts], color="#0b5c8a", linewidth=1.6, zorder=3
    )
    for d, c in pts:
        value = float(c.value or 0.0)
        beyond = c.important or (inst.id == "groc" and abs(value) >= sc.mid)
        ax.plot(
            [d],
            [value],
            marker="o",
            markersize=7,
            zorder=4,
            color="#0b5c8a",
            markerfacecolor="#0b5c8a" if beyond else "white",
            markeredgewidth=1.6,
        )
        ax.annotate(
            f"{value:.0f}" if value.is_integer() else f"{value:.1f}",
            (d, value),
            textcoords="offset points",
            xytext=(0, 7),
            ha="center",
            fontsize=9,
        )


def _legend(ax, inst: Instrument) -> None:  # noqa: ANN001
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    band = (
        "no important change (±MID)" if inst.id == "groc" else "within the MID of the first score"
    )
    handles = [
        Patch(color="#e7eef5", label=band),
        Line2D([], [], marker="o", color="#0b5c8a", linestyle="", label="change beyond the MID"),
        Line2D(
            [],
            [],
            marker="o",
            color="#0b5c8a",
            markerfacecolor="white",
            linestyle="",
            label="change within the MID",
        ),
    ]
    ax.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0, 1.02),
        ncol=2,
        fontsize=8,
        frameon=False,
        borderaxespad=0,
        handletextpad=0.4,
        columnspacing=1.0,
    )
