"""The preview of a draft from a signed, expiring link (made by ``core.preview``).

The draft is shown by its kind's public detail view (``core.kinds``).
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from core.kinds import kind_by_label
from core.preview import MAX_AGE, SALT
from core.two_factor import is_verified


def preview(request: HttpRequest, token: str) -> HttpResponse:
    if not (request.user.is_active and request.user.is_staff and is_verified(request.user)):
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    try:
        label, pk = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        response = render(request, "backoffice/preview_expired.html", status=410)
        response["Cache-Control"] = "private, no-store"
        return response
    except signing.BadSignature as error:
        raise Http404 from error
    kind = kind_by_label().get(label)
    if kind is None:
        raise Http404
    model = kind.model
    if not request.user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}"):
        raise Http404
    response = kind.detail_view.as_view(preview=True)(request, pk=pk)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
