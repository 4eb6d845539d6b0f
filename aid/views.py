from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from aid.models import AidProgramme, AidProject, ProjectPhoto
from aid.totals import totals_by_currency, usd_total
from commission.publishing import PublishedDetailMixin
from meetings.models import Meeting


def published_projects():
    return AidProject.objects.published().select_related("donor", "programme", "recipient")


class AidIndexView(ListView):
    template_name = "aid/aid_index.html"
    context_object_name = "projects"
    paginate_by = 50

    def get_queryset(self):
        return published_projects()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        projects = AidProject.objects.published()
        context["programmes"] = AidProgramme.objects.published().select_related("donor")
        context["currency_totals"] = totals_by_currency(projects)
        context["usd_total"] = usd_total(projects)
        return context


class ProgrammeDetailView(PublishedDetailMixin, DetailView):
    template_name = "aid/aidprogramme_detail.html"
    context_object_name = "programme"

    def get_queryset(self):
        return self.visible(AidProgramme.objects.all()).select_related("donor")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        projects = published_projects().filter(programme=self.object)
        context["projects"] = projects
        context["currency_totals"] = totals_by_currency(projects)
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
