from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from photos.models import Photo
from photos.variants import is_up_to_date, process_photo


class Command(BaseCommand):
    help = (
        "Make photo variants again. By default every photo not ready; --failed only the failed "
        "ones; --all every photo. Up-to-date photos are skipped unless --force, so running it "
        "twice changes nothing."
    )

    def add_arguments(self, parser) -> None:
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--all", action="store_true", help="Consider every photo.")
        which.add_argument("--failed", action="store_true", help="Only photos that failed.")
        parser.add_argument(
            "--force", action="store_true", help="Re-make variants even when up to date."
        )

    def handle(self, *args, **options) -> None:
        photos = Photo.objects.order_by("pk")
        if options["failed"]:
            photos = photos.filter(status=Photo.Status.FAILED)
        elif not options["all"]:
            photos = photos.exclude(status=Photo.Status.READY)
        ids = list(photos.values_list("pk", flat=True))
        total = len(ids)
        counts = {"made": 0, "up to date": 0, "failed": 0}
        for number, photo_id in enumerate(ids, start=1):
            photo = Photo.objects.filter(pk=photo_id).first()
            if photo is None:
                continue
            if not options["force"] and is_up_to_date(photo):
                outcome = "up to date"
            else:
                photo = process_photo(photo_id, force=True)
                outcome = "failed" if photo.status == Photo.Status.FAILED else "made"
            counts[outcome] += 1
            detail = f": {photo.failure_reason}" if outcome == "failed" else ""
            self.stdout.write(f"[{number}/{total}] photo {photo_id}: {outcome}{detail}")
        summary = ", ".join(f"{count} {label}" for label, count in counts.items())
        if counts["failed"]:
            raise CommandError(f"{total} photos: {summary}.")
        self.stdout.write(self.style.SUCCESS(f"{total} photos: {summary}."))
