"""Publishing state shared by every public model: the one definition of "published"."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import ExpressionWrapper, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    SCHEDULED = "scheduled", _("Scheduled")


def published_q(now: datetime | None = None, *, prefix: str = "") -> Q:
    """The condition for an object to be visible to the public at ``now``.

    Published objects are public; scheduled ones become public when their
    publication time has come. Drafts never are. ``prefix`` applies the same
    rule to a related object, e.g. ``prefix="programme__"`` on aid projects
    (a missing related object is not public).
    """
    now = now or timezone.now()
    condition = Q(**{f"{prefix}status": PublicationStatus.PUBLISHED}) | Q(
        **{f"{prefix}status": PublicationStatus.SCHEDULED, f"{prefix}published_at__lte": now}
    )
    return condition & sample_q(prefix=prefix)


def sample_q(*, prefix: str = "") -> Q:
    """Sample records are public only while ``SHOW_SAMPLE_RECORDS`` is on (development).

    Part of published_q(), so that every public path (pages, feeds, sitemap,
    calendar, open data, IATI, search) leaves samples out in production; also
    used on its own for shared records without a publication state
    (memberships, people, organisations).
    """
    if getattr(settings, "SHOW_SAMPLE_RECORDS", False):
        return Q()
    return Q(**{f"{prefix}is_sample": False})


def sample_field(verbose_name=None):
    """The ``is_sample`` flag of a content model or shared record."""
    return models.BooleanField(
        verbose_name or _("sample record"),
        default=False,
        db_index=True,
        help_text=_(
            'Invented for the demo: labelled "Sample record" on the site, shown only in '
            "development, removed by the remove_samples command."
        ),
    )


class PublishableManager(models.Manager):
    """Reads every column but the stored search vectors (large, read by the search only)."""

    def get_queryset(self):
        from core.search_vectors import deferred_vector_fields

        queryset = super().get_queryset()
        deferred = deferred_vector_fields(self.model)
        return queryset.defer(*deferred) if deferred else queryset


class PublishableQuerySet(models.QuerySet):
    @classmethod
    def as_manager(cls):
        manager = PublishableManager.from_queryset(cls)()
        manager._built_with_as_manager = True
        return manager

    as_manager.queryset_only = True

    def published(self, now: datetime | None = None) -> PublishableQuerySet:
        return self.filter(published_q(now))

    def samples(self) -> PublishableQuerySet:
        return self.filter(is_sample=True)

    def with_public_flag(
        self, now: datetime | None = None, *, related: str = "", name: str = "is_public_now"
    ) -> PublishableQuerySet:
        """Annotate ``name`` with the same rule as published().

        With ``related`` (a relation's name, e.g. ``"programme"``), the flag
        says whether that related object is public.
        """
        prefix = f"{related}__" if related else ""
        return self.annotate(
            **{
                name: ExpressionWrapper(
                    published_q(now, prefix=prefix), output_field=models.BooleanField()
                )
            }
        )

    def for_lists(self) -> PublishableQuerySet:
        """Without the full texts (``body`` in every language), which lists never show."""
        names = {field.name for field in self.model._meta.concrete_fields}
        return self.defer(*(name for name in names if name == "body" or name.startswith("body_")))

    def drafts(self) -> PublishableQuerySet:
        return self.filter(status=PublicationStatus.DRAFT)

    def scheduled(self, now: datetime | None = None) -> PublishableQuerySet:
        now = now or timezone.now()
        return self.filter(status=PublicationStatus.SCHEDULED, published_at__gt=now)


class PublishableModel(models.Model):
    """Fields and rules every public object shares: state, slug, SEO text."""

    status = models.CharField(
        _("publication state"),
        max_length=16,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        db_index=True,
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Set when published; for a scheduled item, when it goes public."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_("The last part of the address. Filled from the English title if left empty."),
        error_messages={"unique": _("This slug is already used by another item. Choose another.")},
    )
    seo_description = models.CharField(
        _("search engine description"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences shown by search engines and link previews."),
    )
    is_sample = sample_field()
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    #: The field the slug is made from when left empty.
    slug_source_field = "title"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        # Record when an item first went public, however it was saved.
        if self.status == PublicationStatus.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    @property
    def is_public(self) -> bool:
        return public_now(self.status, self.published_at)

    def fill_slug(self) -> None:
        """Make a slug from the English title when none was given."""
        if not self.slug:
            source = getattr(self, f"{self.slug_source_field}_en", None) or getattr(
                self, self.slug_source_field, ""
            )
            self.slug = slugify(source or "")[:200]

    def clean_fields(self, exclude=None) -> None:
        self.fill_slug()
        super().clean_fields(exclude)

    def clean(self) -> None:
        super().clean()
        if not self.slug:
            raise ValidationError({"slug": _("Enter a slug or a title it can be made from.")})
        if self.status == PublicationStatus.SCHEDULED and not self.published_at:
            raise ValidationError(
                {"published_at": _("A scheduled item needs the time it goes public.")}
            )


class PublishedDetailMixin:
    """Detail views show published objects; the staff preview shows drafts too."""

    #: Set by the preview view (core.preview) for staff with a signed link.
    preview = False

    def visible(self, queryset: PublishableQuerySet) -> PublishableQuerySet:
        return queryset if self.preview else queryset.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview"] = self.preview
        obj = context.get("object")
        if self.preview and obj is not None:
            # The banner's way back to the form, and the publisher's button.
            name = f"admin:{obj._meta.app_label}_{obj._meta.model_name}"
            context["preview_edit_url"] = reverse(f"{name}_change", args=[obj.pk])
            if not obj.is_public and may_publish(self.request.user, type(obj)):
                context["preview_publish_url"] = reverse(f"{name}_publish", args=[obj.pk])
        return context


# --- the one publishing rule ---------------------------------------------------


class PublishingAction(models.TextChoices):
    """What a save in the admin does to an item's state (the form's buttons)."""

    SAVE = "save", _("Save")  # keep the state as it is
    DRAFT = "draft", _("Save draft")
    PREVIEW = "preview", _("Save and preview")
    PUBLISH = "publish", _("Publish")
    SCHEDULE = "schedule", _("Schedule")
    UNPUBLISH = "unpublish", _("Unpublish")


#: Actions that change what the public sees: the publisher's.
PUBLISHER_ACTIONS = {
    PublishingAction.PUBLISH,
    PublishingAction.SCHEDULE,
    PublishingAction.UNPUBLISH,
}


def public_now(status: str, published_at) -> bool:
    """Whether an item in ``status`` with ``published_at`` is public now: published, or
    scheduled and its time has come (the one rule, read from an item or from its row)."""
    if status == PublicationStatus.PUBLISHED:
        return True
    return (
        status == PublicationStatus.SCHEDULED
        and published_at is not None
        and published_at <= timezone.now()
    )


def may_publish(user, model) -> bool:
    """Whether ``user`` may publish, schedule and unpublish items of ``model``."""
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")


def parse_action(value: str | None) -> PublishingAction:
    """The action a POST asks for; anything unknown is an ordinary save."""
    try:
        return PublishingAction(value or PublishingAction.SAVE)
    except ValueError:
        return PublishingAction.SAVE


def action_refusal(user, model, action: PublishingAction) -> str | None:
    """Why ``user`` may not take ``action`` on an item of ``model`` (None if they may)."""
    if action in PUBLISHER_ACTIONS and not may_publish(user, model):
        return _(
            "Only a publisher can publish, schedule or unpublish. "
            "Your changes are kept below: save them as a draft."
        )
    return None


def resolve_state(
    action: PublishingAction,
    *,
    status: str,
    published_at: datetime | None,
    was_public: bool = False,
    now: datetime | None = None,
) -> tuple[str, datetime | None]:
    """The state and publication time an item gets from ``action``.

    ``status`` and ``published_at`` are what the item would otherwise be saved
    with. Publishing keeps the first publication time of an item already
    public; scheduling needs a time in the future (ValidationError otherwise).
    """
    now = now or timezone.now()
    if action in (PublishingAction.DRAFT, PublishingAction.UNPUBLISH):
        return PublicationStatus.DRAFT, published_at
    if action == PublishingAction.PUBLISH:
        if was_public and published_at and published_at <= now:
            return PublicationStatus.PUBLISHED, published_at
        return PublicationStatus.PUBLISHED, now
    if action == PublishingAction.SCHEDULE:
        if published_at is None or published_at <= now:
            raise ValidationError(
                {"published_at": _("To schedule, give a publication time in the future.")}
            )
        return PublicationStatus.SCHEDULED, published_at
    return status, published_at
