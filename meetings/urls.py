from django.urls import path

import core.years  # noqa: F401 - registers the <year:…> path converter
from meetings import feeds, views

app_name = "meetings"

urlpatterns = [
    path("", views.MeetingArchiveView.as_view(), name="archive"),
    path("feed/rss/", feeds.MeetingsFeed(), name="feed_rss"),
    path("feed/atom/", feeds.MeetingsAtomFeed(), name="feed_atom"),
    path("<year:year>/", views.MeetingYearView.as_view(), name="year"),
    path("<year:year>/<slug:slug>/", views.MeetingDetailView.as_view(), name="detail"),
]
