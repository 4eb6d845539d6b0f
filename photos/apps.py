from django.utils.translation import gettext_lazy as _

from core import kinds


class PhotosConfig(kinds.ProjectAppConfig):
    name = "photos"
    verbose_name = _("Photos")

    def ready(self) -> None:
        from photos import signals  # noqa: F401 - connects the receiver
