"""The page templates the HTML and accessibility checks visit, and the content they need."""

import datetime as dt

from backoffice.demo.loader import load_demo_content
from delegations.models import ProgrammeItem
from tests.factories import make_delegation

#: One URL per page template (and the filtered and translated variants).
PAGE_TEMPLATES = [
    "/en/",
    "/ru/meetings/",
    "/en/meetings/?country=ZZ",
    "/en/meetings/2026/",
    "/be/meetings/2026/chairman-meets-ambassador-of-japan/",
    "/en/delegations/",
    "/en/delegations/2026/visit-to-tokyo/",
    "/en/aid/",
    "/ru/aid/programmes/japan-grass-roots-grant-assistance/",
    "/en/aid/projects/stolin-central-district-hospital-equipment/",
    "/en/countries/",
    "/en/countries/JP/",
    "/en/members/",
    "/en/about/",
    "/en/search/?q=hospital",
    "/en/open-data/",
]


def load_site() -> None:
    """The demo content plus a visit, so every template has something to show."""
    load_demo_content()
    visit = make_delegation(
        title_en="Visit to Tokyo",
        slug="visit-to-tokyo",
        direction="outgoing",
        countries=["JP"],
        start_date=dt.date(2026, 3, 2),
        end_date=dt.date(2026, 3, 4),
    )
    ProgrammeItem.objects.create(delegation=visit, date=dt.date(2026, 3, 3), title_en="Talks")
