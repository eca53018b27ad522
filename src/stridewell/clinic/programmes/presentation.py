"""What the templates show: exercise cards, the patient's day, the chart and portal sections, handouts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from stridewell import programme as core
from stridewell.clinic.programmes import services
from stridewell.clinic.programmes.charts import pain_trend_svg
from stridewell.clinic.programmes.forms import DAY_LABELS
from stridewell.clinic.programmes.models import Programme, ProgrammeVersion
from stridewell.clinic.programmes.progress import (
    adherence,
    next_session_day,
    programme_state,
    run_phase_allows,
    run_state,
)

PAGE_SIZES = {"a4": "A4", "letter": "Letter"}


def page_slug(page_id: str) -> str:
    """Return the URL slug of an education page (hyphens read better than underscores)."""
    return page_id.replace("_", "-")


@dataclass(frozen=True)
class Card:
    """One exercise as the patient sees it."""

    prescription: core.Prescription
    exercise: core.Exercise | None
    svg: SafeString
    dose: str
    done: bool = False
    easier: str = ""


def card(p: core.Prescription, done: bool = False, height: int = 120) -> Card:
    """Return the card of one prescription (an exercise gone from the library keeps its name and dose)."""
    library = core.load_library()
    ex = library.get(p.exercise_id)
    svg = (
        mark_safe(
            core.illustration_svg(ex.illustration, height_px=height, title=f"How to do {ex.name}")
        )
        if ex
        else ""
    )  # noqa: S308 - the core builds the SVG from numbers and escapes the title
    easier = (
        library[ex.regression].name if ex and ex.regression and ex.regression in library else ""
    )
    return Card(p, ex, svg, p.dose.describe(), done, easier)


def education_links(programme: core.Programme | None = None) -> list[tuple[str, str, str]]:
    """Return (url, title, summary) of the education pages (the programme's own list when given)."""
    pages = core.load_education()
    ids = [i for i in programme.education if i in pages] if programme else list(pages)
    return [
        (reverse("programmes:learn_page", args=[page_slug(i)]), pages[i].title, pages[i].summary)
        for i in ids
    ]


def week_rows(phase: core.Phase) -> list[tuple[str, list[str]]]:
    """Return (weekday name, exercise names) for each day of the phase's week."""
    names = {p.exercise_id: p.name for p in phase.prescriptions}
    return [(DAY_LABELS[d.day], [names.get(i, i) for i in d.exercise_ids]) for d in phase.week]


def _morning_due(programme: Programme, today: date) -> Any:
    """Return the latest recent session still waiting for its next-morning score, or None."""
    return (
        programme.sessions.filter(
            day__lt=today,
            day__gte=today - timedelta(days=3),
            pain_during__isnull=False,
            pain_next_morning__isnull=True,
        )
        .order_by("-day")
        .first()
    )


def _run_context(programme: Programme, current: core.Programme, today: date) -> dict[str, Any]:
    plan = services.run_plan_current(programme)
    if not run_phase_allows(current):
        return {"run": None}
    if plan is None:
        return {"run": None, "run_waiting": True}
    state = run_state(plan)
    runs = {r.day: r for r in state.runs}
    last = state.runs[-1] if state.runs else None
    due = last if last and last.day < today and last.pain_next_morning is None else None
    return {
        "run": state,
        "run_today": runs.get(today),
        "run_morning_due": due,
        "run_morning_legend": f"Knee pain this morning, after your run on {due.day:%A}"
        if due
        else "",
    }


def patient_page_context(
    programme: Programme, version: ProgrammeVersion, today: date
) -> dict[str, Any]:
    """Return what the patient's programme page shows for `today`."""
    state = programme_state(programme, version)
    current = state.programme
    session = programme.sessions.filter(day=today).prefetch_related("done").first()
    ticked = {d.exercise_id for d in session.done.all()} if session else set()
    todays = [card(p, p.exercise_id in ticked) for p in core.exercises_on(current, today)]
    nxt = next_session_day(current, today)
    due = _morning_due(programme, today)
    return {
        "programme": programme,
        "version": version,
        "p": current,
        "phase": current.phase,
        "state": state,
        "today": today,
        "cards": todays,
        "done_count": sum(c.done for c in todays),
        "session": session,
        "next_day": nxt,
        "morning_due": due,
        "week": week_rows(current.phase),
        "morning_legend": f"How much does your knee hurt this morning, after your session on {due.day:%A}?"
        if due
        else "",
        "pain_range": range(11),
        "education": education_links(current),
        **_run_context(programme, current, today),
    }


def handout_response(
    request: HttpRequest, programme: core.Programme, fmt: str, stem: str
) -> HttpResponse:
    """Return the handout as HTML, or as a PDF for ?size=a4 (default) or ?size=letter."""
    from stridewell.report.programme import handout_pdf, render_handout

    size = PAGE_SIZES.get(request.GET.get("size", "a4").lower())
    if size is None:
        raise Http404("Paper sizes are A4 and Letter")
    if fmt == "pdf":
        resp = HttpResponse(handout_pdf(programme, size), content_type="application/pdf")  # type: ignore[arg-type]
        resp["Content-Disposition"] = f'inline; filename="{stem}-{size.lower()}.pdf"'
        return resp
    return HttpResponse(render_handout(programme, size, today=timezone.localdate()))  # type: ignore[arg-type]


# ---- chart (clinician) and portal (patient) sections -------------------------------------------------


def readable(view):  # noqa: ANN001, ANN201
    """Wrap a view so that a stored programme the core can no longer read gives a page, not an error."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:  # noqa: ANN002, ANN003
        try:
            return view(request, *args, **kwargs)
        except services.ProgrammeUnreadable as exc:
            pk = kwargs.get("pk")
            new = reverse("programmes:generate", args=[pk]) if pk else ""
            html = render_to_string("programmes/unreadable.html", {"message": str(exc), "new_url": new},
                                    request=request)
            return HttpResponse(html, status=409)

    return wrapper


def _section_guard(render):  # noqa: ANN001, ANN202
    @wraps(render)
    def wrapper(request: HttpRequest, patient) -> str:  # noqa: ANN001
        try:
            return render(request, patient)
        except services.ProgrammeUnreadable as exc:
            return f'<p class="msg warning">{escape(str(exc))}</p>'

    return wrapper


@_section_guard
def render_chart(request: HttpRequest, patient) -> str:  # noqa: ANN001
    """Return the chart section: programme status, the pain rule's last decision, adherence and pain trend."""
    programme = services.programme_current(patient)
    ctx: dict[str, Any] = {
        "patient": patient,
        "programme": programme,
        "can_change": request.user.has_perm("patients.change_clinical", patient),
    }
    published = services.programme_published(patient)
    if programme is not None:
        ctx["draft"] = services.draft_of(programme)
        ctx["unpublished"] = services.has_unpublished_changes(programme)
    if published is not None:
        row, version = published
        state = programme_state(row, version)
        today = timezone.localdate()
        ctx.update(
            published_row=row,
            version=version,
            state=state,
            weeks=adherence(row, today),
            summary=core.weekly_summary(state.pain_log),
        )
        if state.pain_log:
            ctx["trend_svg"] = mark_safe(pain_trend_svg(state.pain_log, state.programme.pain_rule))  # noqa: S308 - matplotlib output
        ctx.update(_run_context(row, state.programme, today))
    return render_to_string("programmes/chart_section.html", ctx, request=request)


@_section_guard
def render_portal(request: HttpRequest, patient) -> str:  # noqa: ANN001
    """Return the portal section: today's exercises and the next step, or where to read meanwhile."""
    published = services.programme_published(patient)
    ctx: dict[str, Any] = {"education": education_links()[:3]}
    if published is not None:
        ctx.update(patient_page_context(*published, timezone.localdate()))
    return render_to_string("programmes/portal_section.html", ctx, request=request)
