"""The progression plan: base, 5-10 min a week, lighter weeks, rest and cross-training days,
goals in minutes, km or a race date; a runner who follows it trips none of the checks."""

from __future__ import annotations

from datetime import timedelta

import pytest

from stridewell.load import (
    Base,
    Goal,
    LoadError,
    analyse,
    current_base,
    findings,
    plan_from_history,
    progression_plan,
)
from tests.load.history import day, run

START = day(21)  # Monday after three weeks of history


def _history() -> list:  # type: ignore[type-arg]
    # three weeks of Tue 20 min, Thu 15 min, Sun 25 min at 6 min/km: 60 min a week
    return [run(7 * w + d, m / 6, m) for w in range(3) for d, m in ((1, 20), (3, 15), (6, 25))]


def test_base_is_three_week_mean_longest_30day_run_and_pace() -> None:
    b = current_base(_history(), START)
    assert b.weekly_min == 60 and b.longest_min == 25
    assert b.pace_min_per_km == pytest.approx(6)


def test_plan_adds_ten_minutes_a_week_with_a_lighter_fourth_week() -> None:
    # 60 -> 70, 80, 90; week 4 at 80% of 90 = 72; week 5 back to 90; week 6 100 = goal
    p = progression_plan(Base(60, 25, 6.0), Goal(weekly_min=100), start=START)
    assert [w.run_min for w in p.weeks] == [70, 80, 90, 72, 90, 100]
    assert [w.lighter for w in p.weeks] == [False, False, False, True, False, False]
    assert p.reached and p.goal_min == 100
    assert [w.start for w in p.weeks] == [START + timedelta(weeks=i) for i in range(6)]


def test_long_run_grows_at_most_10pct_over_the_longest_so_far() -> None:
    # longest 25: floor(27.5) = 27; then floor(29.7) = 29, floor(31.9) = 31; the lighter
    # week's long run is 40% of 72 = 28.8 -> 28; then floor(34.1) = 34, floor(37.4) = 37
    p = progression_plan(Base(60, 25, 6.0), Goal(weekly_min=100), start=START)
    assert [w.long_run_min for w in p.weeks] == [27, 29, 31, 28, 34, 37]


def test_each_week_has_two_rest_days_a_cross_training_day_and_adds_up() -> None:
    p = progression_plan(Base(30, 15, 6.0), Goal(weekly_min=130), start=START)
    for w in p.weeks:
        kinds = [d.kind for d in w.days]
        assert kinds.count("rest") >= 2 and kinds.count("cross-training") == 1, kinds
        runs = [d.minutes for d in w.days if d.kind in ("run", "long run")]
        assert sum(runs) == w.run_min and max(runs) == w.long_run_min
        assert [d.day for d in w.days] == [w.start + timedelta(days=i) for i in range(7)]
    notes = " ".join(d.note for w in p.weeks for d in w.days)
    assert {"swimming", "cycling", "pilates"} <= set(notes.replace(",", "").split())


def test_small_base_adds_at_most_30pct_and_at_least_5_minutes() -> None:
    # 20 min a week: +10 would be +50%; 30% of 20 = 6 min -> 26; 30% of 26 = 7.8 -> 33
    p = progression_plan(Base(20, 10, 6.0), Goal(weekly_min=60), start=START)
    assert [w.run_min for w in p.weeks[:2]] == [26, 33]


def test_five_minute_step_on_request() -> None:
    p = progression_plan(Base(60, 25, 6.0), Goal(weekly_min=70), start=START, step_min=5)
    assert [w.run_min for w in p.weeks] == [65, 70]


def test_step_outside_5_to_10_minutes_is_refused() -> None:
    with pytest.raises(LoadError, match="between 5 and 10"):
        progression_plan(Base(60, 25, 6.0), Goal(weekly_min=90), start=START, step_min=15)


def test_distance_goal_becomes_minutes_at_the_recent_pace() -> None:
    # 15 km a week at 6 min/km = 90 min
    p = progression_plan(Base(60, 25, 6.0), Goal(weekly_km=15), start=START)
    assert p.goal_min == 90 and p.weeks[-1].run_min == 90


def test_distance_goal_without_a_pace_asks_for_minutes() -> None:
    with pytest.raises(LoadError, match="goal in minutes"):
        progression_plan(Base(60, 25, None), Goal(weekly_km=15), start=START)


def test_race_date_plan_ends_on_a_lighter_race_week() -> None:
    race = START + timedelta(weeks=5, days=5)  # Saturday of week 6
    p = progression_plan(Base(60, 25, 6.0), Goal(race_date=race), start=START)
    assert len(p.weeks) == 6 and p.weeks[-1].lighter
    assert p.weeks[-1].start <= race < p.weeks[-1].start + timedelta(days=7)
    # 70, 80, 90, lighter 72, back to 90, race week at 80% of 90 = 72
    assert [w.run_min for w in p.weeks] == [70, 80, 90, 72, 90, 72]


def test_race_before_the_start_is_refused_and_a_goal_is_required() -> None:
    with pytest.raises(LoadError, match="before the plan starts"):
        progression_plan(Base(60, 25, 6.0), Goal(race_date=START - timedelta(days=8)),
                         start=START)
    with pytest.raises(LoadError, match="give a goal"):
        progression_plan(Base(60, 25, 6.0), Goal(), start=START)


def test_goal_too_far_for_a_year_is_said_so() -> None:
    p = progression_plan(Base(30, 15, 6.0), Goal(weekly_min=900), start=START)
    assert not p.reached and len(p.weeks) == 52
    assert any("not reached safely" in n for n in p.notes)


def test_little_recent_running_points_to_the_walk_run_plan() -> None:
    p = progression_plan(Base(0, 0, None), Goal(weekly_min=30), start=START)
    assert any("stridewell programme return-to-run" in n for n in p.notes)


def _follow(plan, pace: float = 6.0) -> list:  # type: ignore[no-untyped-def,type-arg]
    out = []
    for w in plan.weeks:
        for d in w.days:
            offset = (d.day - day(0)).days
            if d.kind in ("run", "long run"):
                out.append(run(offset, d.minutes / pace, d.minutes))
            elif d.kind == "cross-training":
                out.append(run(offset, None, d.minutes, sport="cycling"))
    return out


@pytest.mark.parametrize("goal", [Goal(weekly_min=150), Goal(weekly_km=20)])
def test_a_runner_who_follows_the_plan_trips_no_check(goal: Goal) -> None:
    history = _history()
    p = plan_from_history(history, goal, start=START)
    assert p.reached
    done = history + _follow(p)
    a = analyse(done, as_of=p.weeks[-1].start + timedelta(days=6))
    found = [f for f in findings(a) if f.severity != "context" and f.when >= START]
    assert found == [], [f.message for f in found]
