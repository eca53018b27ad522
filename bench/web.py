"""Web benchmark: the patient chart and the day schedule for a clinic with 35,000 patients and five
years of visits, on PostgreSQL.

Prints: SQL queries per page for a patient with few visits and one with many (the count must not
grow with the data), and response times (median, 95th percentile) under concurrent load from 8
client threads against the real app served by waitress.
Run: .venv/bin/python bench/web.py [--patients 35000]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"

SEED = r"""
import random
from datetime import time, timedelta, datetime, timezone as tz
from django.contrib.auth.hashers import make_password
from stridewell.clinic.accounts.models import User
from stridewell.clinic.booking.models import *
from stridewell.clinic.patients.models import Patient
from stridewell.clinic.notes.models import VisitNote
N = int(__import__('os').environ['BENCH_PATIENTS'])
rng = random.Random(7)
pw = make_password('correct-horse-battery')
locs = [Location.objects.create(name=f'L{i}', slug=f'l{i}', time_zone='Europe/London') for i in range(3)]
svc = Service.objects.create(name='Follow-up', slug='follow-up', duration_minutes=30, buffer_after_minutes=0)
admin = User.objects.create(email='admin@bench.example', password=pw, role='clinic_admin', is_staff=True, is_superuser=True)
pracs = []
for i in range(20):
    u = User.objects.create(email=f'p{i}@bench.example', password=pw, role='practitioner', is_staff=True)
    p = Practitioner.objects.create(name=f'P{i}', slug=f'p{i}', user=u); p.locations.set(locs); pracs.append(p)
users = User.objects.bulk_create([User(email=f'pt{i}@bench.example', password=pw, first_name='Pat', last_name=f'N{i}') for i in range(N)], batch_size=5000)
patients = Patient.objects.bulk_create([Patient(user=u) for u in users], batch_size=5000)
start0 = datetime(2021, 11, 1, 8, 0, tzinfo=tz.utc)
# 5 years, 250 working days a year, 20 practitioners, 8 visits a day each = 200,000 visits.
appts, notes = [], []
slot = 0
for day in range(5 * 365):
    d = start0 + timedelta(days=day)
    if d.weekday() >= 5: continue
    for p in pracs:
        for k in range(8):
            s = d + timedelta(minutes=45 * k)
            pt = patients[rng.randrange(N)] if slot % 50 else patients[0]  # patient 0 is a frequent visitor
            slot += 1
            appts.append(Appointment(patient=pt, practitioner=p, location=locs[k % 3], service=svc, start=s, end=s + timedelta(minutes=30), blocked_until=s + timedelta(minutes=30), status='completed'))
    if len(appts) > 20000:
        Appointment.objects.bulk_create(appts, batch_size=5000); appts = []
Appointment.objects.bulk_create(appts, batch_size=5000)
for a in Appointment.objects.filter(patient=patients[0]).values('practitioner__user_id', 'start'):
    notes.append(VisitNote(patient=patients[0], author_id=a['practitioner__user_id'], visit_date=a['start'].date(), subjective='Knee better', signed_at=a['start']))
VisitNote.objects.bulk_create(notes, batch_size=5000)
print('seeded', Appointment.objects.count(), 'visits', len(notes), 'notes for the frequent patient')
"""

COUNT = r"""
import json
from django.test import Client
from django.db import connection
from django.test.utils import CaptureQueriesContext
from stridewell.clinic.accounts.models import User
from stridewell.clinic.patients.models import Patient
from stridewell.clinic.booking.models import Appointment
c = Client(); c.force_login(User.objects.get(email='admin@bench.example'))
few = Patient.objects.get(user__email='pt1@bench.example'); many = Patient.objects.get(user__email='pt0@bench.example')
out = {}
for label, url in [('chart, patient with %d visits' % Appointment.objects.filter(patient=few).count(), f'/staff/patients/{few.pk}/'),
                   ('chart, patient with %d visits' % Appointment.objects.filter(patient=many).count(), f'/staff/patients/{many.pk}/'),
                   ('day schedule, quiet day', '/staff/day/?practitioner=p0&date=2021-11-06'),
                   ('day schedule, full day', '/staff/day/?practitioner=p0&date=2026-10-27')]:
    c.get(url)
    with CaptureQueriesContext(connection) as q:
        r = c.get(url)
    out[label] = [r.status_code, len(q.captured_queries)]
print(json.dumps(out))
"""


def main() -> None:
    n = int(sys.argv[sys.argv.index("--patients") + 1]) if "--patients" in sys.argv else 35000
    import psycopg

    from tests.clinic.livestack import Browser, free_port

    dbname = f"stridewell_webbench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{dbname}"')
    tmp = tempfile.mkdtemp()
    env = {k: v for k, v in os.environ.items()}
    env.update(DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{dbname}", STRIDEWELL_VAR=tmp,
               STRIDEWELL_DEBUG="false", BENCH_PATIENTS=str(n),
               STRIDEWELL_TASK_BACKEND="django_tasks.backends.dummy.DummyBackend")
    cli = [sys.executable, "-m", "stridewell.cli", "manage"]
    server = None
    try:
        subprocess.run([*cli, "migrate", "-v0"], env=env, check=True)
        t0 = time.perf_counter()
        print(subprocess.run([*cli, "shell", "-c", SEED], env=env, check=True, capture_output=True,
                             text=True).stdout.strip(), f"in {time.perf_counter() - t0:.0f} s")
        counts = json.loads(subprocess.run([*cli, "shell", "-c", COUNT], env=env, check=True, capture_output=True,
                                           text=True).stdout.strip().splitlines()[-1])
        print(f"\n{n} patients. SQL queries per page (admin signed in):")
        print(f"{'page':45} {'status':>6} {'queries':>8}")
        for label, (status, q) in counts.items():
            print(f"{label:45} {status:>6} {q:>8}")
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "stridewell.cli", "serve", "--port", str(port),
                                   "--no-worker", "--no-demo"], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                Browser(base).get("/")
                break
            except OSError:
                time.sleep(0.3)
        signed_in = Browser(base)
        signed_in.login("admin@bench.example", "correct-horse-battery")
        print("\nUnder load: 8 client threads, 25 requests each, per page")
        print(f"{'page':30} {'requests':>8} {'median ms':>10} {'p95 ms':>8} {'req/s':>7}")
        for label, path in [("chart (frequent patient)", "/staff/patients/1/"),
                            ("day schedule (full day)", "/staff/day/?practitioner=p0&date=2026-10-27")]:
            times: list[float] = []
            lock = threading.Lock()

            def run() -> None:
                b = Browser(base)
                for cookie in signed_in.jar:  # one sign-in shared by all threads (no login storm)
                    b.jar.set_cookie(cookie)
                for _ in range(25):
                    s = time.perf_counter()
                    b.get(path)
                    with lock:
                        times.append(time.perf_counter() - s)

            threads = [threading.Thread(target=run) for _ in range(8)]
            w0 = time.perf_counter()
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            wall = time.perf_counter() - w0
            times.sort()
            p95 = times[int(0.95 * (len(times) - 1))]
            print(f"{label:30} {len(times):>8} {statistics.median(times) * 1000:>10.0f} {p95 * 1000:>8.0f} "
                  f"{len(times) / wall:>7.1f}")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=20)
        with psycopg.connect(PG_ADMIN, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


if __name__ == "__main__":
    main()
