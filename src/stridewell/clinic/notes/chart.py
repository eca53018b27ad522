"""The visit-notes section of the patient chart."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from stridewell.clinic.notes.models import VisitNote


def render_notes(request: HttpRequest, patient) -> str:  # noqa: ANN001
    """Return the HTML list of the patient's visit notes, newest first, with their addenda."""
    notes = VisitNote.objects.filter(patient=patient).select_related("author").prefetch_related(
        "addenda__author")[:30]
    can_write = request.user.has_perm("patients.change_clinical", patient)
    return render_to_string("notes/chart_section.html", {"notes": notes, "patient": patient, "can_write": can_write},
                            request=request)
