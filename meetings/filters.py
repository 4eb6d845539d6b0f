import django_filters
from django.utils.translation import gettext_lazy as _

from commission.models import Person, Topic
from core.filtering import CountryFilter, PublicChoiceFilter
from meetings.models import Meeting, Participant

# Choices are built from what is public (callables), so that they follow publishing:
# only what a published meeting shows is offered, and an item scheduled for
# later joins the list when it goes public (the lists are kept until the
# content changes or a scheduled item is due: core.content_cache).


def public_people(request=None):
    """People who take part in at least one published meeting."""
    return Person.objects.filter(
        pk__in=Participant.objects.filter(meeting__in=Meeting.objects.published()).values("person")
    )


def public_topics(request=None):
    """Topics of at least one published meeting."""
    return Topic.objects.filter(
        pk__in=Meeting.topics.through.objects.filter(
            meeting__in=Meeting.objects.published()
        ).values("topic")
    )


class MeetingFilter(django_filters.FilterSet):
    country = CountryFilter(model=Meeting)
    kind = django_filters.ChoiceFilter(choices=Meeting.Kind.choices, label=_("Kind"))
    person = PublicChoiceFilter(
        records=public_people, field_name="participant_set__person", label=_("Person")
    )
    topic = PublicChoiceFilter(records=public_topics, field_name="topics", label=_("Topic"))

    class Meta:
        model = Meeting
        fields = ["country", "kind", "person", "topic"]
