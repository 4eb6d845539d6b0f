from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from commission import preview, views

admin.site.site_header = settings.SITE_NAME
admin.site.site_title = settings.SITE_NAME

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("favicon.ico", RedirectView.as_view(url=settings.STATIC_URL + "icons/favicon.svg")),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("members/", views.MembersView.as_view(), name="members"),
    path("preview/<str:token>/", preview.preview, name="preview"),
    path("meetings/", include("meetings.urls")),
    path("delegations/", include("delegations.urls")),
    path("aid/", include("aid.urls")),
    prefix_default_language=True,
)

if settings.MEDIA_URL == "/media/":
    urlpatterns += [path("media/<path:path>", views.serve_public_media, name="media")]
