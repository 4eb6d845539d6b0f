"""Which shared objects are in public use: shown on a page the public can see.

People, organisations, topics, photos and commission memberships have no
publication state of their own: they appear wherever published content shows
them, so changing one that is in public use changes live pages at once. That
is the publisher's (``commission.publish_shared``, see ``core.roles``).
This module is the one definition; the admin's change and delete permissions,
its bulk delete, the history revert and the import all ask it.

An object is in public use when

- a published object refers to it (a delegation's head, host organisations or
  topics; a meeting's topics; an aid programme's or project's donor or
  recipient), or
- it is referred to by a row that belongs to a published object (a meeting's
  participant, a delegation's member, an item of a published gallery);

and besides those references:

- a person who is a current commission member (the members page),
- the portrait of a person in public use,
- every commission membership (the members page is public, and a future
  membership becomes current by itself).

"Published" is each content model's own ``published()`` queryset. The
references are read from the models' fields, so a new kind of published
content is covered without a change here.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db import models
from django.db.models import Q

from commission.models import Membership, Person
from core.publishing import PublishableModel


def _is_publishable(model: type[models.Model] | None) -> bool:
    return isinstance(model, type) and issubclass(model, PublishableModel)


def _published_references(model: type[models.Model]) -> list[Q]:
    """Conditions matching the objects of ``model`` that published objects show."""
    conditions = []
    for relation in model._meta.related_objects:
        source = relation.related_model
        lookup = relation.field.related_query_name()
        if _is_publishable(source):
            paths = [(lookup, source)]
        else:
            # A child row (participant, gallery item…) of a published object.
            paths = [
                (f"{lookup}__{field.name}", field.related_model)
                for field in source._meta.get_fields()
                if field.many_to_one and field.concrete and _is_publishable(field.related_model)
            ]
        for path, publishable in paths:
            used = model._default_manager.filter(
                **{f"{path}__in": publishable._default_manager.published()}
            )
            conditions.append(Q(pk__in=used.values("pk")))
    return conditions


def _other_uses(model: type[models.Model]) -> list[Q]:
    """Public uses that are not references from published content."""
    if model is Person:
        return [Q(pk__in=Membership.objects.current().values("person"))]
    if model._meta.label_lower == "photos.photo":
        portraits = in_public_use(Person).filter(portrait__isnull=False).values("portrait")
        return [Q(pk__in=portraits)]
    return []


def in_public_use(model: type[models.Model]) -> models.QuerySet:
    """The objects of a shared model that some public page shows."""
    if model is Membership:
        return model._default_manager.all()
    conditions = _published_references(model) + _other_uses(model)
    if not conditions:
        return model._default_manager.none()
    return model._default_manager.filter(reduce(or_, conditions))


def is_in_public_use(obj: models.Model) -> bool:
    """Whether this one object is shown on a public page."""
    if obj.pk is None:
        return False
    return in_public_use(type(obj)).filter(pk=obj.pk).exists()
