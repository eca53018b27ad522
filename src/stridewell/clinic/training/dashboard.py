"""What the training-load pages show: the core's analysis and warnings, plots, imports and the plan.

Read-only: assembled from the stored sessions on each request; the four plots (matplotlib, the slow
part) are cached until the history changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.core.cache import cache
from django.utils import timezone
from markupsafe import Markup

from stridewell.clinic.jobs.models import Job
from stridewell.clinic.training.models import TrainingImport, TrainingPlan, TrainingSession
from stridewell.clinic.training.services import JOB_KIND, training_history
from stridewell.load import Analysis, Finding, analyse, findings

RECENT_WEEKS = 12
RECENT_ACTIVITIES = 20
STALE_DAYS = 14
MIN_RATIO_DAYS = 14
FAILED_SHOWN_DAYS = 14  # a failed upload is listed (with its reason) for two weeks
SEVERITY = {
    "high": "High",
    "moderate": "Moderate",
    "low": "Worth a look",
    "context": "Context only",
}
PROBLEM = {
    "rejected": "Could not be read",
    "salvaged": "Partly read",
    "not_activity": "Not a workout",
    "unsupported": "Not an activity file",
    "duplicate": "Already in this upload",
}
RULE = {
    "spike": "One run much longer than usual",
    "weekly_change": "A fast rise in weekly distance",
    "minutes_step": "Many minutes added in one week",
    "rest_days": "Too few rest days",
    "monotony": "Every day much the same",
    "recovery": "Hard sessions too close together",
    "acwr": "Recent load high against the month",
}
BASIS = {
    "rpe": "session effort (RPE) × minutes",
    "trimp": "heart rate (Banister TRIMP)",
    "duration": "minutes of training (not every session has effort or heart rate)",
}
PLOTS = (
    (
        "volume",
        "Weekly running volume",
        "Bars: running kilometres per week; line: running minutes per week.",
    ),
    (
        "spikes",
        "Each run against its single-run limit",
        "Dots: runs; red dots: longer than the longest run of the 30 days before by more than 10%.",
    ),
    (
        "acwr",
        "Acute:chronic load ratio",
        "Last 7 days against the last 28 (context only: it did not predict injury in runners).",
    ),
    (
        "fitness",
        "Fitness, fatigue and form",
        "Fitness: 42-day average load; fatigue: 7-day; form: fitness minus fatigue.",
    ),
)


@dataclass
class WeekRow:
    start: date
    run_km: float
    run_min: float
    runs: int
    all_min: float
    rest_days: int
    change_pct: float | None
    flagged: bool
    partial: bool = False


@dataclass
class Dashboard:
    """Everything a training-load page shows for one patient."""

    sessions: int = 0
    runs: int = 0
    first_day: date | None = None
    as_of: date | None = None
    stale_days: int = 0
    basis: str = ""
    recent: list[dict[str, Any]] = field(default_factory=list)
    older: list[dict[str, Any]] = field(default_factory=list)
    plots: list[dict[str, Any]] = field(default_factory=list)
    weeks: list[WeekRow] = field(default_factory=list)
    days_since_hard: float | None = None
    imports: list[TrainingImport] = field(default_factory=list)
    pending: list[Job] = field(default_factory=list)
    plan: TrainingPlan | None = None
    plan_weeks: list[dict[str, Any]] = field(default_factory=list)
    this_week: dict[str, Any] | None = None
    activities: list[Any] = field(default_factory=list)


def _figures(patient, a: Analysis) -> dict[str, str]:  # noqa: ANN001
    from stridewell.report.load import load_figures

    newest = (
        TrainingSession.objects.filter(patient=patient)
        .order_by("-id")
        .values_list("id", flat=True)
        .first()
    )
    key = f"training-figures:{patient.pk}:{len(a.sessions)}:{newest}:{a.as_of}"
    figs = cache.get(key)
    if figs is None:
        figs = {k: str(v) for k, v in load_figures(a, weeks=26).items()}
        cache.set(key, figs, 24 * 3600)
    return figs


def _plots(patient, a: Analysis) -> list[dict[str, Any]]:  # noqa: ANN001
    figs = _figures(patient, a)
    # The ratio needs 4 weeks of history before it means anything; a near-empty plot only confuses.
    if sum(1 for r in a.ewma_acwr if r is not None) < MIN_RATIO_DAYS:
        figs.pop("acwr", None)
    # The SVG is one picture to a screen reader; its words are in the caption and the weekly table.
    return [
        {"key": k, "title": t, "caption": c, "svg": Markup(figs[k])}
        for k, t, c in PLOTS
        if k in figs
    ]


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "f": f,
        "title": RULE.get(f.rule, f.rule),
        "severity": SEVERITY.get(f.severity, f.severity),
    }


def _weeks(a: Analysis, flagged: set[date]) -> list[WeekRow]:
    change = {c.start: c.change_pct for c in a.changes}
    # The last week may not be over: its change against a whole week means little, so it is not shown.
    rows = [
        WeekRow(
            w.start,
            w.run_km,
            w.run_min,
            w.runs,
            w.all_min,
            w.rest_days,
            change.get(w.start),
            w.start in flagged,
            w.start + timedelta(days=6) > a.as_of,
        )
        for w in a.weeks
    ]
    return rows[-RECENT_WEEKS:][::-1]


def plan_weeks(plan: TrainingPlan, today: date) -> list[dict[str, Any]]:
    """Return the plan's weeks with dates parsed and `current`/`past` set against `today`."""
    out = []
    for w in plan.plan.get("weeks", []):
        start = date.fromisoformat(w["start"])
        days = [
            {**d, "day": date.fromisoformat(d["day"]), "today": d["day"] == today.isoformat()}
            for d in w.get("days", [])
        ]
        out.append(
            {
                **w,
                "start": start,
                "end": start + timedelta(days=6),
                "days": days,
                "current": start <= today < start + timedelta(days=7),
                "past": start + timedelta(days=7) <= today,
            }
        )
    return out


