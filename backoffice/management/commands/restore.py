from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from backoffice.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup archive into an empty, migrated database (run migrate first), "
        "then make the photo variants again from the restored originals."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="The archive written by `manage.py backup`.")
        parser.add_argument(
            "--skip-variants", action="store_true", help="Do not remake photo variants now."
        )

    def handle(self, *args, **options) -> None:
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"{path} does not exist.")
        try:
            manifest = restore_backup(path, progress=lambda m: self.stdout.write(f"  … {m}"))
        except BackupError as error:
            raise CommandError(str(error)) from None
        if not options["skip_variants"]:
            call_command("regenerate_photos", "--all", stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {path}: {manifest['rows']} rows, {len(manifest['files'])} files."
            )
        )
