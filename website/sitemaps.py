"""The sitemap index: the site's own pages and each content app's sitemap."""

from django.urls import reverse

from aid.sitemaps import ProgrammeSitemap, ProjectSitemap
from core.sitemaps import LocalisedSitemap
from delegations.sitemaps import DelegationSitemap
from meetings.sitemaps import MeetingSitemap


class PagesSitemap(LocalisedSitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "home",
            "meetings:archive",
            "delegations:list",
            "aid:index",
            "countries",
            "members",
            "about",
            "open_data",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {
    "pages": PagesSitemap,
    "meetings": MeetingSitemap,
    "delegations": DelegationSitemap,
    "programmes": ProgrammeSitemap,
    "projects": ProjectSitemap,
}
