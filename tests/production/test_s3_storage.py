"""Photos on S3-compatible object storage (django-storages), against moto's S3 server.

The server runs on loopback as a separate process, as MinIO or AWS would, so
the real HTTP path of boto3 and django-storages is exercised.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.signals import post_save
from django.urls import reverse

from delegations.models import DelegationDocument
from photos.models import Photo
from tests.core import documents
from tests.factories import make_delegation, make_meeting, meeting_form
from tests.photos.images import jpeg_bytes, noisy_jpeg

BUCKET = "commission-media"
KEYS = {"access_key": "testing", "secret_key": "testing"}
# The policy the README asks for: variants public; originals and documents not
# (documents are served by the site, which checks that their item is published).
PUBLIC_READ_POLICY = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [f"arn:aws:s3:::{BUCKET}/photos/*"],
            }
        ],
    }
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("moto's S3 server did not start")
        yield endpoint
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture
def bucket(s3_endpoint, settings):
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=BUCKET)
    client.put_bucket_policy(Bucket=BUCKET, Policy=PUBLIC_READ_POLICY)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "core.storage.MediaS3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                "querystring_auth": False,
                "default_acl": None,
                "file_overwrite": False,
                "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
                **KEYS,
            },
        },
    }

    def keys() -> set[str]:
        listing = client.list_objects_v2(Bucket=BUCKET)
        return {item["Key"] for item in listing.get("Contents", [])}

    client.keys = keys
    yield client
    for key in keys():
        client.delete_object(Bucket=BUCKET, Key=key)
    client.delete_bucket(Bucket=BUCKET)


def test_the_production_settings_select_s3_from_the_environment(s3_endpoint, tmp_path):
    code = (
        "from django.core.files.storage import storages; s = storages['default'];"
        "print(type(s).__name__, s.bucket_name, s.endpoint_url)"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "MEDIA_STORAGE": "s3",
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": s3_endpoint,
    }
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.stdout.split() == ["MediaS3Storage", BUCKET, s3_endpoint], result.stderr

    env.pop("AWS_STORAGE_BUCKET_NAME")
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True
    )
    assert result.returncode == 1
    assert b"AWS_STORAGE_BUCKET_NAME must be set when MEDIA_STORAGE=s3" in result.stderr


def test_an_uploaded_photo_and_its_variants_live_in_the_bucket(
    admin_client, bucket, s3_endpoint, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("visit.jpg", jpeg_bytes(1000, 600), "image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:photos_photo_add"),
            {"original": upload, "alt_text_en": "The visit", "focal_x": "0.5", "focal_y": "0.5"},
        )
    assert response.status_code == 302

    photo = Photo.objects.get()
    assert photo.status == Photo.Status.READY, photo.failure_reason
    variant_names = {variant["name"] for variant in photo.variants}
    assert len(variant_names) == 9  # 480, 768 and 1000 px in AVIF, WebP and JPEG
    assert bucket.keys() == variant_names | {photo.original.name}
    head = bucket.head_object(Bucket=BUCKET, Key=photo.variants[0]["name"])
    assert head["CacheControl"] == "public, max-age=31536000, immutable"
    assert head["ContentLength"] == photo.variants[0]["bytes"]

    # Pages link the variants at the object store, and the bytes are there.
    meeting = make_meeting(title_en="Talks")
    meeting.gallery.create(photo=photo, position=0, is_cover=True)
    page = admin_client.get(meeting.get_absolute_url()).content.decode()
    jpeg = next(v for v in photo.variants if v["format"] == "jpeg")
    url = f"{s3_endpoint}/{BUCKET}/{jpeg['name']}"
    assert url in page
    with urllib.request.urlopen(url, timeout=5) as served:
        assert served.read()[:3] == b"\xff\xd8\xff"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{s3_endpoint}/{BUCKET}/{photo.original.name}", timeout=5)
    assert refused.value.code == 403, "originals stay private"

    # Deleting the photo removes its objects once the deletion commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:photos_photo_delete", args=[photo.pk]), {"post": "yes"}
        )
    assert response.status_code == 302
    assert bucket.keys() == set()


def test_documents_in_the_bucket_are_private_and_served_by_the_site(
    admin_client, bucket, s3_endpoint
):
    from django.test import Client

    delegation = make_delegation(title_en="Visit to Tokyo", status="published")
    pdf = documents.pdf_bytes()
    url = reverse("admin:delegations_delegation_change", args=[delegation.pk])
    data = documents.with_new_document(
        documents.form_data(admin_client, url, "delegation_form"),
        "documents",
        title_en="Joint statement",
        file=SimpleUploadedFile("statement.html", pdf, "text/html"),
    )
    assert admin_client.post(url, data).status_code == 302
    document = DelegationDocument.objects.get()
    key = document.file.name
    assert key.startswith("documents/delegations/") and key.endswith(".pdf")
    assert bucket.keys() == {key}

    # The bucket gives the object to no one; the site does, with inert headers.
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{s3_endpoint}/{BUCKET}/{key}", timeout=5)
    assert refused.value.code == 403, "documents stay private in the bucket"
    visitor = Client()
    page = visitor.get(delegation.get_absolute_url()).content.decode()
    assert document.get_absolute_url() in page and s3_endpoint not in page
    response = visitor.get(document.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="joint-statement.pdf"'
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"

    # Back to draft: gone for the public, still there for staff.
    delegation.status = "draft"
    delegation.save()
    assert visitor.get(document.get_absolute_url()).status_code == 404
    assert admin_client.get(document.get_absolute_url()).status_code == 200


def test_a_refused_document_leaves_no_object_in_the_bucket(admin_client, bucket):
    delegation = make_delegation(status="published")
    url = reverse("admin:delegations_delegation_change", args=[delegation.pk])
    data = documents.with_new_document(
        documents.form_data(admin_client, url, "delegation_form"),
        "documents",
        title_en="Agenda",
        file=SimpleUploadedFile("agenda.html", documents.HTML, "text/html"),
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "agenda.html is an HTML page" in response.content.decode()
    assert not DelegationDocument.objects.exists()
    assert bucket.keys() == set()


def test_a_failed_save_leaves_no_object_in_the_bucket(admin_client, bucket):
    meeting = make_meeting(title_en="Talks", status="draft")
    data = meeting_form(title_en="Talks", status="draft", slug=meeting.slug)
    data["upload_photos"] = [SimpleUploadedFile("one.jpg", noisy_jpeg(200, 200), "image/jpeg")]
    data["upload_photos_alt_0"] = "At the table"

    def fail(sender, **kwargs):
        raise RuntimeError("the next row could not be written")

    # The original is in the bucket when the save fails just after it.
    post_save.connect(fail, sender=Photo, dispatch_uid="test-fail")
    try:
        with pytest.raises(RuntimeError):
            admin_client.post(reverse("admin:meetings_meeting_change", args=[meeting.pk]), data)
    finally:
        post_save.disconnect(sender=Photo, dispatch_uid="test-fail")
    assert Photo.objects.count() == 0
    assert bucket.keys() == set(), "the original written before the failure was removed"


def test_health_checks_the_bucket(client, db, bucket, settings):
    settings.HEALTH_TOKEN = "health-token"
    data = client.get("/health/", HTTP_AUTHORIZATION="Bearer health-token").json()
    assert data["checks"]["storage"]["ok"] is True
    assert bucket.keys() == set(), "the health check cleans up after itself"

    settings.STORAGES["default"]["OPTIONS"]["bucket_name"] = "no-such-bucket"
    settings.STORAGES = dict(settings.STORAGES)  # announce the change
    response = client.get("/health/", HTTP_AUTHORIZATION="Bearer health-token")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"]["ok"] is False
