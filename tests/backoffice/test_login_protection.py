"""django-axes: repeated failed logins lock that username from that address only."""

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.7"  # documentation addresses: no traffic leaves the test client
COLLEAGUE = "198.51.100.20"


def log_in(client, username: str, password: str, address: str):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def test_five_failures_lock_the_account_from_that_address_only(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 5
    for _ in range(5):
        log_in(client, "editor", "wrong-password", ATTACKER)
    locked = log_in(client, "editor", "pw-12345", ATTACKER)
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    # The same person from their usual address still gets in.
    from django.test import Client

    colleague = Client()
    assert log_in(colleague, "editor", "pw-12345", COLLEAGUE).status_code == 302


def test_an_administrator_can_unlock_an_account(client, editor, settings, capsys):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        log_in(client, "editor", "wrong-password", ATTACKER)
    assert log_in(client, "editor", "pw-12345", ATTACKER).status_code == 429
    call_command("axes_reset_username", "editor")
    assert log_in(client, "editor", "pw-12345", ATTACKER).status_code == 302
