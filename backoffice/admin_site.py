"""The admin site, with a TOTP second factor when ADMIN_REQUIRE_2FA is on (django-otp)."""

from __future__ import annotations

from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.urls import get_script_prefix, path
from django.utils.translation import get_language

from core.form_fields import permission_key
from core.kept import Kept
from core.two_factor import is_verified, second_factor_required

#: The lists of apps made (see ``get_app_list``).
_APP_LISTS = Kept(limit=500)


class CommissionAdminSite(AdminSite):
    @property
    def login_form(self):
        if second_factor_required():
            from django_otp.admin import OTPAdminAuthenticationForm

            return OTPAdminAuthenticationForm
        return AdminAuthenticationForm

    @property
    def login_template(self):
        if second_factor_required():
            from django_otp.admin import _admin_template_for_django_version

            return _admin_template_for_django_version()
        return None

    def has_permission(self, request) -> bool:
        return super().has_permission(request) and is_verified(request.user)

    def get_app_list(self, request, app_label=None):
        """Django's list of apps and models the user may see, in the desk's order; made
        once per set of permissions, language and address prefix (every admin page
        shows it: made, it asks each model's admin for four permissions and reverses
        two addresses, a twentieth of a list page), each page given its own copy."""
        from backoffice.dashboard import order_app_list

        key = (
            self.name,
            app_label,
            permission_key(request.user),
            get_language(),
            get_script_prefix(),
        )
        apps = _APP_LISTS.get(
            key,
            lambda: order_app_list(
                super(CommissionAdminSite, self).get_app_list(request, app_label), request.user
            ),
        )
        return [
            {**app, "models": [{**model, "perms": {**model["perms"]}} for model in app["models"]]}
            for app in apps
        ]

    def get_urls(self):
        from backoffice.admin_calendar import calendar_view
        from backoffice.admin_language import choose_language

        # Every member of staff may choose their own language: no model permission.
        urls = [
            path("language/", self.admin_view(choose_language), name="language"),
            path("calendar/", self.admin_view(calendar_view), name="calendar"),
        ]
        return urls + super().get_urls()
