from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "commission-demo"


class Command(BaseCommand):
    help = "Create (or reset) the demo superuser and print its login. Development only."

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("The demo admin account is for development only (DEBUG is off).")
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=DEMO_USERNAME, defaults={"email": "admin@example.org"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(DEMO_PASSWORD)
        user.save()
        action = "created" if created else "reset"
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo admin {action}: log in at /{settings.ADMIN_URL} as '{DEMO_USERNAME}' "
                f"with password '{DEMO_PASSWORD}'."
            )
        )
