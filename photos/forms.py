from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from photos.models import Photo
from photos.validation import ImageFacts, validate_image_file

ACCEPT = "image/jpeg,image/png,image/webp,image/avif,image/gif"


class PhotoAdminForm(forms.ModelForm):
    """The photo form: the file is checked from its bytes before anything is stored."""

    class Meta:
        model = Photo
        fields = (
            "original",
            "alt_text",
            "caption",
            "credit",
            "licence",
            "is_sample",
            "taken_on",
            "focal_x",
            "focal_y",
        )
        widgets = {"original": forms.ClearableFileInput(attrs={"accept": ACCEPT})}

    def clean_original(self):
        upload = self.cleaned_data.get("original")
        if upload and "original" in self.changed_data:
            self.facts = validate_image_file(upload)
        return upload

    def save(self, commit: bool = True) -> Photo:
        facts: ImageFacts | None = getattr(self, "facts", None)
        if facts:
            self.instance.width, self.instance.height = facts.width, facts.height
        return super().save(commit)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Several image files in one field, each checked like a single upload."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        cleaned, errors = [], []
        for upload in files:
            try:
                upload = super().clean(upload, initial)
                cleaned.append((upload, validate_image_file(upload)))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        if self.required and not cleaned:
            raise ValidationError(self.error_messages["required"], code="required")
        return cleaned


class GalleryUploadForm(forms.ModelForm):
    """Adds 'upload several photos at once' to a content form with a gallery."""

    upload_photos = MultipleImageField(
        label=_("Add photos"),
        required=False,
        help_text=_("Choose one or more JPEG, PNG, WebP, AVIF or GIF files."),
    )
    upload_alt_text = forms.CharField(
        label=_("Alternative text for the new photos"),
        required=False,
        max_length=300,
        help_text=_("What the photos show. Each can be refined afterwards."),
    )
    upload_credit = forms.CharField(
        label=_("Credit for the new photos"), required=False, max_length=200
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("upload_photos") and not (cleaned.get("upload_alt_text") or "").strip():
            self.add_error(
                "upload_alt_text", _("Give the alternative text for the photos you add.")
            )
        return cleaned


class GalleryFormSet(BaseInlineFormSet):
    """A gallery has at most one cover."""

    def clean(self) -> None:
        super().clean()
        covers = [
            form
            for form in self.forms
            if form.cleaned_data.get("is_cover") and not form.cleaned_data.get("DELETE")
        ]
        if len(covers) > 1:
            raise ValidationError(
                _("Choose one cover photo, not %(count)s.") % {"count": len(covers)}
            )
