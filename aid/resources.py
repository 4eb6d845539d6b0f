from import_export import fields

from aid.models import AidProgramme, AidProject, project_donor
from commission.models import Organisation
from core.money import MoneyWidget
from core.resources import AllOrNothingResource, CountryWidget, slug_of, translated


def money(name: str) -> fields.Field:
    """An amount read by the same rule as the admin's money fields (core.money)."""
    return fields.Field(attribute=name, column_name=name, widget=MoneyWidget())


class AidProgrammeResource(AllOrNothingResource):
    donor = slug_of(Organisation, "donor")
    reported_total = money("reported_total")

    class Meta(AllOrNothingResource.Meta):
        model = AidProgramme
        fields = (
            "slug",
            *translated("title", "description", "seo_description"),
            "donor",
            "start_year",
            "revived_year",
            "reported_total",
            "reported_total_currency",
            "reported_total_is_approximate",
            "source_url",
            "status",
            "published_at",
        )


class AidProjectResource(AllOrNothingResource):
    programme = slug_of(AidProgramme, "programme")
    donor = slug_of(Organisation, "donor")
    recipient = slug_of(Organisation, "recipient")
    recipient_country = fields.Field(
        attribute="recipient_country", column_name="recipient_country", widget=CountryWidget()
    )
    amount = money("amount")
    amount_usd = money("amount_usd")

    def import_instance(self, instance, row, **kwargs):
        """A row with a programme and no donor takes the programme's (the form's rule)."""
        super().import_instance(instance, row, **kwargs)
        if instance.donor_id is None and instance.programme_id is not None:
            instance.donor = project_donor(chosen=None, programme=instance.programme)

    class Meta(AllOrNothingResource.Meta):
        model = AidProject
        fields = (
            "slug",
            *translated("title", "district", "summary", "body", "seo_description"),
            "programme",
            "donor",
            "recipient",
            "recipient_country",
            "region",
            "sector",
            "year",
            "amount",
            "currency",
            "amount_is_approximate",
            "amount_usd",
            "project_status",
            "source_url",
            "status",
            "published_at",
        )
