"""Reviewing a programme against the pain log, and the agreed pain limit."""

from datetime import date, timedelta

from stridewell.programme import PainEntry, ProgrammeInputs, build_programme, review

D0 = date(2026, 3, 2)
PROG = build_programme(ProgrammeInputs(condition="patellofemoral_pain"))


def day(n: int) -> date:
    return D0 + timedelta(days=n)


def test_calm_log_progresses_and_names_the_criteria_for_the_next_phase() -> None:
    r = review(PROG, [PainEntry(day(0), 1, 0), PainEntry(day(2), 2, 1), PainEntry(day(4), 1, 0)])
    assert r.action == "progress" and r.next_phase == 2
    assert r.next_phase_criteria == PROG.phases[0].advance_when
    assert "ACSM" in r.explanation


def test_painful_session_regresses_and_offers_easier_versions() -> None:
    r = review(PROG, [PainEntry(day(0), 8, 4)])
    assert r.action == "regress" and r.decision.see_clinician
    assert ("Wall sit", "Quadriceps set") in r.easier


def test_acceptable_but_not_calm_pain_holds() -> None:
    assert review(PROG, [PainEntry(day(0), 4, 2)]).action == "hold"


def test_last_phase_progress_says_keep_going() -> None:
    from stridewell.programme import move_to_phase

    last = move_to_phase(PROG, 3)
    r = review(last, [PainEntry(day(0), 0, 0), PainEntry(day(2), 1, 0), PainEntry(day(4), 0, 0)])
    assert r.next_phase is None and "last phase" in r.explanation


def test_agreed_pain_limit_replaces_the_default_five() -> None:
    strict = build_programme(ProgrammeInputs(condition="patellofemoral_pain", pain_limit=3))
    assert strict.pain_rule.max_during == 3 and "agreed" in strict.pain_rule.source
    assert review(strict, [PainEntry(day(0), 4, 1)]).action == "regress"
    assert review(PROG, [PainEntry(day(0), 4, 1)]).action == "hold"
