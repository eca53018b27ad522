"""Visit notes in a patient's export, and their erasure after the retention period."""

from __future__ import annotations

from datetime import datetime

from stridewell.clinic.notes.models import Addendum, VisitNote


def export_notes(patient):  # noqa: ANN001, ANN201
    """Return the patient's visit notes with addenda as plain rows."""
    return [{"visit_date": n.visit_date, "author": str(n.author), "signed_at": n.signed_at,
             "subjective": n.subjective, "objective": n.objective, "treatment": n.treatment,
             "assessment": n.assessment, "plan": n.plan,
             "addenda": [{"at": a.created_at, "author": str(a.author), "text": a.text} for a in n.addenda.all()]}
            for n in VisitNote.objects.filter(patient=patient).select_related("author").prefetch_related(
                "addenda__author")], []


def erase_notes(patient, cutoff: datetime) -> int:  # noqa: ANN001
    """Delete notes older than the retention cut-off; younger ones must be kept."""
    old = VisitNote.objects.filter(patient=patient, created_at__lt=cutoff)
    Addendum.objects.filter(note__in=old).delete()
    return old.delete()[0]
