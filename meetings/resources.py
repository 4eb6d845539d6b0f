from import_export import fields

from commission.models import Topic
from core.resources import AllOrNothingResource, CountriesWidget, slugs_of, translated
from meetings.models import Meeting


class MeetingResource(AllOrNothingResource):
    countries = fields.Field(
        attribute="countries", column_name="countries", widget=CountriesWidget()
    )
    topics = slugs_of(Topic, "topics")

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
