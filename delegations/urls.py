from django.urls import path

from delegations import views

app_name = "delegations"

urlpatterns = [
    path("", views.DelegationListView.as_view(), name="list"),
    path("<int:year>/<slug:slug>/", views.DelegationDetailView.as_view(), name="detail"),
]
