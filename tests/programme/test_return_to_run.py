"""The walk-run plan: entry criteria, schedule rules and advancement from the pain log."""

from dataclasses import replace
from datetime import date, timedelta

from stridewell.programme import PainEntry, Readiness, advance, check_entry, return_to_run_plan

START = date(2026, 3, 2)  # a Monday
READY = Readiness(pain_free_walk_min=30, pain_free_daily_activities=True, swelling=False,
                  single_leg_squat_pain=1, hop_pain=2)


def day(n: int) -> date:
    return START + timedelta(days=n)


def test_runner_meeting_all_criteria_may_start() -> None:
    check = check_entry(READY)
    assert check.ready and not check.unmet


def test_each_unmet_entry_criterion_is_named() -> None:
    check = check_entry(replace(READY, pain_free_walk_min=20, swelling=True, hop_pain=4))
    assert not check.ready
    assert len(check.unmet) == 3
    assert any("30 minutes" in u for u in check.unmet)
    assert any("swelling" in u for u in check.unmet)
    assert any("hops" in u for u in check.unmet)


def test_bone_stress_injury_needs_medical_clearance() -> None:
    assert not check_entry(replace(READY, bone_stress_injury=True)).ready
    assert check_entry(replace(READY, bone_stress_injury=True, medical_clearance=True)).ready


def test_plan_starts_with_four_minutes_walk_one_minute_run() -> None:
    plan = return_to_run_plan(READY, start=START)
    assert plan.level.describe() == "3 x (walk 4 min, run 1 min), 15 min in all"
    assert plan.levels[-1].total_run_min == 20


def test_schedule_repeats_each_level_twice_and_never_runs_on_consecutive_days() -> None:
    plan = return_to_run_plan(READY, start=START)
    levels = [s.level for s in plan.sessions]
    assert levels == [n for n in range(1, 11) for _ in range(2)]
    gaps = [(b.day - a.day).days for a, b in zip(plan.sessions, plan.sessions[1:], strict=False)]
    assert min(gaps) >= 2
    # three runs a week: Monday, Wednesday, Friday
    assert [s.day.weekday() for s in plan.sessions[:6]] == [0, 2, 4, 0, 2, 4]


def test_schedule_moves_up_at_most_two_levels_in_any_seven_days() -> None:
    plan = return_to_run_plan(READY, start=START, runs_per_week=4)
    firsts = [s.day for i, s in enumerate(plan.sessions)
              if i and s.level != plan.sessions[i - 1].level]
    for d in firsts:
        assert sum(1 for f in firsts if 0 <= (d - f).days < 7) <= 2


def test_not_ready_runner_gets_no_sessions_and_a_hold_naming_what_is_missing() -> None:
    plan = return_to_run_plan(replace(READY, swelling=True), start=START)
    assert plan.sessions == ()
    decision = advance(plan, [])
    assert decision.action == "hold" and "swelling" in decision.explanation


def test_one_calm_run_repeats_the_level() -> None:
    plan = return_to_run_plan(READY, start=START)
    d = advance(plan, [PainEntry(day(0), 0, 0)])
    assert d.action == "hold" and d.plan.current_level == 1
    assert "1 of 2" in d.explanation


def test_two_calm_runs_with_rest_between_move_up_a_level() -> None:
    plan = return_to_run_plan(READY, start=START)
    d = advance(plan, [PainEntry(day(0), 1, 0), PainEntry(day(2), 2, 1)])
    assert d.action == "progress"
    assert d.plan.current_level == 2 and d.plan.level_since == day(3)


def test_runs_on_consecutive_days_hold_the_level() -> None:
    plan = return_to_run_plan(READY, start=START)
    d = advance(plan, [PainEntry(day(0), 0, 0), PainEntry(day(1), 0, 0)])
    assert d.action == "hold" and "rest day" in d.explanation


def test_pain_three_during_a_run_holds_rather_than_progresses() -> None:
    plan = return_to_run_plan(READY, start=START)
    d = advance(plan, [PainEntry(day(0), 1, 0), PainEntry(day(2), 3, 1)])
    assert d.action == "hold" and d.plan.current_level == 1


def test_pain_above_five_steps_back_one_level() -> None:
    plan = replace(return_to_run_plan(READY, start=START), current_level=4, level_since=day(10))
    d = advance(plan, [PainEntry(day(10), 6, 2)])
    assert d.action == "regress" and d.plan.current_level == 3


def test_pain_on_first_level_means_walk_only_and_see_the_clinician() -> None:
    plan = return_to_run_plan(READY, start=START)
    d = advance(plan, [PainEntry(day(0), 6, 4)])
    assert d.action == "regress" and d.see_clinician
    assert d.plan.current_level == 1


def test_third_level_change_within_seven_days_is_held() -> None:
    plan = replace(return_to_run_plan(READY, start=START), current_level=3, level_since=day(4),
                   level_changes=(day(2), day(4)))
    d = advance(plan, [PainEntry(day(4), 0, 0), PainEntry(day(6), 0, 0)], today=day(7))
    assert d.action == "hold" and "2 levels this week" in d.explanation


def test_calm_runs_on_the_last_level_complete_the_plan() -> None:
    plan = replace(return_to_run_plan(READY, start=START), current_level=10, level_since=day(40))
    d = advance(plan, [PainEntry(day(40), 0, 0), PainEntry(day(42), 1, 0)])
    assert d.complete and d.action == "progress"


def test_itb_plan_carries_the_flat_ground_advice() -> None:
    plan = return_to_run_plan(READY, start=START, condition="itb_syndrome")
    assert any("downhill" in n for n in plan.notes)


def test_training_load_warning_turns_a_step_up_into_a_hold() -> None:
    plan = return_to_run_plan(READY, start=START)
    log = [PainEntry(day(0), 1, 0), PainEntry(day(2), 2, 1)]
    d = advance(plan, log, load_warnings=["weekly distance up 45% on last week"])
    assert d.action == "hold" and d.plan.current_level == 1
    assert "45%" in d.explanation


def test_training_load_warning_does_not_soften_a_step_back() -> None:
    plan = replace(return_to_run_plan(READY, start=START), current_level=3, level_since=day(8))
    d = advance(plan, [PainEntry(day(8), 7, 3)], load_warnings=["spike"])
    assert d.action == "regress" and d.plan.current_level == 2


def test_replay_walks_a_calm_log_up_one_level_every_two_runs() -> None:
    from stridewell.programme import replay

    plan = return_to_run_plan(READY, start=START)
    runs = [PainEntry(s.day, 1, 0) for s in plan.sessions[:6]]
    final, decisions = replay(plan, runs)
    assert [d.action for d in decisions] == ["hold", "progress"] * 3
    assert final.current_level == 4


def test_replay_steps_back_after_a_painful_run() -> None:
    from stridewell.programme import replay

    plan = return_to_run_plan(READY, start=START)
    runs = [PainEntry(day(0), 0, 0), PainEntry(day(2), 1, 0), PainEntry(day(4), 6, 3)]
    final, decisions = replay(plan, runs)
    assert decisions[-1].action == "regress" and final.current_level == 1
