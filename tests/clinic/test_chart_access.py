"""Who may open a patient's chart, and that each opening is recorded."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from stridewell.clinic.audit.models import AuditEvent
from stridewell.clinic.booking import services
from stridewell.clinic.patients.chart import Section, register_chart_section

pytestmark = pytest.mark.django_db

register_chart_section(Section("test-clinical", "Clinical notes (test)", 1,
                               lambda request, patient: "<p>SECRET-CLINICAL</p>"))


@pytest.fixture
def people(clinic, make_patient):
    User = get_user_model()
    alice_user = User.objects.create_user("alice@clinic.example", "x" * 12, role="practitioner")
    clinic.alice.user = alice_user
    clinic.alice.save()
    bob_user = User.objects.create_user("bob@clinic.example", "x" * 12, role="practitioner")
    clinic.bob.user = bob_user
    clinic.bob.save()
    patient, other = make_patient("Pia"), make_patient("Oscar")
    services.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                              start=clinic.at(10), token="t")
    services.appointment_confirm(token="t", patient=patient)
    desk = User.objects.create_user("desk@clinic.example", "x" * 12, role="front_desk")
    admin = User.objects.create_user("admin@clinic.example", "x" * 12, role="clinic_admin")
    return {"alice": alice_user, "bob": bob_user, "patient": patient, "other": other, "desk": desk, "admin": admin}


def test_the_treating_practitioner_sees_the_chart_and_the_view_is_audited(client, people):
    client.force_login(people["alice"])
    resp = client.get(f"/staff/patients/{people['patient'].id}/")
    assert resp.status_code == 200 and "SECRET-CLINICAL" in resp.content.decode()
    event = AuditEvent.objects.get()
    assert (event.user_label, event.action, event.what, event.patient) == (
        "alice@clinic.example", "view", "chart", people["patient"])


@pytest.mark.parametrize("who", ["bob", "other_patient"])
def test_a_practitioner_who_does_not_treat_them_and_another_patient_get_404(client, people, who):
    user = people["other"].user if who == "other_patient" else people[who]
    client.force_login(user)
    assert client.get(f"/staff/patients/{people['patient'].id}/").status_code == 404
    assert not AuditEvent.objects.exists()


def test_front_desk_sees_bookings_but_not_clinical_sections(client, people):
    client.force_login(people["desk"])
    html = client.get(f"/staff/patients/{people['patient'].id}/").content.decode()
    assert "Bookings and packages" in html and "SECRET-CLINICAL" not in html


def test_patient_search_lists_only_a_practitioners_own_patients(client, people):
    client.force_login(people["alice"])
    html = client.get("/staff/patients/?q=Test").content.decode()
    assert people["patient"].name in html and people["other"].name not in html
    client.force_login(people["admin"])
    html = client.get("/staff/patients/?q=Test").content.decode()
    assert people["patient"].name in html and people["other"].name in html
    client.force_login(people["other"].user)
    assert client.get("/staff/patients/").status_code == 403
