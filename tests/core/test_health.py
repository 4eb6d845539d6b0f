"""/health/: a cheap public answer for load balancers, the full check behind a token."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

TOKEN = "health-token-for-the-tests-0123456789"


@pytest.fixture
def token(settings):
    settings.HEALTH_TOKEN = TOKEN
    return TOKEN


@pytest.fixture
def unwritable_storage(settings, tmp_path):
    """Media under a plain file: every write fails, whoever the process runs as."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"")
    settings.MEDIA_ROOT = blocker / "media"


def test_the_public_answer_says_healthy_and_nothing_more(client, token):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {"healthy": True}
    assert "no-cache" in response["Cache-Control"]


def test_the_public_answer_does_not_touch_the_storage(client, token, unwritable_storage):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {"healthy": True}


def test_the_public_answer_is_503_when_the_database_fails(client, monkeypatch):
    from core import health

    def broken():
        raise OSError("database gone")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json() == {"healthy": False}


@pytest.mark.parametrize(
    "header", ["HTTP_AUTHORIZATION", "HTTP_X_HEALTH_TOKEN"], ids=["bearer", "x-health-token"]
)
def test_the_token_gives_the_full_check(client, token, header):
    value = f"Bearer {token}" if header == "HTTP_AUTHORIZATION" else token
    response = client.get(reverse("health"), **{header: value})
    assert response.status_code == 200
    data = response.json()
    assert data["healthy"] is True
    assert set(data["checks"]) == {"database", "cache", "storage"}
    assert all(check["ok"] for check in data["checks"].values())


def test_the_full_check_names_the_storage_when_it_fails(client, token, unwritable_storage):
    response = client.get(reverse("health"), HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 503
    data = response.json()
    assert data["healthy"] is False
    assert data["checks"]["storage"]["ok"] is False
    assert data["checks"]["database"]["ok"] is True


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_AUTHORIZATION": "Bearer wrong-token"},
        {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}x"},
        {"HTTP_X_HEALTH_TOKEN": TOKEN[:-1]},
    ],
)
def test_a_wrong_token_gets_no_details(client, token, headers):
    response = client.get(reverse("health"), **headers)
    assert response.status_code == 403
    assert "checks" not in response.json()


def test_no_token_is_right_when_none_is_configured(client, settings):
    settings.HEALTH_TOKEN = ""
    response = client.get(reverse("health"), HTTP_AUTHORIZATION="Bearer ")
    assert response.json() == {"healthy": True}  # an empty bearer is no token at all
    response = client.get(reverse("health"), HTTP_X_HEALTH_TOKEN="anything")
    assert response.status_code == 403
    assert "checks" not in response.json()
