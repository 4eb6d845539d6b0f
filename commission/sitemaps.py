"""The sitemap: every public page in every language, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from aid.models import AidProgramme, AidProject
from delegations.models import Delegation
from meetings.models import Meeting


class LocalisedSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


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


class PublishedSitemap(LocalisedSitemap):
    model = None

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


class MeetingSitemap(PublishedSitemap):
    model = Meeting


class DelegationSitemap(PublishedSitemap):
    model = Delegation


class ProgrammeSitemap(PublishedSitemap):
    model = AidProgramme


class ProjectSitemap(PublishedSitemap):
    model = AidProject


SITEMAPS = {
    "pages": PagesSitemap,
    "meetings": MeetingSitemap,
    "delegations": DelegationSitemap,
    "programmes": ProgrammeSitemap,
    "projects": ProjectSitemap,
}
