"""Questionnaires: the patient fills them in; a clinician enters a paper form with its date."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from stridewell.assess import AnswerError, instrument, instruments
from stridewell.clinic.assessments import services
from stridewell.clinic.assessments.forms import QuestionnaireForm
from stridewell.clinic.assessments.models import ScreeningRecord
from stridewell.clinic.assessments.presentation import (
    questionnaire_blocks,
)
from stridewell.clinic.assessments.trends import patient_trends
from stridewell.clinic.audit.services import audit
from stridewell.clinic.patients.access import own_patient, patient_for

# ---- questionnaires (the patient's, and a clinician entering a paper form) ----


def _questionnaire(
    request: HttpRequest, patient, instrument_id: str, *, staff: bool
) -> HttpResponse:  # noqa: ANN001
    try:
        inst = instrument(instrument_id)
    except AnswerError:
        raise Http404("No such questionnaire") from None
    if not staff and inst.id in services.PAPER_ONLY:
        messages.info(
            request,
            f"{inst.name} is filled in on paper at the clinic; your physiotherapist has it.",
        )
        return redirect("assessments:my_questionnaires")
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
            "all": [i for i in instruments() if i.id not in services.PAPER_ONLY],
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
