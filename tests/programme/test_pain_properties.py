"""Properties of the pain rule that must hold for any log."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from stridewell.programme import PainEntry, PainRule, decide

score = st.integers(min_value=0, max_value=10)
entry = st.builds(lambda d, a, b: PainEntry(date(2026, 1, 1) + timedelta(days=d), a, b),
                  st.integers(0, 60), score, st.one_of(st.none(), score))
logs = st.lists(entry, min_size=1, max_size=20)
rules = st.builds(lambda top, prog: PainRule(max_during=top, progress_at_most=min(prog, top)),
                  st.integers(2, 8), st.integers(0, 4))


@settings(max_examples=200, deadline=None)
@given(logs, rules)
def test_pain_above_the_limit_in_the_latest_session_never_progresses(log, rule) -> None:  # type: ignore[no-untyped-def]
    latest = max(log, key=lambda e: e.day)
    d = decide(log, rule)
    if all(e.during > rule.max_during for e in log if e.day == latest.day):
        assert d.action == "regress"


@settings(max_examples=200, deadline=None)
@given(logs, rules)
def test_a_broken_check_always_means_regress_and_no_broken_check_never_does(log, rule) -> None:  # type: ignore[no-untyped-def]
    d = decide(log, rule)
    broken = any(not c.passed for c in d.checks)
    assert (d.action == "regress") == broken


@settings(max_examples=200, deadline=None)
@given(logs, rules)
def test_progress_needs_enough_calm_sessions(log, rule) -> None:  # type: ignore[no-untyped-def]
    d = decide(log, rule)
    if d.action == "progress":
        recent = sorted(log, key=lambda e: e.day)[-rule.sessions_to_progress:]
        assert len(log) >= rule.sessions_to_progress
        assert all(e.during <= rule.progress_at_most for e in recent)
    assert d.explanation
