from datetime import timedelta

from django.core.management.base import BaseCommand

from stridewell.clinic.jobs.services import jobs_resume_interrupted


class Command(BaseCommand):
    help = "Re-queue background jobs left running by a worker that stopped (run before starting workers)."

    def add_arguments(self, parser):
        parser.add_argument("--stale-seconds", type=float, default=120.0,
                            help="A running job with no progress for this long is taken as abandoned.")

    def handle(self, *args, stale_seconds, **options):
        n = jobs_resume_interrupted(timedelta(seconds=stale_seconds))
        if options["verbosity"]:
            self.stdout.write(f"{n} interrupted jobs queued again.")
