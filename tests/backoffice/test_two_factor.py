"""With ADMIN_REQUIRE_2FA on, staff need a TOTP code as well as their password."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.preview import preview_url
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_factor(settings):
    settings.ADMIN_REQUIRE_2FA = True


def enrol(user) -> TOTPDevice:
    call_command("enrol_totp", user.username)
    return TOTPDevice.objects.get(user=user)


def log_in(client, username, password, token="", device=None):
    data = {"username": username, "password": password, "otp_token": token, "next": "/admin/"}
    if device is not None:
        data["otp_device"] = device.persistent_id  # the device chosen on the login form
    return client.post(reverse("admin:login"), data)


def test_a_password_alone_is_not_enough(client, editor, two_factor):
    device = enrol(editor)
    response = log_in(client, "editor", "pw-12345")
    assert response.status_code == 200  # the form again, with an error
    assert client.get(reverse("admin:index")).status_code == 302
    response = log_in(
        client, "editor", "pw-12345", token=f"{(totp(device.bin_key) + 1) % 1000000:06d}"
    )
    assert response.status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302


def test_password_and_code_let_staff_in(client, editor, two_factor):
    device = enrol(editor)
    response = log_in(
        client, "editor", "pw-12345", token=f"{totp(device.bin_key):06d}", device=device
    )
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_session_without_the_second_factor_gets_neither_admin_nor_previews(
    client, editor, two_factor
):
    client.force_login(editor)  # password only, as an old session would be
    assert client.get(reverse("admin:index")).status_code == 302
    assert client.get(reverse("annual_report")).status_code == 302
    draft = make_meeting(status="draft")
    assert client.get(preview_url(draft)).status_code == 302


def test_without_the_setting_the_password_is_enough(client, editor, settings):
    settings.ADMIN_REQUIRE_2FA = False
    response = log_in(client, "editor", "pw-12345")
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_enrolment_prints_an_otpauth_address_and_refuses_a_second_device(editor, capsys):
    call_command("enrol_totp", "editor")
    assert capsys.readouterr().out.startswith("otpauth://totp/")
    with pytest.raises(CommandError, match="already has a device"):
        call_command("enrol_totp", "editor")
    call_command("enrol_totp", "editor", "--replace")
    assert TOTPDevice.objects.filter(user=editor).count() == 1
    with pytest.raises(CommandError, match="No account"):
        call_command("enrol_totp", "nobody")
