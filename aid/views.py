from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from aid.charts import region_label, totals_charts
from aid.filters import AidProjectFilter
from aid.models import AidProgramme, AidProject, ProjectPhoto
from aid.totals import totals_by_currency, usd_total
from commission.content_cache import cached
from commission.filtering import FilteredListMixin
from commission.models import Organisation
from commission.publishing import PublishedDetailMixin
from meetings.models import Meeting


def published_projects():
    return AidProject.objects.published().select_related("donor", "programme", "recipient")


def totals_html(projects, name: str) -> str:
    """The totals section (``aid/includes/totals.html``) of ``projects``, rendered.

    Kept until the content changes (commission.content_cache), per language:
    ``name`` says what ``projects`` are (e.g. the filters applied). The
    aggregates and charts are computed and drawn once per change, not per view.
    """
    return cached(
        f"aid-totals:{name}",
        lambda: render_to_string("aid/includes/totals.html", totals_context(projects)),
        per_language=True,
    )


def totals_context(projects) -> dict:
    """Totals per currency and the charts by donor, region and year."""
    donors = {}

    def donor_name(pk):
        if not donors:
            donors.update(Organisation.objects.filter(pk__in=projects.values("donor")).in_bulk())
        return donors[pk].name if pk in donors else "—"

    return {
        "currency_totals": totals_by_currency(projects),
        "usd_total": usd_total(projects),
        "charts": [
            *totals_charts(projects, "donor", _("Totals by donor"), donor_name),
            *totals_charts(projects, "region", _("Totals by region"), region_label),
            *totals_charts(projects, "year", _("Totals by year"), lambda year: str(year or "—")),
        ],
    }


class AidIndexView(FilteredListMixin, ListView):
    template_name = "aid/aid_index.html"
    context_object_name = "projects"
    filterset_class = AidProjectFilter
    paginate_by = 50

    def get_queryset(self):
        return self.filter(published_projects().for_lists())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["programmes"] = AidProgramme.objects.published().select_related("donor")
        context["totals_html"] = totals_html(
            self.filterset.qs, name=f"index:{self.applied_filters()!r}"
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
        context["projects"] = projects[: self.projects_shown]
        context["projects_count"] = projects.count()
        context["totals_html"] = totals_html(projects, name=f"programme:{self.object.pk}")
        return context


class ProjectDetailView(PublishedDetailMixin, DetailView):
    template_name = "aid/aidproject_detail.html"
    context_object_name = "project"

    def get_queryset(self):
        projects = self.visible(AidProject.objects.all())
        return projects.select_related("donor", "programme", "recipient").prefetch_related(
            "milestones",
            "documents",
            Prefetch("gallery", queryset=ProjectPhoto.objects.select_related("photo")),
            Prefetch("related_meetings", queryset=Meeting.objects.published()),
        )
