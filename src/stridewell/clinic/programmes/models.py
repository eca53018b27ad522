"""Exercise programmes in the clinic: the core's programme JSON, published in versions, and the logs.

A patient has at most one programme in use (the newest). The clinician works on `draft` (the
core's JSON) and publishes it: each publish adds a `ProgrammeVersion`, so the history stays. The
patient only ever sees the newest published version. Sessions (exercises ticked, pain during and
next morning) and runs of the return-to-run plan are logged against the programme.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

PAIN = [MinValueValidator(0), MaxValueValidator(10)]


class Programme(models.Model):
    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="programmes"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    inputs = models.JSONField(
        help_text="The generator's inputs (ProgrammeInputs) as chosen by the clinician."
    )
    draft = models.TextField(help_text="The working copy: the core's programme JSON.")
    draft_changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Programme {self.pk} for {self.patient}"


class ProgrammeVersion(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    body = models.TextField(help_text="The core's programme JSON as published.")
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="programme_version_unique")
        ]

    def __str__(self) -> str:
        return f"Version {self.number} of {self.programme}"


class SessionLog(models.Model):
    """One day of the home programme: which exercises were done and the pain around it (NPRS 0-10)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="sessions")
    version = models.ForeignKey(ProgrammeVersion, on_delete=models.PROTECT, related_name="sessions")
    day = models.DateField()
    pain_during = models.PositiveSmallIntegerField(null=True, blank=True, validators=PAIN)
    pain_next_morning = models.PositiveSmallIntegerField(null=True, blank=True, validators=PAIN)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "day"], name="programme_session_day_unique"
            )
        ]

    def __str__(self) -> str:
        return f"Session {self.day} of {self.programme}"


class ExerciseDone(models.Model):
    session = models.ForeignKey(SessionLog, on_delete=models.CASCADE, related_name="done")
    exercise_id = models.CharField(max_length=80)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "exercise_id"], name="exercise_done_unique")
        ]


class RunPlan(models.Model):
    """The walk-run return-to-run plan: the core's plan JSON at the start; runs replay it forward."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="run_plans")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    readiness = models.JSONField(
        help_text="What the clinician found when checking readiness to run."
    )
    body = models.TextField(help_text="The core's ReturnToRunPlan JSON as first made.")

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Run plan {self.pk} of {self.programme}"


class RunLog(models.Model):
    plan = models.ForeignKey(RunPlan, on_delete=models.CASCADE, related_name="runs")
    day = models.DateField()
    level = models.PositiveSmallIntegerField(help_text="The level the runner was on that day.")
    pain_during = models.PositiveSmallIntegerField(validators=PAIN)
    pain_next_morning = models.PositiveSmallIntegerField(null=True, blank=True, validators=PAIN)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["day"]
        constraints = [models.UniqueConstraint(fields=["plan", "day"], name="run_log_day_unique")]

    def __str__(self) -> str:
        return f"Run {self.day} of {self.plan}"
