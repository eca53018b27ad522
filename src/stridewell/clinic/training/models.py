"""A runner's imported training history: one row per activity session, per file read, per import, per plan.

Sessions keep the core's normalised fields (SI units, UTC start plus the device's offset) and the
content hash of the file they came from, so a re-uploaded export adds only what is new. GPS tracks are
never stored: the load guard needs totals, not where the patient lives.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class TrainingImport(models.Model):
    """One uploaded export or activity file, read by a background job, with what went wrong per file."""

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="training_imports"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    job = models.OneToOneField(
        "jobs.Job",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="training_import",
        help_text="The job that read this upload.",
    )
    file_name = models.CharField(max_length=255, help_text="The file name as uploaded.")
    files_seen = models.PositiveIntegerField(
        default=0, help_text="Activity files found in the upload."
    )
    files_read = models.PositiveIntegerField(default=0, help_text="Files parsed (new content).")
    files_known = models.PositiveIntegerField(
        default=0, help_text="Files skipped: imported before."
    )
    sessions_added = models.PositiveIntegerField(default=0)
    problems = models.JSONField(
        default=list,
        blank=True,
        help_text="[{source, kind, reason}] per file that did not import cleanly.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Import {self.pk} of {self.file_name} for {self.patient}"


class TrainingFile(models.Model):
    """A file content (by SHA-256) already read for this patient, so the next upload skips it."""

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="training_files"
    )
    content_hash = models.CharField(max_length=64)
    outcome = models.CharField(max_length=300, help_text="'ok: n session(s)' or 'rejected: why'.")
    source_import = models.ForeignKey(
        TrainingImport, on_delete=models.SET_NULL, null=True, blank=True, related_name="files"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "content_hash"], name="training_file_once_per_patient"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_hash[:12]} ({self.outcome[:40]})"


class TrainingSession(models.Model):
    """One activity, normalised by the load core (SI units; start in UTC, days counted in device time)."""

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="training_sessions"
    )
    source_import = models.ForeignKey(
        TrainingImport, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions"
    )
    sport = models.CharField(max_length=60)
    sub_sport = models.CharField(max_length=60, blank=True)
    start = models.DateTimeField()
    utc_offset_min = models.SmallIntegerField(default=0)
    elapsed_s = models.FloatField()
    moving_s = models.FloatField()
    distance_m = models.FloatField(null=True, blank=True)
    ascent_m = models.FloatField(null=True, blank=True)
    avg_hr = models.FloatField(null=True, blank=True, help_text="beats/min")
    max_hr = models.FloatField(null=True, blank=True, help_text="beats/min")
    cadence_spm = models.FloatField(null=True, blank=True, help_text="steps/min")
    rpe = models.FloatField(null=True, blank=True, help_text="CR10 session RPE, 0-10")
    device = models.CharField(max_length=120, blank=True)
    source = models.CharField(
        max_length=500, blank=True, help_text="File (inside the upload) it came from."
    )
    content_hash = models.CharField(
        max_length=64, help_text="SHA-256 of the source file's content."
    )
    index = models.PositiveSmallIntegerField(
        default=0, help_text="Session number inside a multi-sport file."
    )
    notes = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["start", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "content_hash", "index"],
                name="training_session_once_per_patient",
            )
        ]
        indexes = [models.Index(fields=["patient", "start"])]

    def __str__(self) -> str:
        return f"{self.sport} {self.start:%Y-%m-%d %H:%M} ({self.patient})"


class TrainingPlan(models.Model):
    """A progression plan a clinician attached: the goal, and the weeks as computed that day."""

    patient = models.ForeignKey(
        "patients.Patient", on_delete=models.PROTECT, related_name="training_plans"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    goal_weekly_min = models.FloatField(null=True, blank=True)
    goal_weekly_km = models.FloatField(null=True, blank=True)
    race_date = models.DateField(null=True, blank=True)
    step_min = models.FloatField(help_text="Running minutes added per full week.")
    start = models.DateField(help_text="Monday of the first plan week.")
    plan = models.JSONField(help_text="The core's Plan as JSON (base, weeks and days, notes).")
    note = models.TextField(blank=True, help_text="The clinician's words to the patient.")
    created_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Training plan {self.pk} for {self.patient}"

    @property
    def active(self) -> bool:
        """Return True while the plan has not been withdrawn."""
        return self.withdrawn_at is None
