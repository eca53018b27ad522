"""Screening: red flags first, then the likely conditions ranked, never a diagnosis."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import ValidationError

from stridewell.assess.answers import ScreeningAnswers
from stridewell.assess.conditions import ConditionMatch, rank_conditions
from stridewell.assess.errors import AnswerError
from stridewell.assess.red_flags import RedFlag, Urgency, check_red_flags

__all__ = ["DISCLAIMER", "ScreeningResult", "parse_answers", "screen"]

DISCLAIMER = (
    "This screening is not a diagnosis. It suggests what to consider and what to examine "
    "next; a clinician decides. Any red flag means a doctor should see the patient at the "
    "urgency shown, before exercise or running goes on."
)
_TOP = 3


@dataclass(frozen=True)
class ScreeningResult:
    """Red flags (most urgent first), ranked conditions, next tests, notes and the disclaimer."""

    red_flags: tuple[RedFlag, ...]
    conditions: tuple[ConditionMatch, ...]
    examine_next: tuple[str, ...]
    notes: tuple[str, ...]
    disclaimer: str = DISCLAIMER

    @property
    def urgency(self) -> Urgency | None:
        """Return the most urgent referral level raised, or None without red flags."""
        return self.red_flags[0].urgency if self.red_flags else None

    @property
    def refer_to_doctor(self) -> bool:
        """Return True when any red flag was raised."""
        return bool(self.red_flags)

    def rank_of(self, condition_id: str) -> int | None:
        """Return the 1-based rank of a condition, or None when it is not listed."""
        ids = [c.id for c in self.conditions]
        return ids.index(condition_id) + 1 if condition_id in ids else None


def parse_answers(data: Mapping[str, object]) -> ScreeningAnswers:
    """Return validated answers; raises AnswerError listing each bad field in plain words."""
    try:
        return ScreeningAnswers.model_validate(data)
    except ValidationError as exc:
        raise AnswerError("The screening answers are not valid", _problems(exc)) from None


def _problems(exc: ValidationError) -> list[str]:
    out = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "answers"
        if err["type"] == "extra_forbidden":
            out.append(f"'{where}' is not a known answer (see `stridewell screen --schema`)")
        elif err["type"] == "missing":
            out.append(f"'{where}' is required")
        else:
            out.append(f"'{where}': {err['msg']} (got {err.get('input')!r})")
    return out


def screen(answers: ScreeningAnswers | Mapping[str, object]) -> ScreeningResult:
    """Return the screening result for one answer set (a model, or a dict validated here)."""
    if not isinstance(answers, ScreeningAnswers):
        answers = parse_answers(answers)
    conditions = rank_conditions(answers)
    return ScreeningResult(
        red_flags=check_red_flags(answers),
        conditions=conditions,
        examine_next=_next_tests(conditions[:_TOP]),
        notes=_notes(answers),
    )


def _next_tests(top: tuple[ConditionMatch, ...]) -> tuple[str, ...]:
    """Tests of the leading conditions (within half the best score) not yet examined."""
    seen: list[str] = []
    for match in top:
        if match.score < top[0].score / 2:
            break
        for test in match.examine_next:
            if test not in seen:
                seen.append(test)
    return tuple(seen)


def _notes(answers: ScreeningAnswers) -> tuple[str, ...]:
    notes = []
    if answers.age <= 16:
        notes.append(
            "Child or teenager: examine the hip as well; slipped capital femoral epiphysis can "
            "show as knee pain only (Matava 1999; Perry 2017)."
        )
    if answers.exam is None:
        notes.append("No examination findings yet: the ranking rests on the history alone.")
    if not answers.pain_locations:
        notes.append("No pain location given: the ranking has little to go on.")
    return tuple(notes)
