"""A clear page, not a 500, when the database or the media storage fails.

The request's transaction has been rolled back by then (or died with the
connection), and ``TransactionalFilesMiddleware`` removes the files it wrote,
so the page can say that nothing was saved.
"""

from __future__ import annotations

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views import defaults

from core.storage import STORAGE_FULL_ERRNOS

logger = logging.getLogger("core.errors")

RETRY_AFTER_SECONDS = 30


def _is_database_outage(error: BaseException) -> bool:
    # Lost or refused connections; IntegrityError, ProgrammingError and the
    # like are bugs or bad data, and stay 500s.
    return isinstance(error, OperationalError | InterfaceError)


def _is_storage_outage(error: BaseException) -> bool:
    if isinstance(error, OSError) and error.errno in STORAGE_FULL_ERRNOS:
        return True
    # botocore's errors for an unreachable or refusing object store.
    return type(error).__module__.startswith(("botocore", "boto3"))


def outage_response(request, exception: BaseException) -> HttpResponse | None:
    """The 503 page for a database or storage outage; None for any other error."""
    if _is_database_outage(exception):
        what = "database"
        message = _(
            "The database could not be reached, so nothing was saved. "
            "Please try again in a minute; if you were sending a form, go back "
            "and send it again."
        )
    elif _is_storage_outage(exception):
        what = "storage"
        message = _(
            "The file storage could not take the file (it may be full), so "
            "nothing was saved. The administrators can see this in the logs; "
            "please try again later."
        )
    else:
        return None
    logger.error(
        "%s unavailable during %s %s", what, request.method, request.path, exc_info=exception
    )
    response = HttpResponse(
        render_to_string("service_unavailable.html", {"message": message}), status=503
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class ServiceErrorMiddleware:
    """Outages raised by views (where most are) become the 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return outage_response(request, exception)


def server_error(request) -> HttpResponse:
    """handler500: an outage raised outside a view (say, saving a session) is a 503 too."""
    exception = sys.exc_info()[1]
    response = outage_response(request, exception) if exception else None
    if response is not None:
        return response
    try:
        # The site's layout in the page's language, with a search box.
        return render(request, "500.html", status=500)
    except Exception:  # noqa: BLE001 - the error page itself must never fail
        logger.exception("The error page could not be rendered")
        return defaults.server_error(request, template_name="500_plain.html")
