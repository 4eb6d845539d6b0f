"""People, organisations and commission membership, shared by every app."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField

from core.countries import name_of
from core.documents import (
    DocumentFileField,
    document_upload_to,
    stored_type,
)
from core.publishing import sample_field, sample_q
from core.richtext import RichTextField


class Topic(models.Model):
    """A subject a meeting or visit deals with (e.g. healthcare, trade)."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    is_sample = sample_field()

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name


class Country(models.Model):
    """A country (ISO 3166-1 alpha-2), the one table items concerning countries refer to.

    Only the code is stored; the name is django-countries' (and CLDR's for
    Belarusian, ``commission.country_names``) in the language active when shown.
    """

    code = models.CharField(_("ISO code"), max_length=2, primary_key=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return str(self.name)

    @property
    def name(self) -> str:
        return name_of(self.code)

    @staticmethod
    def ensure_all(using: str = "default", model=None) -> None:
        """A row for each code django-countries knows (existing rows are kept)."""
        model = model or Country
        existing = set(model.objects.using(using).values_list("code", flat=True))
        missing = [country.code for country in countries if country.code not in existing]
        model.objects.using(using).bulk_create(
            [model(code=code) for code in missing], ignore_conflicts=True
        )


class StaffPreference(models.Model):
    """What one member of staff chose for their own work in the admin.

    ``language`` is the admin's language for this user whatever the browser
    says (``backoffice.admin_language``); empty, the browser's language is used.
    The public site always takes its language from the URL.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="staff_preference",
    )
    language = models.CharField(
        _("language of the admin"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Empty: the language the browser asks for."),
    )

    class Meta:
        verbose_name = _("staff preference")
        verbose_name_plural = _("staff preferences")

    def __str__(self) -> str:
        return str(self.user)


def staff_language_key(user_id) -> str:
    """The cache key of a user's admin language (``backoffice.admin_language``)."""
    return f"staff-language:{user_id}"


@receiver([post_save, post_delete], sender=StaffPreference)
def _forget_staff_language(sender, instance, **kwargs) -> None:
    cache.delete(staff_language_key(instance.user_id))


class Organisation(models.Model):
    class Kind(models.TextChoices):
        PARLIAMENT = "parliament", _("Parliament")
        COMMITTEE = "committee", _("Parliamentary committee")
        GOVERNMENT = "government", _("Government")
        MINISTRY = "ministry", _("Ministry")
        EMBASSY = "embassy", _("Embassy")
        HOSPITAL = "hospital", _("Hospital or clinic")
        INTERNATIONAL = "international", _("International organisation")
        AGENCY = "agency", _("Agency")
        NGO = "ngo", _("Non-governmental organisation")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    country = CountryField(_("country"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
    )
    website = models.URLField(_("website"), blank=True)
    is_sample = sample_field()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": _("An organisation cannot be part of itself.")})
            ancestor = ancestor.parent


class Person(models.Model):
    name = models.CharField(_("full name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    position = models.CharField(_("position"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    country = CountryField(_("country"), blank=True)
    portrait = models.ForeignKey(
        "photos.Photo",
        verbose_name=_("portrait"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    biography = RichTextField(_("biography"), blank=True)
    is_sample = sample_field()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        # The commission's own permissions (see core.roles); declared here,
        # on the commission's central model, so that they exist wherever the
        # models do.
        permissions = [
            (
                "publish_shared",
                "Can change and delete people, organisations, topics, photos and "
                "memberships shown on published pages",
            ),
            ("view_annual_report", "Can make the annual report"),
        ]

    def __str__(self) -> str:
        return self.name


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None) -> MembershipQuerySet:
        from django.utils import timezone

        on = on or timezone.localdate()
        # Sample memberships only while samples are shown (development).
        current = self.filter(sample_q())
        return current.filter(models.Q(end_date__isnull=True) | models.Q(end_date__gte=on)).filter(
            models.Q(start_date__isnull=True) | models.Q(start_date__lte=on)
        )


class Membership(models.Model):
    """A person's seat on the commission, with the role held and its dates."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chairman")
        DEPUTY_CHAIR = "deputy_chair", _("Deputy chairman")
        MEMBER = "member", _("Member")
        SECRETARY = "secretary", _("Secretary")

    ROLE_ORDER = [Role.CHAIR, Role.DEPUTY_CHAIR, Role.MEMBER, Role.SECRETARY]

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    start_date = models.DateField(
        _("from"), null=True, blank=True, help_text=_("Leave empty if not known.")
    )
    end_date = models.DateField(_("until"), null=True, blank=True)
    is_sample = sample_field()

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["start_date"]
        verbose_name = _("commission membership")
        verbose_name_plural = _("commission memberships")

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()}"

    def clean(self) -> None:
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date is before the start date.")})


class Document(models.Model):
    """A document attached to a visit or a project: an uploaded file or a link.

    Uploaded files are checked, stored and served by ``core.documents``:
    only accepted types, under private random names, and only to those who may
    see the item the document belongs to.
    """

    title = models.CharField(_("title"), max_length=300)
    file = DocumentFileField(
        _("file"),
        upload_to=document_upload_to,
        blank=True,
        help_text=_("PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, or a JPEG, PNG or WebP image."),
    )
    url = models.URLField(_("link"), blank=True)

    #: Each subclass names its parent (the item whose publication decides), the
    #: folder its files go to and the URL of its downloads.
    parent_field: str
    storage_folder: str
    download_url_name: str

    class Meta:
        abstract = True
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """The checked download address of the uploaded file (links go to ``url`` as is)."""
        return reverse(
            self.download_url_name, kwargs={"pk": self.pk, "filename": self.download_name}
        )

    @property
    def download_name(self) -> str:
        """The file name visitors get: the title, with the stored type's extension."""
        kind = stored_type(self.file.name)
        stem = slugify(self.title, allow_unicode=True)[:80] or "document"
        return stem + (kind.extension if kind else "")

    @property
    def file_type(self) -> str:
        """The stored file's type as visitors know it: "PDF", "DOCX", "JPG"…"""
        kind = stored_type(self.file.name) if self.file else None
        return kind.extension.lstrip(".").upper() if kind else ""

    @property
    def file_size(self) -> int | None:
        """The stored file's size in bytes; None when the storage cannot say."""
        if not self.file:
            return None
        try:
            return self.file.storage.size(self.file.name)
        except Exception:  # noqa: BLE001 - a missing file or a storage error must not break the page
            return None

    @property
    def link_host(self) -> str:
        """The site a document given as a link lives on (shown beside it)."""
        from urllib.parse import urlsplit

        return urlsplit(self.url).hostname or "" if self.url else ""

    def clean(self) -> None:
        super().clean()
        if not self.file and not self.url:
            raise ValidationError(_("Attach a file or give a link."))
