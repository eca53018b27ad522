"""The patient record that bookings, assessments and programmes hang from."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Patient(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="patient"
    )
    phone = models.CharField(max_length=30, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["user__last_name", "user__first_name"]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def name(self) -> str:
        """Return the patient's full name, or their e-mail when no name is known."""
        return self.user.get_full_name() or self.user.email


class ErasureRequest(models.Model):
    """A patient's request to erase their record, carried out by a clinic admin after checks."""

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="erasure_requests")
    requested_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    outcome = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"Erasure request by {self.patient} on {self.requested_at:%Y-%m-%d}"
