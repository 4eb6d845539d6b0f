from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from core.filtering import FilteredListMixin
from core.publishing import PublishedDetailMixin
from delegations.filters import DelegationFilter
from delegations.models import Delegation, DelegationMember, ProgrammeItem
from meetings.models import Meeting
from photos.models import gallery_prefetch


class DelegationListView(FilteredListMixin, ListView):
    template_name = "delegations/delegation_list.html"
    filterset_class = DelegationFilter
    paginate_by = 20

    def get_queryset(self):
        return self.filter(Delegation.objects.published().for_lists())


class DelegationDetailView(PublishedDetailMixin, DetailView):
    template_name = "delegations/delegation_detail.html"

    def get_queryset(self):
        delegations = self.visible(Delegation.objects.all())
        if not self.preview:
            delegations = delegations.filter(start_date__year=self.kwargs["year"])
        return (
            delegations.select_related("head")
            .with_countries()
            .prefetch_related(
                "host_organisations",
                "documents",
                Prefetch(
                    "programme",
                    queryset=ProgrammeItem.objects.prefetch_related(
                        Prefetch("meeting", queryset=Meeting.objects.published())
                    ),
                ),
                Prefetch("members", queryset=DelegationMember.objects.select_related("person")),
                gallery_prefetch(Delegation),
            )
        )
