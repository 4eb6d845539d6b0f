from django.core.management.base import BaseCommand

from backoffice.demo.removal import remove_samples
from core.storage import files_follow_transaction


class Command(BaseCommand):
    help = (
        "Delete every sample record (is_sample) with what belongs to it, its history and "
        "its files (photo originals and variants, documents), leaving the real facts."
    )

    def handle(self, *args, **options) -> None:
        with files_follow_transaction():
            counts = remove_samples()
        removed = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n) or "nothing"
        self.stdout.write(self.style.SUCCESS(f"Sample records removed: {removed}."))
