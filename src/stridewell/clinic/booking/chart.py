"""The booking section of the patient chart."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from stridewell.clinic.booking.models import Appointment, ClassBooking
from stridewell.clinic.booking.selectors import package_credits


def render_bookings(request: HttpRequest, patient) -> str:  # noqa: ANN001
    """Return the HTML of the patient's appointments, classes and package credits."""
    appts = list(Appointment.objects.filter(patient=patient).exclude(status__in=("held", "expired"))
                 .select_related("service", "practitioner", "location").order_by("-start")[:50])
    classes = list(ClassBooking.objects.filter(patient=patient).select_related(
        "session__class_type", "session__location").order_by("-session__start")[:20])
    packages = []
    for purchase in patient.packages.select_related("package").prefetch_related("package__items__service"):
        left = {}
        for item in purchase.package.items.all():
            credits = dict(package_credits(patient, item.service))
            left[item.service.name] = (credits.get(purchase.id, 0), item.quantity)
        packages.append((purchase, left))
    counts = {"late": sum(a.status == "late_cancelled" for a in appts), "no_show": sum(a.status == "no_show" for a in appts)}
    return render_to_string("booking/chart_section.html", {
        "appts": appts, "classes": classes, "packages": packages, "now": timezone.now(), "counts": counts},
        request=request)
