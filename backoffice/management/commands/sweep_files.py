"""Find stored files no row refers to (left by a crash or an interrupted upload)."""

from __future__ import annotations

from datetime import timedelta

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils import timezone

from aid.models import ProjectDocument
from backoffice.backup import walk_storage
from delegations.models import DelegationDocument
from photos.models import Photo

FOLDERS = ("originals", "photos", "documents")


def referenced_files() -> set[str]:
    names: set[str] = set()
    for original, variants in Photo.objects.values_list("original", "variants"):
        names.add(original)
        names.update(variant["name"] for variant in variants or [])
    for model in (DelegationDocument, ProjectDocument):
        names.update(name for name in model.objects.values_list("file", flat=True) if name)
    return names


class Command(BaseCommand):
    help = (
        "List stored files that no photo or document refers to; with --delete, remove them. "
        "Files younger than --min-age-hours are left alone (an upload may still be committing)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--delete", action="store_true", help="Delete the orphan files.")
        parser.add_argument("--min-age-hours", type=float, default=1.0)

    def handle(self, *args, **options) -> None:
        referenced = referenced_files()
        cutoff = timezone.now() - timedelta(hours=options["min_age_hours"])
        orphans, size = [], 0
        for folder in FOLDERS:
            for name in walk_storage(folder):
                if name in referenced:
                    continue
                try:
                    modified = default_storage.get_modified_time(name)
                except (NotImplementedError, OSError):
                    modified = None
                if modified is not None and modified > cutoff:
                    continue
                orphans.append(name)
                size += default_storage.size(name)
        for name in orphans:
            self.stdout.write(f"{'deleting' if options['delete'] else 'orphan'}: {name}")
            if options["delete"]:
                default_storage.delete(name)
        verb = "deleted" if options["delete"] else "found (use --delete to remove them)"
        self.stdout.write(
            self.style.SUCCESS(f"{len(orphans)} orphan files, {size / 1024:.0f} KiB, {verb}.")
        )
