"""Free appointment slots from weekly working hours, breaks, time off and existing bookings.

The arithmetic here is plain Python on aware datetimes: weekly hours are local wall-clock times,
expanded for each local date in the location's IANA zone with zoneinfo, then converted to UTC;
every duration is added in UTC, so a 60-minute slot lasts 60 minutes on a daylight-saving day.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class WeeklyHours:
    practitioner_id: int
    location_id: int
    weekday: int  # Monday = 0
    start: time
    end: time


@dataclass(frozen=True)
class WeeklyBreak:
    practitioner_id: int
    weekday: int
    start: time
    end: time


@dataclass(frozen=True)
class Interval:
    start: datetime  # aware, UTC
    end: datetime


@dataclass(frozen=True)
class Shift:
    practitioner_id: int
    location_id: int
    start: datetime  # aware, UTC
    end: datetime


@dataclass(frozen=True, order=True)
class Slot:
    start: datetime  # aware, UTC
    practitioner_id: int
    location_id: int
    end: datetime


def local_instant(day: date, clock: time, zone: ZoneInfo) -> datetime:
    """Return the UTC instant of wall-clock `clock` on `day` in `zone`.

    A wall-clock time skipped by a spring-forward change is moved forward by the gap (02:30 on a
    day that jumps from 02:00 to 03:00 becomes 03:30), as zoneinfo does with fold=0; an ambiguous
    fall-back time takes its first occurrence.
    """
    return datetime.combine(day, clock, tzinfo=zone).astimezone(UTC)


def _days(date_from: date, date_to: date) -> Iterable[date]:
    day = date_from
    while day <= date_to:
        yield day
        day += timedelta(days=1)


def expand_shifts(
    hours: Sequence[WeeklyHours],
    breaks: Sequence[WeeklyBreak],
    zones: dict[int, ZoneInfo],
    date_from: date,
    date_to: date,
) -> list[Shift]:
    """Return the working shifts between two local dates (inclusive), with breaks cut out."""
    breaks_by_key: dict[tuple[int, int], list[WeeklyBreak]] = {}
    for b in breaks:
        breaks_by_key.setdefault((b.practitioner_id, b.weekday), []).append(b)
    shifts: list[Shift] = []
    for day in _days(date_from, date_to):
        weekday = day.weekday()
        for h in hours:
            if h.weekday != weekday:
                continue
            zone = zones[h.location_id]
            pieces = [(local_instant(day, h.start, zone), local_instant(day, h.end, zone))]
            for b in breaks_by_key.get((h.practitioner_id, weekday), []):
                cut = Interval(local_instant(day, b.start, zone), local_instant(day, b.end, zone))
                pieces = [p for piece in pieces for p in _subtract(piece, cut)]
            shifts.extend(Shift(h.practitioner_id, h.location_id, s, e) for s, e in pieces if e > s)
    return shifts


def _subtract(piece: tuple[datetime, datetime], cut: Interval) -> list[tuple[datetime, datetime]]:
    start, end = piece
    if cut.end <= start or cut.start >= end:
        return [piece]
    out = []
    if cut.start > start:
        out.append((start, cut.start))
    if cut.end < end:
        out.append((cut.end, end))
    return out


def free_slots(
    shifts: Sequence[Shift],
    busy: dict[int, Sequence[Interval]],
    *,
    duration: timedelta,
    blocked: timedelta,
    step: timedelta,
    earliest: datetime,
    latest: datetime,
) -> list[Slot]:
    """Return every free slot, sorted by start time.

    A slot starts on the shift's step grid; the appointment itself (`duration`) must end inside the
    shift, and the whole blocked time (`blocked` = duration + buffer) must not overlap any busy
    interval of that practitioner. Slots start no earlier than `earliest` (minimum notice) and no
    later than `latest` (booking horizon).
    """
    index = {pid: _BusyIndex(intervals) for pid, intervals in busy.items()}
    empty = _BusyIndex(())
    slots: list[Slot] = []
    for shift in shifts:
        busy_index = index.get(shift.practitioner_id, empty)
        t = shift.start
        if earliest > t:  # jump to the first grid point at or after `earliest`
            t += step * -(-(earliest - t) // step)
        while t + duration <= shift.end and t <= latest:
            block_end = t + blocked
            if not busy_index.overlaps(t, block_end):
                slots.append(Slot(t, shift.practitioner_id, shift.location_id, t + duration))
            t += step
    slots.sort()
    return slots


class _BusyIndex:
    """Busy intervals sorted by start, with the running maximum of their ends.

    An interval [s, e) overlaps some busy interval exactly when, among the busy intervals that start
    before e, the latest end is after s: one binary search per question.
    """

    def __init__(self, intervals: Iterable[Interval]) -> None:
        ordered = sorted(intervals, key=lambda i: i.start)
        self.starts = [i.start for i in ordered]
        self.max_end: list[datetime] = []
        for iv in ordered:
            self.max_end.append(max(iv.end, self.max_end[-1]) if self.max_end else iv.end)

    def overlaps(self, start: datetime, end: datetime) -> bool:
        """Return True when [start, end) meets any busy interval."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.max_end[i] > start
