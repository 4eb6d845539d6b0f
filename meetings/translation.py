from modeltranslation.translator import TranslationOptions, register

from meetings.models import Meeting, Participant


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "place", "summary", "body", "seo_description")


@register(Participant)
class ParticipantTranslation(TranslationOptions):
    fields = ("role",)
