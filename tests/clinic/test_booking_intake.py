"""A first appointment leads the patient to the knee questions: on the confirmation page and in the e-mail."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from stridewell.clinic.assessments.models import ScreeningRecord
from stridewell.clinic.booking import services

pytestmark = pytest.mark.django_db
INTAKE = reverse("assessments:intake")


def _book(clinic, patient, token: str, day_offset: int = 0, capture=None):  # noqa: ANN001, ANN202
    services.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                              start=clinic.at(10, day=clinic.day + timedelta(days=day_offset)), token=token)
    if capture is None:
        return services.appointment_confirm(token=token, patient=patient)
    with capture(execute=True):
        return services.appointment_confirm(token=token, patient=patient)


def test_the_confirmation_of_a_first_visit_asks_for_the_intake(client, clinic, make_patient):
    patient = make_patient()
    appt = _book(clinic, patient, "first")
    client.force_login(patient.user)
    html = client.get(reverse("booking:detail", args=[appt.id]) + "?new=1").content.decode()
    assert "Before your first visit" in html and f'href="{INTAKE}"' in html


def test_a_follow_up_visit_does_not_ask_again(client, clinic, make_patient):
    patient = make_patient()
    _book(clinic, patient, "first")
    second = _book(clinic, patient, "second", day_offset=7)
    client.force_login(patient.user)
    html = client.get(reverse("booking:detail", args=[second.id])).content.decode()
    assert "Before your first visit" not in html and INTAKE not in html


def test_an_intake_already_sent_is_thanked_not_asked_for(client, clinic, make_patient):
    patient = make_patient()
    ScreeningRecord.objects.create(patient=patient, kind=ScreeningRecord.INTAKE, answers={}, schema_version="t",
                                   taken_on=clinic.day - timedelta(days=10), entered_by=patient.user)
    appt = _book(clinic, patient, "first")
    client.force_login(patient.user)
    html = client.get(reverse("booking:detail", args=[appt.id])).content.decode()
    assert "Before your first visit" not in html and "Thank you for answering" in html


def test_the_booking_email_of_a_first_visit_links_the_intake(clinic, make_patient, mailoutbox, settings,
                                                             django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://clinic.example"
    patient = make_patient()
    _book(clinic, patient, "first", capture=django_capture_on_commit_callbacks)
    body = mailoutbox[-1].body
    assert f"https://clinic.example{INTAKE}" in body and "Before your first visit" in body
    _book(clinic, patient, "second", day_offset=7, capture=django_capture_on_commit_callbacks)
    assert INTAKE not in mailoutbox[-1].body
