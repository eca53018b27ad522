from django.core.management.base import BaseCommand

from stridewell.clinic.booking.reminders import reminders_send


class Command(BaseCommand):
    help = "E-mail a reminder for each appointment in the next 24 hours (once each; run hourly from cron)."

    def handle(self, *args, **options):
        if options["verbosity"]:
            self.stdout.write(f"{reminders_send()} reminders queued.")
