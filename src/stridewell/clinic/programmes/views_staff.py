"""The clinician's side: generate a programme, edit it, publish it, move the phase, start running."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from stridewell.clinic.audit.services import audit
from stridewell.clinic.patients.access import patient_for
from stridewell.clinic.programmes import services
from stridewell.clinic.programmes.forms import (
    DoseForm,
    GenerateForm,
    PublishForm,
    ReadinessForm,
    exercise_choices,
)
from stridewell.clinic.programmes.models import ProgrammeVersion
from stridewell.clinic.programmes.presentation import card, handout_response, readable
from stridewell.clinic.programmes.progress import programme_state, run_phase_allows, run_state

PERM = "patients.change_clinical"  # drafts are for the treating clinician, not the patient
WHAT = "exercise programme"


def _page(pk: int) -> str:
    return reverse("programmes:staff", args=[pk])


def _clinician_name(user) -> str:  # noqa: ANN001
    prac = getattr(user, "practitioner", None)
    return getattr(prac, "name", "") or user.get_full_name() or user.email


def _programme(request: HttpRequest, pk: int):  # noqa: ANN202
    patient = patient_for(request, pk, PERM)
    programme = services.programme_current(patient)
    if programme is None:
        raise Http404("No programme yet")
    return patient, programme


@login_required
@readable
def programme_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The patient's programme for the clinician: the draft to edit, publishing, history, running."""
    patient = patient_for(request, pk, PERM)
    programme = services.programme_current(patient)
    if programme is None:
        return redirect("programmes:generate", pk=pk)
    audit(request, "view", WHAT, patient=patient, object_id=programme.pk)
    draft = services.draft_of(programme)
    phases = [
        (
            ph,
            [card(p, height=70) for p in ph.prescriptions],
            exercise_choices({p.exercise_id for p in ph.prescriptions}),
        )
        for ph in draft.phases
    ]
    versions = list(programme.versions.select_related("published_by"))
    published = services.programme_published(patient)
    state = programme_state(*published) if published and published[0].pk == programme.pk else None
    plan = services.run_plan_current(programme)
    return render(
        request,
        "programmes/staff_programme.html",
        {
            "patient": patient,
            "programme": programme,
            "draft": draft,
            "phases": phases,
            "versions": versions,
            "unpublished": services.has_unpublished_changes(programme),
            "publish_form": PublishForm(),
            "state": state,
            "run_allowed": run_phase_allows(draft),
            "run": run_state(plan) if plan else None,
            "readiness_form": ReadinessForm(initial={"start": timezone.localdate()}),
        },
    )


@login_required
@readable
def programme_generate(request: HttpRequest, pk: int) -> HttpResponse:
    """Build a new programme from the assessment: condition prefilled from the latest screening."""
    patient = patient_for(request, pk, PERM)
    suggested = services.suggested_condition(patient)
    form = GenerateForm(
        request.POST or None, initial={"condition": suggested} if suggested else None
    )
    if request.method == "POST" and form.is_valid():
        inputs = form.inputs(patient_name=patient.name, clinician=_clinician_name(request.user))
        if inputs is not None:
            programme = services.programme_generate(
                patient=patient, user=request.user, inputs=inputs
            )
            audit(request, "create", WHAT, patient=patient, object_id=programme.pk)
            messages.success(
                request,
                "Programme built as a draft. Check it, edit it, then publish it to the patient.",
            )
            return redirect(_page(pk))
    return render(
        request,
        "programmes/staff_generate.html",
        {
            "patient": patient,
            "form": form,
            "suggested": suggested,
            "existing": services.programme_current(patient),
        },
    )


