"""The pain-monitoring rule on logs a person can check by hand."""

from datetime import date, timedelta

import pytest

from stridewell.programme import PainEntry, PainRule, decide, rule_for

D0 = date(2026, 3, 2)


def day(n: int) -> date:
    return D0 + timedelta(days=n)


def test_empty_log_holds_and_asks_for_a_log() -> None:
    d = decide([])
    assert d.action == "hold"
    assert "log" in d.explanation


def test_three_calm_sessions_that_settle_progress() -> None:
    log = [PainEntry(day(0), 2, 1), PainEntry(day(2), 1, 0), PainEntry(day(4), 2, 2)]
    d = decide(log)
    assert d.action == "progress"
    assert "last 3 sessions" in d.explanation


def test_pain_during_above_agreed_five_regresses() -> None:
    log = [PainEntry(day(0), 2, 1), PainEntry(day(2), 6, 1)]
    d = decide(log)
    assert d.action == "regress"
    assert "6/10" in d.explanation and "5/10" in d.explanation


def test_pain_exactly_at_agreed_level_is_allowed_but_held() -> None:
    log = [PainEntry(day(0), 5, 2), PainEntry(day(2), 5, 1), PainEntry(day(4), 5, 2)]
    d = decide(log)
    assert d.action == "hold"


def test_morning_pain_not_settled_regresses() -> None:
    log = [PainEntry(day(0), 3, 4)]
    d = decide(log)
    assert d.action == "regress"
    assert "next morning pain was 4/10" in d.explanation


def test_morning_pain_back_to_usual_resting_level_counts_as_settled() -> None:
    # usual resting pain 3/10; back to 3 next morning is settled even above the 0-2 zone
    log = [PainEntry(day(0), 4, 3, before=3)]
    assert decide(log).action == "hold"
    assert decide([PainEntry(day(0), 4, 4, before=3)]).action == "regress"


def test_week_worse_than_week_before_regresses() -> None:
    # week 1 worst scores 2,2,2 (mean 2); week 2 worst scores 3,4,4 (mean 3.67): up >= 1 point
    log = [PainEntry(day(0), 2, 1), PainEntry(day(2), 2, 1), PainEntry(day(4), 2, 0),
           PainEntry(day(7), 3, 2), PainEntry(day(9), 4, 2), PainEntry(day(11), 4, 2)]
    d = decide(log)
    assert d.action == "regress"
    assert "3.7/10 against 2.0/10" in d.explanation


def test_week_slightly_worse_by_less_than_a_point_is_not_a_break() -> None:
    log = [PainEntry(day(0), 2, 1), PainEntry(day(7), 2, 2), PainEntry(day(9), 3, 2)]
    # week means 2.0 then 2.5: rise of 0.5 < 1.0
    checks = {c.name: c.passed for c in decide(log).checks}
    assert checks["not worse week to week"]


def test_severe_pain_sends_runner_to_the_clinician() -> None:
    d = decide([PainEntry(day(0), 8, 6)])
    assert d.action == "regress" and d.see_clinician
    assert "clinician" in d.explanation


def test_two_unsettled_mornings_in_a_row_send_runner_to_the_clinician() -> None:
    d = decide([PainEntry(day(0), 3, 3), PainEntry(day(2), 3, 4)])
    assert d.see_clinician


def test_log_order_does_not_matter() -> None:
    log = [PainEntry(day(4), 2, 2), PainEntry(day(0), 2, 1), PainEntry(day(2), 1, 0)]
    assert decide(log).action == "progress"


def test_tendinopathy_rule_progresses_at_three_but_general_rule_does_not() -> None:
    log = [PainEntry(day(0), 3, 1), PainEntry(day(2), 3, 1), PainEntry(day(4), 3, 2)]
    assert decide(log, rule_for("patellar_tendinopathy")).action == "progress"
    assert decide(log, rule_for("patellofemoral_pain")).action == "hold"


def test_every_decision_names_its_evidence() -> None:
    d = decide([PainEntry(day(0), 1, 0)])
    assert "Silbernagel" in d.source and "Thomeé" in d.source


@pytest.mark.parametrize("bad", [-1, 11])
def test_pain_outside_0_to_10_is_rejected(bad: int) -> None:
    with pytest.raises(ValueError):
        PainEntry(day(0), bad)


def test_rule_with_progress_ceiling_above_limit_is_rejected() -> None:
    with pytest.raises(ValueError):
        PainRule(max_during=3, progress_at_most=4)


def test_weekly_summary_averages_each_monday_to_sunday_week() -> None:
    from stridewell.programme import weekly_summary

    # D0 is a Monday: week 1 during 2 and 4 (mean 3), mornings 1 and none; week 2 one session
    log = [PainEntry(day(0), 2, 1), PainEntry(day(3), 4), PainEntry(day(8), 1, 0)]
    weeks = weekly_summary(log)
    assert [(w.week_start, w.sessions, w.mean_during, w.mean_next_morning) for w in weeks] == [
        (day(0), 2, 3.0, 1.0), (day(7), 1, 1.0, 0.0)]


def test_no_step_up_until_the_morning_after_the_last_session_is_logged() -> None:
    log = [PainEntry(day(0), 1, 0), PainEntry(day(2), 1, 0), PainEntry(day(4), 1)]
    d = decide(log)
    assert d.action == "hold" and "next-morning score" in d.explanation
    assert decide([*log[:2], PainEntry(day(4), 1, 0)]).action == "progress"


def test_default_rule_from_the_data_file_matches_the_published_model() -> None:
    rule = rule_for("patellofemoral_pain")
    assert (rule.max_during, rule.progress_at_most, rule.window_days) == (5, 2, 7)
    assert rule == PainRule()


def test_three_week_diary_worked_by_hand() -> None:
    """A runner's diary, decided after each entry (limits 5 during, 2 to progress, 3 in a row).

    day 0: 4 during, 2 next morning -> rules hold, not calm (4 > 2)          -> hold
    day 2: 3, 1                       -> rules hold, not calm                   -> hold
    day 4: 2, 1                       -> last 3 were 4, 3, 2: not all <= 2      -> hold
    day 7: 2, 0                       -> last 3 were 3, 2, 2: not all <= 2      -> hold
    day 9: 1, 0                       -> last 3 were 2, 2, 1; week means: days 3-9 worst
                                         scores 2, 2, 1 (mean 1.67) vs days -4..2 4, 3
                                         (mean 3.5): better                     -> progress
    day 11: 6, 3                      -> 6 > 5 and 3 not settled                -> regress
    """
    diary = [(0, 4, 2), (2, 3, 1), (4, 2, 1), (7, 2, 0), (9, 1, 0), (11, 6, 3)]
    expected = ["hold", "hold", "hold", "hold", "progress", "regress"]
    log: list[PainEntry] = []
    got = []
    for d, during, morning in diary:
        log.append(PainEntry(day(d), during, morning))
        got.append(decide(log).action)
    assert got == expected
