"""A week-by-week progression plan from the runner's current base to a goal.

Rules (editable in thresholds.toml, [plan]): add at most 5-10 min of running a week, and
never more than the weekly guard allows (30% over the week before, Nielsen 2014); every
3rd-4th week is lighter, and the week after it goes back to the last full week; at least
two rest days and a cross-training day each week; the long run grows with the weekly time,
within 10% of the longest recent run (the Frandsen 2025 single-run rule applied to minutes,
an extrapolation we label as such). A runner who follows the plan trips none of the
distance and time checks in `findings`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from stridewell.load.config import Thresholds, load_thresholds
from stridewell.load.errors import LoadError
from stridewell.load.models import Session
from stridewell.load.weekly import monday

DayKind = Literal["run", "long run", "rest", "cross-training"]
CROSS = ("swimming", "cycling", "pilates")
# Weekday patterns (0 = Monday): run days spread so no two hard days touch where possible.
_RUN_DAYS = {1: (6,), 2: (2, 6), 3: (1, 3, 6), 4: (1, 3, 5, 6)}
_CROSS_DAYS = (2, 4, 0)


@dataclass(frozen=True)
class Goal:
    """Where to get to: weekly running minutes or km, and/or a race date."""

    weekly_min: float | None = None
    weekly_km: float | None = None
    race_date: date | None = None


@dataclass(frozen=True)
class Base:
    """The runner's recent running: weekly minutes (mean of 3 weeks), longest run, pace."""

    weekly_min: float
    longest_min: float
    pace_min_per_km: float | None


@dataclass(frozen=True)
class PlanDay:
    """One day of a plan week."""

    day: date
    kind: DayKind
    minutes: float
    note: str = ""


@dataclass(frozen=True)
class PlanWeek:
    """One plan week: total running minutes, long run, whether it is a lighter week, the days."""

    number: int
    start: date
    run_min: float
    long_run_min: float
    lighter: bool
    days: tuple[PlanDay, ...]


@dataclass(frozen=True)
class Plan:
    """A progression plan and what it rests on."""

    base: Base
    goal_min: float | None
    weeks: tuple[PlanWeek, ...]
    reached: bool
    notes: tuple[str, ...]


def current_base(sessions: Sequence[Session], as_of: date) -> Base:
    """Return the base: mean weekly running minutes over the 3 weeks (21 days) before `as_of`,
    the longest run (min) of the last 30 days, and the mean pace (min/km) of those runs."""
    runs = [s for s in sessions if s.is_run and as_of - timedelta(days=30) <= s.day < as_of]
    recent = [s for s in runs if s.day >= as_of - timedelta(days=21)]
    weekly = sum(s.moving_min for s in recent) / 3
    longest = max((s.moving_min for s in runs), default=0.0)
    km = sum(s.distance_km for s in runs if s.distance_m)
    timed = sum(s.moving_min for s in runs if s.distance_m)
    return Base(weekly, longest, timed / km if km > 0 else None)


def _goal_minutes(goal: Goal, base: Base) -> float | None:
    if goal.weekly_min is not None:
        return goal.weekly_min
    if goal.weekly_km is not None:
        if base.pace_min_per_km is None:
            raise LoadError("a distance goal needs recent runs with distance to know the pace; "
                            "give the goal in minutes instead")
        return goal.weekly_km * base.pace_min_per_km
    if goal.race_date is None:
        raise LoadError("give a goal: weekly minutes, weekly km, or a race date")
    return None


def _runs_for(minutes: float, th: Thresholds) -> int:
    most = int(7 - th.value("plan.rest_days") - th.value("plan.cross_days"))
    want = 2 if minutes <= 40 else 3 if minutes <= 100 else 4
    return max(1, min(want, most))


def _days(start: date, run_min: int, long_min: int, number: int,
          th: Thresholds) -> tuple[PlanDay, ...]:
    """Return the seven days; the runs' whole minutes add up to the week's running time."""
    runs = _runs_for(run_min, th)
    run_days = _RUN_DAYS[runs]
    free = [d for d in (*_CROSS_DAYS, 5, 1) if d not in run_days]
    cross = set(free[: int(th.value("plan.cross_days"))])
    easy = [0] * (runs - 1)
    if runs > 1:
        share, extra = divmod(run_min - long_min, runs - 1)
        easy = [share + (1 if i < extra else 0) for i in range(runs - 1)]
    out = []
    for i in range(7):
        day = start + timedelta(days=i)
        if i == run_days[-1]:
            out.append(PlanDay(day, "long run", long_min, "easy pace, can talk"))
        elif i in run_days:
            out.append(PlanDay(day, "run", easy[run_days.index(i)], "easy"))
        elif i in cross:
            sport = CROSS[(number + i) % len(CROSS)]
            out.append(PlanDay(day, "cross-training", 30, f"{sport}, easy to moderate"))
        else:
            out.append(PlanDay(day, "rest", 0))
    return tuple(out)