@login_required
@readable
@require_POST
def programme_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Remove, add or swap an exercise in one phase of the draft."""
    patient, programme = _programme(request, pk)
    try:
        phase = int(request.POST.get("phase", ""))
    except ValueError:
        phase = 0
    try:
        services.programme_edit(
            programme=programme,
            op=request.POST.get("op", ""),
            phase=phase,
            exercise_id=request.POST.get("exercise", ""),
            new_id=request.POST.get("new", ""),
        )
    except services.ProgrammeError as exc:
        messages.error(request, str(exc))
    else:
        audit(request, "change", WHAT, patient=patient, object_id=programme.pk)
        messages.success(request, "Draft changed. Publish it when you are done.")
    return redirect(f"{_page(pk)}#phase-{phase}")


@login_required
@readable
def exercise_dose(request: HttpRequest, pk: int, phase: int, exercise_id: str) -> HttpResponse:
    """Change one exercise's sets, reps, hold, rest, load or sessions a week; or swap or remove it."""
    patient, programme = _programme(request, pk)
    draft = services.draft_of(programme)
    if not 1 <= phase <= len(draft.phases):
        raise Http404("No such phase")
    item = next(
        (p for p in draft.phases[phase - 1].prescriptions if p.exercise_id == exercise_id), None
    )
    if item is None:
        raise Http404("Not in this phase")
    form = DoseForm.for_dose(item.dose, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.programme_edit(
                programme=programme,
                op="dose",
                phase=phase,
                exercise_id=exercise_id,
                dose=form.dose(item.dose),
            )
        except services.ProgrammeError as exc:
            form.add_error(None, str(exc))
        else:
            audit(request, "change", WHAT, patient=patient, object_id=programme.pk)
            messages.success(request, f"New dose for {item.name} saved in the draft.")
            return redirect(f"{_page(pk)}#phase-{phase}")
    if request.method != "POST":
        audit(request, "view", WHAT, patient=patient, object_id=programme.pk)
    taken = {p.exercise_id for p in draft.phases[phase - 1].prescriptions}
    return render(
        request,
        "programmes/staff_exercise.html",
        {
            "patient": patient,
            "programme": programme,
            "phase": phase,
            "item": item,
            "card": card(item),
            "form": form,
            "choices": exercise_choices(taken),
        },
    )


@login_required
@readable
@require_POST
def programme_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish the draft to the patient's portal as a new version (older versions are kept)."""
    patient, programme = _programme(request, pk)
    form = PublishForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        version = services.programme_publish(programme=programme, user=request.user, note=note)
    except services.ProgrammeError as exc:
        messages.error(request, str(exc))
    else:
        audit(
            request,
            "change",
            f"{WHAT} (published version {version.number})",
            patient=patient,
            object_id=programme.pk,
        )
        messages.success(
            request, f"Version {version.number} is published: the patient sees it now."
        )
    return redirect(_page(pk))


@login_required
@readable
@require_POST
def programme_discard(request: HttpRequest, pk: int) -> HttpResponse:
    """Throw away unpublished edits: the draft goes back to the newest published version."""
    patient, programme = _programme(request, pk)
    try:
        services.programme_discard_changes(programme=programme)
    except services.ProgrammeError as exc:
        messages.error(request, str(exc))
    else:
        audit(request, "change", WHAT, patient=patient, object_id=programme.pk)
        messages.success(request, "Unpublished changes discarded.")
    return redirect(_page(pk))


@login_required
@readable
@require_POST
def programme_phase(request: HttpRequest, pk: int) -> HttpResponse:
    """Move the programme to another phase once its criteria are met, and publish that at once."""
    patient, programme = _programme(request, pk)
    try:
        phase = int(request.POST.get("phase", ""))
        version = services.programme_move_phase(programme=programme, user=request.user, phase=phase)
    except ValueError:
        messages.error(request, "Choose a phase.")
    except services.ProgrammeError as exc:
        messages.error(request, str(exc))
    else:
        audit(
            request,
            "change",
            f"{WHAT} (phase {phase}, version {version.number})",
            patient=patient,
            object_id=programme.pk,
        )
        messages.success(
            request, f"Moved to phase {phase} and published as version {version.number}."
        )
    return redirect(_page(pk))


@login_required
@readable
@require_POST
def run_plan_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Start the walk-run plan from the readiness check (only in a phase that allows running)."""
    patient, programme = _programme(request, pk)
    if not run_phase_allows(services.draft_of(programme)):
        messages.error(request, "Running starts in a later phase of this programme.")
        return redirect(_page(pk))
    form = ReadinessForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            "Fill in every readiness check: "
            + "; ".join(
                f"{form.fields[f].label if f in form.fields else 'form'}: {e[0]}"
                for f, e in form.errors.items()
            ),
        )
        return redirect(_page(pk) + "#run")
    plan = services.run_plan_create(
        programme=programme,
        user=request.user,
        readiness=form.readiness(),
        start=form.cleaned_data["start"],
        runs_per_week=form.cleaned_data["runs_per_week"],
    )
    audit(request, "create", "return-to-run plan", patient=patient, object_id=plan.pk)
    ready = services.run_plan_of(plan).entry.ready
    if ready:
        messages.success(request, "Walk-run plan started: the patient sees it in their programme.")
    else:
        messages.warning(
            request,
            "Plan saved, but not every entry criterion is met: the patient is told to wait.",
        )
    return redirect(_page(pk) + "#run")


@login_required
@readable
def handout(request: HttpRequest, pk: int, fmt: str = "html") -> HttpResponse:
    """The handout of the draft (a preview before publishing), HTML or PDF."""
    patient, programme = _programme(request, pk)
    audit(
        request,
        "export" if fmt == "pdf" else "view",
        "programme handout (draft)",
        patient=patient,
        object_id=programme.pk,
    )
    return handout_response(request, services.draft_of(programme), fmt, "programme-draft")


@login_required
@readable
def version_handout(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """The handout of an earlier published version, as it was published."""
    patient, programme = _programme(request, pk)
    version = get_object_or_404(ProgrammeVersion, programme=programme, number=number)
    audit(
        request,
        "view",
        f"programme handout (version {number})",
        patient=patient,
        object_id=programme.pk,
    )
    return handout_response(request, services.version_of(version), "html", f"programme-v{number}")
