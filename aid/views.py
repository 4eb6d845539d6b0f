from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from aid.charts import dimension_chart, region_label
from aid.filters import AidProjectFilter
from aid.models import AidProgramme, AidProject, ProjectPhoto
from aid.totals import totals_by_currency, usd_total
from commission.filtering import FilteredListMixin
from commission.models import Organisation
from commission.publishing import PublishedDetailMixin
from meetings.models import Meeting


def published_projects():
    return AidProject.objects.published().select_related("donor", "programme", "recipient")


def totals_context(projects) -> dict:
    """Totals per currency and the charts by donor, region and year."""
    currency_totals = totals_by_currency(projects)
    # One query for the donors' names whenever there is something to chart,
    # so that the page's queries do not depend on which bars are drawn.
    donors = (
        Organisation.objects.filter(pk__in=projects.values("donor")).in_bulk()
        if currency_totals
        else {}
    )

    def donor_name(pk):
        return donors[pk].name if pk in donors else "—"

    usd = usd_total(projects)
    options = {
        "currencies": [total.currency for total in currency_totals],
        "without_usd": usd.projects_without_usd,
    }
    charts = (
        dimension_chart(projects, "donor", _("Totals by donor"), donor_name, **options),
        dimension_chart(projects, "region", _("Totals by region"), region_label, **options),
        dimension_chart(
            projects, "year", _("Totals by year"), lambda year: str(year or "—"), **options
        ),
    )
    return {
        "currency_totals": currency_totals,
        "usd_total": usd,
        "charts": [chart for chart in charts if chart],
    }


class AidIndexView(FilteredListMixin, ListView):
    template_name = "aid/aid_index.html"
    context_object_name = "projects"
    filterset_class = AidProjectFilter
    paginate_by = 50

    def get_queryset(self):
        return self.filter(published_projects())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["programmes"] = AidProgramme.objects.published().select_related("donor")
        context.update(totals_context(self.filterset.qs))
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
        context.update(totals_context(projects))
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
