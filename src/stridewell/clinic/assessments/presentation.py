"""Turn core results into what pages show: the doctor message, answers in words, form blocks."""

from __future__ import annotations

import re
from typing import Any

from stridewell.assess import (
    AnswerError,
    Examination,
    Instrument,
    ScreeningAnswers,
    ScreeningResult,
)
from stridewell.clinic.assessments.models import ScreeningRecord
from stridewell.clinic.assessments.questions import STEPS

# The patient's words for the core's urgency levels; the clinician sees the core's own action text.
PATIENT_URGENCY = {
    "emergency": (
        "Go to an emergency department now, or call emergency services.",
        "Do not wait for your physiotherapy appointment.",
    ),
    "same_day": (
        "Please see a doctor today.",
        "Call your doctor's surgery or an urgent care service today, and tell them about your knee.",
    ),
    "urgent": (
        "Please see a doctor within the next few days.",
        "Book an appointment with your doctor this week and tell them what you told us.",
    ),
    "soon": (
        "Please ask your doctor to check this in the next week or two.",
        "Mention it when you book; your physiotherapist will also talk it through with you.",
    ),
}
URGENCY_LABEL = {
    "emergency": "Emergency: now",
    "same_day": "Same day",
    "urgent": "Urgent: within days",
    "soon": "Soon: within 1-2 weeks",
}


def doctor_advice(result: ScreeningResult | None) -> dict[str, Any] | None:
    """Return the plain message for a patient whose answers raised a red flag, or None."""
    if result is None or not result.red_flags:
        return None
    headline, detail = PATIENT_URGENCY[result.urgency or "soon"]
    reasons: list[str] = []
    for flag in result.red_flags:
        reasons += [r for r in flag.reasons if r not in reasons]
    return {
        "urgency": result.urgency,
        "headline": headline,
        "detail": detail,
        "reasons": reasons,
        "hold_exercise": result.urgency != "soon",
    }


def problem_fields(exc: AnswerError) -> list[tuple[str, str | None]]:
    """Return each problem the core named, with the intake step that asks about it (if any)."""
    out: list[tuple[str, str | None]] = []
    problems = exc.problems or (exc.summary,)
    for text in problems:
        m = re.match(r"'([\w.]+)'", text)
        field = m.group(1).split(".")[0] if m else ""
        slug = next((s.slug for s in STEPS if field in s.fields()), None)
        out.append((text, slug))
    return out


def questionnaire_blocks(inst: Instrument, form) -> list[tuple[str, list]]:  # noqa: ANN001
    """Return the form's questions under scale headings (only KOOS has more than one scale)."""
    names = {s.id: s.name for s in inst.scales}
    blocks: list[tuple[str, list]] = []
    groups = {g.id: g for g in inst.choice_groups}
    for name in form.item_field_names():
        scale_id = (
            inst.item(groups[name].item_ids[0]).scale_id
            if name in groups
            else inst.item(name).scale_id
        )
        heading = names[scale_id] if len(inst.scales) > 1 else ""
        if not blocks or blocks[-1][0] != heading:
            blocks.append((heading, []))
        bf = form[name]
        branches = None
        if name in groups:
            subs = list(bf.subwidgets)
            branches = [
                (inst.item(i).label, [w for w in subs if str(w.data["value"]).startswith(i + ":")])
                for i in groups[name].item_ids
            ]
        blocks[-1][1].append((bf, branches))
    return blocks


def _words(value: Any) -> str:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, list):
        return ", ".join(str(v).replace("_", " ") for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value).replace("_", " ")


def answers_in_words(answers: dict[str, Any]) -> list[tuple[str, str]]:
    """Return (question title, answer) for the answers that differ from the default, age and onset first."""
    rows = []
    for name, info in ScreeningAnswers.model_fields.items():
        if name == "exam" or name not in answers:
            continue
        value = answers[name]
        default = info.get_default(call_default_factory=True)
        if name in ("age", "onset") or value != default:
            rows.append((info.title or name, _words(value)))
    return rows


def findings_in_words(exam: dict[str, Any] | None) -> list[tuple[str, str]]:
    """Return (finding, yes/no/value) for each examined finding."""
    if not exam:
        return []
    return [
        (info.title or name, _words(exam[name]))
        for name, info in Examination.model_fields.items()
        if exam.get(name) is not None
    ]


def screening_context(record: ScreeningRecord | None) -> dict[str, Any]:
    """Return what a page needs to show one stored answer set and its screening."""
    if record is None:
        return {"result": None, "stale": False}
    from stridewell.clinic.assessments.services import record_result

    try:
        result = record_result(record)
    except AnswerError as exc:
        return {
            "result": None,
            "stale": True,
            "stale_reason": str(exc),
            "answers_words": [],
            "findings_words": [],
        }
    return {
        "result": result,
        "stale": False,
        "urgency_label": URGENCY_LABEL,
        "top_conditions": result.conditions[:5],
        "more_conditions": result.conditions[5:],
        "answers_words": answers_in_words(record.answers),
        "findings_words": findings_in_words(record.answers.get("exam")),
    }
