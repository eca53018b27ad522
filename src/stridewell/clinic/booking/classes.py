"""Group classes: generate occurrences from the timetable, book a place or join the waitlist,
cancel and promote the next person on the waitlist.

Capacity is guarded by locking the class session row (SELECT ... FOR UPDATE on PostgreSQL; the
immediate write transaction on SQLite) before counting places.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from stridewell.clinic.booking import notifications
from stridewell.clinic.booking.availability import local_instant
from stridewell.clinic.booking.errors import BookingError
from stridewell.clinic.booking.models import ClassBooking, ClassSchedule, ClassSession
from stridewell.clinic.booking.selectors import booking_rules


def class_sessions_generate(*, date_from: date, date_to: date) -> int:
    """Create the class occurrences of every timetable entry between two dates; returns how many
    were new (existing ones are kept, so it is safe to run every day)."""
    new = []
    for sched in ClassSchedule.objects.select_related("location"):
        day = max(date_from, sched.valid_from)
        last = min(date_to, sched.valid_until or date_to)
        while day <= last:
            if day.weekday() == sched.weekday:
                start = local_instant(day, sched.start_time, sched.location.zone)
                new.append(ClassSession(
                    schedule=sched, class_type_id=sched.class_type_id, location_id=sched.location_id,
                    instructor_id=sched.instructor_id, start=start,
                    end=start + timedelta(minutes=sched.duration_minutes),
                    capacity=sched.capacity, room=sched.room))
            day += timedelta(days=1)
    before = ClassSession.objects.count()
    ClassSession.objects.bulk_create(new, ignore_conflicts=True)
    return ClassSession.objects.count() - before


def sessions_with_counts(*, start: datetime, end: datetime, location=None):  # noqa: ANN001, ANN201
    """Return the class sessions in [start, end) annotated with `taken` and `waiting` counts."""
    qs = ClassSession.objects.filter(start__gte=start, start__lt=end, cancelled=False).select_related(
        "class_type", "location", "instructor").annotate(
        taken=Count("bookings", filter=Q(bookings__status__in=ClassBooking.OCCUPYING)),
        waiting=Count("bookings", filter=Q(bookings__status=ClassBooking.Status.WAITLISTED)))
    if location is not None:
        qs = qs.filter(location=location)
    return qs.order_by("start")


@transaction.atomic
def class_book(*, session: ClassSession, patient, now: datetime | None = None) -> ClassBooking:  # noqa: ANN001
    """Return the patient's class booking: confirmed while places remain, else on the waitlist."""
    now = now or timezone.now()
    session = ClassSession.objects.select_for_update().get(pk=session.pk)
    if session.cancelled:
        raise BookingError("This class has been cancelled. Please choose another.")
    if session.start <= now:
        raise BookingError("This class has already started. Please choose a later one.")
    if session.bookings.filter(patient=patient, status__in=("confirmed", "waitlisted")).exists():
        raise BookingError("You already have a place (or a waitlist spot) in this class.")
    taken = session.bookings.filter(status__in=ClassBooking.OCCUPYING).count()
    status = ClassBooking.Status.CONFIRMED if taken < session.capacity else ClassBooking.Status.WAITLISTED
    cb = ClassBooking.objects.create(session=session, patient=patient, status=status, created_at=now)
    transaction.on_commit(lambda: notifications.class_notify(cb.id, status))
    return cb


def waitlist_position(cb: ClassBooking) -> int | None:
    """Return the 1-based waitlist position of a waitlisted booking, or None."""
    if cb.status != ClassBooking.Status.WAITLISTED:
        return None
    return ClassBooking.objects.filter(session_id=cb.session_id, status=ClassBooking.Status.WAITLISTED).filter(
        Q(created_at__lt=cb.created_at) | Q(created_at=cb.created_at, id__lt=cb.id)).count() + 1


@transaction.atomic
def class_cancel(*, booking: ClassBooking, by_staff: bool = False,
                 now: datetime | None = None) -> tuple[ClassBooking, ClassBooking | None]:
    """Cancel a class place or waitlist spot; returns it and the booking promoted into the freed place."""
    now = now or timezone.now()
    session = ClassSession.objects.select_for_update().get(pk=booking.session_id)
    cb = ClassBooking.objects.get(pk=booking.pk)
    if cb.status not in (ClassBooking.Status.CONFIRMED, ClassBooking.Status.WAITLISTED):
        raise BookingError("This class booking is not active.")
    if session.start <= now and not by_staff:
        raise BookingError("This class has already started.")
    was_confirmed = cb.status == ClassBooking.Status.CONFIRMED
    window = timedelta(hours=booking_rules()["CLASS_CANCELLATION_WINDOW_HOURS"])
    late = was_confirmed and not by_staff and session.start - now < window
    cb.status = ClassBooking.Status.LATE_CANCELLED if late else ClassBooking.Status.CANCELLED
    cb.cancelled_at = now
    cb.save(update_fields=["status", "cancelled_at"])
    promoted = _promote_next(session, now) if was_confirmed and session.start > now else None
    transaction.on_commit(lambda: notifications.class_notify(cb.id, "cancelled"))
    return cb, promoted


def _promote_next(session: ClassSession, now: datetime) -> ClassBooking | None:
    taken = session.bookings.filter(status__in=ClassBooking.OCCUPYING).count()
    if taken >= session.capacity:
        return None
    nxt = session.bookings.filter(status=ClassBooking.Status.WAITLISTED).order_by("created_at", "id").first()
    if nxt is None:
        return None
    nxt.status = ClassBooking.Status.CONFIRMED
    nxt.promoted_at = now
    nxt.save(update_fields=["status", "promoted_at"])
    transaction.on_commit(lambda: notifications.class_notify(nxt.id, "promoted"))
    return nxt
