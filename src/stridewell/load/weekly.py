"""Weekly running volume and the distance guards: single-run spike and week-to-week change.

Weeks run Monday to Sunday in the device's local time. Only running sessions count here;
other sports enter the load model (`loadmodel`) but not the distance guards, because the
evidence behind the guards is about running distance.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from stridewell.load.config import Thresholds, load_thresholds
from stridewell.load.models import Session


@dataclass(frozen=True)
class WeekTotal:
    """One Monday-to-Sunday week: running distance (km) and time (min), all sessions, rest days."""

    start: date
    run_km: float
    run_min: float
    runs: int
    all_min: float
    sessions: int
    rest_days: int


@dataclass(frozen=True)
class Spike:
    """A run longer than the longest run of the previous 30 days by `increase_pct` percent."""

    session: Session
    longest_before_km: float
    increase_pct: float


@dataclass(frozen=True)
class WeekChange:
    """Running in week `start` against the week before: distance change (%) and minutes added.

    `min_recent_high` is the most running minutes of the two weeks before, so that going
    back to the level of a full week after a lighter one does not count as adding time.
    """

    start: date
    km_before: float
    km: float
    change_pct: float | None
    min_before: float
    minutes: float
    min_recent_high: float | None = None

    @property
    def minutes_added(self) -> float:
        """Return running minutes added over the week before (negative when fewer)."""
        return self.minutes - self.min_before

    @property
    def minutes_new(self) -> float:
        """Return running minutes above the most of the two weeks before (negative when fewer)."""
        high = self.min_before if self.min_recent_high is None else self.min_recent_high
        return self.minutes - max(high, self.min_before)


def monday(day: date) -> date:
    """Return the Monday of the week holding `day`."""
    return day - timedelta(days=day.weekday())


def weekly_totals(sessions: Sequence[Session], until: date | None = None) -> list[WeekTotal]:
    """Return one WeekTotal per week from the first session's week to `until` (or the last).

    run_km = sum of running distances (km); run_min = sum of running moving times (min);
    rest_days = days of that week with no session of any sport (days after `until` are
    not counted, so the current week is not credited with future rest).
    """
    if not sessions:
        return []
    first = monday(min(s.day for s in sessions))
    last = until or max(s.day for s in sessions)
    by_week: dict[date, list[Session]] = defaultdict(list)
    for s in sessions:
        by_week[monday(s.day)].append(s)
    out: list[WeekTotal] = []
    week = first
    while week <= last:
        days = [week + timedelta(days=i) for i in range(7) if week + timedelta(days=i) <= last]
        inside = [s for s in by_week.get(week, ()) if s.day <= last]
        runs = [s for s in inside if s.is_run]
        active = {s.day for s in inside}
        out.append(WeekTotal(
            start=week, run_km=sum(s.distance_km for s in runs),
            run_min=sum(s.moving_min for s in runs), runs=len(runs),
            all_min=sum(s.moving_min for s in inside), sessions=len(inside),
            rest_days=sum(1 for d in days if d not in active),
        ))
        week += timedelta(days=7)
    return out


def spikes(sessions: Sequence[Session], th: Thresholds | None = None) -> list[Spike]:
    """Return every run whose distance beats the longest run of the previous 30 days by > 10%.

    increase % = (distance / longest run in the 30 days before its start - 1) x 100.
    Reference: Frandsen JSB et al. 2025, Br J Sports Med 59:1203-1210 (>10-30% HRR 1.64,
    >30-100% HRR 1.52, >100% HRR 2.28). Runs with no earlier run in the window have no
    reference and are not graded (after a break the return-to-run plan applies instead).
    """
    th = th or load_thresholds()
    window = timedelta(days=th.value("spike.window"))
    limit = th.value("spike.moderate")
    runs = sorted((s for s in sessions if s.is_run and s.distance_m), key=lambda s: s.start)
    starts = [r.start for r in runs]
    out: list[Spike] = []
    for i, run in enumerate(runs):
        lo = bisect_left(starts, run.start - window)
        before = [r.distance_km for r in runs[lo:i] if r.start < run.start]
        if not before or max(before) <= 0:
            continue
        # rounded so that exactly 10% (11 km after 10 km) is not flagged by float error
        pct = round((run.distance_km / max(before) - 1.0) * 100.0, 6)
        if pct > limit:
            out.append(Spike(run, max(before), pct))
    return out


def week_changes(weeks: Sequence[WeekTotal]) -> list[WeekChange]:
    """Return each week's running distance change against the week before.

    change % = (km this week / km last week - 1) x 100, None when last week had no running
    (Nielsen RO et al. 2014, JOSPT 44:739-747 graded progression this way; > 30% raised
    the rate of distance-related knee injuries). Minutes added feed the 5-10 min rule.
    """
    out: list[WeekChange] = []
    for i in range(1, len(weeks)):
        prev, week = weeks[i - 1], weeks[i]
        pct = round((week.run_km / prev.run_km - 1.0) * 100.0, 6) if prev.run_km > 0 else None
        high = max(w.run_min for w in weeks[max(0, i - 2):i])
        out.append(WeekChange(week.start, prev.run_km, week.run_km, pct,
                              prev.run_min, week.run_min, high))
    return out
