from core.sitemaps import PublishedSitemap
from meetings.models import Meeting


class MeetingSitemap(PublishedSitemap):
    model = Meeting
    fields = ("slug", "date", "updated_at")
