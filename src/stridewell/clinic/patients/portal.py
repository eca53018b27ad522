"""The patient's own data: download everything, see who looked at it, ask for erasure."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone

from stridewell.clinic.audit.models import AuditEvent
from stridewell.clinic.audit.services import audit
from stridewell.clinic.patients.access import own_patient
from stridewell.clinic.patients.models import ErasureRequest
from stridewell.clinic.patients.records import patient_export_zip


@login_required
def my_export(request: HttpRequest) -> HttpResponse:
    """Download the patient's whole record as a zip (record.json and their files)."""
    patient = own_patient(request)
    data = patient_export_zip(patient)
    audit(request, "export", "whole record", patient=patient, object_id=patient.pk)
    resp = HttpResponse(data, content_type="application/zip")
    resp["Content-Disposition"] = f'attachment; filename="stridewell-record-{timezone.localdate()}.zip"'
    return resp


@login_required
def my_access_log(request: HttpRequest) -> HttpResponse:
    """Who viewed or changed the patient's record, newest first."""
    patient = own_patient(request)
    events = AuditEvent.objects.filter(patient=patient)[:200]
    return render(request, "patients/access_log.html", {"events": events})


@login_required
def my_erasure(request: HttpRequest) -> HttpResponse:
    """Ask the clinic to erase the record (clinical notes are kept for the legal retention period)."""
    patient = own_patient(request)
    pending = patient.erasure_requests.filter(done_at__isnull=True).first()
    if request.method == "POST" and pending is None:
        ErasureRequest.objects.create(patient=patient, reason=request.POST.get("reason", "")[:2000])
        messages.success(request, "Your request is with the clinic. We will confirm by e-mail when it is done.")
        return redirect("booking:my")
    return render(request, "patients/erasure.html", {"pending": pending})


def render_my_data(request: HttpRequest, patient) -> str:  # noqa: ANN001
    """Return the portal section with the patient's uploads and their data rights."""
    jobs = patient.jobs.all()[:10]
    return render_to_string("patients/my_data_section.html", {"jobs": jobs}, request=request)
