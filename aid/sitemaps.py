from aid.models import AidProgramme, AidProject
from core.sitemaps import PublishedSitemap


class ProgrammeSitemap(PublishedSitemap):
    model = AidProgramme
    fields = ("slug", "updated_at")


class ProjectSitemap(PublishedSitemap):
    model = AidProject
    fields = ("slug", "updated_at")
