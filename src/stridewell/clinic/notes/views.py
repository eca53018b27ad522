"""Write, sign and print visit notes (clinicians only)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from stridewell.clinic.audit.services import audit
from stridewell.clinic.notes import services
from stridewell.clinic.notes.forms import AddendumForm, NoteForm
from stridewell.clinic.notes.models import VisitNote
from stridewell.clinic.patients.access import patient_for
from stridewell.report.render import html_to_pdf


def _chart_url(patient) -> str:  # noqa: ANN001
    return reverse("patients:chart", args=[patient.pk]) + "#notes"


@login_required
def note_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Write a new visit note (saved as a draft until signed)."""
    patient = patient_for(request, pk, "patients.change_clinical")
    form = NoteForm(request.POST or None, initial={"visit_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        note = services.note_create(patient=patient, author=request.user, **form.cleaned_data)
        audit(request, "create", "visit note", patient=patient, object_id=note.pk)
        messages.success(request, "Note saved as a draft. Sign it when it is complete.")
        return redirect(_chart_url(patient))
    return render(request, "notes/edit.html", {"form": form, "patient": patient, "note": None})


def _note(request: HttpRequest, pk: int, note_id: int, perm: str) -> tuple[object, VisitNote]:
    patient = patient_for(request, pk, perm)
    return patient, get_object_or_404(VisitNote, pk=note_id, patient=patient)


@login_required
def note_edit(request: HttpRequest, pk: int, note_id: int) -> HttpResponse:
    """Edit a draft note; a signed note only takes addenda."""
    patient, note = _note(request, pk, note_id, "patients.change_clinical")
    if note.signed:
        messages.error(request, "This note is signed and can no longer be edited. Add an addendum instead.")
        return redirect(_chart_url(patient))
    form = NoteForm(request.POST or None, instance=note)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "visit_date"}
        services.note_update(note=note, **data)
        audit(request, "change", "visit note", patient=patient, object_id=note.pk)
        messages.success(request, "Note updated.")
        return redirect(_chart_url(patient))
    return render(request, "notes/edit.html", {"form": form, "patient": patient, "note": note})


@login_required
@require_POST
def note_sign(request: HttpRequest, pk: int, note_id: int) -> HttpResponse:
    """Sign a note: from now on it is read-only."""
    patient, note = _note(request, pk, note_id, "patients.change_clinical")
    try:
        services.note_sign(note=note, user=request.user)
    except services.NoteLocked as exc:
        messages.error(request, str(exc))
    else:
        audit(request, "change", "visit note (signed)", patient=patient, object_id=note.pk)
        messages.success(request, "Note signed.")
    return redirect(_chart_url(patient))


@login_required
@require_POST
def addendum_new(request: HttpRequest, pk: int, note_id: int) -> HttpResponse:
    """Add a dated addendum to a signed note."""
    patient, note = _note(request, pk, note_id, "patients.change_clinical")
    form = AddendumForm(request.POST)
    try:
        if not form.is_valid():
            raise services.NoteLocked("An addendum needs some text (at most 5,000 characters).")
        services.addendum_create(note=note, author=request.user, text=form.cleaned_data["text"])
    except services.NoteLocked as exc:
        messages.error(request, str(exc))
    else:
        audit(request, "change", "visit note (addendum)", patient=patient, object_id=note.pk)
        messages.success(request, "Addendum added.")
    return redirect(_chart_url(patient))


@login_required
def note_pdf(request: HttpRequest, pk: int, note_id: int) -> HttpResponse:
    """The visit summary as a PDF, for the patient or a referrer."""
    patient, note = _note(request, pk, note_id, "patients.view_clinical")
    if not note.signed:
        raise Http404("Only signed notes are printed")
    html = render_to_string("notes/summary_pdf.html", {"note": note, "patient": patient, "request": request})
    audit(request, "export", "visit summary PDF", patient=patient, object_id=note.pk)
    resp = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="visit-{note.visit_date}.pdf"'
    return resp
