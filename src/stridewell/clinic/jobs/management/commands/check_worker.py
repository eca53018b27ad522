import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from stridewell.clinic.jobs.models import Job
from stridewell.clinic.jobs.services import job_create


class Command(BaseCommand):
    help = "Queue a short job and wait for a background worker to finish it (checks the worker is running)."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=float, default=1.0, help="How long the job takes.")
        parser.add_argument("--wait", type=float, default=60.0, help="How long to wait for a worker.")
        parser.add_argument("--no-wait", action="store_true", help="Queue it and print its id only.")

    def handle(self, *args, seconds, wait, no_wait, **options):
        owner = get_user_model().objects.filter(is_superuser=True).first()
        if owner is None:
            raise CommandError("Create a clinic admin first (stridewell manage createsuperuser).")
        with transaction.atomic():
            job = job_create(kind="worker_check", owner=owner, params={"seconds": seconds})
        if no_wait:
            self.stdout.write(str(job.id))
            return
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if job.finished:
                break
            time.sleep(0.5)
        if job.status != Job.Status.DONE:
            raise CommandError(f"No worker finished the check job within {wait:.0f} s (status: {job.status}). "
                               "Start one with: stridewell manage db_worker --no-reload")
        self.stdout.write(self.style.SUCCESS(f"A worker ran the check job in {job.finished_at - job.started_at}."))
