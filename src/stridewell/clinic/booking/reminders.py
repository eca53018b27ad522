"""Appointment reminders, sent once per appointment a day or so ahead."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from stridewell.clinic.booking import notifications
from stridewell.clinic.booking.models import Appointment


def reminders_send(*, now: datetime | None = None, ahead: timedelta = timedelta(hours=24)) -> int:
    """Queue a reminder for each booked appointment starting within `ahead`; returns how many.

    Each appointment is claimed by setting `reminder_sent_at` in the same statement that selects
    it, so two runs at once never remind twice.
    """
    now = now or timezone.now()
    due = Appointment.objects.filter(status="booked", reminder_sent_at__isnull=True, start__gt=now,
                                     start__lte=now + ahead)
    sent = 0
    for appt_id in list(due.values_list("id", flat=True)):
        with transaction.atomic():
            claimed = Appointment.objects.filter(pk=appt_id, reminder_sent_at__isnull=True).update(reminder_sent_at=now)
            if claimed:
                transaction.on_commit(lambda i=appt_id: notifications.appointment_notify(i, "reminder"))
                sent += 1
    return sent
