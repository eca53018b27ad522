"""Class places, the waitlist and its promotions."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from django.core import mail

from stridewell.clinic.booking import classes
from stridewell.clinic.booking.errors import BookingError
from stridewell.clinic.booking.models import ClassBooking, ClassSchedule, ClassSession

pytestmark = pytest.mark.django_db


def test_places_fill_to_capacity_then_people_join_the_waitlist_in_order(class_session, make_patient):
    session = class_session(capacity=2)
    got = [classes.class_book(session=session, patient=make_patient()) for _ in range(4)]
    assert [b.status for b in got] == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    assert [classes.waitlist_position(b) for b in got] == [None, None, 1, 2]


def test_a_freed_place_goes_to_the_first_on_the_waitlist_who_is_told_by_email(
        class_session, make_patient, django_capture_on_commit_callbacks):
    session = class_session(capacity=1)
    first = classes.class_book(session=session, patient=make_patient())
    second = classes.class_book(session=session, patient=make_patient("Wendy"))
    third = classes.class_book(session=session, patient=make_patient())
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _, promoted = classes.class_cancel(booking=first)
    assert promoted.id == second.id
    second.refresh_from_db()
    assert second.status == "confirmed" and second.promoted_at is not None
    assert classes.waitlist_position(ClassBooking.objects.get(pk=third.pk)) == 1
    promoted_mail = [m for m in mail.outbox if m.to == [second.patient.user.email]]
    assert promoted_mail and "place opened" in promoted_mail[0].subject


def test_leaving_the_waitlist_promotes_nobody(class_session, make_patient):
    session = class_session(capacity=1)
    classes.class_book(session=session, patient=make_patient())
    waiting = classes.class_book(session=session, patient=make_patient())
    _, promoted = classes.class_cancel(booking=waiting)
    assert promoted is None
    assert session.bookings.filter(status="confirmed").count() == 1


def test_cancelling_close_to_the_start_is_recorded_as_late(class_session, make_patient):
    session = class_session(capacity=3, hours_ahead=2)
    cb = classes.class_book(session=session, patient=make_patient())
    cancelled, _ = classes.class_cancel(booking=cb)
    assert cancelled.status == "late_cancelled"


def test_the_same_person_cannot_take_two_places_in_one_class(class_session, make_patient):
    session = class_session(capacity=5)
    patient = make_patient()
    classes.class_book(session=session, patient=patient)
    with pytest.raises(BookingError, match="already have a place"):
        classes.class_book(session=session, patient=patient)


def test_started_or_cancelled_classes_cannot_be_booked(class_session, make_patient):
    session = class_session(capacity=5)
    session.cancelled = True
    session.save()
    with pytest.raises(BookingError, match="cancelled"):
        classes.class_book(session=session, patient=make_patient())


def test_timetable_generates_each_weekly_class_once_at_local_time_across_a_clock_change(clinic):
    sched = ClassSchedule.objects.create(class_type=clinic.pilates, location=clinic.london, weekday=6,
                                         start_time=time(9), capacity=8, valid_from=date(2026, 3, 1))
    assert classes.class_sessions_generate(date_from=date(2026, 3, 20), date_to=date(2026, 4, 6)) == 3
    assert classes.class_sessions_generate(date_from=date(2026, 3, 20), date_to=date(2026, 4, 6)) == 0
    local = [s.start.astimezone(clinic.london.zone) for s in ClassSession.objects.filter(schedule=sched)]
    assert [(d.day, d.hour) for d in local] == [(22, 9), (29, 9), (5, 9)]  # 29 March is the spring-forward day
    assert [d.utcoffset() for d in local] == [timedelta(0), timedelta(hours=1), timedelta(hours=1)]
