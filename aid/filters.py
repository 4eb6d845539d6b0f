import django_filters
from django.utils.translation import gettext_lazy as _

from aid.models import AidProgramme, AidProject, Region, Sector
from commission.models import Organisation
from core.filtering import PublicChoiceFilter, YearFilter

# Choices are built from what is public (callables), so that they follow publishing:
# only donors and programmes of what is public are offered (kept until the
# content changes: core.content_cache).


def public_donors(request=None):
    """Donors of at least one published project."""
    return Organisation.objects.filter(pk__in=AidProject.objects.published().values("donor"))


def public_programmes(request=None):
    return AidProgramme.objects.published()


class AidProjectFilter(django_filters.FilterSet):
    donor = PublicChoiceFilter(records=public_donors, label=_("Donor"))
    programme = PublicChoiceFilter(records=public_programmes, label=_("Programme"))
    region = django_filters.ChoiceFilter(choices=Region.choices, label=_("Region"))
    sector = django_filters.ChoiceFilter(choices=Sector.choices, label=_("Sector"))
    status = django_filters.ChoiceFilter(
        field_name="project_status", choices=AidProject.Status.choices, label=_("Status")
    )
    year = YearFilter(field_name="year")

    class Meta:
        model = AidProject
        fields = ["donor", "programme", "region", "sector", "status", "year"]
