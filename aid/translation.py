from modeltranslation.translator import TranslationOptions, register

from aid.models import AidProgramme, AidProject, Milestone, ProjectDocument, ProjectPhoto
from core.history import track_history
from core.translations import register_parts


@register(AidProgramme)
class AidProgrammeTranslation(TranslationOptions):
    fields = ("title", "description", "seo_description")


@register(AidProject)
class AidProjectTranslation(TranslationOptions):
    fields = ("title", "district", "summary", "body", "seo_description")


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("note",)


@register(ProjectDocument)
class ProjectDocumentTranslation(TranslationOptions):
    fields = ("title",)


# After the translations: the historical tables get every language's columns.
track_history(AidProgramme, AidProject, Milestone, ProjectDocument, ProjectPhoto)

# The rows shown on a project's page, counted in its translation completeness.
register_parts(AidProject, "milestones", "documents", "gallery__photo")
