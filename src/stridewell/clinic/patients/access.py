"""Fetch a patient for a request only when the signed-in user may see them; else 404."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from stridewell.clinic.patients.models import Patient


def patient_for(request: HttpRequest, patient_id: int, perm: str = "patients.view_clinical") -> Patient:
    """Return the patient if `request.user` has `perm` on them; raise Http404 otherwise (no hint it exists)."""
    patient = Patient.objects.select_related("user").filter(pk=patient_id).first()
    if patient is None or not request.user.has_perm(perm, patient):
        raise Http404("No such patient")
    return patient


def own_patient(request: HttpRequest) -> Patient:
    """Return the signed-in user's own patient record, creating it on first use."""
    from stridewell.clinic.patients.services import patient_create_for_user

    return patient_create_for_user(user=request.user)
