from django.db.models import Prefetch
from django.views.generic import ArchiveIndexView, DetailView, YearArchiveView

from commission.publishing import PublishedDetailMixin
from meetings.models import Meeting, MeetingPhoto, Participant


class MeetingMixin:
    """The published meetings, with what their lists and pages show."""

    date_field = "date"
    allow_empty = True
    make_object_list = True
    paginate_by = 20

    def get_queryset(self):
        return Meeting.objects.published().prefetch_related("topics")


class MeetingArchiveView(MeetingMixin, ArchiveIndexView):
    template_name = "meetings/meeting_archive.html"


class MeetingYearView(MeetingMixin, YearArchiveView):
    template_name = "meetings/meeting_archive_year.html"


class MeetingDetailView(PublishedDetailMixin, DetailView):
    template_name = "meetings/meeting_detail.html"

    def get_queryset(self):
        meetings = self.visible(Meeting.objects.all())
        if not self.preview:
            meetings = meetings.filter(date__year=self.kwargs["year"])
        return meetings.prefetch_related(
            "topics",
            Prefetch(
                "participant_set",
                queryset=Participant.objects.select_related("person", "person__organisation"),
            ),
            Prefetch("gallery", queryset=MeetingPhoto.objects.select_related("photo")),
        )
