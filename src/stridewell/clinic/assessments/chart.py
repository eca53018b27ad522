"""The assessment section of the clinician's chart and of the patient's own page."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from stridewell.assess import instruments
from stridewell.clinic.assessments import services
from stridewell.clinic.assessments.models import ScreeningRecord
from stridewell.clinic.assessments.presentation import doctor_advice, screening_context
from stridewell.clinic.assessments.selectors import latest_intake_screening, latest_record
from stridewell.clinic.assessments.trends import patient_trends


def render_chart(request: HttpRequest, patient) -> str:  # noqa: ANN001
    """Return the clinician's view: red flags first, ranked conditions, disclaimer, questionnaire trends."""
    record = latest_record(patient)
    intake = (
        ScreeningRecord.objects.filter(patient=patient, kind=ScreeningRecord.INTAKE)
        .select_related("entered_by")
        .first()
    )
    return render_to_string(
        "assessments/chart_section.html",
        {
            "patient": patient,
            "record": record,
            "intake": intake,
            **screening_context(record),
            "trends": patient_trends(patient),
            "instruments": instruments(),
            "can_write": request.user.has_perm("patients.change_clinical", patient),
        },
        request=request,
    )


def render_portal(request: HttpRequest, patient) -> str:  # noqa: ANN001
    """Return the patient's view: the doctor message if any, the intake, what is due, past scores."""
    intake = ScreeningRecord.objects.filter(patient=patient, kind=ScreeningRecord.INTAKE).first()
    return render_to_string(
        "assessments/portal_section.html",
        {
            "intake": intake,
            "advice": doctor_advice(latest_intake_screening(patient)),
            "due": services.questionnaires_due(patient),
            "trends": patient_trends(patient, with_plots=False),
        },
        request=request,
    )
