from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from stridewell.clinic.web.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up the database and uploads into a new folder (see README: backup and restore)."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)

    def handle(self, *args, folder, **options):
        try:
            manifest = backup_create(folder)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder} ({manifest['database']}, uploads)."))
