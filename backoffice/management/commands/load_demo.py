from django.core.management.base import BaseCommand, CommandError

from backoffice.demo.loader import SamplesRefused, load_demo_content


class Command(BaseCommand):
    help = (
        "Load the demo content: the real facts (the commission chairman's meeting with the "
        "Ambassador of Japan, Japan's aid programmes and projects) and, in development, a "
        "year of sample records labelled as such. Safe to run again: nothing is duplicated."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--without-samples",
            action="store_true",
            help="Load the real facts only, no sample records or sample photos "
            "(the only way with DEBUG off).",
        )

    def handle(self, *args, **options) -> None:
        with_samples = not options["without_samples"]
        try:
            counts = load_demo_content(samples=with_samples, sample_set=with_samples)
        except SamplesRefused as refused:
            raise CommandError(str(refused)) from None
        created = sum(n for key, n in counts.items() if key.endswith("created"))
        updated = sum(n for key, n in counts.items() if key.endswith("updated"))
        what = "with sample records" if with_samples else "real facts only"
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content loaded ({what}): {created} objects created, {updated} updated."
            )
        )
