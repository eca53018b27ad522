"""Patient pages (intake, questionnaires) and clinician pages (examination, history, paper entry)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from stridewell.assess import AnswerError, instrument, instruments
from stridewell.clinic.assessments import services
from stridewell.clinic.assessments.forms import ExaminationForm, IntakeStepForm, QuestionnaireForm
from stridewell.clinic.assessments.models import QuestionnaireResponse, ScreeningRecord
from stridewell.clinic.assessments.presentation import (
    doctor_advice,
    problem_fields,
    questionnaire_blocks,
)
from stridewell.clinic.assessments.questions import INJURY_GROUP, KNEE_MAP_MARKS, STEPS, step
from stridewell.clinic.assessments.selectors import latest_intake_screening, latest_record
from stridewell.clinic.assessments.trends import patient_trends
from stridewell.clinic.audit.services import audit
from stridewell.clinic.patients.access import own_patient, patient_for

SESSION_KEY = "assessments_intake"


# ---- the patient's intake, one short step at a time (kept in the session until sent) ----


def _draft(request: HttpRequest) -> dict[str, Any]:
    return request.session.get(SESSION_KEY) or {"answers": {}, "done": []}


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


# ---- questionnaires (the patient's, and a clinician entering a paper form) ----


def _questionnaire(
    request: HttpRequest, patient, instrument_id: str, *, staff: bool
) -> HttpResponse:  # noqa: ANN001
    try:
        inst = instrument(instrument_id)
    except AnswerError:
        raise Http404("No such questionnaire") from None
    form = QuestionnaireForm(
        inst, request.POST if request.method == "POST" else None, with_date=staff
    )
    problems: list[str] = []
    incomplete = False
    if request.method == "POST" and form.is_valid():
        try:
            response = services.questionnaire_submit(
                patient=patient,
                instrument_id=inst.id,
                responses=form.responses(),
                entered_by=request.user,
                taken_on=form.cleaned_data.get("taken_on"),
                allow_incomplete=form.cleaned_data["confirm_incomplete"],
            )
        except services.IncompleteAnswers as exc:
            incomplete = True
            form.mark_missing(exc.missing)
        except AnswerError as exc:
            problems = [exc.summary, *[p for p in exc.problems if not p.startswith("unanswered:")]]
            form.mark_missing(_unanswered(exc))
        else:
            audit(
                request,
                "create",
                f"questionnaire {inst.id}",
                patient=patient,
                object_id=response.pk,
            )
            value = ", ".join(
                f"{s['name']} {s['value']:.0f}"
                if len(response.scores) > 1
                else f"{s['value']:g} (from {s['minimum']:g} to {s['maximum']:g})"
                for s in response.scores
                if s["value"] is not None
            )
            messages.success(request, f"{inst.name} saved. Score: {value}.")
            if staff:
                return redirect(reverse("patients:chart", args=[patient.pk]) + "#assessments")
            return redirect("assessments:my_questionnaires")
    return render(
        request,
        "assessments/questionnaire.html",
        {
            "inst": inst,
            "form": form,
            "blocks": questionnaire_blocks(inst, form),
            "problems": problems,
            "incomplete": incomplete,
            "staff": staff,
            "patient": patient,
        },
    )


def _unanswered(exc: AnswerError) -> list[str]:
    for p in exc.problems:
        if p.startswith("unanswered: "):
            return p.removeprefix("unanswered: ").split(", ")
    return []


@login_required
def my_questionnaire(request: HttpRequest, instrument_id: str) -> HttpResponse:
    """The patient fills in one questionnaire; it is scored only when the instrument's rule allows."""
    return _questionnaire(request, own_patient(request), instrument_id, staff=False)


@login_required
def my_questionnaires(request: HttpRequest) -> HttpResponse:
    """What is due, and past scores as a simple trend."""
    patient = own_patient(request)
    audit(request, "view", "questionnaire scores", patient=patient, object_id=patient.pk)
    return render(
        request,
        "assessments/my_questionnaires.html",
        {
            "due": services.questionnaires_due(patient),
            "all": instruments(),
            "trends": patient_trends(patient, with_plots=False),
            "intake": ScreeningRecord.objects.filter(
                patient=patient, kind=ScreeningRecord.INTAKE
            ).first(),
        },
    )


