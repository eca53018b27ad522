"""Bookings in a patient's export, and their erasure."""

from __future__ import annotations

from datetime import datetime

from stridewell.clinic.booking.models import Appointment, ClassBooking


def export_bookings(patient):  # noqa: ANN001, ANN201
    """Return the patient's appointments, class bookings and packages as plain rows (no files)."""
    rows = [{"type": "appointment", "service": a.service.name, "practitioner": a.practitioner.name,
             "location": a.location.name, "start": a.start, "end": a.end, "status": a.status,
             "price": a.price, "notes_for_practitioner": a.notes_for_practitioner}
            for a in Appointment.objects.filter(patient=patient).select_related("service", "practitioner", "location")]
    rows += [{"type": "class", "class": cb.session.class_type.name, "start": cb.session.start, "status": cb.status}
             for cb in ClassBooking.objects.filter(patient=patient).select_related("session__class_type")]
    rows += [{"type": "package", "package": p.package.name, "purchased_at": p.purchased_at,
              "expires_at": p.expires_at, "price_paid": p.price_paid, "paid": p.paid}
             for p in patient.packages.select_related("package")]
    return rows, []


def erase_bookings(patient, cutoff: datetime) -> int:  # noqa: ANN001
    """Cancel future bookings and drop notes typed at booking; past bookings stay as billing records."""
    n = Appointment.objects.filter(patient=patient, status="booked").update(status="cancelled")
    Appointment.objects.filter(patient=patient).update(notes_for_practitioner="")
    n += ClassBooking.objects.filter(patient=patient).delete()[0]
    return n
