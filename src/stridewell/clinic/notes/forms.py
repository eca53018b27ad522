from django import forms

from stridewell.clinic.notes.models import VisitNote


class NoteForm(forms.ModelForm):
    class Meta:
        model = VisitNote
        fields = ["visit_date", "subjective", "objective", "treatment", "assessment", "plan"]
        widgets = {"visit_date": forms.DateInput(attrs={"type": "date"}),
                   **{f: forms.Textarea(attrs={"rows": 4}) for f in
                      ("subjective", "objective", "treatment", "assessment", "plan")}}


class AddendumForm(forms.Form):
    text = forms.CharField(label="Addendum", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
