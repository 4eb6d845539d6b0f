from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.storage import files_follow_transaction
from photos.services import photo_create
from photos.validation import validate_image_file


class Command(BaseCommand):
    help = (
        "Import photos from disk. Prints one line per file: the new photo's id, or why it "
        "was refused. Carries on past refused files and exits non-zero if any were refused."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "files", nargs="+", help="Image files, or folders (searched with their subfolders)."
        )
        parser.add_argument(
            "--alt",
            default="",
            help="Alternative text for every photo. Without it, the file name is used; review it.",
        )
        parser.add_argument("--credit", default="", help="Credit line for every photo.")
        parser.add_argument("--licence", default="", help="Licence of every photo.")
        parser.add_argument(
            "--sample", action="store_true", help="Label the photos as sample images."
        )

    def handle(self, *args, **options) -> None:
        paths = self._expand(options["files"])
        imported = refused = 0
        for path in paths:
            try:
                photo = self._import(path, options)
            except (ValidationError, OSError) as error:
                refused += 1
                reason = (
                    "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
                )
                self.stdout.write(f"{path}: refused — {reason}")
                continue
            imported += 1
            self.stdout.write(f"{path}: photo {photo.pk} ({photo.get_status_display().lower()})")
        summary = f"{imported} imported, {refused} refused."
        if refused:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))

    def _expand(self, names: list[str]) -> list[Path]:
        paths: list[Path] = []
        for name in names:
            path = Path(name)
            if path.is_dir():
                paths.extend(
                    sorted(
                        child
                        for child in path.rglob("*")
                        if child.is_file()
                        and not any(part.startswith(".") for part in child.relative_to(path).parts)
                    )
                )
            else:
                paths.append(path)
        return paths

    def _import(self, path: Path, options: dict):
        with path.open("rb") as handle:
            upload = File(handle, name=path.name)
            facts = validate_image_file(upload)
            alt = options["alt"] or path.stem.replace("_", " ").replace("-", " ")
            with files_follow_transaction(), transaction.atomic():
                photo = photo_create(
                    file=upload,
                    facts=facts,
                    alt_text=alt,
                    credit=options["credit"],
                    licence=options["licence"],
                    is_sample=options["sample"],
                )
        photo.refresh_from_db()
        return photo