def training_dashboard(patient, *, today: date | None = None, plots: bool = True) -> Dashboard:  # noqa: ANN001
    """Return the dashboard of `patient`: analysis up to their last session, warnings, plots, imports, plan."""
    today = today or timezone.localdate()
    d = Dashboard(
        imports=list(
            TrainingImport.objects.filter(patient=patient).select_related("uploaded_by")[:20]
        ),
        pending=list(
            Job.objects.filter(patient=patient, kind=JOB_KIND)
            .exclude(status=Job.Status.DONE)
            .exclude(
                status=Job.Status.FAILED,
                created_at__lt=timezone.now() - timedelta(days=FAILED_SHOWN_DAYS),
            )
            .order_by("-created_at")[:5]
        ),
        plan=TrainingPlan.objects.filter(patient=patient, withdrawn_at__isnull=True)
        .select_related("created_by")
        .first(),
    )
    for imp in d.imports:
        imp.problem_rows = [{**p, "label": problem_label(p.get("kind", ""))} for p in imp.problems]
    if d.plan is not None:
        d.plan_weeks = plan_weeks(d.plan, today)
        d.this_week = next((w for w in d.plan_weeks if w["current"]), None)
    history = training_history(patient)
    if not history:
        return d
    a = analyse(history)
    found = findings(a)
    since = a.as_of - timedelta(weeks=RECENT_WEEKS)
    d.sessions, d.runs = len(a.sessions), sum(1 for s in a.sessions if s.is_run)
    d.first_day, d.as_of, d.stale_days = a.sessions[0].day, a.as_of, (today - a.as_of).days
    d.basis, d.days_since_hard = BASIS[a.basis], a.days_since_hard
    d.recent = [_finding(f) for f in found if f.when >= since]
    d.older = [_finding(f) for f in found if f.when < since]
    d.activities = list(a.sessions[-RECENT_ACTIVITIES:])[::-1]
    d.weeks = _weeks(a, {f.when for f in found if f.rule == "weekly_change"})
    if plots:
        d.plots = _plots(patient, a)
    return d


def training_summary(patient) -> Dashboard:  # noqa: ANN001
    """Return the dashboard without plots, for the chart and portal sections."""
    return training_dashboard(patient, plots=False)


def problem_label(kind: str) -> str:
    """Return the plain words for an import problem kind."""
    return PROBLEM.get(kind, kind)
