"""Assessment use cases: save an intake, add an examination, save a questionnaire; what is due.

Rows are converted to the core's models here: answers are validated by `parse_answers`, scores
come from `score`. Every save is a new row; nothing is updated in place.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict
from datetime import date, timedelta
from functools import cache
from typing import Any

from django.db import transaction
from django.utils import timezone

from stridewell.assess import (
    AnswerError,
    Instrument,
    Score,
    ScreeningResult,
    answer_schema,
    instrument,
    instruments,
    parse_answers,
    score,
    screen,
)
from stridewell.clinic.assessments.models import QuestionnaireResponse, ScreeningRecord

# Asked before the first appointment and again at follow-ups; KOOS (42 items) only when a clinician asks.
ROUTINE = ("kujala", "visa_p", "lefs", "nprs")
# The core has no item wording for KOOS-PF (its labels point to the official form), so patients
# answer it on paper and a clinician enters it; it is never offered on the patient's pages.
PAPER_ONLY = ("koos_pf",)
AT_FOLLOW_UP = ("groc",)
DUE_AGAIN_AFTER = timedelta(days=14)
DOUBLE_SUBMIT_WINDOW = timedelta(minutes=2)


class IncompleteAnswers(AnswerError):
    """Some items are blank; the instrument's rule allows a score, but the person must confirm."""

    def __init__(self, summary: str, missing: tuple[str, ...]) -> None:
        super().__init__(summary, [f"unanswered: {', '.join(missing)}"])
        self.missing = missing


def _short_hash(data: object) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:12]


@cache
def schema_version() -> str:
    """Return a short hash of the core's answer schema (stored with each answer set)."""
    return _short_hash(answer_schema())


@cache
def instrument_version(instrument_id: str) -> str:
    """Return a short hash of an instrument's items, options, points and scales."""
    inst = instrument(instrument_id)
    return _short_hash([asdict(it) for it in inst.items] + [asdict(s) for s in inst.scales])


def _recent_twin(model: type, **same: Any) -> Any:  # noqa: ANN401
    """Return an identical row saved in the last two minutes (a double tap on Send), or None."""
    since = timezone.now() - DOUBLE_SUBMIT_WINDOW
    for row in model.objects.filter(created_at__gte=since, patient=same["patient"]):
        if all(getattr(row, k) == v for k, v in same.items()):
            return row
    return None


def _save_screening(
    *,
    patient,
    kind: str,
    answers: Mapping[str, Any],
    entered_by,
    taken_on: date,  # noqa: ANN001
    based_on: ScreeningRecord | None = None,
) -> ScreeningRecord:
    if taken_on > timezone.localdate():
        raise AnswerError("The date cannot be in the future")
    model = parse_answers(answers)
    dumped = model.model_dump(mode="json")
    twin = _recent_twin(
        ScreeningRecord, patient=patient, kind=kind, answers=dumped, taken_on=taken_on
    )
    if twin is not None:
        return twin
    result = screen(model)
    return ScreeningRecord.objects.create(
        patient=patient,
        kind=kind,
        answers=dumped,
        schema_version=schema_version(),
        based_on=based_on,
        taken_on=taken_on,
        entered_by=entered_by,
        urgency=result.urgency or "",
        red_flag_ids=[f.id for f in result.red_flags],
        top_condition_id=result.conditions[0].id if result.conditions else "",
    )


def intake_submit(
    *, patient, answers: Mapping[str, Any], entered_by, taken_on: date | None = None
) -> ScreeningRecord:  # noqa: ANN001
    """Return a new intake record; raises AnswerError naming each bad answer (then nothing is saved).

    Examination findings are a clinician's: an intake that carries them is refused.
    """
    if answers.get("exam") is not None:
        raise AnswerError(
            "The intake cannot carry examination findings", ["'exam' is for clinicians"]
        )
    return _save_screening(
        patient=patient,
        kind=ScreeningRecord.INTAKE,
        answers=answers,
        entered_by=entered_by,
        taken_on=taken_on or timezone.localdate(),
    )


