from django.urls import path

from aid import views
from aid.models import ProjectDocument
from core.documents import DocumentDownloadView

app_name = "aid"

urlpatterns = [
    path("", views.AidIndexView.as_view(), name="index"),
    path("programmes/<slug:slug>/", views.ProgrammeDetailView.as_view(), name="programme"),
    path("projects/<slug:slug>/", views.ProjectDetailView.as_view(), name="project"),
    path(
        "documents/<int:pk>/<str:filename>",
        DocumentDownloadView.as_view(model=ProjectDocument),
        name="document",
    ),
]
