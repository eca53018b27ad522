"""Visit notes in SOAP form. A signed note is never edited again; corrections are addenda."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class VisitNote(models.Model):
    patient = models.ForeignKey("patients.Patient", on_delete=models.PROTECT, related_name="visit_notes")
    appointment = models.ForeignKey("booking.Appointment", on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="visit_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    visit_date = models.DateField()
    subjective = models.TextField("Subjective", blank=True, help_text="What the patient reports.")
    objective = models.TextField("Objective", blank=True, help_text="Examination findings and measurements.")
    treatment = models.TextField("Treatment given", blank=True,
                                 help_text="Manual therapy, taping, exercises taught, advice.")
    assessment = models.TextField("Assessment", blank=True, help_text="Your clinical reasoning.")
    plan = models.TextField("Plan", blank=True, help_text="Next steps, home programme, follow-up.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    signed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-visit_date", "-id"]
        indexes = [models.Index(fields=["patient", "-visit_date"])]

    def __str__(self) -> str:
        return f"Visit note {self.visit_date} for {self.patient}"

    @property
    def signed(self) -> bool:
        """Return True once the note is signed and can no longer be edited."""
        return self.signed_at is not None


class Addendum(models.Model):
    note = models.ForeignKey(VisitNote, on_delete=models.PROTECT, related_name="addenda")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