def examination_record(
    *,
    patient,
    findings: Mapping[str, Any],
    entered_by,
    taken_on: date | None = None,  # noqa: ANN001
    history: Mapping[str, Any] | None = None,
) -> ScreeningRecord:
    """Return a new record: the latest answer set with these examination findings.

    Without any earlier answer set, `history` must give at least the core's required answers
    (age and onset). Raises AnswerError if the findings or history are not valid.
    """
    latest = ScreeningRecord.objects.filter(patient=patient).first()
    base: dict[str, Any] = dict(latest.answers) if latest else {}
    base.update(history or {})
    base["exam"] = dict(findings)
    intake = latest if latest is None or latest.kind == ScreeningRecord.INTAKE else latest.based_on
    return _save_screening(
        patient=patient,
        kind=ScreeningRecord.EXAMINATION,
        answers=base,
        entered_by=entered_by,
        taken_on=taken_on or timezone.localdate(),
        based_on=intake,
    )


def record_result(record: ScreeningRecord) -> ScreeningResult:
    """Return the screening result of a stored answer set; raises AnswerError if it no longer validates."""
    return screen(parse_answers(record.answers))


def _scores_json(result: Score) -> list[dict[str, Any]]:
    return [
        {
            "scale_id": s.scale_id,
            "name": s.name,
            "value": s.value,
            "minimum": s.minimum,
            "maximum": s.maximum,
            "answered": s.answered,
            "item_count": s.item_count,
            "mid": s.mid,
            "note": s.note,
        }
        for s in result.scales
    ]


@transaction.atomic
def questionnaire_submit(
    *,
    patient,
    instrument_id: str,
    responses: Mapping[str, Any],
    entered_by,  # noqa: ANN001
    taken_on: date | None = None,
    allow_incomplete: bool = False,
) -> QuestionnaireResponse:
    """Return a new scored questionnaire response.

    Raises AnswerError (nothing saved) when answers are invalid, when the instrument's own rule
    gives no score with items missing, or when no scale could be scored; raises IncompleteAnswers
    when items are blank, the rule allows a score, and `allow_incomplete` was not given.
    """
    taken_on = taken_on or timezone.localdate()
    if taken_on > timezone.localdate():
        raise AnswerError("The date cannot be in the future")
    result = score(instrument_id, responses, taken_on=taken_on)
    if all(s.value is None for s in result.scales):
        raise AnswerError(
            f"{result.instrument_name}: too few questions were answered to give any score",
            [s.note for s in result.scales if s.note],
        )
    if result.missing_items and not allow_incomplete:
        raise IncompleteAnswers(
            f"{result.instrument_name}: some questions are unanswered", result.missing_items
        )
    stored = {str(k): v for k, v in responses.items() if v is not None}
    twin = _recent_twin(
        QuestionnaireResponse,
        patient=patient,
        instrument_id=instrument_id,
        responses=stored,
        taken_on=taken_on,
    )
    if twin is not None:
        return twin
    return QuestionnaireResponse.objects.create(
        patient=patient,
        instrument_id=instrument_id,
        instrument_version=instrument_version(instrument_id),
        responses=stored,
        scores=_scores_json(result),
        complete=result.complete,
        missing_items=list(result.missing_items),
        taken_on=taken_on,
        entered_by=entered_by,
    )


def questionnaire_rescore(response: QuestionnaireResponse) -> Score:
    """Return the score recomputed from the stored responses (the record; stored scores are a cache)."""
    return score(response.instrument_id, response.responses, taken_on=response.taken_on)


def questionnaires_due(patient, today: date | None = None) -> list[Instrument]:  # noqa: ANN001
    """Return the questionnaires the patient should fill in now.

    The routine set is due when never answered or last answered DUE_AGAIN_AFTER ago or more; the
    global rating of change once an earlier questionnaire exists from at least that long ago
    (it rates change since treatment began, so it has no meaning at the first visit).
    """
    today = today or timezone.localdate()
    last: dict[str, date] = {}
    first: date | None = None
    for iid, taken in QuestionnaireResponse.objects.filter(patient=patient).values_list(
        "instrument_id", "taken_on"
    ):
        last[iid] = max(last.get(iid, taken), taken)
        first = min(first or taken, taken)
    due_ids = [i for i in ROUTINE if i not in last or today - last[i] >= DUE_AGAIN_AFTER]
    started = first is not None and today - first >= DUE_AGAIN_AFTER
    if started:
        due_ids += [i for i in AT_FOLLOW_UP if i not in last or today - last[i] >= DUE_AGAIN_AFTER]
    return [inst for inst in instruments() if inst.id in due_ids]
