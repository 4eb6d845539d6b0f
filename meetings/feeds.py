from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core.text import clean_text, feed_html
from meetings.models import Meeting


class MeetingsFeed(Feed):
    title = _("Meetings of the Standing Commission on International Affairs")
    description = _("The latest published meetings of the commission.")

    def link(self):
        return reverse("meetings:archive")

    def items(self):
        meetings = Meeting.objects.published().for_lists().with_countries()
        return meetings.order_by("-date", "-pk")[:30]

    def item_title(self, item: Meeting) -> str:
        return clean_text(item.title, multiline=False)

    def item_description(self, item: Meeting) -> str:
        # Plain text, escaped: a feed reader shows an editor's "<b>" as typed.
        return feed_html(item.summary)

    def item_pubdate(self, item: Meeting):
        return item.published_at

    def item_updateddate(self, item: Meeting):
        return item.updated_at

    def item_categories(self, item: Meeting):
        countries = (str(country.name) for country in item.countries.all())
        return [str(item.get_kind_display()), *countries]


class MeetingsAtomFeed(MeetingsFeed):
    feed_type = Atom1Feed
    subtitle = MeetingsFeed.description
