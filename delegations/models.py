from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from commission.models import Country, Document, Organisation, Person, Topic
from core.countries import CountriesQuerySet
from core.publishing import PublishableModel, PublishableQuerySet
from core.richtext import RichTextField
from core.search_vectors import SearchVectorsModel
from photos.models import GalleryItem


class DelegationQuerySet(PublishableQuerySet, CountriesQuerySet):
    pass


class Delegation(SearchVectorsModel, PublishableModel):
    search_fields = ("title", "purpose", "summary")
    #: What a delegation's card shows besides its own row (core.cards).
    card_relations = ("countries",)

    class Direction(models.TextChoices):
        INCOMING = "incoming", _("Incoming visit")
        OUTGOING = "outgoing", _("Outgoing visit")

    title = models.CharField(_("title"), max_length=300)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    countries = models.ManyToManyField(
        Country,
        verbose_name=_("countries"),
        blank=True,
        related_name="delegations",
        help_text=_("Where the delegation comes from (incoming) or goes to (outgoing)."),
    )
    start_date = models.DateField(_("start date"), db_index=True)
    end_date = models.DateField(_("end date"))
    head = models.ForeignKey(
        Person,
        verbose_name=_("head of delegation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="headed_delegations",
    )
    host_organisations = models.ManyToManyField(
        Organisation, verbose_name=_("host organisations"), blank=True
    )
    purpose = models.TextField(_("purpose"), blank=True)
    summary = RichTextField(_("summary"), blank=True)
    outcomes = RichTextField(_("outcomes"), blank=True)
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True)
    source_url = models.URLField(_("source link"), blank=True)

    objects = DelegationQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-pk"]
        get_latest_by = "start_date"
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        permissions = [("publish_delegation", "Can publish, unpublish and schedule delegations")]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date is before the start date.")})

    def get_absolute_url(self) -> str:
        return reverse(
            "delegations:detail", kwargs={"year": self.start_date.year, "slug": self.slug}
        )


class DelegationMember(models.Model):
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT)
    role = models.CharField(_("role in the delegation"), max_length=200, blank=True)
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        constraints = [
            models.UniqueConstraint(
                fields=["delegation", "person"], name="unique_delegation_member"
            )
        ]

    def __str__(self) -> str:
        return str(self.person)


class ProgrammeItem(models.Model):
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="programme")
    date = models.DateField(_("date"))
    time = models.TimeField(_("time"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    place = models.CharField(_("place"), max_length=300, blank=True)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programme_items",
    )

    class Meta:
        ordering = ["date", "time", "pk"]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        delegation = getattr(self, "delegation", None)
        if (
            delegation
            and self.date
            and delegation.start_date
            and delegation.end_date
            and not delegation.start_date <= self.date <= delegation.end_date
        ):
            raise ValidationError({"date": _("The date is outside the dates of the visit.")})


class DelegationDocument(Document):
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="documents")

    parent_field = "delegation"
    storage_folder = "delegations"
    download_url_name = "delegations:document"


class DelegationPhoto(GalleryItem):
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="gallery")

    class Meta(GalleryItem.Meta):
        verbose_name = _("delegation photo")
        verbose_name_plural = _("delegation photos")
