"""Forms generated from the core's definitions: intake steps, questionnaires, examination findings.

Field types and bounds come from the core's answer model and instrument files; the forms only
turn posted text into the plain values the core validates (the core has the last word).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone

from stridewell.assess import Examination, Instrument, ScreeningAnswers
from stridewell.clinic.assessments.questions import EXAM_GROUPS, INJURY_GROUP, Question, Step

YES_NO = [("yes", "Yes"), ("no", "No")]
FINDING = [("yes", "Yes"), ("no", "No"), ("", "Not examined")]


def _bounds(model: type, name: str) -> tuple[float | None, float | None]:
    lo = hi = None
    for meta in model.model_fields[name].metadata:
        lo = getattr(meta, "ge", lo)
        hi = getattr(meta, "le", hi)
    return lo, hi


def _number_field(
    model: type, name: str, label: str, help_text: str, required: bool
) -> forms.Field:
    lo, hi = _bounds(model, name)
    annotation = str(model.model_fields[name].annotation)
    whole = "int" in annotation and "float" not in annotation
    if lo is not None and hi is not None:
        span = f"Please give a number from {lo:g} to {hi:g}."
    elif lo is not None:
        span = f"Please give a number of {lo:g} or more."
    else:
        span = "Please give a number."
    messages = {
        "required": "Please answer this question.",
        "invalid": span + (" Whole numbers only." if whole else ""),
        "min_value": span,
        "max_value": span,
    }
    cls = forms.IntegerField if whole else forms.FloatField
    attrs = {"inputmode": "numeric" if whole else "decimal"}
    if not whole:
        attrs["step"] = "any"
    return cls(
        label=label,
        help_text=help_text,
        required=required,
        min_value=lo,
        max_value=hi,
        error_messages=messages,
        widget=forms.NumberInput(attrs=attrs),
    )


def _radio(
    label: str, choices: list[tuple[str, str]], help_text: str = "", required: bool = False
) -> forms.Field:
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=choices,
        required=required,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Please choose one answer.",
            "invalid_choice": "Please choose one of the answers shown.",
        },
    )


def _ticks(label: str, options: dict[str, str], help_text: str = "") -> forms.Field:
    return forms.MultipleChoiceField(
        label=label,
        help_text=help_text,
        choices=list(options.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Please tick only the answers shown."},
    )


class IntakeStepForm(forms.Form):
    """One step of the intake; `answers()` returns the answer-set fields it covers."""

    def __init__(self, step: Step, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.step = step
        for q in step.questions:
            self.fields[q.name] = self._field(q)

    @staticmethod
    def _field(q: Question) -> forms.Field:
        if q.kind == "number":
            return _number_field(ScreeningAnswers, q.name, q.label, q.help, q.required)
        if q.kind == "choice":
            return _radio(q.label, list(q.options.items()), q.help, q.required)
        if q.kind == "scale":
            return _radio(q.label, [(str(i), str(i)) for i in range(11)], q.help, q.required)
        if q.kind == "yesno":
            return _radio(q.label, YES_NO, q.help, q.required)
        return _ticks(q.label, q.options, q.help)  # multi and tick

    @staticmethod
    def initial_from(step: Step, answers: dict[str, Any]) -> dict[str, Any]:
        """Return form initial values from a (partial) answer set."""
        initial: dict[str, Any] = {}
        for q in step.questions:
            if q.kind == "tick":
                initial[q.name] = [f for f in q.options if answers.get(f)]
            elif q.name not in answers or answers[q.name] is None:
                continue
            elif q.kind == "yesno":
                initial[q.name] = "yes" if answers[q.name] else "no"
            elif q.kind in ("choice", "scale"):
                initial[q.name] = str(answers[q.name])
            else:
                initial[q.name] = answers[q.name]
        return initial

    def answers(self) -> dict[str, Any]:
        """Return this step's answers (unanswered optional questions are left out: the core's default)."""
        out: dict[str, Any] = {}
        no_injury = self.cleaned_data.get("trauma") == "no"
        for q in self.step.questions:
            value = self.cleaned_data.get(q.name)
            if no_injury and q.group == INJURY_GROUP:
                continue  # hidden once "no injury" is chosen; stale answers must not count
            if q.kind == "tick":
                out.update({f: f in (value or []) for f in q.options})
            elif q.kind == "multi":
                out[q.name] = list(value or [])
            elif value in (None, ""):
                continue
            elif q.kind == "yesno":
                out[q.name] = value == "yes"
            elif q.kind == "scale":
                out[q.name] = int(value)
            else:
                out[q.name] = value
        return out


def group_value(item_id: str, value: object) -> str:
    """Return the radio value that stands for one branch of a choice group (VISA-P item 8)."""
    return f"{item_id}:{value}"


class QuestionnaireForm(forms.Form):
    """A questionnaire: one radio group per item; each choice group (VISA-P item 8) as one radio group.

    Every item is optional here, so a half-filled form reaches the core, which names what is missing.
    """

    def __init__(
        self, inst: Instrument, *args: Any, with_date: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.instrument = inst
        groups = {g.id: g for g in inst.choice_groups}
        placed: set[str] = set()
        if with_date:
            self.fields["taken_on"] = forms.DateField(
                label="Date the patient answered",
                initial=timezone.localdate,
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                error_messages={
                    "required": "Please give the date.",
                    "invalid": "Please give a date like 2026-03-01.",
                },
            )
        for item in inst.items:
            if item.choice_group is None:
                self.fields[item.id] = _radio(
                    item.label, [(str(o.value), o.label) for o in item.options]
                )
            elif item.choice_group not in placed:
                g = groups[item.choice_group]
                placed.add(g.id)
                choices = [
                    (
                        inst.item(i).label,
                        [(group_value(i, o.value), o.label) for o in inst.item(i).options],
                    )
                    for i in g.item_ids
                ]
                self.fields[g.id] = _radio(g.label, choices)
        self.fields["confirm_incomplete"] = forms.BooleanField(
            required=False, label="Save it with the unanswered questions left blank"
        )

    def item_field_names(self) -> list[str]:
        """Return the names of the question fields (not the date or the confirmation)."""
        return [n for n in self.fields if n not in ("taken_on", "confirm_incomplete")]

    def responses(self) -> dict[str, str]:
        """Return item id -> submitted value, for answered items only."""
        groups = {g.id for g in self.instrument.choice_groups}
        out: dict[str, str] = {}
        for name in self.item_field_names():
            value = self.cleaned_data.get(name)
            if not value:
                continue
            if name in groups:
                item_id, _, option = value.partition(":")
                out[item_id] = option
            else:
                out[name] = value
        return out

    def mark_missing(self, missing: tuple[str, ...] | list[str]) -> None:
        """Attach 'please answer' to each unanswered item (ids as the core reports them)."""
        for name in missing:
            if name in self.fields and name not in self.errors:
                self.add_error(name, "Please answer this question.")

    @staticmethod
    def initial_from(inst: Instrument, responses: dict[str, Any]) -> dict[str, str]:
        """Return initial values from stored responses (to show a past answer set)."""
        groups = {i: g.id for g in inst.choice_groups for i in g.item_ids}
        out: dict[str, str] = {}
        for item_id, value in responses.items():
            if item_id in groups:
                out[groups[item_id]] = group_value(item_id, value)
            else:
                out[item_id] = str(value)
        return out


class ExaminationForm(forms.Form):
    """The clinician's examination findings; age and onset are asked only when there is no intake yet."""

    def __init__(self, *args: Any, need_history: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.need_history = need_history
        if need_history:
            self.fields["age"] = _number_field(ScreeningAnswers, "age", "Age in years", "", True)
            self.fields["onset"] = _radio(
                "How the pain began",
                [("gradual", "Gradually"), ("sudden", "Suddenly")],
                required=True,
            )
        self.fields["taken_on"] = forms.DateField(
            label="Date examined",
            initial=timezone.localdate,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            error_messages={
                "required": "Please give the date.",
                "invalid": "Please give a date like 2026-03-01.",
            },
        )
        for _, names in EXAM_GROUPS:
            for name in names:
                title = Examination.model_fields[name].title or name
                if name == "temperature_c":
                    self.fields[name] = _number_field(
                        Examination, name, title, "Leave blank if not measured.", False
                    )
                else:
                    self.fields[name] = _radio(title, FINDING)

    def groups(self) -> list[tuple[str, list[forms.BoundField]]]:
        """Return the findings' bound fields under their headings."""
        return [(title, [self[n] for n in names]) for title, names in EXAM_GROUPS]

    @staticmethod
    def initial_from(exam: dict[str, Any] | None) -> dict[str, Any]:
        """Return initial values from stored findings (None -> 'Not examined')."""
        out: dict[str, Any] = {}
        for name, value in (exam or {}).items():
            if value is None:
                continue
            out[name] = value if name == "temperature_c" else ("yes" if value else "no")
        return out

    def findings(self) -> dict[str, Any]:
        """Return the findings as the core's Examination fields (True, False or None)."""
        out: dict[str, Any] = {}
        for _, names in EXAM_GROUPS:
            for name in names:
                value = self.cleaned_data.get(name)
                if name == "temperature_c":
                    out[name] = value
                else:
                    out[name] = {"yes": True, "no": False}.get(value or "")
        return out

    def history(self) -> dict[str, Any]:
        """Return the minimal history asked here (only when there was no intake)."""
        return (
            {"age": self.cleaned_data["age"], "onset": self.cleaned_data["onset"]}
            if self.need_history
            else {}
        )

    @property
    def taken_on(self) -> date:
        return self.cleaned_data["taken_on"]
