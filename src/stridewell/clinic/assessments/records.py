"""Assessments in a patient's export, and their erasure after the retention period."""

from __future__ import annotations

from datetime import datetime

from stridewell.clinic.assessments.models import QuestionnaireResponse, ScreeningRecord


def export_assessments(patient):  # noqa: ANN001, ANN201
    """Return the patient's answer sets and questionnaires as plain rows (no files)."""
    screenings = [
        {
            "type": "screening",
            "kind": r.kind,
            "taken_on": r.taken_on,
            "entered_by": str(r.entered_by),
            "created_at": r.created_at,
            "schema_version": r.schema_version,
            "answers": r.answers,
            "urgency": r.urgency,
            "red_flags": r.red_flag_ids,
        }
        for r in ScreeningRecord.objects.filter(patient=patient).select_related("entered_by")
    ]
    questionnaires = [
        {
            "type": "questionnaire",
            "instrument": q.instrument_id,
            "taken_on": q.taken_on,
            "entered_by": str(q.entered_by),
            "created_at": q.created_at,
            "instrument_version": q.instrument_version,
            "responses": q.responses,
            "scores": q.scores,
            "complete": q.complete,
        }
        for q in QuestionnaireResponse.objects.filter(patient=patient).select_related("entered_by")
    ]
    return screenings + questionnaires, []


def erase_assessments(patient, cutoff: datetime) -> int:  # noqa: ANN001
    """Delete answer sets and questionnaires older than the retention cut-off; younger ones are kept."""
    ScreeningRecord.objects.filter(patient=patient, based_on__created_at__lt=cutoff).update(
        based_on=None
    )
    n = QuestionnaireResponse.objects.filter(patient=patient, created_at__lt=cutoff).delete()[0]
    return n + ScreeningRecord.objects.filter(patient=patient, created_at__lt=cutoff).delete()[0]
