from modeltranslation.translator import TranslationOptions, register

from commission.models import Membership, Organisation, Person, Topic
from core.history import track_history


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "short_name")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "position", "biography")


# After the translations: the historical tables get every language's columns.
track_history(Topic, Organisation, Person, Membership)
