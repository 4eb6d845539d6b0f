from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_inlines import InlineFormSet
from photos import pending
from photos.models import Photo
from photos.validation import ImageFacts, validate_image_file

ACCEPT = "image/jpeg,image/png,image/webp,image/avif,image/gif"
ALT_MAX = Photo._meta.get_field("alt_text").max_length
CAPTION_MAX = Photo._meta.get_field("caption").max_length


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


class CheckedFiles(list):
    """The files that passed the checks, with the messages of those refused."""

    def __init__(self, files=(), refused=()):
        super().__init__(files)
        self.refused = list(refused)


class MultipleImageField(forms.FileField):
    """Several image files in one field, each checked like a single upload.

    Cleaning gives the files that passed (``(upload, facts)`` pairs) with the
    reasons the others were refused, so that a form can keep the good ones.
    """

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
        if self.required and not cleaned and not errors:
            raise ValidationError(self.error_messages["required"], code="required")
        return CheckedFiles(cleaned, errors)


class PendingPhotosWidget(forms.Widget):
    """Photos kept while the form is corrected: each with its own alt text and caption."""

    template_name = "admin/photos/pending_photos.html"

    def value_from_datadict(self, data, files, name):
        tokens = data.getlist(name) if hasattr(data, "getlist") else []
        return [
            {
                "token": token,
                "alt": data.get(f"{name}_alt_{index}", ""),
                "caption": data.get(f"{name}_caption_{index}", ""),
                "remove": bool(data.get(f"{name}_remove_{index}")),
            }
            for index, token in enumerate(tokens)
        ]

    def value_omitted_from_data(self, data, files, name):
        return False

    def render(self, name, value, attrs=None, renderer=None):
        # The project's templates (not the form renderer's): the admin's look.
        from django.template.loader import render_to_string
        from django.utils.safestring import mark_safe

        context = self.get_context(name, value, attrs)
        return mark_safe(render_to_string(self.template_name, context))

    def get_context(self, name, value, attrs):
        from django.urls import NoReverseMatch, reverse

        context = super().get_context(name, value, attrs)
        items = []
        for index, item in enumerate(value or []):
            found = pending.load(item["token"])
            if found is None:
                continue
            try:
                preview = reverse("admin:photos_photo_pending", args=[item["token"]])
            except NoReverseMatch:
                preview = ""
            items.append({**item, "index": index, "photo": found, "preview": preview})
        context["widget"]["items"] = items
        return context


class PendingPhotosField(forms.Field):
    widget = PendingPhotosWidget

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        return value or []


class GalleryUploadForm(forms.ModelForm):
    """Adds 'upload several photos at once' to a content form with a gallery.

    Each new photo has its own alternative text (required) and caption. Files
    that pass the image checks are kept (``photos.pending``) whatever else is
    wrong with the form, and come back with it, so nothing chosen is lost.
    """

    upload_photos = MultipleImageField(
        label=_("Add photos"),
        required=False,
        help_text=_(
            "Choose one or more JPEG, PNG, WebP, AVIF or GIF files, then describe each one."
        ),
    )
    pending_photos = PendingPhotosField(label=_("New photos"))
    upload_credit = forms.CharField(
        label=_("Credit for the new photos"), required=False, max_length=200
    )

    def clean(self):
        cleaned = super().clean()
        kept = []
        for item in cleaned.get("pending_photos") or []:
            found = pending.load(item["token"])
            if found is None:
                continue
            if item["remove"]:
                pending.discard(found)
                continue
            kept.append((found, item["alt"].strip(), item["caption"].strip()))
        uploads = cleaned.get("upload_photos") or CheckedFiles()
        for index, (upload, facts) in enumerate(uploads):
            kept.append(
                (
                    pending.stage(upload, facts),
                    self.data.get(f"upload_photos_alt_{index}", "").strip(),
                    self.data.get(f"upload_photos_caption_{index}", "").strip(),
                )
            )
        if getattr(uploads, "refused", None):
            self.add_error("upload_photos", uploads.refused)
        cleaned["upload_photos"] = []
        cleaned["new_photos"] = kept
        self._keep_for_next_submission(kept)

        missing = [photo.label for photo, alt, _caption in kept if not alt]
        if missing:
            self.add_error(
                "pending_photos",
                ngettext(
                    "Give the alternative text of the new photo %(names)s: "
                    "what it shows, for people who cannot see it.",
                    "Give the alternative text of each new photo (%(names)s): "
                    "what it shows, for people who cannot see it.",
                    len(missing),
                )
                % {"names": ", ".join(missing)},
            )
        for photo, alt, caption in kept:
            if len(alt) > ALT_MAX or len(caption) > CAPTION_MAX:
                self.add_error(
                    "pending_photos",
                    _(
                        "The alternative text of %(name)s is longer than %(alt)d characters "
                        "or its caption longer than %(caption)d."
                    )
                    % {"name": photo.label, "alt": ALT_MAX, "caption": CAPTION_MAX},
                )
        return cleaned

    def _keep_for_next_submission(self, kept) -> None:
        """Put every kept photo in the form's data, so a form shown again lists them."""
        if isinstance(self.data, QueryDict):
            data = self.data.copy()
        else:
            data = QueryDict(mutable=True)
            for key, value in self.data.items():
                data.setlist(key, value if isinstance(value, list) else [value])
        for key in [key for key in data if key.startswith(("pending_photos_", "upload_photos_"))]:
            del data[key]
        data.setlist("pending_photos", [photo.token for photo, _alt, _caption in kept])
        for index, (_photo, alt, caption) in enumerate(kept):
            data[f"pending_photos_alt_{index}"] = alt
            data[f"pending_photos_caption_{index}"] = caption
        self.data = data


class GalleryFormSet(InlineFormSet):
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
