"""Single-run spike (Frandsen 2025), week-to-week change (Nielsen 2014), the 5-10 min rule,
weekly totals and rest days, on small histories worked out by hand."""

from __future__ import annotations

import pytest

from stridewell.load import analyse, findings, spikes, week_changes, weekly_totals
from tests.load.history import MONDAY, day, run


def _rules(history, rule):  # type: ignore[no-untyped-def]
    return [f for f in findings(analyse(history)) if f.rule == rule]


# --- single-run spike against the longest run of the previous 30 days ------------------

def test_run_exactly_10pct_over_the_30day_longest_is_not_a_spike() -> None:
    # 11 km after a longest run of 10 km: 11 / 10 - 1 = 10%, the band starts above 10%
    assert spikes([run(0, 10), run(3, 8), run(10, 11)]) == []


def test_spike_over_10pct_of_30day_longest_is_flagged_in_the_first_band() -> None:
    # 11.5 km after 10 km: 11.5 / 10 - 1 = 15% -> the >10-30% band, HRR 1.64
    (sp,) = spikes([run(0, 10), run(3, 8), run(10, 11.5)])
    assert sp.longest_before_km == 10 and sp.increase_pct == pytest.approx(15)
    (f,) = _rules([run(0, 10), run(3, 8), run(10, 11.5)], "spike")
    assert f.severity == "moderate" and f.value == "15% longer"
    assert "1.64" in f.evidence and "Frandsen" in f.evidence


def test_spike_of_40pct_is_in_the_30_to_100pct_band() -> None:
    # 14 km after 10 km: +40% -> HRR 1.52
    (f,) = _rules([run(0, 10), run(10, 14)], "spike")
    assert f.severity == "moderate" and f.value == "40% longer" and "1.52" in f.evidence


def test_spike_of_exactly_100pct_stays_in_the_middle_band() -> None:
    (f,) = _rules([run(0, 10), run(10, 20)], "spike")
    assert f.severity == "moderate" and "1.52" in f.evidence


def test_run_more_than_double_the_30day_longest_is_a_high_spike() -> None:
    # 21 km after 10 km: 21 / 10 - 1 = 110% -> more than double, HRR 2.28
    (f,) = _rules([run(0, 10), run(10, 21)], "spike")
    assert f.severity == "high" and f.value == "110% longer" and "2.28" in f.evidence
    assert "Mon 13 Mar 2025" not in f.message and "Thu 13 Mar 2025" in f.message
    assert "at most 11.0 km" in f.advice  # 10 km + 10%


def test_only_runs_of_the_previous_30_days_are_the_reference() -> None:
    # 20 km on day 0 is 31 days before day 31: out of the window; 12 km vs 10 km is +20%
    history = [run(0, 20), run(31, 10), run(35, 12)]
    (sp,) = spikes(history)
    assert sp.session.day == day(35) and sp.longest_before_km == 10
    assert sp.increase_pct == pytest.approx(20)


def test_first_run_after_a_break_has_no_reference_and_is_not_graded() -> None:
    # nothing in the 30 days before day 40: the return-to-run plan applies, not the ratio
    assert spikes([run(0, 5), run(40, 8)]) == []


def test_other_sports_neither_spike_nor_set_the_reference() -> None:
    history = [run(0, 10), run(2, 60, sport="cycling"), run(5, 11.5)]
    (sp,) = spikes(history)
    assert sp.longest_before_km == 10 and sp.session.day == day(5)


# --- week-to-week change (Nielsen 2014, > 30%) ------------------------------------------

def _three_weeks():  # type: ignore[no-untyped-def]
    # week 1: 10 + 10 = 20 km; week 2: 13 + 13 = 26 km; week 3: 17 + 17 = 34 km; 120 min each
    return [run(0, 10, 60), run(3, 10, 60), run(7, 13, 60), run(10, 13, 60),
            run(14, 17, 60), run(17, 17, 60)]


def test_week_to_week_change_is_this_week_over_last_minus_one() -> None:
    changes = week_changes(weekly_totals(_three_weeks()))
    assert [c.km for c in changes] == [26, 34]
    assert changes[0].change_pct == pytest.approx(30)           # 26 / 20 - 1
    assert changes[1].change_pct == pytest.approx(30.769, abs=1e-3)  # 34 / 26 - 1


def test_weekly_increase_over_30pct_is_flagged_and_30pct_is_not() -> None:
    (f,) = _rules(_three_weeks(), "weekly_change")
    assert f.when == day(14) and f.subject == "week of Mon 17 Mar 2025"
    assert f.value == "+31% running distance" and "Nielsen" in f.evidence
    assert "34.0 km against 26.0 km" in f.message
    assert "33.8 km" in f.advice  # 26 km x 1.3


def test_week_after_a_week_without_running_has_no_change_ratio() -> None:
    changes = week_changes(weekly_totals([run(0, 10), run(14, 30)]))
    assert [c.change_pct for c in changes] == [-100, None]


# --- the 5-10 min a week rule of thumb ---------------------------------------------------

def test_adding_11_minutes_a_week_breaks_the_minutes_rule_and_10_does_not() -> None:
    # 2 x 60 = 120 min, then 2 x 65 = 130 (+10), then 2 x 70.5 = 141 (+11); no distance
    history = [run(0, None, 60), run(3, None, 60), run(7, None, 65), run(10, None, 65),
               run(14, None, 70.5), run(17, None, 70.5)]
    (f,) = _rules(history, "minutes_step")
    assert f.when == day(14) and f.value == "+11 min of running"
    assert f.severity == "low" and "convention" in f.evidence


def test_going_back_to_a_full_week_after_a_lighter_one_is_not_adding_time() -> None:
    # 120 min, a lighter 96 min (80%), then 126 min: +30 on the lighter week but only +6
    # over the most of the two weeks before (120)
    history = [run(0, None, 60), run(3, None, 60), run(7, None, 48), run(10, None, 48),
               run(14, None, 63), run(17, None, 63)]
    change = week_changes(weekly_totals(history))[-1]
    assert change.minutes_added == 30 and change.minutes_new == 6
    assert _rules(history, "minutes_step") == []


# --- weekly totals and rest days ---------------------------------------------------------

def test_weekly_totals_add_running_km_and_minutes_and_count_rest_days() -> None:
    history = [run(0, 5, 30), run(2, 8, 45), run(4, 20, sport="cycling", minutes=60)]
    (w,) = weekly_totals(history, until=day(6))
    assert (w.start, w.run_km, w.run_min, w.runs) == (MONDAY, 13, 75, 2)
    assert (w.all_min, w.sessions, w.rest_days) == (135, 3, 4)  # Tue, Thu, Sat, Sun


def test_weeks_are_counted_in_the_device_local_time() -> None:
    # Sunday 23:30 UTC at UTC+1 is Monday 00:30 local: the second week
    s = run(6, 5, hour=23.5, offset_min=60)
    assert s.day == day(7)
    weeks = weekly_totals([run(0, 5), s])
    assert [w.run_km for w in weeks] == [5, 5]


def test_week_without_a_rest_day_is_flagged_once_complete() -> None:
    # seven runs in week 1; four in a row so far in week 2 (not finished: not judged)
    history = [run(i, 5) for i in range(7)] + [run(i, 5) for i in range(7, 11)]
    (f,) = _rules(history, "rest_days")
    assert f.when == MONDAY and f.value == "0 rest days" and f.threshold == "fewer than 1 a week"


def test_last_week_is_judged_when_it_is_over() -> None:
    history = [run(i, 5) for i in range(7)]
    assert len(_rules(history, "rest_days")) == 1  # as of Sunday the week is complete
