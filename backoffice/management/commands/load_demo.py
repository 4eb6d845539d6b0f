from django.core.management.base import BaseCommand

from backoffice.demo.loader import load_demo_content


class Command(BaseCommand):
    help = (
        "Load the demo content (the commission chairman's meeting with the Ambassador of "
        "Japan, Japan's aid programmes and projects). Safe to run again: nothing is duplicated."
    )

    def handle(self, *args, **options) -> None:
        counts = load_demo_content()
        created = sum(n for key, n in counts.items() if key.endswith("created"))
        updated = sum(n for key, n in counts.items() if key.endswith("updated"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content loaded: {created} objects created, {updated} updated."
            )
        )
