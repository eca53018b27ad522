"""Screening answer sets and questionnaire responses, kept as JSON with who entered them and when.

Nothing is ever overwritten: a new intake, a new examination or a new questionnaire is a new row,
so the history of a patient's answers stays as it was. Scores are stored for listing and plotting,
but the responses are the record: `services.questionnaire_rescore` recomputes them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ScreeningRecord(models.Model):
    """One complete screening answer set (the core's `ScreeningAnswers`, examination included)."""

    INTAKE, EXAMINATION = "intake", "examination"
    KINDS = [(INTAKE, "Patient intake"), (EXAMINATION, "Examination added by a clinician")]

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="screenings"
    )
    kind = models.CharField(max_length=12, choices=KINDS)
    answers = models.JSONField(
        help_text="The validated answer set, as the core's JSON Schema describes it."
    )
    schema_version = models.CharField(
        max_length=16, help_text="Short hash of the answer schema used."
    )
    based_on = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="For an examination: the intake whose history it completes.",
    )
    taken_on = models.DateField()
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Cached from the screening result when saved; the answers are the record.
    urgency = models.CharField(max_length=12, blank=True)
    red_flag_ids = models.JSONField(default=list)
    top_condition_id = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["patient", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.taken_on} for {self.patient}"


class QuestionnaireResponse(models.Model):
    """One questionnaire as answered on one date: the item answers, and the scores they give."""

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="questionnaires"
    )
    instrument_id = models.CharField(max_length=20)
    instrument_version = models.CharField(
        max_length=16, help_text="Short hash of the items and points used."
    )
    responses = models.JSONField(
        help_text="Item id -> option value, exactly as submitted to the core."
    )
    scores = models.JSONField(
        help_text="Per scale: id, name, value (null when not scored), range, MID, note."
    )
    complete = models.BooleanField(
        help_text="False when some items were left blank (KOOS rule allows it)."
    )
    missing_items = models.JSONField(default=list)
    taken_on = models.DateField()
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-taken_on", "-created_at", "-id"]
        indexes = [models.Index(fields=["patient", "instrument_id", "taken_on"])]

    def __str__(self) -> str:
        return f"{self.instrument_id} {self.taken_on} for {self.patient}"

    def scale_value(self, scale_id: str = "total") -> float | None:
        """Return the stored value of one scale (None when not scored or absent)."""
        for s in self.scores:
            if s["scale_id"] == scale_id:
                return s["value"]
        return None
