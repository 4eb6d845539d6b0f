from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.decorators.cache import cache_page
from django.views.generic import RedirectView

from backoffice import preview
from core import health
from reports import opendata
from reports import views as report_views
from website import views
from website.sitemaps import sitemaps

# Search engines fetch sitemaps rarely; an hour's delay for new items is fine.
SITEMAP_CACHE_SECONDS = 3600
#: The sitemap index's sections (the URL file is read once every app is ready).
SITEMAPS = sitemaps()

admin.site.site_header = settings.SITE_NAME
admin.site.site_title = settings.SITE_NAME

urlpatterns = [
    path(
        f"{settings.ADMIN_URL}annual-report/",
        admin.site.admin_view(report_views.annual_report),
        name="annual_report",
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("health/", health.health, name="health"),
    path(
        "sitemap.xml",
        cache_page(SITEMAP_CACHE_SECONDS)(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cache_page(SITEMAP_CACHE_SECONDS)(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("favicon.ico", RedirectView.as_view(url=settings.STATIC_URL + "icons/favicon.svg")),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("members/", views.MembersView.as_view(), name="members"),
    path("about/", views.AboutView.as_view(), name="about"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("countries/", views.CountryListView.as_view(), name="countries"),
    path("countries/<str:code>/", views.CountryDetailView.as_view(), name="country"),
    path("preview/<str:token>/", preview.preview, name="preview"),
    path("open-data/", opendata.OpenDataView.as_view(), name="open_data"),
    path("open-data/<slug:entity>.csv", opendata.entity_csv, name="open_data_csv"),
    path("open-data/<slug:entity>.json", opendata.entity_json, name="open_data_json"),
    path("open-data/calendar.ics", opendata.calendar, name="open_data_calendar"),
    path("open-data/calendar-<int:year>.ics", opendata.calendar, name="open_data_calendar_year"),
    path("open-data/iati-activities.xml", opendata.iati, name="open_data_iati"),
    path("meetings/", include("meetings.urls")),
    path("delegations/", include("delegations.urls")),
    path("aid/", include("aid.urls")),
    prefix_default_language=True,
)

if settings.MEDIA_URL == "/media/":
    urlpatterns += [path("media/<path:path>", views.serve_public_media, name="media")]

handler500 = "core.errors.server_error"
