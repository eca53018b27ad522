"""Every route that takes an id refuses another patient's records, for every role.

The sweep walks the URL configuration itself, so a page added later is covered without a new
test: patient B's records are created first, so small ids point at B's things; then each role
that has no business with B asks for every such route, by GET and by POST.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver

from stridewell.clinic.booking import classes as class_services
from stridewell.clinic.booking import services as booking
from stridewell.clinic.jobs.models import Job
from stridewell.clinic.notes.models import VisitNote

pytestmark = pytest.mark.django_db
PUBLIC = {"classes/<int:pk>/book/"}  # a class place is open to any signed-in patient
PARAM = re.compile(r"<(?:(int|uuid|str|slug):)?(\w+)>")


def _routes(resolver: URLResolver | None = None, prefix: str = "") -> list[str]:
    out = []
    for p in (resolver or get_resolver()).url_patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            if not route.startswith("admin/"):
                out += _routes(p, route)
        elif isinstance(p, URLPattern) and re.search(r"<(int|uuid):", route) and route not in PUBLIC:
            out.append(route)
    return out


def _fill(route: str, ids: dict[str, object]) -> str:
    def value(m: re.Match) -> str:
        conv, name = m.group(1), m.group(2)
        if conv == "uuid":
            return str(ids["uuid"])
        if conv == "int":
            if route.startswith("staff/patients/") and name == "pk":
                return str(ids["patient"])
            if route.startswith("my/bookings/"):
                return str(ids["appointment"])
            if route.startswith("my/classes/"):
                return str(ids["class_booking"])
            if name == "note_id":
                return str(ids["note"])
            return "1"
        return "x"

    return "/" + PARAM.sub(value, route)


@pytest.fixture
def world(clinic, make_patient):
    User = get_user_model()
    # Patient B and everything of theirs first (so the low ids are theirs).
    b = make_patient("Bea")
    alice = User.objects.create_user("alice@clinic.example", "x" * 12, role="practitioner")
    clinic.alice.user = alice
    clinic.alice.save()
    booking.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.alice,
                             start=clinic.at(10), token="b")
    appt_b = booking.appointment_confirm(token="b", patient=b)
    note_b = VisitNote.objects.create(patient=b, author=alice, visit_date="2026-12-01", subjective="B's note")
    job_b = Job.objects.create(kind="test", owner=b.user, patient=b)
    from datetime import timedelta

    from django.utils import timezone

    from stridewell.clinic.booking.models import ClassSession

    start = timezone.now() + timedelta(days=3)
    session = ClassSession.objects.create(class_type=clinic.pilates, location=clinic.london, start=start,
                                          end=start + timedelta(hours=1), capacity=5)
    cb_b = class_services.class_book(session=session, patient=b)
    # Patient A, treated by Bob, who never saw B.
    a = make_patient("Abe")
    bob = User.objects.create_user("bob@clinic.example", "x" * 12, role="practitioner")
    clinic.bob.user = bob
    clinic.bob.save()
    booking.appointment_hold(service=clinic.follow_up, location=clinic.london, practitioner=clinic.bob,
                             start=clinic.at(10, day=clinic.day + timedelta(days=1)), token="a")
    booking.appointment_confirm(token="a", patient=a)
    desk = User.objects.create_user("desk@clinic.example", "x" * 12, role="front_desk")
    ids = {"patient": b.pk, "appointment": appt_b.pk, "note": note_b.pk, "uuid": job_b.pk, "class_booking": cb_b.pk}
    return {"patient A": a.user, "practitioner of A only": bob, "front desk": desk}, ids


def _refused(resp) -> bool:
    if resp.status_code in (403, 404, 405):
        return True
    return resp.status_code == 302 and "/accounts/" in resp["Location"]


@pytest.mark.parametrize("role", ["patient A", "practitioner of A only", "front desk"])
def test_no_role_reaches_another_patients_records_on_any_route(client, world, role):
    users, ids = world
    client.force_login(users[role])
    routes = _routes()
    assert len(routes) >= 10  # the sweep really found the id-taking routes
    leaks = []
    for route in routes:
        url = _fill(route, ids)
        if role == "front desk" and route in ("staff/patients/<int:pk>/", "staff/appointments/<int:pk>/mark/"):
            continue  # front desk opens the bookings part of any chart (checked below) and records arrivals
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
