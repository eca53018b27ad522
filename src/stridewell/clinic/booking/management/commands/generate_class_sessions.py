from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from stridewell.clinic.booking.classes import class_sessions_generate


class Command(BaseCommand):
    help = "Create class occurrences from the timetable for the coming weeks (safe to run daily, e.g. from cron)."

    def add_arguments(self, parser):
        parser.add_argument("--weeks", type=int, default=8)

    def handle(self, *args, **options):
        today = timezone.localdate()
        n = class_sessions_generate(date_from=today, date_to=today + timedelta(weeks=options["weeks"]))
        if options["verbosity"]:
            self.stdout.write(f"{n} new class sessions.")
