from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from stridewell.clinic.web.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Replace the database and uploads with a backup folder. Stop the web and worker processes first."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, folder, yes, **options):
        if not yes and input("This replaces all current data. Type 'restore' to go on: ").strip() != "restore":
            raise CommandError("Restore cancelled.")
        try:
            manifest = backup_restore(folder)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Restored the backup taken at {manifest['taken_at']}."))
