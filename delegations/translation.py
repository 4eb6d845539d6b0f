from modeltranslation.translator import TranslationOptions, register

from core.history import track_history
from core.translations import register_parts
from delegations.models import (
    Delegation,
    DelegationDocument,
    DelegationMember,
    DelegationPhoto,
    ProgrammeItem,
)


@register(Delegation)
class DelegationTranslation(TranslationOptions):
    fields = ("title", "purpose", "summary", "outcomes", "seo_description")


@register(DelegationMember)
class DelegationMemberTranslation(TranslationOptions):
    fields = ("role",)


@register(ProgrammeItem)
class ProgrammeItemTranslation(TranslationOptions):
    fields = ("title", "place")


@register(DelegationDocument)
class DelegationDocumentTranslation(TranslationOptions):
    fields = ("title",)


# After the translations: the historical tables get every language's columns.
track_history(Delegation, DelegationMember, ProgrammeItem, DelegationDocument, DelegationPhoto)

# The rows shown on a visit's page, counted in its translation completeness.
register_parts(Delegation, "members", "programme", "documents", "gallery__photo")
