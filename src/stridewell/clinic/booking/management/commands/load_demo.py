from django.core.management.base import BaseCommand

from stridewell.clinic.booking.demo import DEMO_PASSWORD, demo_clinic_create


class Command(BaseCommand):
    help = "Load the demo clinic (once: does nothing when locations exist) and print the demo logins."

    def handle(self, *args, **options):
        logins = demo_clinic_create()
        if logins:
            self.stdout.write(self.style.SUCCESS("Demo clinic loaded. Sign in with any of these (password "
                                                 f"'{DEMO_PASSWORD}'):"))
            for email, role in logins.items():
                self.stdout.write(f"  {email:34} {role}")
        else:
            self.stdout.write(f"Demo clinic already present. Demo logins use the password '{DEMO_PASSWORD}', "
                              "e.g. admin@stridewell.example, aisha@stridewell.example, sam@example.org.")
