from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Enrol a TOTP authenticator for a staff account and print its otpauth:// address "
        "(paste it into an authenticator app, or make a QR code of it)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="authenticator", help="A name for the device.")
        parser.add_argument(
            "--replace", action="store_true", help="Remove the account's existing devices first."
        )

    def handle(self, *args, **options) -> None:
        user_model = get_user_model()
        try:
            user = user_model.objects.get(username=options["username"])
        except user_model.DoesNotExist:
            raise CommandError(f"No account named {options['username']!r}.") from None
        if not user.is_staff:
            raise CommandError(f"{user.username} is not a staff account.")
        existing = TOTPDevice.objects.filter(user=user)
        if existing.exists() and not options["replace"]:
            raise CommandError(
                f"{user.username} already has a device; use --replace to issue a new one."
            )
        existing.delete()
        device = TOTPDevice.objects.create(user=user, name=options["name"], confirmed=True)
        self.stdout.write(device.config_url)
        self.stdout.write(self.style.SUCCESS(f"TOTP device enrolled for {user.username}."))
