from import_export import fields

from commission.models import Country, Topic
from core.resources import AllOrNothingResource, CountriesWidget, slugs_of, translated
from meetings.models import Meeting


class MeetingResource(AllOrNothingResource):
    countries = fields.Field(
        attribute="countries", column_name="countries", widget=CountriesWidget(Country)
    )
    topics = slugs_of(Topic, "topics")

    def filter_export(self, queryset, **kwargs):
        return super().filter_export(queryset, **kwargs).prefetch_related("countries", "topics")

    class Meta(AllOrNothingResource.Meta):
        model = Meeting
        fields = (
            "slug",
            *translated("title", "place", "summary", "body", "seo_description"),
            "kind",
            "date",
            "start_time",
            "countries",
            "topics",
            "source_url",
            "status",
            "published_at",
        )
