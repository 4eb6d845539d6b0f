from django.utils.translation import gettext_lazy as _

from core import kinds


class MeetingsConfig(kinds.ContentAppConfig):
    name = "meetings"
    verbose_name = _("Meetings")

    def content_kinds(self) -> list[kinds.ContentKind]:
        from meetings.models import Meeting
        from meetings.sitemaps import MeetingSitemap
        from meetings.views import MeetingDetailView

        return [
            kinds.ContentKind(
                model=Meeting,
                detail_view=MeetingDetailView,
                sitemap=MeetingSitemap,
                sitemap_section="meetings",
                index_url="meetings:archive",
                search_position=1,
                parts=("meetings.participant", "meetings.meetingphoto"),
                add_label=_("New meeting"),
                in_annual_report=True,
            )
        ]