def _week(number: int, start: date, minutes: float, longest: float, lighter: bool,
          th: Thresholds) -> tuple[PlanWeek, float]:
    """Return the week and the longest run so far; minutes are whole (limits are rounded down
    where they are worked out, so the rounded plan keeps them)."""
    minutes = round(minutes)
    runs = _runs_for(minutes, th)
    share = minutes if runs == 1 else minutes * 0.4
    cap = math.floor(longest * (1 + th.value("spike.moderate") / 100))
    long_min = min(share, cap) if longest > 0 else share
    long_min = min(minutes, math.floor(max(long_min, math.ceil(minutes / runs))))
    week = PlanWeek(number, start, minutes, long_min, lighter,
                    _days(start, minutes, long_min, number, th))
    return week, max(longest, long_min)


def progression_plan(base: Base, goal: Goal, *, start: date, step_min: float | None = None,
                     thresholds: Thresholds | None = None, max_weeks: int = 52) -> Plan:
    """Return the weeks from `base` to `goal`, adding `step_min` (5-10) minutes a week.

    Every Nth week (plan.lighter_every) runs at plan.lighter_factor% of the week before;
    the following week resumes from the last full week. A race week is lighter too.
    """
    th = thresholds or load_thresholds()
    lo, hi = th.value("plan.step_min"), th.value("plan.step_max")
    step = hi if step_min is None else step_min
    if not lo <= step <= hi:
        raise LoadError(f"the weekly step must be between {lo:.0f} and {hi:.0f} minutes")
    target = _goal_minutes(goal, base)
    first = monday(start)
    race_week = monday(goal.race_date) if goal.race_date else None
    if race_week is not None and race_week < first:
        raise LoadError("the race date is before the plan starts")
    weeks, over, reached = _build(base, target, step, first, race_week, max_weeks, th)
    notes = _notes(base, target, reached, th)
    if over:
        notes += (f"In week(s) {', '.join(map(str, over))} the weekly time spread over the run "
                  "days makes even the shortest run more than 10% longer than the longest "
                  "recent run: add a run day or grow the weekly time more slowly.",)
    return Plan(base, target, tuple(weeks), reached, notes)


def _build(base: Base, target: float | None, step: float, first: date, race_week: date | None,
           max_weeks: int, th: Thresholds) -> tuple[list[PlanWeek], list[int], bool]:
    """Return the plan weeks, the weeks whose long run passes the 10% limit, and whether the
    goal was reached."""
    every, factor = int(th.value("plan.lighter_every")), th.value("plan.lighter_factor") / 100
    ramp, lo = th.value("weekly.change") / 100, th.value("plan.step_min")
    full = last = base.weekly_min
    longest = base.longest_min
    weeks: list[PlanWeek] = []
    over: list[int] = []
    reached = target is not None and full >= target
    for n in range(1, max_weeks + 1):
        monday_n = first + timedelta(weeks=n - 1)
        lighter = n % every == 0 or monday_n == race_week
        if lighter:
            minutes = full * factor
        elif weeks and weeks[-1].lighter:
            minutes = min(full, math.floor(last * (1 + ramp)))
        else:
            add = min(step, max(lo, math.floor(last * ramp)))
            full = last + add if target is None else max(min(last + add, target), last)
            minutes = full
        before = longest
        week, longest = _week(n, monday_n, minutes, longest, lighter, th)
        if before > 0 and week.long_run_min > before * (1 + th.value("spike.moderate") / 100):
            over.append(n)
        weeks.append(week)
        last = week.run_min
        reached = target is not None and full >= target
        if monday_n == race_week or (reached and race_week is None and not lighter):
            break
    return weeks, over, reached


def _notes(base: Base, target: float | None, reached: bool, th: Thresholds) -> tuple[str, ...]:
    notes = [
        f"Running time grows by at most {th.value('plan.step_max'):.0f} min a week "
        f"({th.get('plan.step_max').source}), and never more than "
        f"{th.value('weekly.change'):.0f}% over the week before (Nielsen 2014).",
        f"Every {th.value('plan.lighter_every'):.0f}th week is lighter, at "
        f"{th.value('plan.lighter_factor'):.0f}% of the week before; the week after it goes "
        "back to the last full week.",
        "The long run stays within 10% of the longest recent run: the single-run rule of "
        "Frandsen 2025 applied to minutes, which is our extrapolation.",
        "Cross-training days (swimming, cycling, pilates) keep fitness without loading the knee.",
    ]
    if base.weekly_min < 10:
        notes.append("Little recent running: after injury, start with the walk-run "
                     "return-to-run plan instead (stridewell programme return-to-run).")
    if target is not None and not reached:
        notes.append(f"The goal of {target:.0f} min a week is not reached safely in this time.")
    return tuple(notes)


def plan_from_history(sessions: Sequence[Session], goal: Goal, *, start: date,
                      step_min: float | None = None,
                      thresholds: Thresholds | None = None) -> Plan:
    """Return a progression plan whose base is the runner's recent running before `start`."""
    return progression_plan(current_base(sessions, start), goal, start=start,
                            step_min=step_min, thresholds=thresholds)
