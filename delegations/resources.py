from import_export import fields

from commission.models import Country, Organisation, Person, Topic
from core.resources import (
    AllOrNothingResource,
    CountriesWidget,
    slug_of,
    slugs_of,
    translated,
)
from delegations.models import Delegation


class DelegationResource(AllOrNothingResource):
    countries = fields.Field(
        attribute="countries", column_name="countries", widget=CountriesWidget(Country)
    )
    head = slug_of(Person, "head")
    host_organisations = slugs_of(Organisation, "host_organisations")
    topics = slugs_of(Topic, "topics")

    def filter_export(self, queryset, **kwargs):
        return (
            super()
            .filter_export(queryset, **kwargs)
            .select_related("head")
            .prefetch_related("countries", "host_organisations", "topics")
        )

    class Meta(AllOrNothingResource.Meta):
        model = Delegation
        fields = (
            "slug",
            *translated("title", "purpose", "summary", "outcomes", "seo_description"),
            "direction",
            "countries",
            "start_date",
            "end_date",
            "head",
            "host_organisations",
            "topics",
            "source_url",
            "status",
            "published_at",
        )
