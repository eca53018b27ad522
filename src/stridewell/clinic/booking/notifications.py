"""E-mails to patients about their bookings, sent by the background worker."""

from __future__ import annotations

from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from stridewell.clinic.booking.ics import calendar_for

SUBJECTS = {
    "booked": "Your appointment is booked",
    "moved": "Your appointment has been moved",
    "cancelled": "Your appointment is cancelled",
    "reminder": "Reminder: your appointment is coming up",
}


def appointment_notify(appointment_id: int, kind: str) -> None:
    """Queue the e-mail about an appointment (called after the transaction commits)."""
    send_appointment_email.enqueue(appointment_id, kind)


def class_notify(class_booking_id: int, kind: str) -> None:
    """Queue the e-mail about a class booking (called after the transaction commits)."""
    send_class_email.enqueue(class_booking_id, kind)


def appointment_ics(appt) -> bytes:  # noqa: ANN001
    """Return the .ics for an appointment, a CANCEL when it is no longer booked."""
    cancelled = appt.status not in ("booked", "arrived", "completed")
    return calendar_for(
        uid=f"appointment-{appt.id}@stridewell", summary=f"{appt.service.name} with {appt.practitioner.name}",
        start=appt.start, end=appt.end, location=f"{appt.location.name}, {appt.location.address}".strip(", "),
        description=f"{settings.CLINIC_NAME}. To change or cancel, sign in to your account.",
        organizer_email=parseaddr(settings.DEFAULT_FROM_EMAIL)[1], sequence=appt.ics_sequence,
        cancelled=cancelled, tz_name=appt.location.time_zone, stamp=timezone.now())


def _intake_url(appt) -> str:  # noqa: ANN001
    """Return the full link to the knee questions for a first visit whose intake is not done, else ''."""
    from stridewell.clinic.booking.selectors import intake_prompt

    if intake_prompt(appt) != "todo":
        return ""
    return settings.SITE_URL.rstrip("/") + reverse("assessments:intake")


@task()
def send_appointment_email(appointment_id: int, kind: str) -> str:
    """Send the patient the e-mail (with .ics) for one appointment event; returns the address."""
    from stridewell.clinic.booking.models import Appointment

    appt = Appointment.objects.select_related("patient__user", "service", "practitioner", "location").get(
        pk=appointment_id)
    to = appt.patient.user.email
    context = {"appt": appt, "kind": kind, "clinic_name": settings.CLINIC_NAME,
               "local_start": appt.local_start, "local_end": appt.local_end,
               "intake_url": _intake_url(appt) if kind in ("booked", "reminder") else ""}
    body = render_to_string("booking/email/appointment.txt", context)
    msg = EmailMessage(SUBJECTS[kind], body, to=[to])
    msg.attach("appointment.ics", appointment_ics(appt), "text/calendar")
    msg.send()
    return to


@task()
def send_class_email(class_booking_id: int, kind: str) -> str:
    """Send the patient the e-mail about a class place (booked, waitlisted, promoted, cancelled)."""
    from stridewell.clinic.booking.models import ClassBooking

    cb = ClassBooking.objects.select_related("patient__user", "session__class_type", "session__location").get(
        pk=class_booking_id)
    context = {"cb": cb, "kind": kind, "clinic_name": settings.CLINIC_NAME,
               "local_start": cb.session.local_start}
    body = render_to_string("booking/email/class.txt", context)
    subjects = {"confirmed": "Your class place is booked", "waitlisted": "You are on the class waitlist",
                "promoted": "A place opened up: you are in the class", "cancelled": "Your class place is cancelled"}
    EmailMessage(subjects[kind], body, to=[cb.patient.user.email]).send()
    return cb.patient.user.email
