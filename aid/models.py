from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.lookups import IsNull
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from commission.models import Document, Organisation
from core.collation import sorted_by_name
from core.publishing import PublishableModel, PublishableQuerySet
from core.richtext import RichTextField
from core.search_vectors import SearchVectorsModel
from photos.models import GalleryItem


class Currency(models.TextChoices):
    """ISO 4217 codes of the currencies aid to the commission's partners comes in."""

    USD = "USD", _("US dollar")
    EUR = "EUR", _("Euro")
    JPY = "JPY", _("Japanese yen")
    BYN = "BYN", _("Belarusian rouble")
    RUB = "RUB", _("Russian rouble")
    CNY = "CNY", _("Chinese yuan")
    GBP = "GBP", _("Pound sterling")
    CHF = "CHF", _("Swiss franc")
    KRW = "KRW", _("South Korean won")
    PLN = "PLN", _("Polish zloty")
    SEK = "SEK", _("Swedish krona")
    KZT = "KZT", _("Kazakhstani tenge")
    TRY = "TRY", _("Turkish lira")
    INR = "INR", _("Indian rupee")


class Region(models.TextChoices):
    """Regions of Belarus by their ISO 3166-2 codes."""

    BREST = "BY-BR", _("Brest region")
    VITEBSK = "BY-VI", _("Vitebsk region")
    GOMEL = "BY-HO", _("Gomel region")
    GRODNO = "BY-HR", _("Grodno region")
    MINSK_REGION = "BY-MI", _("Minsk region")
    MOGILEV = "BY-MA", _("Mogilev region")
    MINSK_CITY = "BY-HM", _("Minsk city")


class Sector(models.TextChoices):
    """OECD DAC 5-digit purpose codes (also used in the IATI export)."""

    MEDICAL_SERVICES = "12191", _("Medical services")
    BASIC_HEALTH_CARE = "12220", _("Basic health care")
    BASIC_HEALTH_INFRASTRUCTURE = "12230", _("Basic health infrastructure")
    MEDICAL_EDUCATION = "12181", _("Medical education and training")
    PRIMARY_EDUCATION = "11220", _("Primary education")
    WATER_SUPPLY = "14030", _("Basic drinking water supply and sanitation")
    RURAL_DEVELOPMENT = "43040", _("Rural development")
    EMERGENCY_RELIEF = "72010", _("Material relief assistance and services")
    DISASTER_PREVENTION = "74020", _("Disaster prevention and preparedness")
    CULTURE = "16061", _("Culture and recreation")
    UNSPECIFIED = "99810", _("Sectors not specified")


def validate_non_negative(value: Decimal | None) -> None:
    if value is not None and value < 0:
        raise ValidationError(_("An amount cannot be negative."))


#: Organisations that give aid: governments and their agencies, embassies,
#: international organisations, foundations. Parliaments, committees and
#: hospitals receive or host, they do not donate.
DONOR_KINDS = ("government", "ministry", "embassy", "international", "agency", "ngo", "other")


def donor_organisations() -> models.Q:
    """The one rule for who may be chosen as a donor (form, autocomplete, admin filter)."""
    return models.Q(kind__in=DONOR_KINDS)


def project_donor(
    *, chosen: Organisation | None, programme: AidProgramme | None
) -> Organisation | None:
    """The one rule for a project's donor: the one chosen, else its programme's.

    Applied by the admin form and the import; the form's script only shows
    the programme's donor early (``static/admin_extra/programme_donor.js``).
    """
    if chosen is None and programme is not None:
        return programme.donor
    return chosen


