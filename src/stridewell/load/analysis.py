"""One call that computes every metric of a history, for reports, the CLI and the web."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from stridewell.load.config import Thresholds, load_thresholds
from stridewell.load.loadmodel import (
    Athlete,
    Basis,
    FitnessPoint,
    choose_basis,
    daily_loads,
    ewma_acwr,
    fitness_fatigue,
    monotony,
    strain,
    uncoupled_acwr,
)
from stridewell.load.models import Session
from stridewell.load.recovery import HardGap, days_since_hard, hard_gaps
from stridewell.load.weekly import (
    Spike,
    WeekChange,
    WeekTotal,
    monday,
    spikes,
    week_changes,
    weekly_totals,
)


@dataclass(frozen=True)
class WeekLoad:
    """A week's summed load with Foster monotony and strain (None for a week without load)."""

    start: date
    load: float
    monotony: float | None
    strain: float | None


@dataclass(frozen=True)
class Analysis:
    """Every metric of a history: weekly totals, guards, daily load models, recovery."""

    sessions: tuple[Session, ...]
    as_of: date
    basis: Basis
    weeks: tuple[WeekTotal, ...]
    changes: tuple[WeekChange, ...]
    spikes: tuple[Spike, ...]
    first_day: date
    loads: tuple[float, ...]
    ewma_acwr: tuple[float | None, ...]
    uncoupled_acwr: tuple[float | None, ...]
    fitness: tuple[FitnessPoint, ...]
    week_loads: tuple[WeekLoad, ...]
    hard_gaps: tuple[HardGap, ...]
    days_since_hard: float | None

    def day(self, i: int) -> date:
        """Return the date of daily index `i`."""
        return self.first_day + timedelta(days=i)


def _week_loads(loads: Sequence[float], first: date, th: Thresholds) -> list[WeekLoad]:
    out = []
    for i in range(0, len(loads), 7):
        week = list(loads[i:i + 7])
        week += [0.0] * (7 - len(week))
        out.append(WeekLoad(first + timedelta(days=i), sum(week), monotony(week, th),
                            strain(week, th)))
    return out


def analyse(sessions: Sequence[Session], *, athlete: Athlete | None = None,
            as_of: date | None = None, thresholds: Thresholds | None = None) -> Analysis:
    """Return every metric for `sessions` up to `as_of` (default: the last session's day)."""
    th = thresholds or load_thresholds()
    athlete = athlete or Athlete()
    ordered = tuple(sorted(sessions, key=lambda s: s.start))
    last = as_of or (max(s.day for s in ordered) if ordered else date.today())
    ordered = tuple(s for s in ordered if s.day <= last)
    first = monday(ordered[0].day) if ordered else monday(last)
    basis = choose_basis(ordered)
    loads = daily_loads(ordered, first, last, basis, athlete, th)
    weeks = weekly_totals(ordered, last)
    end = datetime.combine(last + timedelta(days=1), datetime.min.time(), UTC)
    return Analysis(
        sessions=ordered, as_of=last, basis=basis, weeks=tuple(weeks),
        changes=tuple(week_changes(weeks)), spikes=tuple(spikes(ordered, th)),
        first_day=first, loads=tuple(loads), ewma_acwr=tuple(ewma_acwr(loads, th)),
        uncoupled_acwr=tuple(uncoupled_acwr(loads, th)),
        fitness=tuple(fitness_fatigue(loads, first, th)),
        week_loads=tuple(_week_loads(loads, first, th)),
        hard_gaps=tuple(hard_gaps(ordered, athlete, th)),
        days_since_hard=days_since_hard(ordered, end, athlete, th),
    )
