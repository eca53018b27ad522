"""Booking benchmark: availability for 40 practitioners x 3 locations x 28 days, and bookings per second.

Prints a table. Parts run in subprocesses so each can use its own database:
  availability  — wall time and SQL query count of `service_slots` (ours) against the per-practitioner,
                  per-day query loop a straightforward implementation makes (the "naive" column), for
                  10, 20 and 40 practitioners, on SQLite and PostgreSQL;
  load          — successful bookings per second through the real web app (waitress, 8 threads) with
                  8 concurrent patients each booking different slots, on PostgreSQL and SQLite.
Run: .venv/bin/python bench/booking.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, timedelta
from datetime import timezone as dt_timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
DAYS = 28


def _seed(n_practitioners: int = 40) -> None:
    from datetime import time as t

    from django.utils import timezone

    from stridewell.clinic.accounts.models import User
    from stridewell.clinic.booking.models import (
        Appointment,
        Location,
        Practitioner,
        Service,
        WorkingHours,
    )
    from stridewell.clinic.patients.services import patient_create_for_user

    locs = [Location.objects.create(name=f"L{i}", slug=f"l{i}", time_zone=tz)
            for i, tz in enumerate(["Europe/London", "Europe/Dublin", "America/New_York"])]
    svc = Service.objects.create(name="Follow-up", slug="follow-up", duration_minutes=30, buffer_after_minutes=10)
    patient = patient_create_for_user(user=User.objects.create_user("bench@example.org", "x" * 12))
    today = timezone.localdate()
    appts = []
    for i in range(n_practitioners):
        p = Practitioner.objects.create(name=f"P{i:02d}", slug=f"p{i:02d}")
        p.locations.set(locs)
        svc.practitioners.add(p)
        for wd in range(6):
            WorkingHours.objects.create(practitioner=p, location=locs[(i + wd) % 3], weekday=wd,
                                        start=t(8), end=t(13 if wd == 5 else 18))
        for d in range(1, DAYS + 1):
            day = today + timedelta(days=d)
            loc = locs[(i + day.weekday()) % 3]
            for hour in (9, 11, 14, 16):  # four booked appointments a day
                start = timezone.datetime.combine(day, t(hour), tzinfo=loc.zone)
                appts.append(Appointment(patient=patient, practitioner=p, location=loc, service=svc, start=start,
                                         end=start + timedelta(minutes=30), blocked_until=start + timedelta(minutes=40),
                                         status="booked"))
    Appointment.objects.bulk_create(appts, batch_size=2000)


def _naive_slots(service, date_from, date_to):  # noqa: ANN001, ANN201
    """Per practitioner, per day: one query for hours, one for bookings (what a simple loop does)."""
    from django.utils import timezone

    from stridewell.clinic.booking import availability as av
    from stridewell.clinic.booking.models import Appointment, Practitioner, WorkingHours
    from stridewell.clinic.booking.selectors import bookable_window

    earliest, latest = bookable_window()
    out = []
    for p in Practitioner.objects.filter(active=True, services=service):
        day = date_from
        while day <= date_to:
            rows = list(WorkingHours.objects.filter(practitioner=p, weekday=day.weekday()).select_related("location"))
            hours = [av.WeeklyHours(p.id, h.location_id, h.weekday, h.start, h.end) for h in rows]
            shifts = av.expand_shifts(hours, [], {h.location_id: h.location.zone for h in rows}, day, day)
            lo = timezone.datetime.combine(day, timezone.datetime.min.time(), tzinfo=UTC) - timedelta(days=1)
            busy = [av.Interval(a.start, a.blocked_until) for a in Appointment.objects.filter(
                practitioner=p, start__gte=lo, start__lt=lo + timedelta(days=3), status__in=Appointment.BLOCKING)]
            out += av.free_slots(shifts, {p.id: busy}, duration=service.duration, blocked=service.blocked,
                                 step=timedelta(minutes=15), earliest=earliest, latest=latest)
            day += timedelta(days=1)
    return out


def part_availability() -> list[dict]:
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from stridewell.clinic.booking.models import Practitioner, Service
    from stridewell.clinic.booking.selectors import service_slots

    call_command("migrate", verbosity=0)
    _seed(40)
    svc = Service.objects.get(slug="follow-up")
    d0 = timezone.localdate() + timedelta(days=1)
    d1 = d0 + timedelta(days=DAYS - 1)
    rows = []
    for n in (10, 20, 40):
        Practitioner.objects.update(active=False)
        Practitioner.objects.filter(slug__in=[f"p{i:02d}" for i in range(n)]).update(active=True)
        timings = []
        for _ in range(3):
            with CaptureQueriesContext(connection) as q:
                t0 = time.perf_counter()
                slots = service_slots(svc, date_from=d0, date_to=d1)
                timings.append(time.perf_counter() - t0)
        ours_q = len(q.captured_queries)
        with CaptureQueriesContext(connection) as q:
            t0 = time.perf_counter()
            naive = _naive_slots(svc, d0, d1)
            naive_t = time.perf_counter() - t0
        assert len(naive) == len(slots), (len(naive), len(slots))
        rows.append({"practitioners": n, "slots": len(slots), "ours_s": min(timings), "ours_queries": ours_q,
                     "naive_s": naive_t, "naive_queries": len(q.captured_queries)})
    return rows


def part_load(kind: str) -> dict:
    from tests.clinic.livestack import Browser, live_stack

    seed = (
        "from datetime import time\n"
        "from stridewell.clinic.accounts.models import User\n"
        "from stridewell.clinic.booking.models import *\n"
        "from stridewell.clinic.patients.services import patient_create_for_user\n"
        "locs=[Location.objects.create(name=f'L{i}', slug=f'l{i}', time_zone='Europe/London') for i in range(3)]\n"
        "s=Service.objects.create(name='F', slug='f', duration_minutes=30)\n"
        "for i in range(40):\n"
        "    p=Practitioner.objects.create(name=f'P{i}', slug=f'p{i}'); p.locations.set(locs); s.practitioners.add(p)\n"
        "    for wd in range(7):\n"
        "        WorkingHours.objects.create(practitioner=p, location=locs[i % 3], weekday=wd, start=time(8), end=time(18))\n"
        "for i in range(8):\n"
        "    patient_create_for_user(user=User.objects.create_user(f'u{i}@example.org', 'correct-horse-battery'))\n"
    )
    from datetime import datetime
    from zoneinfo import ZoneInfo

    with tempfile.TemporaryDirectory() as tmp, live_stack(kind, Path(tmp), seed) as (base, _env):
        browsers = [Browser(base) for _ in range(8)]
        for i, b in enumerate(browsers):
            b.login(f"u{i}@example.org", "correct-horse-battery")
        day = (datetime.now(ZoneInfo("Europe/London")) + timedelta(days=3)).date()
        ok = [0] * 8
        per_client = 15

        def run(i: int) -> None:
            b = browsers[i]
            for k in range(per_client):
                # Each client books its own practitioner's day, so no two requests want the same slot.
                prac = i * 5 + (k // 20)
                start = datetime(day.year, day.month, day.day, 8, 0, tzinfo=ZoneInfo("Europe/London")) + timedelta(
                    minutes=30 * (k % 20))
                url, _ = b.post("/book/hold/", {"service": "f", "location": f"l{prac % 3}", "practitioner": f"p{prac}",
                                                "start": start.isoformat()})
                if "/book/confirm/" in url:
                    url, _ = b.post(url.replace(base, ""), {"notes": ""})
                    ok[i] += "/my/bookings/" in url

        threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
        t0 = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        wall = time.perf_counter() - t0
    return {"db": kind, "attempts": 8 * per_client, "booked": sum(ok), "seconds": wall,
            "per_second": sum(ok) / wall}


def _child(part: str, kind: str) -> object:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    dbname = None
    tmp = tempfile.mkdtemp()
    env["STRIDEWELL_VAR"] = tmp
    if part == "availability":
        if kind == "postgresql":
            import psycopg

            dbname = f"stridewell_bench_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(PG_ADMIN, autocommit=True) as c:
                c.execute(f'CREATE DATABASE "{dbname}"')
            env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{dbname}"
        else:
            env["STRIDEWELL_SQLITE"] = str(Path(tmp) / "bench.sqlite3")
    try:
        out = subprocess.run([sys.executable, __file__, "--part", part, "--db", kind], env=env, check=True,
                             capture_output=True, text=True).stdout
        return json.loads(out.strip().splitlines()[-1])
    finally:
        if dbname:
            import psycopg

            with psycopg.connect(PG_ADMIN, autocommit=True) as c:
                c.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


def main() -> None:
    print(f"Availability: 'anyone', all 3 locations, {DAYS} days, 4 bookings per practitioner per day "
          "(best of 3 for ours; naive = one query for hours and one for bookings per practitioner per day)")
    print(f"{'db':10} {'pract.':>6} {'slots':>7} {'ours s':>8} {'queries':>8} {'naive s':>8} {'queries':>8} {'naive/ours':>10}")
    for kind in ("sqlite", "postgresql"):
        for r in _child("availability", kind):
            print(f"{kind:10} {r['practitioners']:>6} {r['slots']:>7} {r['ours_s']:>8.3f} {r['ours_queries']:>8} "
                  f"{r['naive_s']:>8.3f} {r['naive_queries']:>8} {r['naive_s'] / r['ours_s']:>9.1f}x")
    print("\nConcurrent booking through the web app (8 patients at once, hold + confirm, distinct slots)")
    print(f"{'db':10} {'attempts':>8} {'booked':>7} {'seconds':>8} {'bookings/s':>11}")
    results = {kind: _child("load", kind) for kind in ("postgresql", "sqlite")}
    for kind, r in results.items():
        print(f"{kind:10} {r['attempts']:>8} {r['booked']:>7} {r['seconds']:>8.2f} {r['per_second']:>11.1f}")
    print(f"PostgreSQL / SQLite throughput: {results['postgresql']['per_second'] / results['sqlite']['per_second']:.2f}x")


if __name__ == "__main__":
    if "--part" in sys.argv:
        part = sys.argv[sys.argv.index("--part") + 1]
        kind = sys.argv[sys.argv.index("--db") + 1]
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stridewell.clinic.settings")
        os.environ["STRIDEWELL_TASK_BACKEND"] = "django_tasks.backends.dummy.DummyBackend"
        import django

        django.setup()
        print(json.dumps(part_availability() if part == "availability" else part_load(kind)))
    else:
        main()
