"""The admin's language: each member of staff's own choice, else the browser's.

Admin addresses carry no language (the public site's do: /en/, /ru/, /be/).
Django's ``LocaleMiddleware`` picks the browser's language (Accept-Language)
for them; ``AdminLanguageMiddleware``, placed after authentication, replaces it
with the language the user chose in the admin's header (``StaffPreference``).
The choice is stored per user, so it follows them to any browser, and it never
reaches the public site: only admin addresses look at it.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from commission.models import StaffPreference, staff_language_key

#: How long a user's choice is kept in the cache (a save or deletion forgets it at once).
LANGUAGE_KEPT = 600
#: The request attribute holding the saved choice ("" for the browser's language).
CHOICE_ATTRIBUTE = "admin_language_choice"


def is_admin_path(path: str) -> bool:
    return path.startswith("/" + settings.ADMIN_URL)


def saved_language(user) -> str:
    """The language ``user`` chose for the admin, or "" to follow the browser.

    Kept in the cache (every admin page asks for it) until the choice is saved
    or deleted (``commission.models``), for at most ``LANGUAGE_KEPT`` seconds.
    """
    if not (user.is_authenticated and user.is_staff):
        return ""
    key = staff_language_key(user.pk)
    language = cache.get(key)
    if language is None:
        chosen = StaffPreference.objects.filter(user=user).values_list("language", flat=True)
        language = chosen.first() or ""
        cache.set(key, language, LANGUAGE_KEPT)
    return language if language in dict(settings.LANGUAGES) else ""


class AdminLanguageMiddleware:
    """Show the admin in the language its user chose; after authentication."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if is_admin_path(request.path_info):
            language = saved_language(request.user)
            setattr(request, CHOICE_ATTRIBUTE, language)
            if language:
                translation.activate(language)
                request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)


def language_choices() -> list[tuple[str, str]]:
    """Each language named in itself, so that anyone can find their own."""
    names = [
        (code, translation.get_language_info(code)["name_local"])
        for code, _name in settings.LANGUAGES
    ]
    return [("", str(_("The browser's language"))), *names]


class AdminLanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the admin"), choices=language_choices, required=False
    )


@require_POST
def choose_language(request: HttpRequest) -> HttpResponse:
    """Save the admin language of the user who is logged in, and go back where they were."""
    form = AdminLanguageForm(request.POST)
    if form.is_valid():
        StaffPreference.objects.update_or_create(
            user=request.user, defaults={"language": form.cleaned_data["language"]}
        )
    else:
        messages.error(request, _("Choose one of the languages offered."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("admin:index")
    return HttpResponseRedirect(target)
