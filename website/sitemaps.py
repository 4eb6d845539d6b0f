"""The sitemap index: the site's own pages and each kind of content's sitemap."""

from django.urls import reverse

from core.kinds import kinds
from core.sitemaps import LocalisedSitemap


class PagesSitemap(LocalisedSitemap):
    changefreq = "weekly"

    def items(self):
        # Each content app's index page once (aid's kinds share one), in the kinds' order.
        indexes = list(dict.fromkeys(kind.index_url for kind in kinds()))
        return ["home", *indexes, "countries", "members", "about", "open_data"]

    def location(self, item: str) -> str:
        return reverse(item)


def sitemaps() -> dict[str, type]:
    """{section: sitemap class}: the pages, then each kind's (``core.kinds``)."""
    return {"pages": PagesSitemap, **{kind.sitemap_section: kind.sitemap for kind in kinds()}}
