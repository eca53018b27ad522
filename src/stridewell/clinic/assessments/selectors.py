"""Read-only queries other apps may call: the latest screening of a patient and its top condition."""

from __future__ import annotations

import logging

from stridewell.assess import AnswerError, ScreeningResult
from stridewell.clinic.assessments.models import QuestionnaireResponse, ScreeningRecord

__all__ = [
    "latest_condition_id",
    "latest_intake_screening",
    "latest_record",
    "latest_screening",
    "responses_by_instrument",
]
log = logging.getLogger(__name__)


def latest_record(patient) -> ScreeningRecord | None:  # noqa: ANN001
    """Return the patient's newest answer set (intake or examination), or None."""
    return ScreeningRecord.objects.filter(patient=patient).select_related("entered_by").first()


def latest_screening(patient) -> ScreeningResult | None:  # noqa: ANN001
    """Return the screening result of the patient's newest answer set, or None when there is none.

    An answer set that no longer validates against the core (its schema changed) gives None
    rather than an error; the chart says so.
    """
    return _result(latest_record(patient))


def latest_intake_screening(patient) -> ScreeningResult | None:  # noqa: ANN001
    """Return the screening of the patient's own newest intake (without later clinician findings), or None."""
    return _result(
        ScreeningRecord.objects.filter(patient=patient, kind=ScreeningRecord.INTAKE).first()
    )


def _result(record: ScreeningRecord | None) -> ScreeningResult | None:
    from stridewell.clinic.assessments.services import record_result

    if record is None:
        return None
    try:
        return record_result(record)
    except AnswerError:
        log.warning("screening record %s no longer validates against the answer schema", record.pk)
        return None


def latest_condition_id(patient) -> str | None:  # noqa: ANN001
    """Return the id of the top-ranked condition of the newest screening (a key of assess.CONDITIONS), or None."""
    result = latest_screening(patient)
    return result.conditions[0].id if result and result.conditions else None


def responses_by_instrument(patient) -> dict[str, list[QuestionnaireResponse]]:  # noqa: ANN001
    """Return the patient's questionnaire responses per instrument id, oldest first."""
    out: dict[str, list[QuestionnaireResponse]] = {}
    for r in QuestionnaireResponse.objects.filter(patient=patient).order_by(
        "taken_on", "created_at", "id"
    ):
        out.setdefault(r.instrument_id, []).append(r)
    return out
