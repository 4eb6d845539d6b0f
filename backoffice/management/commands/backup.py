from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backoffice.backup import create_backup


class Command(BaseCommand):
    help = (
        "Write one archive (.tar.gz) with a portable dump of the database (restores into "
        "SQLite or PostgreSQL) and the uploaded originals and documents."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="The archive to write, e.g. backup-2026-11-28.tar.gz")

    def handle(self, *args, **options) -> None:
        path = Path(options["path"])
        if not path.parent.is_dir():
            raise CommandError(f"The folder {path.parent} does not exist.")
        partial = path.with_name(path.name + ".partial")
        try:
            manifest = create_backup(partial, progress=lambda m: self.stdout.write(f"  … {m}"))
            partial.replace(path)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise CommandError(f"Cannot write {path}: {error.strerror or error}.") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {path}: {manifest['rows']} rows, "
                f"{len(manifest['files'])} files."
            )
        )