class AidProgramme(SearchVectorsModel, PublishableModel):
    """A donor's programme, e.g. a government's grass-roots grant assistance."""

    search_fields = ("title", "description")

    title = models.CharField(_("name"), max_length=300)
    donor = models.ForeignKey(
        Organisation,
        verbose_name=_("donor"),
        on_delete=models.PROTECT,
        related_name="programmes",
        limit_choices_to=donor_organisations,
    )
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    revived_year = models.PositiveSmallIntegerField(
        _("revived in"), null=True, blank=True, help_text=_("If the programme was resumed.")
    )
    description = RichTextField(_("description"), blank=True)
    reported_total = models.DecimalField(
        _("reported total"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[validate_non_negative],
        help_text=_(
            "A total reported for the whole programme, where no per-project figures are known."
        ),
    )
    reported_total_currency = models.CharField(
        _("currency of the reported total"), max_length=3, choices=Currency.choices, blank=True
    )
    reported_total_is_approximate = models.BooleanField(
        _("reported total is approximate"), default=False
    )
    source_url = models.URLField(_("source link"), blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("aid programme")
        verbose_name_plural = _("aid programmes")
        permissions = [
            ("publish_aidprogramme", "Can publish, unpublish and schedule aid programmes")
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.reported_total is not None and not self.reported_total_currency:
            raise ValidationError(
                {"reported_total_currency": _("Give the currency of the amount.")}
            )
        if self.start_year and self.revived_year and self.revived_year < self.start_year:
            raise ValidationError(
                {"revived_year": _("A programme cannot be revived before it starts.")}
            )

    def get_absolute_url(self) -> str:
        return reverse("aid:programme", kwargs={"slug": self.slug})


class ProjectStatus(models.TextChoices):
    """A project's stage, in the order projects go through them (``AidProject.Status``)."""

    # Mapped to IATI activity status codes in the open-data export.
    PIPELINE = "pipeline", _("Pipeline")
    IMPLEMENTATION = "implementation", _("Implementation")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")
    SUSPENDED = "suspended", _("Suspended")


#: A project's stage as a number (pipeline 0 … suspended 4): the order by status.
STATUS_STAGE = models.Case(
    *(models.When(project_status=code, then=n) for n, code in enumerate(ProjectStatus.values)),
    output_field=models.IntegerField(),
)

#: "The amount is not known" (false first): the first key of the order by amount,
#: so that unknown amounts come last whichever way the amounts go.
AMOUNT_NOT_KNOWN = IsNull(models.F("amount"), True)


class AidProjectQuerySet(PublishableQuerySet):
    #: The orders the public project list offers (``?sort=key`` or ``-key``):
    #: one per column of its table.
    SORT_KEYS = ("title", "donor", "region", "status", "amount")

    def sorted_by(self, key: str, *, descending: bool = False) -> AidProjectQuerySet:
        """Ordered by one of ``SORT_KEYS``, then in the lists' usual order.

        The rule for amounts: amounts in different currencies are not
        compared. Projects are grouped by currency (codes in alphabetical
        order, whichever way the amounts go), each group ordered by amount;
        projects whose amount is not known come last. Regions and statuses go
        by their names in the page's language and by their stage. Title and
        amount orders are read from indexes (``Meta.indexes``).
        """
        sign = "-" if descending else ""
        if key == "title":
            keys = [f"{sign}title"]
        elif key == "donor":
            keys = [f"{sign}donor__name"]
        elif key == "region":
            names = sorted_by_name(Region.choices, name=lambda choice: choice[1])
            rank = models.Case(
                *(models.When(region=code, then=n) for n, (code, _name) in enumerate(names)),
                default=None,
                output_field=models.IntegerField(),
            )
            keys = [rank.desc(nulls_last=True) if descending else rank.asc(nulls_last=True)]
        elif key == "status":
            keys = [STATUS_STAGE.desc() if descending else STATUS_STAGE.asc()]
        elif key == "amount":
            amount = models.F("amount")
            keys = [AMOUNT_NOT_KNOWN, "currency", amount.desc() if descending else amount.asc()]
        else:
            raise ValueError(f"No order {key!r}: one of {', '.join(self.SORT_KEYS)}")
        # The usual order, then the key, settle ties: pages never overlap.
        return self.order_by(*keys, "-year", "title", "pk")

    def for_country(self, code: str) -> AidProjectQuerySet:
        """Projects whose donor is from, or whose recipient is in, the country."""
        code = code.upper()
        return self.filter(models.Q(donor__country=code) | models.Q(recipient_country=code))

    def totals_per_currency(self, *keys: str) -> models.QuerySet:
        """Rows of ``keys``, ``currency``, ``total``, ``projects`` and ``approximate``.

        The one rule of money totals: only projects whose amount and currency are
        known, summed per currency (and per ``keys``), never across currencies;
        ``approximate`` counts the approximate amounts in each total. Unordered:
        the caller orders the rows.
        """
        return (
            self.filter(amount__isnull=False)
            .exclude(currency="")
            .order_by()
            .values(*keys, "currency")
            .annotate(
                total=models.Sum("amount"),
                projects=models.Count("id"),
                approximate=models.Count("id", filter=models.Q(amount_is_approximate=True)),
            )
        )


class AidProject(SearchVectorsModel, PublishableModel):
    search_fields = ("title", "summary", "body")

    Status = ProjectStatus

    title = models.CharField(_("title"), max_length=300)
    programme = models.ForeignKey(
        AidProgramme,
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    donor = models.ForeignKey(
        Organisation,
        verbose_name=_("donor"),
        on_delete=models.PROTECT,
        related_name="donated_projects",
        limit_choices_to=donor_organisations,
        help_text=_("Left empty, the programme's donor is taken."),
    )
    recipient = models.ForeignKey(
        Organisation,
        verbose_name=_("recipient organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="received_projects",
    )
    recipient_country = CountryField(_("recipient country"), default="BY")
    region = models.CharField(_("region"), max_length=8, choices=Region.choices, blank=True)
    district = models.CharField(_("district"), max_length=120, blank=True)
    sector = models.CharField(
        _("sector"), max_length=5, choices=Sector.choices, default=Sector.UNSPECIFIED
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("The year the grant agreement was signed, if known."),
    )
    amount = models.DecimalField(
        _("amount"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[validate_non_negative],
        help_text=_("Leave empty when the amount is not known."),
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, blank=True)
    amount_is_approximate = models.BooleanField(_("amount is approximate"), default=False)
    amount_usd = models.DecimalField(
        _("amount in US dollars"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[validate_non_negative],
        help_text=_("Used for totals across currencies. Filled in for amounts in USD."),
    )
    project_status = models.CharField(
        _("project status"), max_length=20, choices=Status.choices, default=Status.PIPELINE
    )
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("full text"), blank=True)
    related_meetings = models.ManyToManyField(
        "meetings.Meeting",
        verbose_name=_("related meetings"),
        blank=True,
        related_name="aid_projects",
    )
    source_url = models.URLField(_("source link"), blank=True)

    objects = AidProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("aid project")
        verbose_name_plural = _("aid projects")
        permissions = [("publish_aidproject", "Can publish, unpublish and schedule aid projects")]
        # The lists' order ("title" is the page language's column): the first
        # page is read from the index instead of sorting every project.
        indexes = [
            *(
                models.Index(
                    fields=["-year", f"title_{language}"], name=f"aid_project_order_{language}"
                )
                for language in ("en", "ru", "be")
            ),
            # The list ordered by title (?sort=title, either way: read backwards).
            *(
                models.Index(fields=[f"title_{language}"], name=f"aid_project_title_{language}")
                for language in ("en", "ru", "be")
            ),
            # The list ordered by status, then by amount (AidProjectQuerySet.sorted_by).
            models.Index(STATUS_STAGE, name="aid_project_stage"),
            models.Index(
                AMOUNT_NOT_KNOWN,
                models.F("currency"),
                models.F("amount"),
                name="aid_project_amount",
            ),
            models.Index(
                AMOUNT_NOT_KNOWN,
                models.F("currency"),
                models.F("amount").desc(),
                name="aid_project_amount_desc",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.amount is not None and not self.currency:
            raise ValidationError({"currency": _("Give the currency of the amount.")})
        if self.currency == Currency.USD and self.amount is not None and self.amount_usd is None:
            self.amount_usd = self.amount
        if self.region and self.recipient_country and self.recipient_country != "BY":
            raise ValidationError({"region": _("Regions are listed for Belarus only.")})

    def get_absolute_url(self) -> str:
        return reverse("aid:project", kwargs={"slug": self.slug})


class Milestone(models.Model):
    class Kind(models.TextChoices):
        AGREEMENT_SIGNED = "agreement_signed", _("Agreement signed")
        FUNDS_DISBURSED = "funds_disbursed", _("Funds disbursed")
        EQUIPMENT_DELIVERED = "equipment_delivered", _("Equipment delivered")
        HANDED_OVER = "handed_over", _("Handed over")
        COMPLETED = "completed", _("Completed")
        OTHER = "other", _("Other")

    project = models.ForeignKey(AidProject, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(_("milestone"), max_length=30, choices=Kind.choices)
    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.date:%Y-%m-%d})"


class ProjectDocument(Document):
    project = models.ForeignKey(AidProject, on_delete=models.CASCADE, related_name="documents")

    parent_field = "project"
    storage_folder = "aid"
    download_url_name = "aid:document"


class ProjectPhoto(GalleryItem):
    project = models.ForeignKey(AidProject, on_delete=models.CASCADE, related_name="gallery")

    class Meta(GalleryItem.Meta):
        verbose_name = _("project photo")
        verbose_name_plural = _("project photos")
