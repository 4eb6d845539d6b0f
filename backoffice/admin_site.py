"""The admin site, with a TOTP second factor when ADMIN_REQUIRE_2FA is on (django-otp)."""

from __future__ import annotations

from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.urls import path

from core.two_factor import is_verified, second_factor_required


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
        from backoffice.dashboard import order_app_list

        return order_app_list(super().get_app_list(request, app_label), request.user)

    def get_urls(self):
        from backoffice.admin_calendar import calendar_view
        from backoffice.admin_language import choose_language

        # Every member of staff may choose their own language: no model permission.
        urls = [
            path("language/", self.admin_view(choose_language), name="language"),
            path("calendar/", self.admin_view(calendar_view), name="calendar"),
        ]
        return urls + super().get_urls()
