"""Free-slot arithmetic, worked by hand, including daylight-saving days in three zones."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from stridewell.clinic.booking.availability import (
    Interval,
    WeeklyBreak,
    WeeklyHours,
    expand_shifts,
    free_slots,
    local_instant,
)

LONDON, NEW_YORK, SYDNEY = ZoneInfo("Europe/London"), ZoneInfo("America/New_York"), ZoneInfo("Australia/Sydney")
HOUR = timedelta(hours=1)
FAR_PAST = datetime(2000, 1, 1, tzinfo=UTC)
FAR_FUTURE = datetime(2100, 1, 1, tzinfo=UTC)


def slots_for(day: date, zone: ZoneInfo, start: time, end: time, *, duration=HOUR, blocked=None, step=HOUR,
              busy=(), breaks=(), earliest=FAR_PAST, latest=FAR_FUTURE):
    hours = [WeeklyHours(1, 1, day.weekday(), start, end)]
    brk = [WeeklyBreak(1, day.weekday(), s, e) for s, e in breaks]
    shifts = expand_shifts(hours, brk, {1: zone}, day, day)
    return free_slots(shifts, {1: list(busy)}, duration=duration, blocked=blocked or duration, step=step,
                      earliest=earliest, latest=latest)


def local_hours(slots, zone):
    return [s.start.astimezone(zone).strftime("%H:%M") for s in slots]


@pytest.mark.parametrize("day, zone", [
    (date(2026, 3, 29), LONDON), (date(2026, 10, 25), LONDON),      # spring forward, fall back
    (date(2026, 3, 8), NEW_YORK), (date(2026, 11, 1), NEW_YORK),
    (date(2026, 10, 4), SYDNEY), (date(2026, 4, 5), SYDNEY),
])
def test_nine_to_five_on_a_clock_change_day_still_offers_nine_till_four_local(day, zone):
    slots = slots_for(day, zone, time(9), time(17))
    assert local_hours(slots, zone) == [f"{h:02d}:00" for h in range(9, 17)]
    assert all(s.end - s.start == HOUR for s in slots)


def test_spring_forward_night_shift_in_london_lasts_three_real_hours():
    # 29 March 2026: clocks jump from 01:00 to 02:00, so 00:00-04:00 local is 3 hours long.
    slots = slots_for(date(2026, 3, 29), LONDON, time(0), time(4))
    assert len(slots) == 3
    assert local_hours(slots, LONDON) == ["00:00", "02:00", "03:00"]


def test_fall_back_night_shift_in_new_york_lasts_five_real_hours_with_one_oclock_twice():
    # 1 November 2026: 01:00-02:00 happens twice, so 00:00-04:00 local is 5 hours long.
    slots = slots_for(date(2026, 11, 1), NEW_YORK, time(0), time(4))
    assert len(slots) == 5
    assert local_hours(slots, NEW_YORK) == ["00:00", "01:00", "01:00", "02:00", "03:00"]


def test_a_ninety_minute_slot_across_the_spring_gap_ends_ninety_real_minutes_later():
    slots = slots_for(date(2026, 3, 29), LONDON, time(0), time(4), duration=timedelta(minutes=90),
                      step=timedelta(minutes=30))
    first = slots[0]
    assert first.end - first.start == timedelta(minutes=90)
    assert first.end.astimezone(LONDON).strftime("%H:%M") == "02:30"  # 00:00 GMT + 90 min = 02:30 BST


def test_local_instant_of_a_skipped_time_moves_forward_by_the_gap():
    assert local_instant(date(2026, 3, 29), time(1, 30), LONDON) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


def test_lunch_break_removes_the_slots_that_would_overlap_it():
    slots = slots_for(date(2026, 6, 3), LONDON, time(9), time(17), breaks=[(time(12), time(13))])
    assert "12:00" not in local_hours(slots, LONDON)
    assert local_hours(slots, LONDON) == ["09:00", "10:00", "11:00", "13:00", "14:00", "15:00", "16:00"]


def test_buffer_after_must_not_run_into_the_next_booking():
    day = date(2026, 6, 3)
    busy = [Interval(local_instant(day, time(10), LONDON), local_instant(day, time(10, 40), LONDON))]
    slots = slots_for(day, LONDON, time(9), time(11, 30), duration=timedelta(minutes=30),
                      blocked=timedelta(minutes=40), step=timedelta(minutes=15), busy=busy)
    # 09:15 blocks 09:15-09:55 (free); 09:30 would block until 10:10 and hit the 10:00 booking;
    # the booking's own block ends at 10:40, so 10:45 is the next start; 11:00 is the last that
    # ends (11:30) inside the shift.
    assert local_hours(slots, LONDON) == ["09:00", "09:15", "10:45", "11:00"]


def test_appointment_must_end_inside_the_shift_but_its_buffer_may_run_past_it():
    slots = slots_for(date(2026, 6, 3), LONDON, time(9), time(10), duration=timedelta(minutes=30),
                      blocked=timedelta(minutes=45), step=timedelta(minutes=30))
    assert local_hours(slots, LONDON) == ["09:00", "09:30"]


def test_minimum_notice_moves_the_first_slot_to_the_next_grid_point():
    day = date(2026, 6, 3)
    earliest = local_instant(day, time(10, 5), LONDON)
    slots = slots_for(day, LONDON, time(9), time(12), step=timedelta(minutes=15), earliest=earliest)
    assert local_hours(slots, LONDON)[0] == "10:15"


def test_booking_horizon_cuts_off_later_slots():
    day = date(2026, 6, 3)
    slots = slots_for(day, LONDON, time(9), time(17), latest=local_instant(day, time(11), LONDON))
    assert local_hours(slots, LONDON) == ["09:00", "10:00", "11:00"]


def test_time_off_longer_than_a_day_blocks_every_slot_it_covers():
    days = [date(2026, 6, 1) + timedelta(days=i) for i in range(5)]
    hours = [WeeklyHours(1, 1, d.weekday(), time(9), time(17)) for d in days]
    shifts = expand_shifts(hours, [], {1: LONDON}, days[0], days[-1])
    off = Interval(local_instant(days[0], time(0), LONDON), local_instant(days[3], time(0), LONDON))
    short = Interval(local_instant(days[3], time(9), LONDON), local_instant(days[3], time(10), LONDON))
    slots = free_slots(shifts, {1: [off, short]}, duration=HOUR, blocked=HOUR, step=HOUR,
                       earliest=FAR_PAST, latest=FAR_FUTURE)
    by_day = {d: [s for s in slots if s.start.astimezone(LONDON).date() == d] for d in days}
    assert [len(by_day[d]) for d in days] == [0, 0, 0, 7, 8]
