from django.conf import settings
from django.core.files.storage import default_storage
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest
from django.views.generic import TemplateView

from aid.models import AidProject
from commission.models import Membership, Person
from delegations.models import Delegation
from meetings.models import Meeting

# Only these media folders are public; originals are not.
PUBLIC_MEDIA_PREFIXES = ("photos/", "documents/")


class HomeView(TemplateView):
    template_name = "commission/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["latest_meetings"] = Meeting.objects.published()[:5]
        context["latest_delegations"] = Delegation.objects.published()[:3]
        context["projects"] = AidProject.objects.published().select_related("donor", "programme")[
            :5
        ]
        return context


class MembersView(TemplateView):
    template_name = "commission/members.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        current = Membership.objects.current()
        people = (
            Person.objects.filter(memberships__in=current)
            .distinct()
            .prefetch_related(
                Prefetch("memberships", queryset=current, to_attr="current_memberships")
            )
        )
        order = {role: index for index, role in enumerate(Membership.ROLE_ORDER)}
        context["members"] = sorted(
            people, key=lambda person: (order[person.current_memberships[0].role], person.name)
        )
        return context


def serve_public_media(request: HttpRequest, path: str) -> FileResponse:
    """Public media for development and tests (SERVE_MEDIA); like production, never originals."""
    if not settings.SERVE_MEDIA or not path.startswith(PUBLIC_MEDIA_PREFIXES) or ".." in path:
        raise Http404
    if not default_storage.exists(path):
        raise Http404
    response = FileResponse(default_storage.open(path, "rb"))
    if path.startswith("photos/"):
        # Variant names change whenever their content does: cache them forever.
        response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
