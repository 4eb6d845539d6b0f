"""The admin's app configuration: its own module, as an apps module may declare one default."""

from django.contrib.admin.apps import AdminConfig


class CommissionAdminConfig(AdminConfig):
    """django.contrib.admin, on a site that asks for a TOTP code when ADMIN_REQUIRE_2FA is on."""

    default_site = "backoffice.admin_site.CommissionAdminSite"
