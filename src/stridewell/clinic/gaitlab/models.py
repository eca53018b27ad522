"""One gait analysis of a running video: the core's result, its files, and the clinician's review.

Files live in private storage (under MEDIA_ROOT, never served by URL); their paths are stored
relative to MEDIA_ROOT so a moved data folder keeps working. A report is a draft until a clinician
shares it; the patient never sees a draft.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db import models


class GaitReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft (only clinicians see it)"
        SHARED = "shared", "Shared with the patient"

    class View(models.TextChoices):
        DETECT = "detect", "Work it out from the video"
        SIDE = "side", "From the side"
        REAR = "rear", "From behind"
        FRONT = "front", "From the front"

    patient = models.ForeignKey("patients.Patient", on_delete=models.PROTECT, related_name="gait_reports")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    job = models.OneToOneField("jobs.Job", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="gait_report", help_text="The analysis job that made this report.")
    video_name = models.CharField(max_length=255, blank=True, help_text="The file name as uploaded.")
    view_requested = models.CharField(max_length=10, choices=View.choices, default=View.DETECT)
    view = models.CharField(max_length=10, blank=True, help_text="The camera view the analysis used.")
    folder = models.CharField(max_length=300, help_text="Private folder (relative to MEDIA_ROOT) of this report.")
    video_file = models.CharField(max_length=300, blank=True, help_text="Original video, relative to MEDIA_ROOT.")
    annotated_file = models.CharField(max_length=300, blank=True)
    html_file = models.CharField(max_length=300, blank=True)
    pdf_file = models.CharField(max_length=300, blank=True)
    plot_files = models.JSONField(default=list, blank=True, help_text="Plot images, relative to MEDIA_ROOT.")
    result = models.JSONField(default=dict, help_text="The core's GaitAnalysis as JSON.")
    finding_texts = models.JSONField(default=dict, blank=True,
                                     help_text="Clinician's wording per finding key (replaces the automatic text).")
    summary = models.TextField(blank=True, help_text="The clinician's own summary for the patient.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+")
    shared_at = models.DateTimeField(null=True, blank=True)
    shared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["patient", "-created_at"])]

    def __str__(self) -> str:
        return f"Gait report {self.pk} for {self.patient} ({self.status})"

    @property
    def shared(self) -> bool:
        """Return True once the patient may see the report."""
        return self.status == self.Status.SHARED

    def path(self, relative: str) -> Path:
        """Return the absolute path of one of this report's files."""
        return Path(settings.MEDIA_ROOT) / relative

    def file_names(self) -> dict[str, str]:
        """Return {name in a URL: path relative to MEDIA_ROOT} of every file of this report that may be served."""
        files = {"video" + Path(self.video_file).suffix: self.video_file,
                 "annotated" + Path(self.annotated_file).suffix: self.annotated_file,
                 "report.pdf": self.pdf_file}
        files.update({Path(p).name: p for p in self.plot_files})
        return {k: v for k, v in files.items() if v}
