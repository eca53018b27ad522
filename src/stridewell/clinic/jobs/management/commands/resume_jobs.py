from django.core.management.base import BaseCommand

from stridewell.clinic.jobs.services import jobs_resume_interrupted


class Command(BaseCommand):
    help = "Re-queue background jobs left running by a worker that stopped (run before starting workers)."

    def handle(self, *args, **options):
        self.stdout.write(f"{jobs_resume_interrupted()} interrupted jobs queued again.")
