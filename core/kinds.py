"""The kinds of published content: one registry that every list of kinds is read from.

A content app declares its kinds in its app configuration (``apps.py``): the
configuration is a :class:`ContentAppConfig` whose ``content_kinds()`` returns
one :class:`ContentKind` per publishable model. The core imports no app: it
only reads the configurations Django has loaded. The layers above iterate
:func:`kinds` (search, sitemaps, the admin's dashboard and its order, preview,
roles, backup, the annual report's drafts permission), so a new kind is
declared once, in its own app, and added to the URL file.

An ``apps.py`` imports this module, not its classes (``from core import
kinds``; ``class MeetingsConfig(kinds.ContentAppConfig)``): Django takes the
one ``AppConfig`` subclass an ``apps.py`` holds, and an imported base would
make two.

The order of the kinds is the order of ``INSTALLED_APPS``, then the order each
app lists its kinds in; every consumer keeps it (search has its own, see
``ContentKind.search_position``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.apps import AppConfig, apps
from django.core.exceptions import AppRegistryNotReady
from django.db import models
from django.utils.text import capfirst


@dataclass(frozen=True)
class ContentKind:
    """One kind of published content, as the site, the reports and the back office see it."""

    #: The model: a ``core.publishing.PublishableModel`` with ``search_fields``.
    model: type[models.Model]
    #: The public detail view; the preview of a draft renders it (``as_view(preview=True)``).
    detail_view: type
    #: The sitemap class of its published items.
    sitemap: type
    #: Its section in the sitemap index (``/sitemap-<section>.xml``).
    sitemap_section: str
    #: URL name of the public index page it is listed on (in the pages sitemap;
    #: kinds sharing one index page name it each, it is listed once).
    index_url: str
    #: Place among the kinds in search results (results of equal rank keep it).
    search_position: int
    #: The models edited with it, as "app_label.model_name" (its parts): editors
    #: and publishers hold their permissions (``core.roles``).
    parts: tuple[str, ...] = ()
    #: The label of the admin dashboard's "New …" shortcut; none without one.
    add_label: str | None = None
    #: Listed in the annual report (and its drafts in the internal version).
    in_annual_report: bool = False

    @property
    def label(self) -> str:
        """``app_label.model_name``, as permissions and signed preview links name it."""
        return self.model._meta.label_lower

    @property
    def name(self) -> str:
        """One item's name in the active language ("Meeting"), as search results label it."""
        return capfirst(self.model._meta.verbose_name)

    @property
    def search_fields(self) -> tuple[str, ...]:
        """The text fields searched (the first is the title), as the model declares them."""
        return self.model.search_fields


class ProjectAppConfig(AppConfig):
    """An app of the project: its models' text is cleaned on save (``core.text``)
    and a change to them clears the cached public pages (``core.apps``)."""


class ContentAppConfig(ProjectAppConfig):
    """An app that publishes content: it declares its kinds."""

    def content_kinds(self) -> list[ContentKind]:
        """The app's kinds, in the order they are listed everywhere.

        Called once, after every app is ready, so it may import the app's
        models, views and sitemaps.
        """
        return []


def project_app_labels() -> list[str]:
    """Labels of the project's own apps, in ``INSTALLED_APPS`` order."""
    return [
        config.label for config in apps.get_app_configs() if isinstance(config, ProjectAppConfig)
    ]


def kinds() -> tuple[ContentKind, ...]:
    """Every kind of published content, in the order listed everywhere."""
    if not apps.ready:
        raise AppRegistryNotReady("The kinds of content are read once every app is ready.")
    return _kinds()


@functools.cache
def _kinds() -> tuple[ContentKind, ...]:
    found: list[ContentKind] = []
    for config in apps.get_app_configs():
        if isinstance(config, ContentAppConfig):
            found.extend(config.content_kinds())
    labels = [kind.label for kind in found]
    duplicates = sorted({label for label in labels if labels.count(label) > 1})
    if duplicates:
        raise ValueError(f"Kinds of content declared twice: {', '.join(duplicates)}")
    return tuple(found)


def kind_by_label() -> dict[str, ContentKind]:
    """{"app_label.model_name": kind}."""
    return {kind.label: kind for kind in kinds()}


def search_kinds() -> list[ContentKind]:
    """The kinds in the order search lists them."""
    return sorted(kinds(), key=lambda kind: kind.search_position)


def publishable_labels() -> list[str]:
    """``app_label.model_name`` of every kind."""
    return [kind.label for kind in kinds()]
