"""The training-load sections of the clinician's chart and of the patient's own page."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from stridewell.clinic.training.dashboard import training_summary


def render_chart(request: HttpRequest, patient) -> str:  # noqa: ANN001
    """Return the chart summary: sessions, the top warnings, the plan, and a link to the dashboard."""
    return render_to_string(
        "training/chart_section.html",
        {"s": training_summary(patient), "patient": patient},
        request=request,
    )


def render_portal(request: HttpRequest, patient) -> str:  # noqa: ANN001
    """Return the portal summary: this week of the plan, the top warnings, and the upload link."""
    return render_to_string(
        "training/portal_section.html", {"s": training_summary(patient)}, request=request
    )
