"""Clinician pages: examination findings, the assessment history, one answer set or questionnaire."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from stridewell.assess import AnswerError, instrument, instruments
from stridewell.clinic.assessments import services
from stridewell.clinic.assessments.forms import ExaminationForm
from stridewell.clinic.assessments.models import QuestionnaireResponse, ScreeningRecord
from stridewell.clinic.assessments.presentation import (
    problem_fields,
    screening_context,
)
from stridewell.clinic.assessments.selectors import latest_record
from stridewell.clinic.audit.services import audit
from stridewell.clinic.patients.access import patient_for

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
    return render(
        request,
        "assessments/record_detail.html",
        {"patient": patient, "record": record, **screening_context(record)},
    )
