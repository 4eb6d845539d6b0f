from modeltranslation.translator import TranslationOptions, register

from photos.models import Photo


@register(Photo)
class PhotoTranslation(TranslationOptions):
    fields = ("alt_text", "caption")
