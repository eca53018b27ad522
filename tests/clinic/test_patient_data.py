"""A patient downloads their whole record, sees who looked at it, and can have it erased."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from stridewell.clinic.audit.models import AuditEvent
from stridewell.clinic.booking import services as booking
from stridewell.clinic.jobs.models import Job
from stridewell.clinic.notes.models import VisitNote
from stridewell.clinic.patients.records import patient_erase

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(clinic, make_patient, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    patient = make_patient("Rita")
    doc = get_user_model().objects.create_user("alice@clinic.example", "x" * 12, role="practitioner")
    booking.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                             start=clinic.at(10), token="t")
    booking.appointment_confirm(token="t", patient=patient, notes="left knee")
    VisitNote.objects.create(patient=patient, author=doc, visit_date="2026-12-02", subjective="Stairs hurt")
    upload = tmp_path / "abc123.gpx"
    upload.write_text("<gpx/>")
    Job.objects.create(kind="training_import", owner=patient.user, patient=patient, input_name="export.gpx",
                       input_path=str(upload))
    AuditEvent.objects.create(user=doc, user_label=doc.email, patient=patient, action="view", what="chart")
    return patient, doc


def test_the_export_holds_every_part_of_the_record_and_the_uploaded_files(client, record):
    patient, _ = record
    client.force_login(patient.user)
    resp = client.get("/my/data/export/")
    zf = zipfile.ZipFile(io.BytesIO(resp.content))
    data = json.loads(zf.read("record.json"))
    assert data["person"]["email"] == patient.user.email
    assert data["bookings"][0]["notes_for_practitioner"] == "left knee"
    assert data["visit_notes"][0]["subjective"] == "Stairs hurt"
    assert data["uploads"][0]["file"] == "export.gpx"
    assert any(r["who"] == "alice@clinic.example" for r in data["access_log"])
    assert zf.read("files/uploads/abc123.gpx") == b"<gpx/>"
    assert AuditEvent.objects.filter(patient=patient, action="export").exists()


def test_the_patient_sees_who_opened_their_record(client, record):
    patient, _ = record
    client.force_login(patient.user)
    html = client.get("/my/data/access-log/").content.decode()
    assert "alice@clinic.example" in html and "chart" in html


def test_erasure_removes_the_person_and_uploads_but_keeps_recent_clinical_notes(record):
    patient, _ = record
    upload = next(iter(Job.objects.filter(patient=patient))).input_path
    counts = patient_erase(patient)
    patient.refresh_from_db()
    user = patient.user
    assert not user.is_active and user.email.startswith("erased-") and user.first_name == "Erased"
    assert not Job.objects.filter(patient=patient).exists()
    from pathlib import Path

    assert not Path(upload).exists()
    assert VisitNote.objects.filter(patient=patient).count() == 1 and counts["visit_notes"] == 0
    assert patient.appointments.get().status == "cancelled"


def test_notes_past_the_retention_period_are_erased_too(record, settings):
    patient, _ = record
    later = timezone.now() + timedelta(days=round(365.25 * settings.CLINICAL_RETENTION_YEARS) + 1)
    assert patient_erase(patient, now=later)["visit_notes"] == 1
    assert not VisitNote.objects.filter(patient=patient).exists()


def test_a_patient_can_ask_for_erasure_once(client, record):
    patient, _ = record
    client.force_login(patient.user)
    client.post("/my/data/erase/", {"reason": "moving abroad"})
    client.post("/my/data/erase/", {"reason": "again"})
    assert patient.erasure_requests.count() == 1
