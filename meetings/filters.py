import django_filters
from django.utils.translation import gettext_lazy as _

from commission.filtering import CountryFilter
from commission.models import Person, Topic
from meetings.models import Meeting, Participant


class MeetingFilter(django_filters.FilterSet):
    country = CountryFilter(model=Meeting)
    kind = django_filters.ChoiceFilter(choices=Meeting.Kind.choices, label=_("Kind"))
    person = django_filters.ModelChoiceFilter(
        queryset=Person.objects.filter(pk__in=Participant.objects.values("person")),
        to_field_name="slug",
        field_name="participant_set__person",
        label=_("Person"),
    )
    topic = django_filters.ModelChoiceFilter(
        queryset=Topic.objects.all(), to_field_name="slug", field_name="topics", label=_("Topic")
    )

    class Meta:
        model = Meeting
        fields = ["country", "kind", "person", "topic"]
