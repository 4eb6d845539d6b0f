"""Sitemap bases: every public page in every language, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap


class LocalisedSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    # Each entry is written once per language; keep sitemap pages small.
    limit = 1000


class PublishedSitemap(LocalisedSitemap):
    model = None
    fields: tuple[str, ...] = ()

    def items(self):
        return self.model.objects.published().only(*self.fields).order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at
