"""Holding, confirming, cancelling and rescheduling appointments through the booking services."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail

from stridewell.clinic.booking import services
from stridewell.clinic.booking.errors import HoldExpired, NotAllowed, SlotTaken, SlotUnavailable
from stridewell.clinic.booking.models import Appointment, TimeOff
from stridewell.clinic.booking.selectors import package_credits, service_slots

pytestmark = pytest.mark.django_db


def book(clinic, patient, start, service=None, practitioner="alice", now=None):
    token = services.new_hold_token()
    prac = getattr(clinic, practitioner) if practitioner else None
    services.appointment_hold(service=service or clinic.follow_up, location=clinic.london, practitioner=prac,
                              start=start, token=token, now=now)
    try:
        return services.appointment_confirm(token=token, patient=patient, now=now)
    except NotAllowed:
        services.hold_release(token)
        raise


def test_a_confirmed_booking_blocks_its_time_and_buffer_and_emails_an_invite(
        clinic, make_patient, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        appt = book(clinic, make_patient(), clinic.at(10))
    assert appt.status == "booked" and appt.price == 50
    assert appt.blocked_until - appt.start == timedelta(minutes=40)
    starts = {s.start for s in service_slots(clinic.follow_up, practitioner=clinic.alice,
                                             date_from=clinic.day, date_to=clinic.day)}
    assert clinic.at(10) not in starts and clinic.at(9, 30) not in starts  # 09:30 + 40 min hits 10:00
    assert clinic.at(10, 45) in starts
    assert len(mail.outbox) == 1
    msg = mail.outbox[0]
    assert msg.to == [appt.patient.user.email]
    ics = msg.attachments[0][1].decode() if isinstance(msg.attachments[0][1], bytes) else msg.attachments[0][1]
    assert "METHOD:REQUEST" in ics and "TZID=Europe/London" in ics and "Follow-up" in ics


def test_second_hold_on_the_same_time_is_told_it_was_just_taken(clinic):
    services.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                              start=clinic.at(10), token="first")
    with pytest.raises(SlotTaken, match="just taken"):
        services.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                                  start=clinic.at(10, 15), token="second")


def test_first_available_falls_through_to_the_next_free_practitioner(clinic, make_patient):
    # Bob works Wednesdays in New York; on a Thursday he is in London 09:00-12:00 like Alice.
    day = clinic.day + timedelta(days=1)
    start = clinic.at(10, day=day)
    first = book(clinic, make_patient(), start, practitioner=None)
    second = book(clinic, make_patient(), start, practitioner=None)
    assert {first.practitioner_id, second.practitioner_id} == {clinic.alice.id, clinic.bob.id}
    with pytest.raises(SlotTaken):
        book(clinic, make_patient(), start, practitioner=None)


def test_an_expired_hold_frees_the_time_and_cannot_be_confirmed(clinic, make_patient):
    from django.utils import timezone

    now = timezone.now()
    services.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                              start=clinic.at(10), token="slow", now=now)
    later = now + timedelta(minutes=6)
    services.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                              start=clinic.at(10), token="fast", now=later)
    with pytest.raises(HoldExpired, match="choose the time again"):
        services.appointment_confirm(token="slow", patient=make_patient(), now=later)
    assert services.appointment_confirm(token="fast", patient=make_patient(), now=later).status == "booked"


def test_past_times_and_times_outside_working_hours_are_refused_with_a_reason(clinic):
    from django.utils import timezone

    with pytest.raises(SlotUnavailable, match="already passed"):
        services.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                                  start=timezone.now() - timedelta(hours=1), token="t1")
    with pytest.raises(SlotUnavailable, match="outside working hours"):
        services.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                                  start=clinic.at(19), token="t2")
    with pytest.raises(SlotUnavailable):  # inside the lunch break
        services.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                                  start=clinic.at(12, 15), token="t3")
    with pytest.raises(SlotUnavailable):  # off the 15-minute grid (a tampered form)
        services.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                                  start=clinic.at(10, 7), token="t4")
    assert not Appointment.objects.exists()


def test_minimum_notice_and_booking_horizon_apply_when_holding(clinic, settings):
    from django.utils import timezone

    settings.BOOKING = {**settings.BOOKING, "MIN_NOTICE_MINUTES": 60 * 24 * 30}
    with pytest.raises(SlotUnavailable):
        services.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                                  start=clinic.at(10), token="t")
    settings.BOOKING = {**settings.BOOKING, "MIN_NOTICE_MINUTES": 0, "HORIZON_DAYS": 1}
    with pytest.raises(SlotUnavailable):
        services.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                                  start=clinic.at(10), token="t")
    assert clinic.at(10) > timezone.now() + timedelta(days=1)


def test_time_off_removes_availability(clinic):
    TimeOff.objects.create(practitioner=clinic.alice, start=clinic.at(0), end=clinic.at(23))
    with pytest.raises(SlotTaken):
        services.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                                  start=clinic.at(10), token="t")


def test_new_patient_service_is_refused_to_a_returning_patient(clinic, make_patient):
    patient = make_patient()
    book(clinic, patient, clinic.at(9))
    with pytest.raises(NotAllowed, match="new patients"):
        book(clinic, patient, clinic.at(14), service=clinic.initial)


def test_package_credits_are_drawn_down_restored_on_time_and_forfeited_when_late(clinic, make_patient):
    from django.utils import timezone

    patient = make_patient()
    with pytest.raises(NotAllowed, match="part of a package"):
        book(clinic, patient, clinic.at(9), service=clinic.recovery)
    services.package_purchase_create(patient=patient, package=clinic.package)
    consult = book(clinic, patient, clinic.at(9), service=clinic.recovery)
    assert consult.price == 0 and consult.package_purchase is not None
    f1 = book(clinic, patient, clinic.at(13))
    f2 = book(clinic, patient, clinic.at(14))
    assert package_credits(patient, clinic.follow_up) == []
    assert book(clinic, patient, clinic.at(15)).price == 50  # no credit left: pays
    services.appointment_cancel(appointment=f1)  # days ahead: in policy, credit comes back
    assert package_credits(patient, clinic.follow_up)[0][1] == 1
    late = clinic.at(14) - timedelta(hours=2)
    assert services.appointment_cancel(appointment=f2, now=late).status == "late_cancelled"
    assert package_credits(patient, clinic.follow_up)[0][1] == 1  # the late one stays used
    assert timezone.now() < late


def test_cancelling_inside_the_window_is_recorded_as_late_and_sends_a_cancel_invite(
        clinic, make_patient, django_capture_on_commit_callbacks):
    appt = book(clinic, make_patient(), clinic.at(10))
    with django_capture_on_commit_callbacks(execute=True):
        done = services.appointment_cancel(appointment=appt, now=clinic.at(10) - timedelta(hours=3))
    assert done.status == "late_cancelled"
    ics = mail.outbox[0].attachments[0][1]
    ics = ics.decode() if isinstance(ics, bytes) else ics
    assert "METHOD:CANCEL" in ics and "SEQUENCE:1" in ics
    # The time is free again for someone else.
    assert book(clinic, make_patient(), clinic.at(10)).status == "booked"


def test_reschedule_moves_the_booking_and_frees_the_old_time(clinic, make_patient):
    patient = make_patient()
    old = book(clinic, patient, clinic.at(10))
    token = services.new_hold_token()
    services.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                              start=clinic.at(15), token=token)
    new = services.appointment_confirm(token=token, patient=patient, reschedule_of=old)
    old.refresh_from_db()
    assert old.status == "cancelled" and new.rescheduled_from == old and new.status == "booked"
    assert book(clinic, make_patient(), clinic.at(10)).status == "booked"


def test_reschedule_inside_the_window_is_refused(clinic, make_patient):
    patient = make_patient()
    old = book(clinic, patient, clinic.at(10))
    now = clinic.at(10) - timedelta(hours=5)
    token = services.new_hold_token()
    services.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                              start=clinic.at(15), token=token, now=now)
    with pytest.raises(NotAllowed, match="too close"):
        services.appointment_confirm(token=token, patient=patient, reschedule_of=old, now=now)
    old.refresh_from_db()
    assert old.status == "booked"  # nothing changed half-way


def test_no_show_is_recorded_and_keeps_the_time_blocked(clinic, make_patient):
    appt = book(clinic, make_patient(), clinic.at(10))
    assert services.appointment_mark(appointment=appt, status="no_show").status == "no_show"
    with pytest.raises(Exception, match="not an attendance status"):
        services.appointment_mark(appointment=appt, status="deleted")


def test_reminders_go_out_once_for_appointments_in_the_next_day(clinic, make_patient,
                                                                  django_capture_on_commit_callbacks):
    from stridewell.clinic.booking.reminders import reminders_send

    appt = book(clinic, make_patient(), clinic.at(10))
    book(clinic, make_patient(), clinic.at(15))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(now=clinic.at(10) - timedelta(hours=20)) == 1  # 15:00 is 25 h away
        assert reminders_send(now=clinic.at(10) - timedelta(hours=19, minutes=30)) == 0  # never twice
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [appt.patient.user.email]
    assert "Reminder" in mail.outbox[0].subject
