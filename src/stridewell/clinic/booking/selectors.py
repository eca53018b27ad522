"""Read-side queries for booking: free slots with a fixed number of SQL queries."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from stridewell.clinic.booking import availability as av
from stridewell.clinic.booking.models import (
    Appointment,
    Break,
    ClassSession,
    Location,
    Practitioner,
    Service,
    TimeOff,
    WorkingHours,
)


def booking_rules() -> dict[str, int]:
    """Return the clinic's booking rules (minutes, days, hours) from settings."""
    return dict(settings.BOOKING)


def bookable_window(now: datetime | None = None) -> tuple[datetime, datetime]:
    """Return (earliest, latest) start instants allowed by minimum notice and booking horizon."""
    now = now or timezone.now()
    rules = booking_rules()
    return now + timedelta(minutes=rules["MIN_NOTICE_MINUTES"]), now + timedelta(days=rules["HORIZON_DAYS"])


def practitioners_for(service: Service, location: Location | None = None) -> list[Practitioner]:
    """Return the active practitioners who offer `service` (at `location`, when given)."""
    qs = Practitioner.objects.filter(active=True, services=service)
    if location is not None:
        qs = qs.filter(locations=location)
    return list(qs.distinct().order_by("name"))


def busy_intervals(practitioner_ids: list[int], start: datetime, end: datetime,
                   now: datetime | None = None) -> dict[int, list[av.Interval]]:
    """Return each practitioner's blocked time overlapping [start, end): bookings, live holds,
    time off and classes they teach (three queries)."""
    now = now or timezone.now()
    busy: dict[int, list[av.Interval]] = {pid: [] for pid in practitioner_ids}
    appts = (
        Appointment.objects.filter(practitioner_id__in=practitioner_ids, start__lt=end, blocked_until__gt=start,
                                   status__in=Appointment.BLOCKING)
        .exclude(status=Appointment.Status.HELD, hold_expires_at__lte=now)
        .values_list("practitioner_id", "start", "blocked_until")
    )
    offs = TimeOff.objects.filter(practitioner_id__in=practitioner_ids, start__lt=end, end__gt=start) \
        .values_list("practitioner_id", "start", "end")
    classes = ClassSession.objects.filter(instructor_id__in=practitioner_ids, start__lt=end, end__gt=start,
                                          cancelled=False).values_list("instructor_id", "start", "end")
    for rows in (appts, offs, classes):
        for pid, s, e in rows:
            busy[pid].append(av.Interval(s, e))
    return busy


def service_slots(
    service: Service,
    *,
    location: Location | None = None,
    practitioner: Practitioner | None = None,
    date_from: date,
    date_to: date,
    now: datetime | None = None,
    ignore_busy: bool = False,
) -> list[av.Slot]:
    """Return the free slots for `service` between two local dates (inclusive), sorted by time.

    Filtered by location and practitioner when given ("anyone" otherwise). Six SQL queries whatever
    the number of practitioners, locations or days. With `ignore_busy`, the slots the
    practitioners offer at all (their hours, notice and horizon), taken or not.
    """
    now = now or timezone.now()
    earliest, latest = bookable_window(now)
    pids = [p.id for p in practitioners_for(service, location)]
    if practitioner is not None:
        pids = [pid for pid in pids if pid == practitioner.id]
    if not pids:
        return []
    hours_qs = WorkingHours.objects.filter(practitioner_id__in=pids, location__active=True).select_related("location")
    if location is not None:
        hours_qs = hours_qs.filter(location=location)
    hours_rows = list(hours_qs)
    zones = {h.location_id: h.location.zone for h in hours_rows}
    hours = [av.WeeklyHours(h.practitioner_id, h.location_id, h.weekday, h.start, h.end) for h in hours_rows]
    breaks = [av.WeeklyBreak(b.practitioner_id, b.weekday, b.start, b.end)
              for b in Break.objects.filter(practitioner_id__in=pids)]
    # Local dates can sit up to 14 h either side of UTC: widen the busy window by a day.
    shifts = av.expand_shifts(hours, breaks, zones, date_from, date_to)
    if not shifts:
        return []
    window_start = min(s.start for s in shifts)
    window_end = max(s.end for s in shifts) + service.blocked
    busy = {} if ignore_busy else busy_intervals(
        pids, window_start - timedelta(days=1), window_end + timedelta(days=1), now)
    step = timedelta(minutes=booking_rules()["SLOT_STEP_MINUTES"])
    return av.free_slots(shifts, busy, duration=service.duration, blocked=service.blocked, step=step,
                         earliest=earliest, latest=latest)


def package_credits(patient, service: Service, now: datetime | None = None) -> list[tuple[int, int]]:  # noqa: ANN001
    """Return (purchase id, credits left) for the patient's unexpired packages that cover `service`."""
    from django.db.models import Count

    from stridewell.clinic.booking.models import PackageItem, PackagePurchase

    now = now or timezone.now()
    purchases = PackagePurchase.objects.filter(patient=patient, expires_at__gt=now,
                                               package__items__service=service).annotate(
        used=Count("appointments", filter=Q(appointments__service=service,
                                            appointments__status__in=Appointment.CONSUMING)))
    quantities = dict(PackageItem.objects.filter(service=service, package__in=[p.package_id for p in purchases])
                      .values_list("package_id", "quantity"))
    return [(p.id, quantities.get(p.package_id, 0) - p.used) for p in purchases
            if quantities.get(p.package_id, 0) - p.used > 0]


def is_first_visit(appt: Appointment) -> bool:
    """Return True when the patient has no earlier appointment that was kept or is still booked."""
    if appt.patient_id is None:
        return False
    return not Appointment.objects.filter(
        patient_id=appt.patient_id, start__lt=appt.start, status__in=("booked", "arrived", "completed"),
    ).exclude(pk=appt.pk).exists()


def intake_prompt(appt: Appointment) -> str:
    """Return 'todo' or 'done' for an upcoming first visit (the intake to fill in first), else ''."""
    from stridewell.clinic.assessments.models import ScreeningRecord

    if appt.status != Appointment.Status.BOOKED or appt.start <= timezone.now() or not is_first_visit(appt):
        return ""
    done = ScreeningRecord.objects.filter(patient_id=appt.patient_id, kind=ScreeningRecord.INTAKE).exists()
    return "done" if done else "todo"
