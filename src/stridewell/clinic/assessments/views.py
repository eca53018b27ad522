"""The patient's intake: short steps kept in the session, sent as one answer set at the end."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from stridewell.assess import AnswerError
from stridewell.clinic.assessments import services
from stridewell.clinic.assessments.forms import IntakeStepForm
from stridewell.clinic.assessments.models import ScreeningRecord
from stridewell.clinic.assessments.presentation import (
    doctor_advice,
    problem_fields,
)
from stridewell.clinic.assessments.questions import INJURY_GROUP, KNEE_MAP_MARKS, STEPS, step
from stridewell.clinic.assessments.selectors import latest_intake_screening
from stridewell.clinic.audit.services import audit
from stridewell.clinic.patients.access import own_patient

SESSION_KEY = "assessments_intake"

# ---- the patient's intake, one short step at a time (kept in the session until sent) ----


def _start_answers(patient) -> dict[str, Any]:  # noqa: ANN001
    """Prefill from the last intake (answers change little between visits), else the age from the birth date."""
    last = ScreeningRecord.objects.filter(patient=patient, kind=ScreeningRecord.INTAKE).first()
    if last:
        return {k: v for k, v in last.answers.items() if k != "exam"}
    if patient.date_of_birth:
        today = timezone.localdate()
        dob = patient.date_of_birth
        return {"age": today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))}
    return {}


@login_required
def intake_start(request: HttpRequest) -> HttpResponse:
    """The intake's first page: what it is for, and start or carry on."""
    patient = own_patient(request)
    draft = request.session.get(SESSION_KEY)
    if request.method == "POST":
        request.session[SESSION_KEY] = {"answers": _start_answers(patient), "done": []}
        return redirect("assessments:intake_step", STEPS[0].slug)
    last = ScreeningRecord.objects.filter(patient=patient, kind=ScreeningRecord.INTAKE).first()
    return render(
        request, "assessments/intake_start.html", {"steps": STEPS, "draft": draft, "last": last}
    )


@login_required
def intake_step(request: HttpRequest, slug: str) -> HttpResponse:
    """One step of the intake; answers go into the session, never into the record, until the last step."""
    own_patient(request)
    current = step(slug)
    if current is None:
        raise Http404("No such step")
    draft = request.session.get(SESSION_KEY)
    if draft is None:
        return redirect("assessments:intake")
    index = STEPS.index(current)
    initial = IntakeStepForm.initial_from(current, draft["answers"])
    form = IntakeStepForm(
        current, request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and "back" in request.POST and index > 0 and not form.is_valid():
        return redirect("assessments:intake_step", STEPS[index - 1].slug)  # going back never blocks
    if request.method == "POST" and form.is_valid():
        answers = {k: v for k, v in draft["answers"].items() if k not in current.fields()}
        answers.update(form.answers())
        done = sorted(set(draft["done"]) | {current.slug}, key=[s.slug for s in STEPS].index)
        request.session[SESSION_KEY] = {"answers": answers, "done": done}
        if "back" in request.POST and index > 0:
            return redirect("assessments:intake_step", STEPS[index - 1].slug)
        if index + 1 < len(STEPS):
            return redirect("assessments:intake_step", STEPS[index + 1].slug)
        return redirect("assessments:intake_check")
    return render(
        request,
        "assessments/intake_step.html",
        {
            "step": current,
            "form": form,
            "number": index + 1,
            "total": len(STEPS) + 1,
            "previous": STEPS[index - 1] if index else None,
            "blocks": _step_blocks(current, form),
            "injury_group": INJURY_GROUP,
            "marks": KNEE_MAP_MARKS,
        },
    )


def _step_blocks(current, form) -> list[tuple[str, list]]:  # noqa: ANN001
    blocks: list[tuple[str, list]] = []
    for q in current.questions:
        if not blocks or blocks[-1][0] != q.group:
            blocks.append((q.group, []))
        blocks[-1][1].append((q, form[q.name]))
    return blocks


@login_required
def intake_check(request: HttpRequest) -> HttpResponse:
    """Read the answers back; send them, or go back to a step. The core validates the whole set here."""
    patient = own_patient(request)
    draft = request.session.get(SESSION_KEY)
    if draft is None:
        return redirect("assessments:intake")
    missing = [s for s in STEPS if s.slug not in draft["done"]]
    problems: list[tuple[str, str]] = []
    if request.method == "POST" and not missing:
        try:
            record = services.intake_submit(
                patient=patient, answers=draft["answers"], entered_by=request.user
            )
        except AnswerError as exc:
            problems = problem_fields(exc)
        else:
            del request.session[SESSION_KEY]
            audit(request, "create", "screening intake", patient=patient, object_id=record.pk)
            return redirect("assessments:intake_done")
    return render(
        request,
        "assessments/intake_check.html",
        {
            "summary": _summary(draft["answers"]),
            "missing": missing,
            "problems": problems,
            "total": len(STEPS) + 1,
        },
    )


def _summary(answers: dict[str, Any]) -> list[tuple[Any, list[tuple[str, str]]]]:
    """Return each step with its questions and the given answer in words."""
    out = []
    for s in STEPS:
        rows = []
        for q in s.questions:
            if q.kind == "tick":
                ticked = [label for f, label in q.options.items() if answers.get(f)]
                rows.append((q.label, "; ".join(ticked) or "None of these"))
                continue
            value = answers.get(q.name)
            if value == [] and q.kind == "multi":
                rows.append((q.label, "None of these"))
                continue
            if value is None:
                if not q.group:
                    rows.append((q.label, "Not answered"))
                continue
            if q.kind == "multi":
                text = "; ".join(q.options.get(v, v) for v in value)
            elif q.kind == "yesno":
                text = "Yes" if value else "No"
            elif q.kind == "choice":
                text = q.options.get(value, str(value))
            else:
                text = f"{value:g}" if isinstance(value, float) else str(value)
            rows.append((q.label, text))
        out.append((s, rows))
    return out


@login_required
def intake_done(request: HttpRequest) -> HttpResponse:
    """After sending: a plain doctor message when a red flag was raised, else what happens next."""
    patient = own_patient(request)
    record = ScreeningRecord.objects.filter(patient=patient, kind=ScreeningRecord.INTAKE).first()
    if record is None:
        return redirect("assessments:intake")
    result = latest_intake_screening(patient)  # None (no message) if the set no longer validates
    audit(request, "view", "screening intake", patient=patient, object_id=record.pk)
    return render(
        request,
        "assessments/intake_done.html",
        {
            "record": record,
            "advice": doctor_advice(result),
            "due": services.questionnaires_due(patient),
        },
    )
