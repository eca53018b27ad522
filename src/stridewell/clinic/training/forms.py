"""The upload form (a watch export or activity files) and the clinician's plan form."""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone

from stridewell.clinic.training.services import MAX_NOTE
from stridewell.load import Goal, load_thresholds

# A browser date input reads and writes ISO dates, whatever the site's display format.
_DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
ACCEPT = ".zip,.fit,.gpx,.tcx,.gz,application/zip,application/gpx+xml"


class UploadForm(forms.Form):
    export = forms.FileField(
        label="Watch export (.zip) or activity file (.fit, .gpx, .tcx)",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )


def next_monday(today: date | None = None) -> date:
    """Return the Monday after `today` (today itself when it is a Monday)."""
    today = today or timezone.localdate()
    return today + timedelta(days=(7 - today.weekday()) % 7)


class PlanForm(forms.Form):
    GOALS = (
        ("minutes", "Weekly running time"),
        ("km", "Weekly running distance"),
        ("race", "Ready for a race date"),
    )
    goal = forms.ChoiceField(
        label="Goal", choices=GOALS, initial="minutes", widget=forms.RadioSelect
    )
    weekly_min = forms.FloatField(
        label="Goal: minutes of running a week", required=False, min_value=10, max_value=900
    )
    weekly_km = forms.FloatField(
        label="Goal: kilometres of running a week", required=False, min_value=2, max_value=200
    )
    race_date = forms.DateField(label="Race date", required=False, widget=_DATE)
    start = forms.DateField(label="Plan starts (the Monday of that week)", widget=_DATE)
    step_min = forms.FloatField(label="Minutes added a week", min_value=5, max_value=10)
    note = forms.CharField(
        label="Your note to the patient (optional)",
        required=False,
        max_length=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        th = load_thresholds()
        lo, hi = th.value("plan.step_min"), th.value("plan.step_max")
        step = self.fields["step_min"]
        step.min_value, step.max_value = lo, hi
        step.validators = [v for v in step.validators if not hasattr(v, "limit_value")]
        step.validators += [MinValueValidator(lo), MaxValueValidator(hi)]
        step.help_text = f"Between {lo:.0f} and {hi:.0f} ({th.get('plan.step_max').source})."
        step.widget.attrs.update({"min": f"{lo:g}", "max": f"{hi:g}", "step": "1"})
        self.fields["start"].initial = next_monday()
        self.fields["step_min"].initial = int(lo) if float(lo).is_integer() else lo

    def clean(self) -> dict:
        data = super().clean()
        kind = data.get("goal")
        need = {"minutes": "weekly_min", "km": "weekly_km", "race": "race_date"}.get(kind or "")
        if need and data.get(need) in (None, ""):
            self.add_error(need, "Please fill this in for the goal you chose.")
        race, start = data.get("race_date"), data.get("start")
        if kind == "race" and race and start and race < start:
            self.add_error("race_date", "The race date is before the plan starts.")
        if start and start < timezone.localdate() - timedelta(days=7):
            self.add_error("start", "A plan starts this week or later.")
        return data

    def goal_value(self) -> Goal:
        """Return the core Goal for the chosen kind (only that field counts)."""
        d, kind = self.cleaned_data, self.cleaned_data["goal"]
        return Goal(
            weekly_min=d.get("weekly_min") if kind == "minutes" else None,
            weekly_km=d.get("weekly_km") if kind == "km" else None,
            race_date=d.get("race_date") if kind == "race" else None,
        )
