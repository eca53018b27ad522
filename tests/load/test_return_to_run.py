"""After injury: the ratio checks stand aside and the walk-run plan leads, advanced only when
pain stays within the pain-monitoring rule and the load guard has nothing to say."""

from __future__ import annotations

from dataclasses import replace

from stridewell.load import analyse, findings, progression_plan, spikes
from stridewell.load.plan import Base, Goal
from stridewell.programme import PainEntry, Readiness, advance, return_to_run_plan
from tests.load.history import day, run

READY = Readiness(pain_free_walk_min=30, pain_free_daily_activities=True, swelling=False,
                  single_leg_squat_pain=1, hop_pain=1)


def _before_and_after_break() -> list:  # type: ignore[type-arg]
    # four weeks of 10 km runs, an eight-week break, then walk-run sessions of 2 km
    before = [run(7 * w + d, 10, 60) for w in range(4) for d in (1, 3, 6)]
    after = [run(84 + d, 2, 15) for d in (0, 2, 4)]
    return before + after


def test_after_a_break_the_first_runs_have_no_ratio_to_be_judged_by() -> None:
    history = _before_and_after_break()
    assert spikes(history) == []  # nothing in the 30 days before day 84
    a = analyse(history)
    assert a.ewma_acwr[-1] is None  # no load in the 21 days before the last week
    assert [f for f in findings(a) if f.rule in ("spike", "weekly_change", "acwr")] == []


def test_no_recent_running_sends_the_plan_to_the_walk_run_programme() -> None:
    p = progression_plan(Base(0, 0, None), Goal(weekly_min=60), start=day(84))
    assert any("walk-run" in n for n in p.notes)


def test_walk_run_level_goes_up_after_two_calm_runs_with_a_rest_day_between() -> None:
    plan = return_to_run_plan(READY, start=day(84))
    log = [PainEntry(day(84), 1, 0), PainEntry(day(86), 2, 1)]  # within 2/10, settled
    d = advance(plan, log)
    assert d.action == "progress" and d.plan.current_level == 2


def test_walk_run_level_holds_when_pain_reaches_3_and_steps_back_above_5() -> None:
    plan = return_to_run_plan(READY, start=day(84))
    assert advance(plan, [PainEntry(day(84), 1, 0), PainEntry(day(86), 3, 1)]).action == "hold"
    on_three = replace(plan, current_level=3, level_since=day(90))
    d = advance(on_three, [PainEntry(day(90), 6, 3)])
    assert d.action == "regress" and d.plan.current_level == 2


def test_a_load_warning_from_the_guard_holds_the_walk_run_level() -> None:
    # calm pain, but the runner also did a 5 km run on day 87: 5 / 2 - 1 = 150% over the
    # longest run of the 30 days before it, a high spike
    history = _before_and_after_break() + [run(87, 5, 35)]
    warnings = [f.message for f in findings(analyse(history)) if f.severity in ("high", "moderate")]
    assert any("150%" in w for w in warnings)
    plan = return_to_run_plan(READY, start=day(84))
    d = advance(plan, [PainEntry(day(84), 1, 0), PainEntry(day(86), 1, 0)],
                load_warnings=warnings)
    assert d.action == "hold" and d.plan.current_level == 1 and "150%" in d.explanation
