"""Many people fire at one slot and one class at once, against a live server on both databases."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import datetime, timedelta

import pytest

from tests.clinic.livestack import Browser, live_stack, postgres_available

pytestmark = [pytest.mark.slow]
PEOPLE = 12
CAPACITY = 3
PASSWORD = "correct-horse-battery"

SEED = f"""
from datetime import time, timedelta
from django.utils import timezone
from stridewell.clinic.accounts.models import User
from stridewell.clinic.booking.models import *
from stridewell.clinic.patients.services import patient_create_for_user
loc = Location.objects.create(name='Central', slug='central', time_zone='Europe/London')
p = Practitioner.objects.create(name='Alice', slug='alice'); p.locations.set([loc])
for wd in range(7):
    WorkingHours.objects.create(practitioner=p, location=loc, weekday=wd, start=time(9), end=time(17))
s = Service.objects.create(name='Follow-up', slug='follow-up', duration_minutes=30, price=50); s.practitioners.set([p])
ct = ClassType.objects.create(name='Pilates', slug='pilates')
start = timezone.now().replace(microsecond=0) + timedelta(days=3)
ClassSession.objects.create(class_type=ct, location=loc, start=start, end=start + timedelta(hours=1), capacity={CAPACITY})
for i in range({PEOPLE}):
    patient_create_for_user(user=User.objects.create_user(f'p{{i}}@example.org', '{PASSWORD}'))
"""

COUNT = """
import json
from stridewell.clinic.booking.models import Appointment, ClassBooking
print(json.dumps({
  'held_or_booked': Appointment.objects.filter(status__in=['held', 'booked']).count(),
  'confirmed': ClassBooking.objects.filter(status='confirmed').count(),
  'waitlisted': ClassBooking.objects.filter(status='waitlisted').count(),
}))
"""


def _slot_start() -> str:
    from zoneinfo import ZoneInfo

    day = (datetime.now(ZoneInfo("Europe/London")) + timedelta(days=7)).date()
    return datetime(day.year, day.month, day.day, 10, 0, tzinfo=ZoneInfo("Europe/London")).isoformat()


def _race(browsers, action):
    barrier = threading.Barrier(len(browsers))
    results: list = [None] * len(browsers)

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = action(browsers[i])
        except Exception as exc:  # a 500 would land here and fail the test below
            results[i] = ("error", repr(exc))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(browsers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="covers both databases itself; run once")
@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_exactly_one_wins_a_slot_and_a_class_never_overfills(kind, tmp_path):
    if kind == "postgresql" and not postgres_available():
        pytest.skip("no PostgreSQL on 127.0.0.1:5432")
    with live_stack(kind, tmp_path, SEED) as (base, env):
        browsers = [Browser(base) for _ in range(PEOPLE)]
        for i, b in enumerate(browsers):
            b.login(f"p{i}@example.org", PASSWORD)
        start = _slot_start()

        def grab(b: Browser):
            url, body = b.post("/book/hold/", {"service": "follow-up", "location": "central",
                                               "practitioner": "alice", "start": start})
            if "/book/confirm/" in url:
                url, body = b.post(url.replace(base, ""), {"notes": ""})
                return ("booked", url) if "/my/bookings/" in url else ("lost", body)
            return ("taken", body)

        slot_results = _race(browsers, grab)
        winners = [r for r in slot_results if r[0] == "booked"]
        losers = [r for r in slot_results if r[0] == "taken"]
        assert len(winners) == 1, slot_results
        assert len(losers) == PEOPLE - 1
        assert all("just taken" in body for _, body in losers)

        def join(b: Browser):
            url, body = b.post("/classes/1/book/", {}, referer_path="/classes/")
            return "in" if "You have a place" in body else ("wait" if "on the waitlist" in body else body[:300])

        class_results = _race(browsers, join)
        assert class_results.count("in") == CAPACITY, class_results
        assert class_results.count("wait") == PEOPLE - CAPACITY

        out = subprocess.run([sys.executable, "-m", "stridewell.cli", "manage", "shell", "-c", COUNT], env=env,
                             capture_output=True, text=True, check=True).stdout
        counts = json.loads(out.strip().splitlines()[-1])
        assert counts["held_or_booked"] == 1
        assert counts["confirmed"] == CAPACITY and counts["waitlisted"] == PEOPLE - CAPACITY
