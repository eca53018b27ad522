"""The pain trend for the clinician: pain during and next morning per session, as an inline SVG."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from stridewell import programme as core


def pain_trend_svg(log: Sequence[core.PainEntry], rule: core.PainRule) -> str:
    """Return an SVG plot of pain (NPRS 0-10) during and next morning against the agreed limits."""
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    from stridewell.report.render import figure_to_svg

    fig = Figure(figsize=(6.0, 2.6), layout="constrained")
    ax = fig.add_subplot()
    days = [e.day for e in log]
    ax.axhspan(0, rule.settled_level, color="#e3f1e6", label=f"settled (0-{rule.settled_level})")
    ax.axhline(
        rule.max_during,
        color="#a11a1a",
        linestyle="--",
        linewidth=1,
        label=f"agreed limit during ({rule.max_during}/10)",
    )
    ax.plot(
        days, [e.during for e in log], marker="o", color="#0b5c8a", linewidth=1.5, label="during"
    )
    mornings = [(e.day, e.next_morning) for e in log if e.next_morning is not None]
    if mornings:
        ax.plot(
            [d for d, _ in mornings],
            [v for _, v in mornings],
            marker="s",
            color="#8a4b00",
            linewidth=1.2,
            linestyle=":",
            label="next morning",
        )
    ax.set_ylim(-0.3, 10.3)
    ax.set_yticks(range(0, 11, 2))
    ax.set_ylabel("Pain (0-10)")
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
    first, last = min(days), max(days)
    span = (last - first).days
    if span < 2:  # one or two days: pad so the points do not sit on the frame
        ax.set_xlim(first - timedelta(days=1), last + timedelta(days=1))
    ax.xaxis.set_major_locator(mdates.DayLocator(interval=max(1, (span + 2) // 6)))
    ax.grid(axis="y", color="#d5dae1", linewidth=0.6)
    ax.legend(loc="upper left", fontsize=7, ncols=2, frameon=False)
    ax.set_title("Pain logged after each session", fontsize=9)
    return figure_to_svg(fig)
