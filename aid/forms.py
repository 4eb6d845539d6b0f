"""The aid project's admin form: an amount far from its programme's usual ones is confirmed.

A misplaced decimal mark multiplies an amount by 100 or divides it by 100
without looking wrong on its own. Before saving, an amount (or US dollar
figure) at least ``SCALE_WARNING_FACTOR`` times above or below the median of
the programme's other projects in the same currency is refused once with a
warning; ticking "The amount is right" and saving again saves it. What was
typed is kept on the form meanwhile.
"""

from __future__ import annotations

import statistics
from decimal import Decimal

from django import forms
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from aid.models import AidProgramme, AidProject, project_donor
from core.money import format_amount
from photos.forms import GalleryUploadForm

#: How far from the programme's median an amount must be to be confirmed.
SCALE_WARNING_FACTOR = Decimal(50)
#: Fewer known amounts than this in the programme make no usual scale.
MIN_AMOUNTS_FOR_SCALE = 3


def usual_amount(
    *, programme: AidProgramme, field: str, currency: str, exclude_pk: int | None
) -> tuple[Decimal, int] | None:
    """The median of ``field`` over the programme's other projects in ``currency``, and their count.

    ``None`` when fewer than ``MIN_AMOUNTS_FOR_SCALE`` are known.
    """
    projects = AidProject.objects.filter(programme=programme, **{f"{field}__isnull": False})
    if field == "amount":
        projects = projects.filter(currency=currency)
    if exclude_pk is not None:
        projects = projects.exclude(pk=exclude_pk)
    amounts = list(projects.values_list(field, flat=True))
    if len(amounts) < MIN_AMOUNTS_FOR_SCALE:
        return None
    return statistics.median(amounts), len(amounts)


def is_off_scale(amount: Decimal, usual: Decimal) -> bool:
    if usual <= 0:
        return False
    return amount >= usual * SCALE_WARNING_FACTOR or amount * SCALE_WARNING_FACTOR <= usual


class AidProjectAdminForm(GalleryUploadForm):
    """The project form, with its gallery upload, and the amount's scale checked."""

    confirm_unusual_amount = forms.BooleanField(
        label=_("The amount is right"),
        required=False,
        widget=forms.HiddenInput,
        help_text=_("Tick to save an amount far from the programme's usual amounts."),
    )

    # No ``Meta.model``: the admin gives the model and its fields (``modelform_factory``,
    # with its kept form fields). With one, each request's subclass of this form (the
    # admin makes one) would make every field of the model once more.

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "donor" in self.fields and "programme" in self.fields:
            # Taken from the programme when left empty (see clean()).
            self.fields["donor"].required = False
        project = self.instance
        if project.pk and project.amount is not None and "amount" in self.fields:
            # What is stored, written out with its currency, beside what is being edited.
            self.fields["amount"].help_text = gettext("Saved: %(amount)s.") % {
                "amount": format_amount(project.amount, project.currency)
            }

    def _fill_donor_from_programme(self, cleaned) -> None:
        if "donor" not in self.fields or cleaned.get("donor") or "donor" in self.errors:
            return
        donor = project_donor(chosen=None, programme=cleaned.get("programme"))
        if donor is not None:
            cleaned["donor"] = donor
        else:
            self.add_error("donor", gettext("Choose the donor, or the programme to take it from."))

    def clean(self):
        cleaned = super().clean()
        self._fill_donor_from_programme(cleaned)
        programme = cleaned.get("programme")
        if programme is None or cleaned.get("confirm_unusual_amount"):
            return cleaned
        warnings = []
        for field, currency in (
            ("amount", cleaned.get("currency") or ""),
            ("amount_usd", "USD"),
        ):
            amount = cleaned.get(field)
            if amount is None or field not in self.fields:
                continue
            if self.instance.pk and getattr(self.instance, field) == amount:
                continue  # unchanged: it was confirmed when it was saved
            usual = usual_amount(
                programme=programme, field=field, currency=currency, exclude_pk=self.instance.pk
            )
            if usual and is_off_scale(amount, usual[0]):
                warnings.append(field)
                self.add_error(
                    field,
                    ngettext(
                        "%(amount)s is far from the usual amounts of this programme (median "
                        "%(usual)s over %(count)d project): check the decimal mark and the "
                        "digits. If it is right, tick “The amount is right” and save again.",
                        "%(amount)s is far from the usual amounts of this programme (median "
                        "%(usual)s over %(count)d projects): check the decimal mark and the "
                        "digits. If it is right, tick “The amount is right” and save again.",
                        usual[1],
                    )
                    % {
                        "amount": format_amount(amount, currency),
                        "usual": format_amount(usual[0], currency),
                        "count": usual[1],
                    },
                )
        if warnings:
            self.fields["confirm_unusual_amount"].widget = forms.CheckboxInput()
        return cleaned
