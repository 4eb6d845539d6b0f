from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.MeetingArchiveView.as_view(), name="archive"),
    path("<int:year>/", views.MeetingYearView.as_view(), name="year"),
    path("<int:year>/<slug:slug>/", views.MeetingDetailView.as_view(), name="detail"),
]
