"""Who viewed and who changed each clinical record, and when (UTC)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        VIEW = "view", "Viewed"
        CREATE = "create", "Created"
        CHANGE = "change", "Changed"
        DELETE = "delete", "Deleted"
        EXPORT = "export", "Exported"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    user_label = models.CharField(max_length=200, help_text="Who, kept even if the account is deleted.")
    patient = models.ForeignKey("patients.Patient", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="audit_events")
    action = models.CharField(max_length=10, choices=Action.choices)
    what = models.CharField(max_length=120, help_text="The kind of record, e.g. 'chart' or 'gait report'.")
    object_id = models.CharField(max_length=64, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["patient", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_label} {self.action} {self.what} {self.object_id}"
