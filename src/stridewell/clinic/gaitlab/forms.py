"""The upload form (video and camera view) and the clinician's review form (one text per finding)."""

from __future__ import annotations

from django import forms

from stridewell.clinic.gaitlab.models import GaitReport
from stridewell.clinic.gaitlab.presentation import Finding
from stridewell.clinic.gaitlab.services import MAX_TEXT


class UploadForm(forms.Form):
    video = forms.FileField(label="Running video (.mp4 or .mov)",
                            widget=forms.ClearableFileInput(attrs={"accept": "video/mp4,video/quicktime,.mp4,.mov,.m4v"}))
    view = forms.ChoiceField(label="Where was the camera?", choices=GaitReport.View.choices,
                             initial=GaitReport.View.DETECT, widget=forms.RadioSelect)


class ReviewForm(forms.Form):
    summary = forms.CharField(label="Your summary for the patient", required=False, max_length=MAX_TEXT,
                              widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, findings: list[Finding], **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.finding_fields = []
        for i, f in enumerate(findings):
            name = f"finding_{i}"
            self.fields[name] = forms.CharField(label=f.title, required=False, max_length=MAX_TEXT, initial=f.text,
                                                widget=forms.Textarea(attrs={"rows": 4}))
            self.finding_fields.append((name, f))

    def finding_items(self) -> list[tuple[forms.BoundField, Finding]]:
        """Return (bound field, finding) pairs for the template."""
        return [(self[name], f) for name, f in self.finding_fields]

    def finding_texts(self) -> dict[str, str]:
        """Return {finding key: text} for the findings whose wording differs from the automatic text."""
        out = {}
        for name, f in self.finding_fields:
            text = (self.cleaned_data.get(name) or "").strip()
            if text and text.replace("\r\n", "\n") != f.automatic.strip():
                out[f.key] = text.replace("\r\n", "\n")
        return out
