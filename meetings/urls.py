from django.urls import path

from meetings import feeds, views

app_name = "meetings"

urlpatterns = [
    path("", views.MeetingArchiveView.as_view(), name="archive"),
    path("feed/rss/", feeds.MeetingsFeed(), name="feed_rss"),
    path("feed/atom/", feeds.MeetingsAtomFeed(), name="feed_atom"),
    path("<int:year>/", views.MeetingYearView.as_view(), name="year"),
    path("<int:year>/<slug:slug>/", views.MeetingDetailView.as_view(), name="detail"),
]
