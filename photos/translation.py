from modeltranslation.translator import TranslationOptions, register

from core.history import track_history
from photos.models import Photo


@register(Photo)
class PhotoTranslation(TranslationOptions):
    fields = ("alt_text", "caption")


# After the translations: the historical tables get every language's columns.
track_history(Photo)
