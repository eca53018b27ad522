"""The booking pages answer bad and tampered input with a clear message and save nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from stridewell.clinic.booking.models import Appointment

pytestmark = pytest.mark.django_db


def test_slot_picker_lists_local_times_and_days(client, clinic):
    resp = client.get(reverse("booking:slots", args=["follow-up", "central", "alice"]) + f"?day={clinic.day}")
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "Europe/London" in html and ">09:00<" in html and ">12:00<" not in html  # lunch break


def test_unknown_service_or_location_is_a_404_not_a_crash(client, clinic):
    assert client.get("/book/no-such-service/").status_code == 404
    assert client.get("/book/follow-up/atlantis/").status_code == 404
    assert client.get("/book/follow-up/central/nobody/").status_code == 404


@pytest.mark.parametrize("tamper", [
    {"service": "no-such-service"},
    {"start": "not-a-date"},
    {"start": "2030-01-01T10:00:00"},  # no time zone
    {"practitioner": "nobody"},
])
def test_tampered_hold_form_is_refused_with_a_message_and_saves_nothing(client, clinic, tamper):
    data = {"service": "follow-up", "location": "central", "practitioner": "alice",
            "start": clinic.at(10).isoformat(), **tamper}
    resp = client.post(reverse("booking:hold"), data, follow=True)
    assert "incomplete or altered" in resp.content.decode()
    assert not Appointment.objects.exists()


def test_time_outside_working_hours_is_refused_with_a_message(client, clinic):
    data = {"service": "follow-up", "location": "central", "practitioner": "alice",
            "start": clinic.at(20).isoformat()}
    resp = client.post(reverse("booking:hold"), data, follow=True)
    assert "not one we offer" in resp.content.decode()
    assert not Appointment.objects.exists()


def test_anonymous_hold_asks_to_sign_in_then_confirms_after_login(client, clinic, make_patient):
    data = {"service": "follow-up", "location": "central", "practitioner": "alice",
            "start": clinic.at(10).isoformat()}
    resp = client.post(reverse("booking:hold"), data, follow=True)
    html = resp.content.decode()
    assert "We are holding this time" in html and "Sign in" in html and "Create an account" in html
    confirm_url = resp.redirect_chain[-1][0]
    patient = make_patient()
    client.force_login(patient.user)
    resp = client.post(confirm_url, {"notes": "Left knee, worse downhill"}, follow=True)
    assert "Booked." in resp.content.decode()
    appt = Appointment.objects.get(status="booked")
    assert appt.patient == patient and appt.notes_for_practitioner.startswith("Left knee")


def test_someone_elses_hold_or_booking_is_not_reachable(client, clinic, make_patient):
    data = {"service": "follow-up", "location": "central", "practitioner": "alice",
            "start": clinic.at(10).isoformat()}
    resp = client.post(reverse("booking:hold"), data, follow=True)
    confirm_url = resp.redirect_chain[-1][0]
    client.post(confirm_url)  # anonymous: nothing happens
    other = make_patient()
    client.logout()
    client.force_login(other.user)  # a new session: the hold token is not in it
    assert client.get(confirm_url).status_code == 404
    owner = make_patient()
    from stridewell.clinic.booking import services

    services.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                              start=clinic.at(14), token="tok")
    appt = services.appointment_confirm(token="tok", patient=owner)
    assert client.get(reverse("booking:detail", args=[appt.id])).status_code == 404
    assert client.post(reverse("booking:cancel", args=[appt.id])).status_code == 404
    appt.refresh_from_db()
    assert appt.status == "booked"


def test_day_view_is_for_staff_only_and_lists_appointments_in_local_time(client, clinic, make_patient):
    from django.contrib.auth import get_user_model

    from stridewell.clinic.booking import services

    patient = make_patient()
    services.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                              start=clinic.at(10), token="tok")
    services.appointment_confirm(token="tok", patient=patient)
    url = reverse("booking:day") + f"?practitioner=alice&date={clinic.day}"
    client.force_login(patient.user)
    assert client.get(url).status_code == 302  # patients are sent to sign in as staff
    staff = get_user_model().objects.create_user("desk@example.org", "x" * 12, role="front_desk")
    client.force_login(staff)
    html = client.get(url).content.decode()
    assert "10:00" in html and patient.name in html
