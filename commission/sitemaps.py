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
    # Each entry is written once per language; keep sitemap pages small.
    limit = 1000


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
    fields: tuple[str, ...] = ()

    def items(self):
        return self.model.objects.published().only(*self.fields).order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


class MeetingSitemap(PublishedSitemap):
    model = Meeting
    fields = ("slug", "date", "updated_at")


class DelegationSitemap(PublishedSitemap):
    model = Delegation
    fields = ("slug", "start_date", "updated_at")


class ProgrammeSitemap(PublishedSitemap):
    model = AidProgramme
    fields = ("slug", "updated_at")


class ProjectSitemap(PublishedSitemap):
    model = AidProject
    fields = ("slug", "updated_at")


SITEMAPS = {
    "pages": PagesSitemap,
    "meetings": MeetingSitemap,
    "delegations": DelegationSitemap,
    "programmes": ProgrammeSitemap,
    "projects": ProjectSitemap,
}
