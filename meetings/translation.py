from modeltranslation.translator import TranslationOptions, register

from core.history import track_history
from core.translations import register_parts
from meetings.models import Meeting, MeetingPhoto, Participant


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "place", "summary", "body", "seo_description")


@register(Participant)
class ParticipantTranslation(TranslationOptions):
    fields = ("role",)


# After the translations: the historical tables get every language's columns.
track_history(Meeting, Participant, MeetingPhoto)

# The rows shown on a meeting's page, counted in its translation completeness.
register_parts(Meeting, "participant_set", "gallery__photo")
