from django.utils.translation import gettext_lazy as _

from core import kinds


def create_countries(using="default", apps=None, **kwargs) -> None:
    from django.db import router

    from commission.models import Country

    try:
        model = apps.get_model("commission", "Country") if apps else Country
    except LookupError:
        return  # migrated back to before the country table
    if router.allow_migrate_model(using, model):
        Country.ensure_all(using=using, model=model)


class CommissionConfig(kinds.ProjectAppConfig):
    name = "commission"
    verbose_name = _("Commission: people and organisations")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        # Every country django-countries knows has its row (as contenttypes and
        # permissions do: after each migrate and flush, new codes included).
        post_migrate.connect(
            create_countries, sender=self, dispatch_uid="commission.create_countries"
        )
