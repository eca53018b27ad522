"""Hard sessions, the 48-hour rule between hard or long sessions, days since the last one."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from stridewell.load import (
    Athlete,
    analyse,
    days_since_hard,
    findings,
    hard_gaps,
    is_hard,
)
from tests.load.history import day, run, thresholds_with


def test_hard_means_rpe_7_or_80pct_heart_rate_reserve_or_90_minutes() -> None:
    assert is_hard(run(0, rpe=7)) and not is_hard(run(0, rpe=6))
    # 80% of reserve with 200/60: 60 + 0.8 x 140 = 172 beats/min
    assert is_hard(run(0, hr=172)) and not is_hard(run(0, hr=171))
    assert is_hard(run(0, minutes=90)) and not is_hard(run(0, minutes=89))
    assert not is_hard(run(0, minutes=60))  # no RPE, no heart rate: only duration can tell


def test_heart_rate_reserve_uses_the_runners_own_limits() -> None:
    # 80% of reserve with 190/50: 50 + 0.8 x 140 = 162
    me = Athlete(hr_max=190, hr_rest=50)
    assert is_hard(run(0, hr=162), me) and not is_hard(run(0, hr=161), me)


def test_hard_sessions_36_hours_apart_break_the_48_hour_rule_and_48_do_not() -> None:
    a = run(0, 10, rpe=8, hour=7)     # Mon 07:00
    b = run(1, 10, rpe=8, hour=19)    # Tue 19:00: 36 h later
    c = run(3, 10, rpe=8, hour=19)    # Thu 19:00: 48 h after b
    (gap,) = hard_gaps([a, b, c])
    assert (gap.first, gap.second, gap.hours) == (a, b, 36)


def test_recovery_rule_is_configurable() -> None:
    th72 = thresholds_with(recovery__hours=72)
    gaps = hard_gaps([run(0, rpe=8), run(2, rpe=8, hour=19)], th=th72)  # 60 h
    assert [g.hours for g in gaps] == [60]
    assert hard_gaps([run(0, rpe=8), run(2, rpe=8, hour=19)]) == []  # 60 h is fine at 48


def test_legs_of_one_multisport_file_are_not_a_recovery_gap() -> None:
    swim = replace(run(0, 2, 95, sport="swimming"), content_hash="tri")
    bike = replace(run(0, 40, 95, sport="cycling", hour=8.7), content_hash="tri")
    assert hard_gaps([swim, bike]) == []


def test_days_since_the_last_hard_session() -> None:
    history = [run(0, 10, rpe=8), run(1, 5, rpe=3)]
    as_of = datetime(2025, 3, 5, 19, tzinfo=UTC)  # Wed 19:00; hard run Mon 07:00
    assert days_since_hard(history, as_of) == pytest.approx(2.5)
    assert days_since_hard([run(0, 5, rpe=3)], as_of) is None


def test_analysis_counts_to_the_end_of_its_last_day() -> None:
    a = analyse([run(0, 10, rpe=8), run(2, 5, rpe=3)])  # to Thu 00:00 UTC
    assert a.days_since_hard == pytest.approx(2 + 17 / 24)


def test_recovery_finding_names_both_sessions_and_the_hours() -> None:
    history = [run(0, 10, rpe=8, hour=7), run(1, 12, rpe=8, hour=19)]
    (f,) = [f for f in findings(analyse(history)) if f.rule == "recovery"]
    assert f.value == "36 h after the last hard session"
    assert "Tue 4 Mar 2025" in f.message and "Mon 3 Mar 2025" in f.message
    assert f.threshold == "less than 48 h between hard or long sessions"
    assert f.when == day(1)
