from django.conf import settings
from django.db.models import Max, Min, Prefetch
from django.views.generic import ArchiveIndexView, DetailView, YearArchiveView

from core.content_cache import cached
from core.filtering import FilteredListMixin
from core.publishing import PublishedDetailMixin
from core.text import json_ld
from meetings.filters import MeetingFilter
from meetings.models import Meeting, Participant
from photos.models import gallery_prefetch


class MeetingMixin(FilteredListMixin):
    """The published meetings, filtered from the URL (their cards read what else
    they show, for the cards not in the cache: core.cards)."""

    filterset_class = MeetingFilter
    date_field = "date"
    allow_empty = True
    allow_future = True
    make_object_list = True
    paginate_by = 20

    def get_queryset(self):
        return self.filter(Meeting.objects.published().for_lists())


def meeting_years() -> list[int]:
    """Years from the first to the last published meeting, newest first.

    Two indexed look-ups instead of a DISTINCT over every meeting's date, made
    once per change of the content (core.content_cache).
    """
    return cached("meeting-years", _meeting_years)


def _meeting_years() -> list[int]:
    span = Meeting.objects.published().aggregate(first=Min("date"), last=Max("date"))
    if not span["first"]:
        return []
    return list(range(span["last"].year, span["first"].year - 1, -1))


class MeetingArchiveView(MeetingMixin, ArchiveIndexView):
    template_name = "meetings/meeting_archive.html"

    def get_dated_items(self):
        return meeting_years(), self.get_dated_queryset(), {}


class MeetingYearView(MeetingMixin, YearArchiveView):
    template_name = "meetings/meeting_archive_year.html"

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        return []  # the year navigation uses meeting_years()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["years"] = meeting_years()
        return context


class MeetingDetailView(PublishedDetailMixin, DetailView):
    template_name = "meetings/meeting_detail.html"

    def get_queryset(self):
        meetings = self.visible(Meeting.objects.all())
        if not self.preview:
            meetings = meetings.filter(date__year=self.kwargs["year"])
        return meetings.with_countries().prefetch_related(
            "topics",
            Prefetch(
                "participant_set",
                queryset=Participant.objects.select_related("person", "person__organisation"),
            ),
            gallery_prefetch(Meeting),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.object
        event = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": meeting.title,
            "startDate": meeting.date.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": (
                "https://schema.org/OnlineEventAttendanceMode"
                if meeting.kind == Meeting.Kind.VIDEO_CONFERENCE
                else "https://schema.org/OfflineEventAttendanceMode"
            ),
            "description": meeting.summary,
            "url": self.request.build_absolute_uri(meeting.get_absolute_url()),
            "organizer": {
                "@type": "GovernmentOrganization",
                "name": str(settings.SITE_NAME),
            },
            "location": {"@type": "Place", "name": meeting.place or str(settings.SITE_NAME)},
        }
        context["structured_data"] = json_ld(event)
        return context
