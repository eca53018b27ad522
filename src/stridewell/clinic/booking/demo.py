"""A demo clinic: three locations, nine practitioners, services, a package, classes, patients."""

from __future__ import annotations

from datetime import time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from stridewell.clinic.booking import classes, services
from stridewell.clinic.booking.errors import BookingError
from stridewell.clinic.booking.models import (
    Break,
    ClassSchedule,
    ClassType,
    Location,
    Package,
    PackageItem,
    Practitioner,
    Service,
    WorkingHours,
)
from stridewell.clinic.booking.selectors import service_slots
from stridewell.clinic.patients.services import patient_create_for_user

DEMO_PASSWORD = "stride-demo-2026"

LOCATIONS = [
    ("Stridewell Central", "central", "12 Harbour Street\nLondon EC1 4AB", "020 7946 0001", "Europe/London"),
    ("Stridewell Northside", "northside", "3 Mill Lane\nManchester M1 2CD", "0161 496 0002", "Europe/London"),
    ("Stridewell Dublin", "dublin", "8 Quay Road\nDublin D02 XY12", "+353 1 555 0003", "Europe/Dublin"),
]

PRACTITIONERS = [
    ("Aisha Khan", "Sports physiotherapist, running injuries lead", ["central", "northside"]),
    ("Ben Morley", "Sports physiotherapist", ["central"]),
    ("Chloe Davies", "Physiotherapist, gait analysis", ["central", "dublin"]),
    ("Daniel Okafor", "Sports physiotherapist", ["northside"]),
    ("Emma Walsh", "Physiotherapist, Pilates instructor", ["dublin"]),
    ("Farid Haddad", "Sports physiotherapist", ["northside", "central"]),
    ("Grace Liu", "Physiotherapist, strength and conditioning", ["dublin"]),
    ("Hugo Brennan", "Sports massage therapist", ["central"]),
    ("Isla Murray", "Physiotherapist", ["northside", "dublin"]),
]

SERVICES = [
    ("Initial assessment", 45, 15, "65.00", True, False, "A full look at your knee and your running: history, examination, a plan."),
    ("Follow-up", 30, 10, "50.00", False, False, "Review progress, adjust your exercises, hands-on treatment."),
    ("Runner's Recovery initial consultation", 90, 15, "0.00", True, True,
     "A double-length first consultation with a gait analysis. Part of the Runner's Recovery Package."),
    ("Video gait analysis", 60, 15, "80.00", False, False, "We film you running and go through what we see."),
    ("Sports massage", 45, 15, "55.00", False, False, "Soft-tissue work for tired legs."),
]


def demo_clinic_create() -> dict[str, str]:
    """Create the demo clinic unless one exists; returns the demo logins (e-mail -> role)."""
    if Location.objects.exists():
        return {}
    with transaction.atomic():
        logins = _create_clinic()
    _create_bookings()
    _create_history()
    _create_training()
    return logins


def _create_training() -> None:
    """Give Sam an imported watch history and Aisha's progression plan (training app)."""
    from stridewell.clinic.patients.models import Patient
    from stridewell.clinic.training.demo import demo_training_create

    demo_training_create(Patient.objects.order_by("id").first(), Practitioner.objects.get(slug="aisha").user)


def _create_clinic() -> dict[str, str]:
    User = get_user_model()
    locs = {slug: Location.objects.create(name=n, slug=slug, address=a, phone=p, time_zone=tz)
            for n, slug, a, p, tz in LOCATIONS}
    svcs = [Service.objects.create(name=n, slug=n.lower().replace("'", "").replace(" ", "-"), duration_minutes=d,
                                   buffer_after_minutes=b, price=Decimal(pr), new_patients_only=new,
                                   package_only=pkg, description=desc, order=i)
            for i, (n, d, b, pr, new, pkg, desc) in enumerate(SERVICES)]
    logins = {"admin@stridewell.example": "clinic admin (also the Django admin)",
              "frontdesk@stridewell.example": "front desk"}
    User.objects.create_superuser("admin@stridewell.example", DEMO_PASSWORD, first_name="Clinic", last_name="Admin")
    User.objects.create_user("frontdesk@stridewell.example", DEMO_PASSWORD, first_name="Fran", last_name="Desk",
                             role="front_desk", is_staff=True)
    for i, (name, title, where) in enumerate(PRACTITIONERS):
        slug = name.split()[0].lower()
        email = f"{slug}@stridewell.example"
        user = User.objects.create_user(email, DEMO_PASSWORD, first_name=name.split()[0],
                                        last_name=name.split()[1], role="practitioner", is_staff=True)
        prac = Practitioner.objects.create(user=user, name=name, slug=slug, title=title,
                                           bio=f"{name.split()[0]} treats runners with knee pain.")
        prac.locations.set([locs[w] for w in where])
        offered = svcs[4:5] if "massage" in title else svcs[:4]
        for svc in offered:
            svc.practitioners.add(prac)
        for day in range(5):  # Monday-Friday, alternating between their locations
            loc = locs[where[day % len(where)]]
            WorkingHours.objects.create(practitioner=prac, location=loc, weekday=day,
                                        start=time(8 + i % 2), end=time(17 + i % 2))
            Break.objects.create(practitioner=prac, weekday=day, start=time(12 + i % 2), end=time(13 + i % 2))
        if i < 3:
            WorkingHours.objects.create(practitioner=prac, location=locs[where[0]], weekday=5,
                                        start=time(9), end=time(13))
        logins[email] = "practitioner"
    package = Package.objects.create(
        name="Runner's Recovery Package", slug="runners-recovery", price=Decimal("240.00"), valid_days=120,
        description="A 90-minute first consultation with gait analysis, then four follow-ups.")
    PackageItem.objects.create(package=package, service=svcs[2], quantity=1)
    PackageItem.objects.create(package=package, service=svcs[1], quantity=4)
    _create_classes(locs)
    for first, last in [("Sam", "Runner"), ("Priya", "Patel"), ("Tom", "Hughes")]:
        user = User.objects.create_user(f"{first.lower()}@example.org", DEMO_PASSWORD, first_name=first, last_name=last)
        patient_create_for_user(user=user)
        logins[user.email] = "patient"
    return logins


