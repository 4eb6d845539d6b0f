from modeltranslation.translator import TranslationOptions, register

from delegations.models import Delegation, DelegationDocument, DelegationMember, ProgrammeItem


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
