from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core.richtext import html_to_text
from core.text import clean_text, feed_html
from delegations.models import Delegation


class DelegationsFeed(Feed):
    title = _("Delegations of the Standing Commission on International Affairs")
    description = _("The latest published incoming and outgoing visits.")

    def link(self):
        return reverse("delegations:list")

    def items(self):
        return Delegation.objects.published().order_by("-start_date", "-pk")[:30]

    def item_title(self, item: Delegation) -> str:
        return clean_text(item.title, multiline=False)

    def item_description(self, item: Delegation) -> str:
        # Plain text, escaped: a feed reader shows an editor's "<b>" as typed.
        return feed_html(item.purpose or html_to_text(item.summary))

    def item_pubdate(self, item: Delegation):
        return item.published_at

    def item_updateddate(self, item: Delegation):
        return item.updated_at


class DelegationsAtomFeed(DelegationsFeed):
    feed_type = Atom1Feed
    subtitle = DelegationsFeed.description