@login_required
def staff_questionnaire(request: HttpRequest, pk: int, instrument_id: str) -> HttpResponse:
    """A clinician enters a questionnaire the patient answered on paper, with its date."""
    patient = patient_for(request, pk, "patients.change_clinical")
    return _questionnaire(request, patient, instrument_id, staff=True)


# ---- clinician pages ----


@login_required
def examination(request: HttpRequest, pk: int) -> HttpResponse:
    """Record examination findings: a new answer set = the latest history plus these findings."""
    patient = patient_for(request, pk, "patients.change_clinical")
    latest = latest_record(patient)
    initial = ExaminationForm.initial_from(latest.answers.get("exam") if latest else None)
    form = ExaminationForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        need_history=latest is None,
    )
    problems: list[tuple[str, str]] = []
    if request.method == "POST" and form.is_valid():
        try:
            record = services.examination_record(
                patient=patient,
                findings=form.findings(),
                entered_by=request.user,
                taken_on=form.taken_on,
                history=form.history(),
            )
        except AnswerError as exc:
            problems = problem_fields(exc)
        else:
            audit(request, "create", "examination findings", patient=patient, object_id=record.pk)
            messages.success(
                request, "Examination findings saved; the screening below now uses them."
            )
            return redirect(reverse("patients:chart", args=[patient.pk]) + "#assessments")
    if request.method == "GET":
        audit(
            request,
            "view",
            "examination findings",
            patient=patient,
            object_id=latest.pk if latest else "",
        )
    return render(
        request,
        "assessments/examination.html",
        {"patient": patient, "form": form, "latest": latest, "problems": problems},
    )


@login_required
def history(request: HttpRequest, pk: int) -> HttpResponse:
    """Every answer set and questionnaire of the patient, newest first, with who entered it."""
    patient = patient_for(request, pk, "patients.view_clinical")
    audit(request, "view", "assessment history", patient=patient, object_id=patient.pk)
    records = ScreeningRecord.objects.filter(patient=patient).select_related("entered_by")
    responses = QuestionnaireResponse.objects.filter(patient=patient).select_related("entered_by")
    names = {i.id: i.name for i in instruments()}
    return render(
        request,
        "assessments/history.html",
        {"patient": patient, "records": records, "responses": responses, "names": names},
    )


@login_required
def response_detail(request: HttpRequest, pk: int, response_id: int) -> HttpResponse:
    """One questionnaire as answered: each item and the answer given."""
    patient = patient_for(request, pk, "patients.view_clinical")
    response = get_object_or_404(QuestionnaireResponse, pk=response_id, patient=patient)
    audit(
        request,
        "view",
        f"questionnaire {response.instrument_id}",
        patient=patient,
        object_id=response.pk,
    )
    inst = instrument(response.instrument_id)
    rows = []
    for item in inst.items:
        if item.choice_group and item.id not in response.responses:
            continue
        opt = (
            item.option(response.responses.get(item.id)) if item.id in response.responses else None
        )
        if opt is None and item.id in response.responses:
            opt = item.option(_as_int(response.responses[item.id]))
        rows.append((item, opt))
    return render(
        request,
        "assessments/response_detail.html",
        {"patient": patient, "response": response, "inst": inst, "rows": rows},
    )


def _as_int(value: object) -> object:
    try:
        return int(str(value))
    except ValueError:
        return value


@login_required
def record_detail(request: HttpRequest, pk: int, record_id: int) -> HttpResponse:
    """One stored answer set and the screening it gives."""
    patient = patient_for(request, pk, "patients.view_clinical")
    record = get_object_or_404(ScreeningRecord, pk=record_id, patient=patient)
    audit(request, "view", "screening answers", patient=patient, object_id=record.pk)
    from stridewell.clinic.assessments.presentation import screening_context

    return render(
        request,
        "assessments/record_detail.html",
        {"patient": patient, "record": record, **screening_context(record)},
    )
