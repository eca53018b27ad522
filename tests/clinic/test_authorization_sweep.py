"""Every route that takes an id refuses another patient's records, for every role.

The sweep walks the URL configuration itself, so a page added later is covered without a new
test. Patient B gets one record of every kind (appointment, class place, note, intake, questionnaire,
programme, gait report with a file, training plan, upload job); each id in a route is filled with
B's real id for that kind, so a route that forgot its permission check would find a real record.
A route whose id names are not in FILL fails the sweep until someone says what its ids mean:
nothing is skipped silently. Then each role with no business with B asks for every route, by GET
and by POST.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from stridewell.clinic.assessments.models import ScreeningRecord
from stridewell.clinic.assessments.services import questionnaire_submit
from stridewell.clinic.audit.models import AuditEvent
from stridewell.clinic.booking import classes as class_services
from stridewell.clinic.booking import services as booking
from stridewell.clinic.booking.models import ClassSession
from stridewell.clinic.gaitlab.models import GaitReport
from stridewell.clinic.jobs.models import Job
from stridewell.clinic.notes.models import VisitNote
from stridewell.clinic.programmes import services as programmes
from stridewell.clinic.programmes.models import Programme
from stridewell.clinic.training.models import TrainingPlan
from stridewell.programme.models import WEEKDAYS

pytestmark = pytest.mark.django_db
PUBLIC = {"classes/<int:pk>/book/"}  # a class place is open to any signed-in patient
# Front desk opens the bookings part of any chart (checked below) and records arrivals.
FRONT_DESK_MAY = {"staff/patients/<int:pk>/", "staff/appointments/<int:pk>/mark/"}
# Pages that show only an empty form (no part of the record), so opening them is not audited.
BLANK_FORMS = {"staff/patients/<int:pk>/assessments/questionnaires/<str:instrument_id>/"}
# Every app whose pages take ids; the sweep must find at least one such route in each.
APPS = {"booking", "jobs", "patients", "notes", "assessments", "programmes", "gaitlab", "training"}
PARAM = re.compile(r"<(?:(int|uuid|str|slug|path):)?(\w+)>")

# (route prefix, kwarg) -> key in the ids of B's records; the first matching prefix wins.
FILL: list[tuple[str, str, str]] = [
    ("staff/patients/", "pk", "patient"),
    ("staff/appointments/", "pk", "appointment"),
    ("my/bookings/", "pk", "appointment"),
    ("my/classes/", "pk", "class_booking"),
    ("jobs/", "pk", "job"),
    ("", "note_id", "note"),
    ("", "record_id", "screening"),
    ("", "response_id", "response"),
    ("", "instrument_id", "instrument"),
    ("", "report_id", "gait_report"),
    ("", "name", "gait_file"),
    ("", "phase", "phase"),
    ("", "exercise_id", "exercise"),
    ("", "number", "version"),
    ("", "plan_id", "training_plan"),
]


def _routes(resolver: URLResolver | None = None, prefix: str = "", ns: str = "") -> list[tuple[str, str]]:
    """Return (route, app namespace) of every route that takes an int or uuid id (admin aside)."""
    out = []
    for p in (resolver or get_resolver()).url_patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            if not route.startswith("admin/"):
                out += _routes(p, route, p.namespace or ns)
        elif isinstance(p, URLPattern) and re.search(r"<(int|uuid):", route) and route not in PUBLIC:
            out.append((route, ns))
    return out


def _key(route: str, name: str) -> str | None:
    return next((key for prefix, kwarg, key in FILL if kwarg == name and route.startswith(prefix)), None)


def _fill(route: str, ids: dict[str, object]) -> str:
    return "/" + PARAM.sub(lambda m: str(ids[_key(route, m.group(2))]), route)


def _unmapped(routes: list[tuple[str, str]]) -> list[str]:
    return [f"{route} <{m.group(2)}>" for route, _ in routes for m in PARAM.finditer(route)
            if _key(route, m.group(2)) is None]


def _b_programme(b, alice) -> tuple[str, int]:  # noqa: ANN001
    """Generate and publish B's programme as their clinician; returns (an exercise id, version number)."""
    web = Client()
    web.force_login(alice)
    resp = web.post(f"/staff/patients/{b.pk}/programme/new/", {
        "condition": "patellofemoral_pain", "phase": "1", "irritability": "moderate",
        "days_available": list(WEEKDAYS), "pain_limit": ""})
    assert resp.status_code == 302, resp.content.decode()[:1000]
    assert web.post(f"/staff/patients/{b.pk}/programme/publish/", {"note": ""}).status_code == 302
    programme = Programme.objects.get(patient=b)
    exercise = programmes.draft_of(programme).phases[0].prescriptions[0].exercise_id
    return exercise, programme.versions.order_by("number").first().number


def _b_gait_report(b, alice, job: Job, media: Path) -> GaitReport:  # noqa: ANN001
    folder = media / "gait" / "reports" / "b"
    folder.mkdir(parents=True)
    (folder / "report.pdf").write_bytes(b"%PDF-1.4 B's report")
    return GaitReport.objects.create(patient=b, uploaded_by=alice, job=job, video_name="b.mp4",
                                     folder="gait/reports/b", pdf_file="gait/reports/b/report.pdf",
                                     status=GaitReport.Status.SHARED, shared_at=timezone.now(), shared_by=alice)


