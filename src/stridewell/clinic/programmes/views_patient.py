"""The patient's programme: today's exercises, ticking them off, pain scores, runs, the handout."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from stridewell.clinic.audit.services import audit
from stridewell.clinic.patients.access import own_patient
from stridewell.clinic.programmes import services
from stridewell.clinic.programmes.forms import PainForm
from stridewell.clinic.programmes.models import Programme, ProgrammeVersion
from stridewell.clinic.programmes.presentation import (
    handout_response,
    patient_page_context,
    readable,
)
from stridewell.clinic.programmes.progress import programme_state, run_phase_allows, run_state

LOG_DAYS_BACK = 7  # a runner may catch up on a missed score from the last week


def _published(request: HttpRequest) -> tuple[object, Programme, ProgrammeVersion]:
    patient = own_patient(request)
    found = services.programme_published(patient)
    if found is None:
        raise Http404("No published programme")
    return patient, *found


def _page_url() -> str:
    return reverse("programmes:my")


@login_required
@readable
def my_programme(request: HttpRequest) -> HttpResponse:
    """Today's exercises with their pictures and doses, the pain log and the next step."""
    patient = own_patient(request)
    found = services.programme_published(patient)
    if found is None:
        return render(request, "programmes/my_none.html", status=404)
    programme, version = found
    audit(request, "view", "exercise programme", patient=patient, object_id=programme.pk)
    return render(
        request,
        "programmes/my_programme.html",
        patient_page_context(programme, version, timezone.localdate()),
    )


def _day(value: date, today: date) -> date | None:
    return value if today - timedelta(days=LOG_DAYS_BACK) <= value <= today else None


@login_required
@readable
@require_POST
def my_tick(request: HttpRequest) -> HttpResponse:
    """Tick an exercise off for today (or take the tick back)."""
    patient, programme, version = _published(request)
    exercise_id = request.POST.get("exercise", "")
    done = request.POST.get("done") == "1"
    try:
        services.session_tick(
            programme=programme,
            version=version,
            day=timezone.localdate(),
            exercise_id=exercise_id,
            done=done,
        )
    except services.ProgrammeError as exc:
        messages.error(request, str(exc))
        return redirect(_page_url())
    audit(request, "change", "exercise session", patient=patient, object_id=programme.pk)
    return redirect(f"{_page_url()}#ex-{exercise_id}")


@login_required
@readable
@require_POST
def my_pain(request: HttpRequest) -> HttpResponse:
    """Save a pain score (during a session, or the next morning) and say what the pain rule decides."""
    patient, programme, version = _published(request)
    form = PainForm(request.POST)
    today = timezone.localdate()
    if not form.is_valid():
        messages.error(
            request,
            form.errors.get("pain", ["Choose a number from 0 to 10."])[0]
            if "pain" in form.errors
            else "That score could not be saved; please try again.",
        )
        return redirect(_page_url() + "#pain")
    day = _day(form.cleaned_data["day"], today)
    if day is None:
        messages.error(
            request, f"Scores can be logged for today and the {LOG_DAYS_BACK} days before."
        )
        return redirect(_page_url() + "#pain")
    pain, when = form.cleaned_data["pain"], form.cleaned_data["when"]
    try:
        if when == "during":
            services.session_pain(programme=programme, version=version, day=day, during=pain)
        else:
            services.session_pain(programme=programme, version=version, day=day, next_morning=pain)
    except services.ProgrammeError as exc:
        messages.error(request, str(exc))
        return redirect(_page_url() + "#pain")
    audit(request, "change", "pain log", patient=patient, object_id=programme.pk)
    state = programme_state(programme, version)
    now = state.now
    text = "Pain score saved."
    if now is not None and now.changed:
        text += f" {now.applied}"
    messages.success(request, text)
    return redirect(_page_url() + "#next-step")


@login_required
@readable
@require_POST
def my_run(request: HttpRequest) -> HttpResponse:
    """Log a walk-run session's pain (during, or the next morning); the plan moves only when the rule allows."""
    patient, programme, version = _published(request)
    plan = services.run_plan_current(programme)
    if plan is None or not run_phase_allows(services.version_of(version)):
        raise Http404("No run plan")
    form = PainForm(request.POST)
    today = timezone.localdate()
    if not form.is_valid():
        messages.error(request, "Choose a number from 0 to 10.")
        return redirect(_page_url() + "#run")
    day = _day(form.cleaned_data["day"], today)
    if day is None:
        messages.error(
            request, f"Runs can be logged for today and the {LOG_DAYS_BACK} days before."
        )
        return redirect(_page_url() + "#run")
    state = run_state(plan)
    if not state.plan.entry.ready:
        messages.error(request, "Your physiotherapist has not cleared you to start running yet.")
        return redirect(_page_url() + "#run")
    pain, when = form.cleaned_data["pain"], form.cleaned_data["when"]
    try:
        if when == "during":
            services.run_log(plan=plan, day=day, level=state.plan.current_level, during=pain)
        else:
            services.run_log(plan=plan, day=day, level=state.plan.current_level, next_morning=pain)
    except services.ProgrammeError as exc:
        messages.error(request, str(exc))
        return redirect(_page_url() + "#run")
    audit(request, "change", "run log", patient=patient, object_id=plan.pk)
    after = run_state(plan)
    messages.success(request, "Run saved. " + (after.now.explanation if after.now else ""))
    return redirect(_page_url() + "#run")


@login_required
@readable
def my_handout(request: HttpRequest, fmt: str = "html") -> HttpResponse:
    """The printable handout of the published programme (HTML, or PDF for A4 or Letter)."""
    patient, programme, version = _published(request)
    state = programme_state(programme, version)
    audit(
        request,
        "export" if fmt == "pdf" else "view",
        "programme handout",
        patient=patient,
        object_id=programme.pk,
    )
    return handout_response(request, state.programme, fmt, f"programme-v{version.number}")
