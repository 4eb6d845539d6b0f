"""Change history of every content model (django-simple-history).

History is registered in each app's ``translation.py``, after the model's
translations, so that the historical tables get the per-language columns too.
"""

from __future__ import annotations

import simple_history
from django.db import models
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from simple_history.signals import pre_create_historical_record


class HistoryAuthor(models.Model):
    """Keeps the author's name in each record, so history outlives staff accounts."""

    history_user_name = models.CharField(_("changed by"), max_length=150, blank=True)

    class Meta:
        abstract = True


def track_history(*tracked: type[models.Model]) -> None:
    for model in tracked:
        simple_history.register(model, bases=[HistoryAuthor])


@receiver(pre_create_historical_record, dispatch_uid="commission.history_author")
def remember_author_name(sender, history_instance, history_user=None, **kwargs) -> None:
    # The user foreign key is set to NULL when an account is deleted; the name stays.
    if history_user is not None:
        history_instance.history_user_name = history_user.get_username()