@pytest.fixture
def world(clinic, make_patient, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    User = get_user_model()
    # Patient B, treated by Alice, and one record of every kind.
    b = make_patient("Bea")
    alice = User.objects.create_user("alice@clinic.example", "x" * 12, role="practitioner")
    clinic.alice.user = alice
    clinic.alice.save()
    booking.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                             start=clinic.at(10), token="b")
    appt_b = booking.appointment_confirm(token="b", patient=b)
    note_b = VisitNote.objects.create(patient=b, author=alice, visit_date="2026-12-01", subjective="B's note",
                                      signed_at=timezone.now())  # signed: its PDF exists
    job_b = Job.objects.create(kind="test", owner=b.user, patient=b)
    start = timezone.now() + timedelta(days=3)
    session = ClassSession.objects.create(class_type=clinic.pilates, location=clinic.london, start=start,
                                          end=start + timedelta(hours=1), capacity=5)
    cb_b = class_services.class_book(session=session, patient=b)
    screening = ScreeningRecord.objects.create(patient=b, kind=ScreeningRecord.INTAKE, answers={},
                                               schema_version="t", taken_on=timezone.localdate(),
                                               entered_by=b.user)
    response = questionnaire_submit(patient=b, instrument_id="nprs", responses={"pain": 6}, entered_by=b.user)
    exercise, version = _b_programme(b, alice)
    report = _b_gait_report(b, alice, job_b, Path(settings.MEDIA_ROOT))
    plan = TrainingPlan.objects.create(patient=b, created_by=alice, step_min=5.0,
                                       start=timezone.localdate(), plan={})
    # Patient A, treated by Bob, who never saw B.
    a = make_patient("Abe")
    bob = User.objects.create_user("bob@clinic.example", "x" * 12, role="practitioner")
    clinic.bob.user = bob
    clinic.bob.save()
    booking.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.bob,
                             start=clinic.at(10, day=clinic.day + timedelta(days=1)), token="a")
    booking.appointment_confirm(token="a", patient=a)
    desk = User.objects.create_user("desk@clinic.example", "x" * 12, role="front_desk")
    ids = {"patient": b.pk, "appointment": appt_b.pk, "note": note_b.pk, "job": job_b.pk,
           "class_booking": cb_b.pk, "screening": screening.pk, "response": response.pk,
           "instrument": "nprs", "gait_report": report.pk, "gait_file": "report.pdf", "phase": 1,
           "exercise": exercise, "version": version, "training_plan": plan.pk}
    return {"patient A": a.user, "practitioner of A only": bob, "front desk": desk, "alice": alice}, ids


def _refused(resp) -> bool:  # noqa: ANN001
    if resp.status_code in (403, 404, 405):
        return True
    return resp.status_code == 302 and "/accounts/" in resp["Location"]


def test_the_sweep_knows_every_id_and_reaches_every_app(db):
    routes = _routes()
    assert not _unmapped(routes), "say in FILL which record these ids name:\n" + "\n".join(_unmapped(routes))
    assert APPS <= {ns for _, ns in routes}, APPS - {ns for _, ns in routes}


def test_the_filled_urls_reach_real_records_for_their_own_clinician(client, world):
    """The ids are B's real ones: B's clinician gets every staff page (each view audited), so a
    refusal below is a real one."""
    users, ids = world
    client.force_login(users["alice"])
    failing = []
    for route, _ in _routes():
        if route.startswith("staff/patients/") and not route.endswith(("/new/", "/publish/", "/discard/",
                                                                         "/move-phase/", "/run-plan/",
                                                                         "/withdraw/", "/unshare/", "/sign/",
                                                                         "/mark/")):
            before = AuditEvent.objects.filter(patient_id=ids["patient"], user=users["alice"]).count()
            resp = client.get(_fill(route, ids))
            if resp.status_code not in (200, 302, 405):
                failing.append(f"{route} -> {resp.status_code}")
            elif route not in BLANK_FORMS and resp.status_code == 200 and AuditEvent.objects.filter(
                    patient_id=ids["patient"], user=users["alice"]).count() == before:
                failing.append(f"{route}: viewing it wrote no audit record")
    assert not failing, "\n".join(failing)


@pytest.mark.parametrize("role", ["patient A", "practitioner of A only", "front desk"])
def test_no_role_reaches_another_patients_records_on_any_route(client, world, role):
    users, ids = world
    client.force_login(users[role])
    routes = _routes()
    assert len(routes) >= 30  # the sweep really found the id-taking routes
    leaks = []
    for route, _ in routes:
        url = _fill(route, ids)
        if role == "front desk" and route in FRONT_DESK_MAY:
            continue
        for method in ("get", "post"):
            resp = getattr(client, method)(url)
            if not _refused(resp):
                leaks.append(f"{method.upper()} {url} -> {resp.status_code}")
    assert not leaks, "\n".join(leaks)


def test_front_desk_opens_a_chart_without_any_clinical_section(client, world):
    users, ids = world
    client.force_login(users["front desk"])
    html = client.get(f"/staff/patients/{ids['patient']}/").content.decode()
    assert "Bookings and packages" in html and "B's note" not in html and "Visit notes" not in html
