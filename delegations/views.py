from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from commission.publishing import PublishedDetailMixin
from delegations.models import Delegation, DelegationMember, DelegationPhoto


class DelegationListView(ListView):
    template_name = "delegations/delegation_list.html"
    paginate_by = 20

    def get_queryset(self):
        return Delegation.objects.published().select_related("head")


class DelegationDetailView(PublishedDetailMixin, DetailView):
    template_name = "delegations/delegation_detail.html"

    def get_queryset(self):
        delegations = self.visible(Delegation.objects.all())
        if not self.preview:
            delegations = delegations.filter(start_date__year=self.kwargs["year"])
        return delegations.select_related("head").prefetch_related(
            "host_organisations",
            "programme__meeting",
            "documents",
            Prefetch("members", queryset=DelegationMember.objects.select_related("person")),
            Prefetch("gallery", queryset=DelegationPhoto.objects.select_related("photo")),
        )
