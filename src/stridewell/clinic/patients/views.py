"""Clinician pages: patient search and the chart."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from stridewell.clinic.audit.services import audit
from stridewell.clinic.patients.access import patient_for
from stridewell.clinic.patients.chart import chart_sections
from stridewell.clinic.patients.models import Patient


@login_required
def patient_search(request: HttpRequest) -> HttpResponse:
    """Find a patient by name, e-mail or phone (staff only); practitioners see the patients they treat."""
    if not request.user.has_perm("patients.list"):
        raise PermissionDenied
    q = request.GET.get("q", "").strip()
    qs = Patient.objects.select_related("user")
    if request.user.role == "practitioner" and not request.user.is_superuser:
        qs = qs.filter(appointments__practitioner__user=request.user).exclude(
            appointments__status__in=("held", "expired"))
    if q:
        for word in q.split()[:4]:
            qs = qs.filter(Q(user__first_name__icontains=word) | Q(user__last_name__icontains=word)
                           | Q(user__email__icontains=word) | Q(phone__icontains=word))
    patients = list(qs.distinct().order_by("user__last_name", "user__first_name")[:50])
    return render(request, "patients/search.html", {"q": q, "patients": patients})


@login_required
def chart(request: HttpRequest, pk: int) -> HttpResponse:
    """The chart: every part of the patient's care on one page, sections by feature."""
    patient = patient_for(request, pk, "patients.view_bookings")
    clinical = request.user.has_perm("patients.view_clinical", patient)
    audit(request, "view", "chart", patient=patient, object_id=patient.pk)
    return render(request, "patients/chart.html", {
        "patient": patient, "sections": chart_sections(request, patient, clinical=clinical), "clinical": clinical,
        "can_audit": request.user.has_perm("audit.view_all")})
