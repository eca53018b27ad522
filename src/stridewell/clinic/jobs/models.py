"""Long work (a watch-export import, a video analysis) runs as a Job in the background worker.

The page that started it polls the job's progress; the worker records each step, and a job
interrupted by a killed worker is picked up again (its handler must be safe to run twice).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Working"
        DONE = "done", "Finished"
        FAILED = "failed", "Could not finish"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=40, db_index=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs")
    patient = models.ForeignKey("patients.Patient", on_delete=models.CASCADE, null=True, blank=True,
                                related_name="jobs")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    progress = models.FloatField(default=0.0, help_text="0 to 1")
    message = models.CharField(max_length=300, blank=True)
    input_name = models.CharField(max_length=255, blank=True, help_text="The file name the user uploaded.")
    input_path = models.CharField(max_length=500, blank=True, help_text="Private storage path (random name).")
    params = models.JSONField(default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True, help_text="Last sign of life from the worker.")
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.id} ({self.status})"

    @property
    def percent(self) -> int:
        """Return progress as a whole percentage."""
        return round(100 * min(max(self.progress, 0.0), 1.0))

    @property
    def finished(self) -> bool:
        """Return True once the job has succeeded or failed."""
        return self.status in (self.Status.DONE, self.Status.FAILED)
