from core.sitemaps import PublishedSitemap
from delegations.models import Delegation


class DelegationSitemap(PublishedSitemap):
    model = Delegation
    fields = ("slug", "start_date", "updated_at")
