from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from commission.models import Country, Person, Topic
from core.countries import CountriesQuerySet
from core.publishing import PublishableModel, PublishableQuerySet
from core.richtext import RichTextField
from core.search_vectors import SearchVectorsModel
from photos.models import GalleryItem


class MeetingQuerySet(PublishableQuerySet, CountriesQuerySet):
    pass


class Meeting(SearchVectorsModel, PublishableModel):
    search_fields = ("title", "summary", "body")
    #: What a meeting's card shows besides its own row (core.cards).
    card_relations = ("countries", "gallery")

    class Kind(models.TextChoices):
        BILATERAL = "bilateral", _("Bilateral meeting")
        SITTING = "sitting", _("Commission sitting")
        HEARING = "hearing", _("Hearing")
        VIDEO_CONFERENCE = "video", _("Video conference")
        CONFERENCE = "conference", _("Conference")
        OTHER = "other", _("Other")

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.BILATERAL)
    date = models.DateField(_("date"), db_index=True)
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    countries = models.ManyToManyField(
        Country,
        verbose_name=_("counterpart countries"),
        blank=True,
        related_name="meetings",
        help_text=_("The countries the other side represents."),
    )
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("full text"), blank=True)
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True)
    source_url = models.URLField(_("source link"), blank=True)
    participants = models.ManyToManyField(
        Person, through="Participant", verbose_name=_("participants"), blank=True
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-start_time", "-pk"]
        get_latest_by = "date"
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        permissions = [("publish_meeting", "Can publish, unpublish and schedule meetings")]
        # The lists' order: a page is read from the index, not sorted from every meeting.
        indexes = [models.Index(fields=["-date", "-start_time", "-id"], name="meeting_order")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "meetings:detail",
            kwargs={"year": self.date.year, "slug": self.slug},
        )


class Participant(models.Model):
    class Side(models.TextChoices):
        COMMISSION = "commission", _("Commission")
        COUNTERPART = "counterpart", _("Counterpart")
        OTHER = "other", _("Other")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participant_set")
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT)
    side = models.CharField(_("side"), max_length=20, choices=Side.choices, default=Side.COMMISSION)
    role = models.CharField(_("role at the meeting"), max_length=200, blank=True)
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="unique_meeting_participant")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_side_display()})"


class MeetingPhoto(GalleryItem):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="gallery")

    class Meta(GalleryItem.Meta):
        verbose_name = _("meeting photo")
        verbose_name_plural = _("meeting photos")
