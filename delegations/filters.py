import django_filters
from django.utils.translation import gettext_lazy as _

from core.filtering import CountryFilter, YearFilter
from delegations.models import Delegation


class DelegationFilter(django_filters.FilterSet):
    direction = django_filters.ChoiceFilter(
        choices=Delegation.Direction.choices,
        label=_("Direction"),
        empty_label=_("Both directions"),
    )
    country = CountryFilter(model=Delegation)
    year = YearFilter(field_name="start_date__year")

    class Meta:
        model = Delegation
        fields = ["direction", "country", "year"]
