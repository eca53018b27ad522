"""Visit notes: drafts, signing, addenda instead of edits, and the printable visit summary."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from stridewell.clinic.booking import services as booking
from stridewell.clinic.notes.models import VisitNote

pytestmark = pytest.mark.django_db


@pytest.fixture
def treated(clinic, make_patient):
    doc = get_user_model().objects.create_user("alice@clinic.example", "x" * 12, role="practitioner")
    clinic.alice.user = doc
    clinic.alice.save()
    patient = make_patient("Nora")
    booking.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                             start=clinic.at(10), token="t")
    booking.appointment_confirm(token="t", patient=patient)
    return doc, patient


def test_a_note_is_written_signed_then_only_takes_addenda(client, treated):
    doc, patient = treated
    client.force_login(doc)
    base = f"/staff/patients/{patient.pk}/notes"
    client.post(f"{base}/new/", {"visit_date": "2026-12-02", "subjective": "Pain on stairs 4/10",
                                 "objective": "Step-down reproduces pain", "treatment": "Taping, education",
                                 "assessment": "Likely patellofemoral pain", "plan": "Hip strengthening"})
    note = VisitNote.objects.get()
    assert not note.signed and note.author == doc
    client.post(f"{base}/{note.pk}/edit/", {"visit_date": "2026-12-02", "subjective": "Pain on stairs 5/10",
                                            "objective": "", "treatment": "", "assessment": "", "plan": ""})
    note.refresh_from_db()
    assert note.subjective == "Pain on stairs 5/10"
    client.post(f"{base}/{note.pk}/sign/")
    note.refresh_from_db()
    assert note.signed
    resp = client.post(f"{base}/{note.pk}/edit/", {"visit_date": "2026-12-02", "subjective": "changed"},
                       follow=True)
    assert "can no longer be edited" in resp.content.decode()
    note.refresh_from_db()
    assert note.subjective == "Pain on stairs 5/10"
    client.post(f"{base}/{note.pk}/addendum/", {"text": "Phoned: pain settled next morning."})
    assert note.addenda.get().text.startswith("Phoned")
    html = client.get(f"/staff/patients/{patient.pk}/").content.decode()
    assert "Pain on stairs 5/10" in html and "Phoned" in html


def test_the_visit_summary_pdf_is_a_real_pdf_of_a_signed_note(client, treated):
    doc, patient = treated
    client.force_login(doc)
    note = VisitNote.objects.create(patient=patient, author=doc, visit_date="2026-12-02", subjective="x")
    assert client.get(f"/staff/patients/{patient.pk}/notes/{note.pk}/summary.pdf").status_code == 404
    client.post(f"/staff/patients/{patient.pk}/notes/{note.pk}/sign/")
    resp = client.get(f"/staff/patients/{patient.pk}/notes/{note.pk}/summary.pdf")
    assert resp.status_code == 200 and resp.content.startswith(b"%PDF")


def test_an_empty_note_cannot_be_signed(client, treated):
    doc, patient = treated
    client.force_login(doc)
    note = VisitNote.objects.create(patient=patient, author=doc, visit_date="2026-12-02")
    resp = client.post(f"/staff/patients/{patient.pk}/notes/{note.pk}/sign/", follow=True)
    assert "empty note cannot be signed" in resp.content.decode()


def test_another_practitioner_cannot_write_or_read_notes(client, treated, clinic):
    doc, patient = treated
    note = VisitNote.objects.create(patient=patient, author=doc, visit_date="2026-12-02", subjective="x")
    other = get_user_model().objects.create_user("bob@clinic.example", "x" * 12, role="practitioner")
    client.force_login(other)
    assert client.get(f"/staff/patients/{patient.pk}/notes/new/").status_code == 404
    assert client.post(f"/staff/patients/{patient.pk}/notes/{note.pk}/sign/").status_code == 404
    assert client.get(f"/staff/patients/{patient.pk}/notes/{note.pk}/summary.pdf").status_code == 404
