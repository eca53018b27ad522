"""Findings: ranked, and each one names the session or week, the number, the threshold,
the evidence and what to do instead."""

from __future__ import annotations

from stridewell.load import analyse, findings
from tests.load.history import day, run


def _steady(weeks: int) -> list:  # type: ignore[type-arg]
    # three 5 km / 30 min runs a week (Mon, Wed, Sat): nothing to warn about
    return [run(7 * w + d, 5, 30) for w in range(weeks) for d in (0, 2, 5)]


def _mixed():  # type: ignore[no-untyped-def]
    # weeks 1-4 steady (3 x 5 km = 15 km, 90 min); week 5: running every day, Mon-Sat
    # 6 x 4 km and a 12 km Sunday long run = 36 km (36 / 15 - 1 = +140%), 6 x 30 + 70 =
    # 250 min (+160), no rest day; the long run is 12 / 5 - 1 = 140% over the 5 km runs
    history = _steady(4) + [run(28 + d, 4, 30) for d in range(6)] + [run(34, 12, 70)]
    return history


def test_steady_running_gives_no_warnings() -> None:
    assert findings(analyse(_steady(8))) == []


def test_findings_are_ranked_by_severity_then_recency() -> None:
    found = findings(analyse(_mixed()))
    order = {"high": 0, "moderate": 1, "low": 2, "context": 3}
    ranks = [order[f.severity] for f in found]
    assert ranks == sorted(ranks)
    assert found[0].rule == "spike" and found[0].severity == "high" and found[0].when == day(34)
    assert {f.rule for f in found} >= {"spike", "weekly_change", "minutes_step", "rest_days"}
    same = [f for f in found if f.severity == "low"]
    assert [f.when for f in same] == sorted((f.when for f in same), reverse=True)


def test_each_finding_names_subject_number_threshold_evidence_and_advice() -> None:
    for f in findings(analyse(_mixed())):
        assert f.subject.startswith(("week of ", "running on ", "the last 7 days")), f.subject
        assert any(ch.isdigit() for ch in f.value), f.value
        assert f.threshold and any(ch.isdigit() for ch in f.threshold)
        assert f.evidence.strip() and f.advice.strip() and f.message.strip()


def test_spike_finding_words_for_the_long_run() -> None:
    (f,) = [f for f in findings(analyse(_mixed())) if f.rule == "spike"]
    assert f.subject == "running on Sun 6 Apr 2025 (12.0 km, 70 min)"
    assert f.value == "140% longer"
    assert "12.0 km, 140% more than the longest run of the 30 days before it (5.0 km)" in f.message
    assert "at most 5.5 km" in f.advice
    assert "will" not in f.message.lower()  # observed rates, not a prediction


def test_weekly_and_minutes_findings_name_the_week_and_numbers() -> None:
    found = {f.rule: f for f in findings(analyse(_mixed()))}
    week = found["weekly_change"]
    assert week.subject == "week of Mon 31 Mar 2025" and week.value == "+140% running distance"
    assert found["minutes_step"].value == "+160 min of running"  # 250 - 90
    assert found["rest_days"].value == "0 rest days"


def test_findings_since_a_day_leave_older_ones_out() -> None:
    # an old spike on day 10 (+40%), then steady; only the last weeks are asked for
    history = [run(0, 10), run(10, 14)] + [run(d, 5) for d in range(14, 60, 3)]
    a = analyse(history)
    assert [f.rule for f in findings(a) if f.rule == "spike"] == ["spike"]
    assert [f for f in findings(a, since=day(30)) if f.rule == "spike"] == []
