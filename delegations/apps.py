from django.utils.translation import gettext_lazy as _

from core import kinds


class DelegationsConfig(kinds.ContentAppConfig):
    name = "delegations"
    verbose_name = _("Delegations")

    def content_kinds(self) -> list[kinds.ContentKind]:
        from delegations.models import Delegation
        from delegations.sitemaps import DelegationSitemap
        from delegations.views import DelegationDetailView

        return [
            kinds.ContentKind(
                model=Delegation,
                detail_view=DelegationDetailView,
                sitemap=DelegationSitemap,
                sitemap_section="delegations",
                index_url="delegations:list",
                search_position=2,
                parts=(
                    "delegations.delegationmember",
                    "delegations.programmeitem",
                    "delegations.delegationdocument",
                    "delegations.delegationphoto",
                ),
                add_label=_("New visit"),
                in_annual_report=True,
            )
        ]
