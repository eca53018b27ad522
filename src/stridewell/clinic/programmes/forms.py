"""Forms: the clinician's inputs, edits and readiness check; the patient's pain scores."""

from __future__ import annotations

from dataclasses import replace

from django import forms
from django.utils import timezone
from pydantic import ValidationError

from stridewell import programme as core
from stridewell.programme.library import EQUIPMENT
from stridewell.programme.models import HOUSEHOLD, WEEKDAYS

DAY_LABELS = dict(
    zip(
        WEEKDAYS,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)
PAIN_CHOICES = [(str(i), str(i)) for i in range(11)]


def condition_choices() -> list[tuple[str, str]]:
    """Return (id, label) for every condition the programme core has a programme for."""
    out = []
    for cid in core.CONDITIONS:
        proto = core.protocol_for(cid)
        note = proto.conditions.get(cid)
        out.append((cid, note.name if note else proto.label))
    return out


def _words(value: str) -> str:
    return value.replace("_", " ").capitalize()


class GenerateForm(forms.Form):
    condition = forms.ChoiceField(label="Condition", choices=())
    phase = forms.TypedChoiceField(
        label="Start in phase",
        coerce=int,
        initial=1,
        choices=[(i, f"Phase {i}") for i in range(1, 5)],
        help_text="Phase 1 is the calmest; a protocol with fewer phases starts in its last one.",
    )
    irritability = forms.ChoiceField(
        label="Irritability",
        initial="moderate",
        widget=forms.RadioSelect,
        choices=[("low", "Low"), ("moderate", "Moderate"), ("high", "High")],
    )
    findings = forms.MultipleChoiceField(
        label="Examination findings",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=(),
    )
    equipment = forms.MultipleChoiceField(
        label="Equipment at hand",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(e, _words(e)) for e in EQUIPMENT if e not in HOUSEHOLD],
        help_text="A wall, chair, towel, mat and a step are assumed at home.",
    )
    days_available = forms.MultipleChoiceField(
        label="Days available",
        widget=forms.CheckboxSelectMultiple,
        choices=list(DAY_LABELS.items()),
        initial=["mon", "wed", "fri"],
    )
    pain_limit = forms.TypedChoiceField(
        label="Agreed pain limit during exercise",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "The condition's usual limit")] + [(str(i), f"{i}/10") for i in range(11)],
    )

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["condition"].choices = condition_choices()
        self.fields["findings"].choices = [(k, f.label) for k, f in core.load_findings().items()]

    def inputs(self, *, patient_name: str, clinician: str) -> core.ProgrammeInputs | None:
        """Return the core's validated inputs, or None with the problem added to the form."""
        data = self.cleaned_data
        try:
            return core.ProgrammeInputs(
                condition=data["condition"],
                phase=data["phase"],
                irritability=data["irritability"],
                findings=tuple(data["findings"]),
                equipment=tuple(data["equipment"]),
                days_available=tuple(data["days_available"]),
                pain_limit=data["pain_limit"],
                patient_name=patient_name[:120],
                clinician=clinician[:120],
                start=timezone.localdate(),
            )
        except ValidationError as exc:
            self.add_error(
                None,
                "These choices do not make a programme: "
                + "; ".join(e["msg"] for e in exc.errors()),
            )
            return None


