"""`stridewell manage` passes through to Django; the demo clinic loads once."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from stridewell.cli import app
from stridewell.clinic.booking.models import Appointment, ClassBooking, Location, Practitioner

pytestmark = pytest.mark.django_db


def test_manage_passes_arguments_to_django():
    result = CliRunner().invoke(app, ["manage", "check"])
    assert result.exit_code == 0, result.output
    assert "no issues" in result.output


def test_demo_clinic_loads_once_with_three_zoned_locations_and_real_bookings(settings):
    from django.core.management import call_command

    call_command("load_demo")
    first = (Location.objects.count(), Practitioner.objects.count(), Appointment.objects.count())
    call_command("load_demo")
    assert (Location.objects.count(), Practitioner.objects.count(), Appointment.objects.count()) == first
    assert first[0] == 3 and first[1] >= 8
    assert {loc.time_zone for loc in Location.objects.all()} >= {"Europe/London", "Europe/Dublin"}
    assert Appointment.objects.filter(status="booked").exists()
    assert ClassBooking.objects.filter(status="confirmed").exists()
