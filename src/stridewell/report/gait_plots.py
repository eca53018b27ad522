"""Gait report plots (matplotlib): knee angle over the gait cycle and per-step metrics."""

from __future__ import annotations

from typing import Any

import numpy as np

from stridewell.gait import GaitAnalysis, Norm

SIDE_COLOURS = {"left": "#d97706", "right": "#0284c7"}
STEP_PLOTS = ("knee_flexion_ic", "foot_strike_angle", "overstride", "knee_flexion_peak")


def _figure(w: float, h: float, rows: int = 1, cols: int = 1) -> tuple[Any, Any]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt.subplots(rows, cols, figsize=(w, h), squeeze=False)


def knee_cycle_figure(a: GaitAnalysis) -> Any | None:
    """Return a figure of knee flexion over the gait cycle (contact to contact) per side."""
    if a.curves is None:
        return None
    t = np.array(a.curves.times)
    fig, axes = _figure(6.5, 2.8)
    ax = axes[0][0]
    for side, values in a.curves.knee_flexion.items():
        y = np.array([np.nan if v is None else v for v in values], dtype=float)
        ics = [s.ic_time for s in a.steps if s.side == side]
        cycles = []
        for t0, t1 in zip(ics[:-1], ics[1:], strict=True):
            if 0.4 < t1 - t0 < 1.2:
                grid = np.linspace(t0, t1, 101)
                cycles.append(np.interp(grid, t, y))
        if not cycles:
            continue
        c = np.array(cycles)
        mean, sd = np.nanmean(c, axis=0), np.nanstd(c, axis=0)
        x = np.arange(101)
        ax.plot(x, mean, color=SIDE_COLOURS[side], label=f"{side} ({len(cycles)} strides)")
        ax.fill_between(x, mean - sd, mean + sd, color=SIDE_COLOURS[side], alpha=0.2)
    ax.set_xlabel("gait cycle (% from contact to next contact of the same foot)")
    ax.set_ylabel("knee flexion (deg)")
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    return fig


def _band(ax: Any, norm: Norm) -> None:
    lo, hi = norm.low, norm.high
    if lo is None and hi is None:
        return
    ax.axhspan(
        lo if lo is not None else ax.get_ylim()[0],
        hi if hi is not None else ax.get_ylim()[1],
        color="#16a34a",
        alpha=0.12,
        label="usual range",
    )


def steps_figure(a: GaitAnalysis) -> Any | None:
    """Return a 2x2 figure of per-step metrics by side, with each metric's usual range shaded."""
    norms = {n.key: n for n in a.norms}
    keys = [k for k in STEP_PLOTS if k in norms and any(getattr(s, k) is not None for s in a.steps)]
    if not keys:
        return None
    fig, axes = _figure(7.0, 4.6, 2, 2)
    for ax, key in zip(axes.flat, keys, strict=False):
        for side in ("left", "right"):
            pts = [
                (s.ic_time, getattr(s, key))
                for s in a.steps
                if s.side == side and getattr(s, key) is not None
            ]
            if pts:
                x, y = zip(*pts, strict=True)
                ax.plot(x, y, "o-", ms=3, lw=0.8, color=SIDE_COLOURS[side], label=side)
        _band(ax, norms[key])
        ax.set_title(f"{norms[key].label} ({norms[key].unit})", fontsize=9)
        ax.tick_params(labelsize=7)
        ax.grid(alpha=0.3)
    for ax in axes.flat[len(keys) :]:
        ax.set_visible(False)
    axes.flat[0].legend(fontsize=7)
    axes.flat[min(len(keys), 4) - 1].set_xlabel("time in clip (s)", fontsize=8)
    fig.tight_layout()
    return fig
