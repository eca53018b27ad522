"""The generator's input (validated outside input) and the programme it returns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from stridewell.programme.library import Condition, Dose, Equipment
from stridewell.programme.pain import PainRule
from stridewell.programme.protocols import load_findings

__all__ = [
    "HOUSEHOLD",
    "WEEKDAYS",
    "DayPlan",
    "Irritability",
    "Phase",
    "Prescription",
    "Programme",
    "ProgrammeInputs",
    "Weekday",
]

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Irritability = Literal["low", "moderate", "high"]

# Things almost every home has; assumed at hand and said so on the programme.
HOUSEHOLD: tuple[Equipment, ...] = ("wall", "chair", "towel", "mat", "step")


class ProgrammeInputs(BaseModel):
    """What the generator needs from the assessment (JSON answers or the web form).

    `pain_limit` is the pain during exercise (NPRS 0-10) agreed with the clinician; left out,
    the condition's default applies (5/10, Silbernagel 2007).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    condition: Condition
    phase: int = Field(default=1, ge=1, le=4)
    irritability: Irritability = "moderate"
    findings: tuple[str, ...] = ()
    equipment: tuple[Equipment, ...] = ()
    days_available: tuple[Weekday, ...] = ("mon", "wed", "fri")
    pain_limit: int | None = Field(default=None, ge=0, le=10)
    patient_name: str = Field(default="", max_length=120)
    clinician: str = Field(default="", max_length=120)
    start: date | None = None

    @field_validator("findings")
    @classmethod
    def _known_findings(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        known = load_findings()
        unknown = [f for f in value if f not in known]
        if unknown:
            raise ValueError(f"unknown findings {unknown}; known: {sorted(known)}")
        return tuple(dict.fromkeys(value))

    @field_validator("days_available", mode="before")
    @classmethod
    def _days(cls, value: object) -> object:
        """Accept a number of days a week and spread them out (3 -> mon, wed, fri)."""
        if isinstance(value, int) and not isinstance(value, bool):
            if not 1 <= value <= 7:
                raise ValueError("days_available must be 1-7 days")
            spread = {1: (0,), 2: (0, 3), 3: (0, 2, 4), 4: (0, 1, 3, 5), 5: (0, 1, 2, 4, 5),
                      6: (0, 1, 2, 3, 4, 5), 7: tuple(range(7))}[value]
            return tuple(WEEKDAYS[i] for i in spread)
        if isinstance(value, (list, tuple)):  # "Monday", "TUE" -> "mon", "tue"
            return tuple(v.strip().lower()[:3] if isinstance(v, str) else v for v in value)
        return value

    @field_validator("days_available")
    @classmethod
    def _ordered_days(cls, value: tuple[Weekday, ...]) -> tuple[Weekday, ...]:
        if not value:
            raise ValueError("at least one day a week is needed")
        return tuple(d for d in WEEKDAYS if d in value)


@dataclass(frozen=True)
class Prescription:
    """One exercise in a phase, its dose, and why it is there."""

    exercise_id: str
    name: str
    role: str
    dose: Dose
    reason: str = ""


@dataclass(frozen=True)
class DayPlan:
    """The exercises for one weekday in a phase."""

    day: Weekday
    exercise_ids: tuple[str, ...]


@dataclass(frozen=True)
class Phase:
    """A phase of the programme: what to do, on which days, and when to move on."""

    number: int
    name: str
    weeks: str
    goal: str
    prescriptions: tuple[Prescription, ...]
    advance_when: tuple[str, ...]
    week: tuple[DayPlan, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Programme:
    """A personalised, phased programme: stored as JSON, rendered as a handout."""

    condition: str
    condition_label: str
    protocol_id: str
    protocol_name: str
    summary: str
    general: bool
    current_phase: int
    irritability: Irritability
    findings: tuple[str, ...]
    equipment: tuple[str, ...]
    days_available: tuple[Weekday, ...]
    phases: tuple[Phase, ...]
    pain_rule: PainRule
    evidence: tuple[str, ...]
    adjustments: tuple[str, ...]
    condition_notes: tuple[str, ...]
    disclaimer: str
    red_flags: tuple[str, ...]
    education: tuple[str, ...]
    return_to_run_phase: int | None = None
    patient_name: str = ""
    clinician: str = ""
    start: date | None = None

    @property
    def phase(self) -> Phase:
        """Return the phase the runner is in now."""
        return self.phases[self.current_phase - 1]
