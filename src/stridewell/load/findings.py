"""Ranked plain-language warnings from an Analysis: what, how much, against what, why, instead.

Wording is ours; each threshold carries its source from thresholds.toml. Findings report
what higher injury rates were observed with, not predictions for this runner.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from stridewell.load.analysis import Analysis
from stridewell.load.config import Thresholds, load_thresholds
from stridewell.load.weekly import Spike, WeekChange

Severity = Literal["high", "moderate", "low", "context"]
_ORDER = {"high": 0, "moderate": 1, "low": 2, "context": 3}


@dataclass(frozen=True)
class Finding:
    """One warning: the rule, the session or week, the number, the threshold, evidence, advice."""

    rule: str
    severity: Severity
    when: date
    subject: str
    value: str
    threshold: str
    message: str
    evidence: str
    advice: str
    size: float = 0.0


def _d(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def _band(pct: float) -> str:
    if pct > 100:
        return "more than double: injury rate 2.28 times the reference (95% CI 1.50-3.48)"
    if pct > 30:
        return "30-100% over: injury rate 1.52 times the reference (95% CI 1.16-2.00)"
    return "10-30% over: injury rate 1.64 times the reference (95% CI 1.31-2.05)"


def _spike(sp: Spike, th: Thresholds) -> Finding:
    limit = th.value("spike.moderate")
    cap = sp.longest_before_km * (1 + limit / 100)
    s = sp.session
    return Finding(
        rule="spike", severity="high" if sp.increase_pct > th.value("spike.high") else "moderate",
        when=s.day, subject=s.label(), value=f"{sp.increase_pct:.0f}% longer",
        threshold=f"more than {limit:.0f}% over the longest run of the previous 30 days",
        message=(f"The run on {_d(s.day)} covered {s.distance_km:.1f} km, "
                 f"{sp.increase_pct:.0f}% more than the longest run of the 30 days before it "
                 f"({sp.longest_before_km:.1f} km)."),
        evidence=f"{_band(sp.increase_pct)}; {th.get('spike.moderate').source}",
        advice=(f"Keep any single run within {limit:.0f}% of the longest run of the last 30 "
                f"days: that was at most {cap:.1f} km here. Build the long run in small steps."),
        size=sp.increase_pct,
    )


def _ramp(ch: WeekChange, th: Thresholds) -> Finding:
    limit = th.value("weekly.change")
    pct = ch.change_pct or 0.0
    return Finding(
        rule="weekly_change", severity="moderate", when=ch.start,
        subject=f"week of {_d(ch.start)}", value=f"+{pct:.0f}% running distance",
        threshold=f"more than {limit:.0f}% over the week before",
        message=(f"In the week of {_d(ch.start)} you ran {ch.km:.1f} km against "
                 f"{ch.km_before:.1f} km the week before (+{pct:.0f}%)."),
        evidence=("Novice runners who added more than 30% in a fortnight had more knee-type "
                  f"overuse injuries (HR 1.59, 95% CI 0.96-2.66, p = .07); "
                  f"{th.get('weekly.change').source}"),
        advice=(f"Hold the next week near {ch.km_before * (1 + limit / 100):.1f} km or less, "
                "then grow by a few minutes a week with a lighter week every 3-4 weeks."),
        size=pct,
    )


def _minutes(ch: WeekChange, th: Thresholds) -> Finding:
    step = th.value("weekly.minutes_step")
    high = ch.minutes - ch.minutes_new
    return Finding(
        rule="minutes_step", severity="low", when=ch.start, subject=f"week of {_d(ch.start)}",
        value=f"+{ch.minutes_new:.0f} min of running",
        threshold=f"more than {step:.0f} min added in a week (clinic rule of thumb)",
        message=(f"The week of {_d(ch.start)} had {ch.minutes:.0f} min of running, "
                 f"{ch.minutes_new:.0f} min more than the most of the two weeks before "
                 f"({high:.0f} min)."),
        evidence="A clinical convention, not a trial result: "
        + th.get("weekly.minutes_step").source,
        advice=(f"Add no more than {step:.0f} min of running a week; going back to the level "
                "of a full week after a lighter one is fine."),
        size=ch.minutes_new,
    )


def _week_findings(a: Analysis, th: Thresholds) -> list[Finding]:
    out = []
    for ch in a.changes:
        if ch.change_pct is not None and ch.change_pct > th.value("weekly.change"):
            out.append(_ramp(ch, th))
        if ch.minutes_new > th.value("weekly.minutes_step") and ch.min_before > 0:
            out.append(_minutes(ch, th))
    need = th.value("recovery.rest_days")
    for w in a.weeks:
        complete = w.start + timedelta(days=6) <= a.as_of
        if complete and w.sessions and w.rest_days < need:
            out.append(Finding(
                rule="rest_days", severity="low", when=w.start, subject=f"week of {_d(w.start)}",
                value=f"{w.rest_days} rest days", threshold=f"fewer than {need:.0f} a week",
                message=f"The week of {_d(w.start)} had {w.rest_days} days without training.",
                evidence=th.get("recovery.rest_days").source,
                advice="Keep at least one full rest day a week; swap a run for rest or pilates.",
            ))
    return out


def _load_findings(a: Analysis, th: Thresholds) -> list[Finding]:
    out = []
    warn = th.value("monotony.warn")
    for w in a.week_loads:
        if w.monotony is not None and w.monotony >= warn:
            sev: Severity = "moderate" if w.monotony >= th.value("monotony.high") else "low"
            out.append(Finding(
                rule="monotony", severity=sev, when=w.start, subject=f"week of {_d(w.start)}",
                value=f"monotony {w.monotony:.1f}", threshold=f"{warn:.1f} or more",
                message=(f"Training in the week of {_d(w.start)} was very even from day to day "
                         f"(monotony {w.monotony:.1f}, strain {w.strain or 0:.0f})."),
                evidence=th.get("monotony.warn").source,
                advice="Alternate harder and easier days and keep a rest day in the week.",
                size=w.monotony,
            ))
    hours = th.value("recovery.hours")
    for g in a.hard_gaps:
        out.append(Finding(
            rule="recovery", severity="low", when=g.second.day, subject=g.second.label(),
            value=f"{g.hours:.0f} h after the last hard session",
            threshold=f"less than {hours:.0f} h between hard or long sessions",
            message=(f"The hard session on {_d(g.second.day)} started {g.hours:.0f} h after "
                     f"the one on {_d(g.first.day)}."),
            evidence=th.get("recovery.hours").source,
            advice=f"Leave {hours:.0f} h between hard or long sessions; run easy or rest between.",
            size=hours - g.hours,
        ))
    return out + _acwr_context(a, th)


def _acwr_context(a: Analysis, th: Thresholds) -> list[Finding]:
    latest = next((r for r in reversed(a.ewma_acwr) if r is not None), None)
    if latest is None or latest < th.value("acwr.high"):
        return []
    return [Finding(
        rule="acwr", severity="context", when=a.as_of, subject="the last 7 days",
        value=f"acute:chronic {latest:.2f}", threshold=f"{th.value('acwr.high'):.1f} or more",
        message=(f"The last week's load is {latest:.2f} times the 28-day average. Shown as "
                 "context: in runners this ratio did not predict injury."),
        evidence=th.get("acwr.high").source,
        advice="Check the single-run and weekly checks above; they carry the evidence.",
        size=latest,
    )]


def findings(a: Analysis, thresholds: Thresholds | None = None, *,
             since: date | None = None) -> list[Finding]:
    """Return every warning for `a` (from `since` on, when given), most serious first, then
    most recent, then largest."""
    th = thresholds or load_thresholds()
    out = [_spike(sp, th) for sp in a.spikes] + _week_findings(a, th) + _load_findings(a, th)
    if since is not None:
        out = [f for f in out if f.when >= since]
    return sorted(out, key=lambda f: (_ORDER[f.severity], -f.when.toordinal(), -f.size))
