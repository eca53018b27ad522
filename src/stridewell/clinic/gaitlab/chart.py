"""The gait sections of the clinician's chart and of the patient's own page."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from stridewell.clinic.gaitlab.models import GaitReport
from stridewell.clinic.gaitlab.presentation import key_numbers


def render_chart(request: HttpRequest, patient) -> str:  # noqa: ANN001
    """Return the HTML list of the patient's gait reports with their key numbers, newest first."""
    reports = list(GaitReport.objects.filter(patient=patient)[:20])
    for r in reports:
        r.numbers = key_numbers(r.result)
    can_write = request.user.has_perm("patients.change_clinical", patient)
    return render_to_string("gaitlab/chart_section.html", {"reports": reports, "patient": patient,
                                                           "can_write": can_write}, request=request)


def render_portal(request: HttpRequest, patient) -> str:  # noqa: ANN001
    """Return the HTML list of the reports shared with the patient, and a link to send a video."""
    reports = list(GaitReport.objects.filter(patient=patient, status=GaitReport.Status.SHARED)[:10])
    for r in reports:
        r.numbers = key_numbers(r.result)
    return render_to_string("gaitlab/portal_section.html", {"reports": reports}, request=request)