def exercise_choices(exclude: set[str] = frozenset()) -> list[tuple[str, list[tuple[str, str]]]]:  # type: ignore[assignment]
    """Return the library grouped by category for a select, without the `exclude` ids."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for ex in core.load_library().values():
        if ex.id in exclude:
            continue
        gear = ", ".join(_words(e).lower() for e in ex.equipment) or "no equipment"
        groups.setdefault(_words(ex.category), []).append(
            (ex.id, f"{ex.name} (level {ex.difficulty}; {gear})")
        )
    return [(k, sorted(v, key=lambda c: c[1])) for k, v in sorted(groups.items())]


class DoseForm(forms.Form):
    sets = forms.IntegerField(label="Sets", min_value=1, max_value=10)
    reps = forms.IntegerField(
        label="Reps",
        min_value=1,
        max_value=100,
        required=False,
        help_text="Leave empty for a hold.",
    )
    hold_s = forms.IntegerField(label="Hold (seconds)", min_value=1, max_value=600, required=False)
    rest_s = forms.IntegerField(label="Rest between sets (seconds)", min_value=0, max_value=300)
    per_week = forms.IntegerField(
        label="Sessions a week",
        min_value=1,
        max_value=14,
        help_text="More than 7 means twice a day on some days.",
    )
    load = forms.CharField(label="Load", max_length=80)

    @classmethod
    def for_dose(cls, dose: core.Dose, data=None) -> DoseForm:  # noqa: ANN001
        """Return the form filled with `dose` (or bound to `data`)."""
        initial = {
            "sets": dose.sets,
            "reps": dose.reps,
            "hold_s": dose.hold_s,
            "rest_s": dose.rest_s,
            "per_week": dose.per_week,
            "load": dose.load,
        }
        return cls(data, initial=initial)

    def clean(self) -> dict:
        data = super().clean()
        if not self.errors and not data.get("reps") and not data.get("hold_s"):
            raise forms.ValidationError("Give reps, a hold time, or both.")
        return data

    def dose(self, old: core.Dose) -> core.Dose:
        """Return `old` with the clinician's numbers (a written summary is dropped: the numbers rule)."""
        d = self.cleaned_data
        return replace(
            old,
            sets=d["sets"],
            reps=d["reps"],
            hold_s=d["hold_s"],
            rest_s=d["rest_s"],
            per_week=d["per_week"],
            load=d["load"].strip() or "body weight",
            summary="",
        )


class PublishForm(forms.Form):
    note = forms.CharField(label="Note for the history (optional)", max_length=300, required=False)


class ReadinessForm(forms.Form):
    pain_free_walk_min = forms.IntegerField(
        label="Brisk walking without pain (minutes)", min_value=0, max_value=600
    )
    pain_free_daily_activities = forms.BooleanField(
        label="Daily activities, stairs included, without pain", required=False
    )
    swelling = forms.BooleanField(label="Swelling in the knee", required=False)
    single_leg_squat_pain = forms.TypedChoiceField(
        label="Pain on a single-leg squat (0-10)", coerce=int, choices=PAIN_CHOICES
    )
    hop_pain = forms.TypedChoiceField(
        label="Pain on 10 single-leg hops (0-10)", coerce=int, choices=PAIN_CHOICES
    )
    bone_stress_injury = forms.BooleanField(label="This was a bone stress injury", required=False)
    medical_clearance = forms.BooleanField(label="Medical clearance given", required=False)
    start = forms.DateField(label="First run on", widget=forms.DateInput(attrs={"type": "date"}))
    runs_per_week = forms.TypedChoiceField(
        label="Runs a week", coerce=int, initial=3, choices=[(i, str(i)) for i in range(1, 5)]
    )

    def readiness(self) -> core.Readiness:
        """Return the core's readiness record from the form."""
        d = self.cleaned_data
        return core.Readiness(
            d["pain_free_walk_min"],
            d["pain_free_daily_activities"],
            d["swelling"],
            d["single_leg_squat_pain"],
            d["hop_pain"],
            d["bone_stress_injury"],
            d["medical_clearance"],
        )


class PainForm(forms.Form):
    """A pain score from 0 to 10 (NPRS) chosen on a row of big buttons."""

    pain = forms.TypedChoiceField(
        coerce=int,
        choices=PAIN_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose a number from 0 to 10.",
            "invalid_choice": "Choose a number from 0 to 10.",
        },
    )
    when = forms.ChoiceField(choices=[("during", "during"), ("morning", "next morning")])
    day = forms.DateField()