def _create_classes(locs: dict[str, Location]) -> None:
    kinds = {k: ClassType.objects.create(name=n, slug=k, description=d, price=Decimal("12.00")) for k, n, d in [
        ("pilates", "Pilates for runners", "Core and hip control for a steadier stride."),
        ("yoga", "Yoga for runners", "Mobility for hips, hamstrings and calves."),
        ("strength", "Strength for runners", "Squats, lunges and calf raises, coached in a small group."),
    ]}
    emma = Practitioner.objects.get(slug="emma")
    grace = Practitioner.objects.get(slug="grace")
    for kind, loc, weekday, hour, cap, who in [
        ("pilates", "central", 1, 18, 8, None), ("pilates", "dublin", 3, 18, 6, emma),
        ("yoga", "northside", 2, 19, 10, None), ("strength", "dublin", 5, 10, 6, grace),
        ("strength", "central", 4, 7, 8, None), ("yoga", "central", 6, 9, 12, None),
    ]:
        ClassSchedule.objects.create(class_type=kinds[kind], location=locs[loc], weekday=weekday,
                                     start_time=time(hour), duration_minutes=60, capacity=cap, instructor=who,
                                     room="Studio", valid_from=timezone.localdate() - timedelta(days=7))
    today = timezone.localdate()
    classes.class_sessions_generate(date_from=today, date_to=today + timedelta(days=56))


def _create_bookings() -> None:
    """Book a few appointments and classes for the demo patients through the real services."""
    from stridewell.clinic.patients.models import Patient

    patients = list(Patient.objects.order_by("id"))
    follow_up = Service.objects.get(slug="follow-up")
    today = timezone.localdate()
    slots = service_slots(follow_up, date_from=today + timedelta(days=2), date_to=today + timedelta(days=9))
    for patient, slot in zip(patients, slots[::7]):
        token = services.new_hold_token()
        try:
            services.appointment_hold(service=follow_up, location=Location.objects.get(pk=slot.location_id),
                                      practitioner=Practitioner.objects.get(pk=slot.practitioner_id),
                                      start=slot.start, token=token)
            services.appointment_confirm(token=token, patient=patient)
        except BookingError:
            continue
    sessions = list(classes.sessions_with_counts(start=timezone.now(), end=timezone.now() + timedelta(days=14)))
    for patient in patients:
        for session in sessions[:2]:
            classes.class_book(session=session, patient=patient)


def _create_history() -> None:
    """Give the demo a past: Sam's completed visits with Aisha (with signed notes) and a busy today."""
    from datetime import datetime

    from stridewell.clinic.booking.models import Appointment
    from stridewell.clinic.notes.models import VisitNote
    from stridewell.clinic.patients.models import Patient

    aisha = Practitioner.objects.get(slug="aisha")
    central = Location.objects.get(slug="central")
    initial, follow_up = Service.objects.get(slug="initial-assessment"), Service.objects.get(slug="follow-up")
    patients = list(Patient.objects.order_by("id"))
    sam = patients[0]
    today = timezone.localdate()
    notes = [
        ("Right knee pain around the kneecap for 6 weeks, worse on stairs and after long runs. Runs 35 km a week.",
         "Pain on single-leg squat and step-down; weak hip abduction (4/5); no effusion.",
         "Education on load; hip and quadriceps exercises taught.",
         "Findings fit patellofemoral pain.", "Cut weekly running by a third for 2 weeks; home exercises; review in 2 weeks."),
        ("Stairs easier; ran 3 x 5 km without pain above 3/10.", "Step-down pain 2/10; hip abduction 4+/5.",
         "Progressed to loaded split squats.", "Improving as expected.", "Add 10% running volume a week if pain stays settled."),
    ]
    for i, (s_, o_, t_, a_, p_) in enumerate(notes):
        day = today - timedelta(days=28 - 14 * i)
        start = datetime.combine(day, time(10), tzinfo=central.zone)
        svc = initial if i == 0 else follow_up
        appt = Appointment.objects.create(patient=sam, practitioner=aisha, location=central, service=svc, start=start,
                                          end=start + svc.duration, blocked_until=start + svc.blocked,
                                          status="completed", price=svc.price, booked_at=start - timedelta(days=3))
        VisitNote.objects.create(patient=sam, appointment=appt, author=aisha.user, visit_date=day, subjective=s_,
                                 objective=o_, treatment=t_, assessment=a_, plan=p_, signed_at=start + timedelta(hours=1))
    for k, patient in enumerate(patients):
        start = datetime.combine(today, time(14 + k), tzinfo=central.zone)
        Appointment.objects.create(patient=patient, practitioner=aisha, location=central, service=follow_up,
                                   start=start, end=start + follow_up.duration, blocked_until=start + follow_up.blocked,
                                   status="booked", price=follow_up.price, booked_at=start - timedelta(days=2))
