from django.utils.translation import gettext_lazy as _

from core import kinds


class AidConfig(kinds.ContentAppConfig):
    name = "aid"
    verbose_name = _("Foreign aid")

    def content_kinds(self) -> list[kinds.ContentKind]:
        from aid.models import AidProgramme, AidProject
        from aid.sitemaps import ProgrammeSitemap, ProjectSitemap
        from aid.views import ProgrammeDetailView, ProjectDetailView

        return [
            kinds.ContentKind(
                model=AidProgramme,
                detail_view=ProgrammeDetailView,
                sitemap=ProgrammeSitemap,
                sitemap_section="programmes",
                index_url="aid:index",
                # Search lists projects before the programmes they belong to.
                search_position=4,
            ),
            kinds.ContentKind(
                model=AidProject,
                detail_view=ProjectDetailView,
                sitemap=ProjectSitemap,
                sitemap_section="projects",
                index_url="aid:index",
                search_position=3,
                parts=("aid.milestone", "aid.projectdocument", "aid.projectphoto"),
                add_label=_("New aid project"),
                in_annual_report=True,
            ),
        ]
