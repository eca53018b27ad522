"""Booking use cases: hold a slot, confirm, cancel, reschedule, mark attendance.

Every rule the slot list applies is checked again inside the write transaction. On PostgreSQL an
exclusion constraint on (practitioner, [start, blocked_until)) is the last guard against double
booking; on SQLite every write transaction starts with BEGIN IMMEDIATE (see settings), so the
check and the insert below cannot interleave with another writer's.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from stridewell.clinic.booking import notifications
from stridewell.clinic.booking.errors import (
    BookingError,
    HoldExpired,
    NotAllowed,
    SlotTaken,
    SlotUnavailable,
)
from stridewell.clinic.booking.models import (
    Appointment,
    Location,
    PackagePurchase,
    Practitioner,
    Service,
)
from stridewell.clinic.booking.selectors import booking_rules, package_credits, service_slots


def new_hold_token() -> str:
    """Return an unguessable token that identifies one hold."""
    return secrets.token_urlsafe(24)


def _check_service(service: Service, location: Location) -> None:
    if not (service.active and service.online):
        raise NotAllowed(f"“{service.name}” cannot be booked online. Please call the clinic.")
    if not location.active:
        raise NotAllowed(f"{location.name} is not taking bookings.")


def _candidates(service: Service, location: Location, practitioner: Practitioner | None,
                start: datetime, now: datetime) -> list[int]:
    """Return the practitioners (ids) for whom `start` is a free slot right now."""
    if start <= now:
        raise SlotUnavailable("That time has already passed. Please choose a time in the future.")
    day = start.astimezone(location.zone).date()
    slots = service_slots(service, location=location, practitioner=practitioner,
                          date_from=day, date_to=day, now=now)
    pids = [s.practitioner_id for s in slots if s.start == start]
    if not pids:
        offered = service_slots(service, location=location, practitioner=practitioner,
                                date_from=day, date_to=day, now=now, ignore_busy=True)
        if not any(s.start == start for s in offered):
            raise SlotUnavailable("That time is not one we offer for this service (outside working "
                                  "hours, too soon, or too far ahead). Please pick one of the listed times.")
        raise SlotTaken()
    return pids


@transaction.atomic
def appointment_hold(*, service: Service, location: Location, practitioner: Practitioner | None,
                     start: datetime, token: str, now: datetime | None = None) -> Appointment:
    """Return a new hold on `start` (for `practitioner`, or the first free one when None).

    Raises SlotTaken when someone else holds or booked the time first, SlotUnavailable when the
    time is not bookable at all.
    """
    now = now or timezone.now()
    _check_service(service, location)
    Appointment.objects.filter(hold_token=token, status=Appointment.Status.HELD).update(
        status=Appointment.Status.EXPIRED)
    Appointment.objects.filter(status=Appointment.Status.HELD, hold_expires_at__lte=now).update(
        status=Appointment.Status.EXPIRED)
    for pid in _candidates(service, location, practitioner, start, now):
        try:
            with transaction.atomic():
                return Appointment.objects.create(
                    practitioner_id=pid, location=location, service=service, start=start,
                    end=start + service.duration, blocked_until=start + service.blocked,
                    status=Appointment.Status.HELD, hold_token=token, price=service.price,
                    hold_expires_at=now + timedelta(minutes=booking_rules()["HOLD_MINUTES"]),
                )
        except IntegrityError:
            continue  # another request took this practitioner's time a moment ago
    raise SlotTaken()


def hold_release(token: str) -> None:
    """Give up the hold `token` at once (the patient backed out or could not book it)."""
    Appointment.objects.filter(hold_token=token, status=Appointment.Status.HELD).update(
        status=Appointment.Status.EXPIRED)


def hold_get(token: str) -> Appointment | None:
    """Return the live or expired hold for `token`, or None."""
    return (Appointment.objects.select_related("service", "location", "practitioner")
            .filter(hold_token=token).order_by("-id").first())


@transaction.atomic
def appointment_confirm(*, token: str, patient, notes: str = "", now: datetime | None = None,  # noqa: ANN001
                        reschedule_of: Appointment | None = None) -> Appointment:
    """Return the booked appointment made from the hold `token` for `patient`."""
    now = now or timezone.now()
    appt = Appointment.objects.select_for_update().select_related("service", "location").filter(
        hold_token=token).order_by("-id").first()
    if appt is None or appt.status != Appointment.Status.HELD:
        raise HoldExpired()
    if appt.hold_expires_at is None or appt.hold_expires_at <= now:
        appt.status = Appointment.Status.EXPIRED
        appt.save(update_fields=["status"])
        raise HoldExpired()
    service = appt.service
    if reschedule_of is not None:
        _move_from(appt, reschedule_of, patient, now)
    else:
        _check_patient_may_book(service, patient, now)
        purchase_id = _take_credit(service, patient, now)
        if purchase_id is not None:
            appt.package_purchase_id = purchase_id
            appt.price = 0
    appt.patient = patient
    appt.status = Appointment.Status.BOOKED
    appt.booked_at = now
    appt.hold_token = ""
    appt.hold_expires_at = None
    appt.notes_for_practitioner = notes[:2000]
    appt.save()
    transaction.on_commit(lambda: notifications.appointment_notify(appt.id, "booked"))
    return appt


def _check_patient_may_book(service: Service, patient, now: datetime) -> None:  # noqa: ANN001
    if service.new_patients_only and Appointment.objects.filter(
            patient=patient, status__in=("booked", "arrived", "completed")).exists():
        raise NotAllowed(f"“{service.name}” is for new patients. Please book a follow-up instead.")


def _take_credit(service: Service, patient, now: datetime) -> int | None:  # noqa: ANN001
    """Return the package purchase whose credit this booking uses, or None (pays the price)."""
    credits = package_credits(patient, service, now)
    if credits:
        purchase_id = credits[0][0]
        PackagePurchase.objects.select_for_update().get(pk=purchase_id)
        if package_credits(patient, service, now):  # re-read under the lock
            return purchase_id
    if service.package_only:
        raise NotAllowed(f"“{service.name}” is part of a package. Buy the package first, then book it.")
    return None


def _move_from(appt: Appointment, old: Appointment, patient, now: datetime) -> None:  # noqa: ANN001
    old = Appointment.objects.select_for_update().get(pk=old.pk)
    if old.patient_id != patient.id or old.status != Appointment.Status.BOOKED:
        raise NotAllowed("Only a booked appointment of yours can be moved.")
    if old.service_id != appt.service_id:
        raise NotAllowed("A reschedule keeps the same service.")
    if not can_reschedule(old, now):
        raise NotAllowed("This appointment is too close to move online. Please call the clinic.")
    old.status = Appointment.Status.CANCELLED
    old.cancelled_at = now
    old.save(update_fields=["status", "cancelled_at"])
    appt.rescheduled_from = old
    appt.package_purchase_id = old.package_purchase_id
    appt.price = old.price
    old_id = old.id
    transaction.on_commit(lambda: notifications.appointment_notify(old_id, "moved"))


def is_late(start: datetime, now: datetime, hours: int | None = None) -> bool:
    """Return True when `now` is inside the cancellation window before `start`."""
    window = booking_rules()["CANCELLATION_WINDOW_HOURS"] if hours is None else hours
    return start - now < timedelta(hours=window)


def can_reschedule(appt: Appointment, now: datetime | None = None) -> bool:
    """Return True when the patient may still move this appointment online."""
    now = now or timezone.now()
    return appt.status == Appointment.Status.BOOKED and not is_late(appt.start, now)


@transaction.atomic
def appointment_cancel(*, appointment: Appointment, by_staff: bool = False,
                       now: datetime | None = None) -> Appointment:
    """Return the cancelled appointment; a patient's cancellation inside the window is recorded as late."""
    now = now or timezone.now()
    appt = Appointment.objects.select_for_update().get(pk=appointment.pk)
    if appt.status != Appointment.Status.BOOKED:
        raise BookingError("Only a booked appointment can be cancelled.")
    if appt.start <= now and not by_staff:
        raise BookingError("This appointment has already started. Please call the clinic.")
    late = not by_staff and is_late(appt.start, now)
    appt.status = Appointment.Status.LATE_CANCELLED if late else Appointment.Status.CANCELLED
    appt.cancelled_at = now
    appt.ics_sequence += 1
    appt.save(update_fields=["status", "cancelled_at", "ics_sequence"])
    transaction.on_commit(lambda: notifications.appointment_notify(appt.id, "cancelled"))
    return appt


ATTENDANCE = {Appointment.Status.ARRIVED, Appointment.Status.COMPLETED, Appointment.Status.NO_SHOW,
              Appointment.Status.BOOKED}


@transaction.atomic
def appointment_mark(*, appointment: Appointment, status: str) -> Appointment:
    """Return the appointment with its attendance recorded (arrived, completed, no-show)."""
    if status not in ATTENDANCE:
        raise BookingError(f"'{status}' is not an attendance status.")
    appt = Appointment.objects.select_for_update().get(pk=appointment.pk)
    if appt.status not in ATTENDANCE:
        raise BookingError("A cancelled or expired appointment cannot be marked.")
    appt.status = status
    appt.save(update_fields=["status"])
    return appt


@transaction.atomic
def package_purchase_create(*, patient, package, now: datetime | None = None) -> PackagePurchase:  # noqa: ANN001
    """Return the new purchase of `package` by `patient` (payment is taken at the clinic)."""
    now = now or timezone.now()
    if not package.active:
        raise NotAllowed(f"“{package.name}” is no longer sold.")
    return PackagePurchase.objects.create(patient=patient, package=package, purchased_at=now,
                                          expires_at=now + timedelta(days=package.valid_days),
                                          price_paid=package.price)
