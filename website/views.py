import os
from collections import Counter
from operator import itemgetter

from django.conf import settings
from django.core.files.storage import default_storage
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.views.generic import TemplateView
from django_countries import countries

from aid.models import AidProgramme, AidProject
from aid.totals import published_projects, totals_html
from commission.models import Membership, Person
from core.collation import sorted_by_name
from core.content_cache import cached, count_and_first, in_order
from delegations.models import Delegation
from meetings.models import Meeting
from photos.models import gallery_prefetch
from website.search import MAX_QUERY_LENGTH, clean_query, search

# Only photo variants are public media; originals and documents are not (documents
# are served by their own view, which checks that their item is published).
PUBLIC_MEDIA_PREFIXES = ("photos/",)
IMAGE_VARIANT_TYPES = {".avif": "image/avif", ".webp": "image/webp", ".jpg": "image/jpeg"}
COUNTRY_PAGE_ITEMS = 20


class HomeView(TemplateView):
    template_name = "website/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The galleries for the featured photo; the cards read the rest (core.cards).
        meetings = list(
            Meeting.objects.published().for_lists().prefetch_related(gallery_prefetch(Meeting))[:5]
        )
        context["latest_meetings"] = meetings
        context["latest_delegations"] = Delegation.objects.published().for_lists()[:3]
        context["projects"] = published_projects()[:5]
        context["featured"] = next((meeting for meeting in meetings if meeting.gallery.all()), None)
        context["figures"] = cached("home-figures", key_figures)
        context["projects_count"] = context["figures"]["projects"]
        return context


def key_figures() -> dict[str, int]:
    """The home page's counts (kept until the content changes: core.content_cache)."""
    return {
        "meetings": Meeting.objects.published().count(),
        "delegations": Delegation.objects.published().count(),
        "projects": AidProject.objects.published().count(),
        "programmes": AidProgramme.objects.published().count(),
    }


class MembersView(TemplateView):
    template_name = "website/members.html"

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
            people,
            key=lambda person: (order[person.current_memberships[0].role], person.name),
        )
        return context


class AboutView(TemplateView):
    template_name = "website/about.html"


class CountryListView(TemplateView):
    template_name = "website/country_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Kept until the content changes (core.content_cache).
        context["countries"] = cached("country-list", country_rows, per_language=True)
        return context


def country_rows() -> list[dict]:
    """Every country something published concerns, with its counts, by name."""
    meetings = Meeting.objects.published().count_by_country()
    visits = Delegation.objects.published().count_by_country()
    donors = Counter(AidProject.objects.published().values_list("donor__country", flat=True))
    codes = (set(meetings) | set(visits) | set(donors)) - {"", "BY"}
    return sorted_by_name(
        (
            {
                "code": code,
                "name": str(countries.name(code)),
                "meetings": meetings[code],
                "delegations": visits[code],
                "projects": donors[code],
            }
            for code in codes
        ),
        itemgetter("name"),
    )


class CountryDetailView(TemplateView):
    template_name = "website/country_detail.html"

    def get_context_data(self, **kwargs):
        code = self.kwargs["code"].upper()
        if code not in countries:
            raise Http404
        context = super().get_context_data(**kwargs)
        summary = cached(f"country:{code}", lambda: country_summary(code))
        context.update(
            code=code,
            country_name=countries.name(code),
            meetings_count=summary["meetings"]["count"],
            delegations_count=summary["delegations"]["count"],
            projects_count=summary["projects"]["count"],
            meetings_shown=len(summary["meetings"]["ids"]),
            delegations_shown=len(summary["delegations"]["ids"]),
        )
        # Only the sections with something in them are queried.
        if context["meetings_count"]:
            context["meetings"] = in_order(
                Meeting.objects.published().for_lists(), summary["meetings"]["ids"]
            )
        if context["delegations_count"]:
            context["delegations"] = in_order(
                Delegation.objects.published().for_lists(), summary["delegations"]["ids"]
            )
        if context["projects_count"]:
            context["projects"] = in_order(published_projects(), summary["projects"]["ids"])
            context["totals_html"] = totals_html(
                AidProject.objects.published().for_country(code), name=f"country:{code}", level=3
            )
        return context


def country_summary(code: str) -> dict:
    """How many published meetings, visits and projects concern the country, and
    which come first on its page (kept until the content changes: core.content_cache)."""
    return {
        "meetings": count_and_first(
            Meeting.objects.published().for_country(code), COUNTRY_PAGE_ITEMS
        ),
        "delegations": count_and_first(
            Delegation.objects.published().for_country(code), COUNTRY_PAGE_ITEMS
        ),
        "projects": count_and_first(published_projects().for_country(code), COUNTRY_PAGE_ITEMS),
    }


class SearchView(TemplateView):
    template_name = "website/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        raw = self.request.GET.get("q", "")
        query = clean_query(raw)
        context.update(
            query=query,
            truncated=len(" ".join(raw.split())) > MAX_QUERY_LENGTH,
            max_length=MAX_QUERY_LENGTH,
            results=search(query, get_language()) if query else [],
        )
        return context


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.ADMIN_URL}",
        "Disallow: /*/preview/",
        "Disallow: /*/search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def serve_public_media(request: HttpRequest, path: str) -> FileResponse:
    """Public media for development and tests (SERVE_MEDIA); like production, only variants.

    Served with the headers the README asks of the web server: a variant as the
    image it is, anything else as an inert download, all sandboxed.
    """
    if not settings.SERVE_MEDIA or not path.startswith(PUBLIC_MEDIA_PREFIXES) or ".." in path:
        raise Http404
    if not default_storage.exists(path):
        raise Http404
    image_type = IMAGE_VARIANT_TYPES.get(os.path.splitext(path)[1].lower())
    response = FileResponse(
        default_storage.open(path, "rb"),
        as_attachment=image_type is None,
        content_type=image_type or "application/octet-stream",
    )
    response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    # Variant names change whenever their content does: cache them forever.
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
