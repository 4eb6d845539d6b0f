from django.urls import path

import core.years  # noqa: F401 - registers the <year:…> path converter
from core.documents import DocumentDownloadView
from delegations import feeds, views
from delegations.models import DelegationDocument

app_name = "delegations"

urlpatterns = [
    path("", views.DelegationListView.as_view(), name="list"),
    path("feed/rss/", feeds.DelegationsFeed(), name="feed_rss"),
    path("feed/atom/", feeds.DelegationsAtomFeed(), name="feed_atom"),
    path("<year:year>/<slug:slug>/", views.DelegationDetailView.as_view(), name="detail"),
    path(
        "documents/<int:pk>/<str:filename>",
        DocumentDownloadView.as_view(model=DelegationDocument),
        name="document",
    ),
]
