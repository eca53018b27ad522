"""A small clinic built through the ORM for booking tests: dates are always in the future."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from stridewell.clinic.booking.models import (
    Break,
    ClassSession,
    ClassType,
    Location,
    Package,
    PackageItem,
    Practitioner,
    Service,
    WorkingHours,
)


@pytest.fixture(autouse=True)
def immediate_tasks(settings):  # noqa: ANN001, ANN201
    """Run background tasks at once, inside the test, instead of queueing them for a worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
                                  "QUEUES": ["default"]}}


@dataclass
class Clinic:
    london: Location
    ny: Location
    alice: Practitioner
    bob: Practitioner
    follow_up: Service
    initial: Service
    recovery: Service
    package: Package
    pilates: ClassType
    day: date  # a Wednesday at least a week ahead

    def at(self, hh: int, mm: int = 0, loc: Location | None = None, day: date | None = None) -> datetime:
        """Return the aware instant of a local wall-clock time at a location."""
        loc = loc or self.london
        return datetime.combine(day or self.day, time(hh, mm), tzinfo=loc.zone)


def next_weekday(weekday: int, at_least_days: int = 7) -> date:
    d = timezone.localdate() + timedelta(days=at_least_days)
    while d.weekday() != weekday:
        d += timedelta(days=1)
    return d


@pytest.fixture
def clinic(db) -> Clinic:  # noqa: ANN001
    london = Location.objects.create(name="Central", slug="central", time_zone="Europe/London")
    ny = Location.objects.create(name="Manhattan", slug="manhattan", time_zone="America/New_York")
    alice = Practitioner.objects.create(name="Alice Physio", slug="alice")
    bob = Practitioner.objects.create(name="Bob Physio", slug="bob")
    alice.locations.set([london])
    bob.locations.set([london, ny])
    for wd in range(7):
        WorkingHours.objects.create(practitioner=alice, location=london, weekday=wd, start=time(9), end=time(17))
        WorkingHours.objects.create(practitioner=bob, location=london if wd % 2 else ny, weekday=wd,
                                    start=time(9), end=time(12))
    Break.objects.create(practitioner=alice, weekday=2, start=time(12), end=time(13))
    follow_up = Service.objects.create(name="Follow-up", slug="follow-up", duration_minutes=30,
                                       buffer_after_minutes=10, price=Decimal("50"))
    initial = Service.objects.create(name="Initial assessment", slug="initial", duration_minutes=45,
                                     buffer_after_minutes=15, price=Decimal("65"), new_patients_only=True)
    recovery = Service.objects.create(name="Recovery consult", slug="recovery", duration_minutes=90,
                                      price=Decimal("0"), package_only=True)
    for s in (follow_up, initial, recovery):
        s.practitioners.set([alice, bob])
    package = Package.objects.create(name="Runner's Recovery Package", slug="rrp", price=Decimal("240"))
    PackageItem.objects.create(package=package, service=recovery, quantity=1)
    PackageItem.objects.create(package=package, service=follow_up, quantity=2)
    pilates = ClassType.objects.create(name="Pilates", slug="pilates")
    return Clinic(london, ny, alice, bob, follow_up, initial, recovery, package, pilates, next_weekday(2))


@pytest.fixture
def make_patient(db):  # noqa: ANN001, ANN201
    from django.contrib.auth import get_user_model

    from stridewell.clinic.patients.services import patient_create_for_user

    counter = iter(range(1, 10_000))

    def make(name: str = "Pat"):  # noqa: ANN202
        n = next(counter)
        user = get_user_model().objects.create_user(f"{name.lower()}{n}@example.org", "correct-horse-battery",
                                                    first_name=name, last_name=f"Test{n}")
        return patient_create_for_user(user=user)

    return make


@pytest.fixture
def class_session(clinic):  # noqa: ANN001, ANN201
    def make(capacity: int = 2, hours_ahead: int = 72) -> ClassSession:
        start = timezone.now().replace(microsecond=0) + timedelta(hours=hours_ahead)
        return ClassSession.objects.create(class_type=clinic.pilates, location=clinic.london, start=start,
                                           end=start + timedelta(hours=1), capacity=capacity)
    return make
