from django.urls import path

from aid import views

app_name = "aid"

urlpatterns = [
    path("", views.AidIndexView.as_view(), name="index"),
    path("programmes/<slug:slug>/", views.ProgrammeDetailView.as_view(), name="programme"),
    path("projects/<slug:slug>/", views.ProjectDetailView.as_view(), name="project"),
]
