from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from aid.filters import AidProjectFilter
from aid.models import AidProgramme, AidProject, AidProjectQuerySet
from aid.totals import published_projects, totals_html
from core.content_cache import cached, count_and_first, in_order
from core.filtering import FilteredListMixin, SortedListMixin
from core.publishing import PublishedDetailMixin
from meetings.models import Meeting
from photos.models import gallery_prefetch


class AidIndexView(SortedListMixin, FilteredListMixin, ListView):
    template_name = "aid/aid_index.html"
    context_object_name = "projects"
    filterset_class = AidProjectFilter
    paginate_by = 50
    sort_keys = AidProjectQuerySet.SORT_KEYS

    def get_queryset(self):
        return self.sorted(self.filter(published_projects().for_lists()))

    def sort_queryset(self, queryset, key, descending):
        return queryset.sorted_by(key, descending=descending)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["projects_count"] = context["paginator"].count
        # Read only when the list is rendered: once per change (keep_until_change).
        context["programmes"] = AidProgramme.objects.published().select_related("donor")
        context["totals_html"] = totals_html(
            self.filterset.qs, name=f"index:{self.applied_filters()!r}", overview=True
        )
        return context


class ProgrammeDetailView(PublishedDetailMixin, DetailView):
    template_name = "aid/aidprogramme_detail.html"
    context_object_name = "programme"

    def get_queryset(self):
        return self.visible(AidProgramme.objects.all()).select_related("donor")

    #: Projects listed on the page; the rest are in the filtered project list.
    projects_shown = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        projects = published_projects().filter(programme=self.object)
        # The count and the first projects' ids kept until the content changes.
        first = cached(
            f"programme-projects:{self.object.pk}",
            lambda: count_and_first(projects, self.projects_shown),
        )
        context["projects"] = in_order(published_projects(), first["ids"])
        context["projects_count"] = first["count"]
        context["projects_shown"] = len(first["ids"])
        context["totals_html"] = totals_html(projects, name=f"programme:{self.object.pk}", level=3)
        return context


class ProjectDetailView(PublishedDetailMixin, DetailView):
    template_name = "aid/aidproject_detail.html"
    context_object_name = "project"

    def get_queryset(self):
        projects = self.visible(AidProject.objects.all())
        return projects.select_related("donor", "programme", "recipient").prefetch_related(
            "milestones",
            "documents",
            gallery_prefetch(AidProject),
            Prefetch("related_meetings", queryset=Meeting.objects.published()),
        )
