from modeltranslation.translator import TranslationOptions, register

from commission.models import Organisation, Person, Topic


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "short_name")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "position", "biography")
