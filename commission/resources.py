"""Import/export of people, organisations, topics and memberships (see ``core.resources``)."""

from __future__ import annotations

from import_export import fields

from commission.models import Membership, Organisation, Person, Topic
from core.resources import AllOrNothingResource, CountryWidget, slug_of, translated


class TopicResource(AllOrNothingResource):
    class Meta(AllOrNothingResource.Meta):
        model = Topic
        fields = ("slug", *translated("name"))


class OrganisationResource(AllOrNothingResource):
    parent = slug_of(Organisation, "parent")
    country = fields.Field(attribute="country", column_name="country", widget=CountryWidget())

    class Meta(AllOrNothingResource.Meta):
        model = Organisation
        fields = ("slug", *translated("name", "short_name"), "kind", "country", "parent", "website")


class PersonResource(AllOrNothingResource):
    organisation = slug_of(Organisation, "organisation")
    country = fields.Field(attribute="country", column_name="country", widget=CountryWidget())

    class Meta(AllOrNothingResource.Meta):
        model = Person
        fields = (
            "slug",
            *translated("name", "position", "biography"),
            "organisation",
            "country",
        )


class MembershipResource(AllOrNothingResource):
    person = slug_of(Person, "person")

    class Meta(AllOrNothingResource.Meta):
        model = Membership
        import_id_fields = ("person", "role", "start_date")
        fields = ("person", "role", "start_date", "end_date")
